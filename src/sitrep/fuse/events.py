"""Merging the same event reported by several documents, for display.

ACLED's rule, simply: same event type, same place (same name, or within
``SAME_PLACE_KM``), dates that overlap with a day's slack, and actors that
overlap. Members keep their own evidence and numbers; a merged event shows the
lowest fatality count (ACLED's convention) and lists every count with its source.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sitrep.model import Document, Event, Extraction, Place

SAME_PLACE_KM = 5.0
DATE_SLACK = timedelta(days=1)
CELL_DEGREES = 0.1  # about 11 km of latitude: wider than SAME_PLACE_KM


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A place name folded for matching: no accents, case, hyphens or spaces."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def event_key(document_id: str, index: int) -> str:
    """A stable id for the ``index``-th event of a document: reviews point at it."""
    return hashlib.sha1(f"{document_id}:{index}".encode()).hexdigest()[:16]


@dataclass
class MergedEvent:
    """One event as seen across sources; ``members`` are (document, its own extraction)."""

    members: list[tuple[Document, Event]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return min(self.ids)

    @property
    def event(self) -> Event:
        """The member with the most precise date and place stands for the group."""
        return min((ev for _, ev in self.members), key=_precision_rank)

    @property
    def fatalities(self) -> int | None:
        counts = [ev.fatalities for _, ev in self.members if ev.fatalities is not None]
        return min(counts) if counts else None

    @property
    def fatality_counts(self) -> list[dict[str, Any]]:
        return [{"fatalities": ev.fatalities, "document_id": doc.id, "source": doc.source}
                for doc, ev in self.members if ev.fatalities is not None]

    def accepts(self, event: Event, document: Document) -> bool:
        """Whether ``event`` from ``document`` reports the same thing as this group."""
        return all(doc.id != document.id for doc, _ in self.members) and any(
            same_event(event, ev) for _, ev in self.members)


def _precision_rank(event: Event) -> tuple[int, int, float]:
    time_rank = event.date.precision if event.date and event.date.precision else 9
    return time_rank, event.geo_precision or 9, -event.confidence


def same_event(a: Event, b: Event) -> bool:
    """ACLED's identity of an event, with tolerance for intervals and spelling."""
    return (a.event_type == b.event_type and dates_overlap(a, b) and actors_overlap(a, b)
            and same_place(a.location, b.location))


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is b
    if normalise_name(a.name) == normalise_name(b.name):
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a, b) <= SAME_PLACE_KM


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two located places."""
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _bounds(event: Event) -> tuple[date, date] | None:
    interval = event.date
    if interval is None or (interval.start is None and interval.end is None):
        return None
    start = interval.start or interval.end
    end = interval.end or interval.start
    assert start is not None and end is not None
    return start, end


def dates_overlap(a: Event, b: Event) -> bool:
    """Intervals overlap with a day's slack; an undated report does not rule a match out."""
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] - DATE_SLACK <= bb[1] and bb[0] - DATE_SLACK <= ba[1]


def actors_overlap(a: Event, b: Event) -> bool:
    actors_a = {x for x in (a.actor1, a.actor2) if x}
    actors_b = {x for x in (b.actor1, b.actor2) if x}
    return not actors_a or not actors_b or bool(actors_a & actors_b)


def merge_events(extractions: list[Extraction]) -> list[MergedEvent]:
    """Every event of every extraction, grouped so that each real event appears once."""
    groups: list[MergedEvent] = []
    blocks: dict[tuple[str, object], list[MergedEvent]] = {}
    for extraction in extractions:
        doc = extraction.document
        for index, event in enumerate(extraction.events):
            candidates = {id(g): g for key in _block_keys(event, near=True)
                          for g in blocks.get(key, [])}
            group = next((g for g in candidates.values() if g.accepts(event, doc)), None)
            if group is None:
                group = MergedEvent()
                groups.append(group)
            group.members.append((doc, event))
            group.ids.append(event_key(doc.id, index))
            for key in _block_keys(event, near=False):
                filed = blocks.setdefault(key, [])
                if not filed or filed[-1] is not group:
                    filed.append(group)
    return groups


def _block_keys(event: Event, *, near: bool) -> list[tuple[str, object]]:
    """Where a group is filed (``near=False``) or looked up: by type with place name and map cell.

    Cells are ``CELL_DEGREES`` wide, larger than ``SAME_PLACE_KM``, so looking in the
    3×3 cells around a place finds every group close enough to match.
    """
    place = event.location
    if place is None:
        return [(event.event_type, None)]
    keys: list[tuple[str, object]] = [(event.event_type, normalise_name(place.name))]
    if place.lat is not None and place.lon is not None:
        row, col = int(place.lat // CELL_DEGREES), int(place.lon // CELL_DEGREES)
        steps = (-1, 0, 1) if near else (0,)
        keys += [(event.event_type, (row + dr, col + dc)) for dr in steps for dc in steps]
    return keys


def fatality_conflicts(groups: list[MergedEvent]) -> list[dict[str, Any]]:
    """Merged events whose sources give different death tolls: all kept, with sources."""
    conflicts = []
    for group in groups:
        counts = group.fatality_counts
        if len({c["fatalities"] for c in counts}) > 1:
            conflicts.append({
                "kind": "fatalities", "event_id": group.id,
                "event_type": group.event.event_type,
                "location": group.event.location.name if group.event.location else None,
                "values": [{**c, "evidence": _evidence_of(group, c["document_id"])}
                           for c in counts],
            })
    return conflicts


def _evidence_of(group: MergedEvent, document_id: str) -> list[str]:
    return [span.text for doc, ev in group.members if doc.id == document_id
            for span in ev.evidence]
