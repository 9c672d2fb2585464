"""Calendar arithmetic on plain dates: months, weeks, parts, and ACLED precision.

Nothing here reads the machine's clock or time zone: every computation starts
from a date the caller passes (normally the publication date).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.time.lexicon import END_OF_MONTH, Part

#: ACLED time_precision codes
DAY, WEEK, MONTH = 1, 2, 3
#: longest interval (days) still coded as "a week or a few days"; the gold codes
#: "the past two weeks" (15 days) with precision 2
WEEK_PRECISION_MAX_DAYS = 15


@dataclass(frozen=True)
class Period:
    """A resolved interval; start and end are None when it cannot be placed."""

    start: date | None
    end: date | None
    precision: int

    @classmethod
    def unknown(cls, precision: int) -> Period:
        return cls(None, None, precision)

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, DAY)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def whole_month(year: int, month: int) -> Period:
    return Period(date(year, month, 1), month_end(year, month), MONTH)


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), MONTH)


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) moved by a number of months, across year boundaries."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def part_of_month(year: int, month: int, part: Part) -> Period:
    """ACLED parts: early 1-10, mid 11-20, late 21 to the month's last day."""
    last = month_end(year, month).day if part.last_day == END_OF_MONTH else part.last_day
    return Period(date(year, month, part.first_day), date(year, month, last), MONTH)


def part_of_year(year: int, part: Part) -> Period:
    return Period(
        date(year, part.first_month, 1), month_end(year, part.last_month), MONTH
    )


def week_of(day: date, by: int = 0) -> Period:
    """The Monday-to-Sunday week containing ``day``, moved by ``by`` weeks."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=by)
    return Period(monday, monday + timedelta(days=6), WEEK)


def weekend_before(day: date, by: int = 0) -> Period:
    """The most recent Saturday-Sunday starting on or before ``day``, moved by weeks."""
    saturday = day - timedelta(days=(day.weekday() - 5) % 7) + timedelta(weeks=by)
    return Period(saturday, saturday + timedelta(days=1), WEEK)


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The most recent given weekday up to and including ``day``."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_after(day: date, weekday: int) -> date:
    """The first given weekday strictly after ``day``."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def precision_for(start: date, end: date) -> int:
    """ACLED precision of a span: one day 1, up to about two weeks 2, longer 3."""
    days = (end - start).days + 1
    if days <= 1:
        return DAY
    return WEEK if days <= WEEK_PRECISION_MAX_DAYS else MONTH


def span_period(start: date, end: date) -> Period:
    """A period between two dates with the precision its length deserves."""
    if end < start:
        start, end = end, start
    return Period(start, end, precision_for(start, end))
