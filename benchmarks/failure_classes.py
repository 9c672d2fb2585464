"""Failure classes of the gold harness, counted per part (dev, blind, outside Myanmar).

The blind part's errors are never read one by one (docs/evaluation.md); this script lets
us learn *what kind* of error dominates there without showing a document id, a text or
a single event. For each required gold event left unmatched it asks: is there an
unmatched extracted event of the same event type in the article, and would the two match
if the date, or the place, were ignored? For the place misses it says whether either
side has coordinates and whether each side's place is among the other's places. Unmatched
extracted events are counted by sub-event type and by whether a gold event of their type
was left unmatched beside them.

    python benchmarks/failure_classes.py [--gold ../shared/gold] [--part blind]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.eval.harness import blind_ids, gold_country, gold_files, system_output
from sitrep.eval.matching import (
    Coords,
    dates_overlap,
    has_date,
    is_asserted,
    km_between,
    place_key,
    same_place,
)
from sitrep.eval.scoring import (
    NEGATIVE_GOLD,
    _gold_coords,
    _is_optional,
    _system_coords,
    match_events,
)

Event = dict[str, Any]


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


def count_document(gold: dict[str, Any], system: dict[str, Any], table: Counter[str]) -> None:
    gold_events, system_events = gold.get("events", []), system.get("events", [])
    coords = _gold_coords(gold)
    pairs = match_events(gold_events, system_events, coords)
    matched_g, matched_s = {g for g, _ in pairs}, {s for _, s in pairs}
    missed = [g for i, g in enumerate(gold_events) if i not in matched_g
              and not _is_optional(g) and g.get("status") not in NEGATIVE_GOLD]
    extra = [s for i, s in enumerate(system_events) if i not in matched_s and is_asserted(s)]
    for g in missed:
        why = classify_miss(g, extra, gold, system, coords)
        table[f"MISS  {why}"] += 1
        table[f"MISS  by sub-type: {g.get('sub_event_type')}"] += 1
    for s in extra:
        beside = any(g.get("event_type") == s.get("event_type") for g in missed)
        table["EXTRA " + ("a gold event of its type is missed beside it" if beside
                          else "no missed gold event of its type")] += 1
        table[f"EXTRA by sub-type: {s.get('sub_event_type')}"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--part", choices=("dev", "blind", "outside"), action="append")
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
        system = system_output(texts / f"{gold_path.stem}.txt")
        for part in chosen:
            if in_part(part, gold_path.stem, gold):
                count_document(gold, system, tables[part])
    for part, table in tables.items():
        print(f"== {part}")
        for label, n in sorted(table.items()):
            print(f"  {n:3d}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
