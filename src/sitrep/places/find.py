"""Place mentions in a text, resolved against the gazetteer with the article's context.

Strong names (countries, regions, towns, townships) resolve first; village names,
of which Myanmar has tens of thousands, need support: a kind word ("village"), or a
candidate near the article's towns. Every winner records why it won.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from sitrep.actors import find_actors, focus_country
from sitrep.model import ActorMention, Place, Span
from sitrep.places.counties import county_states, names_us_county, place_counties
from sitrep.places.fuzzy import near_spelling
from sitrep.places.gazetteer import KIND_RANK, Entry, candidates, key, load_index
from sitrep.places.rank import Context, countries_named, resolve_world
from sitrep.places.recognise import abbreviation_spans, admin_or_country, dateline_spans, parents
from sitrep.places.relative import between_places, estimated_places, relative_anchor, road_places
from sitrep.places.romanisations import family_of_country
from sitrep.places.sites import find_sites
from sitrep.places.unlisted import find_beside, find_listed, find_parts, find_tagged
from sitrep.places.words import institution_words, lines, stop_words
from sitrep.places.world import demonyms
from sitrep.spans import SpanIndex
from sitrep.text import AnalysedText

#: a run of capitalised words; a possessive ("China’s Kunming") ends the run
#: ("St. Louis", "Mt. Pleasant": an abbreviated Saint or Mount opens the run). An Arabic
#: article written in lowercase with a hyphen belongs to the name ("Deir al-Balah",
#: "Ras al-Ain", "al-Mawasi"): the run does not stop at it
_ARTICLE = r"(?:al|el|ad|ed|an|ar|as|ash|at|az|ez)-(?=[A-Z])"
_NAME = re.compile(rf"(?<![\w'’-])(?:(?:St|Ste|Mt|Ft)\. |{_ARTICLE})?[A-Z][\w'’]*"
                   rf"(?:(?<!’s)(?<!'s)(?:(?: |-| {_ARTICLE})(?:[A-Z][\w'’]*|Oo|\d+)"
                   r"|-[a-z]+\b))*")
_KIND_AFTER = re.compile(r"^[ ]+(village tract|villages?|townships?|towns?|city|region|state|"
                         r"district|province|oblast|governorate|county|prefecture|"
                         r"mine|area|ward|quarter)\b", re.IGNORECASE)
VILLAGE_SUPPORT_KM = 80.0


def _names_village(text: str, end: int) -> bool:
    """A village kind word right after a run: the whole run is the village's name."""
    kind = _KIND_AFTER.match(text[end:end + 20])
    return bool(kind) and kind.group(1).lower().startswith("village")  # type: ignore[union-attr]
#: names in one sentence ("Lwel Ngin and Nar Nwe villages") lie closer together than
#: they lie to the article's towns, so their mutual distance counts double
CLUSTER_WEIGHT = 2.0
_STRONG = frozenset({"country", "region", "city", "town", "township"})
@cache
def _modifier() -> re.Pattern[str]:
    """A hyphenated modifier ending a name ("-based", "-backed": ``data/modifiers.txt``)."""
    return re.compile(rf"-(?:{'|'.join(map(re.escape, lines('modifiers.txt')))})\b")
#: "Trinidad and Tobago", "Bosnia and Herzegovina", "Isle of Man": a country or region
#: whose own name joins capitalised words by a small lowercase one
_JOINED_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’]+(?: [A-Z][\w'’]+)? (?:and|of the|of) "
                          r"[A-Z][\w'’]+(?: [A-Z][\w'’]+)?(?![\w'’-])")
_PARENT_STATE = re.compile(r",\s+(?:(?:north|south|east|west|central)\w*\s+)?"
                           r"([A-Z][\w-]+(?: [A-Z][\w-]+)?)\s+(?:State|Region)\b")
#: "X village in Sittwe Township", "X, Sittwe Township": the township the text puts X in
_HOLDER_TOWNSHIP = re.compile(r"(?:\s+(?i:village tracts?|villages?))?(?:,\s+|\s+in\s+(?:the\s+)?)"
                              r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+[Tt]ownship\b")
_FUNCTION_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "into", "of",
                             "on", "the", "to", "with"})
_POSSESSIVE = re.compile(r"^[’']s\b")
_POSSESSIVE_END = re.compile(r"[’']s$")
_CONTAINER_BEFORE = re.compile(r"\b(?:towns?|villages?|townships?|cit(?:y|ies)|districts?|areas?"
                               r"|parts?) in (?:the )?$")
_KIND_WORD = {"village": "village", "villages": "village", "village tract": "village tract",
              "town": "town", "towns": "town", "township": "township", "townships": "township",
              "city": "city", "region": "region", "state": "region", "district": "township",
              "province": "region", "oblast": "region", "governorate": "region",
              "county": "region", "prefecture": "region", "mine": "site", "area": None,
              "ward": "ward",
              "quarter": "ward"}


