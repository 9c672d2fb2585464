"""Batch engines: run the extraction over a stream of documents, in parallel, resumably.

The reading of inputs (and so the order, the ids and near-duplicate detection)
always happens in the calling process, one document at a time; an engine only
decides where ``extract_document`` + ``Store.save`` run for each document:

* ``local`` (:mod:`sitrep.engines.local`): this process, or a pool of worker
  processes that each load spaCy once;
* ``ray`` (:mod:`sitrep.engines.ray_engine`): a Ray Data pipeline, on this
  machine or on a cluster (``RAY_ADDRESS``).

Every document is saved in its own transaction, keyed by its content id, so a
batch that is killed and run again stores each document exactly once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.ingest import Rejected
    from sitrep.model import Document

ENGINES: tuple[str, ...] = ("local", "ray")
OutcomeStatus = Literal["stored", "existing", "rejected", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: ``what`` is a document id or, for a rejected input, its path."""

    what: str
    status: OutcomeStatus
    detail: str = ""  # one line: the reason for rejected/failed, the counts for stored


@dataclass
class BatchReport:
    """Counts of a batch, and the one-line reasons of everything not stored."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        if outcome.status in ("rejected", "failed"):
            self.problems.append(outcome)

    def summary(self) -> str:
        order = ("stored", "existing", "rejected", "failed")
        return ", ".join(f"{self.counts.get(k, 0)} {k}" for k in order)


OutcomeCallback = Callable[[Outcome], None]


def run_batch(
    items: Iterable[Document | Rejected],
    db: str,
    *,
    workers: int = 1,
    engine: str = "local",
    on_outcome: OutcomeCallback | None = None,
) -> BatchReport:
    """Extract and store every document of ``items`` into ``db``; skip those already stored."""
    if workers < 1:
        raise SitrepError(f"--workers must be at least 1 (got {workers})")
    report = BatchReport()
    for outcome in _engine(engine)(items, db, workers):
        report.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return report


EngineFn = Callable[["Iterable[Document | Rejected]", str, int], Iterator[Outcome]]


def _engine(name: str) -> EngineFn:
    if name == "local":
        from sitrep.engines.local import run_local

        return run_local
    if name == "ray":
        from sitrep.engines.ray_engine import run_ray

        return run_ray
    raise SitrepError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
