"""Control: who holds which place, from captures, handovers, demands and statements of holding.

A demand or a rumoured handover is recorded with its status and how
("demanded"), but fusion never lets it change the holder.
"""

from __future__ import annotations

import re
from collections import Counter

from sitrep.events.locating import by_sentence, sentence_places
from sitrep.model import (
    ActorMention,
    ControlChange,
    DateInterval,
    Document,
    Event,
    Place,
    Sentence,
    Span,
)
from sitrep.text import AnalysedText
from sitrep.time import resolve

_HOLDS = re.compile(
    r"(?:administrations? (?:are|is) still running in|(?:remains?|is|are) (?:still )?under "
    r"(?:the )?control of|still (?:controls?|holds?)|(?:remain|remains) in control of)",
    re.IGNORECASE)
#: "TNLA-controlled towns of X and Y", "X, under the control of the TNLA", "held by the TNLA"
_HELD_BY = re.compile(r"(?:-controlled|-held|-administered)\b|\bunder (?:the )?(?:control|"
                      r"administration|rule) of\b|\b(?:controlled|held|administered) by\b|"
                      r"\bunder (?:its|their) control\b|"
                      # "X remains under TNLA control", "X is now under AA rule"
                      r"\bunder (?:the )?(?:full |firm |complete )?(?-i:[A-Z][\w'’-]*)"
                      r"(?:[ -](?-i:[A-Z][\w'’-]*)){0,4} (?:control|rule)\b", re.IGNORECASE)
#: "rebel-held Lashio": the article's main non-state group holds it
_GENERIC_HOLDER = re.compile(r"\b(?:rebel|resistance|insurgent|opposition)$", re.IGNORECASE)
_NON_STATE = frozenset({"Rebel group", "Political militia", "Identity militia"})
_DEMAND = re.compile(r"\bdemand(?:ed|s|ing)? (?:the )?(?:return|handover|withdrawal) of\b",
                     re.IGNORECASE)


def from_territorial(territorial: list[tuple[Event, str]]) -> list[ControlChange]:
    """A control change for every territorial event (capture, recapture, handover)."""
    changes = []
    for event, how in territorial:
        if event.location is None or event.actor1 is None or not is_known_place(event.location):
            continue
        # a handover goes from its subject (actor1) to the other side
        given = how in ("handed over", "ceded (claimed)", "withdrew")
        taker, loser = (event.actor2, event.actor1) if given else (event.actor1, event.actor2)
        if taker is None:
            continue
        changes.append(ControlChange(
            place=event.location.name, to_actor=taker, how=how,
            from_actor=loser, admin1=event.location.admin1, date=event.date,
            status=event.status, evidence=list(event.evidence)))
    return changes


#: why a place no gazetteer holds may still change hands: the text marks it as a place
_MARKED_WHY = ("marked as a place",)


def is_known_place(place: Place) -> bool:
    """A place a gazetteer knows (it has coordinates) or the text marks as one ("X village",
    "the village of X"); a bare capitalised word after a capture verb is not enough to
    record who holds it."""
    return place.lat is not None or (place.kind is not None and place.why is None) or \
        (place.why or "").startswith(_MARKED_WHY)


def holding_and_demands(text: AnalysedText, doc: Document, places: list[Place],
                        actors: list[ActorMention], dates: list[DateInterval]
                        ) -> list[ControlChange]:
    """Statements of holding ("still running in X") and demands for places."""
    changes: list[ControlChange] = []
    rebel = _main_rebel(actors)
    nearby = by_sentence(text.sentences, places, actors, dates)
    for sentence in text.sentences:
        near = nearby[sentence.index]
        in_sentence = [p for p, _ in sentence_places(sentence, near.places, near.actors,
                                                     near.dates, near)]
        speakers = [a for a in near.actors if sentence.start <= a.span.start < sentence.end]
        evidence = [Span(sentence.start, sentence.end, sentence.text)]
        when = _sentence_date(sentence.start, sentence.end, near.dates, doc)
        today = resolve("today", doc.published, doc.published_precision) if doc.published \
            else None
        for holder, place in _holdings(sentence, in_sentence, speakers, rebel):
            if any(c.how == "holds" and (c.place, c.to_actor) == (place.name, holder)
                   for c in changes):
                continue  # one statement of holding per place and holder suffices
            changes.append(ControlChange(place.name, holder, "holds", admin1=place.admin1,
                                         date=today, status="reported", evidence=evidence))
        demand = _DEMAND.search(sentence.text)
        if demand and speakers:
            demander = next((a for a in speakers if a.span.start < sentence.start
                             + demand.start()), speakers[0])
            for place in in_sentence:
                if _first_span(place, sentence.start) > sentence.start + demand.start() and \
                        (place.kind or "town") not in ("country", "region"):
                    changes.append(ControlChange(place.name, demander.canonical, "demanded",
                                                 admin1=place.admin1, date=when,
                                                 status="reported", evidence=evidence))
    return changes