_TITLE_BEFORE = re.compile(r"(?:captain|spokes\w+|colonel|general|commander|leader|chairman|"
                           r"minister|secretary|analyst|officer|chief|\bU|\bDaw|\bMr|\bMs|\bDr|\bSai|"
                           r"\bNaw|\bSaw|\bMaj|\bGen|\bCol|\bLt)\.?\s+$", re.IGNORECASE)
_LIST_KIND = re.compile(r"^(?:,? (?:and|or) |, )[A-Z][\w'’]*(?: [A-Z][\w'’]*)* "
                        r"(villages|towns|townships)\b")


@dataclass
class Mention:
    surface: str
    start: int
    end: int
    kind_word: str | None
    candidates: list[Entry]
    partial: bool = False  # only part of a longer capitalised run (a person's name?)
    chosen: Entry | None = None
    why: str = ""
    near: list[str] = field(default_factory=list)
    titled_kind: str = ""  # " Village Tract" written as part of the name
    dateline: bool = False  # "KHARTOUM —" opening the article
    demonym: bool = False  # "Sudanese": names its country, but is no place an event is at
    abbreviation: bool = False  # "Kan.", "U.S."
    qualifier: str = ""  # "Old" of "Old Ardel", a name no gazetteer lists: placed at Ardel
    romanised: bool = False  # reached by a romanisation family's key only ("Deir al-Balah")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _spans_to_skip(text: AnalysedText, actors: list[ActorMention] | None
                   ) -> list[tuple[int, int]]:
    """Actor names are not places; the pipeline passes the actors stage's mentions."""
    found = find_actors(text) if actors is None else actors
    return [(a.span.start, a.span.end) for a in found]


def _inside_actor(start: int, end: int, skip: SpanIndex, cands: list[Entry]) -> bool:
    """Part of an actor's name; an actor named by a city or country alone ("Beijing warned")
    still names that place."""
    exact = (start, end) in skip and any(c.kind in _STRONG for c in cands)
    return not exact and skip.overlaps(start, end)


def mentions(text: AnalysedText, skip: list[tuple[int, int]] | None = None,
             families: frozenset[str] = frozenset()) -> list[Mention]:
    """Capitalised names found in the gazetteer (longest match first), with kind words;
    ``families``: the romanisation families whose keys names may reach places by."""
    index = load_index()
    skip = _spans_to_skip(text, None) if skip is None else skip
    skipped = SpanIndex(skip)
    found: list[Mention] = []
    abbreviated_index = SpanIndex((s, e) for s, e, _ in abbreviation_spans(text.text))
    joined = _joined_names(text.text, skipped)
    joined_index = SpanIndex((m.start, m.end) for m in joined)
    for run_start, run in _runs(text.text):
        run_end = run_start + len(run)
        if abbreviated_index.overlaps(run_start, run_end):
            continue  # "Kan." of "Salina, Kan." is Kansas, not Cannes
        words = re.split(r"(?<=\S)(?=[ -])", run)
        offsets = [run_start]
        for w in words[:-1]:
            offsets.append(offsets[-1] + len(w))
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 5), i, -1):
                surface = _POSSESSIVE_END.sub("", "".join(words[i:j]).strip(" -"))
                start = offsets[i] + (len(words[i]) - len(words[i].lstrip(" -")))
                end = start + len(surface)
                if surface.lower() in stop_words() or len(surface) < 3 or _is_demonym(surface) \
                        or joined_index.overlaps(start, end):
                    continue  # "Canadian" is Canada's (below), not Canadian, Texas
                cands = candidates(index, surface, families) or None
                if cands and j - i > 1 and _function_word_first(words[i], surface, cands):
                    continue  # "In China" is not the village Inn Gyi Nar
                if cands and surface.isupper() and not any(c.name.isupper() for c in cands):
                    continue  # "KTU", "SHAN": a group or an agency, not a place
                if cands and not _inside_actor(start, end, skipped, cands):
                    hit = (surface, start, end, cands, j)
                    break
            if hit is None:
                i += 1
                continue
            surface, start, end, cands, j = hit
            if _TITLE_BEFORE.search(text.text[max(0, run_start - 20):run_start]):
                break
            if end < run_end and _names_village(text.text, run_end):
                i = j  # "Chauk Mai villages": the kind word names the run, not the town Chauk
                continue
            kind = _KIND_AFTER.match(text.text[end:end + 20]) or \
                _LIST_KIND.match(text.text[end:end + 60])
            capitalised = sum(1 for w in words if not w.startswith("-") or w[1:2].isupper())
            inner = sum(1 for w in words[i:j] if not w.startswith("-") or w[1:2].isupper())
            if _institution_after(words, i, j) or _leading_stop_words(words, i, j):
                capitalised = inner  # "Athens Police Department", "The Gainesville sewer"
            titled = kind.group(0) if kind and kind.group(1)[:1].isupper() and \
                kind.re is _KIND_AFTER else ""
            kind_word = kind.group(1).lower() if kind else None
            qualifier = _qualifier(words, i, cands)
            found.append(Mention(surface, start, end, kind_word, list(cands),
                                 partial=capitalised > inner + bool(qualifier),
                                 titled_kind=titled, qualifier=qualifier,
                                 romanised=bool(families) and key(surface) not in index))
            i = j
    found += joined
    return found + _extra_mentions(text.text, found, skip)


