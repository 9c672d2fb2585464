"""The web view over a real store: extractions read back, reviews written to the database."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.store import Store
from sitrep.web.app import create_app
from sitrep.web.fixtures import sample_extractions
from sitrep.web.store_source import StoreSource


def stored_client(db: Path) -> TestClient:
    return TestClient(create_app(StoreSource.open(str(db))))


def test_reviews_are_stored_and_survive_a_new_server(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    with Store.open(str(db)) as store:
        for extraction in sample_extractions():
            store.save(extraction)
    first = stored_client(db)
    clash = next(e for e in first.get("/api/events").json() if e["event_type"] == "Battles")
    assert len(clash["sources"]) == 2
    url = f"/api/events/{clash['id']}/reviews"
    assert first.post(url, json={"action": "reject", "note": "duplicate"}).status_code == 201
    assert first.post(url, json={"action": "correct_place", "value": "Manton"}).status_code == 201

    again = stored_client(db).get(f"/api/events/{clash['id']}").json()
    assert again["review"] == "rejected"
    assert (again["location"], again["extracted_location"]) == ("Manton", "Namtu")
    with Store.open(str(db)) as store:
        rows = store.reviews()
    assert [(r["action"], r["field"], r["value"]) for r in rows] == [
        ("reject", None, None), ("correct", "location", "Manton")]


def test_reviews_of_unknown_kinds_are_left_out(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    with Store.open(str(db)) as store:
        store.save(sample_extractions()[0])
        store.add_review("whatever", "flag", field="weapons", value="drones")
    assert stored_client(db).get("/api/reviews").json() == []


def test_documents_stored_while_serving_show_up(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    first, second = sample_extractions()
    with Store.open(str(db)) as store:
        store.save(first)
        client = stored_client(db)
        assert [len(e["sources"]) for e in client.get("/api/events").json()] == [1]
        store.save(second)
    assert sorted(len(e["sources"]) for e in client.get("/api/events").json()) == [1, 2]
