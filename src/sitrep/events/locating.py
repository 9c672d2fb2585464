"""Where an event happened: the places named in its sentence, with "near" anchors."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.actors import all_country_words
from sitrep.events import arguments
from sitrep.events.lexicon import cues, kinds_matching
from sitrep.model import ActorMention, DateInterval, Place, Sentence, Span
from sitrep.places import is_capital, is_common_word
from sitrep.places.recognise import dateline_end
from sitrep.spans import spans_starting_in

_ANCHOR_BEFORE = re.compile(
    r"(?:(?:\d[\d.,]*|\bsome|\babout)\s*(?:km|kilometres|kilometers|miles|mi)?\s*(?:\w+\s+){0,3}"
    r"(?:from|of)|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|close to|around|nearby|vicinity of|between)\s+"
                          r"(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_BROAD_KINDS = frozenset({"country", "region", "state"})
REGION_ONLY = frozenset({"country", "region", "state"})
_FALLBACK = re.compile(
    r"\b(?:in|at|near|on|into|outside|toward|towards)\s+((?:[A-Z][\w'-]+)(?:[ -][A-Z][\w'-]+){0,2})"
    r"|((?:[A-Z][\w'-]+)(?: [A-Z][\w'-]+){0,2})\s+(?:town|village|villages|township|city)\b")


@cache
def _words() -> dict[str, Any]:
    """The module's word lists (``events/data/locating.yaml``)."""
    raw = (files("sitrep.events") / "data" / "locating.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


@dataclass
class Where:
    place: Place
    near: list[str] = field(default_factory=list)
    precision: int | None = None


#: a capitalised word, hyphenated parts included ("Al-Khuwei"), and a name of such words,
#: an Arabic article may open a later word ("Deir al-Balah")
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_NAME = rf"{_WORD}(?: (?:[a-z]{{1,3}}-)?{_WORD})*"
_MARKED = re.compile(rf"((?:{_NAME})(?:(?:, | and | or |, and ){_NAME})*)"
                     r"(?: (?:[Vv]illages?|[Vv]illage [Tt]racts?|towns?|townships?)\b"
                     # "Mongngaw, located 49 kilometers from Kyaukme"
                     r"|(?=,? (?:located|situated) ))")

#: "a base in Nonebu in Paletwa": an unknown name a known place contains
_INSIDE_NAMED = re.compile(rf"\bin ({_NAME}) in (?:the )?[A-Z]")
#: "the village of Sanguit", "the town of X": a kind noun before the name marks it too
_KIND_OF = re.compile(rf"\b(?:village|town|city|hamlet|township|district) of ({_NAME})")
#: "an attack in the Marghan area": a named area is a place the gazetteer may lack
_NAMED_AREA = re.compile(rf"\b(?:in|at|near|around|across) the ({_NAME}) area\b")


def _marked_names(sentence: Sentence, mentioned: list[tuple[Place, int]],
                  actors: list[ActorMention], dates: list[DateInterval],
                  near: Nearby | None = None) -> list[tuple[Place, int]]:
    """Names a kind word marks as places ("Lwel Ngin and Nar Nwe villages") that no
    gazetteer holds: kept as unresolved places so the event still has its location."""
    taken = [(s.start, s.end) for p, _ in mentioned
             for s in (near.spans_of(p) if near else p.spans)]
    taken += [(a.span.start, a.span.end) for a in actors]
    taken += [(d.span.start, d.span.end) for d in dates if d.span]
    out: list[tuple[Place, int]] = []
    for m in [*_MARKED.finditer(sentence.text), *_INSIDE_NAMED.finditer(sentence.text),
              *_KIND_OF.finditer(sentence.text), *_NAMED_AREA.finditer(sentence.text)]:
        for part in re.finditer(_NAME, m.group(1)):
            start = sentence.start + m.start(1) + part.start()
            name = re.split(r"[’']s ", part.group(0))[-1]  # "Chin State’s Paletwa"
            start += len(part.group(0)) - len(name)
            name = re.sub(r" (?:Village|Village Tract|Township|Town)$", "", name)
            if any(s <= start < e for s, e in taken) or is_common_word(name.split()[0]) \
                    or any(at == start for _, at in out):
                continue
            span = Span(start, start + len(name), name)
            why = "named after a kind noun ('the village of X'); in no gazetteer" \
                if m.re is _KIND_OF else "marked as a place by its noun; in no gazetteer"
            out.append((Place(mention=name, name=name, spans=[span], why=why), start))
    return out


def is_anchor(full_text: str, start: int) -> bool:
    """The place at ``start`` is a distance's reference ("189 km north of X")."""
    return bool(_ANCHOR_BEFORE.search(full_text[max(0, start - 40):start]))


def locations(sentence: Sentence, full_text: str, places: list[Place],
              actors: list[ActorMention], dates: list[DateInterval],
              nearby: Nearby | None = None, parse: arguments.Parse | None = None
              ) -> list[Where]:
    """The event places of a sentence; anchors ("5 km from X") become ``near``
    (``nearby``: the sentence's own spans, so that a long article stays linear; ``parse``:
    the sentence's parse, read only when its words call for it, see ``arguments``)."""
    mentioned = _mentions(sentence, places, actors, nearby)
    mentioned = sorted(mentioned + _marked_names(sentence, mentioned, actors, dates, nearby),
                       key=lambda item: item[1])
    mentioned = sorted(mentioned + arguments.unknown_names(sentence, mentioned, actors, dates,
                                                           parse), key=lambda item: item[1])
    described = arguments.references(sentence, mentioned, parse)
    anchors = [p for p, start in mentioned if start in described
               or _ANCHOR_BEFORE.search(full_text[max(sentence.start, start - 40):start])]
    anchor_names = [a.name for a in anchors]
    targets = [(p, s) for p, s in mentioned if p not in anchors]
    specific = [(p, s) for p, s in targets if (p.kind or "") not in _BROAD_KINDS]
    # ACLED codes no event known only at country level; sitrep none known only by region
    chosen = specific or [(p, s) for p, s in targets if p.kind not in REGION_ONLY]
    if not chosen and not anchors:
        chosen = _fallback(sentence, actors, dates)
    chosen = [(p, s) for p, s in chosen if not _government(p, s, sentence)
              and not not_an_event_place(p, s, sentence) and not _destination(s, sentence)
              and not _container(p, s, chosen, full_text)]
    chosen, between = _between(chosen, full_text)
    chosen, landmarks = _landmarks(chosen, full_text)
    out: list[Where] = []
    for place, start in chosen:
        near = bool(_NEAR_BEFORE.search(full_text[max(sentence.start, start - 30):start]))
        # a reference that only says where a place lies ("X, 20 km east of Y") leaves X exact
        exact = bool(anchors) and len(described) == len(anchors)
        precision = 2 if near or (anchors and not exact) or place.geo_precision == 2 \
            else place.geo_precision
        if (place.kind or "") in _BROAD_KINDS:
            precision = 3
        out.append(Where(place, between.get(start) or landmarks.get(start) or anchor_names
                         or list(place.near), precision or 1))
    regions = [p for p, _ in described.values() if p.kind in ("region", "state")]
    if not out and regions:  # "strikes targeted X governorate, north of Y": X, not Y
        out = [Where(regions[0], anchor_names, 3)]
    if not out and anchors:
        out = [Where(a, [], 2) for a in anchors[:1]]
    return out


#: "in X near the famous Y viaduct", "near X, close to Y Township": Y only tells where X is
@cache
def _landmark_gap() -> re.Pattern[str]:
    """What lies between a place and its landmark (``landmark_words`` of locating.yaml)."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _words()["landmark_words"])
    return re.compile(r"^(?:\s+(?:village tracts?|villages?|towns?|townships?|city|ward))?"
                      rf",?\s+(?:{words})\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}$", re.IGNORECASE)


_LANDMARK_GAP_CHARS = 50


def _landmarks(chosen: list[tuple[Place, int]], full_text: str
               ) -> tuple[list[tuple[Place, int]], dict[int, list[str]]]:
    """A place written "near" or "close to" right after another place of the sentence is
    that place's landmark, not a second event place. Returns the places kept and, per kept
    start, the landmarks named after it."""
    kept: list[tuple[Place, int]] = []
    refs: dict[int, list[str]] = {}
    for place, start in chosen:
        if kept:
            last, last_start = kept[-1]
            gap = full_text[_end_at(last, last_start):start]
            if len(gap) <= _LANDMARK_GAP_CHARS and _landmark_gap().match(gap):
                refs.setdefault(last_start, []).append(place.name)
                continue
        kept.append((place, start))
    return kept, refs


#: "between X and Y", "between the villages of X and Y": one place between the two
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:villages?|towns?|cities|"
                             r"townships?) of\s+)?$", re.IGNORECASE)
#: what joins the places of the pair or list: ", ", " and ", "and another known as “"
_BETWEEN_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)[^,.;:]{0,30}$")


def _between(chosen: list[tuple[Place, int]], full_text: str
             ) -> tuple[list[tuple[Place, int]], dict[int, list[str]]]:
    """"Ambushed a column between X and Y": one event near both, at the first of them
    (GOLD.md: "between X and Y" gives the reference places), not one event at each.
    Returns the places kept and, per kept start, its reference names."""
    kept: list[tuple[Place, int]] = []
    refs: dict[int, list[str]] = {}
    lead: tuple[Place, int] | None = None
    previous_end = -1
    for place, start in chosen:
        if lead is not None and _BETWEEN_JOIN.match(full_text[previous_end:start]):
            refs[lead[1]].append(place.name)
            previous_end = _end_at(place, start)
            continue
        lead = None
        if _BETWEEN_BEFORE.search(full_text[max(0, start - 40):start]):
            lead = (place, start)
            refs[start] = [place.name]
        kept.append((place, start))
        previous_end = _end_at(place, start)
    return kept, {at: names for at, names in refs.items() if len(names) > 1}


#: "fled to X", "sought refuge with relatives in X": where the displaced went, no event place
_DESTINATION_BEFORE = re.compile(
    r"\b(?:fled|flee|flees|fleeing|evacuated|relocated|moved|moving|flown|airlifted|rushed|"
    r"transported|taken)\s+(?:[\w’'-]+\s+){0,3}?(?:to|into|towards?)\s+(?:[\w’'-]+\s+){0,6}$"
    r"|\b(?:refuge|shelter|sheltered|sheltering)\s+(?:[\w’'-]+\s+){0,3}?(?:in|at|inside)\s+"
    r"(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE)
#: "Pinti village in Naung Pain village tract", "the viaduct in Kyaukme Township"
_CONTAINED_GAP = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2},?\s*in\s+(?:the\s+)?"
                            r"(?:[A-Z][\w-]*\s+){0,3}?(?:[A-Z][\w-]*[’']s\s+)?$")
#: "X village on the Y road": the gap before a road a place lies on
_ON_ROAD = re.compile(r"^\s*(?:village|town|city|checkpoint|bridge)?,?\s+(?:on|along)\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)
_LARGER_AFTER = re.compile(r"^\s+(?:village tracts?|townships?|districts?|states?|regions?|"
                           r"provinces?)\b", re.IGNORECASE)


def _end_at(place: Place, start: int) -> int:
    """Where the mention of ``place`` that starts at ``start`` ends."""
    return next((s.end for s in spans_starting_in(place, start, start + 1)),
                start + len(place.mention))


#: a capital as the doer or the one who gains: "Moscow was intensifying", "gains for Moscow",
#: "Moscow continues to advance", "Kyiv might have hoped", "Moscow’s forces"
_AGENT_AFTER = re.compile(r"^(?:[’']s\b|\s+(?:(?:has|had|have)\s+)?(?:said|says|claimed|claims|"
                          r"denied|denies|warned|blocked|accused|vowed|launched|ordered|demanded|"
                          r"(?:is|was|were|are)\s+\w+ing)\b|\s+(?:might|may|could|would|will|"
                          r"should|must|can|cannot|wants?|hopes?|continues?|seeks?|sees?|"
                          r"insists?|believes?|considers?|regards?|plans?|needs?|tries|tried)\b)")
_BENEFICIARY_BEFORE = re.compile(r"\b(?:for|with)\s+$")


def _government(place: Place, start: int, sentence: Sentence) -> bool:
    """A capital standing for its government is no event place: a national capital of the
    world gazetteer, or one of cues.yaml's (Naypyitaw, which MIMU does not mark)."""
    listed = place.mention in cues().capitals or place.name in cues().capitals
    if not listed and not is_capital(place):
        return False
    offset, end = start - sentence.start, _end_at(place, start) - sentence.start
    return bool(_AGENT_AFTER.match(sentence.text[end:])) or bool(
        _BENEFICIARY_BEFORE.search(sentence.text[max(0, offset - 6):offset]))


#: "forces from X": where fighters come from; "residents from X" too, unless they fled from
#: there ("villagers from X have fled": X is where the displacement happened)
_FROM_TAIL = r"\s+(?i:from)\s+(?:(?:the|nearby|neighbouring|neighboring)\s+)?"


@cache
def _armed_from() -> re.Pattern[str]:
    """"forces from X": a group's origin (``origin_groups`` of locating.yaml)."""
    groups = "|".join(_words()["origin_groups"])
    return re.compile(
        rf"\b(?i:{groups}){_FROM_TAIL}(?:[A-Z][\w’'-]*(?:,\s*|\s+and\s+|\s+in\s+|"
        r"\s+(?:regions?|states?|townships?|districts?|provinces?)\b,?\s*(?:and\s+)?|\s+))*$")


@cache
def _people_from() -> re.Pattern[str]:
    """"residents from X": people's origin (``origin_people`` of locating.yaml)."""
    people = "|".join(_words()["origin_people"])
    return re.compile(rf"\b(?i:{people}){_FROM_TAIL}(?:[A-Z][\w’'-]*(?:,\s*|\s+and\s+|\s+))*$")


#: "a column returning from X": where a moving force set out, not where it was hit
_ROUTE_ORIGIN = re.compile(r"\b(?:returning|coming|travell?ing|arriving|heading back|"
                           r"on (?:its|their|the) way back)\s+from\s+(?:the\s+)?$",
                           re.IGNORECASE)
#: "a unit stationed on a hill in X", "troops based in X": where a force sits, from where
#: it fires; the event is where it strikes
_STATIONED_AT = re.compile(r"\b(?:stationed|based|garrisoned|positioned)\s+(?:(?:on|in|at|near|"
                           r"inside)\s+(?:(?:a|an|the|another|its|their)\s+)?"
                           r"(?:[a-z-]+,?\s+){0,3}){1,2}$")
#: a speech verb right after the name: the name is who speaks
_SPEAKS_AFTER = re.compile(r"^\s+(?:said|says|told|claimed|stated|added|announced|reported|"
                           r"confirmed|denied|warned)\b")
#: "a X resident", "X villagers said": the name describes people (who speak or saw)
_PEOPLE_AFTER = re.compile(r"^(?:\s+(?:[Tt]ownship|[Vv]illage|[Tt]own|[Cc]ity))?\s+"
                           r"(?:residents?|villagers?|natives?|locals?|dwellers?|people)\b")
_DISPLACED = re.compile(r"\b(?:fled|flee|flees|fleeing|displaced|evacuated|uprooted|relocat\w*)\b")
#: "Speaking in X, an official said": where the speaker spoke
_SPEAKING_BEFORE = re.compile(r"\b(?:[Ss]peaking|[Ww]riting|[Rr]eporting)\s+(?:in|from|at)\s+$")
#: a name that goes on: "Aung San Suu Kyi", "Lashio Reconstruction", "Kachin News Group"
@cache
def _name_goes_on() -> re.Pattern[str]:
    """A capitalised word after a name that is no continuation of a place ("Aung San Suu
    Kyi"; ``name_continuations`` of locating.yaml)."""
    words = "|".join(_words()["name_continuations"])
    return re.compile(rf"^[ \t]+(?!(?:{words})\b)[A-Z][a-z][\w’'-]*")


@cache
def _platforms() -> frozenset[str]:
    """Online platforms: "shared on Facebook" names no place (locating.yaml)."""
    return frozenset(_words()["platforms"])


#: "relief work in X", "aid reached quake-hit X": the place of a disaster's relief (a place the
#: trigger governs, "bombed quake-hit X", stays)
_RELIEF_BEFORE = re.compile(
    r"(?i:\b(?:relief|aid|rescue|recovery|reconstruction|humanitarian)\b(?:\s+[\w-]+){0,3}\s+"
    r"(?:in|to|across|for|throughout|reached|reaching|arrived in)\s+(?:the\s+)?"
    r"(?:(?:quake|earthquake|flood|cyclone|storm|typhoon)[- ](?:hit|affected|stricken)\s+)?"
    r"(?:[\w’'-]+(?:,\s*|\s+and\s+|\s+)){0,8}$)")


def relief_place(start: int, sentence: Sentence) -> bool:
    """"Relief work in X, Y and Z after the earthquake": where relief went, not a conflict
    event's place."""
    offset = start - sentence.start
    return bool(_RELIEF_BEFORE.search(sentence.text[max(0, offset - 120):offset]))


#: a verb right after "the X" makes X a people ("the Chin have taken up arms")
_PEOPLE_VERB_AFTER = re.compile(r"^\s+(?:have|had|are|were|say|said|claim|claimed|fought|"
                                r"fight|live|lived|want|wanted|rose|launched|formed)\b")


def not_an_event_place(place: Place, start: int, sentence: Sentence) -> bool:
    """A name that says something other than where the event was: people's origin ("forces
    from X", "a column returning from X"), where a speaker spoke ("Speaking in X"), a
    dateline ("KYIV:"), part of a longer name ("Aung San Suu Kyi"), a platform ("on
    Facebook"), or a capitalised common word opening the sentence ("Along with ...")."""
    offset, end = start - sentence.start, _end_at(place, start) - sentence.start
    before, after = sentence.text[max(0, offset - 90):offset], sentence.text[end:]
    mention = sentence.text[offset:end]
    if _armed_from().search(before) or _SPEAKING_BEFORE.search(before) or \
            _ROUTE_ORIGIN.search(before) or _STATIONED_AT.search(before):
        return True
    said_by = re.search(r"\b(?:said|told|says)(?:\s+[\w’'-]+){0,5}\s*$",
                        before[:before.rfind(" from")]) if " from" in before else None
    if _people_from().search(before) and (said_by or not _DISPLACED.search(sentence.text)):
        return True
    if _SPEAKS_AFTER.match(after):
        return True  # "…, Nato said": a name that speaks is a person or a government
    if _PEOPLE_AFTER.match(after) and not _DISPLACED.search(sentence.text):
        return True  # "a Kyaukme Township resident said": whose words, not where
    if _filed_from(sentence.text, offset, is_capital(place) or place.name in cues().capitals):
        return True
    if place.mention in _platforms() or place.name in _platforms():
        return True
    if relief_place(start, sentence):
        return True
    if re.fullmatch(r"[A-Z]{2,6}", mention):
        return True  # an acronym names a group ("RSO", "ARSA"), not a place
    if re.search(r"\w[-‑]$", sentence.text[max(0, offset - 2):offset]):
        return True  # the tail of a compound: "6th-Mile", "Sino-Myanmar"
    if re.search(r"\b[Tt]he\s+$", before) and _PEOPLE_VERB_AFTER.match(after):
        return True  # a people, not a place: "the Chin have", "the Kachin said"
    if _name_goes_on().match(after) and not after.startswith((" Township", " State")) \
            and place.why != arguments.BEFORE_REGION_WHY:  # "Mogorros Afar Region"
        return True
    opening = sentence.text[:offset].strip() == ""
    common = is_common_word(mention) or mention.lower() in STOP_WORDS
    return opening and " " not in mention and common and bool(re.match(r"^\s+[a-z]", after))


#: "... on villages in southern Lebanon": the sentence puts its event in a place of its own
#: (a day or a month is no place: "on Monday", "in May")
_CALENDAR = "|".join(n for n in (*calendar.day_name, *calendar.month_name) if n)
_LOCATIVE_PLACE = re.compile(r"\b(?:in|at|near|on|outside)\s+(?:the\s+)?"
                             r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?"
                             rf"\s+)?(?!(?:{_CALENDAR})\b)[A-Z]")


def _filed_from(text: str, offset: int, capital: bool) -> bool:
    """The name at ``offset`` is the dateline's: where the report was filed. A dateline in
    capitals ("KYIV:") never names the event's place. One in title case names a capital
    where correspondents file from ("Beirut:") only when the sentence puts the event in
    no other place ("strikes on villages in southern Lebanon" is not in Beirut); a town's
    own dateline ("Khan Younis:") may be the event's place (measured: dropping those lost
    a blind event)."""
    found = dateline_end(text)
    if found is None or not offset < found[0] < len(text) - 1:
        return False
    if found[1]:
        return True
    return capital and bool(_LOCATIVE_PLACE.search(text, found[0]))


def _destination(start: int, sentence: Sentence) -> bool:
    """"Hundreds fled to X": X is where people went, not where anything happened."""
    offset = start - sentence.start
    return bool(_DESTINATION_BEFORE.search(sentence.text[max(0, offset - 70):offset]))


#: how far after a place its holder may be named ("X village on the A-B road in Y district")
_HOLDER_REACH = 60


def _container(place: Place, start: int, chosen: list[tuple[Place, int]], full_text: str
               ) -> bool:
    """A larger unit written right after a smaller place ("X village in Y Township")
    only says where the smaller place lies."""
    end = _end_at(place, start)
    larger = place.kind in ("township", "village tract") or _LARGER_AFTER.match(
        full_text[end:end + 20])
    if any(place.name in p.near and s < start <= _end_at(p, s) + _HOLDER_REACH
           for p, s in chosen):
        return True  # "the village of X, Y district": Y is where the places stage put X
    before = [_end_at(p, s) for p, s in chosen if s < start]
    gap = full_text[max(before):start] if before else ""
    # "a base in Nonebu in Paletwa": the second of two bare names holds the first; "X
    # village on the Y road": the road says where X lies (issue 12)
    on_road = place.kind == "road" and bool(_ON_ROAD.match(gap))
    return bool(before) and ((bool(larger) and bool(_CONTAINED_GAP.match(gap)))
                             or gap == " in " or on_road)


@dataclass
class Nearby:
    """The places, actors and dates with a span in one sentence: the only ones the rules
    of this module look at (passing all of a long article's made it quadratic)."""

    places: list[Place] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateInterval] = field(default_factory=list)
    #: per place (by ``id``), its spans that overlap the sentence, in the place's order
    spans: dict[int, list[Span]] = field(default_factory=dict)

    def spans_of(self, place: Place) -> list[Span]:
        return self.spans.get(id(place), [])


