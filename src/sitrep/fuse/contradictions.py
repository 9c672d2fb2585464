"""Contradictions between documents: recorded side by side, never overwritten.

Four kinds are gathered into one list of records ``{kind, what, values}``:
different death tolls for one fused event and different holders for one place
(found by ``sitrep.fuse.events`` and ``sitrep.fuse.timeline``), different dates
for one event or one capture,
and different numbers for the same relation between two places, above all
distances ("some 78 km from Mogoke" in one report, "the 64 km route between the
mine and Mogoke" in another). A distance is read from a document's own
sentences and the places that document resolved (plus names a place noun marks,
and "the mine" pointing back to one), so spelling variants meet under the
resolved, normalised name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib.resources import files
from pathlib import PurePath
from typing import Any

import yaml

from sitrep.errors import ConfigError
from sitrep.fuse.events import (
    CHANGES_OF_HANDS,
    SAME_CAPTURE_DAYS,
    MergedEvent,
    fatality_conflicts,
    merge_events,
    normalise_name,
)
from sitrep.fuse.timeline import Step, Timeline, build_timelines, control_conflicts
from sitrep.model import Document, Event, Extraction, Place
from sitrep.text import prepare

#: two distances for the same pair differ when apart by more than this share and 1 km
RELATIVE_TOLERANCE = 0.05
#: control changes whose date two documents can disagree on (a "holds" is no dated change)
DATED_CHANGES = CHANGES_OF_HANDS
#: exact dates of one fused event further apart than this are a fusion matter, not a dispute
SAME_EVENT_DAYS = 2
# captures of a place by one side more than SAME_CAPTURE_DAYS apart are separate captures:
# the window fusion joins one capture dated differently in (fuse/data/distances.yaml)
#: how far after "from"/"of"/"between" the place it names may start (characters)
ANCHOR_REACH = 25


@dataclass(frozen=True)
class DistanceWords:
    """The word lists of ``fuse/data/distances.yaml``, compiled."""

    units: dict[str, float]
    directions: tuple[str, ...]
    place_nouns: tuple[str, ...]
    area_kinds: frozenset[str]

    @cached_property
    def number_pattern(self) -> re.Pattern[str]:
        units = "|".join(sorted((re.escape(u) for u in self.units), key=len, reverse=True))
        return re.compile(rf"\b(?P<num>\d+(?:[.,]\d+)?)[\s-]*(?P<unit>{units})\b", re.I)

    @cached_property
    def relation_pattern(self) -> re.Pattern[str]:
        """What follows a distance that names its anchor: "north of", "from", "away from"."""
        compass = "|".join(re.escape(d) for d in self.directions)
        return re.compile(
            rf"^[\s,]*(?:(?:to\s+the\s+)?(?:{compass})\s+of|(?:away\s+)?from|outside(?:\s+of)?)\b",
            re.I)


@cache
def distance_words() -> DistanceWords:
    """Load the distance lexicon shipped with sitrep."""
    raw = yaml.safe_load(files("sitrep.fuse").joinpath("data/distances.yaml").read_text("utf-8"))
    try:
        return DistanceWords({str(k).lower(): float(v) for k, v in raw["units"].items()},
                             tuple(str(d).lower() for d in raw["directions"]),
                             tuple(str(n).lower() for n in raw["place_nouns"]),
                             frozenset(str(k).lower() for k in raw["area_kinds"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"fuse/data/distances.yaml is malformed ({exc}); "
                          "it needs units, directions, place_nouns and area_kinds") from exc


@dataclass(frozen=True)
class Value:
    """One document's value for a contradicted relation, with its evidence."""

    value: str
    document: str
    evidence: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    label: str | None = None  # how to name the document to a reader

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "document": self.document, "evidence": self.evidence,
                "source": self.source, "title": self.title, "url": self.url,
                "label": self.label}


def document_label(doc: Document) -> str:
    """A document as a reader knows it: outlet, else title, file name or id."""
    return doc.source or doc.title or (PurePath(doc.path).name if doc.path else doc.id)


@dataclass
class Contradiction:
    """Documents that give different values for the same thing."""

    kind: str  # fatalities, control, date, distance
    what: str
    values: list[Value] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(v.document for v in self.values))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "what": self.what,
                "values": [v.to_dict() for v in self.values]}


