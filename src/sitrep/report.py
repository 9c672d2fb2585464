"""A Markdown situation report for a period: key events, control changes, contradictions.

Every line cites the documents it rests on as footnotes (``[^n]``), listed at the
end with title (or id), outlet, date and url, so a reader can check each claim.
Events are the merged events as the store holds them (``Store.merged_events``,
what SQL and the exports show; fused in memory only when none are given), under
the place as the gazetteer names it, every spelling of a town under one heading.
Unconfirmed reports (rumours, threats, denials) are left out of the key events,
and demands or claimed cessions of control are listed as such, never as changes
of holder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from sitrep.export.acled_csv import event_date
from sitrep.export.filters import EventFilter
from sitrep.fuse.contradictions import Contradiction, all_contradictions
from sitrep.fuse.events import MergedEvent, merge_events, normalise_name
from sitrep.fuse.timeline import Step, Timeline, build_timelines, control_conflicts
from sitrep.model import Document, Extraction

UNLOCATED = "Place not known"


@dataclass
class Citations:
    """Footnote numbers for documents, in order of first citation."""

    numbers: dict[str, int] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    def cite(self, documents: list[Document]) -> str:
        marks = []
        for doc in {d.id: d for d in documents}.values():
            if doc.id not in self.numbers:
                self.numbers[doc.id] = len(self.numbers) + 1
                self.documents[doc.id] = doc
            marks.append(f"[^{self.numbers[doc.id]}]")
        return "".join(marks)

    def footnotes(self) -> list[str]:
        return [f"[^{n}]: {_describe(self.documents[doc_id])}"
                for doc_id, n in self.numbers.items()]


def _describe(doc: Document) -> str:
    parts = [doc.title or (PurePath(doc.path).name if doc.path else doc.id)]
    details = ", ".join(x for x in (doc.source, _iso(doc.published)) if x)
    if details:
        parts.append(f"({details})")
    if doc.url:
        parts.append(f"<{doc.url}>")
    if doc.title or doc.path:
        parts.append(f"— document {doc.id}")
    return " ".join(parts)


@dataclass(frozen=True)
class Window:
    """The period (inclusive) and, optionally, the admin1 region a report covers."""

    since: date
    until: date
    region: str | None = None

    def covers(self, day: date | None) -> bool:
        return day is not None and self.since <= day <= self.until

    def in_region(self, admin1: str | None) -> bool:
        return self.region is None or (
            admin1 is not None and normalise_name(admin1) == normalise_name(self.region))

    @property
    def title(self) -> str:
        where = f", {self.region}" if self.region else ""
        return f"# Situation report{where}: {self.since.isoformat()} to {self.until.isoformat()}"


def situation_report(extractions: list[Extraction], window: Window,
                     merged: list[MergedEvent] | None = None) -> str:
    """The whole report as Markdown text.

    ``merged``: the stored merged events (``Store.merged_events``), so that the report
    counts the events SQL and the exports count; fused here when not given.
    """
    merged = merge_events(extractions) if merged is None else merged
    citations = Citations()
    events = _key_events(merged, window)
    timelines = build_timelines(extractions, merged)
    sections = [
        window.title, "",
        _summary(events, extractions),
        "", "## Key events", "", *_event_lines(events, citations),
        "", "## Control changes", "", *_control_lines(timelines, window, citations),
        "", "## Contradictions", "",
        *_contradiction_lines(all_contradictions(extractions, merged), citations,
                              extractions, window),
        "", "## Sources", "", *(citations.footnotes() or ["No sources cited."]),
    ]
    return "\n".join(sections).rstrip() + "\n"


def _key_events(merged: list[MergedEvent], window: Window) -> list[MergedEvent]:
    """Factual events whose ACLED event date falls in the period (a long "since April"
    interval that merely reaches into it does not)."""
    kept = EventFilter(since=window.since, until=window.until).apply(merged)
    return [g for g in kept if window.covers(event_date(g.event))
            and window.in_region(g.event.location.admin1 if g.event.location else None)]


def _summary(events: list[MergedEvent], extractions: list[Extraction]) -> str:
    deaths = sum(g.fatalities or 0 for g in events)
    return (f"{len(events)} events in the period, with at least {deaths} reported fatalities "
            f"(lowest figure per event), from {len(extractions)} documents in the database.")


def _event_lines(events: list[MergedEvent], citations: Citations) -> list[str]:
    if not events:
        return ["No events reported in the period."]
    by_place: dict[str, list[MergedEvent]] = {}
    for group in events:
        by_place.setdefault(_place_heading(group), []).append(group)
    lines: list[str] = []
    for place in sorted(by_place, key=lambda p: (p == UNLOCATED, p)):
        lines += [f"### {place}", ""]
        for group in sorted(by_place[place], key=lambda g: event_date(g.event) or date.min):
            lines.append(_event_line(group, citations))
        lines.append("")
    return lines[:-1]


def _place_heading(group: MergedEvent) -> str:
    """The place as the gazetteer spells it (one heading per town), with its region."""
    loc = group.event.location
    if loc is None:
        return UNLOCATED
    name = group.place_name or loc.name
    return f"{name} ({loc.admin1})" if loc.admin1 and loc.admin1 != name else name


def _event_line(group: MergedEvent, citations: Citations) -> str:
    event = group.event
    day = event_date(event)
    actors = " vs ".join(a for a in (event.actor1, event.actor2) if a) or "actors not named"
    when = day.isoformat() if day else "undated"
    if group.date_disputed:  # one capture its sources date differently: say every date
        dates = dict.fromkeys(d["date_start"] or d["date_end"] for d in group.reported_dates)
        when += f" (date disputed: {', '.join(sorted(dates))})"
    line = (f"- {when}: {event.event_type} "
            f"({event.sub_event_type}), {actors}; {_fatalities(group)}")
    return f"{line} {citations.cite([doc for doc, _ in group.members])}"


def _fatalities(group: MergedEvent) -> str:
    counts = sorted({c["fatalities"] for c in group.fatality_counts})
    if not counts:
        return "no fatalities reported"
    if len(counts) == 1:
        return f"{counts[0]} killed"
    return f"{counts[0]} killed (sources disagree: {', '.join(map(str, counts))})"


def _control_lines(timelines: dict[str, Timeline], window: Window,
                   citations: Citations) -> list[str]:
    town = {id(s): t.place for t in timelines.values() for s in t.steps}
    steps = [s for t in timelines.values() for s in t.steps
             if window.covers(s.start) and window.in_region(s.change.admin1)]
    if not steps:
        return ["No control changes reported in the period."]
    ordered = sorted(steps, key=lambda s: (s.start, s.end))
    lines = list(dict.fromkeys(_step_line(s, town[id(s)], citations)
                               for s in ordered))  # once per source
    return [*lines, "", f"Holders on {window.until.isoformat()}:", "",
            *_holder_lines(timelines, {k for k, t in timelines.items()
                                       if any(s in steps for s in t.steps)}, window)]


def _step_line(step: Step, place: str, citations: Citations) -> str:
    """One control step at the town as its timeline names it ("Naungcho" as written)."""
    change = step.change
    written = f' ("{change.place}")' if change.place != place else ""
    lost = f" from {change.from_actor}" if change.from_actor else ""
    kind = "" if step.factual else "; does not change who holds it"
    return (f"- {_iso(step.start)}: {place}{written}: {change.to_actor} ({change.how}{lost}; "
            f"{change.status}{kind}) {citations.cite([step.document])}")


def _holder_lines(timelines: dict[str, Timeline], keys: set[str], window: Window) -> list[str]:
    disputed = {c["place"] for c in control_conflicts(timelines)}
    lines = []
    for key in sorted(keys, key=lambda k: timelines[k].place):
        holding = timelines[key].holding_at(window.until)
        holder = holding.holder or "not known"
        notes = [n for n, on in (("contested", holding.contested),
                                 ("inferred", holding.inferred),
                                 ("sources disagree", timelines[key].place in disputed))
                 if on]
        suffix = f" ({', '.join(notes)})" if notes else ""
        lines.append(f"- {timelines[key].place}: {holder}{suffix}")
    return lines


def _contradiction_lines(found: list[Contradiction], citations: Citations,
                         extractions: list[Extraction], window: Window) -> list[str]:
    """Contradictions touching a cited document or one published in the period."""
    documents = {e.document.id: e.document for e in extractions}
    relevant = [c for c in found if any(
        d in citations.numbers or window.covers(documents[d].published) for d in c.documents)]
    if not relevant:
        return ["No contradictions found between the sources of the period."]
    lines = []
    for item in relevant:
        values = " vs ".join(f"{v.value} {citations.cite([documents[v.document]])}"
                             for v in item.values)
        lines.append(f"- {item.what}: {values}")
    return lines


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "undated"
