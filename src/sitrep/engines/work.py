"""The unit of work every engine runs: one document extracted and saved in one transaction.

Shared by the local pool and the Ray engine so that both store exactly the same
thing. One ``DocumentWorker`` lives in each worker process; it opens its own
store connection and loads spaCy once, before the first document.
"""

from __future__ import annotations

import os

from sitrep.engines import Outcome
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected
from sitrep.model import Document
from sitrep.store import Store


def open_store(db: str) -> Store:
    """The store for ``db`` (a SQLite path or an SQLAlchemy URL), migrated and ready."""
    return Store.open(db)


def rejected_outcome(item: Rejected) -> Outcome:
    return Outcome(item.path, "rejected", _one_line(item.reason))


class DocumentWorker:
    """Extracts documents and saves each in its own transaction; skips those already stored."""

    def __init__(self, db: str, *, warm: bool = True) -> None:
        self.store = open_store(db)
        if warm:
            _load_models()

    def process(self, doc: Document) -> Outcome:
        from sitrep.pipeline import extract_document

        if self.is_stored(doc.id):
            return Outcome(doc.id, "existing")
        try:
            extraction = extract_document(doc)
            self.store.save(extraction)
        except SitrepError as exc:
            return Outcome(doc.id, "failed", _describe(doc, exc))
        except Exception as exc:  # a bug on one document must not sink the batch
            return Outcome(doc.id, "failed", _describe(doc, exc, bug=True))
        return Outcome(doc.id, "stored", f"{len(extraction.events)} event(s)")

    def is_stored(self, doc_id: str) -> bool:
        return self.store.has_document(doc_id)

    def close(self) -> None:
        self.store.close()


def _load_models() -> None:
    """Load spaCy now rather than inside the first document's timing."""
    from sitrep.text import full_nlp

    full_nlp()


def _describe(doc: Document, exc: BaseException, *, bug: bool = False) -> str:
    where = doc.path or doc.id
    kind = f"{type(exc).__name__}: " if bug else ""
    return _one_line(f"{where}: {kind}{exc}")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parent_alive(parent_pid: int) -> bool:
    """Whether the process that started this worker still runs (a killed batch stops its pool)."""
    return os.getppid() == parent_pid
