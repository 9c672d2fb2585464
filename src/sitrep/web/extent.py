"""Where the map opens: the events' extent, without the far outliers.

A corpus about one war still geocodes a few events to other continents (a capital
named in a statement, a namesake town). Fitting the map to every point then shows
three continents and no town. The map opens instead on the largest dense group of
events (those within ``RADIUS_DEG`` of the point with most such neighbours), trimmed
to the central ``SHARE`` of that group on each axis.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

Point = tuple[float, float]
RADIUS_DEG = 6.0  # about 650 km: one country's theatre, not its neighbours'
SHARE = 0.9


def _near(a: Point, b: Point, radius: float) -> bool:
    return abs(a[0] - b[0]) <= radius and abs(a[1] - b[1]) <= radius


def densest_group(points: list[Point], radius: float = RADIUS_DEG) -> list[Point]:
    """The points within ``radius`` of the point that has the most points so near."""
    weights = Counter(points)  # many events share a town: count each place once
    best = max(weights, key=lambda p: (
        sum(w for q, w in weights.items() if _near(p, q, radius)), weights[p], p))
    return [p for p in points if _near(best, p, radius)]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    at = q * (len(ordered) - 1)
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def opening_extent(points: list[Point], share: float = SHARE) -> dict[str, Any]:
    """The box to open on, as Leaflet bounds, and how many points fall outside it."""
    if not points:
        return {"bounds": None, "inside": 0, "outside": 0}
    group = densest_group(points)
    tail = (1 - share) / 2
    lats, lons = [p[0] for p in group], [p[1] for p in group]
    south, north = _quantile(lats, tail), _quantile(lats, 1 - tail)
    west, east = _quantile(lons, tail), _quantile(lons, 1 - tail)
    inside = sum(1 for lat, lon in points if south <= lat <= north and west <= lon <= east)
    return {"bounds": [[south, west], [north, east]], "inside": inside,
            "outside": len(points) - inside}
