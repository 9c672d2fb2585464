"""Ranking of world namesakes: which Paris, which Georgia, which London.

Each candidate gets a score from its feature class (country > admin1 > capital >
populated place), its population (log), whether the text wrote its own name or an
alternate one, an "X, Y" pattern naming its state or country ("Paris, Texas"), its
parent admin or country named elsewhere in the text, the article's focus country
(inferred from the article's own unambiguous places: a soft prior, no default), and
its distance to the places already resolved. The winner keeps the reasons in ``why``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Protocol

import yaml
from rapidfuzz import fuzz

from sitrep.actors import lexicon
from sitrep.places.gazetteer import Entry, key


@cache
def weights() -> dict[str, Any]:
    """The ranker's weights and thresholds (``data/rank.yaml``)."""
    raw = (files("sitrep.places") / "data" / "rank.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


_W = weights()
_CLASS: dict[str, float] = _W["class_scores"]
CAPITAL = _W["capital"]
ALTERNATE = _W["alternate"]
FOCUS = _W["focus"]
COUNTRY_NAMED_SO = _W["country_named_so"]
NAMED_COUNTRY = _W["named_country"]
SENTENCE_COUNTRY = _W["sentence_country"]
NAMED_ADMIN = _W["named_admin"]
PATTERN = _W["pattern"]
REGIONS_SOURCE = "sitrep regions.tsv"
ADMIN1_KM = _W["admin1_km"]
BARE_REGION = _W["bare_region"]
BARE_REGION_TOWN = _W["bare_region_town"]
KIND_FITS = _W["kind_fits"]
STANDALONE_POPULATION = _W["standalone_population"]
STANDALONE_EXONYM = _W["standalone_exonym"]
VILLAGE_POPULATION = _W["village_population"]
MIN_SCORE = _W["min_score"]
SUPPORTED_POPULATION = _W["supported_population"]
CONFIDENT_POPULATION = _W["confident_population"]
_NEARNESS: list[tuple[float, float]] = [(float(k), float(b)) for k, b in _W["nearness"]]
_ADMIN_WORDS = frozenset(_W["admin_words"])
_PLACE_CUE = re.compile(rf"\b(?:{'|'.join(_W['place_cues'])})\s+(?:the\s+)?$")
_PARENT_AFTER = re.compile(r"^,\s*((?:[A-Z][\w'’.-]*\.?)(?:\s+[A-Z][\w'’.-]*)?)")
_MIMU_POPULATION: dict[str, int] = _W["mimu_population"]
VARIANT_RATIO = _W["variant_ratio"]
ROMANISED_POPULATION = _W["romanised_population"]
#: "southern Gaza", "north-western Darfur": a compass adjective names a part of a land
_COMPASS_BEFORE = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+$",
                             re.IGNORECASE)
_CITY_WORD = re.compile(r"cit[yi]$")


@cache
def same_name(name: str, surface: str) -> bool:
    """The text wrote the place's own name, or another romanisation of it: GeoNames keeps
    the scholarly "Khān Yūnis", "Banī Suhaylā", the news writes "Khan Younis", "Bani
    Suheila", which are the same name, not an exonym ("Kiev" for Kyiv, "Bombay" for
    Mumbai). Keys this alike (rapidfuzz ratio, ``variant_ratio``), or the name with
    "City" after it ("Gaza City"), are the place's own name."""
    own, written = key(name), key(surface)
    if own == written or _CITY_WORD.sub("", written) == own:
        return True
    return min(len(own), len(written)) >= 6 and own[:1] == written[:1] and \
        fuzz.ratio(own, written) >= VARIANT_RATIO


def own_name(c: Entry, m: Named) -> bool:
    """The text wrote ``c``'s own name, or another romanisation of it where no candidate
    bears the written name as its own (then that one is the place the text means)."""
    written = key(m.surface)
    if key(c.name) == written:
        return True
    return not any(key(o.name) == written for o in m.candidates) and same_name(c.name, m.surface)



class Named(Protocol):
    """What ranking needs of a mention (``find.Mention`` has it)."""

    surface: str
    start: int
    end: int
    kind_word: str | None
    candidates: list[Entry]
    partial: bool
    chosen: Entry | None
    why: str
    dateline: bool
    abbreviation: bool
    demonym: bool


