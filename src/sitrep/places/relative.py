"""Places given relative to others: "24 km from Kyaukme", "80 km west of Mogoke",
"between Kutkai and Namphetka", "the Nawnghkio-Mogoke road", "along National Highway 2".

Each is estimated from its anchors (kept in ``near``), flagged ``estimated`` and coded
at ACLED geo_precision 2, with an uncertainty that says how far off it may be.
"""

from __future__ import annotations

import math
import re

from sitrep.model import Place, Span
from sitrep.places.gazetteer import key
from sitrep.spans import SpanIndex

_NAME = r"[A-Z][\w'’]*(?: [A-Z][\w'’]*)*"
_DIRECTION = (r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
              r"(?:ern|ward)?")
_RELATIVE = re.compile(r"^\W{0,3}(?:some |about |around |roughly |nearly |approximately )?"
                       r"(\d+(?:\.\d+)?)[ -]?(km|kilometers|kilometres|miles)\s+"
                       # "30 kilometres (18 miles) northwest of X": the conversion is skipped
                       r"(?:\(\d+(?:\.\d+)?\s*(?:km|kilometers|kilometres|miles|mi)\)\s+)?"
                       rf"(?:(?:to the |to )?{_DIRECTION}\s+(?:of|from)|(?:\w+\s+){{0,2}}from)"
                       rf"\s+(?:the\s+)?({_NAME})")
_BETWEEN = re.compile(rf"\bbetween (?:the )?({_NAME})(?: towns?| villages?)?,? and (?:the )?"
                      rf"({_NAME})")
_ROAD = re.compile(r"\b([A-Z][\w]+(?: [A-Z][\w]+)?)-([A-Z][\w]+(?: [A-Z][\w]+)?) (road|highway)\b")
_HIGHWAY = re.compile(r"\b(?:National |Asian |Union )?Highway (?:No\.? ?)?\d+\b")
_BEARING = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
            "southwest": 225.0, "west": 270.0, "northwest": 315.0}
_KM_PER_DEGREE = 111.32
#: a place "along National Highway 2" is somewhere on the road near its anchor town
HIGHWAY_RADIUS_KM = 30.0
_POINT_KINDS = frozenset({"town", "city", "township", "village", "village tract"})


