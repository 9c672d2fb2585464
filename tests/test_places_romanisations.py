"""Romanisation families: a name written in another romanisation of its family reaches the
gazetteer's spelling (``places/romanisations.py``, ``data/romanisations.tsv``); own texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import find_places, lookup
from sitrep.places.find import km
from sitrep.places.gazetteer import Entry, candidates, key, load_index
from sitrep.places.romanisations import family_keys, index_key
from sitrep.text import prepare


def places(text: str) -> dict[str, Place]:
    return {s.text: p for p in find_places(prepare(parse_plain_text(text))) for s in p.spans}


def test_arabic_spellings_share_a_family_key() -> None:
    for news, gazetteer in [("Deir al-Balah", "Dayr al Balaḩ"), ("Hodeidah", "Al Ḩudaydah"),
                            ("Khan Younis", "Khān Yūnis"), ("Nuseirat", "An Nuşayrāt"),
                            ("Deir ez-Zor", "Dayr az Zawr"), ("Chebaa", "Shabʿā"),
                            ("Qalqilya", "Kalkilyah"), ("el-Fasher", "Al Fashir")]:
        assert index_key(gazetteer, "Palestinian Territory") in family_keys(news), news


def test_ukrainian_and_russian_spellings_share_a_family_key() -> None:
    for one, other in [("Huliaipole", "Hulyaypole"), ("Horlivka", "Gorlovka"),
                       ("Kharkiv", "Kharkov"), ("Kurakhove", "Kurakhovo"),
                       ("Avdiivka", "Avdiyivka"), ("Olenivka", "Olenevka")]:
        assert index_key(other, "Ukraine") in family_keys(one), one


def test_a_vowel_that_does_not_alternate_keeps_names_apart() -> None:
    # Ukrainian i stands for Russian o or e, never for a: Sokil is not Sokal
    assert index_key("Sokal", "Ukraine") not in family_keys("Sokil")
    # the Arabic -iyah ending is part of the name: Nasser is not An Nassariyah
    assert index_key("An Naşşārīyah", "Palestinian Territory") not in family_keys("Nasser")


def test_places_outside_the_families_get_no_family_key() -> None:
    assert index_key("Kawt Ha Thaw", "Myanmar") == ""
    assert index_key("Bourasso", "Burkina Faso") == ""


def _entry(name: str, country: str) -> Entry:
    return Entry(name, "town", None, country, 1.0, 2.0, "GeoNames", 2.0)


def test_family_keys_are_asked_only_when_the_spelling_key_finds_nothing() -> None:
    balah, other = _entry("Dayr al Balaḩ", "Palestinian Territory"), _entry("Deira", "Spain")
    index = {index_key(balah.name, balah.country): [balah], key("Deir al-Balah"): [other]}
    assert candidates(index, "Dair el Balah", {"arabic"}) == [balah]
    assert candidates(index, "Dair el Balah") == []  # the family not named by the text
    assert candidates(index, "Deir al-Balah", {"arabic"}) == [other]  # spelt as listed


def test_a_ukrainian_town_in_the_russian_transliteration_of_its_name() -> None:
    found = places("Artillery fire struck Huliaipole in Ukraine's Zaporizhzhia region "
                   "overnight, the governor said.")
    town = found["Huliaipole"]
    assert town.country == "Ukraine" and town.lat is not None and town.lon is not None
    assert km(town.lat, town.lon, 47.67, 36.26) < 10


def test_an_arabic_city_in_another_romanisation() -> None:
    found = places("Air raids hit Hodeidah in Yemen on Sunday, residents told reporters.")
    city = found["Hodeidah"]
    assert city.country == "Yemen" and city.lat is not None and city.lon is not None
    assert km(city.lat, city.lon, 14.80, 42.95) < 10


def test_a_small_place_by_its_family_key_needs_a_cue() -> None:
    bare = places("Ukraine says drones hit Samiylove overnight.")
    assert "Samiylove" not in bare
    cued = places("Ukraine says drones struck a depot in Samiylove overnight.")
    assert cued["Samiylove"].country == "Ukraine"


def test_a_myanmar_article_reaches_no_place_by_family_keys() -> None:
    found = places("Soldiers of the Myanmar army raided Daw Aung Kyi's house in Hpa-an, "
                   "Karen State, and then burned Thabyaytaw village.")
    assert all(p.country in ("Myanmar", None) for p in found.values())


def test_a_lowercase_arabic_article_stays_inside_the_name() -> None:
    found = places("Israeli strikes on Deir al-Balah in the Gaza Strip killed four people, "
                   "Palestinian medics said.")
    town = found["Deir al-Balah"]
    # the town (GeoNames' Dayr al Balah), not the governorate that shares its name
    assert town.kind in ("city", "town") and town.country == "Palestinian Territory"
    assert town.lat is not None and town.lon is not None
    assert km(town.lat, town.lon, 31.42, 34.35) < 10
    assert "Deir" not in found and "Balah" not in found


def test_a_man_named_with_an_arabic_article_is_no_place() -> None:
    found = places("Ahmed al-Masri, a teacher, said the strike in Gaza City hit his street.")
    assert not any("Masri" in name or name == "Ahmed" for name in found)


def test_an_imported_place_is_reached_by_its_family_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.places.geonames as geonames

    monkeypatch.setattr(geonames, "user_index_path", lambda: tmp_path / "user.pickle")
    row = ["900101", "Wadi Umm Qurun", "Wadi Umm Qurun", "", "13.61", "25.35", "P", "PPL",
           "SD", "", "02", "", "", "", "1200", "", "700", "Africa/Khartoum", "2024-01-01"]
    source = tmp_path / "SD.txt"
    source.write_text("\t".join(row) + "\n", encoding="utf-8")
    load_index.cache_clear()
    try:
        geonames.import_geonames(source)
        load_index.cache_clear()
        khartoum = Place(mention="Khartoum", name="Khartoum", country="Sudan", lat=15.55,
                         lon=32.53)
        assert lookup("Wadi Oum Qouroun") is None  # no country of the family around
        found = lookup("Wadi Oum Qouroun", [khartoum])
        assert found is not None and found.name == "Wadi Umm Qurun"
    finally:
        load_index.cache_clear()