@dataclass(frozen=True)
class Distance:
    """"``places[0]`` is ``km`` from ``places[1]``", as one document states it."""

    places: tuple[str, str]
    km: float
    text: str  # the number and unit as written
    evidence: str  # the sentence
    document: Document

    @property
    def pair(self) -> tuple[str, str]:
        """The relation's key: both names without a trailing "Village"/"mine", normalised."""
        a, b = sorted(normalise_name(base_name(p)) for p in self.places)
        return a, b


def base_name(name: str) -> str:
    """"Yadana Theingi Village" -> "Yadana Theingi": the noun is how, not what, a place is."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in distance_words().place_nouns:
        return " ".join(words[:-1])
    return name


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    place: Place


def find_distances(extraction: Extraction) -> list[Distance]:
    """Every "<number> <unit> from/of/between <place>" a document states between its places."""
    doc = extraction.document
    words = distance_words()
    if not words.number_pattern.search(doc.text):
        return []  # most articles state no distance: skip splitting them into sentences
    mentions = _mentions(doc.text, _known_places(extraction))
    if not mentions:
        return []
    found: list[Distance] = []
    for sentence in prepare(doc).sentences:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end
                  and (m.place.kind or "").lower() not in words.area_kinds]
        for match in words.number_pattern.finditer(doc.text, sentence.start, sentence.end):
            pair = _related_places(doc.text, match, inside, words, sentence.end)
            if pair is not None:
                km = float(match["num"].replace(",", ".")) * words.units[match["unit"].lower()]
                found.append(Distance(pair, round(km, 1), match.group(0), sentence.text, doc))
    return found


def _known_places(extraction: Extraction) -> list[Place]:
    """The document's resolved places, plus event locations it did not list among them."""
    listed = {normalise_name(p.name) for p in extraction.places}
    extra = {normalise_name(ev.location.name): ev.location for ev in extraction.events
             if ev.location is not None and normalise_name(ev.location.name) not in listed}
    return [*extraction.places, *extra.values()]


def _related_places(text: str, match: re.Match[str], inside: list[_Mention],
                    words: DistanceWords, sentence_end: int) -> tuple[str, str] | None:
    """The two places a distance is between: "between X and Y", or subject before + anchor."""
    after = text[match.end():sentence_end]
    between = re.match(r"^\W*(?:[\w-]+\W+){0,3}?between\b", after, re.I)
    if between:
        start = match.end() + between.end()
        later = [m for m in inside if m.start >= start]
        if len(later) >= 2 and normalise_name(later[0].place.name) != normalise_name(
                later[1].place.name):
            return later[0].place.name, later[1].place.name
        return None
    relation = words.relation_pattern.match(after)
    if relation is None:
        return None
    reach = match.end() + relation.end() + ANCHOR_REACH
    anchor = next((m for m in inside if match.end() <= m.start <= reach), None)
    subject = next((m for m in reversed(inside) if m.end <= match.start()), None)
    if anchor is None or subject is None:
        return None
    if normalise_name(anchor.place.name) == normalise_name(subject.place.name):
        return None
    return subject.place.name, anchor.place.name


def _mentions(text: str, places: list[Place]) -> list[_Mention]:
    """Where the document names its places (spans, else the words), plus "the mine"-style
    references back to a place named earlier with that noun or of that kind."""
    named: list[_Mention] = []
    for place in places:
        spans = [(s.start, s.end) for s in place.spans] or list(_occurrences(text, place))
        named += [_Mention(start, end, place) for start, end in spans]
    named = _without_overlaps(named + _unlisted(text, named))
    return sorted(named + _references(text, named), key=lambda m: m.start)


def _unlisted(text: str, named: list[_Mention]) -> list[_Mention]:
    """Names the places stage did not resolve but the text marks as places by a noun after
    them ("Kone Nyaung Village", "Zamzam camp"): an unlocated place of that kind."""
    nouns = "|".join(re.escape(n) for n in distance_words().place_nouns)
    pattern = rf"\b(?P<name>(?:[A-Z][\w'’-]*\s+){{1,4}}?)(?i:(?P<noun>{nouns}))s?\b"
    taken = [(m.start, m.end) for m in named]
    found = []
    for match in re.finditer(pattern, text):
        article = _LEADING_WORDS.match(match["name"])
        start = match.start("name") + (article.end() if article else 0)
        end = match.start("name") + len(match["name"].rstrip())
        name = " ".join(text[start:end].split())
        if name and not any(a < end and start < b for a, b in taken):
            place = Place(mention=name, name=name, kind=match["noun"].lower())
            found.append(_Mention(start, end, place))
    known = {normalise_name(base_name(m.place.name)) for m in [*named, *found]}
    return [_shortest_known(m, text, known) for m in found]


