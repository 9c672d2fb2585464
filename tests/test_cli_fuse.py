"""The contradictions, control, export and report commands against a database built here."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.fuse.fixtures import disagreeing_extractions
from sitrep.store import Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "sitrep.db")
    with Store.open(path) as store:
        for extraction in disagreeing_extractions():
            assert store.save(extraction)
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_contradictions_json_lists_both_values_and_documents(db: str) -> None:
    found = json.loads(run("contradictions", "--db", db, "--json"))
    distance = next(c for c in found if c["kind"] == "distance")
    assert [(v["value"], v["document"]) for v in distance["values"]] == [
        ("78 km", "doc-north"), ("64 km", "doc-hills")]
    assert {c["kind"] for c in found} == {"distance", "fatalities", "control"}


def test_contradictions_table_shows_both_evidences(db: str) -> None:
    table = run("contradictions", "--db", db)
    assert "3 contradictions" in table
    assert "78 km" in table and "64 km" in table
    assert "Troops reach jade mine" in table and "Rebels guard the road" in table


def test_control_timeline_and_holders_on_a_day(db: str) -> None:
    steps = run("control", "Hsenwi", "--db", db)
    assert "captured" in steps and "recaptured" in steps
    [record] = json.loads(run("control", "lashio", "--at", "2025-07-20", "--db", db, "--json"))
    assert record["steps"][0]["how"] == "demanded"
    assert record["at"]["holder"] is None  # a demand never changes the holder
    holders = run("control", "--at", "2025-07-20", "--db", db)
    assert "Holders on 2025-07-20" in holders and "Hsenwi" in holders
    assert "demanded by TNLA" in holders  # listed, while Lashio's holder stays unknown


def test_control_of_an_unknown_place_is_a_one_line_error(db: str) -> None:
    result = CliRunner().invoke(main, ["control", "Atlantis", "--db", db])
    assert result.exit_code == 2
    assert "no control changes stored for 'Atlantis'" in result.output


def test_export_acled_csv_with_filters(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    run("export", "--db", db, "--format", "acled-csv", "--since", "2025-07-01",
        "--until", "2025-07-31", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["location"] for r in rows] == ["Kone Nyaung"]
    assert rows[0]["source"] == "North Wire; Hill Times"
    by_actor = list(csv.DictReader(io.StringIO(
        run("export", "--db", db, "--actor", "Rapid Support"))))
    assert [r["country"] for r in by_actor] == ["Sudan"]
    assert list(csv.DictReader(io.StringIO(run("export", "--db", db, "--type", "Protests")))) == []


def test_export_geojson_and_jsonl(db: str) -> None:
    collection = json.loads(run("export", "--db", db, "--format", "geojson",
                                "--place", "Tawila"))
    assert [f["properties"]["location"] for f in collection["features"]] == ["Tawila"]
    lines = run("export", "--db", db, "--format", "jsonl").splitlines()
    assert len(lines) == 2
    assert all("members" in json.loads(line) for line in lines)


def test_report_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    run("report", "--since", "2025-07-01", "--until", "2025-07-31", "--db", db, "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "## Key events" in text and "### Kone Nyaung (Shan)" in text
    assert "distance Kone Nyaung – Hsenwi: 78 km" in text
    assert "<https://hills.example/road>" in text


def test_report_rejects_a_reversed_window(db: str) -> None:
    result = CliRunner().invoke(main, ["report", "--since", "2025-08-01", "--until",
                                       "2025-07-01", "--db", db])
    assert result.exit_code == 2
    assert "must not be before --since" in result.output


def test_an_unwritable_output_is_a_one_line_error(db: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "events.csv"
    result = CliRunner().invoke(main, ["export", "--db", db, "-o", str(missing)])
    assert result.exit_code == 2
    assert "cannot write" in result.output and "Traceback" not in result.output


def test_sql_over_the_store_and_the_exports_give_the_same_merged_events(db: str) -> None:
    """What Datasette or sqlite3 shows is what every export writes: one row per real event."""
    lines = run("export", "--db", db, "--format", "jsonl", "--include-unconfirmed").splitlines()
    with sqlite3.connect(db) as conn:
        merged = conn.execute("select count(*) from merged_events").fetchone()[0]
        reports = conn.execute("select count(*) from events").fetchone()[0]
        links = conn.execute(
            "select m.id, group_concat(r.document_id, ' ') from merged_events m "
            "join merged_event_reports r on r.merged_event_id = m.id group by m.id").fetchall()
    assert merged == len(lines) == 2 and reports == 3  # the Kone Nyaung clash told twice
    exported = {json.loads(line)["id"]: json.loads(line)["member_ids"] for line in lines}
    assert set(exported) == {ident for ident, _ in links}
    assert sorted(len(docs.split()) for _, docs in links) == [1, 2]
    csv_rows = list(csv.DictReader(io.StringIO(run("export", "--db", db,
                                                   "--include-unconfirmed"))))
    assert len(csv_rows) == merged


def test_status_says_reports_and_merged_events(db: str) -> None:
    first = run("status", "--db", db).splitlines()[0]
    assert first.endswith("3 reported events in 2 merged events")