@cache
def _leading_words() -> frozenset[str]:
    """Stop and function words that may open a run before its demonym (built once: the
    union was rebuilt for every word of every capitalised run)."""
    return stop_words() | _FUNCTION_WORDS


def _demonym(run: str) -> tuple[int, str, str | None]:
    """The demonym opening a capitalised run, after "The" and the like ("Egyptian Premier
    League", "Sri Lankan", "Palestinians", "The Russian-backed"): its offset in the run, as
    written, and the place it names."""
    words = re.split(r"[ -]", _POSSESSIVE_END.sub("", run))
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _leading_words() \
            and words[lead] not in demonyms():
        lead += 1
    offset = sum(len(w) + 1 for w in words[:lead])
    for n in range(min(3, len(words) - lead), 0, -1):
        written = run[offset:offset + sum(len(w) + 1 for w in words[lead:lead + n]) - 1]
        for form in (written, written[:-1] if written.endswith("s") else ""):
            if form and form in demonyms():
                return offset, written, demonyms()[form]
    return 0, run, None


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """Capitalised runs, cut after a hyphenated modifier: "London-based Orbit Consulting"
    is "London" and then "Orbit Consulting" (the place is not part of a longer name)."""
    for m in _NAME.finditer(text):
        bounds = [m.start()]
        for cut in _modifier().finditer(m.group(0)):
            bounds += [m.start() + cut.start(), m.start() + cut.end()]
        bounds.append(m.end())
        for start, end in zip(bounds[::2], bounds[1::2], strict=True):
            piece = text[start:end]
            if piece.strip():
                yield start + len(piece) - len(piece.lstrip()), piece.strip()


def _joined_names(text: str, skipped: SpanIndex) -> list[Mention]:
    """Countries and regions named by words joined with "and" or "of" ("Trinidad and
    Tobago"), which the capitalised runs split."""
    index = load_index()
    out = []
    for m in _JOINED_NAME.finditer(text):
        cands = [c for c in admin_or_country(index, m.group(0)) if key(c.name) == key(m.group(0))]
        if cands and not skipped.overlaps(m.start(), m.end()):
            out.append(Mention(m.group(0), m.start(), m.end(), None, cands))
    return out


def _function_word_first(first: str, surface: str, cands: list[Entry]) -> bool:
    """A run opening with "In", "The", "At" reaches a place only by that place's own name
    ("The Hague"), never by a variant spelling."""
    return first.strip(" -").lower() in _FUNCTION_WORDS and \
        not any(key(c.name) == key(surface) for c in cands)


def _is_demonym(surface: str) -> bool:
    """"Canadian", "Russians": a demonym on its own names its country (``_extra_mentions``)."""
    return surface in demonyms() or (surface.endswith("s") and surface[:-1] in demonyms())


@cache
def _qualifiers() -> frozenset[str]:
    """Words opening a settlement's own name ("Old", "North": ``data/qualifiers.txt``)."""
    return frozenset(lines("qualifiers.txt"))


_SETTLEMENTS = frozenset({"city", "town", "township", "village", "village tract"})


def _qualifier(words: list[str], i: int, cands: list[Entry]) -> str:
    """"Old" of "Old Myawaddy", "North" of "North Ardel village": the word right before a
    settlement's name that makes a name of its own, which no gazetteer lists (the longer
    run was looked up first). Names of countries and regions are left alone ("North
    Texas", "East Africa" are parts of them, not namesakes)."""
    if i == 0 or words[i].startswith("-") or words[i - 1].startswith("-"):
        return ""
    word = words[i - 1].strip()
    if word.lower() not in _qualifiers() or not word[:1].isupper():
        return ""
    return word if all(c.kind in _SETTLEMENTS for c in cands) else ""


def _leading_stop_words(words: list[str], i: int, j: int) -> bool:
    """The run is the place's name after "The", "In" and the like, and nothing more."""
    return i > 0 and j == len(words) and \
        all(w.strip(" -").lower() in stop_words() for w in words[:i])


def _institution_after(words: list[str], i: int, j: int) -> bool:
    """The run is the place's name (after "The" at most) and then an institution word."""
    before = all(w.strip(" -").lower() in stop_words() for w in words[:i])
    return before and j < len(words) and words[j].strip(" -").lower() in institution_words()


