"""The Ray engine: the same per-document work on Ray Data, on this machine or a cluster.

This process reads the inputs (as with the local engine, so ids, order and
near-duplicates are the same) and hands documents to Ray in windows of
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
from typing import Any

from sitrep.engines import Outcome
from sitrep.engines.work import DocumentWorker, rejected_outcome
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected
from sitrep.model import Document

#: documents handed to Ray at once (their texts are held in the object store meanwhile)
WINDOW = int(os.environ.get("SITREP_RAY_WINDOW", "2000"))
#: documents per call of an actor: small, because one document takes tens of milliseconds
BATCH_SIZE = 4


def run_ray(items: Iterable[Document | Rejected], db: str, workers: int) -> Iterator[Outcome]:
    """Outcomes window by window; rejected and already-stored inputs never reach Ray."""
    ray = _start_ray(workers)
    checker = DocumentWorker(db, warm=False)
    window: list[Document] = []
    try:
        for item in items:
            if isinstance(item, Rejected):
                yield rejected_outcome(item)
            elif checker.is_stored(item.id):
                yield Outcome(item.id, "existing")
            else:
                window.append(item)
                if len(window) >= WINDOW:
                    yield from _run_window(ray, window, db, workers)
                    window = []
        if window:
            yield from _run_window(ray, window, db, workers)
    finally:
        checker.close()


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


def _run_window(ray: Any, docs: list[Document], db: str, workers: int) -> Iterator[Outcome]:
    dataset = ray.data.from_items([{"doc": pickle.dumps(doc)} for doc in docs])
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
            yield Outcome(str(row["what"]), row["status"], str(row["detail"]))
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

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        if self.worker is None:  # opened in the thread that calls: Ray may use another one
            self.worker = DocumentWorker(self.db)
        outcomes = [self.worker.process(pickle.loads(blob)) for blob in batch["doc"]]
        return {
            "what": [o.what for o in outcomes],
            "status": [o.status for o in outcomes],
            "detail": [o.detail for o in outcomes],
        }