def _shortest_known(mention: _Mention, text: str, known: set[str]) -> _Mention:
    """"Beyond Yadana Theingi" -> "Yadana Theingi" when that name occurs elsewhere: a
    capitalised word that opens a sentence is not part of the name."""
    words = list(re.finditer(r"\S+", text[mention.start:mention.end]))
    for word in words[1:]:
        rest = " ".join(text[mention.start + word.start():mention.end].split())
        if normalise_name(rest) in known:
            place = Place(mention=rest, name=rest, kind=mention.place.kind)
            return _Mention(mention.start + word.start(), mention.end, place)
    return mention


#: capitalised words that start a sentence or phrase without being part of a name
_LEADING_WORDS = re.compile(r"(?:(?:The|A|An|In|At|On|Near|From|To|Of)\s+)*")


def _occurrences(text: str, place: Place) -> Iterable[tuple[int, int]]:
    for name in dict.fromkeys(n for n in (place.mention, place.name) if n):
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            yield found.start(), found.end()


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """Longest mention first wherever two overlap ("Nawnghkio-Mogoke road" over "Mogoke")."""
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _references(text: str, named: list[_Mention]) -> list[_Mention]:
    nouns = "|".join(re.escape(n) for n in distance_words().place_nouns)
    found: list[_Mention] = []
    for match in re.finditer(rf"\bthe\s+(?P<noun>{nouns})\b", text, re.I):
        noun = match["noun"].lower()
        earlier = [m for m in named if m.end <= match.start() and _called(text, m, noun)]
        if earlier:
            found.append(_Mention(match.start(), match.end(), earlier[-1].place))
    return found


def _called(text: str, mention: _Mention, noun: str) -> bool:
    """Whether a place was named with ``noun`` ("Yadana Theingi mine") or is of that kind."""
    following = text[mention.end:mention.end + len(noun) + 2].lower()
    return (mention.place.kind or "").lower() == noun or re.match(
        rf"^\s{{1,2}}{re.escape(noun)}\b", following) is not None


def distance_conflicts(extractions: list[Extraction]) -> list[Contradiction]:
    """Place pairs given clearly different distances, with every statement of them."""
    by_pair: dict[tuple[str, str], list[Distance]] = {}
    for extraction in extractions:
        for distance in find_distances(extraction):
            by_pair.setdefault(distance.pair, []).append(distance)
    return [_distance_record(stated) for stated in by_pair.values() if _differ(stated)]


def _differ(stated: list[Distance]) -> bool:
    low, high = min(d.km for d in stated), max(d.km for d in stated)
    return high - low > max(1.0, RELATIVE_TOLERANCE * high)


def _distance_record(stated: list[Distance]) -> Contradiction:
    a, b = (base_name(p) for p in stated[0].places)
    values = [_value(f"{d.km:g} km", d.document, d.evidence) for d in stated]
    return Contradiction("distance", f"distance {a} – {b}", values)


def _value(value: str, document: Document, evidence: str) -> Value:
    return Value(value, document.id, evidence, document.source, document.title, document.url,
                 document_label(document))


def event_date_conflicts(groups: list[MergedEvent]) -> list[Contradiction]:
    """Fused events that sources date to different exact days a little apart, and
    captures fused although their reports' dates do not agree (``date_disputed``).

    Otherwise only exact dates (precision 1) within ``SAME_EVENT_DAYS`` count: reports
    further apart, or dated only by a week or month, say more about the fusion than
    the sources.
    """
    found = [disputed_date(group) for group in groups if group.date_disputed]
    for group in groups:
        if group.date_disputed:
            continue
        dated = [(doc, ev, ev.date.start) for doc, ev in group.members
                 if ev.date and ev.date.start and ev.date.precision == 1]
        days = {day for _, _, day in dated}
        if (len({doc.id for doc, _, _ in dated}) > 1 and len(days) > 1
                and (max(days) - min(days)).days <= SAME_EVENT_DAYS):
            values = [_value(_interval_text(day, None, ev.date.text if ev.date else None), doc,
                             " ".join(s.text for s in ev.evidence)) for doc, ev, day in dated]
            where = f" at {group.event.location.name}" if group.event.location else ""
            found.append(Contradiction("date", f"date of {group.event.event_type}{where}",
                                       values))
    return found