def _extra_mentions(text: str, found: list[Mention], skip: list[tuple[int, int]]
                    ) -> list[Mention]:
    """Abbreviations ("U.S.", "Ky.") and datelines in capitals, where no other mention is."""
    index = load_index()
    found_index, skipped = SpanIndex((m.start, m.end) for m in found), SpanIndex(skip)
    added: list[tuple[int, int]] = []  # few: scanned

    def free(start: int, end: int) -> bool:
        return not found_index.overlaps(start, end) \
            and not any(s < end and start < e for s, e in added)

    out: list[Mention] = []
    # "Russian forces": the actor's leading demonym still names its country
    actor_starts = {s for s, _ in skip}
    for start, end, name in abbreviation_spans(text):
        cands = admin_or_country(index, name)
        if cands and free(start, end) and not _inside_actor(start, end, skipped, cands):
            out.append(Mention(text[start:end], start, end, None, cands, abbreviation=True))
            added.append((start, end))
    for m in _NAME.finditer(text):
        offset, written, target = _demonym(m.group(0))
        if target is None:
            continue
        start = m.start() + offset
        end = start + len(written)
        cands = admin_or_country(index, target)
        if cands and free(start, end) and (not _inside_actor(start, end, skipped, cands)
                                           or start in actor_starts):
            cands.sort(key=lambda c: c.kind != "country")  # "Georgian": the country
            out.append(Mention(written, start, end, None, cands[:1], demonym=True))
            added.append((start, end))
    for start, end, written in dateline_spans(text):
        cands = index.get(key(written), [])
        if cands and free(start, end) and not skipped.overlaps(start, end) \
                and written.lower() not in stop_words():
            out.append(Mention(written, start, end, None, list(cands), dateline=True))
            added.append((start, end))
    return out


def _bare_kind_rank(c: Entry, container: bool) -> int:
    """A bare "Mandalay" is the city; "Mandalay’s Pyin Oo Lwin" and "a town in Mandalay"
    name the region."""
    if container:
        return KIND_RANK.get(c.kind, 9)
    return {"country": 0, "city": 1, "town": 1, "region": 2}.get(c.kind, KIND_RANK.get(c.kind, 9))


def _without_site_names(found: list[Place], sites: list[Place]) -> list[Place]:
    """A place abroad whose mention is only part of a site's name placed in another
    country ("the Naivasha market" in El Fasher is no mention of Naivasha, Kenya) loses
    that mention; one left with none is dropped. A site's own host ("Bhamo Prison") keeps
    it, and so does a namesake in the site's own country (measured: dropping those lost a
    dev gold place)."""
    out = []
    for place in found:
        spans = [s for s in place.spans if not any(
            t.start <= s.start and s.end <= t.end and place.name not in site.near
            and place.country != site.country for site in sites for t in site.spans)]
        if len(spans) == len(place.spans):
            out.append(place)
        elif spans:
            out.append(replace(place, spans=spans))
    return out


def _at_its_town(entry: Entry, candidates: list[Entry]) -> Entry:
    """A Myanmar township is placed at its town of the same name (where ACLED and the
    gold code a township's events), not at the middle of its villages."""
    if entry.kind != "township" or not entry.source.startswith("MIMU"):
        return entry
    town = next((c for c in candidates if c.kind == "town" and c.admin3 == entry.admin3
                 and c.source.startswith("MIMU") and c.lat is not None), None)
    if town is None:
        return entry
    return entry._replace(lat=town.lat, lon=town.lon,
                          source=f"{entry.source}; point: its town {town.name}")


def _own_names_first(mention: Mention) -> list[Entry]:
    """A GeoNames city reached only by an alternate name ("Pan Kan" for Pangkham) yields
    to MIMU places that bear the name as their own: MIMU is Myanmar's fuller list."""
    surface = key(mention.surface)
    if not any(c.source.startswith("MIMU") and key(c.name) == surface
               for c in mention.candidates):
        return mention.candidates
    return [c for c in mention.candidates
            if c.source.startswith("MIMU") or key(c.name) == surface]


def _resolve_strong(mention: Mention, country: str, before: str = "", after: str = "",
                    named: frozenset[str] = frozenset()) -> None:
    wanted = _KIND_WORD.get(mention.kind_word or "")
    # world admin units and small towns abroad are for the world ranker (``rank.py``)
    strong = [c for c in _own_names_first(mention) if c.kind in _STRONG
              and not c.source.startswith("countrystatecity")]
    if wanted in ("village", "village tract", "ward"):
        return  # "Shwe Pyi ward" is a part of a town, not the town Shwe Pyi
    if not strong:
        return
    container = bool(_POSSESSIVE.match(after) or _CONTAINER_BEFORE.search(before))

    def rank(c: Entry) -> tuple[int, int, int]:
        fits = wanted is None or c.kind == wanted or (wanted == "town" and c.kind == "city")
        kind_rank = KIND_RANK.get(c.kind, 9) if wanted else _bare_kind_rank(c, container)
        return (0 if fits else 1, 0 if c.country == country else 1, kind_rank)

    best = min(strong, key=rank)
    foreign = best.kind != "country" and best.country != country
    short_or_part = len(mention.surface) < 5 or mention.partial
    if foreign and (best.country not in named or (mention.kind_word is None and short_or_part)):
        return  # "the Kachin city of Bhamo" is not Kashin, Russia; "Sarkari Bagan" not Bagan
    if mention.partial and len(mention.surface) < 5 and mention.kind_word is None:
        return  # "Pan" of "Pan Thabyae camp" is not Hpa-an
    mention.chosen = _at_its_town(best, mention.candidates)
    mention.why = f"{best.kind} in {best.country}" + (" (article's country)" if
                                                       best.country == country else "")


