"""The quality gate: pinned figures that a change may raise but not silently lower.

Modelled on trafilatura's evaluation gate: ``baseline.json`` holds the figures,
the corpus hash they were measured on, and the reason they were last set.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from sitrep.eval.harness import Report

TOLERANCE = 0.0005


def baseline_path() -> Path:
    return Path(str(files("sitrep.eval") / "baseline.json"))


def load_baseline(path: Path | None = None) -> dict[str, Any]:
    return json.loads((path or baseline_path()).read_text(encoding="utf-8"))


def write_baseline(report: Report, reason: str, path: Path | None = None) -> Path:
    target = path or baseline_path()
    data = {
        "metrics": report.metrics(),
        "corpus_hash": report.corpus_hash,
        "reason": reason,
        "updated": datetime.now(UTC).date().isoformat(),
    }
    target.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return target


def regressions(report: Report, baseline: dict[str, Any]) -> list[str]:
    """One line per figure that fell below the baseline (empty when the gate passes)."""
    problems = []
    if report.corpus_hash != baseline["corpus_hash"]:
        problems.append(f"gold corpus changed (hash {report.corpus_hash}, baseline "
                        f"{baseline['corpus_hash']}): re-pin with --update-baseline --reason")
    now = report.metrics()
    for name, pinned in sorted(baseline["metrics"].items()):
        if now.get(name, 0.0) < pinned - TOLERANCE:
            problems.append(f"{name} fell from {pinned:.4f} to {now.get(name, 0.0):.4f}")
    return problems


def improvements(report: Report, baseline: dict[str, Any]) -> list[str]:
    now = report.metrics()
    return [f"{name} rose from {pinned:.4f} to {now[name]:.4f}"
            for name, pinned in sorted(baseline["metrics"].items())
            if now.get(name, 0.0) > pinned + TOLERANCE]
