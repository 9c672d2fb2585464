"""Place identity: one stable key per place, whatever the spelling.

A place resolved against the gazetteer is keyed by its MIMU p-code or GeoNames
id (``Place.gazetteer_id``), so "Nawnghkio", "Naung Hkio" and "Naungcho" are one
town. A place the gazetteer does not know is keyed by its spelling-insensitive
name (``places.gazetteer.key``: Mogok/Mogoke) with its admin area, so two
villages of one name in different states stay two. Control changes carry only
the words of the text ("Mandalay Region's Mogok", "Nawnghkio Township"); they
are resolved here against the document's own places first, then the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from sitrep.errors import GazetteerError
from sitrep.model import Place
from sitrep.places.gazetteer import key as spelling_key
from sitrep.places.gazetteer import load_index
from sitrep.places.lookup import lookup

#: "Mandalay Region's Mogok", "Shan State's Kyaukme": the area before the town
_POSSESSIVE = re.compile(r"^.*?['’]s\s+", re.S)
#: "Nawnghkio Township", "Lashio town": the kind word after a town's name
_KIND_WORD = re.compile(r"\s+(?:township|town|city|village)$", re.I)


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A place name folded for matching: no accents, case, hyphens or spaces."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def place_key(place: Place) -> str:
    """The stable key of a place: its gazetteer id, else its name with its admin area.

    A township named after its main town is keyed as that town (ACLED places
    township-level events at the main town): "Nawnghkio" read as the township in
    one article and as the town in another is one place.
    """
    if place.gazetteer_id:
        if (place.kind or "").lower() == "township":
            return main_town_id(place.name, place.admin3 or place.name) or place.gazetteer_id
        return place.gazetteer_id
    return name_key(place.name, place.admin1)


@lru_cache(maxsize=4096)
def main_town_id(name: str, township: str) -> str | None:
    """The gazetteer id of the town that gives ``township`` its name, if there is one."""
    try:
        entries = load_index().get(spelling_key(name), [])
    except GazetteerError:
        return None
    wanted = spelling_key(township)
    return next((e.ident for e in entries if e.kind in ("town", "city") and e.ident
                 and spelling_key(e.admin3 or "") == wanted), None)


def name_key(name: str, admin1: str | None = None) -> str:
    """The key of a place known only by name: spelling-folded name, then admin area."""
    area = normalise_name(admin1) if admin1 else ""
    return f"name:{spelling_key(bare_name(name)) or normalise_name(name)}/{area}"


def bare_name(name: str) -> str:
    """The town's own name in a description of it: "Mandalay Region's Mogok" -> "Mogok"."""
    bare = _KIND_WORD.sub("", _POSSESSIVE.sub("", name.strip()))
    return bare or name.strip()


def resolve_name(name: str, context: Sequence[Place] = ()) -> Place | None:
    """The place a bare name stands for: one of ``context`` spelled alike, else the gazetteer's."""
    bare = bare_name(name)
    wanted = spelling_key(bare)
    for place in context:
        if place.gazetteer_id and wanted in (spelling_key(place.name),
                                             spelling_key(place.mention)):
            return place
    points = tuple((p.country, p.lat, p.lon) for p in context
                   if p.lat is not None and p.lon is not None)
    return _gazetteer_place(bare, points[:20])


Point = tuple[str | None, float, float]


@lru_cache(maxsize=4096)
def _gazetteer_place(name: str, points: tuple[Point, ...]) -> Place | None:
    """``places.lookup`` near the document's located places (cached: names recur)."""
    context = [Place(mention="", name="", country=c, lat=la, lon=lo) for c, la, lo in points]
    try:
        return lookup(name, context)
    except GazetteerError:
        return None  # no gazetteer built: the name alone keys the place


def place_name(place: Place) -> str:
    """The place's name as the gazetteer spells it ("Mogoke" for Mogok, Mokot).

    Looked up by the place's key (its gazetteer id, or its main town's): the
    entry of that id among those of the place's spellings, so a village that two
    articles spell two ways ("Taung Hkam", "Taung Kham") gets its one MIMU name
    even when a namesake elsewhere is the gazetteer's best entry for the name.
    A place the gazetteer does not know keeps the name as resolved.
    """
    key = place_key(place)
    if not key.startswith("name:"):
        spellings = (bare_name(place.name), place.name, place.mention)
        named = gazetteer_name(key, tuple(dict.fromkeys(s for s in spellings if s)))
        if named is not None:
            return named
    listed = _gazetteer_place(bare_name(place.name), ())
    return listed.name if listed is not None and place_key(listed) == key else place.name


@lru_cache(maxsize=4096)
def gazetteer_name(ident: str, spellings: tuple[str, ...]) -> str | None:
    """The name of the gazetteer entry ``ident``, found among the entries of ``spellings``."""
    try:
        index = load_index()
    except GazetteerError:
        return None
    for spelling in spellings:
        for entry in index.get(spelling_key(spelling), []):
            if entry.ident == ident:
                return entry.name
    return None


def named_place_key(name: str, context: Sequence[Place] = (),
                    admin1: str | None = None) -> tuple[str, str]:
    """(key, display name) of a place a text names by words only (a control change's)."""
    place = resolve_name(name, context)
    if place is None:
        return name_key(name, admin1), bare_name(name)
    return place_key(place), place_name(place)
