"""The quality gate: sitrep on ../shared/gold must not fall below the pinned baseline.

A change that lowers a figure on purpose re-pins it in the same commit with
`sitrep eval --gold ../shared/gold --update-baseline --reason "why"`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.baseline import improvements, load_baseline, regressions
from sitrep.eval.harness import Report, evaluate

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


@pytest.fixture(scope="module")
def report() -> Report:
    assert GOLD.is_dir(), f"the gold corpus is missing: expected {GOLD} (../shared/gold)"
    return evaluate(GOLD)


def test_no_figure_falls_below_the_baseline(report: Report) -> None:
    baseline = load_baseline()
    for line in improvements(report, baseline):
        print(f"above baseline: {line}; raise it with --update-baseline")
    assert regressions(report, baseline) == []


def test_baseline_says_why_it_was_set() -> None:
    assert load_baseline()["reason"].strip()
