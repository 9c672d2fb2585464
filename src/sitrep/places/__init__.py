"""Places stage: place mentions geocoded from offline gazetteers (MIMU, GeoNames)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitrep.model import Place, Span
from sitrep.places.find import find_places, stop_words
from sitrep.places.lookup import lookup
from sitrep.places.relative import is_between

__all__ = ["event_places", "find_places", "is_capital", "is_common_word", "lookup",
           "main_country"]


def event_places(found: list[Place]) -> list[Place]:
    """The places an event can be coded at. ACLED codes an event at a prison or a ward at
    its town, and one "between X and Y" at X with both as ``near``: sites, midpoints
    (kept for the map) and demonyms ("Sudanese") are left out, and so is Y's mention
    inside "between X and Y"."""
    dropped = _second_anchors(found)
    found = _qualified_into_base(found)
    out = []
    for place in found:
        if place.kind in ("site", "demonym") or is_between(place):
            continue
        spans = [s for s in place.spans if (s.start, s.end) not in dropped]
        if spans:
            out.append(place if len(spans) == len(place.spans) else replace(place, spans=spans))
    return out


def main_country(found: list[Place]) -> str | None:
    """The country most of the places lie in (None when none has one)."""
    counts = Counter(p.country for p in found if p.country)
    return counts.most_common(1)[0][0] if counts else None


def _qualified_into_base(found: list[Place]) -> list[Place]:
    """"North Ardel", which no gazetteer lists, lies at Ardel's point: where the text also
    names Ardel, the two are one place for events ("residents of North Ardel were wounded
    when troops shelled Ardel" is one shelling, not two)."""
    bases = {(p.gazetteer_id, p.lat, p.lon): p for p in found
             if p.gazetteer_id and not p.estimated}
    merged: dict[int, list[Span]] = {}
    out = []
    for place in found:
        base = bases.get((place.gazetteer_id, place.lat, place.lon)) if place.estimated \
            and place.gazetteer_id else None
        if base is None:
            out.append(place)
        else:
            merged.setdefault(id(base), []).extend(place.spans)
    return [replace(p, spans=sorted([*p.spans, *merged[id(p)]], key=lambda s: s.start))
            if id(p) in merged else p for p in out]


def _second_anchors(found: list[Place]) -> set[tuple[int, int]]:
    """Spans of the later places named inside each "between X and Y"."""
    dropped: set[tuple[int, int]] = set()
    for between in (s for p in found if is_between(p) for s in p.spans):
        inner = sorted((s.start, s.end) for p in found if not is_between(p) for s in p.spans
                       if between.start <= s.start and s.end <= between.end)
        dropped.update(inner[1:])
    return dropped


def is_common_word(name: str) -> bool:
    """A capitalised word that is not a place on its own ("Both", "Three", "Police")."""
    return name.lower() in stop_words()


def is_capital(place: Place) -> bool:
    """A national capital (the world gazetteer marks them in the point's source)."""
    return "capital" in (place.coord_source or "")