@dataclass
class Context:
    """What the article says about where it is."""

    text: str
    countries: set[str] = field(default_factory=set)  # countries it names
    admins: set[str] = field(default_factory=set)  # admin1 units it names
    focus: str | None = None
    points: list[tuple[float, float]] = field(default_factory=list)
    parents: dict[str, set[str]] = field(default_factory=dict)  # abbreviation → admin/country


def countries_named(text: str) -> frozenset[str]:
    """Countries the text names, by name or by one of their words ("Chinese", "Kunming")."""
    named = {c for c, words in _country_word_patterns()
             if any(w in text and pattern.search(text) for w, pattern in words)}
    return frozenset(named)


@cache
def _country_word_patterns() -> list[tuple[str, list[tuple[str, re.Pattern[str]]]]]:
    """Each country's words with their whole-word patterns, compiled once."""
    return [(c, [(w, re.compile(rf"\b{re.escape(w)}\b")) for w in words])
            for c, words in lexicon().countries.items()]


def is_world(entry: Entry) -> bool:
    return not entry.source.startswith("MIMU")


def population(entry: Entry) -> int:
    if entry.source.startswith("MIMU"):
        return _MIMU_POPULATION.get(entry.kind, 0)
    return entry.population


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _parent_after(m: Named, ctx: Context) -> set[str]:
    """Admin1 or country named right after "X, " (names folded by key)."""
    hit = _PARENT_AFTER.match(ctx.text[m.end:m.end + 40])
    if not hit:
        return set()
    written = hit.group(1).rstrip(",")
    out = set(ctx.parents.get(written, set()) | ctx.parents.get(written.split()[0], set()))
    return out | {key(written), key(written.split()[0])}


#: the sentence a mention stands in: from the last stop, question mark or line break
_SENTENCE_END = re.compile(r"[.!?\n]\s")


@cache
def _sentence_countries(sentence: str) -> frozenset[str]:
    return countries_named(sentence)


@lru_cache(maxsize=4096)
def sentence_country(text: str, start: int, end: int) -> str | None:
    """The one country the mention's own sentence names ("In neighbouring Mali, ... in the
    Gao region"), None when it names none or several. Asked once per candidate of a
    mention, so kept (a string's hash is computed once)."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)),
                  default=max(0, start - 400))
    closing = _SENTENCE_END.search(text, end, end + 400)
    named = _sentence_countries(text[opening:closing.start() + 1 if closing else end + 400])
    return next(iter(named)) if len(named) == 1 else None


def score(c: Entry, m: Named, ctx: Context, city_countries: frozenset[str] = frozenset()
          ) -> tuple[float, list[str]]:
    """The candidate's score and the reasons that made it. ``city_countries``: countries
    where a town of the same name lies (a bare "Aleppo" is the city, not the province)."""
    why: list[str] = []
    if c.kind in _CLASS:
        s = _CLASS[c.kind]
        why.append(c.kind if c.kind == "country" else "admin region")
        if c.source == REGIONS_SOURCE and _COMPASS_BEFORE.search(
                ctx.text[max(0, m.start - 16):m.start]):
            s += KIND_FITS  # "in southern Gaza", "northern Darfur": a part of the land
            why.append("the text names a part of it")
        elif c.kind == "region" and c.country in city_countries and \
                (m.kind_word or "") not in _ADMIN_WORDS:
            s += BARE_REGION
            why.append("a town shares its name")
    else:
        pop = population(c)
        s = math.log10(max(pop, 10))
        why.append(f"{c.kind}, population {pop:,}" if pop else c.kind)
    if "capital" in c.source:
        s += CAPITAL
        why.append("capital")
    if key(c.name) != key(m.surface):
        s += ALTERNATE
        if c.kind != "country" and key(c.country) == key(m.surface):
            s += COUNTRY_NAMED_SO  # "Mexico" is the country, not Mexico City's other name
            why.append("the text names its country")
    if (m.kind_word or "") in _ADMIN_WORDS and c.kind == "region":
        s += KIND_FITS
        why.append(f"the text says {m.kind_word}")
    parents = _parent_after(m, ctx)
    if parents and ({key(c.admin1 or "")} | {key(c.country)}) & parents and c.kind != "country":
        s += PATTERN
        why.append("its state or country follows the name")
    if c.kind != "country" and c.country != ctx.focus and \
            c.country == sentence_country(ctx.text, m.start, m.end):
        s += SENTENCE_COUNTRY
        why.append("its sentence names its country")
    if c.country == ctx.focus and c.kind != "country":
        s += FOCUS
        why.append("in the article's country")
    elif c.country in ctx.countries and c.kind != "country":
        s += NAMED_COUNTRY
        why.append("its country is named")
    if c.admin1 and c.admin1 in ctx.admins and c.kind != "region":
        s += NAMED_ADMIN
        why.append(f"{c.admin1} is named")
    if ctx.points and c.lat is not None and c.lon is not None and c.kind != "country":
        d = min(km(c.lat, c.lon, la, lo) for la, lo in ctx.points)
        bonus = next((b for below, b in _NEARNESS if d < below), 0.0)
        if bonus:
            s += bonus
            why.append(f"{d:.0f} km from the article's other places")
    return s, why


def ranked(m: Named, ctx: Context, allowed: list[Entry]) -> list[tuple[Entry, float, list[str]]]:
    """The located candidates with their scores and reasons, best first."""
    # a romanised mention reached all its candidates by one family key: they share its name
    same = getattr(m, "romanised", False)
    towns = frozenset(c.country for c in allowed if c.kind in ("city", "town")
                      and population(c) >= BARE_REGION_TOWN
                      and (same or key(c.name) == key(m.surface)))
    scored = [(c, *score(c, m, ctx, towns)) for c in allowed if c.lat is not None]
    return sorted(scored, key=lambda t: -t[1])


def best(m: Named, ctx: Context, allowed: list[Entry]) -> tuple[Entry, float, list[str]] | None:
    found = ranked(m, ctx, allowed)
    return found[0] if found else None


def _exact(c: Entry, m: Named) -> bool:
    """The text wrote the place's own name (or its abbreviation: "Kan." for Kansas)."""
    return m.abbreviation or own_name(c, m)


