"""Passages that report no ACLED event (issue 15), on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import NON_FACTUAL


@pytest.mark.parametrize("body", [
    # an industrial or road accident is no remote explosive
    "A fuel tanker overturned and exploded on the highway near Orvel, killing 40 people.",
    "An explosion at a coal mine near the town of Orvel killed 22 miners on Tuesday.",
    "A blast at a firecracker workshop in Orvel killed nine people.",
    # seizing drugs or cash takes no territory
    "Police seized two tonnes of cocaine in a warehouse at the port of Orvel.",
    # weapons tests, exercises, mine clearance and history fire at no one
    "The northern state test-fired two ballistic missiles into the sea off Orvel on Thursday.",
    "The navy held live-fire drills near Orvel, firing artillery and missiles at targets.",
    "The army held joint exercises near Orvel, including simulated air strikes.",
    "Demining teams cleared 300 landmines from farmland near Orvel last year.",
    "Scientists found the bones of soldiers killed in a 17th-century battle near Orvel.",
])
def test_accidents_and_seizures_of_goods_are_no_events(body: str) -> None:
    assert [e.sub_event_type for e in extract_text(body).events
            if e.status not in NON_FACTUAL] == []


def test_the_raid_of_an_arrest_is_no_clash() -> None:
    found = [e.sub_event_type for e in extract_text(
        "Security forces detained 15 suspected members of the banned Orvel Front in raids in "
        "the town of Orvel on Tuesday.").events if e.status not in NON_FACTUAL]
    assert "Armed clash" not in found and "Arrests" in found
