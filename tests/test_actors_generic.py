"""Generic actors outside Myanmar: unnamed attackers are an Unidentified Armed Group of the
article's country."""

from __future__ import annotations

from sitrep import extract_text


def test_attackers_raiding_a_village_are_an_unidentified_armed_group() -> None:
    x = extract_text(" date 2025-08-07 In Mali, attackers raided Dioura village late on Sunday, "
                     "killing 12 villagers, the governor said.")
    [event] = [e for e in x.events if e.sub_event_type == "Attack"]
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 == "Civilians (Mali)"
    assert event.fatalities == 12


def test_russian_attacks_are_russias_and_nationality_words_are_no_counts() -> None:
    x = extract_text(" date 2025-08-07 Ukrainian police said three people had been killed and "
                     "two wounded in Russian attacks on Kramatorsk in the Donetsk region on "
                     "Monday.")
    [event] = x.events
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Civilians (Ukraine)"
    assert (event.fatalities, event.injured) == (3, 2)
    assert event.source == "Ukrainian police"
