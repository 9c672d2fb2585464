"""Scores one document's extraction against its gold annotation (GOLD.md "Scoring").

Counts are returned, not ratios, so that a corpus score is the micro-average
of its documents' counts (``Counts.__add__``).

Choices where GOLD.md is silent, stated once here:
- Matching is greedy-best: every compatible (gold, extracted) pair is scored
  (sub-event type, actors, date, place name agreement) and pairs are taken best
  first, required gold events before negatives before optional ones.
- An extracted event with a non-factual status (planned, threatened, rumour,
  denied) asserts nothing: unmatched, it is no false positive; matched to a
  gold event that happened, it is a miss.
- Attribute accuracies are over matched pairs whose gold event is not optional.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from sitrep.eval.matching import (
    NEGATIVE_GOLD,
    Coords,
    actor_set,
    dates_overlap,
    has_date,
    is_asserted,
    km_between,
    place_key,
    same_place,
)

ATTRIBUTES = ("sub_event_type", "actors", "dates", "fatalities", "status")
STRATEGIC = "Strategic developments"


@dataclass
class Counts:
    """Everything the harness counts for one document (or, summed, a corpus)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    negatives_kept: int = 0  # gold planned/rumoured events extracted with that status
    negatives: int = 0  # gold planned/threatened/rumoured events (not optional)
    negatives_asserted: int = 0  # of those, matched by an event asserted as fact
    matched: int = 0  # pairs attributes are scored on
    attr_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    places_gold: int = 0
    places_25: int = 0
    places_161: int = 0
    control_tp: int = 0
    control_fp: int = 0
    control_fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        total = Counts()
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            setattr(total, f.name, {k: a[k] + b[k] for k in a} if isinstance(a, dict) else a + b)
        return total

    def metrics(self) -> dict[str, float]:
        """The headline figures (the gate compares these)."""
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        cp = _ratio(self.control_tp, self.control_tp + self.control_fp)
        cr = _ratio(self.control_tp, self.control_tp + self.control_fn)
        out = {"event_precision": p, "event_recall": r, "event_f1": _f1(p, r)}
        out.update({f"{a}_accuracy": _ratio(self.attr_correct[a], self.matched)
                    for a in ATTRIBUTES})
        out.update({
            "places_acc_25km": _ratio(self.places_25, self.places_gold),
            "places_acc_161km": _ratio(self.places_161, self.places_gold),
            "control_precision": cp, "control_recall": cr, "control_f1": _f1(cp, cr),
        })
        return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_document(gold: dict[str, Any], system: dict[str, Any]) -> Counts:
    counts = Counts()
    _score_events(gold, system, counts)
    _score_places(gold.get("places", []), system.get("places", []), counts)
    _score_control(gold.get("control", []), system.get("control", []), counts)
    return counts


# --- events -----------------------------------------------------------------

def _gold_coords(gold: dict[str, Any]) -> dict[str, Coords]:
    coords: dict[str, Coords] = {}
    for place in gold.get("places", []):
        if place.get("lat") is not None and place.get("lon") is not None:
            for name in (place.get("name"), place.get("mention")):
                coords[place_key(name)] = (place["lat"], place["lon"])
    return coords


def _system_coords(event: dict[str, Any]) -> Coords:
    loc = event.get("x_location") or {}
    if loc.get("lat") is not None and loc.get("lon") is not None:
        return (loc["lat"], loc["lon"])
    return None


def _is_optional(event: dict[str, Any]) -> bool:
    no_anchor = not event.get("location") and not has_date(event)
    return bool(event.get("optional")) or no_anchor


def _compatible(g: dict[str, Any], s: dict[str, Any], g_coords: Coords) -> bool:
    if g.get("event_type") != s.get("event_type"):
        return False
    if g.get("event_type") == STRATEGIC and g.get("sub_event_type") != s.get("sub_event_type"):
        return False  # an Agreement never matches an Arrest
    if has_date(g) and not dates_overlap(g, s):
        return False
    if not g.get("location"):
        return True
    return same_place(g.get("location"), g_coords, s.get("location"), _system_coords(s))


def _pair_score(g: dict[str, Any], s: dict[str, Any]) -> float:
    score = float(g.get("sub_event_type") == s.get("sub_event_type"))
    score += len(actor_set(g) & actor_set(s)) * 0.5
    score += 0.5 * float(place_key(g.get("location")) == place_key(s.get("location")))
    score += 0.25 * float(g.get("date_start") == s.get("date_start"))
    return score


