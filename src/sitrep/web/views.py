"""What the page shows, as JSON-ready dicts: events with their sources, places, control, conflicts.

Pure functions over ``Extraction`` objects (and the reviews), so the API and
its tests need no server and no database. Events reported by several documents
are merged with ``fuse`` (see ``sitrep.fuse.events``); every shown value keeps its
evidence sentences and the documents they came from.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import Any

from sitrep.fuse.contradictions import capture_date_conflicts, event_date_conflicts
from sitrep.fuse.events import MergedEvent, fatality_conflicts, merge_events, normalise_name
from sitrep.fuse.identity import place_key
from sitrep.fuse.timeline import (
    Step,
    Timeline,
    build_timelines,
    control_conflicts,
    find_timeline,
)
from sitrep.model import NON_FACTUAL, Document, Event, Extraction, Place
from sitrep.web.reviews import Review, ReviewedState, review_state
from sitrep.web.source import DataSource


@dataclass
class Snapshot:
    """Everything the API serves, computed once per request from the current extractions."""

    events: list[MergedEvent]
    places: dict[str, Place]
    timelines: dict[str, Timeline]
    documents: dict[str, Document]
    #: one located place per place key (``sitrep.fuse.identity``): where the town is drawn
    towns: dict[str, Place] = field(default_factory=dict)
    #: one name per place key: the events' most common ``place_name`` (a village the
    #: gazetteer lists under two spellings keeps one on the map)
    town_names: dict[str, str] = field(default_factory=dict)
    extractions: list[Extraction] = field(default_factory=list, repr=False)
    _contradictions: list[dict[str, Any]] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, extractions: list[Extraction],
              events: list[MergedEvent] | None = None) -> Snapshot:
        """``events``: the merged events as stored, when the source is a store."""
        events = merge_events(extractions) if events is None else events
        places = place_index(extractions)
        return cls(
            events=events,
            places=places,
            towns=town_index(extractions),
            town_names=town_names(events),
            timelines=build_timelines(extractions, events),
            documents={x.document.id: x.document for x in extractions},
            extractions=extractions,
        )

    def contradictions(self) -> list[dict[str, Any]]:
        """Death tolls, takers of a town and dates that differ, then distances: what
        ``sitrep contradictions`` lists (``sitrep.fuse``), with links for the page."""
        if self._contradictions is None:
            from sitrep.fuse import distance_conflicts

            self._contradictions = (
                fatality_conflicts(self.events) + control_conflicts(self.timelines)
                + date_conflicts(self.events, self.timelines)
                + [c.to_dict() for c in distance_conflicts(self.extractions)])
        return self._contradictions

    def date_range(self) -> dict[str, str | None]:
        """The first and last day any reported event, control step or publication
        mentions; plans and rumours (talks "this month") do not stretch the slider."""
        days = [d for merged in self.events for _, ev in merged.members
                if ev.date and ev.status not in NON_FACTUAL
                for d in (ev.date.start, ev.date.end) if d]
        days += [d for t in self.timelines.values() for s in t.steps if s.factual
                 for d in (s.start, s.end) if d]
        days += [doc.published for doc in self.documents.values() if doc.published]
        return {"min": _iso(min(days)) if days else None,
                "max": _iso(max(days)) if days else None}


class SnapshotCache:
    """The current snapshot, rebuilt when the source's version changes or it is ``max_age`` old.

    The version (row counts) catches added documents at once; the age bound catches
    extractions replaced in place (``sitrep ingest --reextract``), which keep the counts.
    """

    def __init__(self, source: DataSource, max_age: float = 10.0) -> None:
        self.source = source
        self.max_age = max_age
        self._lock = threading.Lock()
        self._key: Hashable = object()
        self._built_at = 0.0
        self._snapshot: Snapshot | None = None

    def get(self) -> Snapshot:
        with self._lock:
            key = self.source.version()
            stale = time.monotonic() - self._built_at > self.max_age
            if self._snapshot is None or key != self._key or stale:
                extractions = self.source.extractions()
                stored = getattr(self.source, "merged_events", None)  # a store's own
                self._snapshot = Snapshot.build(
                    extractions, stored(extractions) if stored is not None else None)
                self._key, self._built_at = key, time.monotonic()
            return self._snapshot


def date_conflicts(events: list[MergedEvent],
                   timelines: dict[str, Timeline]) -> list[dict[str, Any]]:
    """Events whose sources date them differently (a disputed capture first), each
    report's date with its source, linked to the event; then one capture's control
    steps dated differently, linked to the town (``sitrep.fuse.contradictions``)."""
    found = []
    for merged in sorted(events, key=lambda m: not m.date_disputed):
        for conflict in event_date_conflicts([merged]):
            found.append({**conflict.to_dict(), "event_id": merged.id,
                          "date_disputed": merged.date_disputed,
                          "place_key": merged.place_key, "place": merged.place_name})
    for key, timeline in timelines.items():
        for conflict in capture_date_conflicts({key: timeline}):
            found.append({**conflict.to_dict(), "event_id": None, "date_disputed": False,
                          "place_key": timeline.key, "place": timeline.place})
    return found


def place_index(extractions: list[Extraction]) -> dict[str, Place]:
    """Places with coordinates by normalised name; the first geocoded mention wins."""
    index: dict[str, Place] = {}
    for extraction in extractions:
        located = [e.location for e in extraction.events if e.location]
        for place in [*extraction.places, *located]:
            key = normalise_name(place.name)
            if place.lat is not None and place.lon is not None and key not in index:
                index[key] = place
    return index


def town_index(extractions: list[Extraction]) -> dict[str, Place]:
    """One located place per place key, so every spelling of a town is drawn at one point:
    the gazetteer's entry of the key itself (the town, not its township), else the most
    precise place, else the first."""
    found: dict[str, list[Place]] = {}
    for extraction in extractions:
        located = [e.location for e in extraction.events if e.location]
        for place in [*extraction.places, *located]:
            if place.lat is not None and place.lon is not None:
                found.setdefault(place_key(place), []).append(place)
    return {key: min(places, key=lambda p: (p.gazetteer_id != key, p.geo_precision or 9))
            for key, places in found.items()}


def town_names(events: list[MergedEvent]) -> dict[str, str]:
    """The name shown for each place key: its events' most common ``place_name``."""
    names: dict[str, Counter[str]] = {}
    for merged in events:
        if merged.place_key and merged.place_name:
            names.setdefault(merged.place_key, Counter())[merged.place_name] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in names.items()}


