"""Sites inside or beside a place: prisons, wards, camps, bridges, hotels, monasteries.

No gazetteer lists "Bhamo Prison" or "Taminelone ward", but news names them as where
fighting happened. A capitalised name ending in a site word ("Demoso Central Police
Station") or followed by one ("Mong San camp") is placed at its host: a place named
inside it, else a place the sentence puts it in ("... Hotel in Lashio"), else the
nearest place the article named before it.
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.model import Place, Span
from sitrep.places.gazetteer import key
from sitrep.places.words import site_words, stop_words
from sitrep.spans import SpanIndex

_HOST_KINDS = frozenset({"town", "city", "township", "village", "village tract"})
_TOWN_KINDS = frozenset({"town", "city", "township"})
HOST_REACH_KM = 100.0
_RUN = r"[A-Z][\w'’]*(?:[ -](?:[A-Z][\w'’]*|Oo|\d+))*"
_IN_BEFORE = re.compile(r"\b(?:in|at|of|near|outside)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_LEAD = re.compile(r"^(?:The|A|An|At|In|On|Near)\s+")


@cache
def _site_pattern() -> re.Pattern[str]:
    """A capitalised run ending in a site word, or followed by a lowercase one."""
    alternatives = "|".join(re.escape(w) for w in site_words())
    return re.compile(rf"(?<![\w'’-])({_RUN}?)[ -]((?i:(?:(?:{alternatives})[ -])*"
                      rf"(?:{alternatives})))\b")


def _candidates(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, surface) of every named site in the text, minus actors' ("TNLA camp")."""
    out: list[tuple[int, int, str]] = []
    for m in _site_pattern().finditer(text):
        name = _LEAD.sub("", m.group(1))
        start = m.start(1) + len(m.group(1)) - len(name)
        if not name or name.lower() in site_words() or name.lower() in stop_words() \
                or any(s < m.end(1) and start < e for s, e in skip):
            continue
        out.append((start, m.end(), text[start:m.end()]))
    return out


def _near_the_others(place: Place, located: list[tuple[Span, Place]]) -> bool:
    """A name inside a site ("Mong San camp") is its host only if it lies near the
    article's other places; a namesake town 190 km away is not where the camp is."""
    from sitrep.places.find import km

    others = [p for _, p in located if p.name != place.name]
    return not others or any(km(place.lat, place.lon, p.lat, p.lon)  # type: ignore[arg-type]
                             <= HOST_REACH_KM for p in others)


def _host(start: int, end: int, sentence_end: int, text: str,
          located: list[tuple[Span, Place]]) -> Place | None:
    """The place a site lies in: named inside it, put in it by the sentence ("in Lashio"),
    or else the town the article names most often before it."""
    inside = [p for s, p in located if start <= s.start and s.end <= end
              and _near_the_others(p, located)]
    if inside:
        return inside[0]
    after = [p for s, p in located if end <= s.start < sentence_end
             and _IN_BEFORE.search(text[max(end, s.start - 25):s.start])]
    if after:
        return after[0]
    towns = [(sum(1 for _, q in located if q is p), s.start, p) for s, p in located
             if p.kind in _TOWN_KINDS and s.end <= start]
    return max(towns, key=lambda item: item[:2])[2] if towns else None


def find_sites(text: str, sentence_ends: list[int], places: list[Place],
               skip: list[tuple[int, int]]) -> list[Place]:
    """Named sites placed at their host place, with the host kept in ``near``."""
    located = sorted(((s, p) for p in places for s in p.spans
                      if p.lat is not None and p.kind in _HOST_KINDS), key=lambda sp: sp[0].start)
    sites: dict[str, Place] = {}
    for start, end, surface in _candidates(text, skip):
        sentence_end = next((e for e in sentence_ends if e >= end), len(text))
        host = _host(start, end, sentence_end, text, located)
        if host is None:
            continue
        site = sites.setdefault(key(surface), placed_at(
            surface, host, 3.0, f"a site; placed at {host.name}"))
        site.spans.append(Span(start, end, surface))
    return list(sites.values())


_PART_NAME = r"[A-Z][\w'’]*(?: [A-Z][\w'’]*)*"
_PARTS_BEFORE = re.compile(rf"((?:{_PART_NAME})(?:(?:, |,? and ){_PART_NAME})*)\s+(?:in|at)\s+"
                           r"(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?$")


def find_parts(text: str, places: list[Place], skip: list[tuple[int, int]]) -> list[Place]:
    """Names no gazetteer holds, put in a town by the text ("Shwe Bon Thar, East Village
    and Min Tada Ward in eastern Mogok", "Sarkari Bagan at Haflong"): parts of that town."""
    taken = SpanIndex([(s.start, s.end) for p in places for s in p.spans] + skip)
    parts: dict[str, Place] = {}
    for span, town in ((s, p) for p in places if p.kind in _TOWN_KINDS and p.lat is not None
                       for s in p.spans):
        m = _PARTS_BEFORE.search(text[max(0, span.start - 120):span.start])
        if m is None:
            continue
        offset = max(0, span.start - 120) + m.start(1)
        for name in re.finditer(_PART_NAME, m.group(1)):
            start, end = offset + name.start(), offset + name.end()
            line_end = text.find("\n", span.start)
            line = text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else None]
            if _is_part_name(name.group(0), line) and not taken.overlaps(start, end):
                _add_part(parts, name.group(0), Span(start, end, name.group(0)), town)
    return list(parts.values())


_LEADS = frozenset({"the", "a", "an", "this", "that", "another", "its", "their"})


def _is_part_name(name: str, line: str) -> bool:
    """A name: not a common word, an acronym ("TNLA"), a phrase led by "The", nor a
    headline's Title Case words ("Another Airstrike Bombing in Mogok")."""
    words = line.split()
    headline = not line.rstrip().endswith((".", "!", "?", '"', "”")) and \
        sum(w[:1].isupper() for w in words) > 0.6 * len(words)
    return (name.lower() not in stop_words() and not name.isupper() and len(name) > 3
            and name.split()[0].lower() not in _LEADS and not headline)


def placed_at(name: str, host: Place, min_km: float, why: str) -> Place:
    """A site or a part of a town, at its host's point with at least ``min_km`` of
    uncertainty (ACLED geo_precision 2), the host kept as its anchor."""
    return Place(
        mention=name, name=name, kind="site", admin1=host.admin1, admin2=host.admin2,
        admin3=host.admin3, country=host.country, lat=host.lat, lon=host.lon,
        coord_source=f"estimated from: {host.name} ({host.kind}), where the text puts it",
        uncertainty_km=max(host.uncertainty_km or 0.0, min_km), geo_precision=2,
        near=[host.name], estimated=True, why=why)


def _add_part(parts: dict[str, Place], name: str, span: Span, town: Place) -> None:
    place = parts.setdefault(key(name), placed_at(
        name, town, 5.0, f"in no gazetteer; the text puts it in {town.name}"))
    place.spans.append(span)
