"""Failure classes of the gold harness, counted per part (dev, blind, outside Myanmar).

The blind part's errors are never read one by one (docs/evaluation.md); this script lets
us learn *what kind* of error dominates there without showing a document id, a text or
a single event. For each required gold event left unmatched it asks: is there an
unmatched extracted event of the same event type in the article, and would the two match
if the date, or the place, were ignored? For the place misses it says whether either
side has coordinates and whether each side's place is among the other's places. Unmatched
extracted events are counted by sub-event type and by whether a gold event of their type
was left unmatched beside them.

With ``--why`` it also asks the extraction's own explanations (``sitrep extract
--explain``) why: for a missed event, what became of the triggers in its evidence sentences
(coded with another type, rejected and for which reason, or none there); for an extra, its
trigger kind and where its date and place came from; for matched pairs whose dates differ,
how they differ; for missed control changes, what the system holds for that place. Reasons
are counted by their class (the words before any quoted text), never with the text.

    python benchmarks/failure_classes.py [--gold ../shared/gold] [--part blind] [--why]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.eval.harness import blind_ids, gold_country, gold_files
from sitrep.eval.matching import (
    Coords,
    actor_set,
    dates_overlap,
    has_date,
    is_asserted,
    km_between,
    place_key,
    same_place,
)
from sitrep.eval.scoring import (
    NEGATIVE_GOLD,
    _control_match,
    _gold_coords,
    _is_optional,
    _system_coords,
    match_events,
)
from sitrep.events import explain
from sitrep.ingest.documents import parse_plain_text
from sitrep.pipeline import extract_document
from sitrep.text import split_sentences

Event = dict[str, Any]


class Explained:
    """One article's system output with the events stage's notes, by sentence."""

    def __init__(self, text_path: Path) -> None:
        doc = parse_plain_text(text_path.read_text(encoding="utf-8"), str(text_path))
        with explain.recording() as notes:
            self.output = extract_document(doc).to_gold_dict()
        self.text = doc.text
        self.sentences = split_sentences(doc.text)
        self.notes: dict[int, list[dict[str, Any]]] = {}
        for note in notes:
            self.notes.setdefault(note["sentence"], []).append(note)

    def sentence_at(self, offset: int) -> int | None:
        return next((s.index for s in self.sentences if s.start <= offset < s.end), None)

    def evidence_sentences(self, record: Event) -> list[int]:
        """Sentences holding the gold evidence (pieces split at "..."), as found."""
        evidence = record.get("evidence") or []
        pieces = [evidence] if isinstance(evidence, str) else list(evidence)
        found: set[int] = set()
        flat = " ".join(self.text.split())
        starts = _flat_offsets(self.text)
        for piece in pieces:
            for part in str(piece).split("..."):
                part = " ".join(part.split()).strip(" .\u2026")
                if len(part) < 12:
                    continue
                at = flat.find(part[:60])
                if at >= 0:
                    index = self.sentence_at(starts[at])
                    if index is not None:
                        found.add(index)
        return sorted(found)


def _flat_offsets(text: str) -> list[int]:
    """For each character of the whitespace-collapsed text, its offset in ``text``."""
    offsets, previous_space = [], True
    for i, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                offsets.append(i)
            previous_space = True
        else:
            offsets.append(i)
            previous_space = False
    return offsets


def _reason_class(reason: str) -> str:
    """A rejection reason without its quoted words (they are text)."""
    for stop in (" (", ":", " '", " \u2018", " \""):
        if stop in reason:
            reason = reason.split(stop, 1)[0]
    return reason.strip()[:70]


#: classes of a place's "why" (the rest of it names places: never printed)
_PLACE_CLASSES = (
    ("in no gazetteer", "in no gazetteer"), ("spelt like", "fuzzy spelling"),
    ("as the text says", "relative to another place"), ("road", "a road"),
    ("larger area", "the larger area the sentence names"), ("candidate", "nearest candidate"),
    ("unresolved", "unresolved name in the sentence"), ("county", "a county"),
    ("(score", "ranked gazetteer entry"), ("km from", "nearest to the article's places"),
)
_PLACE_KIND = re.compile(r"^(\w+(?: tract)?) in ")


def _place_class(why: str) -> str:
    for cue, label in _PLACE_CLASSES:
        if cue in why:
            return label
    kind = _PLACE_KIND.match(why)
    return f"a {kind.group(1)} of the gazetteer" if kind else "other"


def _coded_apart(g: Event, same: list[dict[str, Any]]) -> str:
    """Whether the same-type events coded in a missed event's sentences differ from it in
    place, in date, or in neither (then merged or matched to another gold event)."""
    def date_ok(n: dict[str, Any]) -> bool:
        start, end = ((n.get("date") or {}).get("interval") or [None, None])
        return not has_date(g) or (start is not None and dates_overlap(
            g, {"date_start": start, "date_end": end or start}))
    def place_ok(n: dict[str, Any]) -> bool:
        return not g.get("location") or place_key((n.get("place") or {}).get("name")) == \
            place_key(g.get("location"))
    if any(date_ok(n) and place_ok(n) for n in same):
        return "same place and date (merged away or matched to another gold event)"
    if any(place_ok(n) for n in same):
        return "date differs"
    if any(date_ok(n) for n in same):
        return "place name differs"
    return "date and place name differ"


def why_missed(g: Event, seen: Explained) -> str:
    """What the events stage did with the sentences a missed gold event stands in."""
    indices = seen.evidence_sentences(g)
    if not indices:
        return "evidence not located in the text"
    notes = [n for i in indices for n in seen.notes.get(i, [])]
    coded = [n for n in notes if "event" in n]
    kind = g.get("event_type", "")
    if any(n["event"].split(" / ")[0] == kind for n in coded):
        same = [n for n in coded if n["event"].split(" / ")[0] == kind]
        if all(n["status"] in ("planned", "threatened", "denied", "rumour") for n in same):
            return "coded there with its type, but not asserted"
        return "coded there with its type: " + _coded_apart(g, same)
    if coded:
        return "coded there as " + coded[0]["event"].split(" / ")[0]
    rejected = [n for n in notes if "rejected" in n and "trigger" in n]
    if rejected:
        return "trigger rejected: " + _reason_class(rejected[0]["rejected"])
    skipped = [n for n in notes if "rejected" in n]
    if skipped:
        return "sentence skipped: " + _reason_class(skipped[0]["rejected"])
    return "no trigger in its sentence(s)"


def why_extra(s: Event, seen: Explained) -> list[str]:
    """Trigger kind and the sources of date and place of an unmatched extracted event."""
    spans = s.get("x_evidence_spans") or []
    index = seen.sentence_at(spans[0]["start"]) if spans else None
    notes = [n for n in seen.notes.get(index, []) if "event" in n] if index is not None else []
    note = next((n for n in notes if n["event"] == f"{s.get('event_type')} / "
                 f"{s.get('sub_event_type')}"), notes[0] if notes else None)
    if note is None:
        return ["no note (made after the events stage: fusion, control or tallies)"]
    date = note.get("date") or {}
    place = note.get("place") or {}
    return [f"trigger kind {note['kind']}",
            "date from " + (date.get("why") or "nowhere (undated)"),
            "place from " + (_place_class(str(place.get("why"))) if place else "nowhere"),
            "status " + str(note.get("status"))]


def date_difference(g: Event, s: Event) -> str:
    """How a matched pair's dates differ (or that they agree)."""
    gs, ge, ss, se = (g.get("date_start"), g.get("date_end"), s.get("date_start"),
                      s.get("date_end"))
    if (gs, ge) == (ss, se):
        return "equal"
    if not gs:
        return "gold null, system dated"
    if not ss:
        return "system null, gold dated"
    ge, se = ge or gs, se or ss
    if ss <= gs and se >= ge:
        return f"system wider (gold precision {g.get('time_precision')}, "\
            f"system {s.get('time_precision')})"
    if ss >= gs and se <= ge:
        return f"system narrower (gold precision {g.get('time_precision')}, "\
            f"system {s.get('time_precision')})"
    return "shifted (overlapping within a day's slack)"


