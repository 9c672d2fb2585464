"""Casualty figures: which deaths and injuries a report gives which event (ACLED)."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.details import crowd_toll, fatalities, injured
from sitrep.model import Event


def strikes(body: str, published: str = "2025-09-12") -> list[Event]:
    extraction = extract_text(f" date {published} {body}")
    return [e for e in extraction.events if e.sub_event_type == "Air/drone strike"]


def test_the_day_of_a_date_is_no_count_of_the_dead() -> None:
    sentence = "On June 3, 2 villagers were killed and 5 others were wounded by the shelling."
    assert (fatalities(sentence), injured(sentence)) == (2, 5)


def test_the_injured_after_and_are_not_counted_with_the_dead() -> None:
    sentence = "The shelling killed one child and injured seven others."
    assert (fatalities(sentence), injured(sentence)) == (1, 7)


def test_a_thousands_separator_and_an_age_still_read_as_before() -> None:
    """Guards: the count no longer swallows a trailing comma, nor the words an age."""
    assert fatalities("Since March, 1,250 people have been killed in the region.") == 1250
    assert fatalities("A 61-year-old farmer died after the mortar attack.") == 1


def test_deaths_told_in_the_next_sentence_of_the_same_attack_are_its_own() -> None:
    [strike] = strikes("On Monday junta jets bombed Man Pying village in Kutkai Township. "
                       "The bomb hit a school, killing four children and injuring nine people.")
    assert (strike.fatalities, strike.injured) == (4, 9)
    assert len(strike.evidence) == 2


def test_deaths_in_the_next_sentence_reach_a_village_named_with_its_township() -> None:
    found = strikes("On Monday junta jets bombed a monastery in Man Pying village, Kutkai "
                    "Township, with two 250-pound bombs. The bombing killed three novices.")
    man_pying = [e for e in found if e.location and e.location.name == "Man Pying"]
    assert [e.fatalities for e in man_pying] == [3]


def test_deaths_after_strikes_on_several_places_are_a_total_for_none() -> None:
    found = strikes("Junta aircraft bombed Kutkai and Namtu towns on Monday. "
                    "The strikes killed seven people.")
    assert sorted(e.location.name for e in found if e.location) == ["Kutkai", "Namtu"]
    assert [e.fatalities for e in found] == [None, None]


def test_a_running_total_in_the_next_sentence_is_not_the_attacks() -> None:
    [strike] = strikes("Junta jets bombed Namtu town on Monday. "
                       "The airstrikes have killed 120 civilians since January.")
    assert strike.fatalities is None


def test_attacks_at_two_places_in_two_clauses_each_take_their_own_toll() -> None:
    x = extract_text(" date 2025-09-12 There was a massacre in Kani town on Monday, where 12 men "
                     "were shot dead by junta soldiers, and an airstrike on a school in Namtu "
                     "town killed five people.")
    tolls = {e.location.name: e.fatalities for e in x.events if e.location}
    assert tolls == {"Kani": 12, "Namtu": 5}


def test_one_toll_for_strikes_on_a_list_of_places_goes_to_none_of_them() -> None:
    found = strikes("Junta jets bombed Kutkai and Namtu towns on Monday, killing seven "
                    "civilians and injuring ten.")
    assert sorted(e.location.name for e in found if e.location) == ["Kutkai", "Namtu"]
    assert {(e.fatalities, e.injured) for e in found} == {(None, None)}


def test_a_place_that_locates_another_makes_no_list() -> None:
    x = extract_text(" date 2025-09-12 On Monday junta troops shelled Na Ga Yar village in "
                     "Kyauktaw Township, killing two civilians.")
    assert [e.fatalities for e in x.events] == [2]


def test_a_toll_for_several_strikes_over_a_span_goes_to_none_of_them() -> None:
    [strike] = strikes("Junta airstrikes killed at least 20 civilians over the past two weeks "
                       "in Namtu town.")
    assert strike.fatalities is None


def test_one_strike_keeps_its_toll_though_the_sentence_says_since() -> None:
    [strike] = strikes("A junta airstrike on Namtu town on Monday killed three people, the "
                       "first since the TNLA took the town.")
    assert strike.fatalities == 3


def battles(body: str, published: str = "2025-09-12") -> list[Event]:
    extraction = extract_text(f" date {published} {body}")
    return [e for e in extraction.events if e.sub_event_type == "Armed clash"]


def test_a_toll_in_the_next_sentence_without_a_place_is_the_clash_just_told() -> None:
    """The next sentence tells the clash again with no place and gives its toll."""
    [clash] = battles("Fighting broke out between the army and rebels near Kutkai town in "
                      "northern Shan State on Saturday. Sources reported heavy losses, with "
                      "six soldiers killed during the exchange of fire.")
    assert clash.fatalities == 6


def test_a_toll_told_with_a_source_in_the_next_sentence_reaches_the_clash() -> None:
    [clash] = battles("Troops clashed with militants near Kunduz on Monday. Sources said the "
                      "clash left four militants dead.")
    assert clash.fatalities == 4


def test_a_toll_with_no_place_goes_to_the_account_just_told_not_the_first() -> None:
    found = battles("Troops clashed with rebels near Kutkai town on Monday. Later that week, "
                    "in a separate incident, soldiers clashed with rebels near Namhsan town "
                    "on Thursday. Two soldiers were killed in the clash.")
    tolls = {e.location.name: e.fatalities for e in found if e.location}
    assert tolls.get("Kutkai") is None and tolls.get("Namhsan") == 2


def test_a_toll_over_months_in_the_next_sentence_is_no_one_strikes() -> None:
    """Guard: a total for airstrikes over months is not the one strike's toll."""
    [strike] = strikes("Airstrikes hit Kutkai town on Saturday. Junta airstrikes killed at "
                       "least 40 civilians between June and August, a rights group said.")
    assert strike.fatalities is None


