"""Troop movements, recruitment and group changes (ACLED: Change to group/activity), on
sentences written for these tests (issue 12, branch moves6)."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import NON_FACTUAL, Event

MOVE = "Change to group/activity"


def _asserted(body: str) -> list[Event]:
    return [e for e in extract_text(body).events if e.status not in NON_FACTUAL]


def _moves(body: str) -> list[Event]:
    return [e for e in _asserted(body) if e.sub_event_type == MOVE]


@pytest.mark.parametrize("body", [
    # a count with a comma between the verb and the men
    "The Sudanese army deployed 2,000 troops to El Obeid on Monday.",
    # any tense of the verb, and other names for the men
    "The army has dispatched several perimeter guards to Kadugli, residents said.",
    "The Sudanese army mobilised thousands of troops near Kadugli on Monday.",
    "Israel has called up 300,000 reservists.",
    # a group that strengthens its presence
    "The army beefed up security in Kadugli on Monday.",
    "The army increased its troop presence in Kadugli on Monday.",
    # an armed side's men that arrive, cross into, move into a place
    "Hundreds of fighters from the RSF arrived in Bara on Friday.",
    "Turkish forces crossed the border into northern Iraq on Tuesday.",
    "The RSF moved into Bara on Monday.",
    "A convoy of RSF fighters was seen heading toward El Obeid on Monday.",
    # joining an armed side, defecting, a new group
    "Thousands of young men have joined the Fano militia in Amhara region in recent months.",
    "Dozens of soldiers defected to the rebels in the town of Orvel on Monday.",
    "The rebels formed a new armed group in the town of Orvel on Monday.",
    "A new jihadist group emerged in northern Benin last month.",
    "Dozens of soldiers deserted their posts in Bunia on Monday.",
    # taking up positions, regrouping: the subject is armed
    "Russian troops have been regrouping near Kupiansk.",
    "Armed men took up positions in the village of Solhan on Monday.",
    "Israeli tanks rolled into Rafah on Tuesday.",
    "Israeli troops pushed deeper into Rafah on Tuesday.",
    "Russian forces massed near Kupiansk on Monday.",
    "M23 rebels closed in on Goma on Sunday.",
    "The withdrawal of Ethiopian troops from Gedo began on Monday.",
])
def test_a_group_that_moves_recruits_or_changes_is_coded(body: str) -> None:
    assert _moves(body), extract_text(body).events


@pytest.mark.parametrize("body", [
    # motion verbs whose subject is no armed side
    "A shell landed in the village of Dasra on Monday, killing two children.",
    "The UN envoy arrived in Khartoum on Sunday for talks.",
    "The president arrived in Kampala on Monday for a two-day visit.",
    "Floodwaters moved into the town of Orvel on Monday.",
    # people of an armed group who are no fighting men: a delegation travels
    "RSF representatives arrived in Jeddah on Monday for the talks.",
    # conscripts and recruits named as people, no recruitment told
    "Muslim conscripts are fighting alongside regime troops in Maungdaw.",
])
def test_no_armed_side_moving_is_no_movement(body: str) -> None:
    assert not _moves(body), extract_text(body).events


@pytest.mark.parametrize("body", [
    "The army will deploy 2,000 troops to Kadugli next week.",
    "The army plans to send reinforcements to El Fasher.",
    "The RSF threatened to move into Bara.",
])
def test_a_movement_still_to_come_is_not_asserted(body: str) -> None:
    assert not _moves(body)
    assert MOVE in [e.sub_event_type for e in extract_text(body).events]


def test_an_arrival_leading_into_a_fight_there_is_part_of_it() -> None:
    events = _asserted("Sudanese troops entered Bara on Saturday and killed five villagers.")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_an_arrival_told_with_the_same_sides_capture_is_part_of_it() -> None:
    events = _asserted("Sudanese troops captured Bara on Saturday and continue to advance on "
                       "El Obeid, an army source said.")
    assert MOVE not in [e.sub_event_type for e in events]


def test_reinforcements_sent_beside_a_battle_stay_an_event() -> None:
    """The gold codes a deployment told beside a battle apart (only arrivals fold in)."""
    events = _asserted("The army sent reinforcements to Bara on Monday and clashed with the RSF "
                       "there.")
    assert {"Armed clash", MOVE} <= {e.sub_event_type for e in events}


def test_a_movement_has_no_second_side() -> None:
    moves = _moves("The army beefed up security in Kadugli following a clash with the RSF on "
                   "Monday.")
    assert moves and all(e.actor2 is None for e in moves)


def test_the_subject_of_a_progressive_verb_does_it() -> None:
    """"has been recruiting": a progressive, not a passive; the RSF recruits."""
    moves = _moves("The RSF has been recruiting young men in Nyala.")
    assert [e.actor1 for e in moves] == ["RSF: Rapid Support Forces"]


@pytest.mark.parametrize("body", [
    "The army, which deployed troops to Kadugli in 2020, shelled Dilling on Monday.",
    "Sudanese troops, who were deployed to El Obeid last year, clashed with the RSF in Bara "
    "on Monday.",
    "The RSF, which recruited thousands of fighters in Darfur, attacked El Fasher on Monday.",
])
def test_a_movement_in_a_relative_clause_describes_the_group(body: str) -> None:
    assert not _moves(body), extract_text(body).events
    assert _asserted(body)  # the clause's own event stays


def test_a_movement_told_in_the_main_clause_beside_a_relative_one_stays() -> None:
    assert _moves("The army, which lost Bara last week, sent reinforcements to El Obeid on "
                  "Monday.")


def test_a_side_withdrawing_its_men_from_a_town_leaves_it() -> None:
    """As "withdrew from X" (the withdrawal kind): a Non-violent transfer, no second event."""
    events = _asserted("The RSF withdrew its fighters from Bara on Monday.")
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


@pytest.mark.parametrize(("body", "goal"), [
    ("The RSF redeployed its forces from Khartoum to El Obeid in March.", "El Obeid"),
    ("The army dispatched 1,000 troops based in Kadugli to Dilling on Monday.", "Dilling"),
])
def test_a_movement_is_placed_at_its_goal_not_its_origin(body: str, goal: str) -> None:
    assert [e.location.name for e in _moves(body) if e.location] == [goal]


def test_a_long_movement_governs_the_place_after_its_men() -> None:
    moves = _moves("After the fall of Kadugli, the army sent a column of more than 500 heavily "
                   "armed soldiers to Dilling on Monday.")
    assert [e.location.name for e in moves if e.location] == ["Dilling"]


@pytest.mark.parametrize("body", [
    "RSF fighters were deployed to El Fasher on Monday.",
    "Hundreds of Hezbollah fighters have been sent to Syria to fight alongside government forces.",
])
def test_the_subject_of_a_passive_movement_moved(body: str) -> None:
    assert [e.actor1 for e in _moves(body)] in (["RSF: Rapid Support Forces"], ["Hezbollah"])


def test_a_new_wing_announced_is_a_group_change() -> None:
    assert _moves("The rebels announced on Monday the creation of a new armed wing in Darfur.")