def in_window(event: Event, since: date | None, until: date | None) -> bool:
    """Whether an event's date interval meets [since, until]; undated events always do."""
    if event.date is None:
        return True
    start = event.date.start or event.date.end
    end = event.date.end or event.date.start
    if since is not None and end is not None and end < since:
        return False
    return not (until is not None and start is not None and start > until)


def events_json(snapshot: Snapshot, reviews: list[Review],
                since: date | None = None, until: date | None = None) -> list[dict[str, Any]]:
    """The merged events in the date window, each with sources, evidence and reviews."""
    return [event_json(snapshot, merged, reviews) for merged in snapshot.events
            if in_window(merged.event, since, until)]


def event_json(snapshot: Snapshot, merged: MergedEvent, reviews: list[Review]) -> dict[str, Any]:
    """One merged event as the page draws it: reviewed values first, originals kept."""
    event = merged.event
    state = review_state(merged.ids, reviews)
    place = _reviewed_place(snapshot, merged, state)
    return {
        "id": merged.id,
        "member_ids": merged.ids,
        "event_type": state.event_type or event.event_type,
        "sub_event_type": event.sub_event_type,
        "extracted_event_type": event.event_type,
        **_dates(event),
        "actor1": event.actor1,
        "actor2": event.actor2,
        "location": place.name if place else None,  # the gazetteer's spelling, or reviewed
        "extracted_location": event.location.name if event.location else None,
        "place_key": merged.place_key,  # the town whatever its spelling (fuse.identity)
        "place_name": merged.place_name,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_note": place.why if place and state.place else None,
        "geo_precision": event.geo_precision,
        "fatalities": merged.fatalities,
        "fatality_counts": merged.fatality_counts,
        # one capture its sources date differently (fuse same_capture): every report's
        # dates, as the exports and the store's merged_events say
        "date_disputed": merged.date_disputed,
        "reported_dates": merged.reported_dates,
        "status": event.status,
        "review": state.verdict,
        "reviews": [r.to_dict() for r in state.reviews],
        "sources": [_source_json(doc, ev) for doc, ev in merged.members],
    }


