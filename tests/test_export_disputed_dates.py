"""One capture reported with two dates says so in every output: SQL, exports, web, report.

Four invented dispatches go through `sitrep ingest` into a store: two tell the
same capture of Hsipaw by the same side a week apart (one event, ``date_disputed``),
two tell different clashes at Namhsan a week apart (two events, nothing disputed).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sitrep.cli import main
from sitrep.store import Store
from sitrep.web.app import create_app
from sitrep.web.store_source import StoreSource

DISPATCHES = [
    {"source": "Hill Post", "title": "Rebels take Hsipaw", "date": "2024-07-20",
     "url": "https://hill.example/1",
     "text": "The Ta'ang National Liberation Army captured the town of Hsipaw on July 16, "
             "2024, after days of fighting with junta troops, the group said on Saturday."},
    {"source": "Valley Daily", "title": "Hsipaw falls", "date": "2024-07-26",
     "url": "https://valley.example/2",
     "text": "The Ta'ang National Liberation Army seized Hsipaw on July 23, 2024, "
             "residents said."},
    {"source": "Ridge Times", "title": "Clash in Namhsan", "date": "2024-08-03",
     "url": "https://ridge.example/3",
     "text": "Fighting broke out between the Ta'ang National Liberation Army and junta "
             "troops in Namhsan on August 2, 2024, killing three soldiers, a resident said."},
    {"source": "River News", "title": "New fighting in Namhsan", "date": "2024-08-10",
     "url": "https://river.example/4",
     "text": "Fresh clashes broke out between the Ta'ang National Liberation Army and junta "
             "troops in Namhsan on August 9, 2024, killing two soldiers, residents said."},
]
CAPTURE_DATES = {("2024-07-16", "Hill Post"), ("2024-07-23", "Valley Daily")}


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("disputed")
    articles = folder / "dispatches.jsonl"
    articles.write_text("".join(json.dumps(d) + "\n" for d in DISPATCHES), encoding="utf-8")
    path = str(folder / "sitrep.db")
    run("ingest", "--db", path, str(articles))
    return path


@pytest.fixture(scope="module")
def records(db: str) -> list[dict[str, Any]]:
    out = run("export", "--db", db, "--format", "jsonl", "--include-unconfirmed")
    return [json.loads(line) for line in out.splitlines()]


def at(records: list[dict[str, Any]], town: str) -> list[dict[str, Any]]:
    return [r for r in records if r["acled"]["location"] == town]


def dated_by(reported: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(d["date_start"], d["source"]) for d in reported}


def no_empty_strings(value: Any) -> Iterator[Any]:
    """Every "" inside ``value`` (a missing value must be null)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from no_empty_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from no_empty_strings(item)
    elif value == "":
        yield value


def test_the_capture_is_one_event_and_the_clashes_two(records: list[dict[str, Any]]) -> None:
    captures = [r for r in at(records, "Hsipaw")
                if r["acled"]["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(captures) == 1 and len(captures[0]["members"]) == 2
    clashes = [r for r in at(records, "Namhsan") if r["acled"]["sub_event_type"] == "Armed clash"]
    assert len(clashes) == 2
    assert all(len(r["members"]) == 1 for r in clashes)


def test_jsonl_carries_the_flag_and_every_reports_date(records: list[dict[str, Any]]) -> None:
    [capture] = [r for r in records if r["date_disputed"]]
    assert capture["acled"]["location"] == "Hsipaw"
    assert dated_by(capture["reported_dates"]) == CAPTURE_DATES
    assert {d["date_text"] for d in capture["reported_dates"]} == {
        "on July 16, 2024", "on July 23, 2024"}
    assert all(d["document_id"] for d in capture["reported_dates"])
    assert "[Date disputed: 2024-07-16 (Hill Post); 2024-07-23 (Valley Daily);" in (
        capture["acled"]["notes"])
    for clash in at(records, "Namhsan"):
        assert clash["date_disputed"] is False and len(clash["reported_dates"]) == 1
        assert "Date disputed" not in clash["acled"]["notes"]
    assert not list(no_empty_strings([r["reported_dates"] for r in records]))


def test_geojson_carries_the_flag_the_dates_and_nulls(db: str) -> None:
    collection = json.loads(run("export", "--db", db, "--format", "geojson",
                                "--include-unconfirmed"))
    props = [f["properties"] for f in collection["features"]]
    [capture] = [p for p in props if p["date_disputed"]]
    assert capture["location"] == "Hsipaw"
    assert dated_by(capture["reported_dates"]) == CAPTURE_DATES
    assert "[Date disputed: 2024-07-16 (Hill Post); 2024-07-23 (Valley Daily);" in (
        capture["notes"])
    namhsan = [p for p in props if p["location"] == "Namhsan"]
    assert len(namhsan) == 2 and not any(p["date_disputed"] for p in namhsan)
    assert not list(no_empty_strings(props))  # missing values are null, never ""


def test_acled_csv_notes_say_the_date_is_disputed(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db,
                                                "--include-unconfirmed"))))
    disputed = [r for r in rows if "[Date disputed:" in r["notes"]]
    assert [r["location"] for r in disputed] == ["Hsipaw"]
    assert "2024-07-16 (Hill Post); 2024-07-23 (Valley Daily)" in disputed[0]["notes"]