def offset(lat: float, lon: float, distance_km: float, direction: str) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) towards a compass direction."""
    bearing = math.radians(_BEARING[direction.replace("-", "")])
    dlat = distance_km * math.cos(bearing) / _KM_PER_DEGREE
    dlon = distance_km * math.sin(bearing) / (_KM_PER_DEGREE * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def _located(place: Place | None) -> bool:
    return place is not None and place.lat is not None and place.lon is not None


def _midpoint(a: Place, b: Place) -> tuple[float, float, float]:
    """Midpoint of two located places and half the distance between them."""
    from sitrep.places.find import km

    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return (a.lat + b.lat) / 2, (a.lon + b.lon) / 2, km(a.lat, a.lon, b.lat, b.lon) / 2


def relative_anchor(after: str) -> tuple[float, str, str | None, str] | None:
    """(km, unit as written, direction, anchor name) of "…, 24 km (west) from X" at the
    start of ``after``."""
    m = _RELATIVE.match(after)
    if m is None:
        return None
    distance = float(m.group(1)) * (1.609 if m.group(2) == "miles" else 1.0)
    return distance, f"{m.group(1)} {m.group(2)}", m.group(3), m.group(4)


def estimated_places(text: str, resolved: dict[str, Place], taken: list[tuple[int, int]],
                     names: re.Pattern[str], stop: frozenset[str]) -> list[Place]:
    """Names in no gazetteer but placed relative to one: "Naungpein, 24 km from Kyaukme"
    (at the anchor, the distance as uncertainty), "Hpa Lin, 80 km west of Mogoke" (offset)."""
    out: list[Place] = []
    taken_index = SpanIndex(taken)
    for m in names.finditer(text):
        if taken_index.covers(m.start()) or m.group(0).lower() in stop:
            continue
        rel = relative_anchor(text[m.end():m.end() + 100])
        anchor = resolved.get(key(rel[3])) if rel else None
        if rel is None or anchor is None or anchor.lat is None or anchor.lon is None:
            continue
        distance, written, direction, _ = rel
        lat, lon = (offset(anchor.lat, anchor.lon, distance, direction) if direction
                    else (anchor.lat, anchor.lon))
        how = f"{written} {direction + ' of' if direction else 'from'} {anchor.name}"
        out.append(Place(
            mention=m.group(0), name=m.group(0), kind=None, admin1=anchor.admin1,
            country=anchor.country, lat=lat, lon=lon, coord_source=f"estimated from: {how}",
            uncertainty_km=distance * (0.25 if direction else 1.0), geo_precision=2,
            near=[anchor.name], estimated=True,
            why="not in the gazetteers; placed relative to its anchor",
            spans=[Span(m.start(), m.end(), m.group(0))]))
    return out


def is_between(place: Place) -> bool:
    """A midpoint "between X and Y" made by ``between_places``."""
    return place.kind is None and place.mention.startswith("between ") and len(place.near) == 2


def between_places(text: str, resolved: dict[str, Place]) -> list[Place]:
    """"between Kutkai and Namphetka": the midpoint, within half the distance."""
    found: dict[str, Place] = {}
    for m in _BETWEEN.finditer(text):
        a, b = resolved.get(key(m.group(1))), resolved.get(key(m.group(2)))
        if a is None or b is None or a is b or not _located(a) or not _located(b) \
                or a.kind not in _POINT_KINDS or b.kind not in _POINT_KINDS:
            continue
        lat, lon, half = _midpoint(a, b)
        name = f"between {m.group(1)} and {m.group(2)}"
        place = found.setdefault(key(name), Place(
            mention=name, name=name, kind=None, admin1=a.admin1, country=a.country, lat=lat,
            lon=lon, coord_source=f"estimated from: midpoint of {a.name} and {b.name}",
            uncertainty_km=half, geo_precision=2, near=[a.name, b.name], estimated=True,
            why="between two places: their midpoint"))
        place.spans.append(Span(m.start(), m.end(), m.group(0)))
    return list(found.values())


def road_places(text: str, resolved: dict[str, Place], sentence_ends: list[int]) -> list[Place]:
    """Roads: "the X-Y road" at its ends' midpoint; a numbered highway at the town the
    sentence (or else the text before it) names, within ``HIGHWAY_RADIUS_KM``."""
    roads: dict[str, Place] = {}
    for m in _ROAD.finditer(text):
        name = m.group(0)
        ends = [resolved.get(key(m.group(1))), resolved.get(key(m.group(2)))]
        known = [p for p in ends if p is not None and _located(p)]
        place = roads.setdefault(key(name), _between_ends(name, m.group(1), m.group(2), known))
        place.spans.append(Span(m.start(), m.end(), name))
    for m in _HIGHWAY.finditer(text):
        end = next((e for e in sentence_ends if e >= m.end()), len(text))
        anchor = _highway_anchor(m.start(), end, resolved)
        place = roads.setdefault(key(m.group(0)), _highway(m.group(0), anchor))
        place.spans.append(Span(m.start(), m.end(), m.group(0)))
    return list(roads.values())


def _between_ends(name: str, first: str, second: str, known: list[Place]) -> Place:
    """A road between two places: the midpoint when both are located, else the one."""
    if len(known) == 2:
        lat, lon, half = _midpoint(known[0], known[1])
    elif known:
        lat, lon, half = known[0].lat, known[0].lon, HIGHWAY_RADIUS_KM  # type: ignore[assignment]
    else:
        lat = lon = half = None  # type: ignore[assignment]
    return Place(
        mention=name, name=name, kind="road", country=known[0].country if known else None,
        admin1=known[0].admin1 if known else None, lat=lat, lon=lon,
        coord_source=("estimated from: midpoint of " + " and ".join(p.name for p in known))
        if known else None, uncertainty_km=half, geo_precision=2, near=[first, second],
        estimated=bool(known), why="road between two places")


def _highway_anchor(start: int, sentence_end: int, resolved: dict[str, Place]) -> Place | None:
    """The town a highway mention is tied to: named in its sentence, else the last before."""
    towns = [(s.start, p) for p in resolved.values() if _located(p) and p.kind in _POINT_KINDS
             for s in p.spans]
    same = [(abs(s - start), p) for s, p in towns if s < sentence_end and s > start - 300]
    if same:
        return min(same, key=lambda item: item[0])[1]
    return None


def _highway(name: str, anchor: Place | None) -> Place:
    if anchor is None:
        return Place(mention=name, name=name, kind="road", geo_precision=2, why="named road")
    return Place(
        mention=name, name=name, kind="road", admin1=anchor.admin1, country=anchor.country,
        lat=anchor.lat, lon=anchor.lon, uncertainty_km=HIGHWAY_RADIUS_KM,
        coord_source=f"estimated from: {anchor.name}, the town the text ties it to",
        geo_precision=2, near=[anchor.name], estimated=True, why="named road near its anchor")