def supported(m: Named, c: Entry, s: float, why: list[str], ctx: Context,
              lone: bool = False) -> bool:
    """Whether the text gives enough reason to take a world candidate as the place.
    ``lone``: no other country has a place of that name."""
    if (m.kind_word or "") in ("village", "villages") and population(c) > VILLAGE_POPULATION:
        return False  # "Arkhangelske village" is not the city of Arkhangelsk
    home = c.country == ctx.focus or c.country in ctx.countries
    if m.demonym:  # "English", "Kurdish": the word names its land, whatever its kind
        return True
    if m.partial:  # "Jackson" in "Andrew Jackson Smith": countries and states only
        return _exact(c, m) and (c.kind == "country" or (
            c.kind == "region" and (not is_admin_unit(c) or home or lone
                                    or c.country == "United States")))
    if c.kind == "country":
        return True
    cue = m.dateline or bool(_PLACE_CUE.search(ctx.text[max(0, m.start - 12):m.start]))
    if c.kind == "region":  # "Mannar", "Loei": a region abroad needs its country or kind word
        if (m.kind_word or "") in _ADMIN_WORDS:  # "Bahri district" is no district abroad
            return home or not is_admin_unit(c)
        if not is_admin_unit(c) or c.uncertainty_km > ADMIN1_KM:
            return True
        return _exact(c, m) and (home or cue or lone
                                                  or c.country == "United States")
    pop = population(c)
    if pop >= STANDALONE_POPULATION and _exact(c, m):
        return True
    if pop >= STANDALONE_EXONYM:  # "Kiev" for Kyiv, "Bombay" for Mumbai
        return True
    cue = m.dateline or bool(_PLACE_CUE.search(ctx.text[max(0, m.start - 12):m.start]))
    evidence = sum(1 for w in why if w.startswith(("its state", "in the article", "its country",
                                                   "km from")) or w.endswith("is named"))
    if m.kind_word in ("city", "town", "village", "towns", "villages"):
        evidence += 1
    enough = evidence >= 2 or (evidence >= 1 and (cue or pop >= SUPPORTED_POPULATION))
    if getattr(m, "romanised", False) and pop < ROMANISED_POPULATION and not (
            cue or m.kind_word):
        return False  # "Nasser" (a man) is no An Nassariyah: a small place needs a cue
    return s >= MIN_SCORE and enough


def is_admin_unit(entry: Entry) -> bool:
    """A first-level unit from the admin package (not sitrep's own regions)."""
    return entry.source.startswith("countrystatecity")


def _unsupported_admin(m: Named, hit: tuple[Entry, float, list[str]], ctx: Context) -> bool:
    return is_admin_unit(hit[0]) and not supported(m, *hit, ctx)


