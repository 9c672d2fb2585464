"""Time stage: time expressions resolved against the publication date.

``find_dates`` gives every expression in a text with its span and interval;
``resolve`` does one expression; ``acled_event_date`` and ``recent_window``
apply ACLED's conventions; ``publication_date_from_text`` reads a dateline.
The rules are documented in ``sitrep.time.resolve``; the words live in
``sitrep/time/data/*.yaml``.
"""

from __future__ import annotations

from datetime import date

from sitrep.model import DateInterval, Span
from sitrep.text import AnalysedText
from sitrep.time.acled import acled_event_date, recent_window
from sitrep.time.expressions import Found, find_all, leading_word
from sitrep.time.periods import Period
from sitrep.time.published import publication_date_from_text
from sitrep.time.resolve import RESOLVERS, Anchor, since

__all__ = [
    "acled_event_date",
    "find_dates",
    "find_in_string",
    "publication_date_from_text",
    "recent_window",
    "resolve",
]


def find_dates(
    text: AnalysedText, published: date | None, published_precision: str | None = None
) -> list[DateInterval]:
    """Every time expression in the text, resolved to an interval with a span."""
    return find_in_string(text.text, published, published_precision)


def resolve(
    expression: str, published: date | None, published_precision: str | None = None
) -> DateInterval | None:
    """One expression (e.g. a gold ``date_text``): the longest time expression in it."""
    found = find_in_string(expression, published, published_precision)
    if not found:
        return None
    best = max(found, key=lambda d: (d.span.end - d.span.start) if d.span else 0)
    return DateInterval(best.start, best.end, expression, best.precision, best.span)


def find_in_string(
    text: str, published: date | None, published_precision: str | None = None
) -> list[DateInterval]:
    """``find_dates`` on a plain string (offsets are into ``text``)."""
    anchor = Anchor(published, published_precision or "day")
    chosen = _longest_first(_resolved(text, anchor))
    return [_interval(text, found, period, anchor) for found, period in chosen]


def _resolved(text: str, anchor: Anchor) -> list[tuple[Found, Period]]:
    pairs = []
    for found in find_all(text):
        period = RESOLVERS[found.rule](found.match, anchor)
        if period is not None:
            pairs.append((found, period))
    return pairs


def _longest_first(pairs: list[tuple[Found, Period]]) -> list[tuple[Found, Period]]:
    """Non-overlapping matches, longer ones winning; rule order breaks ties."""
    order = {name: i for i, name in enumerate(RESOLVERS)}
    ranked = sorted(pairs, key=lambda p: (p[0].start - p[0].end, order[p[0].rule], p[0].start))
    taken: list[tuple[Found, Period]] = []
    for found, period in ranked:
        if all(found.end <= t.start or found.start >= t.end for t, _ in taken):
            taken.append((found, period))
    return sorted(taken, key=lambda p: p[0].start)


def _interval(text: str, found: Found, period: Period, anchor: Anchor) -> DateInterval:
    start, is_since = leading_word(text, found.start)
    if is_since:
        period = since(period, anchor)
    span = Span(start, found.end, text[start:found.end])
    return DateInterval(period.start, period.end, span.text, period.precision, span)
