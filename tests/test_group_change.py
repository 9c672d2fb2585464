"""Change to group/activity on sentences written for these tests (issue 15)."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import NON_FACTUAL


@pytest.mark.parametrize("body", [
    "The Orvel Front announced a new leader on Monday in the town of Orvel.",
    "The militia in the town of Orvel announced it was suspending its operations in the region.",
])
def test_a_new_leader_or_suspended_operations_change_the_group(body: str) -> None:
    assert "Change to group/activity" in [e.sub_event_type for e in extract_text(body).events
                                          if e.status not in NON_FACTUAL]
