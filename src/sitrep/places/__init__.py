"""Places stage: place mentions geocoded from offline gazetteers (MIMU, GeoNames)."""

from __future__ import annotations

from sitrep.places.find import find_places

__all__ = ["find_places"]
