"""The ingest loop: read inputs, skip what is stored, link near-copies, extract, store.

``sitrep ingest`` is a thin wrapper around ``ingest_paths``; a later issue can
add worker processes and resumption here without touching the CLI. Every
document is stored in its own transaction, keyed by its content id, so running
the same batch again stores nothing new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import settings
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected, input_files, read_file
from sitrep.ingest.dedup import NearDuplicateIndex, signature, to_hex
from sitrep.model import Document, Extraction
from sitrep.pipeline import extract_document
from sitrep.store import Store

NEAR_DUPLICATE_FLAG = "near_duplicate"


@dataclass
class BatchSummary:
    """What a batch did: counts, and every input it could not store with the reason."""

    stored: int = 0
    existing: int = 0
    near_duplicates: int = 0
    events: int = 0
    skipped: list[Rejected] = field(default_factory=list)

    def skipped_by_kind(self) -> Counter[str]:
        return Counter(r.kind for r in self.skipped)

    def describe(self) -> str:
        """One line for the end of a batch."""
        text = (f"stored {self.stored} ({self.events} event(s)), already present "
                f"{self.existing}, near-duplicates {self.near_duplicates}, "
                f"skipped {len(self.skipped)}")
        kinds = self.skipped_by_kind()
        if kinds:
            text += " (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")"
        return text


class Ingester:
    """Stores documents one by one; remembers originals to link near-copies to them."""

    def __init__(self, store: Store, threshold: float | None = None) -> None:
        self.store = store
        self.summary = BatchSummary()
        limit = settings.get("near_duplicate_threshold") if threshold is None else threshold
        self.originals = NearDuplicateIndex.from_signatures(store.signatures(), limit)

    def add(self, item: Document | Rejected) -> None:
        """Ingest one document (or count one rejected input)."""
        if isinstance(item, Rejected):
            self.summary.skipped.append(item)
            return
        if self.store.has_document(item.id):
            self.summary.existing += 1
            return
        minhash = signature(item.text)
        original = self.originals.original_of(minhash)
        if original is not None:
            self._save_near_duplicate(item, original, to_hex(minhash))
            return
        self._extract_and_save(item, to_hex(minhash))
        self.originals.add(item.id, minhash)

    def _save_near_duplicate(self, doc: Document, original: str, minhash: str) -> None:
        """A republished copy: stored and linked, not extracted as a second story."""
        doc.near_duplicate_of = original
        if self.store.save(Extraction(document=doc, flags=[NEAR_DUPLICATE_FLAG]),
                           minhash=minhash):
            self.summary.near_duplicates += 1
        else:
            self.summary.existing += 1

    def _extract_and_save(self, doc: Document, minhash: str) -> None:
        where = doc.path or doc.id
        try:
            extraction = extract_document(doc)
            saved = self.store.save(extraction, minhash=minhash)
        except SitrepError as exc:
            self.summary.skipped.append(Rejected(where, _one_line(str(exc)), "failed"))
            return
        except Exception as exc:  # a bug on one document must not sink the batch
            reason = _one_line(f"extraction failed: {type(exc).__name__}: {exc}")
            self.summary.skipped.append(Rejected(where, reason, "failed"))
            return
        if saved:
            self.summary.stored += 1
            self.summary.events += len(extraction.events)
        else:
            self.summary.existing += 1


Progress = Callable[[Path], None]
OnSkip = Callable[[Rejected], None]


def ingest_paths(paths: Iterable[Path], store: Store, *, on_file: Progress | None = None,
                 on_skip: OnSkip | None = None) -> BatchSummary:
    """Ingest every file under ``paths`` into ``store``; ``on_file`` runs after each file."""
    ingester = Ingester(store)
    for file in collect_files(paths):
        for item in read_file(file):
            before = len(ingester.summary.skipped)
            ingester.add(item)
            if on_skip is not None:
                for rejected in ingester.summary.skipped[before:]:
                    on_skip(rejected)
        if on_file is not None:
            on_file(file)
    return ingester.summary


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Every input file, folders walked, each file once, in the order given."""
    seen: dict[Path, None] = {}
    for path in paths:
        for file in input_files(Path(path)):
            seen.setdefault(file.resolve(), None)
    return list(seen)


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