def by_sentence(sentences: list[Sentence], places: list[Place], actors: list[ActorMention],
                dates: list[DateInterval]) -> dict[int, Nearby]:
    """``Nearby`` per sentence index, in document order, built in one pass over each list."""
    starts = [s.start for s in sentences]
    out: dict[int, Nearby] = {s.index: Nearby() for s in sentences}

    def touched(start: int, end: int) -> list[int]:
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, max(end, start + 1))
        return [sentences[i].index for i in range(first, last)
                if sentences[i].start < max(end, start + 1) and start < sentences[i].end]

    for place in places:
        for index in dict.fromkeys(i for sp in place.spans for i in touched(sp.start, sp.start)):
            out[index].places.append(place)
        for span in place.spans:
            for index in touched(span.start, span.end):
                out[index].spans.setdefault(id(place), []).append(span)
    for actor in actors:
        for index in touched(actor.span.start, actor.span.end):
            out[index].actors.append(actor)
    for day in dates:
        for index in touched(day.span.start, day.span.end) if day.span else []:
            out[index].dates.append(day)
    return out


def sentence_places(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                    dates: list[DateInterval], near: Nearby | None = None
                    ) -> list[tuple[Place, int]]:
    """Places named in a sentence, in order (unresolved names when the stage found none)."""
    return _mentions(sentence, places, actors, near) or _fallback(sentence, actors, dates)


