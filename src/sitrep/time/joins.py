"""Ranges written as two expressions: "from late June to mid-July".

The finder sees two expressions; when an opening word ("from", "between") stands
before the first and a joining word ("to", "and", a dash) between them, they are
one interval from the first's start to the second's end.
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.model import DateInterval, Span
from sitrep.time.lexicon import lexicon
from sitrep.time.periods import precision_for

_DASHES = ("-", "–", "—")


@cache
def _openers() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().range_words)
    return re.compile(rf"\b(?P<opener>(?i:{words}))[^\S\n]+$")


def join_ranges(text: str, intervals: list[DateInterval]) -> list[DateInterval]:
    """The intervals with each "from X to Y" pair replaced by one interval."""
    joined: list[DateInterval] = []
    i = 0
    while i < len(intervals):
        pair = _joined(text, intervals[i], intervals[i + 1]) if i + 1 < len(intervals) else None
        joined.append(pair or intervals[i])
        i += 2 if pair else 1
    return joined


def _joined(text: str, first: DateInterval, second: DateInterval) -> DateInterval | None:
    if first.span is None or second.span is None:
        return None
    opened = _openers().search(text, max(0, first.span.start - 12), first.span.start)
    if opened is None:
        return None
    joiners = lexicon().range_words[opened["opener"].lower()]
    if not _joins(text[first.span.end : second.span.start], second.text, joiners):
        return None
    span = Span(opened.start(), second.span.end, text[opened.start() : second.span.end])
    return _covering(first, second, span)


def _joins(gap: str, second_text: str, joiners: list[str]) -> bool:
    """ " to ", " and ", "–"; or only a space when the second span took the word ("until")."""
    word = gap.strip().lower()
    if "\n" in gap:
        return False
    if word in joiners or word in _DASHES:
        return True
    return not word and second_text.split(maxsplit=1)[0].lower() in joiners


def _covering(first: DateInterval, second: DateInterval, span: Span) -> DateInterval | None:
    start, end = first.start, second.end
    if start is None or end is None:
        coarser = max(first.precision or 0, second.precision or 0) or None
        return DateInterval(None, None, span.text, coarser, span)
    if end < start:
        return None
    return DateInterval(start, end, span.text, precision_for(start, end), span)
