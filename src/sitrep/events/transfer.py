"""Territory that changes hands with no fight told: ACLED's Non-violent transfer of territory.

A capture is a battle only when fighting took it. When the passage tells one side leaving
("government forces pulled out", "the militants abandoned the town", "the base was
vacated by the army") and no fighting at all (no clash, battle, attack, shelling, killing),
the side that took the place over acquired it without a fight. The cues are in
``data/cues.yaml`` (``withdrawal``, ``fighting``); the context is the event's sentence and
the next one, as for the other boundaries read in context (``details.in_context``).
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.events.lexicon import _any, _load

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _load("cues.yaml")
    return _any(data["withdrawal"]), _any(data["fighting"])


def withdrawn_without_fight(context: str) -> bool:
    """One side is told leaving and no fighting is told."""
    withdrawal, fighting = _cues()
    return bool(withdrawal.search(context)) and not fighting.search(context)


def settle(event_type: str, sub_event_type: str, context: str) -> tuple[str, str]:
    """A territorial event whose context tells a withdrawal and no fighting is a transfer."""
    if sub_event_type in TERRITORY and withdrawn_without_fight(context):
        return TRANSFER
    return event_type, sub_event_type
