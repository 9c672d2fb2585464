"""Merging the same event reported by several documents (ACLED's identity of an event).

Two reports are one event when they agree on the sub-event type, the place (the
same gazetteer id or spelling-folded name, or closer than the places'
own uncertainty), the dates (their intervals overlap, with a day's slack for a
report's own day precision) and the actors (they share one, or one side names
none). A change of hands is the exception on dates: one side taking one place
twice within a few weeks, with nobody else taking it in between, is one capture
that sources date differently (``same_capture``); the merged event keeps every
date and is marked ``date_disputed``. A report joins a merged event only when it
agrees with **every** member
(complete linkage): with "any member", chains of reports a few days apart once
grew into one "event" spanning two years. Undated reports are never merged: an
unknown date cannot agree. Members keep their own evidence and numbers; a
merged event shows the lowest fatality count (ACLED's convention) and lists
every count with its source, so disagreements stay visible.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from sitrep.errors import ConfigError
from sitrep.fuse.identity import named_place_key, normalise_name, place_key, place_name
from sitrep.model import NON_FACTUAL, ControlChange, Document, Event, Extraction, Place

__all__ = ["CHANGES_OF_HANDS", "COMPONENT", "MergedEvent", "Transfers", "event_key",
           "fatality_conflicts", "merge_events", "normalise_name", "same_capture",
           "same_event", "same_place"]

#: fusion rule version, stored with each merged event (changing the rule: bump it)
COMPONENT = "fusion.v5"
#: control changes that hand a place to a side on a date (a "holds" or a demand does not)
CHANGES_OF_HANDS = frozenset({"captured", "recaptured", "handed over"})


@dataclass(frozen=True)
class Thresholds:
    """What "the same place" and "an actor" mean for fusion (``fuse/data/distances.yaml``)."""

    unstated_km: float
    max_km: float
    cell_degrees: float
    unknown_actor_prefixes: tuple[str, ...]
    capture_days: int
    capture_types: frozenset[str]


@cache
def thresholds() -> Thresholds:
    """Fusion's place thresholds and unknown actors, read once from the package data."""
    raw = yaml.safe_load(files("sitrep.fuse").joinpath("data/distances.yaml").read_text("utf-8"))
    try:
        near, capture = raw["same_place"], raw["same_capture"]
        out = Thresholds(float(near["unstated_km"]), float(near["max_km"]),
                         float(near["cell_degrees"]),
                         tuple(str(p) for p in raw.get("unknown_actor_prefixes", [])),
                         int(capture["within_days"]),
                         frozenset(str(t) for t in capture["sub_event_types"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"fuse/data/distances.yaml is malformed ({exc}); its same_place "
                          "needs unstated_km, max_km and cell_degrees, its same_capture "
                          "within_days and sub_event_types") from exc
    if out.cell_degrees * 111.0 <= out.max_km:
        raise ConfigError("fuse/data/distances.yaml: same_place.cell_degrees must span "
                          "more than max_km (blocking looks only at neighbouring cells)")
    return out


#: how far apart two places may be when neither says how uncertain it is
SAME_PLACE_KM = thresholds().unstated_km
#: the most a place's stated uncertainty may widen "the same place" (a township's
#: 15 km would otherwise merge villages across it)
MAX_PLACE_KM = thresholds().max_km
DATE_SLACK = timedelta(days=1)
CELL_DEGREES = thresholds().cell_degrees  # about 11 km of latitude: wider than MAX_PLACE_KM
#: captures of a place by one side at most this far apart are one capture (no other taker)
SAME_CAPTURE_DAYS = thresholds().capture_days


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
        """The member with the most precise date and place stands for the group.

        Of a capture dated differently, the most precise report whose date the most
        documents agree with stands for it, the later on a tie (ACLED codes the final
        capture); every date stays with its report and is listed as a contradiction.
        """
        if not self.date_disputed:
            return min((ev for _, ev in self.members), key=_precision_rank)
        return min((ev for _, ev in self.members),
                   key=lambda ev: (_precision_rank(ev)[0], -self._documents_agreeing(ev),
                                   -_end_ordinal(ev), *_precision_rank(ev)[1:]))

    def _documents_agreeing(self, event: Event) -> int:
        """How many documents report a member whose dates agree with ``event``'s."""
        return len({doc.id for doc, ev in self.members if dates_overlap(event, ev)})

    @property
    def place_key(self) -> str | None:
        """The place identity of the event (``sitrep.fuse.identity``): one per town."""
        location = self.event.location
        return place_key(location) if location is not None else None

    @property
    def place_name(self) -> str | None:
        """The event's place as the gazetteer spells it, one name for every spelling."""
        location = self.event.location
        return place_name(location) if location is not None else None

    @property
    def fatalities(self) -> int | None:
        counts = [ev.fatalities for _, ev in self.members if ev.fatalities is not None]
        return min(counts) if counts else None

    @property
    def fatality_counts(self) -> list[dict[str, Any]]:
        return [{"fatalities": ev.fatalities, "document_id": doc.id, "source": doc.source}
                for doc, ev in self.members if ev.fatalities is not None]

    @property
    def reported_dates(self) -> list[dict[str, Any]]:
        """Each dated report's own interval with its source, as ``fatality_counts`` lists
        tolls: what exports, the store and the web view show of a disputed date."""
        return [{"date_start": _iso(ev.date.start), "date_end": _iso(ev.date.end),
                 "date_text": ev.date.text, "time_precision": ev.date.precision,
                 "document_id": doc.id, "source": doc.source}
                for doc, ev in self.members if ev.date and (ev.date.start or ev.date.end)]

    @property
    def date_disputed(self) -> bool:
        """Whether its reports date it differently beyond their own intervals (one capture
        told with two dates): every date is kept and listed as a contradiction."""
        if len(self.members) < 2:
            return False
        bounds = [(_bounds(ev), _slack(ev)) for _, ev in self.members]
        if any(b is None for b, _ in bounds):
            return True  # an undated report cannot agree (never merged: dates_overlap)
        # some pair fails dates_overlap exactly when the latest (start - slack) falls
        # after the earliest end (one report's own start never does)
        return (max(b[0] - slack for b, slack in bounds if b)
                > min(b[1] for b, _ in bounds if b))

    def accepts(self, event: Event, document: Document) -> bool:
        """Whether ``event`` from ``document`` reports the same thing as every member."""
        return all(doc.id != document.id and same_event(event, ev)
                   for doc, ev in self.members)

    def one_capture_with(self, other: MergedEvent, transfers: Transfers) -> bool:
        """Whether every member and every member of ``other`` report one event, by
        ACLED's identity or as one change of hands (``same_capture``).

        Two events of one article are otherwise kept apart (the article told them
        apart), but not two changes of hands of one place to one side: a town "seized
        in part" on one day and "taken" on another is one capture, as ACLED gives the
        territorial sub-event type to the final capture only.
        """
        return all((doc_a.id != doc_b.id and same_event(a, b))
                   or same_capture(a, b, transfers)
                   for doc_a, a in self.members for doc_b, b in other.members)

    def days_from(self, event: Event) -> int:
        """How far ``event``'s start lies from the members' (to choose the nearest group)."""
        start = _bounds(event)
        starts = [b[0] for b in (_bounds(ev) for _, ev in self.members) if b]
        if start is None or not starts:
            return 0
        return min(abs((start[0] - other).days) for other in starts)


def _end_ordinal(event: Event) -> int:
    bounds = _bounds(event)
    return bounds[1].toordinal() if bounds else 0


def _precision_rank(event: Event) -> tuple[int, int, float]:
    time_rank = event.date.precision if event.date and event.date.precision else 9
    return time_rank, event.geo_precision or 9, -event.confidence


def same_event(a: Event, b: Event) -> bool:
    """ACLED's identity of an event, with tolerance for intervals and spelling."""
    return (a.event_type == b.event_type and a.sub_event_type == b.sub_event_type
            and dates_overlap(a, b) and actors_overlap(a, b)
            and same_place(a.location, b.location))


def same_capture(a: Event, b: Event, transfers: Transfers | None = None) -> bool:
    """One change of hands that sources date differently (ACLED: a place is overtaken once
    until someone else takes it).

    Both reports are factual and of one territorial sub-event type, the same side takes
    the same place (``actor1``, named), and their dates lie at most ``SAME_CAPTURE_DAYS``
    apart with no report in ``transfers`` of another side taking the place in the
    period the two span: a capture on the 16th and one on the 24th is then one capture
    with a disputed date, not two.
    """
    if (a.sub_event_type != b.sub_event_type
            or a.sub_event_type not in thresholds().capture_types
            or a.status in NON_FACTUAL or b.status in NON_FACTUAL):
        return False
    taker, ba, bb = _taker(a), _bounds(a), _bounds(b)
    if taker is None or taker != _taker(b) or ba is None or bb is None:
        return False
    if (max(ba[0], bb[0]) - min(ba[1], bb[1])).days > SAME_CAPTURE_DAYS:
        return False
    if not (actors_overlap(a, b) and same_place(a.location, b.location)):
        return False
    assert a.location is not None and b.location is not None  # same_place needs both
    span = (min(ba[0], bb[0]), max(ba[1], bb[1]))
    return transfers is None or not transfers.taken_by_another(
        {place_key(a.location), place_key(b.location)}, taker, span)


def _taker(event: Event) -> str | None:
    """The side a territorial event hands the place to (its named ``actor1``)."""
    named = _named(event.actor1)
    return normalise_name(event.actor1) if named and event.actor1 else None


class Transfers:
    """Every dated, factual change of hands in the reports, by place key: the evidence
    that a place was taken by someone else between two captures by one side."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self.by_place: dict[str, list[tuple[str, date, date]]] = {}
        types = thresholds().capture_types
        for extraction in extractions:
            for event in extraction.events:
                bounds, taker = _bounds(event), _taker(event)
                if (event.sub_event_type in types and event.status not in NON_FACTUAL
                        and event.location is not None and bounds and taker):
                    self._add(place_key(event.location), taker, bounds)
            for change in extraction.control:
                self._add_change(change, extraction.places)

    def _add_change(self, change: ControlChange, places: list[Place]) -> None:
        interval = change.date
        start = (interval.start or interval.end) if interval else None
        end = (interval.end or interval.start) if interval else None
        if (change.how in CHANGES_OF_HANDS and change.status not in NON_FACTUAL
                and start is not None and end is not None):
            key, _ = named_place_key(change.place, places, change.admin1)
            self._add(key, normalise_name(change.to_actor), (start, end))

    def _add(self, key: str, taker: str, bounds: tuple[date, date]) -> None:
        self.by_place.setdefault(key, []).append((taker, *bounds))

    def taken_by_another(self, keys: set[str], taker: str, span: tuple[date, date]) -> bool:
        """Whether a side other than ``taker`` may have taken the place strictly inside
        ``span`` (the first report's first day to the last report's last day): only such
        a change of hands can lie between two captures; one on either end day cannot."""
        return any(other != taker and start < span[1] and span[0] < end
                   for key in keys for other, start, end in self.by_place.get(key, []))


def same_place(a: Place | None, b: Place | None) -> bool:
    """The same gazetteer place, the same name in the same area, or within uncertainty.

    Two places known to be different gazetteer entries are still the same when
    close enough (a town and the village tract around it); unlocated places only
    by name.
    """
    if a is None or b is None:
        return False  # an event without a place cannot be shown to be the same
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if _same_name(a, b):
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a, b) <= place_tolerance_km(a, b)


def _same_name(a: Place, b: Place) -> bool:
    """Same name and no sign of two areas (an admin1 that differs, or a different id)."""
    if normalise_name(a.name) != normalise_name(b.name):
        return False
    if a.admin1 and b.admin1 and normalise_name(a.admin1) != normalise_name(b.admin1):
        return False
    if a.lat is None or b.lat is None or not (a.gazetteer_id and b.gazetteer_id):
        return True
    # two gazetteer entries of one name: the same place only when their areas touch
    # (Muse town and Muse township), not two villages in different townships
    reach = (a.uncertainty_km or SAME_PLACE_KM) + (b.uncertainty_km or SAME_PLACE_KM)
    return distance_km(a, b) <= max(reach, MAX_PLACE_KM)


def place_tolerance_km(a: Place, b: Place) -> float:
    """How far apart the two places may be: the larger stated uncertainty, capped."""
    stated = [u for u in (a.uncertainty_km, b.uncertainty_km) if u is not None]
    return min(max(stated, default=SAME_PLACE_KM), MAX_PLACE_KM)


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
    """Intervals overlap, with a day's slack for reports dated to the day; undated: no."""
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return False
    return ba[0] - _slack(a) <= bb[1] and bb[0] - _slack(b) <= ba[1]


def _slack(event: Event) -> timedelta:
    """A day's slack for day-precise reports ("last night" told the next morning)."""
    precise = event.date is not None and event.date.precision in (None, 1)
    return DATE_SLACK if precise else timedelta(0)


def actors_overlap(a: Event, b: Event) -> bool:
    """Compatible actors (ACLED: the same actors): one report's sides all take part in the
    other (as its actor1, actor2 or an associated actor), or one report names no one.

    Canonical names make "the junta" and "Tatmadaw" one actor already; an
    unidentified armed group names no one in particular. A clash of the army with
    one group and a clash of the army with another at the same place and week are
    two events, unless one report counts the other group among its associates.
    """
    sides_a, sides_b = _named(a.actor1, a.actor2), _named(b.actor1, b.actor2)
    if not sides_a or not sides_b:
        return True
    return (sides_a <= sides_b | _named(*b.assoc_actors)
            or sides_b <= sides_a | _named(*a.assoc_actors))


def _named(*actors: str | None) -> set[str]:
    """The actors that name someone (not empty, not an unidentified group)."""
    unknown = thresholds().unknown_actor_prefixes
    return {x for x in actors if x and not x.startswith(unknown)}


def merge_events(extractions: list[Extraction]) -> list[MergedEvent]:
    """Every event of every extraction, grouped so that each real event appears once.

    Reports are placed most precise first (a day before a week before a month), each
    joining the largest group whose every member agrees with it (``same_event``): a
    month-long report then joins the reports of the day it fits rather than founding
    its own chain. Then groups that are one capture dated differently are joined
    (``_join_captures``). Groups and their members come back in document order.
    """
    reports = [(order, extraction.document, index, event)
               for order, extraction in enumerate(extractions)
               for index, event in enumerate(extraction.events)]
    groups: list[MergedEvent] = []
    blocks: dict[tuple[str, object], list[MergedEvent]] = {}
    for _order, doc, index, event in sorted(reports, key=lambda r: _vagueness(r[3])):
        candidates = {id(g): g for key in _block_keys(event, near=True)
                      for g in blocks.get(key, [])}
        accepting = [g for g in candidates.values() if g.accepts(event, doc)]
        group = min(accepting, key=lambda g: (-len(g.members), g.days_from(event)),
                    default=None)
        if group is None:
            group = MergedEvent()
            groups.append(group)
        group.members.append((doc, event))
        group.ids.append(event_key(doc.id, index))
        for key in _block_keys(event, near=False):
            filed = blocks.setdefault(key, [])
            if not filed or filed[-1] is not group:
                filed.append(group)
    return _in_document_order(_join_captures(groups, Transfers(extractions)), reports)


def _join_captures(groups: list[MergedEvent], transfers: Transfers) -> list[MergedEvent]:
    """Groups that report one change of hands with different dates, joined (largest first).

    A second pass, so that every report first finds the reports its own dates agree
    with; only whole groups are then joined, when every pair across them agrees.
    """
    kinds = thresholds().capture_types
    kept: list[MergedEvent] = []
    by_taker: dict[tuple[str, str | None], list[MergedEvent]] = {}
    ranked = sorted(groups, key=lambda g: (-len(g.members), _vagueness(g.event)))
    for group in ranked:
        event = group.event
        if event.sub_event_type not in kinds or _taker(event) is None:
            kept.append(group)
            continue
        block = by_taker.setdefault((event.sub_event_type, _taker(event)), [])
        target = next((g for g in block if g.one_capture_with(group, transfers)), None)
        if target is None:
            block.append(group)
            kept.append(group)
        else:
            target.members += group.members
            target.ids += group.ids
    return kept


def _vagueness(event: Event) -> tuple[int, int]:
    """Sort key: day-precise reports first, then by the length of their interval."""
    bounds = _bounds(event)
    if bounds is None:
        return (9, 0)
    precision = event.date.precision if event.date and event.date.precision else 1
    return (precision, (bounds[1] - bounds[0]).days)


def _in_document_order(groups: list[MergedEvent],
                       reports: list[tuple[int, Document, int, Event]]) -> list[MergedEvent]:
    """Members in the order their documents and events came; groups by their first member."""
    rank = {id(event): (order, index) for order, _doc, index, event in reports}
    for group in groups:
        pairs = sorted(zip(group.members, group.ids, strict=True),
                       key=lambda pair: rank[id(pair[0][1])])
        group.members = [member for member, _ in pairs]
        group.ids = [ident for _, ident in pairs]
    return sorted(groups, key=lambda g: rank[id(g.members[0][1])])


def _block_keys(event: Event, *, near: bool) -> list[tuple[str, object]]:
    """Where a group is filed (``near=False``) or looked up: by type with place name and map cell.

    Cells are ``CELL_DEGREES`` wide, larger than ``SAME_PLACE_KM``, so looking in the
    3×3 cells around a place finds every group close enough to match.
    """
    place, kind = event.location, event.sub_event_type
    if place is None:
        return [(kind, None)]
    keys: list[tuple[str, object]] = [(kind, normalise_name(place.name))]
    if place.gazetteer_id:
        keys.append((kind, place.gazetteer_id))
    if place.lat is not None and place.lon is not None:
        row, col = int(place.lat // CELL_DEGREES), int(place.lon // CELL_DEGREES)
        steps = (-1, 0, 1) if near else (0,)
        keys += [(kind, (row + dr, col + dc)) for dr in steps for dc in steps]
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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
