"""Event places no gazetteer holds: kept as written, not dropped (issue 15).

When the places stage resolves no event place in a sentence, the event keeps, in order:
0. the region the parse makes the trigger's argument, as a larger area ("drones struck
   the Sumy region, officials in Kyiv said": `arguments.region_argument`);
1. the place as the text writes it after a preposition ("in the northern province of
   Jawzjan", "in southern Philippines' Malaybalay City": the name, not its country);
2. else the smallest larger area the sentence names (a region, then a country);
3. else no place at all (``NO_PLACE``): such an event stays in JSONL, flagged, and out
   of ACLED exports.
Each has no coordinates and ACLED's lowest geo precision (3); its place says why.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.events.details import take_toll
from sitrep.events.locating import Where
from sitrep.model import NON_FACTUAL, ActorMention, DateInterval, Event, Place, Sentence, Span

AS_WRITTEN = "as written: in no gazetteer"
LARGER_AREA = "the larger area the sentence names: no event place in it"
#: an event whose text names no place: no location (JSONL only, flagged)
NO_PLACE_FLAG = "no place"
UNGEOCODED_FLAG = "place not geocoded"

_NAME = r"[A-Z][\w'’-]*(?:[ -](?:of |de |al-|el-)?[A-Z][\w'’-]*){0,3}"
#: what may stand between a preposition and the name: articles, directions, "restive", a
#: country's possessive ("Syria's northern Aleppo province"), an admin word ("the province of")
_FILLER = (r"(?:(?:the|a|an|its|their|[a-z]+ern|central|restive|volatile|troubled|remote|"
           r"neighbouring|neighboring|nearby|main|capital|border|key|strategic|"
           r"town|city|village|province|district|region|state|county|area|"
           r"of|commune|municipality|department|governorate)\s+|capital,\s+"
           rf"|{_NAME}(?:'s|’s|')\s+)*")
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:(?:in|at|near|outside|into|across|around|from|on)\s+{_FILLER}"
    r"|(?:town|city|village|district|province|region|county|area|capital|municipality) of\s+)"
    rf"({_NAME})")
_NOT_PLACES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "The", "A", "An", "It", "They", "He", "She", "This",
    "Reuters", "AFP", "AP", "Xinhua", "Christmas", "Ramadan", "Eid", "Parliament",
    "Congress", "Twitter", "Facebook", "Islam", "Muslims", "Christians", "English",
})
_BROAD = ("region", "state", "country")
#: a people's adjective before a common noun is no place ("a Pakistani checkpoint")
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)\s+(?!(?:on|in|at|and|or|of|after|"
                        r"before|when|while|where|that|which|province|district|region|state|"
                        r"city|town|village|area|county)\b)[a-z]")


#: the last word of an organisation's name ("Inter-Services Public Relations", "the Red
#: Cross Committee"): a body, not a place
_ORGANISATION_END = re.compile(r"\b(?:Relations|Committee|Council|Ministry|Agency|Army|Forces|"
                               r"Network|Organi[sz]ation|Office|Party|Front|Union|News|Radio|"
                               r"Association|Society|Commission|Authority|Movement|Brigade|"
                               r"Battalion|Division|Corps|Command|Police|Guard|Service)$")


def _not_a_place_name(name: str) -> bool:
    """A model with a number ("F-16", "Su-25", "MiG-29") or an organisation's name."""
    return bool(re.search(r"\d", name)) or bool(_ORGANISATION_END.search(name))


def _taken(start: int, end: int, actors: list[ActorMention],
           dates: list[DateInterval]) -> bool:
    return any(a.span.start < end and start < a.span.end for a in actors) or any(
        d.span is not None and d.span.start < end and start < d.span.end for d in dates)


def _known_broad(name: str, places: list[Place]) -> bool:
    return any(p.name == name or p.mention == name for p in places
               if (p.kind or "") in _BROAD)


def as_written(sentence: Sentence, places: list[Place], actors: list[ActorMention],
               dates: list[DateInterval]) -> Place | None:
    """The first place-like name after a preposition that nothing else claims."""
    for m in _AFTER_PREPOSITION.finditer(sentence.text):
        name = m.group(1).rstrip("'’")
        start = sentence.start + m.start(1)
        if _ADJECTIVE.match(sentence.text, m.start(1)):  # "on a Pakistani checkpoint"
            continue
        if name.split()[0] in _NOT_PLACES or _known_broad(name, places) or \
                _taken(start, start + len(name), actors, dates) or _not_a_place_name(name):
            continue
        span = Span(start, start + len(name), name)
        return Place(mention=name, name=name, why=AS_WRITTEN, spans=[span], geo_precision=3)
    return None


