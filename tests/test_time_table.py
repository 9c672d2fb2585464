"""The time table: (expression, publication) -> (start, end, precision), under odd time zones.

Publication dates used: Thu 2025-08-07; Mon 2025-01-06 and Thu 2026-01-01 (year
boundaries); Fri 2024-03-01 (after a leap day); Sun 2023-12-31; the month
2024-10 ("2024-10" below); no publication date ("-").
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date

import pytest

from sitrep.time import resolve

THU = "2025-08-07"
MON_JAN = "2025-01-06"
LEAP = "2024-03-01"
SUN_DEC = "2023-12-31"
NEW_YEAR = "2026-01-01"
MONTH_ONLY = "2024-10"
UNDATED = "-"

TABLE: list[tuple[str, str, str | None, str | None, int]] = [
    # weekdays: the most recent such day up to and including publication
    ("on Wednesday", THU, "2025-08-06", "2025-08-06", 1),
    ("on Thursday", THU, "2025-08-07", "2025-08-07", 1),
    ("last Thursday", THU, "2025-07-31", "2025-07-31", 1),
    ("on Friday", THU, "2025-08-01", "2025-08-01", 1),
    ("Monday evening", THU, "2025-08-04", "2025-08-04", 1),
    ("late Sunday night", THU, "2025-08-03", "2025-08-03", 1),
    ("overnight on Tuesday", THU, "2025-08-05", "2025-08-05", 1),
    ("on Friday (July 25)", THU, "2025-07-25", "2025-07-25", 1),
    ("Friday (25 July 2025)", THU, "2025-07-25", "2025-07-25", 1),
    ("overnight into Wednesday", THU, "2025-08-06", "2025-08-06", 1),
    ("Tuesday overnight", THU, "2025-08-05", "2025-08-05", 1),
    ("last week on Wednesday", THU, "2025-07-30", "2025-07-30", 1),
    ("Wednesday last week", THU, "2025-07-30", "2025-07-30", 1),
    ("next Monday", THU, "2025-08-11", "2025-08-11", 1),
    ("this Tuesday", THU, "2025-08-05", "2025-08-05", 1),
    # days
    ("yesterday", THU, "2025-08-06", "2025-08-06", 1),
    ("today", THU, "2025-08-07", "2025-08-07", 1),
    ("last night", THU, "2025-08-06", "2025-08-06", 1),
    ("overnight", THU, "2025-08-06", "2025-08-06", 1),
    ("this morning", THU, "2025-08-07", "2025-08-07", 1),
    ("at the time of writing", THU, "2025-08-01", "2025-08-07", 2),
    ("the day before yesterday", THU, "2025-08-05", "2025-08-05", 1),
    ("two days ago", THU, "2025-08-05", "2025-08-05", 1),
    ("3 days ago", THU, "2025-08-04", "2025-08-04", 1),
    ("a week ago", THU, "2025-07-28", "2025-08-03", 2),
    # weeks and weekends (Monday to Sunday)
    ("last week", THU, "2025-07-28", "2025-08-03", 2),
    ("this week", THU, "2025-08-01", "2025-08-07", 2),
    ("next week", THU, "2025-08-11", "2025-08-17", 2),
    ("earlier this week", THU, "2025-08-04", "2025-08-07", 2),
    ("earlier in the week", THU, "2025-08-04", "2025-08-07", 2),
    ("later in the month", THU, "2025-08-07", "2025-08-31", 3),
    ("2025/07/24", THU, "2025-07-24", "2025-07-24", 1),
    ("over the weekend", THU, "2025-08-02", "2025-08-03", 2),
    ("last weekend", THU, "2025-08-02", "2025-08-03", 2),
    ("next weekend", THU, "2025-08-09", "2025-08-10", 2),
    # months and their parts (early 1-10, mid 11-20, late 21-end)
    ("this month", THU, "2025-08-01", "2025-08-07", 3),
    ("last month", THU, "2025-07-01", "2025-07-31", 3),
    ("next month", THU, "2025-09-01", "2025-09-30", 3),
    ("earlier this month", THU, "2025-08-01", "2025-08-07", 3),
    ("late last month", THU, "2025-07-21", "2025-07-31", 3),
    ("early this month", THU, "2025-08-01", "2025-08-10", 3),
    ("the end of this month", THU, "2025-08-21", "2025-08-31", 3),
    ("in mid-July", THU, "2025-07-11", "2025-07-20", 3),
    ("in late April", THU, "2025-04-21", "2025-04-30", 3),
    ("early April", THU, "2025-04-01", "2025-04-10", 3),
    ("the first days of April", THU, "2025-04-01", "2025-04-10", 3),
    ("in the last days of July", THU, "2025-07-21", "2025-07-31", 3),
    ("in April", THU, "2025-04-01", "2025-04-30", 3),
    ("in August", THU, "2025-08-01", "2025-08-31", 3),
    ("in September", THU, "2024-09-01", "2024-09-30", 3),
    ("in December", THU, "2024-12-01", "2024-12-31", 3),
    ("last April", THU, "2025-04-01", "2025-04-30", 3),
    ("last August", THU, "2024-08-01", "2024-08-31", 3),
    ("July 2024", THU, "2024-07-01", "2024-07-31", 3),
    ("a month ago", THU, "2025-07-01", "2025-07-31", 3),
    # since: from the start of the period to publication
    ("since late April", THU, "2025-04-21", "2025-08-07", 3),
    ("since July 23", THU, "2025-07-23", "2025-08-07", 3),
    ("since Monday", THU, "2025-08-04", "2025-08-07", 2),
    ("since mid-July", THU, "2025-07-11", "2025-08-07", 3),  # X's precision or coarser
    # years
    ("earlier this year", THU, "2025-01-01", "2025-08-07", 3),
    ("since the beginning of the year", THU, "2025-01-01", "2025-08-07", 3),
    ("before the end of the month", THU, "2025-08-21", "2025-08-31", 3),
    ("in the first half of the year", THU, "2025-01-01", "2025-06-30", 3),
    ("the second half of 2024", THU, "2024-07-01", "2024-12-31", 3),
    ("the first half of July", THU, "2025-07-01", "2025-07-15", 3),
    ("this year", THU, "2025-01-01", "2025-08-07", 3),
    ("last year", THU, "2024-01-01", "2024-12-31", 3),
    ("in 2023", THU, "2023-01-01", "2023-12-31", 3),
    ("mid-2024", THU, "2024-05-01", "2024-08-31", 3),
    ("late 2023", THU, "2023-09-01", "2023-12-31", 3),
    ("two years ago", THU, "2023-01-01", "2023-12-31", 3),
    # explicit dates
    ("July 24, 2025", THU, "2025-07-24", "2025-07-24", 1),
    ("24 July 2025", THU, "2025-07-24", "2025-07-24", 1),
    ("24 July", THU, "2025-07-24", "2025-07-24", 1),
    ("July 24", THU, "2025-07-24", "2025-07-24", 1),
    ("2025-07-24", THU, "2025-07-24", "2025-07-24", 1),
    ("on July 24 last year", THU, "2024-07-24", "2024-07-24", 1),
    ("Sept. 4", THU, "2025-09-04", "2025-09-04", 1),
    ("on December 25", THU, "2025-12-25", "2025-12-25", 1),  # nearest: a plan
    ("on February 25", THU, "2025-02-25", "2025-02-25", 1),
    ("2nd March", THU, "2025-03-02", "2025-03-02", 1),
    ("the 24th of July", THU, "2025-07-24", "2025-07-24", 1),
    ("at 11 am on 2nd March", THU, "2025-03-02", "2025-03-02", 1),
    # ranges and lists
    ("from August 1 to 3", THU, "2025-08-01", "2025-08-03", 2),
    ("between July 10 and 15", THU, "2025-07-10", "2025-07-15", 2),
    ("July 10-15", THU, "2025-07-10", "2025-07-15", 2),
    ("27–28 July", THU, "2025-07-27", "2025-07-28", 2),
    ("from July 28 to August 3", THU, "2025-07-28", "2025-08-03", 2),
    ("between June and August", THU, "2025-06-01", "2025-08-31", 3),
    ("between June and August 3", THU, "2025-06-01", "2025-08-03", 3),
    ("from June to 13 July", THU, "2025-06-01", "2025-07-13", 3),
    ("In March and April 2021", THU, "2021-03-01", "2021-04-30", 3),
    ("the August 1, 3, and 4 airstrikes", THU, "2025-08-01", "2025-08-04", 2),
    ("from late June to mid-July", THU, "2025-06-21", "2025-07-20", 3),
    ("between July 10 and early August", THU, "2025-07-10", "2025-08-10", 3),
    ("from Monday until Wednesday", THU, "2025-08-04", "2025-08-06", 2),
    ("from 2021 to 2023", THU, "2021-01-01", "2023-12-31", 3),
    ("from December to March", MON_JAN, "2023-12-01", "2024-03-31", 3),
    ("the past two weeks", THU, "2025-07-25", "2025-08-07", 2),
    ("in the past 24 hours", THU, "2025-08-06", "2025-08-07", 2),
    ("over the past day", THU, "2025-08-06", "2025-08-07", 2),
    ("two hours ago", THU, "2025-08-07", "2025-08-07", 1),
    ("the second week of July", THU, "2025-07-08", "2025-07-14", 2),
    ("the last week of last month", THU, "2025-07-22", "2025-07-31", 2),
    ("the first week of December 2023", THU, "2023-12-01", "2023-12-07", 2),
    ("24/07/2025", THU, "2025-07-24", "2025-07-24", 1),
    ("07/24/2025", THU, "2025-07-24", "2025-07-24", 1),
    ("3.4.2024", THU, "2024-04-03", "2024-04-03", 1),
    ("the past three months", THU, "2025-05-10", "2025-08-07", 3),
    ("in recent days", THU, "2025-08-01", "2025-08-07", 2),
    # GOLD.md's convention for reports without a day of their own
    ("recently", THU, "2025-08-01", "2025-08-07", 2),
    ("over the past few days", THU, "2025-08-01", "2025-08-07", 2),
    ("in recent weeks", THU, "2025-07-09", "2025-08-07", 3),
    ("over the past month", THU, "2025-07-09", "2025-08-07", 3),
    ("the past few weeks", THU, "2025-07-09", "2025-08-07", 3),
    ("the past ten days", THU, "2025-07-29", "2025-08-07", 2),
    ("later this month", THU, "2025-08-07", "2025-08-31", 3),
    ("recently", UNDATED, None, None, 2),
    # seasons (northern hemisphere); the current one told up to publication
    ("in the summer", THU, "2025-06-01", "2025-08-07", 3),
    ("last summer", THU, "2024-06-01", "2024-08-31", 3),
    ("last winter", THU, "2024-12-01", "2025-02-28", 3),
    ("in winter 2023", THU, "2023-12-01", "2024-02-29", 3),
    ("the spring of 2024", THU, "2024-03-01", "2024-05-31", 3),
    ("during the winter", MON_JAN, "2024-12-01", "2025-01-06", 3),
    ("last winter", MON_JAN, "2023-12-01", "2024-02-29", 3),
    ("last winter", "2025-12-15", "2024-12-01", "2025-02-28", 3),
    ("in the summer", UNDATED, None, None, 3),
    # year boundary: a January publication
    ("on Thursday", MON_JAN, "2025-01-02", "2025-01-02", 1),
    ("on Friday", MON_JAN, "2025-01-03", "2025-01-03", 1),
    ("last week", MON_JAN, "2024-12-30", "2025-01-05", 2),
    ("over the weekend", MON_JAN, "2025-01-04", "2025-01-05", 2),
    ("in December", MON_JAN, "2024-12-01", "2024-12-31", 3),
    ("in November", MON_JAN, "2024-11-01", "2024-11-30", 3),
    ("in January", MON_JAN, "2025-01-01", "2025-01-31", 3),
    ("last month", MON_JAN, "2024-12-01", "2024-12-31", 3),
    ("next month", MON_JAN, "2025-02-01", "2025-02-28", 3),
    ("late last month", MON_JAN, "2024-12-21", "2024-12-31", 3),
    ("early December", MON_JAN, "2024-12-01", "2024-12-10", 3),
    ("on December 31", MON_JAN, "2024-12-31", "2024-12-31", 1),
    ("on January 20", MON_JAN, "2025-01-20", "2025-01-20", 1),
    ("last year", MON_JAN, "2024-01-01", "2024-12-31", 3),
    ("between December 28 and January 2", MON_JAN, "2024-12-28", "2025-01-02", 2),
    ("since late December", MON_JAN, "2024-12-21", "2025-01-06", 3),
    ("two months ago", MON_JAN, "2024-11-01", "2024-11-30", 3),
    ("yesterday", NEW_YEAR, "2025-12-31", "2025-12-31", 1),
    ("last week", NEW_YEAR, "2025-12-22", "2025-12-28", 2),
    ("this week", NEW_YEAR, "2025-12-26", "2026-01-01", 2),
    ("in mid-December", NEW_YEAR, "2025-12-11", "2025-12-20", 3),
    ("on January 2", SUN_DEC, "2024-01-02", "2024-01-02", 1),
    ("next year", SUN_DEC, "2024-01-01", "2024-12-31", 3),
    ("in January", SUN_DEC, "2023-01-01", "2023-01-31", 3),
    # a Sunday publication
    ("this week", SUN_DEC, "2023-12-25", "2023-12-31", 2),
    ("on Sunday", SUN_DEC, "2023-12-31", "2023-12-31", 1),
    ("over the weekend", SUN_DEC, "2023-12-30", "2023-12-31", 2),
    ("last weekend", SUN_DEC, "2023-12-23", "2023-12-24", 2),
    # leap year
    ("yesterday", LEAP, "2024-02-29", "2024-02-29", 1),
    ("late February", LEAP, "2024-02-21", "2024-02-29", 3),
    ("last month", LEAP, "2024-02-01", "2024-02-29", 3),
    ("February 29", LEAP, "2024-02-29", "2024-02-29", 1),
    ("on Saturday", LEAP, "2024-02-24", "2024-02-24", 1),
    ("earlier this week", LEAP, "2024-02-26", "2024-03-01", 2),
    # a month-only publication: day-level words cannot be placed
    ("on Wednesday", MONTH_ONLY, None, None, 1),
    ("yesterday", MONTH_ONLY, None, None, 1),
    ("this week", MONTH_ONLY, None, None, 2),
    ("in April", MONTH_ONLY, "2024-04-01", "2024-04-30", 3),
    ("last month", MONTH_ONLY, "2024-09-01", "2024-09-30", 3),
    ("in November", MONTH_ONLY, "2023-11-01", "2023-11-30", 3),
    ("since late September", MONTH_ONLY, "2024-09-21", "2024-10-31", 3),
    # no publication date: only what carries its year
    ("on Wednesday", UNDATED, None, None, 1),
    ("July 24, 2025", UNDATED, "2025-07-24", "2025-07-24", 1),
    ("in April", UNDATED, None, None, 3),
    ("in 2023", UNDATED, "2023-01-01", "2023-12-31", 3),
    ("mid-July", UNDATED, None, None, 3),
    ("since February 1, 2021", UNDATED, "2021-02-01", "2021-02-01", 1),
    ("from August 1 to 3", UNDATED, None, None, 2),
    ("last month", UNDATED, None, None, 3),
]


def _publication(text: str) -> tuple[date | None, str | None]:
    if text == UNDATED:
        return None, None
    if len(text) == len("2024-10"):
        return date.fromisoformat(text + "-01"), "month"
    return date.fromisoformat(text), "day"


@pytest.fixture(params=["Pacific/Kiritimati", "America/Adak"])
def odd_time_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run under UTC+14 and UTC-10/-9: nothing may depend on the machine's zone."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_table_is_large_and_unique() -> None:
    assert len(TABLE) >= 80
    keys = [(expr, pub) for expr, pub, *_ in TABLE]
    assert len(keys) == len(set(keys))


@pytest.mark.usefixtures("odd_time_zone")
def test_table() -> None:
    failures = []
    for expression, pub, start, end, precision in TABLE:
        published, published_precision = _publication(pub)
        got = resolve(expression, published, published_precision)
        want = (start, end, precision)
        have = None if got is None else (
            got.start.isoformat() if got.start else None,
            got.end.isoformat() if got.end else None,
            got.precision,
        )
        if have != want:
            failures.append(f"{expression!r} @ {pub}: want {want}, got {have}")
    assert not failures, "\n".join(failures)


def test_zone_fixture_really_changes_the_zone(odd_time_zone: str) -> None:
    offset_hours = -time.timezone / 3600
    assert offset_hours == (14 if odd_time_zone == "Pacific/Kiritimati" else -10)


@pytest.mark.parametrize(
    "text",
    ["The junta may attack", "troops in Mon State", "a march through town", "24 km away",
     "at 10:30", "more than 2000 people", "every weekend", "Battalion 33"],
)
def test_not_time_expressions(text: str) -> None:
    assert resolve(text, date(2025, 8, 7)) is None


def test_undated_never_invents_a_date() -> None:
    """Without a publication date, only expressions that write their year resolve."""
    for expression, *_ in TABLE:
        got = resolve(expression, None)
        if got is not None and got.start is not None:
            assert any(ch.isdigit() for ch in expression) and (
                "20" in expression or "19" in expression
            ), expression
