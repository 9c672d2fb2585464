"""The local engine: this process alone, or a pool of worker processes on this machine.

Documents are streamed: at most ``workers × IN_FLIGHT_PER_WORKER`` are on their
way at any time, so memory does not grow with the size of the batch. Workers
are started with ``spawn`` (a clean interpreter each), load spaCy once, open
their own store connection and save each document in its own transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from sitrep.engines import Outcome
from sitrep.engines.work import DocumentWorker, parent_alive, rejected_outcome
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected
from sitrep.model import Document

#: documents queued per worker: enough to keep workers busy, few enough to bound memory
IN_FLIGHT_PER_WORKER = 4
#: how often a worker checks that its batch still runs
PARENT_CHECK_SECONDS = 0.5

_worker: DocumentWorker | None = None
_parent_pid: int = 0
_init_error: Exception | None = None


def run_local(items: Iterable[Document | Rejected], db: str, workers: int) -> Iterator[Outcome]:
    """Outcomes in completion order (in input order when ``workers`` is 1)."""
    if workers == 1:
        yield from _run_inline(items, db)
    else:
        yield from _run_pool(items, db, workers)


def _run_inline(items: Iterable[Document | Rejected], db: str) -> Iterator[Outcome]:
    worker = DocumentWorker(db)
    try:
        for item in items:
            yield rejected_outcome(item) if isinstance(item, Rejected) else worker.process(item)
    finally:
        worker.close()


def _run_pool(items: Iterable[Document | Rejected], db: str, workers: int) -> Iterator[Outcome]:
    checker = DocumentWorker(db, warm=False)  # skips stored documents without shipping them
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(db, os.getpid()))
    pending: set[Future[Outcome]] = set()
    try:
        for item in items:
            if isinstance(item, Rejected):
                yield rejected_outcome(item)
            elif checker.is_stored(item.id):
                yield Outcome(item.id, "existing")
            else:
                pending.add(pool.submit(_process, item))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from _results(done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from _results(done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        checker.close()


def _results(done: Iterable[Future[Outcome]]) -> Iterator[Outcome]:
    for future in done:
        try:
            yield future.result()
        except BrokenProcessPool as exc:
            raise SitrepError(
                "a worker process died (out of memory or killed?); run the same command "
                "again to resume: stored documents are skipped"
            ) from exc


def _init_worker(db: str, parent_pid: int) -> None:
    global _worker, _parent_pid
    _parent_pid = parent_pid
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    try:
        _worker = DocumentWorker(db)
    except Exception as exc:  # re-raised with each document: a dead pool says nothing useful
        global _init_error
        _init_error = exc


def _exit_with_parent(parent_pid: int) -> None:
    """An idle worker of a killed batch waits on its queue forever: end it instead."""
    while parent_alive(parent_pid):
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _process(doc: Document) -> Outcome:
    if not parent_alive(_parent_pid):
        os._exit(1)  # the batch was killed: do not go on writing behind its back
    if _worker is None:
        raise SitrepError(f"a worker could not start: {_init_error}") from _init_error
    return _worker.process(doc)