def larger_area(sentence: Sentence, places: list[Place]) -> Place | None:
    """The smallest broad area (a region before a country) that the sentence names."""
    named = [p for p in places if (p.kind or "") in _BROAD and any(
        sentence.start <= s.start < sentence.end for s in p.spans)]
    smallest = min(named, key=lambda p: _BROAD.index(p.kind or "country"), default=None)
    return replace(smallest, why=LARGER_AREA, geo_precision=3) if smallest else None


NO_PLACE = Place(mention="", name="", why=NO_PLACE_FLAG)


def unresolved_wheres(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                      dates: list[DateInterval], argument: Place | None = None) -> list[Where]:
    """The place an event keeps when no gazetteer place is its place (see the module);
    ``argument``: the region the parse makes the trigger's argument, the larger area then
    ("drones struck the Sumy region, officials in Kyiv said": Sumy, not Kyiv)."""
    area = replace(argument, why=LARGER_AREA, geo_precision=3) if argument else None
    place = area or as_written(sentence, places, actors, dates) or larger_area(sentence, places)
    return [Where(place or NO_PLACE, [], 3)]


def flags_for(place: Place | None) -> list[str]:
    """What an event's place lacks: none at all, or coordinates."""
    if place is None or place is NO_PLACE:
        return [NO_PLACE_FLAG]
    return [UNGEOCODED_FLAG] if place.why == AS_WRITTEN else []


def is_fallback(event: Event) -> bool:
    """The event was placed here, not by the gazetteer."""
    return _unresolved(event)


def _unresolved(event: Event) -> bool:
    return event.location is NO_PLACE or (event.location is not None
                                          and event.location.why in (AS_WRITTEN, LARGER_AREA))


#: how a demonstration was met, mildest first: a report of it anywhere codes the protest
_PROTEST_TREATMENT = ("Peaceful protest", "Protest with intervention",
                      "Excessive force against protesters")


def _worse_treatment(kept: Event, told: Event) -> str:
    """A protest told again without a place ("three protesters were killed as troops
    opened fire") may say how it was met: the harsher treatment codes it (ACLED)."""
    if kept.event_type != "Protests" or told.sub_event_type not in _PROTEST_TREATMENT \
            or kept.sub_event_type not in _PROTEST_TREATMENT:
        return kept.sub_event_type
    return max(kept.sub_event_type, told.sub_event_type, key=_PROTEST_TREATMENT.index)


def _last_told_before(alike: list[Event], event: Event) -> Event | None:
    """The event whose first report comes last before ``event``'s: a report with no place
    right after an account goes on with it ("clashed near X on Monday. Two soldiers were
    killed in the clash")."""
    if not event.evidence:
        return None
    at = event.evidence[0].start
    before = [e for e in alike if e.evidence and e.evidence[0].start < at]
    return max(before, key=lambda e: e.evidence[0].start, default=None)


def settle(events: list[Event]) -> list[Event]:
    """Events the fallback placed, in one document:

    - an article that places any of its events in the gazetteer tells the others again
      without a place (a lede, a summary, context): the fallback's events are
      restatements there, their evidence joins a placed event of their type, if any;
    - in an article none of whose events the gazetteer places, reports of one type that
      no place tells apart are one event (ACLED's aggregation), the first one told.
    The events kept have their place as written, a larger area, or none, and a flag."""
    placed = [e for e in events if not _unresolved(e)]
    kept: list[Event] = []
    seen: set[tuple[str, bool]] = set()
    for event in events:
        if not _unresolved(event):
            kept.append(event)
            continue
        key = (event.event_type, event.status in NON_FACTUAL)
        if placed or key in seen:
            alike = [e for e in placed + kept if e.event_type == event.event_type
                     and (e.status in NON_FACTUAL) == key[1]]
            same = _last_told_before(alike, event) or next(iter(alike), None)
            if same is not None:
                same.evidence.extend(s for s in event.evidence if s not in same.evidence)
                same.sub_event_type = _worse_treatment(same, event)
                take_toll(same, event, events)
            continue
        seen.add(key)
        if event.location is NO_PLACE:
            event.location = None
        event.flags = list(dict.fromkeys([*event.flags, *flags_for(event.location)]))
        kept.append(event)
    for event in kept:  # any place with no coordinates (named after "village", ...)
        if event.location is not None and event.location.lat is None:
            event.flags = list(dict.fromkeys([*event.flags, UNGEOCODED_FLAG]))
            event.geo_precision = 3
    return kept
