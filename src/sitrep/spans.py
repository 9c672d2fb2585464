"""Overlap tests of one span against many, in logarithmic time.

Stages ask, for each name they find, whether it lies inside a span already taken
(an actor's name, a place found before, a date). A scan of every taken span per
name makes a long article quadratic; ``SpanIndex`` sorts the spans once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Half-open character spans ``(start, end)``, sorted once for bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        #: the largest end among the spans up to each position (spans may overlap)
        self.max_ends = list(accumulate((e for _, e in ordered), max))
        self.exact = frozenset(ordered)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with ``[start, end)``: ``s < end and start < e``."""
        before_end = bisect_left(self.starts, end)
        return before_end > 0 and self.max_ends[before_end - 1] > start

    def covers(self, position: int) -> bool:
        """Some span holds ``position``: ``s <= position < e``."""
        upto = bisect_right(self.starts, position)
        return upto > 0 and self.max_ends[upto - 1] > position

    def __contains__(self, span: object) -> bool:
        return span in self.exact
