"""Exports of fused events: ACLED CSV, GeoJSON and JSON Lines, with shared filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from sitrep.errors import SitrepError
from sitrep.export.acled_csv import COLUMNS, acled_row, write_acled_csv
from sitrep.export.filters import EventFilter
from sitrep.export.geojson import feature_collection, write_geojson
from sitrep.export.jsonl import event_record, write_jsonl
from sitrep.fuse.events import MergedEvent

Writer = Callable[[list[MergedEvent], TextIO, int], int]
WRITERS: dict[str, Writer] = {
    "acled-csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl,
}


def writer_for(format_name: str) -> Writer:
    try:
        return WRITERS[format_name]
    except KeyError:
        raise SitrepError(f"unknown export format {format_name!r}; use one of "
                          f"{', '.join(WRITERS)}") from None


__all__ = ["COLUMNS", "WRITERS", "EventFilter", "acled_row", "event_record",
           "feature_collection", "write_acled_csv", "write_geojson", "write_jsonl",
           "writer_for"]
