"""The JSON API of `sitrep serve`, on hand-built extractions of invented dispatches."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.errors import ConfigError
from sitrep.fuse.fixtures import disagreeing_extractions
from sitrep.web.app import create_app
from sitrep.web.fixtures import ARMY, REBELS, sample_extractions
from sitrep.web.source import MemorySource


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(MemorySource(sample_extractions())))


def namtu_clash(client: TestClient) -> dict:
    events = client.get("/api/events").json()
    return next(e for e in events if e["event_type"] == "Battles")


def test_same_clash_from_two_documents_is_one_event_with_both_sources(client: TestClient) -> None:
    events = client.get("/api/events").json()
    assert len(events) == 2
    clash = namtu_clash(client)
    assert {s["document_id"] for s in clash["sources"]} == {"doc-a", "doc-b"}
    assert all(s["evidence"] for s in clash["sources"])
    assert [s["file"] for s in clash["sources"]] == ["a.txt", None]
    assert clash["fatalities"] == 3  # ACLED keeps the lowest count
    assert sorted(c["fatalities"] for c in clash["fatality_counts"]) == [3, 5]


def test_events_are_filtered_by_date(client: TestClient) -> None:
    early = client.get("/api/events", params={"until": "2025-07-20"}).json()
    late = client.get("/api/events", params={"since": "2025-07-20"}).json()
    assert [e["event_type"] for e in early] == ["Battles"]
    assert [e["event_type"] for e in late] == ["Explosions/Remote violence"]


def test_bad_date_is_rejected(client: TestClient) -> None:
    assert client.get("/api/events", params={"since": "July"}).status_code == 422


def test_holder_changes_with_the_date(client: TestClient) -> None:
    def holder(at: str) -> dict:
        rows = client.get("/api/control", params={"at": at, "place": "Namtu"}).json()
        assert len(rows) == 1
        return rows[0]["holding"]

    assert holder("2025-05-01") == {"holder": ARMY, "since": None, "contested": False,
                                    "inferred": True}
    assert holder("2025-06-15")["holder"] == REBELS
    assert holder("2025-07-17")["contested"] is True  # battle after the June capture
    assert holder("2025-08-01") == {"holder": ARMY, "since": "2025-07-18", "contested": False,
                                    "inferred": False}


def test_a_rumoured_handover_does_not_move_control(client: TestClient) -> None:
    rows = client.get("/api/control", params={"at": "2025-08-01", "place": "Manton"}).json()
    assert rows[0]["steps"][0]["factual"] is False
    assert rows[0]["holding"]["holder"] is None
    assert rows[0]["lat"] is not None


def test_control_steps_keep_evidence_and_source(client: TestClient) -> None:
    rows = client.get("/api/control", params={"place": "namtu"}).json()
    steps = rows[0]["steps"]
    assert [s["how"] for s in steps] == ["captured", "recaptured"]
    assert steps[1]["evidence"] == ["Regime troops retook Namtu on July 18, a local source said."]
    assert steps[1]["source"] == "Test Wire"


def test_contradicting_death_tolls_are_listed_with_both_sources(client: TestClient) -> None:
    conflicts = client.get("/api/contradictions").json()
    tolls = [c for c in conflicts if c["kind"] == "fatalities"]
    assert len(tolls) == 1
    values = {v["source"]: v["fatalities"] for v in tolls[0]["values"]}
    assert values == {"Test Wire": 3, "Other Post": 5}
    assert all(v["evidence"] for v in tolls[0]["values"])


def test_places_and_date_range(client: TestClient) -> None:
    names = [p["name"] for p in client.get("/api/places").json()]
    assert names == ["Mansan", "Manton", "Namtu"]
    assert client.get("/api/range").json() == {"min": "2025-06-03", "max": "2025-08-02"}


def test_review_correct_type_then_place_is_applied_and_listed(client: TestClient) -> None:
    clash = namtu_clash(client)
    url = f"/api/events/{clash['id']}/reviews"
    assert client.post(url, json={"action": "correct_type",
                                  "value": "Violence against civilians"}).status_code == 201
    updated = client.post(url, json={"action": "correct_place", "value": "Mansan"}).json()
    assert updated["event_type"] == "Violence against civilians"
    assert updated["extracted_event_type"] == "Battles"
    assert (updated["location"], updated["lat"]) == ("Mansan", 23.2)
    listed = client.get("/api/reviews").json()
    assert [r["action"] for r in listed] == ["correct_type", "correct_place"]
    assert listed[0]["event"]["id"] == clash["id"]


def test_review_verdict_latest_wins(client: TestClient) -> None:
    clash = namtu_clash(client)
    url = f"/api/events/{clash['member_ids'][-1]}/reviews"  # any member id reaches the event
    client.post(url, json={"action": "reject"})
    client.post(url, json={"action": "confirm", "value": "ignored"})
    assert namtu_clash(client)["review"] == "confirmed"
    assert client.get(f"/api/events/{clash['id']}").json()["reviews"][1]["value"] is None


@pytest.mark.parametrize(("body", "message"), [
    ({"action": "delete"}, "unknown review action"),
    ({"action": "correct_type", "value": "Skirmish"}, "ACLED event type"),
    ({"action": "correct_place", "value": "  "}, "place name"),
    ({"action": "confirm", "note": "x" * 600}, "longer than"),
])
def test_bad_reviews_say_what_to_send(client: TestClient, body: dict, message: str) -> None:
    clash = namtu_clash(client)
    response = client.post(f"/api/events/{clash['id']}/reviews", json=body)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert client.get("/api/reviews").json() == []


def test_unknown_event_is_404(client: TestClient) -> None:
    assert client.get("/api/events/nope").status_code == 404
    assert client.post("/api/events/nope/reviews", json={"action": "confirm"}).status_code == 404


def test_article_markup_comes_back_as_json_text_and_page_never_uses_inner_html(
        client: TestClient) -> None:
    evidence = [s for src in namtu_clash(client)["sources"] for s in src["evidence"]]
    assert any("<script>alert('x')</script>" in s for s in evidence)
    script = client.get("/static/map.js").text
    assert "innerHTML" not in script.replace("(never innerHTML)", "")
    assert "insertAdjacentHTML" not in script


def test_page_and_headers_forbid_other_origins(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<div id="map"' in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "connect-src 'self'" in policy
    assert "http" not in policy


def test_configured_tiles_are_the_only_other_origin() -> None:
    app = create_app(MemorySource([]), tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as client:
        assert client.get("/api/config").json()["tiles"].startswith("https://")
        policy = client.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tiles.example.org;" in policy


@pytest.mark.parametrize("tiles", ["file:///tmp/{z}/{x}/{y}.png", "https://tiles.example.org/"])
def test_a_tile_url_that_is_not_an_xyz_template_is_refused(tiles: str) -> None:
    with pytest.raises(ConfigError, match="XYZ template"):
        create_app(MemorySource([]), tiles=tiles)


def test_empty_database_serves_empty_lists() -> None:
    with TestClient(create_app(MemorySource([]))) as client:
        assert client.get("/api/events").json() == []
        assert client.get("/api/control", params={"at": "2025-01-01"}).json() == []
        assert client.get("/api/range").json() == {"min": None, "max": None}


def test_no_api_page_that_would_load_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/api/docs").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "sitrep"


def test_a_place_correction_to_an_unknown_place_keeps_the_marker(client: TestClient) -> None:
    clash = namtu_clash(client)
    updated = client.post(f"/api/events/{clash['id']}/reviews",
                          json={"action": "correct_place", "value": "Nowhere Village"}).json()
    assert updated["location"] == "Nowhere Village"
    assert (updated["lat"], updated["lon"]) == (clash["lat"], clash["lon"])
    assert "not located" in updated["place_note"]
    assert clash["place_note"] is None


def test_distances_stated_differently_are_listed_too() -> None:
    with TestClient(create_app(MemorySource(disagreeing_extractions()))) as client:
        conflicts = client.get("/api/contradictions").json()
    assert [c["kind"] for c in conflicts] == ["fatalities", "control", "distance"]
    distance = conflicts[2]
    assert sorted(v["value"] for v in distance["values"]) == ["64 km", "78 km"]
    assert all(v["evidence"] and v["source"] for v in distance["values"])