def why_control_missed(g: Event, system: list[Event]) -> str:
    same = [s for s in system if place_key(s.get("place")) == place_key(g.get("place"))]
    how = f" [gold: {g.get('how')}, {g.get('status')}]"
    if not same:
        return "no control change for that place" + how
    to = actor_set({"actor1": g.get("to")})
    if not any(actor_set({"actor1": s.get("to")}) == to for s in same):
        return "that place goes to another side" + how
    if not any(_control_match(g, s) for s in same):
        return "that place and side, another date" + how
    return "matched by another gold change of the place" + how


def _band(km: float) -> str:
    return "<50 km" if km < 50 else "<161 km" if km < 161 else ">=161 km"


def _place_miss(g: Event, near: list[Event], gold: dict[str, Any], system: dict[str, Any],
                coords: Coords) -> str:
    """How a same-type, same-date pair misses on place."""
    system_names = {place_key(p.get("name")) for p in system.get("places", [])}
    gold_names = {place_key(p.get(k)) for p in gold.get("places", []) for k in ("name", "mention")}
    found = "found" if place_key(g.get("location")) in system_names else "not found"
    points = [c for c in (_system_coords(s) for s in near) if c]
    if coords and points:
        where = _band(min(km_between(*coords, *p) for p in points))
    else:
        where = ("gold has a point, system none" if coords else
                 "system has a point, gold none" if points else "neither has a point")
        among = any(place_key(s.get("location")) in gold_names for s in near)
        where += "; system place " + ("is" if among else "is not") + " a gold place"
    return f"place differs [{where}; gold place {found} by the system]"