def _context_points(resolved: list[Mention], country: str) -> list[tuple[float, float]]:
    """Where the article's places lie; cities abroad (talks in Kunming) are no context
    for its villages."""
    return [(m.chosen.lat, m.chosen.lon) for m in resolved
            if m.chosen and m.chosen.lat is not None and m.chosen.lon is not None
            and m.chosen.country == country
            and m.chosen.kind in ("town", "city", "township", "village", "village tract")]


def _sentence_towns(context: list[Mention], country: str,
                    points: list[tuple[float, float]]) -> list[Mention]:
    """Resolved towns that may place a village named beside them: not townships (a
    centre says little about where in it a village lies), and not a town far from all
    the article's other places (an "Old Myawaddy" village is no sign of Myawaddy town)."""
    out = []
    distinct = set(points)  # a town named 500 times is one point: linear in length
    supported: dict[tuple[float, float], bool] = {}
    for m in context:
        here = _context_points([m], country)
        if not here or m.chosen is None or m.chosen.kind == "township":
            continue
        if here[0] not in supported:
            supported[here[0]] = _near_another(here[0], distinct)
        if supported[here[0]]:
            out.append(m)
    return out


def _near_another(point: tuple[float, float], points: set[tuple[float, float]]) -> bool:
    """Within ``VILLAGE_SUPPORT_KM`` of another of ``points`` (or no other point at all)."""
    others = [p for p in points if p != point]
    return not others or min(km(*point, la, lo) for la, lo in others) <= VILLAGE_SUPPORT_KM


def _weak_options(mention: Mention) -> list[Entry]:
    """Located candidates a weak name may be; a "village" kind word keeps villages."""
    wanted = _KIND_WORD.get(mention.kind_word or "")
    options = [c for c in mention.candidates if c.lat is not None and c.lon is not None
               and c.kind in ("village", "village tract", "town", "township")]
    if wanted in ("village", "village tract"):
        options = [c for c in options if c.kind in ("village", "village tract")] or options
        # "Pan Chi village" is the village, not the tract of that name around it
        options = [c for c in options if c.kind == wanted] or options
    return options


def _cluster_km(c: Entry, neighbours: list[list[Entry]]) -> float:
    """Mean distance from a candidate to the nearest candidate of each name the same
    sentence names beside it: villages named together lie together."""
    if not neighbours:
        return 0.0
    nearest = [min(km(c.lat, c.lon, n.lat, n.lon) for n in options)  # type: ignore[arg-type]
               for options in neighbours]
    return sum(nearest) / len(nearest)


def _resolve_weak(mention: Mention, points: list[tuple[float, float]], admin1s: set[str],
                  neighbours: list[list[Entry]] | None = None,
                  townships: frozenset[str] = frozenset(), parent: str | None = None,
                  holder: str | None = None) -> None:
    wanted = _KIND_WORD.get(mention.kind_word or "")
    if (mention.partial and wanted is None) or wanted == "ward":
        return
    options = _weak_options(mention)
    in_holder = [c for c in options if holder and key(c.admin3 or "") == key(holder)]
    if holder and not in_holder:
        return  # "X village in T Township" with no X in T: a namesake elsewhere is not X
        # (unlisted.find_parts keeps X at T)
    options = in_holder or options  # the text puts X in T: that is X's support
    # "Hohko ... in Nawnghkio Township": a township the article names holds its villages
    options = [c for c in options if c.admin3 in townships] or options
    # "Wan Hai, southern Shan State": the state after the comma holds it
    in_parent = [c for c in options if parent and key(c.admin1 or "") == key(parent)]
    options = in_parent or options
    if not options:
        return

    def distance(c: Entry) -> float:
        """Mean distance to the three nearest places the article already resolved."""
        if not points:
            return 0.0 if c.admin1 in admin1s else 1e6
        nearest = sorted(km(c.lat, c.lon, lat, lon)  # type: ignore[arg-type]
                         for lat, lon in points)[:3]
        return sum(nearest) / len(nearest)
    best = min(options, key=lambda c: (distance(c)
                                       + CLUSTER_WEIGHT * _cluster_km(c, neighbours or []),
                                       KIND_RANK.get(c.kind, 9), c.uncertainty_km))
    d = distance(best)
    beside = _cluster_km(best, neighbours) if neighbours else None
    supported = ((points and d <= VILLAGE_SUPPORT_KM) or (not points and best.admin1 in admin1s)
                 or (beside is not None and beside <= VILLAGE_SUPPORT_KM / 2)
                 or bool(in_parent) or bool(in_holder))
    if not supported and wanted not in ("village", "village tract"):
        return
    if not supported and len(options) > 1:
        return
    mention.chosen = best
    mention.why = (f"{best.kind}; {len(options)} candidate(s); nearest to the article's other "
                   f"places ({d:.0f} km)" if points
                   else f"{best.kind}; in a region the article names")
    if beside is not None:
        mention.why += f" and to the names beside it ({beside:.0f} km)"
    if in_parent:
        mention.why += f"; in {best.admin1}, which the text names after it"
    if in_holder:
        mention.why += f"; in {best.admin3} Township, where the text puts it"


