"""One town is one town in every output: exports and the report name a merged event's place
as the gazetteer spells it, whatever spelling each article used (texts written here)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from sitrep.cli import main

ARTICLES = {
    "wire.txt": " date 2024-07-12\nTa'ang National Liberation Army (TNLA) troops captured "
                "Naungcho town in northern Shan State on July 10 after days of fighting with "
                "junta forces, residents said.\nJunta airstrikes hit Mogok on July 11, killing "
                "three civilians, a local rescue group said.\n",
    "post.txt": " date 2024-07-21\nThe TNLA seized Nawnghkio from the military regime on "
                "July 10, according to a resistance source.\nRegime artillery shelled Mogoke "
                "on July 20, killing two residents, locals said.\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("spellings")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "towns.db")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_acled_csv_location_is_the_gazetteer_spelling(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db))))
    assert sorted((r["event_date"], r["location"]) for r in rows) == [
        ("2024-07-10", "Nawnghkio"), ("2024-07-11", "Mogoke"), ("2024-07-20", "Mogoke")]
    mogoke = {(r["latitude"], r["longitude"]) for r in rows if r["location"] == "Mogoke"}
    assert len(mogoke) == 1  # one town, one point


def test_geojson_and_jsonl_keep_the_articles_spellings_apart(db: str) -> None:
    features = json.loads(run("export", "--db", db, "--format", "geojson"))["features"]
    written = {f["properties"]["event_date"]: (f["properties"]["location"],
                                               f["properties"]["location_as_written"])
               for f in features}
    assert written["2024-07-11"] == ("Mogoke", "Mogok")
    assert written["2024-07-20"] == ("Mogoke", "Mogoke")
    capture = written["2024-07-10"]
    assert capture[0] == "Nawnghkio"
    assert sorted(capture[1].split("; ")) == ["Naungcho", "Nawnghkio"]  # one event, two texts
    records = [json.loads(line) for line in
               run("export", "--db", db, "--format", "jsonl").splitlines()]
    assert {r["acled"]["location"] for r in records} == {r["place_name"] for r in records}
    assert len({r["place_key"] for r in records if r["place_name"] == "Mogoke"}) == 1
    assert {r["location_as_written"] for r in records} == {
        capture[1], "Mogok", "Mogoke"}


@pytest.mark.parametrize(("asked", "count"), [("Naungcho", 1), ("Nawng Cho", 1),
                                              ("Mogok", 2), ("Mokot", 2)])
def test_export_place_filter_finds_the_town_by_any_spelling(db: str, asked: str,
                                                            count: int) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--place", asked))))
    assert len(rows) == count


def test_report_heads_every_spelling_of_a_town_once(db: str) -> None:
    text = run("report", "--db", db, "--since", "2024-07-01", "--until", "2024-07-31")
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### Mogoke (Mandalay)", "### Nawnghkio (Shan)"]
    control = text.split("## Control changes")[1].split("Holders on")[0]
    assert '- 2024-07-10: Nawnghkio ("Naungcho"): TNLA' in control
    assert "- Nawnghkio: TNLA" in text.split("Holders on")[1]
