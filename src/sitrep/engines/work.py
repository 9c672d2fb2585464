"""The unit of work every engine runs: one document extracted and saved in one transaction.

Shared by the local pool and the Ray engine so that both store exactly what the
sequential loop (``sitrep.batch.Ingester``) stores, and fail the same way. One
``DocumentWorker`` lives in each worker process: it opens its own store
connection and loads spaCy once, before the first document.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sitrep.errors import ArticleTimeoutError, SitrepError
from sitrep.model import Document
from sitrep.pipeline import look_ahead
from sitrep.store import Store

OutcomeStatus = Literal["stored", "near_duplicate", "existing", "failed"]


@dataclass(frozen=True)
class Job:
    """A document not yet stored, its near-copy link (if any) already set by the batch."""

    doc: Document
    #: hex MinHash the batch computed to link near-copies (the worker would compute it again)
    minhash: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one job; ``where`` names the document as the batch reports it."""

    where: str
    status: OutcomeStatus
    detail: str = ""  # the one-line reason of a failure
    events: int = 0
    published: date | None = None  # of a stored document
    language: str | None = None
    kind: str = "failed"  # of a failure: "failed", or "timeout" past the time limit


class DocumentWorker:
    """Extracts documents and saves each in its own transaction."""

    def __init__(self, db: str, *, warm: bool = True, timeout: float | None = None) -> None:
        self.store = Store.open(db)
        self.timeout = timeout  # seconds one document's extraction may take
        if warm:
            _load_models()

    def run_many(self, jobs: Sequence[Job]) -> list[Outcome]:
        """``run`` each job in turn, their documents prepared together (one spaCy pass)."""
        from sitrep.batch import time_limit

        try:
            with time_limit(self.timeout, "reading ahead"):
                look_ahead([job.doc for job in jobs if job.doc.near_duplicate_of is None])
        except ArticleTimeoutError:
            pass  # only a speed-up: each document is prepared again, under its own limit
        return [self.run(job) for job in jobs]

    def run(self, job: Job) -> Outcome:
        """Extract and save; failures become outcomes, as in ``sitrep.batch.Ingester``."""
        from sitrep.batch import extract_for_storage, time_limit

        where = job.doc.path or job.doc.id
        try:
            with time_limit(self.timeout, where):
                extraction = extract_for_storage(job.doc)
            saved = self.store.save(extraction, minhash=job.minhash)
        except ArticleTimeoutError as exc:
            return Outcome(where, "failed", one_line(str(exc)), kind="timeout")
        except SitrepError as exc:
            return Outcome(where, "failed", one_line(str(exc)))
        except Exception as exc:  # a bug on one document must not sink the batch
            return Outcome(where, "failed",
                           one_line(f"extraction failed: {type(exc).__name__}: {exc}"))
        if not saved:  # another process stored it meanwhile
            return Outcome(where, "existing")
        if job.doc.near_duplicate_of is not None:
            return Outcome(where, "near_duplicate")
        return Outcome(where, "stored", events=len(extraction.events),
                       published=job.doc.published, language=job.doc.language)

    def close(self) -> None:
        self.store.close()


def _load_models() -> None:
    """Load spaCy now rather than inside the first document's time."""
    from sitrep.text import full_nlp

    full_nlp()


def one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parent_alive(parent_pid: int) -> bool:
    """Whether the process that started this worker still runs (a killed batch stops its pool)."""
    return os.getppid() == parent_pid
