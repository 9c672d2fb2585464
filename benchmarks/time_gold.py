"""How far the time stage can take event dates: resolve each gold ``date_text``.

For every gold event with a ``date_text``, ``sitrep.time.resolve`` reads that text
against the document's publication date, and the result is compared with the
gold ``date_start``/``date_end``. This is an upper bound for the events stage,
which must also find the right expression. Events whose text holds no time
expression ("fighting is taking place") are scored against ``recent_window``.
The blind part of the gold (``sitrep/eval/data/blind.txt``) is skipped.

    python benchmarks/time_gold.py [GOLD_DIR] [-v]
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

from sitrep.eval.harness import blind_ids
from sitrep.model import DateInterval
from sitrep.time import recent_window, resolve


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _overlaps(got: DateInterval, start: str | None, end: str | None) -> bool:
    """GOLD.md's match rule: intervals overlap with one day of slack on each side."""
    if not (got.start and got.end and start and end):
        return False
    slack = timedelta(days=1)
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return got.start - slack <= last and first <= got.end + slack


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    gold_dir = Path(args[0] if args else "../shared/gold")
    counts = dict.fromkeys(
        ("all", "equal", "dated", "dated_equal", "found", "found_equal", "dated_found",
         "dated_found_equal", "recent", "recent_equal", "recent_overlap"), 0)
    blind = blind_ids()
    hidden = 0
    for path in sorted(gold_dir.glob("*.json")):
        if path.stem in blind:  # the blind part stays blind: never read its labels
            hidden += 1
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "events" not in doc:
            continue
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        for event in doc["events"]:
            _score(event, published, counts, verbose, path.stem)
    _report(counts)
    print(f"(dev part; {hidden} blind documents hidden)")


def _score(event: dict, published: date | None, counts: dict[str, int], verbose: bool,
           name: str) -> None:
    text = event.get("date_text")
    if not text:
        return
    want = (event.get("date_start"), event.get("date_end"))
    got = resolve(text, published)
    equal = got is not None and (_iso(got.start), _iso(got.end)) == want
    counts["all"] += 1
    counts["equal"] += equal
    if published:
        counts["dated"] += 1
        counts["dated_equal"] += equal
    if got is not None:
        counts["found"] += 1
        counts["found_equal"] += equal
        if published:
            counts["dated_found"] += 1
            counts["dated_found_equal"] += equal
    elif published and event.get("time_precision") == 2:
        window = recent_window(published, text)
        counts["recent"] += 1
        counts["recent_equal"] += (_iso(window.start), _iso(window.end)) == want
        counts["recent_overlap"] += _overlaps(window, *want)
    if verbose and not equal:
        have = (_iso(got.start), _iso(got.end)) if got else None
        print(f"{name} {published} {text!r}: gold {want} got {have}")


def _report(c: dict[str, int]) -> None:
    def share(a: str, b: str) -> str:
        return f"{c[a]}/{c[b]} = {c[a] / c[b]:.3f}" if c[b] else "n/a"

    print(f"gold events with a date_text, start and end equal: {share('equal', 'all')}")
    print(f"  in documents with a publication date: {share('dated_equal', 'dated')}")
    print(f"  where the text holds a time expression: {share('found_equal', 'found')}")
    print(f"  both: {share('dated_found_equal', 'dated_found')}")
    print(f"present-tense events (no expression, precision 2) vs recent_window: "
          f"equal {share('recent_equal', 'recent')}, overlap {share('recent_overlap', 'recent')}")


if __name__ == "__main__":
    main(sys.argv[1:])