def _parent_state(text: str, end: int) -> str | None:
    """The state or region named right after a comma: "Wan Hai, southern Shan State"."""
    m = _PARENT_STATE.match(text, end)
    return m.group(1) if m else None


def _resolve_weak_names(weak: list[Mention], points: list[tuple[float, float]],
                        admin1s: set[str], text: AnalysedText,
                        towns: list[Mention] | None = None,
                        townships: frozenset[str] = frozenset()) -> None:
    """Each weak name resolved once for all its mentions, beside the names it shares a
    sentence with ("Lwel Ngin and Nar Nwe villages, 5 km from Hohko"; "gains in Taung
    Kham and Naungcho": the town already resolved counts as such a name)."""
    groups: dict[str, list[Mention]] = {}
    for m in weak:
        groups.setdefault(key(m.surface), []).append(m)
    sentences = {name: {text.sentence_at(m.start).index for m in ms} for name, ms in groups.items()}
    town_sentences = [(text.sentence_at(m.start).index, m.chosen) for m in towns or []
                      if m.chosen]
    for name, ms in groups.items():
        lead = min(ms, key=lambda m: (m.kind_word is None, m.partial))
        neighbours = [_weak_options(other[0]) for o, other in groups.items()
                      if o != name and sentences[o] & sentences[name]]
        neighbours += [[entry] for i, entry in dict.fromkeys(town_sentences)
                       if i in sentences[name]]
        parent = next((p for m in ms if (p := _parent_state(text.text, m.end))), None)
        holder = next((h.group(1) for m in ms
                       if (h := _HOLDER_TOWNSHIP.match(text.text, m.end))), None)
        _resolve_weak(lead, points, admin1s, [n for n in neighbours if n], townships, parent,
                      holder)
        for m in ms:
            if m is not lead and lead.chosen and (not m.partial or m.kind_word):
                m.chosen, m.why = lead.chosen, lead.why


def _relative(mention: Mention, text: AnalysedText, found: list[Mention]) -> None:
    """"X, 24 km from Kyaukme": the anchor goes to ``near``, and X must lie about that far
    from it: the namesake that does, else none (the estimate from the anchor stands)."""
    rel = relative_anchor(text.text[mention.end:mention.end + 100])
    if not rel:
        return
    mention.near = [rel[3]]
    anchor = next((m.chosen for m in found if m.chosen and key(m.surface) == key(rel[3])
                   and m.chosen.lat is not None), None)
    if anchor is None or anchor.lat is None or anchor.lon is None:
        return
    reach = rel[0] * 1.5 + 15.0

    def away(c: Entry) -> float:
        return km(c.lat, c.lon, anchor.lat, anchor.lon)  # type: ignore[arg-type]
    fitting = [c for c in mention.candidates if c.lat is not None and away(c) <= reach]
    if mention.chosen is not None and mention.chosen in fitting:
        return
    mention.chosen = min(fitting, key=away) if fitting else None
    mention.why = f"{rel[1]} from {rel[3]}, as the text says" if fitting else ""


def families_named(found: list[Mention]) -> frozenset[str]:
    """The romanisation families (``romanisations.py``) of the countries and regions the
    text names by their own names or demonyms ("Israel", "Gaza", "Ukrainian"): only then
    may a name reach a place by its family key. An article about Myanmar never gets
    here: its villages' names, vowel-rich, would meet Arabic and Slavic family keys
    ("Daw Aung", a title and a name, took a Ukrainian village)."""
    out = set()
    for m in found:
        for c in m.candidates:
            if c.kind in ("country", "region") and (m.demonym or key(c.name) == key(m.surface)):
                family = family_of_country(c.country)
                if family is not None:
                    out.add(family.name)
    return frozenset(out)


def _about_myanmar(found: list[Mention], country: str, named: frozenset[str]) -> bool:
    """Whether the article is about Myanmar by its own words: the country named, or a
    Myanmar town, township or region no place abroad of any size shares a name with
    (there is no Myanmar default: "London" alone is not the village Lun Don)."""
    if country != "Myanmar":
        return False
    if "Myanmar" in named:
        return True
    evidence = 0.0
    for m in found:
        mimu = [c for c in m.candidates if c.source.startswith("MIMU")
                and c.kind in ("town", "township", "region") and key(c.name) == key(m.surface)]
        abroad = [c for c in m.candidates if not c.source.startswith("MIMU")
                  and c.country != "Myanmar" and (c.population >= 1000 or c.kind == "country")]
        if mimu and not abroad:
            # a short bare name ("Ann", a first name and a Rakhine town) is half a sign
            evidence += 1.0 if len(m.surface) >= 5 or m.kind_word else 0.5
    return evidence >= 1.0