def _reviewed_place(snapshot: Snapshot, merged: MergedEvent,
                    state: ReviewedState) -> Place | None:
    """The place a reviewer corrected to (located through the place index), else the
    event's town: named as the gazetteer spells it, at its town's one point."""
    place = _town(snapshot, merged)
    if not state.place:
        return place
    known = snapshot.places.get(normalise_name(state.place))
    if known:
        return known
    # not among the located places: keep the marker where it was, under the new name
    lat, lon = (place.lat, place.lon) if place else (None, None)
    return Place(mention=state.place, name=state.place, lat=lat, lon=lon,
                 why="corrected by a reviewer; not located, shown at the extracted place")


def _town(snapshot: Snapshot, merged: MergedEvent) -> Place | None:
    """The event's place under its ``place_name``, at the point drawn for its ``place_key``."""
    place = merged.event.location
    if place is None:
        return None
    key = merged.place_key or ""
    town = snapshot.towns.get(key, place)
    name = snapshot.town_names.get(key) or merged.place_name or place.name
    return replace(place, name=name, lat=town.lat, lon=town.lon)


def _dates(event: Event) -> dict[str, Any]:
    interval = event.date
    if interval is None:
        return {"date_start": None, "date_end": None, "date_text": None, "time_precision": None}
    return {
        "date_start": _iso(interval.start),
        "date_end": _iso(interval.end),
        "date_text": interval.text,
        "time_precision": interval.precision,
    }


def _source_json(doc: Document, event: Event) -> dict[str, Any]:
    return {
        "document_id": doc.id,
        **_dates(event),  # this report's own dates: a disputed date shows each
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "file": PurePath(doc.path).name if doc.path else None,
        "published": _iso(doc.published),
        "status": event.status,
        "claimant": event.source,
        "fatalities": event.fatalities,
        "evidence": [span.text for span in event.evidence],
    }


def places_json(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Every geocoded place, with why its coordinates were chosen."""
    return [
        {"name": p.name, "kind": p.kind, "admin1": p.admin1, "country": p.country,
         "lat": p.lat, "lon": p.lon, "coord_source": p.coord_source,
         "geo_precision": p.geo_precision}
        for p in sorted(snapshot.places.values(), key=lambda p: p.name)
    ]


def control_json(snapshot: Snapshot, at: date | None = None,
                 place: str | None = None) -> list[dict[str, Any]]:
    """Per place: its located coordinates, the timeline steps, and the holder at ``at``."""
    wanted = find_timeline(snapshot.timelines, place) if place else None
    out = []
    for timeline in sorted(snapshot.timelines.values(), key=lambda t: t.place):
        if place and timeline is not wanted:
            continue
        located = snapshot.towns.get(timeline.key) or next(
            (snapshot.places[k] for k in map(normalise_name, [timeline.place, *timeline.spellings])
             if k in snapshot.places), None)
        out.append({
            "place": timeline.place,
            "place_key": timeline.key,  # the events' place_key: one ring per town
            "lat": located.lat if located else None,
            "lon": located.lon if located else None,
            "steps": [step.to_dict() for step in _in_date_order(timeline)],
            "at": _iso(at),
            "holding": timeline.holding_at(at).to_dict() if at else None,
        })
    return out


def _in_date_order(timeline: Timeline) -> list[Step]:
    """Dated steps by date, then the undated ones as reported."""
    return sorted(timeline.steps, key=lambda s: (s.start is None, s.start or date.min))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
