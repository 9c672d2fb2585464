"""The web view's parts alone: merging, control timelines, reviews, vendor files, CLI."""

from __future__ import annotations

import json
import socket
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.cli.serve import _warn_about
from sitrep.errors import ConfigError
from sitrep.fuse.events import merge_events, normalise_name, same_event
from sitrep.fuse.timeline import Timeline, build_timelines
from sitrep.model import ControlChange, DateInterval, Document, Event, Extraction, Place
from sitrep.web.fixtures import ARMY, NAMTU, REBELS, sample_extractions
from sitrep.web.reviews import ReviewError, make_review, review_state
from sitrep.web.source import MemorySource
from sitrep.web.vendor import VENDOR_FILES, copy_vendor_files, missing_vendor_files
from sitrep.web.views import SnapshotCache


def clash(**changes: object) -> Event:
    base = Event("Battles", "Armed clash", ARMY, REBELS, location=NAMTU,
                 date=DateInterval(date(2025, 7, 17), date(2025, 7, 17), "on July 17", 1))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_names_fold_spelling_variants() -> None:
    assert normalise_name("Nawng-hkio") == normalise_name("Nawnghkio ") == "nawnghkio"
    assert normalise_name("Kyaukmé") == "kyaukme"


def test_same_event_needs_type_place_date_and_actors() -> None:
    assert same_event(clash(), clash(date=DateInterval(date(2025, 7, 18), None, "next day", 1)))
    assert not same_event(clash(), clash(event_type="Riots"))
    assert not same_event(clash(), clash(date=DateInterval(date(2025, 7, 20), None, "x", 1)))
    assert not same_event(clash(), clash(actor1="Someone else", actor2="Another"))
    near = Place(mention="x", name="Namtu outskirts", lat=NAMTU.lat + 0.02, lon=NAMTU.lon)
    far = Place(mention="y", name="Lashio", lat=22.93, lon=97.75)
    assert same_event(clash(), clash(location=near))
    assert not same_event(clash(), clash(location=far))


def test_events_of_one_document_are_never_merged() -> None:
    doc = Document(id="d", text="")
    groups = merge_events([Extraction(document=doc, events=[clash(), clash()])])
    assert len(groups) == 2


def test_unlocated_unmerged_events_keep_their_own_ids() -> None:
    groups = merge_events(sample_extractions())
    ids = [i for g in groups for i in g.ids]
    assert len(ids) == len(set(ids)) == 3


def test_holder_before_any_report_is_unknown_and_demands_do_not_count() -> None:
    doc = Document(id="d", text="")
    demand = ControlChange("Hseni", ARMY, "demanded", from_actor=REBELS,
                           date=DateInterval(date(2025, 5, 1), date(2025, 5, 1), "x", 1))
    timelines = build_timelines([Extraction(document=doc, control=[demand])], [])
    assert timelines["hseni"].holding_at(date(2025, 6, 1)).holder is None
    assert Timeline("Nowhere").holding_at(date(2025, 1, 1)).holder is None


def test_review_state_applies_latest_of_each_kind() -> None:
    reviews = [make_review("a", "correct_type", "Riots"), make_review("b", "reject"),
               make_review("a", "correct_type", "Protests"), make_review("zzz", "confirm")]
    state = review_state(["a", "b"], reviews)
    assert (state.event_type, state.verdict, len(state.reviews)) == ("Protests", "rejected", 3)
    with pytest.raises(ReviewError):
        make_review("a", "approve")


def test_vendor_files_are_copied_from_node_modules(tmp_path: Path) -> None:
    modules, vendor = tmp_path / "node_modules", tmp_path / "vendor"
    assert set(missing_vendor_files(vendor)) == set(VENDOR_FILES)
    with pytest.raises(ConfigError, match="npm ci"):
        copy_vendor_files(modules, vendor)
    for source in VENDOR_FILES.values():
        (modules / source).parent.mkdir(parents=True, exist_ok=True)
        (modules / source).write_text(source)
    assert len(copy_vendor_files(modules, vendor)) == len(VENDOR_FILES)
    assert missing_vendor_files(vendor) == []
    assert (vendor / "leaflet.js").read_text() == "leaflet/dist/leaflet.js"


def test_vendor_files_match_the_pinned_npm_packages() -> None:
    root = Path(__file__).resolve().parents[1]
    pinned = json.loads((root / "package.json").read_text())["dependencies"]
    assert {source.split("/")[0] for source in VENDOR_FILES.values()} == set(pinned)
    assert (root / "package-lock.json").is_file()


def test_serve_help_lists_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--tiles", "127.0.0.1"):
        assert option in result.output


def test_serve_warns_when_not_bound_to_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    _warn_about("127.0.0.1")
    _warn_about("localhost")
    assert "reachable from the network" not in capsys.readouterr().err
    _warn_about("0.0.0.0")
    assert "reachable from the network" in capsys.readouterr().err


def test_serve_says_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"),
                                           "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output


def test_snapshot_is_reused_until_the_source_changes_or_ages() -> None:
    source = MemorySource(sample_extractions())
    cache = SnapshotCache(source, max_age=60)
    first = cache.get()
    assert cache.get() is first
    source.add_review(make_review("x", "confirm"))  # reviews are not part of the snapshot
    assert cache.get() is first
    cache.max_age = 0
    time.sleep(0.01)
    assert cache.get() is not first
