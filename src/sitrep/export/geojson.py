"""Fused events as a GeoJSON FeatureCollection (EPSG:4326 points), readable by GDAL/QGIS."""

from __future__ import annotations

import json
from typing import Any, TextIO

from sitrep.export.acled_csv import acled_row, location_as_written
from sitrep.export.jsonl import document_record
from sitrep.fuse.events import MergedEvent


def feature(group: MergedEvent, timestamp: int) -> dict[str, Any] | None:
    """A Point feature with the ACLED fields, evidence and sources; None when not located."""
    loc = group.event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    # a missing value is null, never "": GDAL then types year, fatalities… as numbers
    properties = {k: None if v == "" else v for k, v in acled_row(group, timestamp).items()}
    properties["evidence"] = [span.text for _, ev in group.members for span in ev.evidence]
    properties["documents"] = [document_record(doc)["id"] for doc, _ in group.members]
    properties["urls"] = [doc.url for doc, _ in group.members if doc.url]
    properties["fused_id"] = group.id
    properties["place_key"] = group.place_key  # one key per town, whatever the spelling
    properties["place_name"] = group.place_name  # and one name, as the gazetteer spells it
    properties["location_as_written"] = location_as_written(group)  # the articles' spellings
    properties["fatality_counts"] = group.fatality_counts  # every toll with its source
    # a capture its sources date differently, as the store and the CSV notes say
    properties["date_disputed"] = group.date_disputed
    properties["reported_dates"] = group.reported_dates
    return {"type": "Feature", "id": group.id,
            "geometry": {"type": "Point", "coordinates": [round(loc.lon, 4), round(loc.lat, 4)]},
            "properties": properties}


def feature_collection(groups: list[MergedEvent], timestamp: int) -> dict[str, Any]:
    features = [f for f in (feature(g, timestamp) for g in groups) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(groups: list[MergedEvent], out: TextIO, timestamp: int) -> int:
    """Write the collection; returns how many events had coordinates (the rest are left out)."""
    collection = feature_collection(groups, timestamp)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])
