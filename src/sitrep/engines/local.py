"""The local engine: a pool of worker processes on this machine.

Jobs are streamed in groups of ``GROUP`` (fewer when their texts are long; a
worker prepares a group's documents together: one spaCy pass for their
sentences): at most ``workers × IN_FLIGHT_PER_WORKER`` groups are queued at any
time, so memory does not grow with the size of the batch. Workers are started
with ``spawn`` (a clean interpreter each), load spaCy once, open their own
store connection and save each document in its own transaction. A worker whose
batch was killed (even with SIGKILL) notices and exits.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from sitrep.batch import group_full
from sitrep.engines.work import DocumentWorker, Job, Outcome, parent_alive
from sitrep.errors import SitrepError

#: jobs sent to a worker at once
GROUP = 8
#: groups queued per worker: enough to keep workers busy, few enough to bound memory
IN_FLIGHT_PER_WORKER = 2
#: how often a worker checks that its batch still runs
PARENT_CHECK_SECONDS = 0.5

_worker: DocumentWorker | None = None
_init_error: Exception | None = None


class PoolDispatcher:
    """Runs jobs on ``workers`` processes; ``submit`` blocks while the queue is full."""

    def __init__(self, db: str, workers: int, timeout: float | None = None) -> None:
        self.db, self.workers, self.timeout = db, workers, timeout
        self._pool: ProcessPoolExecutor | None = None
        self._pending: set[Future[list[Outcome]]] = set()
        self._group: list[Job] = []

    def __enter__(self) -> PoolDispatcher:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                         initializer=_init_worker,
                                         initargs=(self.db, os.getpid(), self.timeout))
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, job: Job) -> Iterable[Outcome]:
        self._group.append(job)
        if len(self._group) < GROUP and not group_full([j.doc for j in self._group]):
            return []
        return self._send()

    def _send(self) -> list[Outcome]:
        """Queue the group of jobs; outcomes finished meanwhile."""
        assert self._pool is not None, "PoolDispatcher used outside its with block"
        self._pending.add(self._pool.submit(_run, self._group))
        self._group = []
        limit = self.workers * IN_FLIGHT_PER_WORKER
        done = {f for f in self._pending if f.done()}
        if len(self._pending) - len(done) >= limit:
            finished, _ = wait(self._pending - done, return_when=FIRST_COMPLETED)
            done |= finished
        self._pending -= done
        return list(_results(done))

    def finish(self) -> Iterable[Outcome]:
        sent = self._send() if self._group else []
        done, _ = wait(self._pending)
        self._pending = set()
        return sent + list(_results(done))


def _results(done: Iterable[Future[list[Outcome]]]) -> Iterator[Outcome]:
    for future in done:
        try:
            yield from future.result()
        except BrokenProcessPool as exc:
            raise SitrepError(
                "a worker process died (out of memory or killed?); run the same command "
                "again to resume: stored documents are skipped"
            ) from exc


def _init_worker(db: str, parent_pid: int, timeout: float | None = None) -> None:
    global _worker, _init_error
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    try:
        _worker = DocumentWorker(db, timeout=timeout)
    except Exception as exc:  # re-raised with each job: a dead pool would say nothing useful
        _init_error = exc


def _exit_with_parent(parent_pid: int) -> None:
    """An idle worker of a killed batch would wait on its queue forever: end it instead."""
    while parent_alive(parent_pid):
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _run(jobs: list[Job]) -> list[Outcome]:
    if _worker is None:
        raise SitrepError(f"a worker could not start: {_init_error}") from _init_error
    return _worker.run_many(jobs)
