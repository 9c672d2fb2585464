"""Casualty figures: which deaths and injuries a report gives which event (ACLED)."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.details import fatalities, injured
from sitrep.model import Event


def strikes(body: str, published: str = "2025-09-12") -> list[Event]:
    extraction = extract_text(f" date {published} {body}")
    return [e for e in extraction.events if e.sub_event_type == "Air/drone strike"]


def test_the_day_of_a_date_is_no_count_of_the_dead() -> None:
    sentence = "On June 3, 2 villagers were killed and 5 others were wounded by the shelling."
    assert (fatalities(sentence), injured(sentence)) == (2, 5)


def test_a_thousands_separator_and_an_age_still_read_as_before() -> None:
    """Guards: the count no longer swallows a trailing comma, nor the words an age."""
    assert fatalities("Since March, 1,250 people have been killed in the region.") == 1250
    assert fatalities("A 61-year-old farmer died after the mortar attack.") == 1


def test_deaths_told_in_the_next_sentence_of_the_same_attack_are_its_own() -> None:
    [strike] = strikes("On Monday junta jets bombed Man Pying village in Kutkai Township. "
                       "The bomb hit a school, killing four children and injuring nine people.")
    assert (strike.fatalities, strike.injured) == (4, 9)
    assert len(strike.evidence) == 2


def test_deaths_after_strikes_on_several_places_are_a_total_for_none() -> None:
    found = strikes("Junta aircraft bombed Kutkai and Namtu towns on Monday. "
                    "The strikes killed seven people.")
    assert sorted(e.location.name for e in found if e.location) == ["Kutkai", "Namtu"]
    assert [e.fatalities for e in found] == [None, None]


def test_a_running_total_in_the_next_sentence_is_not_the_attacks() -> None:
    [strike] = strikes("Junta jets bombed Namtu town on Monday. "
                       "The airstrikes have killed 120 civilians since January.")
    assert strike.fatalities is None