def _tier(g: dict[str, Any]) -> int:
    """Required gold events are matched first, then negatives, then optional ones."""
    if _is_optional(g):
        return 2
    return 1 if g.get("status") in NEGATIVE_GOLD else 0


def match_events(gold_events: list[dict[str, Any]], system_events: list[dict[str, Any]],
                 coords: dict[str, Coords]) -> list[tuple[int, int]]:
    """Greedy-best one-to-one matching: (gold index, system index) pairs."""
    candidates = []
    for gi, g in enumerate(gold_events):
        g_coords = coords.get(place_key(g.get("location")))
        for si, s in enumerate(system_events):
            if _compatible(g, s, g_coords):
                candidates.append((_tier(g), -_pair_score(g, s), gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_rank, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def _score_events(gold: dict[str, Any], system: dict[str, Any], counts: Counts) -> None:
    gold_events, system_events = gold.get("events", []), system.get("events", [])
    pairs = match_events(gold_events, system_events, _gold_coords(gold))
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        _count_pair(gold_events[gi], system_events[si], counts)
    for gi, g in enumerate(gold_events):
        if not _is_optional(g) and g.get("status") in NEGATIVE_GOLD:
            counts.negatives += 1
        elif gi not in matched_g and not _is_optional(g):
            counts.fn += 1
    for si, s in enumerate(system_events):
        if si not in matched_s and is_asserted(s):
            counts.fp += 1


def _count_pair(g: dict[str, Any], s: dict[str, Any], counts: Counts) -> None:
    if _is_optional(g):
        return
    negative = g.get("status") in NEGATIVE_GOLD
    if negative and is_asserted(s):
        counts.fp += 1
        counts.negatives_asserted += 1
    elif negative:
        counts.negatives_kept += 1
    elif is_asserted(s):
        counts.tp += 1
    else:
        counts.fn += 1
    counts.matched += 1
    for name, ok in _attributes_agree(g, s).items():
        counts.attr_correct[name] += int(ok)


def _attributes_agree(g: dict[str, Any], s: dict[str, Any]) -> dict[str, bool]:
    return {
        "sub_event_type": g.get("sub_event_type") == s.get("sub_event_type"),
        "actors": actor_set(g) == actor_set(s),
        "dates": (g.get("date_start"), g.get("date_end"))
        == (s.get("date_start"), s.get("date_end")),
        "fatalities": g.get("fatalities") == s.get("fatalities"),
        "status": g.get("status") == s.get("status"),
    }


# --- places -----------------------------------------------------------------

def places_by_key(places: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Geocoded places under the key of their mention and of their name (first wins)."""
    by_key: dict[str, dict[str, Any]] = {}
    for place in places:
        if place.get("lat") is None or place.get("lon") is None:
            continue
        for name in (place.get("mention"), place.get("name")):
            by_key.setdefault(place_key(name), place)
    return by_key


def _score_places(gold_places: Iterable[dict[str, Any]], system_places: list[dict[str, Any]],
                  counts: Counts) -> None:
    by_key = places_by_key(system_places)
    for g in gold_places:
        if g.get("lat") is None or g.get("lon") is None:
            continue
        counts.places_gold += 1
        found = by_key.get(place_key(g.get("name"))) or by_key.get(place_key(g.get("mention")))
        if found is None:
            continue
        km = km_between(g["lat"], g["lon"], found["lat"], found["lon"])
        counts.places_25 += km <= 25
        counts.places_161 += km <= 161


# --- control ----------------------------------------------------------------

def _control_match(g: dict[str, Any], s: dict[str, Any]) -> bool:
    return (place_key(g.get("place")) == place_key(s.get("place"))
            and actor_set({"actor1": g.get("to")}) == actor_set({"actor1": s.get("to")})
            and dates_overlap(g, s))


def _score_control(gold: list[dict[str, Any]], system: list[dict[str, Any]],
                   counts: Counts) -> None:
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, s in enumerate(system) if i not in used and _control_match(g, s)),
                   None)
        if hit is None:
            counts.control_fn += 1
        else:
            used.add(hit)
            counts.control_tp += 1
    counts.control_fp += len(system) - len(used)