def classify_miss(g: Event, unmatched: list[Event], gold: dict[str, Any],
                  system: dict[str, Any], coords: dict[str, Coords]) -> str:
    """Why a required gold event found no partner."""
    same = [s for s in unmatched if s.get("event_type") == g.get("event_type")]
    if not same:
        return "no unmatched system event of its type"
    point = coords.get(place_key(g.get("location")))

    def place_ok(s: Event) -> bool:
        return not g.get("location") or same_place(g.get("location"), point, s.get("location"),
                                                   _system_coords(s))

    def date_ok(s: Event) -> bool:
        return not has_date(g) or dates_overlap(g, s)
    if any(place_ok(s) and not date_ok(s) for s in same):
        return "same type, place ok, date differs"
    near = [s for s in same if date_ok(s) and not place_ok(s)]
    if near:
        return "same type, date ok, " + _place_miss(g, near, gold, system, point)
    return "same type, date and place differ"


def count_document(gold: dict[str, Any], seen: Explained, table: Counter[str],
                   why: bool = False) -> None:
    system = seen.output
    gold_events, system_events = gold.get("events", []), system.get("events", [])
    coords = _gold_coords(gold)
    pairs = match_events(gold_events, system_events, coords)
    matched_g, matched_s = {g for g, _ in pairs}, {s for _, s in pairs}
    missed = [g for i, g in enumerate(gold_events) if i not in matched_g
              and not _is_optional(g) and g.get("status") not in NEGATIVE_GOLD]
    extra = [s for i, s in enumerate(system_events) if i not in matched_s and is_asserted(s)]
    for g in missed:
        table[f"MISS  {classify_miss(g, extra, gold, system, coords)}"] += 1
        table[f"MISS  by sub-type: {g.get('sub_event_type')}"] += 1
        if why:
            table[f"MISS  why: {why_missed(g, seen)}"] += 1
    for s in extra:
        beside = any(g.get("event_type") == s.get("event_type") for g in missed)
        table["EXTRA " + ("a gold event of its type is missed beside it" if beside
                          else "no missed gold event of its type")] += 1
        table[f"EXTRA by sub-type: {s.get('sub_event_type')}"] += 1
        if why:
            for label in why_extra(s, seen):
                table[f"EXTRA why: {label}"] += 1
    if not why:
        return
    for gi, si in pairs:
        g, s = gold_events[gi], system_events[si]
        if not _is_optional(g) and g.get("status") not in NEGATIVE_GOLD:
            table[f"DATE  {date_difference(g, s)}"] += 1
    system_control = system.get("control", [])
    for g in gold.get("control", []):
        if not any(_control_match(g, s) for s in system_control):
            table[f"CONTROL missed: {why_control_missed(g, system_control)}"] += 1
    for s in system_control:
        if not any(_control_match(g, s) for g in gold.get("control", [])):
            table[f"CONTROL extra: [{s.get('how')}, {s.get('status')}]"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--part", choices=("dev", "blind", "outside"), action="append")
    parser.add_argument("--why", action="store_true",
                        help="add the explanations' classes (missed, extra, dates, control)")
    args = parser.parse_args(argv)
    texts = args.texts or args.gold.parent / "texts"
    blind = blind_ids()
    def in_part(part: str, doc: str, gold: dict[str, Any]) -> bool:
        if part == "outside":
            return gold_country(gold) not in (None, "Myanmar")
        return (doc in blind) == (part == "blind")
    parts = ("dev", "blind", "outside")
    chosen = args.part or list(parts)
    tables: dict[str, Counter[str]] = {part: Counter() for part in chosen}
    for gold_path in gold_files(args.gold):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seen = Explained(texts / f"{gold_path.stem}.txt")
        for part in chosen:
            if in_part(part, gold_path.stem, gold):
                count_document(gold, seen, tables[part], args.why)
    for part, table in tables.items():
        print(f"== {part}")
        for label, n in sorted(table.items()):
            print(f"  {n:3d}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
