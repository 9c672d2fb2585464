"""Which time expression dates an event, and whether the event is past context."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.model import DateInterval, Document, Sentence
from sitrep.time import recent_window

#: present or present-perfect reporting: the event is current (the week before publication)
_ONGOING = re.compile(r"\b(?:is|are|has been|have been|remains?|continu\w+|ongoing|still|"
                      r"now|currently|have|has)\b", re.IGNORECASE)
BACKGROUND_AFTER = timedelta(days=31)
#: a date expression further than this from the trigger belongs to another clause
DATE_REACH = 90


_NOMINAL = re.compile(r"^\w+ (?:of|by)\b")
#: "has seized", "have also captured": done by now, when is not said
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+|already\s+)*$",
                      re.IGNORECASE)
#: "now focusing", "continues to fight": true on the day of publication
_TODAY = re.compile(r"\b(?:now|continues? to|continuing to)\b", re.IGNORECASE)


def date_for(sentence: Sentence, trigger_at: int, dates: list[DateInterval],
             previous: DateInterval | None, doc: Document, territorial: bool = False
             ) -> DateInterval | None:
    """The sentence's date expression nearest the trigger; else ongoing; else the last one.

    A noun ("the recapture of X") with no date of its own names an event told
    elsewhere: it happened some time before publication, no more is known."""
    inside = [d for d in dates if d.span and sentence.start <= d.span.start < sentence.end
              and abs(d.span.start - trigger_at) <= DATE_REACH]
    if inside:
        return min(inside, key=lambda d: abs(d.span.start - trigger_at) if d.span else 0)
    offset = trigger_at - sentence.start
    nominal = _NOMINAL.match(sentence.text[offset:])
    if nominal and doc.published:
        return DateInterval(None, doc.published, nominal.group(0), None)
    perfect = _PERFECT.search(sentence.text[max(0, offset - 30):offset])
    if territorial and perfect and doc.published:
        return DateInterval(None, doc.published, perfect.group(0).strip(), None)
    today = _TODAY.search(sentence.text[max(0, offset - 30):offset + 30])
    if today and doc.published:
        return DateInterval(doc.published, doc.published, today.group(0), 1)
    if doc.published and _ONGOING.search(sentence.text):
        return recent_window(doc.published)
    if previous is not None:
        return previous
    return recent_window(doc.published) if doc.published else None


def is_background(interval: DateInterval | None, published: date | None) -> bool:
    """Mentioned as past context: it ended well before publication."""
    if interval is None or interval.end is None or published is None:
        return False
    return interval.end < published - BACKGROUND_AFTER
