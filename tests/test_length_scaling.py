"""Extraction grows linearly with article length (issue 14: 400 KB took 31 s, 4.9 MB
over 15 minutes). Not a timed test: it counts the lines of sitrep's own code that run
(spaCy's C code is linear and left out), which is deterministic; a scan over the
whole article per sentence makes the count grow with the square of the length. The
timings are in ``benchmarks/length.py``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import sitrep
from sitrep.ingest import make_document
from sitrep.model import Place, Span
from sitrep.pipeline import extract_document
from sitrep.spans import SpanIndex, spans_starting_in

ROOT = str(Path(sitrep.__file__).parent)
# invented dispatch sentences, written for this test
TOWNS = ("Lashio", "Kyaukme", "Hsipaw", "Mogok", "Myitkyina", "Bhamo", "Loikaw", "Sittwe")
ACTORS = ("the military", "the Arakan Army", "the Kachin Independence Army",
          "resistance forces", "junta troops")
TEMPLATES = (
    "{a} attacked an outpost near {t} on {d} March 2025, killing {n} soldiers, residents said.",
    "Fighting broke out between {a} and {b} in {t} township on {d} April 2025.",
    "{a} said it captured {t} on {d} May 2025 after weeks of clashes with {b}.",
    "An airstrike hit a village outside {t} on {d} June 2025, killing {n} civilians.",
    "Markets in {t} reopened on {d} July 2025 for the first time in months.",
)


def article(sentences: int) -> str:
    rng = random.Random(7)
    lines = []
    for _ in range(sentences):
        a, b = rng.sample(ACTORS, 2)
        text = rng.choice(TEMPLATES).format(a=a, b=b, t=rng.choice(TOWNS),
                                            d=rng.randint(1, 28), n=rng.randint(2, 30))
        lines.append(text[0].upper() + text[1:])
    return "\n\n".join(" ".join(lines[i:i + 4]) for i in range(0, len(lines), 4))


def lines_run(text: str) -> int:
    """Lines of sitrep's code executed while extracting ``text``."""
    doc = make_document(text, published=date(2025, 8, 1), precision="day")
    count = 0

    def local(_frame: FrameType, _event: str, _arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return local

    def calls(frame: FrameType, _event: str, _arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(ROOT) else None

    sys.settrace(calls)
    try:
        extract_document(doc)
    finally:
        sys.settrace(None)
    return count


def test_four_times_the_text_runs_about_four_times_the_code() -> None:
    extract_document(make_document(article(8), published=date(2025, 8, 1)))  # warm caches
    short, long = lines_run(article(60)), lines_run(article(240))
    # the code before the fix ran 12x the lines for 4x the text (8 KB -> 32 KB)
    assert long / short < 4.6, (short, long)


def test_span_index_answers_as_a_scan_would() -> None:
    rng = random.Random(3)
    spans = [(s, s + rng.randint(1, 30)) for s in rng.sample(range(2000), 300)]
    index = SpanIndex(spans)
    for _ in range(2000):
        start = rng.randint(0, 2100)
        end = start + rng.randint(1, 40)
        assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
        assert index.covers(start) == any(s <= start < e for s, e in spans)
    assert spans[0] in index and (5000, 5001) not in index


def test_spans_starting_in_keeps_the_place_order() -> None:
    starts = [500, 20, 300, 20, 910, 77, 640, 150, 420, 5, 880, 300]
    place = Place(mention="Tarvan", name="Tarvan",
                  spans=[Span(s, s + 6, "Tarvan") for s in starts])
    for low, high in ((0, 1000), (20, 21), (100, 500), (301, 419), (900, 2000)):
        assert spans_starting_in(place, low, high) == [
            s for s in place.spans if low <= s.start < high]