_MODIFIER_AFTER = re.compile(r"^(?:-[a-z]|\s+(?:talks|government|authorities|pressure|border)\b)")


def _mentions(sentence: Sentence, places: list[Place], actors: list[ActorMention],
              near: Nearby | None = None) -> list[tuple[Place, int]]:
    """Place mentions of a sentence, minus modifiers ("China-brokered", "Kunming talks")
    and names inside a longer place ("Mogoke" in "Nawnghkio-Mogoke road")."""
    found: list[tuple[Place, int]] = []
    spans = [sp for p in places for sp in (near.spans_of(p) if near else p.spans)
             if sentence.start <= sp.start < sentence.end]
    for place in places:
        for span in near.spans_of(place) if near else place.spans:
            if not sentence.start <= span.start < sentence.end:
                continue  # (checked first: most spans lie in other sentences)
            in_actor = any(a.span.start <= span.start < a.span.end for a in actors)
            offset = span.end - sentence.start
            modifier = _MODIFIER_AFTER.match(sentence.text[offset:offset + 20])
            contained = any(o.start <= span.start and span.end <= o.end and o != span
                            for o in spans)
            if not in_actor and not modifier and not contained:
                found.append((place, span.start))
                break
    return sorted(found, key=lambda item: item[1])


@cache
def _country_words() -> frozenset[str]:
    """A country's words that the places stage left unresolved are its language or its
    people ("a statement in Chinese"), not a place."""
    return all_country_words()  # issue 12: the wider news's countries too ("toward Israel")


