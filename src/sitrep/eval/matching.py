"""Comparing one extracted value with one gold value, as GOLD.md's "Scoring" says.

Pure functions over the gold schema's dicts, so scoring is testable without the
pipeline: place names after spelling normalisation, date intervals with one
day of slack, actors by the acronym before the colon.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, timedelta
from typing import Any

NON_FACTUAL = frozenset({"planned", "threatened", "rumour", "denied"})
NEGATIVE_GOLD = frozenset({"planned", "threatened", "rumour"})
SLACK = timedelta(days=1)
SAME_PLACE_KM = 25.0

_KIND_WORDS = re.compile(
    r"\b(town|city|village|villages|village tract|township|region|state|district|mine|"
    r"site|province|area)\b")
# Romanisation variants folded to one spelling (order matters: longer first).
_VARIANTS = (("aw", "au"), ("kh", "hk"), ("oe", "o"), ("ei", "e"), ("ph", "p"), ("th", "t"))


def place_key(name: str | None) -> str:
    """A spelling-insensitive key: Mogok/Mogoke, Thabbeikyin/Thabeikkyin agree."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _KIND_WORDS.sub(" ", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.rstrip("e") if len(text) > 4 else text


def actor_key(name: str | None) -> str:
    """Actors compare by the acronym before the colon, or by the whole name."""
    if not name:
        return ""
    head = name.split(":", 1)[0] if ":" in name else name
    return " ".join(head.lower().split())


def actor_set(record: dict[str, Any]) -> frozenset[str]:
    return frozenset(k for k in (actor_key(record.get("actor1")), actor_key(record.get("actor2")))
                     if k)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def dates_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Intervals overlap, with one day of slack each side; a null end is unbounded."""
    a_start, a_end = parse_date(a.get("date_start")), parse_date(a.get("date_end"))
    b_start, b_end = parse_date(b.get("date_start")), parse_date(b.get("date_end"))
    if a_start and b_end and a_start - SLACK > b_end:
        return False
    return not (b_start and a_end and b_start - SLACK > a_end)


def has_date(record: dict[str, Any]) -> bool:
    return bool(record.get("date_start") or record.get("date_end"))


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


Coords = tuple[float, float] | None


def same_place(name_a: str | None, coords_a: Coords, name_b: str | None, coords_b: Coords
               ) -> bool:
    """Same normalised name, or within 25 km when both have coordinates."""
    key_a, key_b = place_key(name_a), place_key(name_b)
    if key_a and key_a == key_b:
        return True
    if coords_a and coords_b:
        return km_between(*coords_a, *coords_b) <= SAME_PLACE_KM
    return False


def is_asserted(record: dict[str, Any]) -> bool:
    """An extracted event states something as fact (not planned, rumoured, denied...)."""
    return record.get("status") not in NON_FACTUAL