def disputed_date(group: MergedEvent) -> Contradiction:
    """Every report's dates of a capture its sources date differently, the stood-for first."""
    event = group.event
    members = sorted(group.members, key=lambda m: m[1] is not event)
    values = [_value(_dates_of(ev), doc, " ".join(s.text for s in ev.evidence))
              for doc, ev in members]
    where = f" at {group.place_name or event.location.name}" if event.location else ""
    return Contradiction("date", f"date of {event.sub_event_type}{where}", values)


def _dates_of(event: Event) -> str:
    interval = event.date
    start = (interval.start or interval.end) if interval else None
    if interval is None or start is None:
        return "undated"
    return _interval_text(start, interval.end, interval.text)


def capture_date_conflicts(timelines: dict[str, Timeline]) -> list[Contradiction]:
    """The same capture of a place dated differently by different documents.

    Steps are taken in date order; captures by the same side with no other holder in
    between and at most ``SAME_CAPTURE_DAYS`` apart are one capture told several times.
    """
    found = []
    for timeline in timelines.values():
        for run in _capture_runs(timeline):
            if len({s.document.id for s in run}) > 1 and not _all_overlap(
                    [(s.start, s.end) for s in run if s.start and s.end]):
                values = [_step_value(s) for s in run]
                found.append(Contradiction(
                    "date", f"date {run[0].change.to_actor} took {timeline.place}", values))
    return found


def _step_value(step: Step) -> Value:
    text = step.change.date.text if step.change.date else None
    days = _interval_text(step.start, step.end, text) if step.start else "undated"
    return _value(days, step.document, " ".join(e.text for e in step.change.evidence))


def _capture_runs(timeline: Timeline) -> list[list[Step]]:
    runs: list[list[Step]] = []
    for step in timeline.dated_factual_steps():
        if runs and _same_capture(runs[-1][-1], step):
            runs[-1].append(step)
        else:
            runs.append([step])
    return [[s for s in run if s.change.how in DATED_CHANGES] for run in runs]


def _same_capture(earlier: Step, later: Step) -> bool:
    assert earlier.end is not None and later.start is not None  # dated steps only
    return (normalise_name(earlier.change.to_actor) == normalise_name(later.change.to_actor)
            and (later.start - earlier.end).days <= SAME_CAPTURE_DAYS)


def _all_overlap(spans: list[tuple[date, date]]) -> bool:
    """Whether every interval shares a day with every other."""
    return max(start for start, _ in spans) <= min(end for _, end in spans)


def _interval_text(start: date, end: date | None, text: str | None) -> str:
    days = start.isoformat() if end in (None, start) else f"{start.isoformat()}/{end.isoformat()}"
    return f"{days} ({text})" if text else days


def all_contradictions(extractions: list[Extraction],
                       merged: list[MergedEvent] | None = None) -> list[Contradiction]:
    """Fatality, control, date and distance contradictions across all documents."""
    groups = merge_events(extractions) if merged is None else merged
    documents = {e.document.id: e.document for e in extractions}
    found = [_fatality_record(c, documents) for c in fatality_conflicts(groups)]
    timelines = build_timelines(extractions, groups)
    found += [_control_record(c, documents) for c in control_conflicts(timelines)]
    found += event_date_conflicts(groups) + capture_date_conflicts(timelines)
    return _once(found + distance_conflicts(extractions))


def _once(found: list[Contradiction]) -> list[Contradiction]:
    """Each contradiction once, and each value once in it (a source may repeat itself)."""
    unique: dict[str, Contradiction] = {}
    for item in found:
        values = list(dict.fromkeys(item.values))
        key = repr((item.kind, item.what, sorted((v.value, v.document) for v in values)))
        unique.setdefault(key, Contradiction(item.kind, item.what, values))
    return list(unique.values())


def _fatality_record(conflict: dict[str, Any], documents: dict[str, Document]) -> Contradiction:
    where = f" at {conflict['location']}" if conflict.get("location") else ""
    values = [_value(str(v["fatalities"]), documents[v["document_id"]], " ".join(v["evidence"]))
              for v in conflict["values"]]
    return Contradiction("fatalities", f"fatalities of {conflict['event_type']}{where}", values)


def _control_record(conflict: dict[str, Any], documents: dict[str, Document]) -> Contradiction:
    values = []
    for step in conflict["values"]:
        when = step.get("date_text") or step.get("date_start") or "undated"
        values.append(_value(f"{step['to']} ({step['how']}, {when})",
                             documents[step["document_id"]], " ".join(step["evidence"])))
    return Contradiction("control", f"control of {conflict['place']}", values)
