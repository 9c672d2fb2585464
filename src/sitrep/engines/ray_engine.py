"""The Ray engine: the same per-document work on Ray Data, on this machine or a cluster.

This process reads the inputs (as with the local engine, so ids, order and
near-duplicates are the same) and hands new originals to Ray in windows of
``WINDOW`` documents, which bounds the memory of a batch of any size. Each
window is mapped by a pool of actors that load spaCy once and save every
document in its own transaction, so the store ends up exactly as after a local
run. On a cluster (``RAY_ADDRESS`` set) every node must reach the database:
use PostgreSQL there, not a SQLite file.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from sitrep.engines.work import DocumentWorker, Job, Outcome
from sitrep.errors import SitrepError

#: documents handed to Ray at once (their texts are held in the object store meanwhile)
WINDOW = int(os.environ.get("SITREP_RAY_WINDOW", "2000"))
#: documents per call of an actor: small, because one document takes tens of milliseconds
BATCH_SIZE = 4


class RayDispatcher:
    """Collects jobs into windows and maps each window on a pool of Ray actors."""

    def __init__(self, db: str, workers: int) -> None:
        self.db, self.workers = absolute_sqlite(db), workers
        self._window: list[Job] = []
        self._ray: Any = None

    def __enter__(self) -> RayDispatcher:
        self._ray = _start_ray(self.workers)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._window = []

    def submit(self, job: Job) -> Iterable[Outcome]:
        self._window.append(job)
        return self.finish() if len(self._window) >= WINDOW else []

    def finish(self) -> Iterable[Outcome]:
        jobs, self._window = self._window, []
        return list(_run_window(self._ray, jobs, self.db, self.workers)) if jobs else []


def absolute_sqlite(url: str) -> str:
    """A SQLite URL with an absolute path: Ray workers need not share this process's folder."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database \
            or parsed.database == ":memory:" or Path(parsed.database).is_absolute():
        return url
    absolute = parsed.set(database=str(Path(parsed.database).resolve()))
    return absolute.render_as_string(hide_password=False)


def _start_ray(workers: int) -> Any:
    """Join ``RAY_ADDRESS`` when set (a cluster), else start a local Ray with ``workers`` CPUs."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
        import ray.exceptions
    except ImportError as exc:
        raise SitrepError(
            "the Ray engine needs the optional extra: pip install 'sitrep[ray]'") from exc
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # progress chatter, not results
    if not ray.is_initialized():
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
        if os.environ.get("RAY_ADDRESS"):
            ray.init(**quiet)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, **quiet)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    return ray


def _run_window(ray: Any, jobs: list[Job], db: str, workers: int) -> Iterator[Outcome]:
    dataset = ray.data.from_items([{"job": pickle.dumps(job)} for job in jobs])
    mapped = dataset.map_batches(
        _RayWorker,
        fn_constructor_args=(db,),
        batch_size=BATCH_SIZE,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )
    try:
        for row in mapped.iter_rows():
            yield Outcome(str(row["where"]), row["status"], str(row["detail"]),
                          int(row["events"]))
    except ray.exceptions.RayError as exc:
        raise SitrepError(f"the Ray batch failed: {_root_cause(exc)}") from exc


def _root_cause(exc: BaseException) -> str:
    """The original exception inside Ray's nested error text, as one line."""
    found = _ERROR_LINE.findall(str(exc))
    return found[-1].strip() if found else type(exc).__name__


_ERROR_LINE = re.compile(r"^(?!ray\.)[\w.]*(?:Error|Exception): .*$", re.MULTILINE)


class _RayWorker:
    """A Ray Data actor: one store connection and one spaCy per actor."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.worker: DocumentWorker | None = None

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        if self.worker is None:  # opened in the thread that calls: Ray may use another one
            self.worker = DocumentWorker(self.db)
        outcomes = self.worker.run_many([pickle.loads(blob) for blob in batch["job"]])
        return {
            "where": [o.where for o in outcomes],
            "status": [o.status for o in outcomes],
            "detail": [o.detail for o in outcomes],
            "events": [o.events for o in outcomes],
        }
