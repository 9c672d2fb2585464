"""Relative reasoning: each found expression placed on the calendar.

The rules, all measured from the publication date (the *anchor*):

* weekday names: the most recent such day up to and including publication, so
  "on Thursday" in a Thursday article is the publication day itself (news style
  says "last Thursday" for a week earlier); "last Thursday" is strictly before;
  "Wednesday last week" is the Wednesday of the previous Monday-Sunday week;
* a month without a year ("in April", "late April") is the most recent one that
  starts on or before publication; "last April" the most recent one before the
  publication month;
* a day without a year ("on July 24") is the one nearest to publication, past or
  future (a dated plan, "the election on December 28", is common in news);
* "this week", "recently", "in recent days", "the past few days" are the 7 days up
  to publication; "this month/year" and "earlier this month" run from the period's
  first day to publication; "last week" is the previous Monday-Sunday; "next
  week", "later this month" lie after publication (plans);
* "the past N days/weeks/month(s)" are N times 1, 7 or 30 days up to publication,
  the publication day included; "in recent weeks" the 30 days up to it (GOLD.md);
* a season ("in the summer", "last winter", "the spring of 2024") is its months
  (northern hemisphere; a winter runs into the next year), the current one up to
  publication; it counts only after a preposition, "last"/"this" or before a year;
* "since X" (and "since the army attacked in X", a clause with a verb) runs from
  the start of X to publication, at X's precision or coarser; without a
  publication date it stays X;
* "a week ago" is the week around that day, "a month ago" that calendar month;
* precision: a day 1; a part of a month ("early", "mid", "late") 3; a computed
  span by its length: up to 15 days 2 (the gold codes "the past two weeks" so),
  longer 3;
* with a month-only publication date, day-level words (weekdays, "yesterday",
  "this week") cannot be placed and stay unresolved; month-level ones resolve;
* with no publication date only expressions that carry their year resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.time.lexicon import lexicon
from sitrep.time.periods import (
    DAY,
    MONTH,
    WEEK,
    WEEK_PRECISION_MAX_DAYS,
    Period,
    month_end,
    part_of_month,
    part_of_year,
    precision_for,
    shift_month,
    span_period,
    week_of,
    weekday_after,
    weekday_on_or_before,
    weekend_before,
    whole_month,
    whole_year,
)

#: rules whose match is a list of days ("August 2, 9, and 14")
LIST_RULES = frozenset({"md_list", "dm_list"})
HOURS_PER_DAY = 24
#: how far after publication a day written without a year may lie: half a year,
#: so the nearest candidate wins
FUTURE_DAYS = 182


@dataclass(frozen=True)
class Anchor:
    """The publication date and how precisely it is known ("day", "month" or None)."""

    published: date | None
    precision: str | None = "day"

    @property
    def day(self) -> date | None:
        """The publication day, when known to the day."""
        return self.published if self.published and self.precision != "month" else None

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None

    @property
    def month(self) -> tuple[int, int] | None:
        return (self.published.year, self.published.month) if self.published else None

    @property
    def latest(self) -> date | None:
        """The latest day the publication can be (a month's last day for a month)."""
        if self.day or not self.published:
            return self.day
        return month_end(self.published.year, self.published.month)


Resolver = Callable[[re.Match[str], Anchor], Period | None]


def _month(name: str) -> int:
    return lexicon().months[name.rstrip(".").lower()]


def _int(m: re.Match[str], group: str) -> int | None:
    value = m.groupdict().get(group)
    return int(value) if value else None


def _rel_year(m: re.Match[str], group: str, anchor: Anchor) -> int | None:
    """The year of "last year"/"this year" after a date (None when unanchored)."""
    word = m.groupdict().get(group)
    if not word or anchor.year is None:
        return None
    return anchor.year + lexicon().shifts[word.lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for_day(month: int, day: int, anchor: Anchor) -> int | None:
    """The year putting the day nearest publication: the latest one at most
    FUTURE_DAYS after it (half a year, so nearest in either direction)."""
    latest = anchor.latest
    if latest is None:
        return None
    limit = latest + timedelta(days=FUTURE_DAYS)
    for year in (latest.year + 1, latest.year, latest.year - 1, latest.year - 2):
        candidate = _safe_date(year, month, day)
        if candidate and candidate <= limit:
            return year
    return None


def year_for_month(month: int, anchor: Anchor, shift: int | None = None) -> int | None:
    """The year of a named month: plain the most recent not after the publication
    month, "last" strictly before it, "this" the publication year, "next" after it."""
    if anchor.month is None:
        return None
    year, current = anchor.month
    if shift is None:
        return year if month <= current else year - 1
    if shift < 0:
        return year if month < current else year - 1
    if shift == 0:
        return year
    return year if month > current else year + 1


# --- dates written with numbers ---------------------------------------------


def _iso(m: re.Match[str], _anchor: Anchor) -> Period | None:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Period.day(day) if day else None


def _day_month(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "July 24", "24 July 2025", "July 24 last year"."""
    month, day = _month(m["m"]), int(m["d"])
    year = _int(m, "y") or _rel_year(m, "ry", anchor) or year_for_day(month, day, anchor)
    if year is None:
        return Period.unknown(DAY) if _safe_date(2000, month, day) else None
    found = _safe_date(year, month, day)
    return Period.day(found) if found else None


def _is_loose_and(m: re.Match[str]) -> bool:
    """ "July 24 and 30 people" is no range: "and" joins dates only after "between"."""
    conn, lead = m.groupdict().get("conn"), m.groupdict().get("lead")
    return bool(conn and conn.lower() == "and" and not (lead and lead.lower() == "between"))


def _day_range(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "from August 1 to 3", "October 27–28", "1-3 August 2025", "between 10 and 15 July"."""
    if _is_loose_and(m):
        return None
    month2 = _month(m["m2"]) if m["m2"] else _month(m["m1"])
    month1 = _month(m["m1"]) if m["m1"] else month2
    day1, day2 = int(m["d1"]), int(m["d2"])
    year2 = _int(m, "y2") or _int(m, "y1") or year_for_day(month2, day2, anchor)
    if year2 is None:
        return Period.unknown(WEEK)
    year1 = _int(m, "y1") or (year2 if (month1, day1) <= (month2, day2) else year2 - 1)
    start, end = _safe_date(year1, month1, day1), _safe_date(year2, month2, day2)
    if start is None or end is None or end < start:
        return None
    return span_period(start, end)


def _list_tokens(m: re.Match[str]) -> list[tuple[int, str]]:
    """The day numbers of "August 2, 9, and 14" with their offsets (the year excluded)."""
    year_span = m.span("y") if m["y"] else (-1, -1)
    tokens = []
    for token in re.finditer(r"\d{1,2}(?!\d)", m.string[m.start() : m.end()]):
        at = m.start() + token.start()
        if not year_span[0] <= at < year_span[1]:
            tokens.append((at, token.group()))
    return tokens


def _list_days(m: re.Match[str]) -> list[int]:
    return [int(text) for _, text in _list_tokens(m)]


def _day_list(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "On August 2, 9, and 14": the whole stretch (``list_items`` gives each day)."""
    month, days = _month(m["m"]), _list_days(m)
    if days != sorted(days):
        return None
    year = _int(m, "y") or year_for_day(month, days[-1], anchor)
    if year is None:
        return Period.unknown(WEEK)
    first, last = _safe_date(year, month, days[0]), _safe_date(year, month, days[-1])
    return span_period(first, last) if first and last else None


def list_items(m: re.Match[str], period: Period) -> list[tuple[int, int, Period]]:
    """Each day of a resolved list, with the offsets of its number in the text."""
    items = []
    month = _month(m["m"])
    for start, text in _list_tokens(m):
        day = _safe_date(period.start.year, month, int(text)) if period.start else None
        placed = Period.day(day) if day else Period.unknown(DAY)
        items.append((start, start + len(text), placed))
    return items


def _month_range(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "between July and September 2023", "March and April 2021", "from June to August"."""
    month1, month2 = _month(m["m1"]), _month(m["m2"])
    year2 = _int(m, "y2") or _int(m, "y1") or year_for_month(month2, anchor)
    if year2 is None:
        return Period.unknown(MONTH)
    year1 = _int(m, "y1") or (year2 if month1 <= month2 else year2 - 1)
    if (year1, month1) >= (year2, month2):
        return None
    return Period(date(year1, month1, 1), month_end(year2, month2), MONTH)


def _numeric(m: re.Match[str], _anchor: Anchor) -> Period | None:
    """ "24/07/2025": day first, the order of most outlets outside the United States;
    month first only when the second number cannot be a month ("07/24/2025")."""
    first, second, year = int(m["d"]), int(m["m"]), int(m["y"])
    day, month = (second, first) if second > 12 >= first else (first, second)
    found = _safe_date(year, month, day)
    return Period.day(found) if found else None


def _month_week(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "the second week of July" (days 8-14), "the last week of last month"."""
    if m["shift"]:
        if anchor.month is None:
            return Period.unknown(WEEK)
        year, month = shift_month(*anchor.month, lexicon().shifts[m["shift"].lower()])
    else:
        month = _month(m["m"])
        found_year = _int(m, "y") or year_for_month(month, anchor)
        if found_year is None:
            return Period.unknown(WEEK)
        year = found_year
    first, last = lexicon().month_weeks[m["ordinal"].lower()]
    last = min(last, month_end(year, month).day)
    return Period(date(year, month, first), date(year, month, last), WEEK)


def _month_to_day(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "between June and August 13", "from June to 13 August": month start to the day."""
    month1 = _month(m["m1"])
    month2 = _month(m["m2"] or m["m2b"])
    day2 = int(m["d2"] or m["d2b"])
    year2 = _int(m, "y2") or _int(m, "y1") or year_for_day(month2, day2, anchor)
    if year2 is None:
        return Period.unknown(MONTH)
    year1 = _int(m, "y1") or (year2 if month1 <= month2 else year2 - 1)
    end = _safe_date(year2, month2, day2)
    if end is None or (year1, month1) > (year2, month2):
        return None
    return span_period(date(year1, month1, 1), end)


def _month_year(m: re.Match[str], _anchor: Anchor) -> Period | None:
    return whole_month(int(m["y"]), _month(m["m"]))


# --- parts of months and years ----------------------------------------------


def _part_month(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "late April", "mid-July 2024", "early December last year"."""
    month = _month(m["m"])
    year = _int(m, "y") or _rel_year(m, "ry", anchor) or year_for_month(month, anchor)
    part = lexicon().parts[_words(m["part"])]
    return part_of_month(year, month, part) if year else Period.unknown(MONTH)


def _part_rel_month(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "late last month", "early this month", "the end of the month" (the current one)."""
    if anchor.month is None:
        return Period.unknown(MONTH)
    year, month = shift_month(*anchor.month, _shift(m))
    return part_of_month(year, month, lexicon().parts[_words(m["part"])])


def _part_year(m: re.Match[str], _anchor: Anchor) -> Period | None:
    """ "mid-2024": early Jan-Apr, mid May-Aug, late Sep-Dec (precision 3, ACLED's coarsest)."""
    return part_of_year(int(m["y"]), lexicon().parts[_words(m["part"])])


def _part_rel_year(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "late last year", "since the beginning of the year" (the current one)."""
    if anchor.year is None:
        return Period.unknown(MONTH)
    year = anchor.year + _shift(m)
    return part_of_year(year, lexicon().parts[_words(m["part"])])


def _shift(m: re.Match[str]) -> int:
    """-1 for "last", 0 for "this" or "the", 1 for "next"."""
    word = m.groupdict().get("shift")
    return lexicon().shifts[word.lower()] if word else 0


def _words(text: str) -> str:
    return " ".join(text.lower().split())


# --- bare months and years --------------------------------------------------


def _context_month(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "in April", "last December", "in December last year"; a bare "May" is no month."""
    shift_word = m["shift"]
    if not m["trigger"] and not shift_word:
        return None
    month = _month(m["m"])
    shift = lexicon().shifts[shift_word.lower()] if shift_word else None
    year = _rel_year(m, "ry", anchor) or year_for_month(month, anchor, shift)
    return whole_month(year, month) if year else Period.unknown(MONTH)


def _season(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "in the summer", "last winter", "the summer of 2024": its months. Without a year:
    the latest one begun by publication, told up to it; "last" the one before the
    current one, "next" the coming one. A bare "summer" is no date."""
    first, last = lexicon().seasons[m["season"].lower()]
    year = _int(m, "y")
    if year is None and not (m["shift"] or m["trigger"]):
        return None
    if year is None:
        if anchor.month is None:
            return Period.unknown(MONTH)
        year = _season_year(first, last, anchor.month, _shift(m))
    end_year = year + 1 if last < first else year
    period = Period(date(year, first, 1), month_end(end_year, last), MONTH)
    latest = anchor.latest
    if latest is not None and period.start and period.end and period.start <= latest < period.end:
        return Period(period.start, latest, MONTH)
    return period


def _season_year(first: int, last: int, month: tuple[int, int], shift: int) -> int:
    """The year a season starts in: the latest begun by the publication month, moved by
    "last"/"next" ("last summer" in August is the year before's)."""
    pub_year, pub_month = month
    year = pub_year if first <= pub_month else pub_year - 1
    if first <= last:
        current = first <= pub_month <= last
    else:  # a winter: December to February
        current = pub_month >= first or pub_month <= last
    if shift < 0:
        return year - 1 if current else year
    if shift == 0 and first <= last:  # "this summer": the publication year's
        return pub_year
    return year + shift


def _context_year(m: re.Match[str], _anchor: Anchor) -> Period | None:
    return whole_year(int(m["y"]))


# --- words relative to the publication day ----------------------------------


def _day_word(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "yesterday", "last night", "this morning"."""
    if anchor.day is None:
        return Period.unknown(DAY)
    return Period.day(anchor.day + timedelta(days=lexicon().day_words[_words(m["word"])]))


def _count(m: re.Match[str]) -> tuple[int, int]:
    word = m.groupdict().get("num")
    if not word:
        return 1, 1
    if word.isdigit():
        return int(word), int(word)
    return lexicon().numbers[_words(word)]


def _ago(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "two days ago" is a day; "a week ago" the week around it; "a month ago" that month."""
    low, high = _count(m)
    unit = lexicon().units[m["unit"].lower()]
    if unit == "hour":
        return _hours_back(anchor, high)
    if unit in ("month", "year"):
        return _months_back(anchor, low, high, 12 if unit == "year" else 1)
    if anchor.day is None:
        return Period.unknown(DAY if unit == "day" else WEEK)
    if unit == "day":
        return span_period(anchor.day - timedelta(days=high), anchor.day - timedelta(days=low))
    start = anchor.day - timedelta(weeks=high, days=3)
    return span_period(start, anchor.day - timedelta(weeks=low, days=-3))


def _hours_back(anchor: Anchor, hours: int) -> Period:
    """ "two hours ago" is the publication day; "the past 48 hours" the days they reach."""
    if anchor.day is None:
        return Period.unknown(DAY)
    days = -(-hours // HOURS_PER_DAY) if hours >= HOURS_PER_DAY else 0
    return span_period(anchor.day - timedelta(days=days), anchor.day)


def _months_back(anchor: Anchor, low: int, high: int, months_per_unit: int) -> Period:
    if anchor.month is None:
        return Period.unknown(MONTH)
    if months_per_unit == 12:
        year = anchor.month[0]
        return Period(date(year - high, 1, 1), date(year - low, 12, 31), MONTH)
    first = shift_month(*anchor.month, -high)
    last = shift_month(*anchor.month, -low)
    return Period(date(*first, 1), month_end(*last), MONTH)


def _past_n(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "the past two weeks" (14 days), "the past month" (30), "the past few days" (the
    week): back from publication, ending on it. "The past day" with no count is the
    past 24 hours, which reach into the day before publication."""
    low, high = _count(m)
    unit = lexicon().units[m["unit"].lower()]
    if unit == "hour":
        return _hours_back(anchor, high)
    if unit == "day" and m["num"] is None:
        return _hours_back(anchor, HOURS_PER_DAY)
    if low != high and unit in lexicon().vague_days:
        return _days_back(anchor, lexicon().vague_days[unit])
    return _back_from(anchor, unit, high)


def _recent(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "in recent days" (the week up to publication), "in recent weeks" (30 days);
    "in recent months": a few of them (the word list's "few")."""
    unit = lexicon().units[m["unit"].lower()]
    if unit in lexicon().vague_days:
        return _days_back(anchor, lexicon().vague_days[unit])
    return _back_from(anchor, unit, lexicon().numbers["few"][1])


def _recent_word(_m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "recently": the week up to publication, as "in recent days"."""
    return _days_back(anchor, lexicon().vague_days["day"])


def _days_back(anchor: Anchor, days: int) -> Period:
    """The ``days`` days up to publication, the publication day included."""
    if anchor.day is None:
        return Period.unknown(WEEK if days <= WEEK_PRECISION_MAX_DAYS else MONTH)
    return span_period(anchor.day - timedelta(days=days - 1), anchor.day)


def _back_from(anchor: Anchor, unit: str, count: int) -> Period:
    """``count`` units up to publication: days, weeks and months by their days
    (``unit_days``), years on the calendar."""
    if unit in lexicon().unit_days and anchor.day is not None:
        return _days_back(anchor, count * lexicon().unit_days[unit])
    if anchor.day is None:
        if unit in ("month", "year") and anchor.month:
            months = count * (12 if unit == "year" else 1)
            first = shift_month(*anchor.month, -months)
            return Period(date(*first, 1), month_end(*anchor.month), MONTH)
        return Period.unknown(MONTH if unit in ("month", "year") else WEEK)
    day = anchor.day
    year, month = shift_month(day.year, day.month, -count * (12 if unit == "year" else 1))
    start = date(year, month, min(day.day, month_end(year, month).day))
    return span_period(start, day)


def _rel_period(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "last week", "this month", "earlier this year", "later in the week"; the current
    period is told up to publication ("this week": the week up to it)."""
    shift = lexicon().shifts[m["shift"].lower()] if m.groupdict().get("shift") else 0
    unit = m["unit"].lower()
    today = anchor.day
    if shift == 0 and not m["half"] and today is not None:
        return _current_period(unit, anchor, today)
    period = _calendar_period(unit, shift, anchor)
    if period.start is None or period.end is None or not m["half"]:
        return period
    if today is None:
        return period
    half = lexicon().halves[m["half"].lower()]
    start, end = (period.start, today) if half == "before" else (today, period.end)
    part = span_period(max(start, period.start), min(end, period.end))
    return part if unit == "week" else Period(part.start, part.end, MONTH)


def _calendar_period(unit: str, shift: int, anchor: Anchor) -> Period:
    if unit == "week":
        return week_of(anchor.day, shift) if anchor.day else Period.unknown(WEEK)
    if unit == "month":
        if anchor.month is None:
            return Period.unknown(MONTH)
        return whole_month(*shift_month(*anchor.month, shift))
    return whole_year(anchor.year + shift) if anchor.year else Period.unknown(MONTH)


def _current_period(unit: str, anchor: Anchor, today: date) -> Period:
    """ "this week": the days up to publication as "in recent days"; "this month",
    "this year": from its first day to publication (GOLD.md's date convention)."""
    if unit == "week":
        return _days_back(anchor, lexicon().vague_days["day"])
    period = _calendar_period(unit, 0, anchor)
    return Period(period.start, today, MONTH) if period.start else period


def _weekend(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "over the weekend": the latest one begun by publication; "next weekend" the coming one."""
    day = anchor.day
    if day is None:
        return Period.unknown(WEEK)
    shift = lexicon().shifts[m["shift"].lower()] if m["shift"] else None
    on_weekend = day.weekday() >= 5
    if shift is None or (shift == 0 and on_weekend):
        return weekend_before(day)
    if shift < 0:
        return weekend_before(day, -1 if on_weekend else 0)
    return weekend_before(day, 1)


def _weekday(m: re.Match[str], anchor: Anchor) -> Period | None:
    """ "on Wednesday", "last Wednesday", "Wednesday last week", "late Sunday night"."""
    if anchor.day is None:
        return Period.unknown(DAY)
    weekday = lexicon().weekdays[m["wd"].rstrip(".").lower()]
    week_word = m["wk1"] or m["wk2"]
    if week_word:
        week = week_of(anchor.day, lexicon().shifts[week_word.lower()])
        return Period.day(week.start + timedelta(days=weekday)) if week.start else None
    shift = lexicon().shifts[m["shift"].lower()] if m["shift"] else None
    return Period.day(_weekday_date(anchor.day, weekday, shift))


def _weekday_date(day: date, weekday: int, shift: int | None) -> date:
    if shift is None:
        return weekday_on_or_before(day, weekday)
    if shift < 0:
        return weekday_on_or_before(day - timedelta(days=1), weekday)
    if shift == 0:
        return day - timedelta(days=day.weekday() - weekday)
    return weekday_after(day, weekday)


RESOLVERS: dict[str, Resolver] = {
    "iso": _iso,
    "md_range": _day_range,
    "dm_range": _day_range,
    "mdy": _day_month,
    "dmy": _day_month,
    "md_list": _day_list,
    "dm_list": _day_list,
    "month_range": _month_range,
    "month_to_day": _month_to_day,
    "month_year": _month_year,
    "numeric": _numeric,
    "month_week": _month_week,
    "part_month": _part_month,
    "part_rel_month": _part_rel_month,
    "part_year": _part_year,
    "part_rel_year": _part_rel_year,
    "ctx_month": _context_month,
    "ctx_year": _context_year,
    "season": _season,
    "day_word": _day_word,
    "ago": _ago,
    "past_n": _past_n,
    "recent": _recent,
    "recent_word": _recent_word,
    "rel_period": _rel_period,
    "half_period": _rel_period,
    "weekend": _weekend,
    "weekday": _weekday,
}


def since(period: Period, anchor: Anchor) -> Period:
    """ "since late April": from the start of that period to publication.

    Without a publication date the period itself is kept: its start is the only
    date the text gives."""
    latest = anchor.latest
    if period.start is None or latest is None or latest < period.start:
        return period
    precision = max(precision_for(period.start, latest), period.precision or DAY)
    return Period(period.start, latest, precision)
