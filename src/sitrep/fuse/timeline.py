"""Who holds each place when: control changes laid out as a timeline per place.

Only factual steps move control (a rumoured cession or a demand does not);
before the first known change the side that lost the place is taken to have
held it (marked ``inferred``); battles reported at the place after the last
step make it ``contested`` while the last holder is still named.

Timelines are keyed by place identity (``sitrep.fuse.identity``): "Nawnghkio",
"Naung Hkio", "Naungcho" and "Nawnghkio Township" are one timeline, named as
the gazetteer names the town, with every spelling the texts used kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

from sitrep.fuse.events import MergedEvent
from sitrep.fuse.identity import bare_name, named_place_key, place_key
from sitrep.model import NON_FACTUAL, ControlChange, Document, Extraction
from sitrep.places.gazetteer import key as spelling_key

#: ways of speaking about control that do not change who holds a place
NOT_A_CHANGE: frozenset[str] = frozenset({"demanded", "ceded (claimed)"})


@dataclass
class Step:
    """One control change as one document reports it."""

    change: ControlChange
    document: Document

    @property
    def start(self) -> date | None:
        interval = self.change.date
        return (interval.start or interval.end) if interval else None

    @property
    def end(self) -> date | None:
        interval = self.change.date
        return (interval.end or interval.start) if interval else None

    @property
    def factual(self) -> bool:
        return self.change.status not in NON_FACTUAL and self.change.how not in NOT_A_CHANGE

    def to_dict(self) -> dict[str, Any]:
        c = self.change
        return {
            "place": c.place, "from": c.from_actor, "to": c.to_actor, "how": c.how,
            "status": c.status, "factual": self.factual,
            "date_start": _iso(self.start), "date_end": _iso(self.end),
            "date_text": c.date.text if c.date else None,
            "evidence": [s.text for s in c.evidence],
            "document_id": self.document.id, "source": self.document.source,
            "title": self.document.title,
            "file": PurePath(self.document.path).name if self.document.path else None,
        }


@dataclass
class Holding:
    """The answer to "who held this place on that day", with how sure it is."""

    holder: str | None
    since: date | None = None
    contested: bool = False
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"holder": self.holder, "since": _iso(self.since),
                "contested": self.contested, "inferred": self.inferred}


@dataclass
class Timeline:
    """One place's control steps; ``key`` is its identity, ``spellings`` the texts' words."""

    place: str
    steps: list[Step] = field(default_factory=list)
    battle_days: list[date] = field(default_factory=list)
    key: str = ""
    spellings: list[str] = field(default_factory=list)

    def dated_factual_steps(self) -> list[Step]:
        dated = [s for s in self.steps if s.factual and s.start is not None]
        return sorted(dated, key=lambda s: (s.start, s.end))

    def holding_at(self, day: date) -> Holding:
        """The holder on ``day``: last factual step begun by then, else the first loser."""
        steps = self.dated_factual_steps()
        done = [s for s in steps if s.start is not None and s.start <= day]
        if done:
            last = done[-1]
            return Holding(last.change.to_actor, last.start, self._fought_after(last.end, day))
        upcoming = next((s for s in steps if s.change.from_actor), None)
        if upcoming is None:
            return Holding(None, contested=self._fought_after(None, day))
        return Holding(upcoming.change.from_actor, None, self._fought_after(None, day),
                       inferred=True)

    def _fought_after(self, after: date | None, day: date) -> bool:
        return any((after is None or fought > after) and fought <= day
                   for fought in self.battle_days)


class Timelines(dict[str, Timeline]):
    """Timelines by place key that also answer to any spelling of a place's name
    (``timelines["Naungcho"]`` is Nawnghkio's): callers that knew only names keep working."""

    def __missing__(self, name: str) -> Timeline:
        found = find_timeline(self, name)
        if found is None:
            raise KeyError(name)
        return found

    def get(self, name: str, default: Timeline | None = None) -> Timeline | None:  # type: ignore[override]
        return self[name] if name in self or find_timeline(self, name) else default


def build_timelines(extractions: list[Extraction],
                    events: list[MergedEvent]) -> Timelines:
    """One timeline per place named by a control change, keyed by place identity."""
    timelines = Timelines()
    for extraction in extractions:
        for change in extraction.control:
            key, name = named_place_key(change.place, extraction.places, change.admin1)
            timeline = timelines.setdefault(key, Timeline(name, key=key))
            timeline.steps.append(Step(change, extraction.document))
            if change.place not in timeline.spellings:
                timeline.spellings.append(change.place)
    for merged in events:
        event = merged.event
        if event.event_type == "Battles" and event.location and event.date and event.date.start:
            fought_at = dict.get(timelines, place_key(event.location)) or dict.get(
                timelines, named_place_key(event.location.name, [event.location])[0])
            if fought_at is not None:
                fought_at.battle_days.append(event.date.start)
    return timelines


def find_timeline(timelines: dict[str, Timeline], name: str) -> Timeline | None:
    """The timeline of the place ``name`` stands for, in any spelling the texts or
    the gazetteer know ("Naungcho" finds Nawnghkio)."""
    if dict.__contains__(timelines, name):
        return dict.__getitem__(timelines, name)
    key, _ = named_place_key(name)
    if dict.__contains__(timelines, key):
        return dict.__getitem__(timelines, key)
    wanted = spelling_key(bare_name(name))
    return next((t for t in timelines.values()
                 if wanted in {spelling_key(bare_name(s)) for s in [t.place, *t.spellings]}),
                None)


def control_conflicts(timelines: dict[str, Timeline]) -> list[dict[str, Any]]:
    """Documents that disagree on who took a place in overlapping dates."""
    conflicts = []
    for timeline in timelines.values():
        steps = timeline.dated_factual_steps()
        for i, a in enumerate(steps):
            for b in steps[i + 1:]:
                if b.start and a.end and b.start > a.end:
                    break  # sorted by start: no later step overlaps ``a``
                if _disagree(a, b):
                    conflicts.append({"kind": "control", "place": timeline.place,
                                      "values": [a.to_dict(), b.to_dict()]})
    return conflicts


def _disagree(a: Step, b: Step) -> bool:
    assert a.start and a.end and b.start and b.end
    overlap = a.start <= b.end and b.start <= a.end
    return (overlap and a.document.id != b.document.id
            and a.change.to_actor != b.change.to_actor)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