def _main_rebel(actors: list[ActorMention]) -> ActorMention | None:
    """The non-state armed group the article names most ("rebel-held Lashio" is its)."""
    named = Counter(a.canonical for a in actors if a.actor_type in _NON_STATE)
    if not named:
        return None
    top = named.most_common(1)[0][0]
    return next(a for a in actors if a.canonical == top)


def _holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention],
              rebel: ActorMention | None = None) -> list[tuple[str, Place]]:
    """(holder, place) pairs a sentence states as current control.

    "TNLA-controlled towns of X" and "still running in X" point forward to the places;
    "X, under the control of the TNLA" and "X, held by the TNLA" point back."""
    armed = [a for a in actors if a.actor_type not in ("Civilians", None)]
    found: dict[tuple[str, str], tuple[str, Place]] = {}
    cues = [(m, True) for m in _HOLDS.finditer(sentence.text)]
    cues += [(m, m.group(0).startswith("-")) for m in _HELD_BY.finditer(sentence.text)]
    for cue, forward in cues:
        at = sentence.start + cue.start()
        if cue.group(0).startswith("-"):  # the holder is written right before: "TNLA-held"
            holder = next((a for a in armed if _written_before(a, at, sentence)), None)
            if holder is None and _GENERIC_HOLDER.search(sentence.text[:cue.start()]):
                holder = rebel and ActorMention(rebel.canonical, rebel.surface,
                                                rebel.actor_type, Span(at, at, ""))
        elif re.search(r"\b(?:its|their)\b", cue.group(0), re.IGNORECASE):
            # "X ... under its control": the clause's subject, the first armed actor before
            holder = next((a for a in armed if a.span.start < at), None)
        else:
            holder = min(armed, key=lambda a: abs(a.span.start - at), default=None)
        if holder is None or abs(holder.span.start - at) > 60:
            continue
        held = [p for p in places if (p.kind or "town") not in ("country", "region", "road")]
        for place in _forward_list(held, at, sentence) if forward else [
                p for p in held if any(-45 <= sp.start - at < 0 for sp in p.spans)]:
            found[(holder.canonical, place.name)] = (holder.canonical, place)
    return list(found.values())


#: a list's joint, maybe behind another name in brackets ("Hsipaw (Thibaw), Nawnghkio")
_LIST_JOIN = re.compile(r"^(?:\s*\([^()]{1,40}\))?"
                        # an item no gazetteer holds does not end the list: "A, Unknown, B"
                        r"(?:\s*,\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?:\s*\([^()]{1,40}\))?){0,3}"
                        r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)$")


def _forward_list(places: list[Place], at: int, sentence: Sentence) -> list[Place]:
    """"TNLA-controlled towns of Kyaukme and Hsipaw, as well as on Nawnghkio": the list the
    cue opens (within 70 characters), up to the first word that is no list joint."""
    ordered = sorted(((_first_span(p, sentence.start), p) for p in places),
                     key=lambda item: item[0])
    out: list[Place] = []
    end = at
    for start, place in ordered:
        if start < at:
            continue
        gap = sentence.text[end - sentence.start:start - sentence.start]
        if (not out and start - at > 70) or (out and not _LIST_JOIN.match(gap)):
            break
        out.append(place)
        end = next(s.end for s in place.spans if s.start == start)
    return out


def _written_before(actor: ActorMention, at: int, sentence: Sentence) -> bool:
    """"TNLA-held", "Ta'ang National Liberation Army (TNLA)-controlled": the actor ends at
    the hyphen, maybe behind its acronym in brackets."""
    between = sentence.text[actor.span.end - sentence.start:at - sentence.start]
    return actor.span.end <= at and bool(re.fullmatch(r"(?:\s*\(\w+\))?\)?", between))


def _first_span(place: Place, after: int) -> int:
    return min((s.start for s in place.spans if s.start >= after), default=-1)


def _sentence_date(start: int, end: int, dates: list[DateInterval], doc: Document
                   ) -> DateInterval | None:
    inside = [d for d in dates if d.span and start <= d.span.start < end]
    if inside:
        return inside[0]
    if doc.published:
        return resolve("today", doc.published, doc.published_precision)
    return None
