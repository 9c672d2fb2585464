"""ACLED conventions: the single event_date of an interval, and "recent" reports.

See ../shared/ACLED.md section 6: precision 2 takes the middle of the period,
precision 3 the middle of the month, or its first/last day for "early"/"late".
"""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.model import DateInterval
from sitrep.time.periods import DAY, MONTH, WEEK, month_end

#: days covered by a present-tense report ("fighting is taking place"), counting
#: the publication day: the gold codes such events as the 7 days up to publication
RECENT_DAYS = 7
#: ACLED's "middle of the month"
MID_MONTH_DAY = 15


def acled_event_date(interval: DateInterval) -> date | None:
    """ACLED's event_date: the day itself, a period's middle, or a month part's edge."""
    start, end = interval.start, interval.end
    if start is None or end is None:
        return start or end
    if interval.precision == MONTH and _single_month(start, end):
        return _month_part_date(start, end)
    if interval.precision == DAY:
        return start
    return start + timedelta(days=(end - start).days // 2)


def _single_month(start: date, end: date) -> bool:
    return (start.year, start.month) == (end.year, end.month)


def _month_part_date(start: date, end: date) -> date:
    """Early (from the 1st, ending by the 10th) -> first day; late (to the month's end,
    from the 21st) -> last day; anything else in one month -> the 15th."""
    last = month_end(start.year, start.month)
    if start.day == 1 and end.day <= 10:
        return start
    if end == last and start.day >= 21:
        return end
    return date(start.year, start.month, MID_MONTH_DAY)


def recent_window(
    published: date | None, text: str = "", published_precision: str | None = "day"
) -> DateInterval:
    """The interval of a present-tense or undated-but-recent report.

    Seven days up to publication, precision 2; with a month-only publication the
    month, precision 3; with none, unresolved (precision 2, text kept)."""
    if published is None:
        return DateInterval(None, None, text, WEEK)
    if published_precision == "month":
        first = published.replace(day=1)
        return DateInterval(first, month_end(first.year, first.month), text, MONTH)
    start = published - timedelta(days=RECENT_DAYS - 1)
    return DateInterval(start, published, text, WEEK)
