"""Places stage: place mentions geocoded from offline gazetteers (MIMU, GeoNames)."""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places.find import find_places, stop_words
from sitrep.places.lookup import lookup
from sitrep.places.relative import is_between

__all__ = ["event_places", "find_places", "is_common_word", "lookup"]


def event_places(found: list[Place]) -> list[Place]:
    """The places an event can be coded at. ACLED codes an event at a prison or a ward at
    its town, and one "between X and Y" at X with both as ``near``: sites and midpoints
    (kept for the map) are left out, so the events stage sees the towns themselves."""
    return [p for p in found if p.kind != "site" and not is_between(p)]


def is_common_word(name: str) -> bool:
    """A capitalised word that is not a place on its own ("Both", "Three", "Police")."""
    return name.lower() in stop_words()