def resolve(text: AnalysedText, skip: list[tuple[int, int]] | None = None) -> list[Mention]:
    found = mentions(text, skip)
    country = focus_country(text.text)
    named = countries_named(text.text)
    if not _about_myanmar(found, country, named):
        families = families_named(found)
        if families:  # "Deir al-Balah" in an article naming Israel: Dayr al Balah
            found = mentions(text, skip, families)
        states = county_states(found)
        # "Henry County": a US county's name says the article is American, unless it
        # names its countries itself
        focus = country if named else ("United States" if names_us_county(found) else None)
        ctx = Context(text.text, set(named) | ({"United States"} if states else set()),
                      admins=states, focus=focus, parents=parents())
        resolve_world(found, ctx, allow_mimu="Myanmar" in named, strict=False)
        _namesakes_outside_their_container(found, text.text)
        place_counties(found)
        for m in found:
            _relative(m, text, found)
        return [m for m in found if m.chosen]
    for m in found:
        _resolve_strong(m, country, text.text[max(0, m.start - 20):m.start],
                        text.text[m.end:m.end + 3], named | {m.surface})
    admin1s = {m.chosen.admin1 or m.chosen.name for m in found
               if m.chosen and m.chosen.kind == "region"}
    admin1s |= {m.chosen.admin1 for m in found if m.chosen and m.chosen.admin1}
    # a name placed by the text "5 km from Hohko" waits for its anchor: no context yet
    anchored = [m for m in found if relative_anchor(text.text[m.end:m.end + 100])]
    context = [m for m in found if m not in anchored]
    points = _context_points(context, country)
    towns = _sentence_towns(context, country, points)
    named_townships = frozenset(m.chosen.name for m in found
                                if m.chosen and m.chosen.kind == "township" and m.kind_word)
    _resolve_weak_names([m for m in found if m.chosen is None], points, admin1s, text, towns,
                        named_townships)
    _one_village_for_all(found)
    # near spellings may also search the townships of the places resolved so far
    searched = named_townships | {m.chosen.admin3 for m in found if m.chosen and m.chosen.admin3
                                  and m.chosen.kind in ("town", "village", "village tract")}
    found += _near_spellings(text.text, found, skip or [], searched)
    resolve_world(found, Context(text.text, set(named), focus=country, parents=parents()),
                  allow_mimu=False, strict=True)
    for m in found:
        _relative(m, text, found)
    return [m for m in found if m.chosen]


#: "X in Y", "X in eastern Y": the place the text puts X in, right after it
_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
                       r"(?=[A-Z])")
#: how far a town may lie from the town the text puts it in (a region: its radius and half)
CONTAINED_KM = 100.0
_SMALL = frozenset({"town", "village", "village tract"})


def _namesakes_outside_their_container(found: list[Mention], text: str) -> None:
    """"Zarichne in Donetsk": the Zarichne the ranker chose lies 900 km away, in another
    oblast; a namesake within reach of Donetsk is taken, else none (the name is then a
    place no gazetteer holds, placed at Donetsk by ``unlisted.find_parts``)."""
    starts = {m.start: m for m in found if m.chosen is not None and m.chosen.lat is not None}
    for m in found:
        entry = m.chosen
        if entry is None or entry.lat is None or entry.kind not in _SMALL or m.demonym:
            continue
        after = _IN_AFTER.match(text, m.end)
        host = starts.get(after.end()) if after else None
        if host is None or host.chosen is None or host.chosen.kind == "country":
            continue
        point = (host.chosen.lat, host.chosen.lon)
        reach = max(CONTAINED_KM, 1.5 * (host.chosen.uncertainty_km or 0.0)) \
            if host.chosen.kind == "region" else CONTAINED_KM
        away = {id(c): km(c.lat, c.lon, *point)  # type: ignore[arg-type]
                for c in m.candidates if c.lat is not None}
        if away[id(entry)] <= reach:
            continue
        within = [c for c in m.candidates if c.lat is not None and c.kind in _SMALL | {"city"}
                  and away[id(c)] <= reach]
        m.chosen = min(within, key=lambda c: away[id(c)]) if within else None
        m.why = (f"{m.chosen.kind} in {m.chosen.country}, {away[id(m.chosen)]:.0f} km from "
                 f"{host.surface}, which the text puts it in") if m.chosen else ""


