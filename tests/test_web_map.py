"""The map's server-side parts: where it opens, and the reference places by box and zoom."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from fastapi.testclient import TestClient

from sitrep.errors import GazetteerError
from sitrep.places.gazetteer import Entry
from sitrep.web.app import create_app
from sitrep.web.extent import densest_group, opening_extent
from sitrep.web.fixtures import sample_extractions
from sitrep.web.source import MemorySource
from sitrep.web.towns import Box, ReferencePlaces, places_in, write_reference

SHAN = [(22.3 + i * 0.1, 96.9 + i * 0.05) for i in range(20)]
FAR = [(51.5, -0.12), (38.9, -77.0), (-33.9, 151.2)]  # London, Washington, Sydney


def test_the_map_opens_on_the_theatre_not_on_three_continents() -> None:
    extent = opening_extent(SHAN + FAR)
    (south, west), (north, east) = extent["bounds"]
    assert 22 < south < north < 24.5 and 96.5 < west < east < 98.5
    assert extent["outside"] >= 3
    assert extent["inside"] + extent["outside"] == len(SHAN + FAR)


def test_the_densest_group_counts_events_sharing_a_town() -> None:
    lashio = [(22.93, 97.75)] * 10
    assert set(densest_group([*lashio, (16.8, 96.15), (16.9, 96.2)])) == {(22.93, 97.75)}


def test_no_points_no_bounds_one_point_a_point() -> None:
    assert opening_extent([])["bounds"] is None
    assert opening_extent([(23.0, 97.0)])["bounds"] == [[23.0, 97.0], [23.0, 97.0]]


class NewEntry(NamedTuple):
    """An entry with a column the gazetteer may grow: the layer reads fields by name."""

    name: str
    kind: str
    admin1: str | None
    country: str
    lat: float | None
    lon: float | None
    population: int = 0


def town(name: str, kind: str, lat: float | None, lon: float | None) -> Entry:
    return Entry(name, kind, "Shan", "Myanmar", lat, lon, "test", 1.0)


INDEX = {
    "lashio": [town("Lashio", "town", 22.93, 97.75), town("Lashio", "township", 22.9, 97.8)],
    "mongmit": [town("Mong Mit", "town", 23.12, 96.68)],
    "mongmitcity": [NewEntry("Mongmit", "city", None, "Myanmar", 23.11, 96.69, 30000)],
    "nampawng": [town("Nam Pawng", "village", 22.95, 97.7)],
    "nowhere": [town("Nowhere", "village", None, None)],
    "shan": [town("Shan", "region", 21.5, 97.9)],
    "suva": [Entry("Suva", "city", None, "Fiji", -18.14, 178.44, "test", 1.0)],
}


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    path = tmp_path / "reference.sqlite"
    write_reference(INDEX, path)
    return path


SHAN_BOX = Box(21.0, 96.0, 24.0, 99.0)


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def test_places_are_labelled_by_zoom(reference: Path) -> None:
    assert names(places_in(reference, SHAN_BOX, 4)) == ["Shan"]
    assert sorted(names(places_in(reference, SHAN_BOX, 8))) == ["Lashio", "Mong Mit", "Shan"]
    assert "Nam Pawng" in names(places_in(reference, SHAN_BOX, 11))


def test_areas_unlocated_places_and_second_spellings_are_left_out(reference: Path) -> None:
    rows = places_in(reference, SHAN_BOX, 12)
    assert names(rows).count("Lashio") == 1  # the township is an area, not a label
    assert "Nowhere" not in names(rows)
    assert len({"Mong Mit", "Mongmit"} & set(names(rows))) == 1


def test_a_box_across_the_antimeridian(reference: Path) -> None:
    assert names(places_in(reference, Box(-20, 170, -15, -170), 6)) == ["Suva"]


def test_reference_places_and_extent_over_the_api(reference: Path) -> None:
    client = TestClient(create_app(MemorySource(sample_extractions()),
                                   towns=ReferencePlaces(reference)))
    query = {"south": 21, "west": 96, "north": 24, "east": 99, "zoom": 8}
    body = client.get("/api/reference/places", params=query).json()
    assert body["error"] is None and "Lashio" in names(body["places"])
    world = {"south": -80, "west": -400, "north": 80, "east": 400, "zoom": 6}
    assert "Suva" in names(client.get("/api/reference/places", params=world).json()["places"])
    next_copy = {"south": -20, "west": 530, "north": -15, "east": 550, "zoom": 6}  # 170..190 E
    assert names(client.get("/api/reference/places", params=next_copy).json()["places"]) == [
        "Suva"]
    assert client.get("/api/reference/places", params={**query, "zoom": 99}).status_code == 422
    (south, west), (north, east) = client.get("/api/extent").json()["bounds"]
    assert 23.0 <= south <= north <= 23.3 and 97.3 <= west <= east <= 97.6  # Namtu, Mansan


class NoGazetteer(ReferencePlaces):
    def path(self) -> Path:
        raise GazetteerError("the MIMU database is missing: install the mm-geo-coder package")


def test_without_a_gazetteer_the_map_has_no_labels_and_says_why() -> None:
    client = TestClient(create_app(MemorySource(sample_extractions()), towns=NoGazetteer()))
    body = client.get("/api/reference/places",
                      params={"south": 21, "west": 96, "north": 24, "east": 99, "zoom": 8}).json()
    assert body["places"] == [] and "mm-geo-coder" in body["error"]
