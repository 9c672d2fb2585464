"""One town is one place on the map: every spelling of a town shares its point and its ring."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitrep.fuse.identity import named_place_key
from sitrep.web.app import create_app
from sitrep.web.fixtures import two_spellings_extractions
from sitrep.web.source import MemorySource

MOGOKE_KEY = "MIMU MMR010011701"  # the town's p-code: Mogok, Mogoke and Mokot alike


def client() -> TestClient:
    return TestClient(create_app(MemorySource(two_spellings_extractions())))


def test_events_of_two_spellings_share_the_town_key_name_and_point() -> None:
    assert named_place_key("Mogoke")[0] == MOGOKE_KEY  # the gazetteer is there
    events = client().get("/api/events").json()
    assert len(events) == 2  # an air strike and a shelling: two events, one town
    assert {e["place_key"] for e in events} == {MOGOKE_KEY}
    assert {e["location"] for e in events} == {"Mogoke"}
    assert sorted(e["extracted_location"] for e in events) == ["Mogok", "Mogoke"]
    assert {(e["lat"], e["lon"]) for e in events} == {(22.9247, 96.5063)}  # the town's


def test_one_control_ring_per_town_where_its_events_are() -> None:
    api = client()
    rows = api.get("/api/control", params={"at": "2025-07-31"}).json()
    assert [(r["place_key"], r["place"]) for r in rows] == [(MOGOKE_KEY, "Mogoke")]
    [row] = rows
    assert len(row["steps"]) == 2  # both dispatches' captures, whatever their spelling
    assert (row["lat"], row["lon"]) == (22.9247, 96.5063)
    assert row["holding"]["holder"].startswith("TNLA")
