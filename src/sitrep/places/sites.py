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


@cache
def _based_pattern() -> re.Pattern[str]:
    """"the Sittwe-based regional operations command": a site the text ties to its town by
    "-based", with up to three lowercase words before its site word."""
    alternatives = "|".join(re.escape(w) for w in site_words())
    return re.compile(rf"(?<![\w'’-])([A-Z][\w'’]*(?: [A-Z][\w'’]*)?)-based"
                      rf"(?: [a-z]+){{0,3}}? (?:{alternatives})\b")


#: "Ward (4)", "Ward No. 3", "Ward 12": a town's numbered ward (Myanmar's towns number them)
_NUMBERED_WARD = re.compile(r"\bWard (?:No\.? ?)?(?:\(\d{1,2}\)|\d{1,2}\b)")


def _candidates(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, surface) of every named site in the text, minus actors' ("TNLA camp")."""
    out: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.group(0)) for m in _based_pattern().finditer(text)
        if not any(s < m.end(1) and m.start() < e for s, e in skip)]
    for m in _site_pattern().finditer(text):
        # "Kyauktaw’s Ywama ward": the site is Ywama ward, its owner the host named inside
        name = re.split(r"[’']s ", _LEAD.sub("", m.group(1)))[-1]
        start = m.start(1) + len(m.group(1)) - len(name)
        if not name or name.lower() in site_words() or name.lower() in stop_words() \
                or any(s < m.end(1) and start < e for s, e in skip):
            continue
        out.append((start, m.end(), text[start:m.end()]))
    named = list(out)
    out += [(m.start(), m.end(), m.group(0)) for m in _NUMBERED_WARD.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e, _ in named)]
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
    owner = [p for s, p in located if re.fullmatch(r"[’']s ", text[s.end:start])]
    inside = owner or [p for s, p in located if start <= s.start and s.end <= end
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


def placed_at(name: str, host: Place, min_km: float, why: str) -> Place:
    """A site or a part of a town, at its host's point with at least ``min_km`` of
    uncertainty (ACLED geo_precision 2), the host kept as its anchor."""
    return Place(
        mention=name, name=name, kind="site", admin1=host.admin1, admin2=host.admin2,
        admin3=host.admin3, country=host.country, lat=host.lat, lon=host.lon,
        coord_source=f"estimated from: {host.name} ({host.kind}), where the text puts it",
        uncertainty_km=max(host.uncertainty_km or 0.0, min_km), geo_precision=2,
        near=[host.name], estimated=True, why=why)
