"""Discourse places (issue 12): an event sentence with no place of its own that points back
to one ("there", "in this sector", "in the area", "nearby") takes the story's focus, the
event place told last before it. Sentences written for these tests."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.locating import _anaphor, story_place
from sitrep.model import Event, Extraction, Sentence


def run(body: str, published: str = "2025-09-12") -> Extraction:
    return extract_text(f" date {published} {body}")


def placed(extraction: Extraction, event_type: str) -> list[tuple[str, int | None]]:
    events: list[Event] = [e for e in extraction.events if e.event_type == event_type]
    return sorted((e.location.name, e.geo_precision) for e in events if e.location)


def test_in_this_sector_takes_the_place_told_before() -> None:
    x = run("Rebels stormed an army post in Lashio on Monday.\n"
            "In this sector, two soldiers were killed by a landmine on Wednesday.")
    assert ("Lashio", 2) in placed(x, "Explosions/Remote violence")


def test_there_takes_the_place_told_before() -> None:
    x = run("Rebels clashed with junta troops in Lashio on Monday. There, a drone strike "
            "killed three civilians on Tuesday.")
    assert ("Lashio", 1) in placed(x, "Explosions/Remote violence")


def test_existential_there_points_to_no_place() -> None:
    assert _anaphor().search("There were clashes between the two armies.") is None
    assert _anaphor().search("There have been airstrikes for weeks.") is None
    assert _anaphor().search("There, drones hit a market.") is not None


def test_an_area_noun_needs_a_locative() -> None:
    # "flying over the area", "evacuated from the area": movement, no place of an event
    assert _anaphor().search("Helicopters are still flying over the area.") is None
    assert _anaphor().search("Wounded were taken from the area.") is None
    assert _anaphor().search("Fighting raged in the area on Monday.") is not None


def test_nearby_as_an_adjective_points_to_no_place() -> None:
    assert _anaphor().search("People fled nearby cities.") is None
    assert _anaphor().search("A mine exploded nearby, killing two.") is not None


def test_no_pointer_no_focus() -> None:
    text = "Junta troops shelled Lashio on Monday. Three civilians were killed by a drone."
    second = Sentence(1, 39, len(text), text[39:])
    first = Sentence(0, 0, 38, text[:38])
    assert story_place(second, [first, second], text, {}) == []


def test_only_political_violence_takes_the_focus() -> None:
    text = "Junta troops shelled Lashio on Monday. Thousands fled the area there."
    first, second = Sentence(0, 0, 38, text[:38]), Sentence(1, 39, len(text), text[39:])
    assert story_place(second, [first, second], text, {}, "Strategic developments") == []


def test_a_named_area_is_a_place() -> None:
    x = run("Rebels attacked a junta checkpoint in the Zorvat area, 20 km from Lashio, on "
            "Sunday.")
    names = [e.location.name for e in x.events if e.location]
    assert "Zorvat" in names


def test_an_event_told_again_by_a_definite_noun_takes_its_place() -> None:
    # the sentence before tells the event in words no trigger knows
    x = run("Gunmen were seen near a police checkpoint in Lashio on Sunday.\n"
            "The assault on the checkpoint killed two police officers.")
    assert [name for name, _ in placed(x, "Battles")] == ["Lashio"]


def test_an_event_noun_after_a_coded_event_takes_no_focus() -> None:
    # "The strikes killed seven": the bombing told again (a total for none of its places)
    text = "Junta aircraft bombed Kutkai town on Monday. The strikes killed seven people."
    first, second = Sentence(0, 0, 44, text[:44]), Sentence(1, 45, len(text), text[45:])
    assert story_place(second, [first, second], text, {}) == []
    x = run(text)
    assert [(e.location.name, e.fatalities) for e in x.events if e.location] == [("Kutkai", 7)]


def test_the_focus_is_the_first_place_of_the_sentence_before() -> None:
    x = run("Rebels clashed with junta troops in Lashio and Hsipaw on Monday.\n"
            "In the area, a drone strike killed three civilians on Tuesday.")
    assert ("Lashio", 2) in placed(x, "Explosions/Remote violence")


def test_a_hyphenated_name_after_a_kind_noun_is_the_place_whole() -> None:
    x = run("Sudan's army fought paramilitary fighters near Khartoum. The fighters seized "
            "the town of Um-Sorel last week, residents said.")
    taken = [e.location.name for e in x.events if e.location and "territory" in e.sub_event_type]
    assert taken == ["Um-Sorel"]


def test_a_school_sheltering_families_near_a_town_is_placed_at_the_town() -> None:
    x = run("An Israeli strike on a school sheltering displaced families near Khan Younis "
            "killed 25 people on Tuesday, hospital officials said.")
    [strike] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert strike.location is not None and strike.location.name == "Khan Younis"
    assert strike.location.lat is not None  # the town, not the name as written
    fled = run("Thousands of residents sought refuge with relatives in Lashio after the "
               "junta shelled Hsipaw on Monday.")
    assert "Lashio" not in [e.location.name for e in fled.events if e.location
                            and e.event_type != "Strategic developments"]