#: a name that says it is a region ("Kayah State", "Amran Governorate", "Kharkiv Oblast"):
#: only a region, which codes no event, never a place the gazetteer lacks
_REGION_NAME = re.compile(r"\b(?:State|Region|Province|Division|Governorate|Oblast|"
                          r"Prefecture)$")


def _fallback(sentence: Sentence, actors: list[ActorMention], dates: list[DateInterval]
              ) -> list[tuple[Place, int]]:
    """Place-like names when the places stage found none here (unresolved, no coordinates)."""
    found: list[tuple[Place, int]] = []
    for m in _FALLBACK.finditer(sentence.text):
        group = 1 if m.group(1) else 2
        name, start = m.group(group), sentence.start + m.start(group)
        clash = any(a.span.start <= start < a.span.end for a in actors) or any(
            d.span and d.span.start <= start < d.span.end for d in dates)
        container = re.search(r"(?:town|village|township|city|district),? in $",
                              sentence.text[:m.start(group)])
        if not clash and not container and name.split()[0] not in ("The", "A", "An", "Operation") \
                and name not in _country_words() and not _REGION_NAME.search(name):
            span = Span(start, start + len(name), name)
            found.append((Place(mention=name, name=name, why="unresolved name in event sentence",
                                spans=[span]), start))
    return found[:3]


