"""Where an event happened: the places named in its sentence, with "near" anchors."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from sitrep.actors import lexicon as actor_lexicon
from sitrep.events.lexicon import cues
from sitrep.model import ActorMention, DateInterval, Place, Sentence, Span
from sitrep.places import is_common_word
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


@dataclass
class Where:
    place: Place
    near: list[str] = field(default_factory=list)
    precision: int | None = None


_NAME = r"[A-Z][\w'’]*(?: [A-Z][\w'’]*)*"
_MARKED = re.compile(rf"((?:{_NAME})(?:(?:, | and | or |, and ){_NAME})*)"
                     r"(?: (?:[Vv]illages?|[Vv]illage [Tt]racts?|towns?|townships?)\b"
                     # "Mongngaw, located 49 kilometers from Kyaukme"
                     r"|(?=,? (?:located|situated) ))")

#: "a base in Nonebu in Paletwa": an unknown name a known place contains
_INSIDE_NAMED = re.compile(rf"\bin ({_NAME}) in (?:the )?[A-Z]")


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
    for m in [*_MARKED.finditer(sentence.text), *_INSIDE_NAMED.finditer(sentence.text)]:
        for part in re.finditer(r"[A-Z][\w'’]*(?: [A-Z][\w'’]*)*", m.group(1)):
            start = sentence.start + m.start(1) + part.start()
            name = re.split(r"[’']s ", part.group(0))[-1]  # "Chin State’s Paletwa"
            start += len(part.group(0)) - len(name)
            name = re.sub(r" (?:Village|Village Tract|Township|Town)$", "", name)
            if any(s <= start < e for s, e in taken) or is_common_word(name.split()[0]) \
                    or any(at == start for _, at in out):
                continue
            span = Span(start, start + len(name), name)
            out.append((Place(mention=name, name=name, spans=[span],
                              why="marked as a place by its noun; in no gazetteer"), start))
    return out


def is_anchor(full_text: str, start: int) -> bool:
    """The place at ``start`` is a distance's reference ("189 km north of X")."""
    return bool(_ANCHOR_BEFORE.search(full_text[max(0, start - 40):start]))


def locations(sentence: Sentence, full_text: str, places: list[Place],
              actors: list[ActorMention], dates: list[DateInterval],
              nearby: Nearby | None = None) -> list[Where]:
    """The event places of a sentence; anchors ("5 km from X") become ``near``
    (``nearby``: the sentence's own spans, so that a long article stays linear)."""
    mentioned = _mentions(sentence, places, actors, nearby)
    mentioned = sorted(mentioned + _marked_names(sentence, mentioned, actors, dates, nearby),
                       key=lambda item: item[1])
    anchors = [p for p, start in mentioned
               if _ANCHOR_BEFORE.search(full_text[max(sentence.start, start - 40):start])]
    anchor_names = [a.name for a in anchors]
    targets = [(p, s) for p, s in mentioned if p not in anchors]
    specific = [(p, s) for p, s in targets if (p.kind or "") not in _BROAD_KINDS]
    # ACLED codes no event known only at country level; sitrep none known only by region
    chosen = specific or [(p, s) for p, s in targets if p.kind not in REGION_ONLY]
    if not chosen and not anchors:
        chosen = _fallback(sentence, actors, dates)
    chosen = [(p, s) for p, s in chosen if not _speakers_place(p, s, sentence)
              and not _government(p, s, sentence)
              and not _destination(s, sentence) and not _container(p, s, chosen, full_text)]
    out: list[Where] = []
    last_end = -1
    for place, start in chosen:
        near = bool(_NEAR_BEFORE.search(full_text[max(sentence.start, start - 30):start]))
        precision = 2 if near or anchors or place.geo_precision == 2 else place.geo_precision
        if (place.kind or "") in _BROAD_KINDS:
            precision = 3
        if near and out and _LANDMARK_GAP.match(full_text[last_end:start]):
            # "in X village tract near the Goteik viaduct": the viaduct only locates X
            out[-1].near = list(dict.fromkeys([*out[-1].near, place.name]))
            continue
        out.append(Where(place, anchor_names or list(place.near), precision or 1))
        last_end = _end_at(place, start)
    if not out and anchors:
        out = [Where(a, [], 2) for a in anchors[:1]]
    return out


#: "X village tract near the famous Y": a landmark written right after the place it locates
_LANDMARK_GAP = re.compile(r"^(?:\s+[a-z]+){0,3}\s+near\s+(?:the\s+)?(?:[a-z]+\s+)?$")
#: "..., a Kyaukme Township resident said." closing the sentence
#: "fled to X", "sought refuge with relatives in X": where the displaced went, no event place
_DESTINATION_BEFORE = re.compile(
    r"(?:\b(?:fled|flee|flees|fleeing|evacuated|relocated|moved|moving)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:to|into|towards?)|\b(?:refuge|shelter|sheltered|sheltering))\s+(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"^(?:\s+(?:Township|town|city|village))?\s+(?:residents?|locals?)\s+"
                            r"(?:said|says|told)\b(?:\s+[\w’'-]+){0,4}\W*$", re.IGNORECASE)
