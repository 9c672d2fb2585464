"""Time stage: time expressions resolved against the publication date.

Placeholder from the foundation issue; the time issue replaces the inside,
keeping these two functions' signatures.
"""

from __future__ import annotations

from datetime import date

from sitrep.model import DateInterval
from sitrep.text import AnalysedText


def find_dates(
    text: AnalysedText, published: date | None, published_precision: str | None = None
) -> list[DateInterval]:
    """Every time expression in the text, resolved to an interval with a span."""
    return []


def acled_event_date(interval: DateInterval) -> date | None:
    """ACLED's single event_date for an interval (codebook convention)."""
    return interval.start
