"""``first_start`` bisects a place named many times and agrees with a scan."""

from __future__ import annotations

import random

from sitrep.model import Place, Span
from sitrep.spans import first_start


def naive(place: Place, after: int) -> int:
    return min((s.start for s in place.spans if s.start >= after), default=-1)


def test_first_start_agrees_with_a_scan_on_many_and_few_spans() -> None:
    rng = random.Random(3)
    for count in (0, 3, 40):
        starts = rng.sample(range(0, 5000, 7), count)  # not in order, as merged spans are
        place = Place(mention="Ardel", name="Ardel",
                      spans=[Span(s, s + 5, "Ardel") for s in starts])
        for after in (0, 1, 700, 2500, 4999, 6000):
            assert first_start(place, after) == naive(place, after)
