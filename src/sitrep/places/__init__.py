"""Places stage: place mentions geocoded from offline gazetteers (MIMU, GeoNames)."""

from __future__ import annotations

from sitrep.places.find import find_places, stop_words
from sitrep.places.lookup import lookup

__all__ = ["find_places", "is_common_word", "lookup"]


def is_common_word(name: str) -> bool:
    """A capitalised word that is not a place on its own ("Both", "Three", "Police")."""
    return name.lower() in stop_words()
