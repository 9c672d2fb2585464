"""ACLED's event_date convention and the window of present-tense reports."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import DateInterval
from sitrep.time import acled_event_date, recent_window, resolve


def _d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2025-08-06", "2025-08-06", 1, "2025-08-06"),
        ("2025-08-04", "2025-08-10", 2, "2025-08-07"),  # middle of the week
        ("2025-08-02", "2025-08-03", 2, "2025-08-02"),  # a weekend: its first day
        ("2025-07-01", "2025-07-31", 3, "2025-07-15"),  # middle of the month
        ("2025-07-11", "2025-07-20", 3, "2025-07-15"),  # mid-July
        ("2025-04-01", "2025-04-10", 3, "2025-04-01"),  # early April: first day
        ("2025-04-21", "2025-04-30", 3, "2025-04-30"),  # late April: last day
        ("2024-02-21", "2024-02-29", 3, "2024-02-29"),
        ("2025-03-01", "2025-04-30", 3, "2025-03-31"),  # two months: the middle
    ],
)
def test_event_date(start: str, end: str, precision: int, expected: str) -> None:
    interval = DateInterval(_d(start), _d(end), "x", precision)
    assert acled_event_date(interval) == _d(expected)
    assert interval.acled_event_date == _d(expected)


def test_event_date_of_open_or_unresolved_intervals() -> None:
    assert acled_event_date(DateInterval(None, None, "on Monday", 1)) is None
    assert acled_event_date(DateInterval(None, _d("2025-08-07"), "x", 3)) == _d("2025-08-07")


def test_event_date_from_resolved_words() -> None:
    published = _d("2025-08-07")
    late = resolve("in late April", published)
    assert late is not None and acled_event_date(late) == _d("2025-04-30")
    early = resolve("early this month", published)
    assert early is not None and acled_event_date(early) == _d("2025-08-01")


def test_recent_window() -> None:
    window = recent_window(_d("2025-08-07"), "fighting is taking place")
    assert (window.start, window.end, window.precision) == (_d("2025-08-01"), _d("2025-08-07"), 2)
    assert window.text == "fighting is taking place"
    month = recent_window(_d("2024-10-01"), published_precision="month")
    assert (month.start, month.end, month.precision) == (_d("2024-10-01"), _d("2024-10-31"), 3)
    undated = recent_window(None, "have fled")
    assert (undated.start, undated.end, undated.precision) == (None, None, 2)
