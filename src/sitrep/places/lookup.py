"""One name resolved on its own, for stages that meet a place outside ``find_places``."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.model import Place
from sitrep.places.find import km
from sitrep.places.gazetteer import KIND_RANK, Entry, key, load_index
from sitrep.places.gazetteer import candidates as gazetteer_candidates
from sitrep.places.romanisations import family_of_country

#: beyond this, a candidate's distance from the context no longer matters more than its kind
_FAR_KM = 10_000.0
#: shorter spelling keys ("Zzqq" → "zq") hit stray alternate names
_MIN_KEY = 3


def _distance(entry: Entry, context: Sequence[Place]) -> float:
    """Nearest distance from a candidate to the context's located places."""
    if entry.lat is None or entry.lon is None:
        return _FAR_KM
    points = [(p.lat, p.lon) for p in context if p.lat is not None and p.lon is not None]
    return min((km(entry.lat, entry.lon, la, lo) for la, lo in points), default=_FAR_KM)


def _countries(context: Sequence[Place]) -> set[str]:
    return {p.country for p in context if p.country}


def lookup(name: str, context: Sequence[Place] | None = None) -> Place | None:
    """The best gazetteer place for ``name``: the context's country first, then the
    larger kind (town over village), then the candidate nearest the context's places."""
    name_key = key(name)
    context = context or []
    # the context's countries' romanisation families: "Deir al-Balah" beside Gaza
    families = {f.name for f in map(family_of_country, _countries(context)) if f}
    candidates = gazetteer_candidates(load_index(), name, families) \
        if len(name_key) >= _MIN_KEY else []
    if not candidates:
        return None
    countries = _countries(context)

    def rank(entry: Entry) -> tuple[int, float, int]:
        foreign = 1 if countries and entry.country not in countries else 0
        distance = _distance(entry, context)
        if distance < _FAR_KM:
            return (foreign, distance, KIND_RANK.get(entry.kind, 9))
        return (foreign, _FAR_KM + KIND_RANK.get(entry.kind, 9), 0)

    best = min(candidates, key=rank)
    why = f"{best.kind} in {best.country}"
    if context and _distance(best, context) < _FAR_KM:
        why += f", {_distance(best, context):.0f} km from the context's places"
    elif len(candidates) > 1:
        why += f", largest kind of {len(candidates)} candidates"
    return Place(mention=name, name=best.name, kind=best.kind, admin1=best.admin1,
                 admin2=best.admin2, admin3=best.admin3, gazetteer_id=best.ident,
                 country=best.country, lat=best.lat, lon=best.lon,
                 coord_source=best.source, uncertainty_km=best.uncertainty_km,
                 geo_precision=3 if best.kind in ("region", "country") else 1, why=why)
