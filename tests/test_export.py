"""Exports of fused events: ACLED CSV columns and values, GeoJSON (checked by GDAL), JSONL."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

from sitrep.actors import actor_type
from sitrep.export import COLUMNS, EventFilter, write_acled_csv, write_geojson, write_jsonl
from sitrep.export.acled_csv import disorder_type, interaction
from sitrep.fuse.events import MergedEvent, merge_events
from sitrep.fuse.fixtures import ARMY, REBELS, RSF, disagreeing_extractions
from sitrep.model import Event

STAMP = 1_750_000_000


def fused() -> list[MergedEvent]:
    return merge_events(disagreeing_extractions())


def acled_rows(groups: list[MergedEvent]) -> list[dict[str, str]]:
    out = io.StringIO()
    write_acled_csv(groups, out, STAMP)
    out.seek(0)
    return list(csv.DictReader(out))


def test_header_is_the_codebook_31_columns_in_order() -> None:
    out = io.StringIO()
    write_acled_csv(fused(), out, STAMP)
    header = out.getvalue().splitlines()[0].split(",")
    assert len(header) == 31
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert header[-3:] == ["fatalities", "tags", "timestamp"]
    assert tuple(header) == COLUMNS


def test_fused_clash_row() -> None:
    [clash] = [r for r in acled_rows(fused()) if r["event_type"] == "Battles"]
    assert clash["event_id_cnty"].startswith("MMR")
    assert (clash["event_date"], clash["year"], clash["time_precision"]) == (
        "2025-07-10", "2025", "1")
    assert clash["disorder_type"] == "Political violence"
    assert (clash["inter1"], clash["inter2"]) == ("State forces", "Rebel group")
    assert clash["interaction"] == "State forces-Rebel group"
    assert (clash["iso"], clash["region"], clash["country"]) == ("104", "Southeast Asia",
                                                                 "Myanmar")
    assert (clash["latitude"], clash["longitude"], clash["geo_precision"]) == (
        "22.9500", "97.7100", "1")
    assert clash["source"] == "North Wire; Hill Times"
    assert clash["fatalities"] == "4"  # ACLED keeps the lowest figure
    assert "Clashes at Kone Nyaung" in clash["notes"]
    assert "Fighting at Kone Nyaung" in clash["notes"]
    assert "disputed: 4 (North Wire); 7 (Hill Times)" in clash["notes"]
    assert clash["tags"] == "weapon: small arms"
    assert clash["timestamp"] == str(STAMP)


def test_attack_on_civilians_in_sudan() -> None:
    rows = acled_rows(fused())
    [attack] = [r for r in rows if r["event_type"] == "Violence against civilians"]
    assert attack["event_id_cnty"].startswith("SDN")
    assert (attack["iso"], attack["region"]) == ("729", "Northern Africa")
    assert attack["civilian_targeting"] == "Civilians targeted"
    assert attack["interaction"] == f"{actor_type(RSF)}-Civilians"  # civilians are code 7
    assert attack["fatalities"] == "12"


def test_ids_are_stable_across_exports() -> None:
    assert [r["event_id_cnty"] for r in acled_rows(fused())] == [
        r["event_id_cnty"] for r in acled_rows(fused())]


def test_disorder_types_and_interaction_labels() -> None:
    def typed(kind: str, sub: str) -> str:
        return disorder_type(Event(kind, sub, ARMY))

    assert typed("Protests", "Peaceful protest") == "Demonstrations"
    assert typed("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations")
    assert typed("Riots", "Mob violence") == "Political violence"
    assert typed("Riots", "Violent demonstration") == "Demonstrations"
    assert typed("Strategic developments", "Agreement") == "Strategic developments"
    assert interaction("Civilians", "State forces") == "State forces-Civilians"
    assert interaction("Rebel group", None) == "Rebel group only"
    assert interaction(None, None) == ""


def test_filters() -> None:
    groups = fused()
    assert len(EventFilter(since=date(2025, 7, 1)).apply(groups)) == 1
    assert len(EventFilter(until=date(2025, 6, 30)).apply(groups)) == 1
    assert len(EventFilter(place="north darfur").apply(groups)) == 1
    assert len(EventFilter(place="Kone Nyaung").apply(groups)) == 1
    assert len(EventFilter(actor="rapid support").apply(groups)) == 1
    assert len(EventFilter(event_type="armed clash").apply(groups)) == 1
    assert EventFilter(event_type="Protests").apply(groups) == []


def test_unconfirmed_events_need_asking_for() -> None:
    [extraction] = disagreeing_extractions()[:1]
    extraction.events[0].status = "rumour"
    groups = merge_events([extraction])
    assert EventFilter().apply(groups) == []
    assert len(EventFilter(include_unconfirmed=True).apply(groups)) == 1


def test_geojson_opens_in_gdal(tmp_path: Path) -> None:
    """GDAL's ogrinfo must read the file (the test fails when ogrinfo is not installed)."""
    path = tmp_path / "events.geojson"
    with path.open("w", encoding="utf-8") as out:
        assert write_geojson(fused(), out, STAMP) == 2
    ogrinfo = shutil.which("ogrinfo")
    assert ogrinfo, "ogrinfo (Debian gdal-bin) is needed: apt-get install gdal-bin"
    info = subprocess.run([ogrinfo, "-al", "-so", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "Feature Count: 2" in info
    assert "Geometry: Point" in info
    assert "event_id_cnty: String" in info
    assert "fatalities: Integer" in info
    features = subprocess.run([ogrinfo, "-al", "-q", str(path)], capture_output=True,
                              text=True, check=True).stdout
    assert "POINT (97.71 22.95)" in features
    assert "Tawila" in features


def test_geojson_properties_carry_evidence_and_sources() -> None:
    out = io.StringIO()
    write_geojson(fused(), out, STAMP)
    collection = json.loads(out.getvalue())
    clash = next(f for f in collection["features"]
                 if f["properties"]["event_type"] == "Battles")
    assert clash["geometry"] == {"type": "Point", "coordinates": [97.71, 22.95]}
    assert len(clash["properties"]["evidence"]) == 2
    assert clash["properties"]["documents"] == ["doc-north", "doc-hills"]


def test_jsonl_has_one_fused_event_per_line_with_spans() -> None:
    out = io.StringIO()
    assert write_jsonl(fused(), out, STAMP) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    clash = next(r for r in records if r["acled"]["event_type"] == "Battles")
    assert [m["document"]["source"] for m in clash["members"]] == ["North Wire", "Hill Times"]
    span = clash["members"][0]["event"]["evidence"][0]
    assert set(span) == {"start", "end", "text"}
    assert clash["members"][0]["event"]["date"]["start"] == "2025-07-10"
    assert sorted(c["fatalities"] for c in clash["fatality_counts"]) == [4, 7]
    assert REBELS in {clash["acled"]["actor1"], clash["acled"]["actor2"]}


def undated_and_dated() -> list[MergedEvent]:
    """The fixture's events, the first one with its date lost (an undated report)."""
    extractions = disagreeing_extractions()
    extractions[0].events[0].date = None
    return merge_events(extractions)


def test_an_undated_event_has_no_time_precision() -> None:
    rows = acled_rows(undated_and_dated())
    undated = [r for r in rows if not r["event_date"]]
    assert undated and all(r["year"] == "" and r["time_precision"] == "" for r in undated)
    assert any(r["time_precision"] for r in rows if r["event_date"])


def test_geojson_writes_null_for_missing_values_never_empty_text(tmp_path: Path) -> None:
    out = io.StringIO()
    write_geojson(undated_and_dated(), out, STAMP)
    features = json.loads(out.getvalue())["features"]
    values = [v for f in features for v in f["properties"].values()]
    assert "" not in values
    undated = [f["properties"] for f in features if f["properties"]["event_date"] is None]
    assert undated and all(p["year"] is None and p["time_precision"] is None for p in undated)
    assert all(isinstance(f["properties"]["year"], int) for f in features
               if f["properties"]["event_date"])
    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo:  # GDAL types a column from its values: "" would make year a String
        path = tmp_path / "events.geojson"
        path.write_text(out.getvalue(), encoding="utf-8")
        info = subprocess.run([ogrinfo, "-al", "-so", str(path)], capture_output=True,
                              text=True, check=True).stdout
        assert "year: Integer" in info and "time_precision: Integer" in info