def test_sql_shows_what_the_exports_show(db: str, records: list[dict[str, Any]]) -> None:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select id, location, date_disputed, reported_dates "
                            "from merged_events").fetchall()
    assert len(rows) == len(records)
    disputed = [(ident, where, json.loads(dates)) for ident, where, flag, dates in rows if flag]
    assert [(ident, where) for ident, where, _ in disputed] == [
        (r["id"], "Hsipaw") for r in records if r["date_disputed"]]
    assert dated_by(disputed[0][2]) == CAPTURE_DATES
    exported = {r["id"]: r["reported_dates"] for r in records}
    assert {ident: json.loads(dates) for ident, _, _, dates in rows} == exported


EVENT_DISPUTE = "date of Non-state actor overtakes territory at Hsipaw"
#: the same capture as the control timeline tells it (``capture_date_conflicts``)
CONTROL_DISPUTE = "date TNLA: Ta'ang National Liberation Army took Hsipaw"


def stated(conflict: dict[str, Any]) -> set[tuple[str, str]]:
    return {(v["value"].split()[0], v["source"]) for v in conflict["values"]}


def test_contradictions_command_lists_the_date(db: str) -> None:
    found = json.loads(run("contradictions", "--db", db, "--json"))
    dates = {c["what"]: c for c in found if c["kind"] == "date"}
    assert set(dates) == {EVENT_DISPUTE, CONTROL_DISPUTE}
    assert all(stated(c) == CAPTURE_DATES for c in dates.values())


def test_web_lists_the_date_dispute_with_each_reports_date_and_source(db: str) -> None:
    client = TestClient(create_app(StoreSource.open(db)))
    events = client.get("/api/events").json()
    [capture] = [e for e in events if e["date_disputed"]]
    assert capture["location"] == "Hsipaw"
    assert dated_by(capture["reported_dates"]) == CAPTURE_DATES
    assert {(s["date_start"], s["source"]) for s in capture["sources"]} == CAPTURE_DATES
    assert not any(e["date_disputed"] for e in events if e["location"] == "Namhsan")

    # what `sitrep contradictions` lists, the disputed event first, linked to it
    found = json.loads(run("contradictions", "--db", db, "--json"))
    conflicts = [c for c in client.get("/api/contradictions").json() if c["kind"] == "date"]
    assert sorted(c["what"] for c in conflicts) == sorted(
        c["what"] for c in found if c["kind"] == "date")
    disputed, timeline = conflicts
    assert disputed["what"] == EVENT_DISPUTE and disputed["date_disputed"] is True
    assert disputed["event_id"] == capture["id"] and disputed["place"] == "Hsipaw"
    assert timeline["what"] == CONTROL_DISPUTE and timeline["event_id"] is None
    assert timeline["place_key"] == capture["place_key"]
    assert stated(disputed) == stated(timeline) == CAPTURE_DATES
    assert all(v["evidence"] for c in conflicts for v in c["values"])


def test_the_report_says_the_date_is_disputed(db: str) -> None:
    report = run("report", "--db", db, "--since", "2024-07-01", "--until", "2024-08-31")
    assert "(date disputed: 2024-07-16, 2024-07-23)" in report


def test_a_store_from_before_the_flag_gets_it_when_opened(db: str, tmp_path: Path) -> None:
    """Schema version 3 had no date_disputed column: the upgrade rewrites the merged events."""
    old = tmp_path / "old.db"
    with sqlite3.connect(db) as source, sqlite3.connect(old) as copy:
        source.backup(copy)
    with sqlite3.connect(old) as conn:
        conn.execute("alter table merged_events drop column date_disputed")
        conn.execute("alter table merged_events drop column reported_dates")
        conn.execute("delete from schema_version where version = 4")
    with Store.open(str(old)) as store:
        store.merged_events(store.load_extractions())
    with sqlite3.connect(old) as conn:
        flags = conn.execute("select location, reported_dates from merged_events "
                             "where date_disputed").fetchall()
    assert [where for where, _ in flags] == ["Hsipaw"]
    assert dated_by(json.loads(flags[0][1])) == CAPTURE_DATES
