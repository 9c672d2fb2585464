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


def test_resistance_forces_are_the_group_the_dispatch_is_about() -> None:
    x = extract_text(" date 2025-08-07 The TNLA said junta troops attacked its positions. "
                     "Clashes continue in Hsipaw township as resistance forces push back against "
                     "the junta, a TNLA spokesman said on Tuesday.")
    clashes = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert clashes and all({e.actor1, e.actor2} == {
        "Military Forces of Myanmar (2021-)", "TNLA: Ta'ang National Liberation Army"}
        for e in clashes)


def test_a_foreign_army_taking_a_village_overtakes_it_from_the_other_army() -> None:
    x = extract_text(" date 2025-08-07 Russian troops captured Arkhangelske village in the "
                     "Donetsk region on Saturday, the ministry said. Ukrainian forces said they "
                     "held the line near Kharkiv.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == (
        "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")


def test_bare_rebels_with_no_group_named_are_an_unidentified_armed_group() -> None:
    x = extract_text(" date 2025-03-05 Rebels captured the town of Kelo in northern Mali on "
                     "Monday after heavy fighting with the army.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)")


def test_fighters_linked_to_a_named_group_are_that_group_in_the_article_country() -> None:
    x = extract_text(" date 2025-03-05 Islamic State-linked insurgents killed ten villagers "
                     "near Tila in Mozambique on Friday.")
    [event] = x.events
    assert event.actor1 is not None and event.actor1.startswith("Islamic State")
    assert event.actor2 == "Civilians (Mozambique)"
