"""The map's reference layer: towns and villages from sitrep's own gazetteer, by box and zoom.

The gazetteer index is keyed by spelling, not by place, so finding the places in a
map box would mean reading all of it. On first use the located places are copied
once into a small SQLite file beside the index (``reference-<index name>….sqlite``,
indexed by coordinates, named anew when the user imports places); each request
then reads only its box. The gazetteer is read through its mapping interface
(spelling key -> entries) and entries by field name, so added columns or kinds do
not break this layer.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: the lowest zoom at which a kind is labelled; townships and village tracts are areas
#: whose centre repeats their main town's name, so they are left out
MIN_ZOOM: dict[str, int] = {"region": 0, "city": 5, "town": 6, "village": 11}
#: which kinds win where labels crowd (lower first)
RANK: dict[str, int] = {"region": 0, "city": 1, "town": 1, "village": 2}
LIMIT = 400
_VERSION = "r1"  # bump when the reference file's layout changes


@dataclass(frozen=True)
class Box:
    """A map view's bounds in degrees."""

    south: float
    west: float
    north: float
    east: float


def _place_rows(index: Mapping[str, Iterable[Any]]) -> Iterator[tuple[Any, ...]]:
    """(name, kind, admin1, country, lat, lon) of each located, labelled place, once."""
    seen: set[tuple[Any, ...]] = set()
    for name_key in index:
        for entry in index[name_key]:
            kind = getattr(entry, "kind", None)
            lat, lon = getattr(entry, "lat", None), getattr(entry, "lon", None)
            if kind not in MIN_ZOOM or lat is None or lon is None:
                continue
            row = (str(entry.name), kind, getattr(entry, "admin1", None),
                   getattr(entry, "country", None), float(lat), float(lon))
            if row not in seen:
                seen.add(row)
                yield row


def write_reference(index: Mapping[str, Iterable[Any]], path: Path) -> None:
    """Copy the located places of ``index`` into ``path`` (atomically: servers may race)."""
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    con = sqlite3.connect(tmp)
    try:
        con.execute("create table places (name text, kind text, admin1 text, country text, "
                    "lat real, lon real, min_zoom integer, rank integer)")
        con.executemany("insert into places values (?, ?, ?, ?, ?, ?, ?, ?)", (
            (*row, MIN_ZOOM[row[1]], RANK[row[1]]) for row in _place_rows(index)))
        con.execute("create index places_by_position on places (lat, lon)")
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


def places_in(path: Path, box: Box, zoom: int, limit: int = LIMIT) -> list[dict[str, Any]]:
    """Places in ``box`` labelled at ``zoom``, the highest-ranked first, at most ``limit``."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        lon_test = ("lon between ? and ?" if box.west <= box.east
                    else "(lon >= ? or lon <= ?)")  # a box across the antimeridian
        rows = con.execute(
            "select name, kind, admin1, country, lat, lon from places "
            f"where lat between ? and ? and {lon_test} and min_zoom <= ? "
            # within a rank, a fixed scatter rather than A to Z: a crowded box is sampled evenly
            "order by rank, (rowid * 2654435761) % 4294967296 limit ?",
            (box.south, box.north, box.west, box.east, zoom, limit)).fetchall()
    finally:
        con.close()
    keys = ("name", "kind", "admin1", "country", "lat", "lon")
    return [dict(zip(keys, row, strict=True)) for row in _distinct(rows)]


def _distinct(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Drop a place named like one already kept within about 10 km (MIMU's town "Mong Mit"
    and GeoNames' city "Mongmit")."""
    kept: dict[str, list[tuple[float, float]]] = {}
    out = []
    for row in rows:
        name, lat, lon = re.sub(r"\W+", "", str(row[0]).casefold()), row[4], row[5]
        near = kept.setdefault(name, [])
        if any(abs(lat - a) < 0.1 and abs(lon - b) < 0.1 for a, b in near):
            continue
        near.append((lat, lon))
        out.append(row)
    return out


class ReferencePlaces:
    """The reference file for the current gazetteer, made on first use (once per process)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()

    def path(self) -> Path:
        with self._lock:
            if self._path is None:
                from sitrep.places.gazetteer import load_index

                index = load_index()
                imported = f"-u{len(index.user)}" if index.user else ""  # `gazetteer import`
                path = index.path.with_name(
                    f"reference-{index.path.stem}{imported}-{_VERSION}.sqlite")
                if not path.exists():
                    write_reference(index, path)
                self._path = path
            return self._path

    def query(self, box: Box, zoom: int) -> list[dict[str, Any]]:
        return places_in(self.path(), box, zoom)
