"""Place identity: every spelling of a town is one town (control timelines, the CLI)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.fuse.fixtures import ARMY, REBELS
from sitrep.fuse.identity import named_place_key, place_key
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
