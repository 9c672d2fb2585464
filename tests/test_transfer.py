"""Territory that changes hands with no fight told (issue 15): ACLED's Non-violent transfer of
territory, on sentences written for these tests (invented places)."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.events.transfer import settle, withdrawn_without_fight
from sitrep.model import NON_FACTUAL

TRANSFER = "Non-violent transfer of territory"


def main_sub_type(body: str) -> str | None:
    """The first asserted event's sub-type (main kinds before side ones)."""
    events = [e for e in extract_text(body).events if e.status not in NON_FACTUAL]
    if not events:
        return None
    first = min(events, key=lambda e: (e.optional, min(s.start for s in e.evidence)))
    return first.sub_event_type


@pytest.mark.parametrize("body", [
    # one side leaves, the other moves in
    "Government troops pulled out of the town of Varno overnight, and rebel fighters moved in "
    "on Monday morning.",
    "Northern troops left the town of Kalmir on Tuesday, and the militia entered it.",
    "The militia left the town of Dessor on Saturday, and the army took control of it the next "
    "day.",
    # a capture after the other side left, with no fight told
    "Soldiers deserted the garrison at Lakotu, and the insurgents occupied it the following day.",
    "The jihadists seized the town of Oruma, which had been abandoned by the army days earlier.",
    # a withdrawal or a cession of a place
    "The separatists vacated their positions around the town of Belvar, allowing government "
    "soldiers to move in.",
    "The army ceded the district of Harnu to the rebels after local leaders negotiated.",
    # entered a place long held by another
    "The army entered the town of Velsk on Friday for the first time in years.",
    # taken over from a force that leaves, re-entered, assumed control, vacated by another
    "Malian troops took over the Orvel base from French forces on Friday.",
    "Government forces re-entered the town of Orvel after the militants fled.",
    "The national army assumed control of the Orvel camp on Monday after the peacekeepers "
    "withdrew.",
    "The army moved into the town of Orvel, vacated by the rebels a day earlier.",
    # a withdrawal completed, an armed side that left a place
    "French troops completed their withdrawal from the Orvel base on Monday.",
    "The jihadists left the town of Orvel on Sunday, residents said.",
])
def test_a_place_left_to_the_other_side_is_a_transfer(body: str) -> None:
    assert main_sub_type(body) == TRANSFER


@pytest.mark.parametrize("body", [
    "Rebels captured the town of Varno after heavy fighting with government forces.",
    "Government troops pulled out of the town of Varno after clashes, and the rebels took it.",
    "Troops entered the town of Velsk after a battle with the militia.",
    "The rebels left the town of Orvel after two days of fighting with the army.",
    "Thousands of residents left the town of Orvel on Sunday.",
])
def test_a_place_taken_in_a_fight_is_no_transfer(body: str) -> None:
    assert main_sub_type(body) != TRANSFER


@pytest.mark.parametrize("body", [
    "The rebels handed over their weapons to the monitors in the town of Varno on Monday.",
    "The party pulled out of the election in the town of Varno.",
])
def test_a_handover_of_arms_or_a_withdrawal_from_a_race_is_no_transfer(body: str) -> None:
    assert main_sub_type(body) != TRANSFER


def test_withdrawal_without_fight_reads_both_cues() -> None:
    assert withdrawn_without_fight("The militia abandoned the hill after the troops left.")
    assert not withdrawn_without_fight("The militia abandoned the hill after the troops attacked.")
    assert settle("Battles", "Government regains territory",
                  "The army took the town after the rebels withdrew.") == (
        "Strategic developments", TRANSFER)
    assert settle("Battles", "Armed clash", "The rebels withdrew.") == ("Battles", "Armed clash")


@pytest.mark.parametrize(("body", "taken"), [
    ("Government troops took the main town in the valley of Orvel on Wednesday after two days "
     "of fighting.", True),
    ("Thousands of people took refuge in the town of Orvel.", False),
    ("The convoy took the road to the town of Orvel.", False),
])
def test_took_the_town_is_a_capture(body: str, taken: bool) -> None:
    sub_type = main_sub_type(body)
    assert (sub_type in ("Government regains territory",
                         "Non-state actor overtakes territory")) is taken
