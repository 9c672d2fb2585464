"""Batch engines: the ingest loop of :mod:`sitrep.batch`, with extraction run elsewhere.

Reading the inputs, skipping stored documents and linking near-copies stay in
this process, one document at a time and in input order, exactly as in
``sitrep.batch.ingest_paths``; only ``extract_document`` + ``Store.save`` of
each new original is handed to a *dispatcher*:

* ``local`` (:mod:`sitrep.engines.local`): a pool of worker processes on this
  machine that each load spaCy once;
* ``ray`` (:mod:`sitrep.engines.ray_engine`): a Ray Data pipeline, on this
  machine or on a cluster (``RAY_ADDRESS``).

Every document is saved in its own transaction, keyed by its content id, so a
batch that is killed and run again stores each document exactly once, and the
store holds the same rows whichever engine and however many workers ran it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sitrep.batch import (
    BatchSummary,
    NearDuplicateLinker,
    OnSkip,
    Progress,
    Published,
    collect_files,
    dated,
    link_near_duplicates,
)
from sitrep.batch import ingest_paths as ingest_sequentially
from sitrep.engines.work import Job, Outcome
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected, read_file
from sitrep.ingest.dedup import to_hex
from sitrep.model import Document
from sitrep.store import Store

ENGINES: tuple[str, ...] = ("local", "ray")


class Dispatcher(AbstractContextManager["Dispatcher"], Protocol):
    """Runs jobs somewhere; hands back the outcomes of those finished so far."""

    def submit(self, job: Job) -> Iterable[Outcome]:
        """Queue one job (waiting while too many are queued); outcomes finished meanwhile."""
        ...

    def finish(self) -> Iterable[Outcome]:
        """Outcomes of every job still queued, once done."""
        ...


def ingest_paths(paths: Iterable[Path], store: Store, *, workers: int = 1,
                 engine: str = "local", on_file: Progress | None = None,
                 on_skip: OnSkip | None = None, published: Published | None = None,
                 timeout: float | None = None, summary: BatchSummary | None = None
                 ) -> BatchSummary:
    """``sitrep.batch.ingest_paths`` with extraction on ``workers`` processes of ``engine``
    (the per-document ``timeout`` holds in the local engine's workers)."""
    check_choice(workers, engine)
    if engine == "local" and workers == 1:
        return ingest_sequentially(paths, store, on_file=on_file, on_skip=on_skip,
                                   published=published, timeout=timeout, summary=summary)
    tally = Tally(on_skip, summary)
    submitted: set[str] = set()  # a second copy of a text still in a worker is not fresh
    linker = NearDuplicateLinker(store)
    with _dispatcher(engine, store.url, workers, timeout) as dispatcher:
        for item in link_near_duplicates(dated(_read(paths, on_file), published), store,
                                         linker):
            if isinstance(item, Rejected):
                tally.skip(item)
            elif item.id in submitted or store.has_document(item.id):
                tally.summary.existing += 1
            else:
                submitted.add(item.id)
                minhash = to_hex(linker.signature_of(item))  # computed once, for linking
                tally.add(dispatcher.submit(Job(item, minhash)))
        tally.add(dispatcher.finish())
    return tally.summary


def check_choice(workers: int, engine: str) -> None:
    if workers < 1:
        raise SitrepError(f"--workers must be at least 1 (got {workers})")
    if engine not in ENGINES:
        raise SitrepError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _read(paths: Iterable[Path], on_file: Progress | None) -> Iterator[Document | Rejected]:
    """Documents of every input file, one file at a time, reporting each file read."""
    for file in collect_files(paths):
        yield from read_file(file)
        if on_file is not None:
            on_file(file)


def _dispatcher(engine: str, db: str, workers: int, timeout: float | None) -> Dispatcher:
    if engine == "ray":
        from sitrep.engines.ray_engine import RayDispatcher

        return RayDispatcher(db, workers)
    from sitrep.engines.local import PoolDispatcher

    return PoolDispatcher(db, workers, timeout)


class Tally:
    """Folds job outcomes into a ``BatchSummary``, as the sequential loop counts them."""

    def __init__(self, on_skip: OnSkip | None, summary: BatchSummary | None = None) -> None:
        self.summary = BatchSummary() if summary is None else summary
        self.on_skip = on_skip

    def add(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.status == "stored":
                self.summary.count_stored(outcome.published, outcome.language, outcome.events)
            elif outcome.status == "near_duplicate":
                self.summary.near_duplicates += 1
            elif outcome.status == "existing":
                self.summary.existing += 1
            else:
                self.skip(Rejected(outcome.where, outcome.detail, outcome.kind))

    def skip(self, rejected: Rejected) -> None:
        self.summary.skipped.append(rejected)
        if self.on_skip is not None:
            self.on_skip(rejected)