_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or|the|of|control|towns?|of the)\b[\s,]*)*$",
                       re.IGNORECASE)


def _start_in(where: Where, sentence: Sentence) -> int:
    return min((s.start for s in spans_starting_in(where.place, sentence.start, sentence.end)),
               default=sentence.start)


#: "X on July 15 and Y": a dated item's gap to the next one
_DATED_GAP = re.compile(r"^\s+(?:on|in)\s+[\w ,.]{3,30}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


def nearest_to_trigger(wheres: list[Where], trigger_at: int, sentence: Sentence,
                       full_text: str, dates: list[DateInterval] | None = None) -> list[Where]:
    """Places the trigger governs: the list right after it ("captured X, Y and Z"),
    else the nearest place before it ("Nawnghkio, a town recaptured ...")."""
    if not wheres:
        return wheres
    ordered = sorted(wheres, key=lambda w: _start_in(w, sentence))
    after = [w for w in ordered if _start_in(w, sentence) >= trigger_at]
    governed: list[Where] = []
    cursor = trigger_at
    for where in after:
        start = _start_in(where, sentence)
        gap = full_text[cursor:start]
        dated = governed and own_date(governed[-1], sentence, dates or []) is not None and \
            bool(_DATED_GAP.match(gap))
        if not dated and (len(gap) > 45 or (governed and not _LIST_GAP.match(gap))):
            break
        governed.append(where)
        cursor = start + len(where.place.mention)
    if governed:
        return governed
    before = [w for w in ordered if _start_in(w, sentence) < trigger_at]
    if before:
        return before[-1:]
    return after[:1]


#: "in X", "near X": a place introduced by a locative belongs to the trigger before it
_LOCATIVE = re.compile(r"\b(?:in|at|near|around|outside)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}$",
                       re.IGNORECASE)


def allocate(wheres: list[Where], triggers: list[int], sentence: Sentence) -> list[list[Where]]:
    """Each place goes to the nearest trigger of its sentence (ties: the one before it),
    so "clashes in X despite talks held in Y" puts the clash in X and the talks in Y."""
    shares: list[list[Where]] = [[] for _ in triggers]
    if len(triggers) == 1:
        return [list(wheres)]
    for where in wheres:
        start = _start_in(where, sentence)
        best = min(range(len(triggers)),
                   key=lambda i: (abs(start - triggers[i]), triggers[i] > start))
        before = [i for i in range(len(triggers)) if triggers[i] < start]
        if before and triggers[best] > start and _LOCATIVE.search(
                sentence.text[:start - sentence.start]):
            best = max(before, key=lambda i: triggers[i])  # "clashes in X despite talks"
        shares[best].append(where)
    for i, share in enumerate(shares):
        if not share and wheres:  # "have fled X due to artillery strikes": both at X
            nearest = min(wheres, key=lambda w: abs(_start_in(w, sentence) - triggers[i]))
            if not all(_other_clause(sentence, triggers[i], span.start) for span in
                       spans_starting_in(nearest.place, sentence.start, sentence.end)):
                shares[i] = [nearest]
    return shares


#: where a clause with its own subject opens: "..., while a woman was injured ..."
_CLAUSE_OPENING = re.compile(r",\s+(?:while|whereas)\s+|;\s+", re.IGNORECASE)


def _other_clause(sentence: Sentence, trigger: int, place: int) -> bool:
    """"A man was shot in X on Saturday, while a woman was injured on Monday when a shell
    hit": the place of one clause is not lent to the event of another."""
    lo, hi = sorted((trigger - sentence.start, place - sentence.start))
    return _CLAUSE_OPENING.search(sentence.text, lo, hi) is not None


_LIST_LEAD = re.compile(
    r"^\s*(?:(?:total |full |complete |effective )?control (?:of|over) )?(?:the )?"
    r"(?:(?:\w+ )?(?:towns?|villages?|cities|townships?|bases?|areas?)(?: of)?\s*[—–:,-]?\s*)?")
_LIST_ITEM = re.compile(r"([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,3})(\s*(?:,\s*(?:and\s+)?|\s+and\s+|"
                        r"\s+or\s+))?")


_LIST_STOP = frozenset({"and", "or", "in", "on", "from", "during", "last", "near", "at", "after",
                        "before", "since", "towns", "villages", "town", "village", "township",
                        "townships", "to", "by", "as", "with", "this", "earlier", "late", "early",
                        "within", "under", "over", "for", "amid", "despite", "following",
                        "through", "toward", "towards", "into", "via", "until", "while", "but"})


def dated_item_end(text: str, offset: int, sentence: Sentence,
                   dates: list[DateInterval]) -> int | None:
    """"X on July 15 and Y": where the next item starts when the item ending at ``offset``
    carries its own date and the list goes on after it (None when it does not)."""
    on = re.match(r"\s+(?:on|in)\s+", text[offset:])
    if on is None:
        return None
    date_start = offset + on.end()
    base = len(sentence.text) - len(text)  # ``text`` is the sentence's tail
    at = sentence.start + base + date_start
    date = next((d for d in dates if d.span and d.span.start <= at < d.span.end), None)
    if date is None or date.span is None:
        return None
    tail = date.span.end - sentence.start - base
    joint = re.match(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)", text[tail:])
    return tail + joint.end() if joint else None


def own_date(where: Where, sentence: Sentence, dates: list[DateInterval]) -> DateInterval | None:
    """The date written right after a place ("Y on October 1"): that place's own date."""
    start = _start_in(where, sentence)
    end = _end_at(where.place, start) - sentence.start
    on = re.match(r"\s+(?:on|in)\s+", sentence.text[end:])
    if on is None:
        return None
    first, at = sentence.start + end, sentence.start + end + on.end()
    return next((d for d in dates if d.span and first <= d.span.start <= at), None)


def listed_after(trigger_end: int, sentence: Sentence, wheres: list[Where],
                 actors: list[ActorMention], dates: list[DateInterval] | None = None
                 ) -> list[Where]:
    """The list of names a capture verb governs ("seized five towns — A, B, C and D"),
    each a known place when the places stage found it, else an unresolved name; items may
    carry their own dates ("recaptured X on July 15 and Y on October 1")."""
    text = sentence.text[trigger_end - sentence.start:]
    lead = _LIST_LEAD.match(text)
    offset = lead.end() if lead else 0
    known = {_start_in(w, sentence): w for w in wheres}
    out: list[Where] = []
    while True:
        item = _LIST_ITEM.match(text, offset)
        if item is None:
            break
        start = trigger_end + item.start(1)
        name = item.group(1)
        following = re.match(r"\s*([a-z]+)", text[item.end(1):])
        dated_next = dated_item_end(text, item.end(1), sentence, dates or []) \
            if not item.group(2) else None
        apposition = following and following.group(1) not in _LIST_STOP and not item.group(2)
        is_actor = any(a.span.start <= start < a.span.end for a in actors)
        if is_actor or apposition or name.endswith(("’s", "'s")):
            break
        where = known.get(start)
        if where is None and name.split()[0] not in ("The", "A", "An", "In", "On", "Operation"):
            span = Span(start, start + len(name), name)
            where = Where(Place(mention=name, name=name, why=_LISTED_WHY,
                                spans=[span]), [], 1)
        if where is not None:
            out.append(where)
        if dated_next is not None:
            offset = dated_next
            continue
        if not item.group(2):
            break
        offset = item.end()
    if any(w.place.lat is not None for w in out):  # "seized A, B and C": B is listed with A
        for w in out:
            if w.place.why == _LISTED_WHY:
                w.place.why = "marked as a place: listed with known places after a capture verb"
    return out


_LISTED_WHY = "named in a list a capture governs"


#: how many sentences back the story's place may have been told
_FOCUS_REACH = 6


@cache
def _anaphor() -> re.Pattern[str]:
    """A word pointing back to a place told before ("this sector", "the area", "there";
    ``place_anaphors`` of locating.yaml), not the existential "there were clashes"."""
    words = sorted(_words()["place_anaphors"], key=len, reverse=True)
    # a noun phrase only after a locative ("in the area", not "flying over the area",
    # "evacuated from the area"); the adverbs ("there", "nearby") alone
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    alternatives = "|".join(e if " " not in w else rf"(?:in|at|within|around|across|inside)\s+{e}"
                            for w, e in zip(words, escaped, strict=True))
    existential = "|".join(re.escape(w) for w in _words()["existential_after"])
    # "nearby" as an adverb only: "fleeing nearby cities" points to no place told
    return re.compile(rf"\b(?i:{alternatives})\b(?!\s*(?:[’']|(?i:{existential})\b))"
                      r"(?!\s+of\b)(?<!nearby(?=\s[a-z]))")


_FOCUS_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: how many sentences back the event a definite noun tells again may have been told
_EVENT_REACH = 2


@cache
def _event_anaphor() -> re.Pattern[str]:
    """"The assault targeted ...": a definite noun opening the sentence tells again the
    event told just before (``event_anaphors`` of locating.yaml)."""
    nouns = "|".join(re.escape(w) for w in _words()["event_anaphors"])
    return re.compile(rf"^\s*(?:The|This|That|These|Those)\s+(?:[a-z-]+\s+){{0,2}}?"
                      rf"(?:{nouns})\b")


def _tells_an_event(sentence: Sentence) -> bool:
    """Some trigger word of an event is in the sentence: an event noun opening the next one
    ("The strikes killed seven") tells that event again, and the casualty rules (no new
    place) decide what its figures are; only an event told in words no trigger knows
    ("an attack in the X area resulted in the death of ...") lends the noun its place."""
    civilians = bool(cues().civilians.search(sentence.text))
    return any(kind.applies(sentence.text, civilians)
               for kind in kinds_matching(sentence.text))


#: anaphors of an area around the place, not the place itself: precision 2
_AREA_ANAPHOR = re.compile(r"\b(?:sector|area|vicinity|locality|nearby)\b", re.IGNORECASE)


def story_place(sentence: Sentence, sentences: list[Sentence], full_text: str,
                nearby: dict[int, Nearby], event_type: str = "Battles") -> list[Where]:
    """"In this sector, three soldiers were killed", "There, strikes hit ...": an event
    sentence with no place of its own that points back to a place ("there", "the area",
    "this sector", "nearby") takes the story's current focus, the event place told last
    in the sentences before it (ACLED codes the most specific place the report supports;
    an area around it is precision 2). Only for political violence: a displacement or a
    troop movement told of "the area" is mostly a lede's summary or a sweep."""
    anaphor = _anaphor().search(sentence.text)
    reach = _FOCUS_REACH
    if anaphor is None:
        anaphor = _event_anaphor().match(sentence.text)
        reach = _EVENT_REACH
    if anaphor is None or event_type not in _FOCUS_TYPES:
        return []
    for earlier in reversed(sentences[max(0, sentence.index - reach):sentence.index]):
        near = nearby.get(earlier.index) or Nearby()
        found = locations(earlier, full_text, near.places, near.actors, near.dates, near)
        if not found:
            continue
        if reach == _EVENT_REACH and _tells_an_event(earlier):
            return []  # "bombed A and B. The strikes killed 7": told again, a total for none
        focus = found[0]  # "X village, Y township": the most specific comes first
        if _AREA_ANAPHOR.search(anaphor.group(0)):
            return [Where(focus.place, list(focus.near) or [focus.place.name], 2)]
        return [Where(focus.place, list(focus.near), focus.precision)]
    return []
