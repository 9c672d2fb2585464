"""Gazetteer: GeoNames import from a file the test writes, single-name lookup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep import settings
from sitrep.cli.gazetteer import command
from sitrep.errors import GazetteerError
from sitrep.model import Place
from sitrep.places import lookup
from sitrep.places.gazetteer import Entry, GazetteerIndex, key, load_index, write_index
from sitrep.places.geonames import load_user_index, read_geonames

_ROWS = [
    ["900001", "Qarat Zuhra", "Qarat Zuhra", "Karat Zuhra,Gharat Zuhra", "13.61", "25.35", "P",
     "PPL", "SD", "", "02", "", "", "", "1200", "", "700", "Africa/Khartoum", "2024-01-01"],
    ["900002", "Jebel Tarqa", "Jebel Tarqa", "", "13.7", "25.4", "T", "MT", "SD", "", "02", "",
     "", "", "0", "", "1500", "Africa/Khartoum", "2024-01-01"],
]


def _write(path: Path) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in _ROWS), encoding="utf-8")
    return path


@pytest.fixture()
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private user index; the built-in index file stays in the shared cache."""
    import sitrep.places.geonames as geonames

    monkeypatch.setattr(geonames, "user_index_path", lambda: tmp_path / "user.pickle")
    load_index.cache_clear()
    yield tmp_path
    load_index.cache_clear()


def test_geonames_rows_keep_places_and_skip_terrain(tmp_path: Path) -> None:
    rows = list(read_geonames(_write(tmp_path / "SD.txt")))
    assert len(rows) == 1
    names, entry = rows[0]
    assert "Karat Zuhra" in names
    assert entry.country == "Sudan" and entry.kind == "town" and entry.lat == 13.61


def test_import_then_lookup_finds_the_new_place(user_cache: Path) -> None:
    assert lookup("Karat Zuhra") is None
    result = CliRunner().invoke(command, ["import", str(_write(user_cache / "SD.txt"))])
    assert result.exit_code == 0, result.output
    assert "imported 1 places" in result.output
    assert load_user_index()
    load_index.cache_clear()
    place = lookup("Gharat Zuhra")
    assert place is not None and place.name == "Qarat Zuhra" and place.country == "Sudan"


def test_a_file_in_another_format_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("name,lat,lon\nX,1,2\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="GeoNames"):
        list(read_geonames(bad))


def test_lookup_prefers_a_town_and_the_context() -> None:
    kyaukme = lookup("Kyaukme")
    assert kyaukme is not None and kyaukme.kind == "town" and kyaukme.admin1 == "Shan"
    near = Place(mention="Khartoum", name="Khartoum", country="Sudan", lat=15.55, lon=32.53)
    omdurman = lookup("Omdurman", [near])
    assert omdurman is not None and omdurman.country == "Sudan"
    assert "km from the context" in (omdurman.why or "")
    assert lookup("Zzzqq") is None
    assert settings.get("cache_dir")


def test_alias_data_has_no_duplicates_and_every_target_exists() -> None:
    from sitrep.places.gazetteer import aliases

    pairs = aliases()
    names = [alias.lower() for alias, _ in pairs]
    assert len(names) == len(set(names))
    index = load_index()
    assert [t for _, t in pairs if key(t) not in index] == []


def test_burmese_names_romanise_as_news_spells_them() -> None:
    from sitrep.places.romanise import romanise

    cases = {"သီပေါ": "Thibaw", "မိုးမိတ်": "Momeik", "နောင်ချို": "Naungcho",
             "လွယ်ငင်း": "Lwel Ngin", "နောင်ပိန်": "Naung Pain", "ပင်တီး": "Pinti",
             "နှုံးဘူးကြီး": "Nonebu", "မိုင်းလုံ": "Mong Long", "ဟိုခို (မြောက်)": "Hohko"}
    for burmese, news in cases.items():
        assert key(news) in {key(s) for s in romanise(burmese)}, (burmese, news)
    assert key("Three-Mile Pa Kye") in {key(s) for s in romanise("၃ မိုင် ပကြဲစံပြ")}
    assert romanise("") == [] and romanise("Kyaukme") == []


def test_romanised_variants_reach_mimu_entries() -> None:
    index = load_index()
    assert any(e.name == "Loi Ngin" for e in index[key("Lwel Ngin")])
    assert any(e.name == "Pin Tee" for e in index[key("Pinti")])
    assert any(e.name == "Surkhua" and e.kind == "town" for e in index[key("Sukhua")])


def test_romanisation_table_loads_and_is_consistent() -> None:
    from sitrep.places.romanise import syllables, table

    data = table()
    assert data.onsets["သ"] == ("th",) and "aung" in data.rhymes["ောင်"]
    assert all(v for v in data.rhymes.values()) and data.suffixes
    assert [(s.onset, s.rhyme) for s in syllables("ညောင်ပင်")] == [("ည", "ောင်"), ("ပ", "င်")]


def test_the_index_file_gives_fresh_lists_with_user_places_after(tmp_path: Path) -> None:
    town = Entry("Kyaukme", "town", "Shan", "Myanmar", 22.53, 97.03, "MIMU town Kyaukme", 3.0)
    user = Entry("Kyaukme", "village", None, "Myanmar", 20.0, 96.0, "GeoNames 1 (user import)",
                 1.0)
    write_index({"kyaukm": [town], "hsipaw": [town._replace(name="Hsipaw")]},
                tmp_path / "index.sqlite")
    index = GazetteerIndex(tmp_path / "index.sqlite", {"kyaukm": [town, user], "nam": [user]})
    assert index["kyaukm"] == [town, user] and index.get("nam") == [user]
    index["kyaukm"].clear()  # a caller's list is its own
    assert index["kyaukm"] == [town, user]
    assert "hsipaw" in index and "zzz" not in index and index.get("zzz") is None
    assert len(index) == 3 and sorted(index) == ["hsipaw", "kyaukm", "nam"]


def test_the_arabic_and_hebrew_word_for_village_has_one_key() -> None:
    assert key("Kafr Kila") == key("Kfar Kila") == key("Kefar Kila")
    assert key("Kafrun") != key("Kfarun")  # only the word on its own is folded


def test_ae_and_e_are_one_spelling() -> None:
    assert key("Rathaedaung") == key("Rathedaung")