def _stands_abroad(m: Named, entry: Entry, named: set[str]) -> bool:
    """In an article about Myanmar (whose own places MIMU answers): a country, a region
    of a country the text names, or a city large enough to stand alone, by its own name."""
    if entry.country == "Myanmar" or m.partial or key(entry.name) != key(m.surface):
        return False
    if entry.kind == "region":
        return entry.country in named and not entry.source.startswith("countrystatecity")
    return entry.kind == "country" or population(entry) >= STANDALONE_POPULATION


def _unambiguous(entry: Entry, candidates: list[Entry]) -> bool:
    """No namesake of any size in another country ("Fargo", "Minn."), or a country or
    admin region no other country or region shares a name with: such a name may set the
    article's focus ("Alexandria" may not: Egypt, Virginia, Louisiana, Minnesota)."""
    def sizeable(c: Entry) -> bool:
        return c.kind in ("country", "region") or population(c) >= 1000
    rivals = [c for c in candidates if c.country != entry.country and sizeable(c)]
    if entry.kind in ("country", "region"):
        rivals = [c for c in rivals if c.kind in ("country", "region")]
    return not rivals


def infer_focus(winners: list[Entry], given: str | None) -> str | None:
    """The country most of the article's confidently placed names lie in (countries
    named count as their own); the country words' focus breaks ties."""
    counts = Counter(e.country for e in winners)
    if not counts:
        return given
    top = counts.most_common()
    if given and given in counts and counts[given] == top[0][1]:
        return given
    return top[0][0]


def resolve_world(found: Sequence[Named], ctx: Context, allow_mimu: bool, strict: bool) -> None:
    """Choose among the world candidates of every mention not yet resolved (two passes:
    the confident names set the focus and the points; then everything else). ``strict``
    (an article about Myanmar, whose own places were resolved first): only countries,
    regions and cities large enough to stand alone."""
    todo = [m for m in found if m.chosen is None]

    def allowed(m: Named) -> list[Entry]:
        out = [c for c in m.candidates if is_world(c) or (allow_mimu and c.kind in
                                                           ("town", "township", "region"))]
        # sitrep's own regions (regions.tsv) stand for the admin package's namesakes
        own = {(c.name, c.country) for c in out if c.source == REGIONS_SOURCE}
        return [c for c in out if c.kind != "region" or c.source == REGIONS_SOURCE
                or (c.name, c.country) not in own]
    confident: list[tuple[str, Entry]] = []
    for m in todo:
        hit = best(m, ctx, allowed(m))
        # "Kentucky" in "Eastern Kentucky University" still says the article is there
        if hit and (not m.partial or hit[0].kind in ("country", "region")) \
                and key(hit[0].name) == key(m.surface) and (
                (_unambiguous(hit[0], allowed(m)) and (hit[0].kind in ("country", "region")
                                                       or population(hit[0])
                                                       >= CONFIDENT_POPULATION))
                or any(w.startswith("its state") for w in hit[2])):
            confident.append((key(m.surface), hit[0]))
        elif hit and not m.partial and _unambiguous(hit[0], allowed(m)) \
                and population(hit[0]) >= STANDALONE_POPULATION and own_name(hit[0], m):
            # "Khan Younis" (Khān Yūnis): a city large enough to stand alone, written in
            # another romanisation, says where the article is as its own spelling would
            confident.append((key(m.surface), hit[0]))
    ctx.focus = infer_focus([e for _, e in confident], ctx.focus)
    named, admins = set(ctx.countries), set(ctx.admins)
    for m in todo:
        # a name is no support for itself: the context is the article's other names
        others = [e for k, e in confident if k != key(m.surface)]
        ctx.countries = named | {e.country for e in others}
        ctx.admins = admins | {e.name for e in others if e.kind == "region"}
        ctx.points = [(e.lat, e.lon) for e in others  # type: ignore[misc]
                      if e.kind != "country" and e.uncertainty_km <= 250 and e.lat is not None]
        hit = best(m, ctx, allowed(m))
        if hit and _unsupported_admin(m, hit, ctx):
            # a province the text gives no reason for does not hide its namesake town
            hit = best(m, ctx, [c for c in allowed(m) if not is_admin_unit(c)])
        if hit is None:
            continue
        entry, s, why = hit
        if strict and not _stands_abroad(m, entry, named):
            continue
        if supported(m, entry, s, why, ctx, _unambiguous(entry, allowed(m))):
            m.chosen = entry
            m.why = f"{entry.name}, {entry.country}: " + "; ".join(why) + f" (score {s:.1f})"
