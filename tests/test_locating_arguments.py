"""Event places from the predicate's arguments (issue 12, branch argplace6): a place in a
relative-location phrase that describes another place is its reference, names listed with
a known town are places of their own, an unknown name before a known region is the most
specific place. Sentences written for these tests."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events import _first_object
from sitrep.events.arguments import is_list_gap
from sitrep.events.locating import Where
from sitrep.model import Extraction, Place, Sentence, Span


def run(body: str, published: str = "2025-03-12") -> Extraction:
    return extract_text(f" date {published} {body}")


def placed(extraction: Extraction) -> list[tuple[str, int | None]]:
    return sorted((e.location.name, e.geo_precision) for e in extraction.events if e.location)


def test_a_region_described_by_its_reference_is_the_event_place() -> None:
    # "east of the city of Poltava" says where the region lies: no strike on Poltava
    x = run("Drones struck Ukraine's Kharkiv region, east of the city of Poltava, on Monday.")
    assert placed(x) == [("Kharkiv", 3)]


def test_a_town_described_by_its_distance_from_another_keeps_its_own_event() -> None:
    x = run("Junta troops shelled Mabein, a town 57 km north of the district capital of "
            "Mongmit, on Monday.")
    assert [name for name, _ in placed(x)] == ["Mabein"]


def test_a_distance_from_a_reference_hung_on_the_noun() -> None:
    # the parser hangs "from" on "city", the distance beside it: Kharkiv only places Kupiansk
    x = run("Russian drones hit Kupiansk, a city 40 km from the regional capital of Kharkiv, "
            "on Monday.")
    assert [name for name, _ in placed(x)] == ["Kupiansk"]


def test_a_reference_alone_is_still_the_event_place() -> None:
    # nothing else named: the reference gives the place, precision 2
    x = run("Junta troops shelled villages 20 km north of Mongmit on Monday.")
    assert placed(x) == [("Mongmit", 2)]


def test_an_unknown_name_before_a_known_region_is_the_place() -> None:
    x = run("Ethiopian troops clashed with Fano fighters in the hills of Gorra Biru Amhara "
            "Region on Tuesday.")
    assert [name for name, _ in placed(x)] == ["Gorra Biru"]


def test_hyphenated_names_listed_with_a_known_town_are_places() -> None:
    x = run("Ukrainian officials said Russian artillery shelled Kupiansk, Zorivka-Mala and "
            "Vostrykhivka on Monday.")
    assert {name for name, _ in placed(x)} == {"Kupiansk", "Zorivka-Mala", "Vostrykhivka"}


def test_a_list_goes_on_over_articles_site_nouns_and_serial_ands() -> None:
    x = run("Syrian government aircraft bombed Saraqib, al-Tamanah sites, and the Kafr Batikh "
            "farms on Monday, activists said.")
    assert {"Saraqib", "al-Tamanah", "Kafr Batikh"} <= {name for name, _ in placed(x)}


def test_list_gaps() -> None:
    assert is_list_gap(" sites, and the ")
    assert is_list_gap(", ")
    assert not is_list_gap(" on Monday and ")
    assert not is_list_gap(" ")


def _where(text: str, name: str) -> Where:
    start = text.index(name)
    return Where(Place(mention=name, name=name, spans=[Span(start, start + len(name), name)]))


def test_an_attack_from_afar_takes_every_place_listed_with_its_first_object() -> None:
    text = "Its fighters attacked sites in Arnon, Beit Lid sites, and the Tel Hor on Monday."
    sentence = Sentence(0, 0, len(text), text)
    objects = [_where(text, n) for n in ("Arnon", "Beit Lid", "Tel Hor")]
    assert [w.place.name for w in _first_object(objects, sentence)] == [
        "Arnon", "Beit Lid", "Tel Hor"]


def test_a_district_after_the_first_object_is_its_holder_not_a_second_object() -> None:
    text = "Troops attacked Arnon, Tel Hor district, on Monday."
    sentence = Sentence(0, 0, len(text), text)
    objects = [_where(text, n) for n in ("Arnon", "Tel Hor")]
    assert [w.place.name for w in _first_object(objects, sentence)] == ["Arnon"]


def test_a_region_argument_beats_a_place_of_the_reporting_clause() -> None:
    # "the Saba news agency in Sanaa reported": where it was reported, not struck
    x = run("US airstrikes hit Saada province overnight, the Houthi-run Saba news agency in "
            "Sanaa reported.")
    assert [name for name, _ in placed(x)] == ["Saada"]


def test_a_region_argument_beats_a_place_given_no_other_place() -> None:
    # Kyiv is the speakers' place; the larger area is the region struck
    x = run("Russian drones struck the Sumy region overnight, officials in Kyiv said.")
    assert [name for name, _ in placed(x)] == ["Sumy"]


def test_a_region_argument_beats_another_triggers_place() -> None:
    x = run("Russian drones struck the Sumy region on Monday, a day after Ukrainian troops "
            "shelled Belgorod.")
    assert placed(x) == [("Belgorod", 1), ("Sumy", 3)]


def test_a_place_under_the_triggers_own_clause_stays() -> None:
    x = run("The junta bombed Sagaing Region on Monday, killing five people in Kyaukme.")
    assert placed(x) == [("Kyaukme", 1)]


def test_the_part_of_a_region_the_text_names_is_kept() -> None:
    x = run("The junta bombed Lashio on Monday and carried out two more airstrikes on "
            "villages in northern Shan State on Tuesday.")
    assert placed(x) == [("Lashio", 1), ("northern Shan State", 3)]


def test_a_region_owning_the_argument_is_no_argument() -> None:
    # "Manipur's X district": the possessor only holds the place of the gunfight
    x = run("A volunteer was killed in a gunfight with gunmen in Manipur's Imphal West "
            "district, while militants and police exchanged gunfire in Moreh.")
    assert "Manipur" not in [name for name, _ in placed(x)]


def test_each_arguments_list_is_read() -> None:
    from pathlib import Path

    from sitrep.events import arguments

    source = Path(arguments.__file__).read_text(encoding="utf-8")
    assert all(f'"{name}"' in source for name in arguments._words())