def _by_key(found: list[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for m in found:
        groups.setdefault(key(m.surface), []).append(m)
    return groups


def _calls_a_village(m: Mention) -> bool:
    return _KIND_WORD.get(m.kind_word or "") == "village"


def _one_village_for_all(found: list[Mention]) -> None:
    """"Old Myawaddy ... the new Myawaddy village": once the mention the text calls a
    village is resolved to a village, the name's bare mentions are that village too,
    rather than a town of that name far from it (Myawaddy town, 800 km away)."""
    for ms in _by_key(found).values():
        lead = next((m for m in ms if _calls_a_village(m) and m.chosen is not None
                     and m.chosen.kind in ("village", "village tract")
                     and m.chosen.lat is not None), None)
        if lead is None or lead.chosen is None:
            continue
        village = lead.chosen
        for m in ms:
            if m.chosen is not None and m.chosen.lat is not None and km(
                    m.chosen.lat, m.chosen.lon, village.lat, village.lon  # type: ignore[arg-type]
            ) > VILLAGE_SUPPORT_KM:
                m.candidates, m.chosen = list(lead.candidates), village
                m.why = f"{lead.why}; the text calls {lead.surface} a village"


_VILLAGE_AFTER = re.compile(r"^ +(village tract|village)\b", re.IGNORECASE)


def _near_spellings(text: str, found: list[Mention], skip: list[tuple[int, int]],
                    townships: frozenset[str]) -> list[Mention]:
    """"Kunsal village" that no key reaches: the village of the article's townships spelt
    most like it (rapidfuzz), when one is close enough."""
    taken = SpanIndex([(m.start, m.end) for m in found] + skip)
    out: list[Mention] = []
    for m in _NAME.finditer(text):
        kind = _VILLAGE_AFTER.match(text[m.end():m.end() + 20])
        start, end, surface = m.start(), m.end(), m.group(0)
        if not kind or not townships or surface.lower() in stop_words() or \
                taken.overlaps(start, end):
            continue
        hit = near_spelling(key(surface), townships)
        if hit is None:
            continue
        entry, score = hit
        out.append(Mention(surface, start, end, kind.group(1).lower(), [entry], chosen=entry,
                           why=f"{entry.kind}; spelt like {entry.name} ({score:.0f}/100), "
                               f"in {entry.admin3} Township, which the article is about"))
    return out


def _display_name(m: Mention) -> str:
    entry = m.chosen
    assert entry is not None
    if entry.kind in ("region", "country"):
        return entry.name
    return m.surface


def find_places(text: AnalysedText, actors: list[ActorMention] | None = None) -> list[Place]:
    """Every distinct place the text names, with all its mention spans.

    ``actors``: the actors stage's mentions of this text, so they are not searched twice
    (found here when not given)."""
    places: dict[tuple[str, str, float | None], Place] = {}
    skip = _spans_to_skip(text, actors)
    for m in resolve(text, skip):
        entry = m.chosen
        assert entry is not None
        # "Old Myawaddy": a name of its own, placed at the Myawaddy it qualifies
        own = f"{m.qualifier} {m.surface}" if m.qualifier else ""
        ident = (own or entry.name, "demonym" if m.demonym else entry.kind, entry.lat)
        span = Span(m.start, m.end, m.surface)
        if ident in places:
            places[ident].spans.append(span)
            continue
        kind = _KIND_WORD.get(m.kind_word or "") or entry.kind
        kind = entry.kind if kind == "ward" else "demonym" if m.demonym else kind
        places[ident] = Place(
            mention=(own or m.surface) + m.titled_kind, name=own or _display_name(m),
            kind=kind, admin1=entry.admin1, admin2=entry.admin2, admin3=entry.admin3,
            gazetteer_id=entry.ident, country=entry.country, lat=entry.lat,
            lon=entry.lon,
            coord_source=entry.source, uncertainty_km=entry.uncertainty_km,
            geo_precision=2 if own else 3 if entry.kind in ("region", "country") else 1,
            near=[m.surface] if own else m.near, estimated=bool(own),
            why=(f"no gazetteer lists {own}: placed at the {m.surface} it qualifies; "
                 if own else "") + m.why, spans=[span])
    resolved = {key(s.text): p for p in reversed(places.values()) for s in p.spans}
    taken = [(s.start, s.end) for p in places.values() for s in p.spans]
    ends = [s.end for s in text.sentences]
    found = [*places.values(), *estimated_places(text.text, resolved, taken, _NAME, stop_words()),
             *road_places(text.text, resolved, ends), *between_places(text.text, resolved)]
    sites = find_sites(text.text, ends, found, skip)
    found = _without_site_names(found, sites)
    sites += find_parts(text, [*found, *sites], skip)
    sites += find_listed(text, [*found, *sites], skip)
    sites += find_beside(text, [*found, *sites], skip)
    sites += find_tagged(text, [*found, *sites], skip)
    return _most_specific_first([*found, *sites])


def _most_specific_first(found: list[Place]) -> list[Place]:
    """Towns before the regions and countries that share their name (Mandalay city, then
    Mandalay Region), so a reader taking the first place of a name gets the point."""
    return sorted(found, key=lambda p: p.kind in ("region", "country"))
