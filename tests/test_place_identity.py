"""Place identity: every spelling of a town is one town (control timelines, the CLI)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.fuse.fixtures import ARMY, REBELS
from sitrep.fuse.identity import named_place_key, place_key, place_name
from sitrep.fuse.timeline import build_timelines
from sitrep.model import ControlChange, DateInterval, Document, Extraction, Place
from sitrep.store import Store

NAWNGHKIO = ["Nawnghkio", "Naung Hkio", "Naungcho", "Nawng Cho", "Naung Cho",
             "Nawnghkio Township", "Shan State's Nawnghkio"]
MOGOK = ["Mogok", "Mogoke", "Mokot", "Mandalay Region's Mogok", "Mogok Township"]


def dispatch(number: int, spelling: str, to: str, when: date) -> Extraction:
    """An invented one-line dispatch: ``to`` took the town, named as ``spelling``."""
    text = f"Fighters of {to.split(':')[0]} took {spelling} on {when:%B %d}, residents said."
    doc = Document(f"doc{number}", text, source=f"Wire {number}", published=when)
    change = ControlChange(spelling, to, "captured", date=DateInterval(when, when, "on", 1))
    mention = Place(mention=spelling, name=spelling)
    return Extraction(doc, control=[change], places=[mention])


@pytest.mark.parametrize("spellings", [NAWNGHKIO, MOGOK])
def test_every_spelling_has_one_key(spellings: list[str]) -> None:
    keys = {named_place_key(s)[0] for s in spellings}
    assert len(keys) == 1
    assert next(iter(keys)).startswith("MIMU ")  # the town's p-code, not a name


def test_one_village_of_two_spellings_gets_its_gazetteer_name() -> None:
    """MIMU's "Tawng Hkam" of Nawnghkio township, spelled two ways; a namesake in Kutkai
    township is the gazetteer's first entry for the name, so only the id finds the name."""
    spelled = [Place(mention=s, name=s, kind="village", admin1="Shan", country="Myanmar",
                     gazetteer_id="MIMU 209630") for s in ("Taung Hkam", "Taung Kham")]
    assert {place_name(p) for p in spelled} == {"Tawng Hkam"}
    elsewhere = Place(mention="Taung Kham", name="Taung Kham", kind="village",
                      gazetteer_id="MIMU 208998")
    assert place_key(elsewhere) != place_key(spelled[0])


def test_a_place_the_gazetteer_lacks_keeps_its_name() -> None:
    unknown = Place(mention="Zorbavale", name="Zorbavale", gazetteer_id="MIMU 999999999")
    assert place_name(unknown) == "Zorbavale"


def test_a_township_is_keyed_as_its_main_town() -> None:
    town, _ = named_place_key("Nawnghkio")
    township = Place(mention="Nawnghkio", name="Nawnghkio", kind="township",
                     admin3="Nawnghkio", gazetteer_id="MIMU MMR015013")
    assert place_key(township) == town


def test_unknown_places_keep_their_area() -> None:
    one = Place(mention="Kone Zin", name="Kone Zin", admin1="Shan")
    other = Place(mention="Kone Zin", name="Konezin", admin1="Shan")
    elsewhere = Place(mention="Kone Zin", name="Kone Zin", admin1="Magway")
    assert place_key(one) == place_key(other) != place_key(elsewhere)


def test_one_timeline_per_town_whatever_the_spelling() -> None:
    extractions = [dispatch(i, s, ARMY if i % 2 else REBELS, date(2025, 7, 1 + i))
                   for i, s in enumerate(NAWNGHKIO + MOGOK)]
    timelines = build_timelines(extractions, [])
    assert sorted(t.place for t in timelines.values()) == ["Mogoke", "Nawnghkio"]
    assert len(timelines["Naungcho"].steps) == len(NAWNGHKIO)
    assert set(timelines["Mokot"].spellings) == set(MOGOK)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "towns.db")
    with Store.open(path) as store:
        for i, spelling in enumerate(NAWNGHKIO + MOGOK):
            store.save(dispatch(i, spelling, REBELS, date(2025, 6, 1 + i)))
    return path


@pytest.mark.parametrize("asked", [*NAWNGHKIO, *MOGOK])
def test_control_command_finds_the_town_by_any_spelling(db: str, asked: str) -> None:
    result = CliRunner().invoke(main, ["control", asked, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    [timeline] = json.loads(result.stdout)
    expected = NAWNGHKIO if asked in NAWNGHKIO else MOGOK
    assert timeline["place"] == ("Nawnghkio" if asked in NAWNGHKIO else "Mogoke")
    assert sorted(timeline["spellings"]) == sorted(expected)
    assert len(timeline["steps"]) == len(expected)


ARTICLES = {
    "wire.txt": " date 2024-07-12\nTa'ang National Liberation Army (TNLA) troops captured "
                "Naungcho town in northern Shan State on July 10 after days of fighting with "
                "junta forces, residents said.\n",
    "post.txt": " date 2024-07-13\nThe TNLA seized Nawnghkio from the military regime on "
                "July 10, according to a resistance source.\n",
}


def test_two_articles_spelling_the_town_differently_make_one_timeline_and_one_event(
        tmp_path: Path) -> None:
    """From invented articles through the whole pipeline: ingest, control, merged events."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "towns.db")
    assert CliRunner().invoke(main, ["ingest", str(folder), "--db", db]).exit_code == 0
    result = CliRunner().invoke(main, ["control", "Nawng Cho", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    [timeline] = json.loads(result.stdout)
    assert timeline["place"] == "Nawnghkio"
    assert sorted(timeline["spellings"]) == ["Naungcho", "Nawnghkio"]
    with Store.open(db) as store:
        captures = [g for g in store.merged_events()
                    if g.event.sub_event_type == "Non-state actor overtakes territory"]
    assert [len(g.members) for g in captures] == [2]
    assert captures[0].place_name == "Nawnghkio"
    lines = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl"]).stdout
    exported = [json.loads(line) for line in lines.splitlines()]
    assert {(r["place_key"], r["place_name"]) for r in exported} == {
        (captures[0].place_key, "Nawnghkio")}
