"""Control: who holds which place, from captures, handovers, demands and statements of holding.

A demand or a rumoured handover is recorded with its status and how
("demanded"), but fusion never lets it change the holder.
"""

from __future__ import annotations

import re

from sitrep.events.locating import sentence_places
from sitrep.model import ActorMention, ControlChange, DateInterval, Document, Event, Place, Span
from sitrep.text import AnalysedText
from sitrep.time import resolve

_HOLDS = re.compile(
    r"(?:administrations? (?:are|is) still running in|(?:remains?|is|are) (?:still )?under "
    r"(?:the )?control of|still (?:controls?|holds?)|(?:remain|remains) in control of)",
    re.IGNORECASE)
_HELD_BY = re.compile(r"\b([A-Z][\w'-]+)-(?:controlled|held)\b")
_DEMAND = re.compile(r"\bdemand(?:ed|s|ing)? (?:the )?(?:return|handover|withdrawal) of\b",
                     re.IGNORECASE)


def from_territorial(territorial: list[tuple[Event, str]]) -> list[ControlChange]:
    """A control change for every territorial event (capture, recapture, handover)."""
    changes = []
    for event, how in territorial:
        if event.location is None or event.actor1 is None:
            continue
        changes.append(ControlChange(
            place=event.location.name, to_actor=event.actor1, how=how,
            from_actor=event.actor2, admin1=event.location.admin1, date=event.date,
            status=event.status, evidence=list(event.evidence)))
    return changes


def holding_and_demands(text: AnalysedText, doc: Document, places: list[Place],
                        actors: list[ActorMention], dates: list[DateInterval]
                        ) -> list[ControlChange]:
    """Statements of holding ("still running in X") and demands for places."""
    changes: list[ControlChange] = []
    for sentence in text.sentences:
        in_sentence = [p for p, _ in sentence_places(sentence, places, actors, dates)]
        speakers = [a for a in actors if sentence.start <= a.span.start < sentence.end]
        evidence = [Span(sentence.start, sentence.end, sentence.text)]
        when = _sentence_date(sentence.start, sentence.end, dates, doc)
        hold = _HOLDS.search(sentence.text)
        if hold and speakers:
            after = [p for p in in_sentence if _first_span(p, sentence.start) >= sentence.start
                     + hold.start()]
            for place in after[:1]:
                changes.append(ControlChange(place.name, speakers[0].canonical, "holds",
                                             admin1=place.admin1, date=when,
                                             status="reported", evidence=evidence))
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
