"""Places abroad that the text names alone or beside a known place (issues 12 and 13):
a city written in another romanisation than GeoNames' own, and a name no gazetteer holds
that the text puts near, east of or on the outskirts of a known place (own sentences)."""

from __future__ import annotations

import pytest

from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import event_places, find_places
from sitrep.text import prepare


def found(text: str) -> dict[str, Place]:
    return {s.text: p for p in find_places(prepare(parse_plain_text(text))) for s in p.spans}


def test_a_city_abroad_in_another_romanisation_is_found_alone() -> None:
    # GeoNames' own name is "Khān Yūnis"; "Khan Younis" is one of its alternate names
    got = found("Israeli strikes hit Khan Younis on Monday, killing 12 people.")
    assert got["Khan Younis"].country == "Palestinian Territory"
    assert got["Khan Younis"].lat == pytest.approx(31.34, abs=0.05)


def test_a_city_named_with_city_after_its_own_name_is_found() -> None:
    got = found("Strikes hit Gaza City on Monday.")
    assert got["Gaza City"].country == "Palestinian Territory"


def test_a_romanised_city_supports_a_smaller_one_beside_it() -> None:
    got = found("Strikes hit Bani Suheila east of Khan Younis on Monday, killing 12 people.")
    assert got["Bani Suheila"].country == "Palestinian Territory"


@pytest.mark.parametrize("sentence", [
    "RSF fighters shelled Wad Kabora near El Fasher on Monday, killing 12 civilians.",
    "RSF fighters shelled Wad Kabora, east of El Fasher, on Monday, killing 12 civilians.",
    "RSF fighters shelled Wad Kabora on the outskirts of El Fasher on Monday.",
    "RSF fighters shelled Wad Kabora on the northern edge of El Fasher on Monday.",
])
def test_an_unlisted_name_beside_a_known_place_is_its_own_place(sentence: str) -> None:
    got = found(sentence)
    place = got["Wad Kabora"]
    assert place.name == "Wad Kabora" and place.gazetteer_id is None
    assert place.estimated and place.geo_precision == 2 and place.near == ["El Fasher"]
    assert place.lat == got["El Fasher"].lat and "El Fasher" in (place.coord_source or "")
    assert place in event_places(list(got.values()))


def test_what_the_text_calls_the_name_gives_its_kind() -> None:
    got = found("RSF fighters shelled Wad Kabora, a village near El Fasher, on Monday.")
    assert got["Wad Kabora"].kind == "village"


def test_a_sentence_subject_before_near_is_no_place() -> None:
    got = found("Reporters near El Fasher said the shelling went on all night.")
    assert "Reporters" not in got


def test_an_unlisted_name_an_event_verb_takes_is_kept_when_spacy_calls_it_a_place() -> None:
    # spaCy's small model tags "Tawila" here GPE; no gazetteer here holds it
    got = found("RSF fighters stormed Tawila and looted the market.")
    place = got["Tawila"]
    assert place.name == "Tawila" and place.lat is None and place.gazetteer_id is None
    assert place in event_places(list(got.values()))


def test_a_person_an_event_verb_takes_is_no_place() -> None:
    got = found("Gunmen attacked Musa Abubakar on Monday.")
    assert "Musa Abubakar" not in got


def test_a_namesake_far_from_the_place_the_text_puts_it_in_is_not_taken() -> None:
    # GeoNames' only Zarichne lies in Rivne oblast, 900 km from Donetsk
    got = found("Russian forces attacked Zarichne in Donetsk on Monday.")
    place = got["Zarichne"]
    assert place.estimated and place.near == ["Donetsk"] and place.lat == got["Donetsk"].lat


def test_a_compass_adjective_names_a_part_of_a_land_not_its_city() -> None:
    # "Gaza" alone is Gaza City; "southern Gaza" is the Strip (data/regions.tsv)
    got = found("Strikes killed 15 people in Khan Younis in southern Gaza on Saturday.")
    assert got["Gaza"].kind == "region" and got["Gaza"].name == "Gaza Strip"
    assert found("Strikes hit Gaza on Saturday.")["Gaza"].kind == "city"