def test_a_death_told_just_before_the_assault_told_again_is_its_toll() -> None:
    """The attack's sentence codes nothing; the next one tells it by a definite noun."""
    found = battles("On Sunday, an incident near Marmoun village in Kunduz province "
                    "resulted in the death of a police official and injuries to two others. "
                    "The assault targeted a police checkpoint near Marmoun village, with the "
                    "gunmen fleeing afterwards.")
    assert found and all(e.fatalities == 1 for e in found)


def test_a_running_total_just_before_the_assault_is_not_its_toll() -> None:
    found = battles("The insurgency has caused the deaths of 300 police officers since 2021. "
                    "The assault targeted a police checkpoint near Marmoun village in Kunduz "
                    "province on Sunday.")
    assert found and all(e.fatalities is None for e in found)


def test_an_aside_between_the_victims_and_the_verb_keeps_the_count() -> None:
    sentence = ("At least 12 villagers, including a monk and a child, were killed when "
                "soldiers shelled the town.")
    assert fatalities(sentence) == 12


def test_a_count_of_deaths_is_a_toll() -> None:
    assert fatalities("Clashes broke out on Monday, with at least three army deaths.") == 3


def test_one_trigger_at_two_places_in_two_clauses_gives_each_its_own_figures() -> None:
    """"A man was killed in A, and 9 were injured in B": B's attack has no death."""
    extraction = extract_text(" date 2023-08-21 An elderly man has been killed in the city of "
                              "Kupiansk in Kharkiv Oblast, and 9 people have been injured in "
                              "Izium, Ukrainian officials said of the Russian attacks.")
    figures = {e.location.name: (e.fatalities, e.injured)
               for e in extraction.events if e.location}
    assert figures.get("Kupiansk") == (1, None)
    assert figures.get("Izium") == (None, 9)


def test_the_death_a_crowd_gathers_over_is_not_its_toll() -> None:
    assert crowd_toll("Demonstrators stormed a militia headquarters on Thursday following "
                      "the funeral of a youth killed by the militia, demanding a trial.") is None
    assert crowd_toll("Police fired on protesters angry over the killing of a student, "
                      "killing three.") == 3


def test_an_age_is_no_count_of_the_dead() -> None:
    """"killing 7-year-old Aung": one child, not seven dead."""
    assert fatalities("Soldiers fired shells into the village, killing 7-year-old Aung and "
                      "injuring a man.") == 1
    assert fatalities("The raid killed 20-30 people.") == 20
    assert fatalities("Residents said a seven-year-old from Kanu village was killed and two "
                      "residents were wounded.") == 1
    assert fatalities("Three 20-year-old students were killed.") == 3
