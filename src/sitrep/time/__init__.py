"""Time stage: time expressions resolved against the publication date.

``find_dates`` gives every expression in a text with its span and interval;
``resolve`` does one expression; ``acled_event_date`` and ``recent_window``
apply ACLED's conventions; ``publication_date_from_text`` reads a dateline.
The rules are documented in ``sitrep.time.resolve``; the words live in
``sitrep/time/data/*.yaml``.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from sitrep.model import DateInterval, Span
from sitrep.text import AnalysedText
from sitrep.time.acled import acled_event_date, recent_window
from sitrep.time.expressions import Found, find_all, leading_word
from sitrep.time.joins import join_ranges
from sitrep.time.periods import Period
from sitrep.time.published import publication_date_from_text
from sitrep.time.resolve import LIST_RULES, RESOLVERS, Anchor, list_items, since

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
    """One expression (e.g. a gold ``date_text``): the longest time expression in it;
    a list of days ("August 1, 3, and 4") gives the stretch it covers."""
    found = find_in_string(expression, published, published_precision, split_lists=False)
    if not found:
        return None
    best = max(found, key=lambda d: (d.span.end - d.span.start) if d.span else 0)
    return DateInterval(best.start, best.end, expression, best.precision, best.span)


def find_in_string(
    text: str,
    published: date | None,
    published_precision: str | None = None,
    *,
    split_lists: bool = True,
) -> list[DateInterval]:
    """``find_dates`` on a plain string (offsets are into ``text``); a list of days
    ("On August 2, 9, and 14") gives one interval per day unless ``split_lists`` is off
    or the list modifies a noun ("the August 1, 3, and 4 airstrikes": one stretch), and
    "from late June to mid-July" one interval."""
    anchor = Anchor(published, published_precision or "day")
    intervals: list[DateInterval] = []
    for found, period in _longest_first(_resolved(text, anchor)):
        if split_lists and found.rule in LIST_RULES and not _names_one_series(text, found):
            intervals.extend(_list_intervals(text, found, period, anchor))
        else:
            intervals.append(_interval(text, found, period, anchor))
    return join_ranges(text, intervals)


#: "the August 1, 3, and 4 airstrikes": a list between "the" and a noun modifies the noun
_DETERMINER_BEFORE = re.compile(r"\b(?i:the)[^\S\n]+$")
_NOUN_AFTER = re.compile(r"[^\S\n]+[a-z]")


def _names_one_series(text: str, found: Found) -> bool:
    """A list of days used as a modifier names one series of events ("the August 1, 3,
    and 4 airstrikes on X, Y and Z"): its stretch, not a day each, dates them."""
    before = _DETERMINER_BEFORE.search(text, max(0, found.start - 8), found.start)
    return before is not None and _NOUN_AFTER.match(text, found.end) is not None


def _resolved(text: str, anchor: Anchor) -> list[tuple[Found, Period]]:
    pairs = []
    for found in find_all(text):
        try:
            period = RESOLVERS[found.rule](found.match, anchor)
        except (OverflowError, ValueError):  # counted past year 1 or 9999 from an absurd anchor
            continue
        if period is not None:
            pairs.append((found, period))
    return pairs


def _longest_first(pairs: list[tuple[Found, Period]]) -> list[tuple[Found, Period]]:
    """Non-overlapping matches, longer ones winning; rule order breaks ties."""
    order = {name: i for i, name in enumerate(RESOLVERS)}
    ranked = sorted(pairs, key=lambda p: (p[0].start - p[0].end, order[p[0].rule], p[0].start))
    starts: list[int] = []  # the taken spans, sorted; they never overlap
    ends: list[int] = []
    taken: list[tuple[Found, Period]] = []
    for found, period in ranked:
        at = bisect.bisect_right(starts, found.start)
        clear_left = at == 0 or ends[at - 1] <= found.start
        clear_right = at == len(starts) or found.end <= starts[at]
        if clear_left and clear_right:
            starts.insert(at, found.start)
            ends.insert(at, found.end)
            taken.append((found, period))
    return sorted(taken, key=lambda p: p[0].start)


def _interval(text: str, found: Found, period: Period, anchor: Anchor) -> DateInterval:
    start, is_since = leading_word(text, found.start)
    if is_since:
        period = since(period, anchor)
    span = Span(start, found.end, text[start:found.end])
    return DateInterval(period.start, period.end, span.text, period.precision, span)


def _list_intervals(
    text: str, found: Found, period: Period, anchor: Anchor
) -> list[DateInterval]:
    """One interval per listed day; the first span also takes the month and preposition."""
    intervals = []
    items = list_items(found.match, period)
    for i, (start, end, day) in enumerate(items):
        if found.rule == "dm_list" and i == len(items) - 1:
            end = found.end  # "2, 9 and 14 August": the month belongs to the last day
        if i == 0:
            start, is_since = leading_word(text, min(start, found.start))
            day = since(day, anchor) if is_since else day
        span = Span(start, end, text[start:end])
        intervals.append(DateInterval(day.start, day.end, span.text, day.precision, span))
    return intervals