#: "Pinti village in Naung Pain village tract", "the viaduct in Kyaukme Township"
_CONTAINED_GAP = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2},?\s*in\s+(?:the\s+)?"
                            r"(?:[A-Z][\w-]*\s+){0,3}?(?:[A-Z][\w-]*[’']s\s+)?$")
_LARGER_AFTER = re.compile(r"^\s+(?:village tracts?|townships?|districts?|states?|regions?|"
                           r"provinces?)\b", re.IGNORECASE)


def _end_at(place: Place, start: int) -> int:
    """Where the mention of ``place`` that starts at ``start`` ends."""
    return next((s.end for s in spans_starting_in(place, start, start + 1)),
                start + len(place.mention))


#: a capital as the doer or the one who gains: "Moscow was intensifying", "gains for Moscow"
_AGENT_AFTER = re.compile(r"^\s+(?:(?:has|had|have)\s+)?(?:said|says|claimed|claims|denied|denies|"
                          r"warned|blocked|accused|vowed|launched|ordered|demanded|"
                          r"(?:is|was|were|are)\s+\w+ing)\b")
_BENEFICIARY_BEFORE = re.compile(r"\b(?:for|with)\s+$")


def _government(place: Place, start: int, sentence: Sentence) -> bool:
    """A capital standing for its government is no event place."""
    if place.mention not in cues().capitals and place.name not in cues().capitals:
        return False
    offset, end = start - sentence.start, _end_at(place, start) - sentence.start
    return bool(_AGENT_AFTER.match(sentence.text[end:])) or bool(
        _BENEFICIARY_BEFORE.search(sentence.text[max(0, offset - 6):offset]))


def _destination(start: int, sentence: Sentence) -> bool:
    """"Hundreds fled to X": X is where people went, not where anything happened."""
    offset = start - sentence.start
    return bool(_DESTINATION_BEFORE.search(sentence.text[max(0, offset - 70):offset]))


def _speakers_place(place: Place, start: int, sentence: Sentence) -> bool:
    """"..., a Kyaukme Township resident said.": where the speaker lives, not the event."""
    end = _end_at(place, start) - sentence.start
    return bool(_SPEAKER_AFTER.match(sentence.text[end:]))


def _container(place: Place, start: int, chosen: list[tuple[Place, int]], full_text: str
               ) -> bool:
    """A larger unit written right after a smaller place ("X village in Y Township")
    only says where the smaller place lies."""
    end = _end_at(place, start)
    larger = place.kind in ("township", "village tract") or _LARGER_AFTER.match(
        full_text[end:end + 20])
    before = [_end_at(p, s) for p, s in chosen if s < start]
    gap = full_text[max(before):start] if before else ""
    # "a base in Nonebu in Paletwa": the second of two bare names holds the first
    return bool(before) and ((bool(larger) and bool(_CONTAINED_GAP.match(gap)))
                             or gap == " in ")


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
    return frozenset(w for words in actor_lexicon().countries.values() for w in words)


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
                and name not in _country_words():
            span = Span(start, start + len(name), name)
            found.append((Place(mention=name, name=name, why="unresolved name in event sentence",
                                spans=[span]), start))
    return found[:3]


_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or|the|of|control|towns?|of the)\b[\s,]*)*$",
                       re.IGNORECASE)


def _start_in(where: Where, sentence: Sentence) -> int:
    return min((s.start for s in spans_starting_in(where.place, sentence.start, sentence.end)),
               default=sentence.start)


def nearest_to_trigger(wheres: list[Where], trigger_at: int, sentence: Sentence,
                       full_text: str) -> list[Where]:
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
        if len(gap) > 45 or (governed and not _LIST_GAP.match(gap)):
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
            shares[i] = [min(wheres, key=lambda w: abs(_start_in(w, sentence) - triggers[i]))]
    return shares


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


def listed_after(trigger_end: int, sentence: Sentence, wheres: list[Where],
                 actors: list[ActorMention]) -> list[Where]:
    """The list of names a capture verb governs ("seized five towns — A, B, C and D"),
    each a known place when the places stage found it, else an unresolved name."""
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
        apposition = following and following.group(1) not in _LIST_STOP and not item.group(2)
        is_actor = any(a.span.start <= start < a.span.end for a in actors)
        if is_actor or apposition or name.endswith(("’s", "'s")):
            break
        where = known.get(start)
        if where is None and name.split()[0] not in ("The", "A", "An", "In", "On", "Operation"):
            span = Span(start, start + len(name), name)
            where = Where(Place(mention=name, name=name, why="named in a list a capture governs",
                                spans=[span]), [], 1)
        if where is not None:
            out.append(where)
        if not item.group(2):
            break
        offset = item.end()
    return out
