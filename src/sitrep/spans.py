"""Overlap tests of one span against many, in logarithmic time.

Stages ask, for each name they find, whether it lies inside a span already taken
(an actor's name, a place found before, a date). A scan of every taken span per
name makes a long article quadratic; ``SpanIndex`` sorts the spans once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from itertools import accumulate

from sitrep.model import Place, Span


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


#: places with this many spans or fewer are scanned: sorting would cost more
_SCAN_UP_TO = 8
#: sorted starts kept for the places last asked about (a document's worth)
_KEEP = 4096
_sorted_starts: OrderedDict[int, tuple[Place, int, list[int], list[int]]] = OrderedDict()


def _sorted_entry(place: Place) -> tuple[Place, int, list[int], list[int]]:
    """(place, span count, sorted starts, span indexes in that order), kept per place."""
    spans = place.spans
    entry = _sorted_starts.get(id(place))
    if entry is None or entry[0] is not place or entry[1] != len(spans):
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        entry = (place, len(spans), [spans[i].start for i in order], order)
        _sorted_starts[id(place)] = entry
        if len(_sorted_starts) > _KEEP:
            _sorted_starts.popitem(last=False)
    return entry


def spans_starting_in(place: Place, start: int, end: int) -> list[Span]:
    """``place``'s spans that start in ``[start, end)``, in the place's own order.

    A town named 500 times in a long article has 500 spans; the events stage asks
    this for each sentence, so the starts are sorted once per place and bisected.
    """
    spans = place.spans
    if len(spans) <= _SCAN_UP_TO:
        return [s for s in spans if start <= s.start < end]
    entry = _sorted_entry(place)
    low, high = bisect_left(entry[2], start), bisect_left(entry[2], end)
    return [spans[i] for i in sorted(entry[3][low:high])]


def first_start(place: Place, after: int) -> int:
    """The first start of ``place``'s spans at or after ``after``, else -1 (bisected for
    a place named many times, like ``spans_starting_in``)."""
    if len(place.spans) <= _SCAN_UP_TO:
        return min((s.start for s in place.spans if s.start >= after), default=-1)
    starts = _sorted_entry(place)[2]
    at = bisect_left(starts, after)
    return starts[at] if at < len(starts) else -1
