"""The ingest loop: read inputs, skip what is stored, link near-copies, extract, store.

``sitrep ingest`` is a thin wrapper around ``ingest_paths``; a later issue can
add worker processes and resumption here without touching the CLI. Every
document is stored in its own transaction, keyed by its content id, so running
the same batch again stores nothing new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep import settings
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected, input_files, read_file
from sitrep.ingest.dedup import NearDuplicateIndex, signature, to_hex
from sitrep.model import Document, Extraction
from sitrep.pipeline import extract_document, look_ahead
from sitrep.store import Store

if TYPE_CHECKING:
    from datasketch import MinHash

NEAR_DUPLICATE_FLAG = "near_duplicate"
#: documents read ahead and prepared together (their sentences parsed in one spaCy pass)
LOOK_AHEAD = 32
LOOK_AHEAD_CHARS = 200_000


@dataclass
class BatchSummary:
    """What a batch did: counts, and every input it could not store with the reason."""

    stored: int = 0
    existing: int = 0
    near_duplicates: int = 0
    reextracted: int = 0
    events: int = 0
    skipped: list[Rejected] = field(default_factory=list)

    def skipped_by_kind(self) -> Counter[str]:
        return Counter(r.kind for r in self.skipped)

    def describe(self) -> str:
        """One line for the end of a batch."""
        text = (f"stored {self.stored} ({self.events} event(s)), already present "
                f"{self.existing}, near-duplicates {self.near_duplicates}, "
                f"skipped {len(self.skipped)}")
        if self.reextracted:
            text += f", re-extracted {self.reextracted}"
        kinds = self.skipped_by_kind()
        if kinds:
            text += " (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")"
        return text


class NearDuplicateLinker:
    """Links republished copies to an original, stored before or met earlier in the batch."""

    def __init__(self, store: Store, threshold: float | None = None) -> None:
        limit = settings.get("near_duplicate_threshold") if threshold is None else threshold
        self.originals = NearDuplicateIndex.from_signatures(store.signatures(), limit)
        self._last: tuple[str, MinHash] | None = None

    def signature_of(self, doc: Document) -> MinHash:
        """The document's MinHash, computed once for linking, remembering and storing."""
        if self._last is None or self._last[0] != doc.text:
            self._last = (doc.text, signature(doc.text))
        return self._last[1]

    def link(self, doc: Document) -> bool:
        """Set ``doc.near_duplicate_of`` when it nearly copies an original; True if so."""
        original = self.originals.original_of(self.signature_of(doc))
        doc.near_duplicate_of = original
        return original is not None

    def remember(self, doc: Document) -> None:
        """Count ``doc`` as an original from now on."""
        self.originals.add(doc.id, self.signature_of(doc))


def extract_for_storage(doc: Document) -> Extraction:
    """What to store for a document: a linked near-copy is not extracted as a second story."""
    if doc.near_duplicate_of is not None:
        return Extraction(document=doc, flags=[NEAR_DUPLICATE_FLAG])
    return extract_document(doc)


def link_near_duplicates(items: Iterable[Document | Rejected], store: Store,
                         linker: NearDuplicateLinker | None = None
                         ) -> Iterator[Document | Rejected]:
    """The input stream with near-copies linked (for engines that extract elsewhere); pass
    the ``linker`` to reuse the MinHash of the document last yielded."""
    linker = linker or NearDuplicateLinker(store)
    for item in items:
        fresh = isinstance(item, Document) and not store.has_document(item.id)
        if fresh and isinstance(item, Document) and not linker.link(item):
            linker.remember(item)
        yield item


class Ingester:
    """Stores documents one by one, each in its own transaction; links near-copies."""

    def __init__(self, store: Store, threshold: float | None = None, *,
                 reextract: bool = False) -> None:
        self.store = store
        self.summary = BatchSummary()
        self.linker = NearDuplicateLinker(store, threshold)
        self.reextract = reextract

    def look_ahead(self, items: Sequence[Document | Rejected]) -> None:
        """Prepare the documents of ``items`` that ``add`` will extract, in one spaCy pass."""
        look_ahead([d for d in items if isinstance(d, Document)
                    and (self.reextract or not self.store.has_document(d.id))])

    def add(self, item: Document | Rejected) -> None:
        """Ingest one document (or count one rejected input)."""
        if isinstance(item, Rejected):
            self.summary.skipped.append(item)
            return
        if self.store.has_document(item.id):
            if self.reextract:
                self._reextract(item)
            else:
                self.summary.existing += 1
            return
        near_copy = self.linker.link(item)
        extraction = self._extraction(item)
        if extraction is None:
            return
        if not self._save(extraction):
            self.summary.existing += 1
        elif near_copy:
            self.summary.near_duplicates += 1
        else:
            self.summary.stored += 1
            self.summary.events += len(extraction.events)
            self.linker.remember(item)

    def _reextract(self, doc: Document) -> None:
        """Extract a stored original again and replace what was stored for it."""
        stored = self.store.document(doc.id)
        if stored is None or stored.near_duplicate_of is not None:
            self.summary.existing += 1
            return
        extraction = self._extraction(doc)
        if extraction is None:
            return
        try:
            self.store.replace(extraction)
        except SitrepError as exc:
            self._failed(doc, str(exc))
            return
        self.summary.reextracted += 1
        self.summary.events += len(extraction.events)

    def _extraction(self, doc: Document) -> Extraction | None:
        try:
            return extract_for_storage(doc)
        except SitrepError as exc:
            self._failed(doc, str(exc))
        except Exception as exc:  # a bug on one document must not sink the batch
            self._failed(doc, f"extraction failed: {type(exc).__name__}: {exc}")
        return None

    def _save(self, extraction: Extraction) -> bool:
        try:
            minhash = to_hex(self.linker.signature_of(extraction.document))
            return self.store.save(extraction, minhash=minhash)
        except SitrepError as exc:
            self._failed(extraction.document, str(exc))
            return True  # not "already present": the failure is counted as skipped

    def _failed(self, doc: Document, reason: str) -> None:
        self.summary.skipped.append(Rejected(doc.path or doc.id, _one_line(reason), "failed"))


Progress = Callable[[Path], None]
OnSkip = Callable[[Rejected], None]


def ingest_paths(paths: Iterable[Path], store: Store, *, on_file: Progress | None = None,
                 on_skip: OnSkip | None = None, reextract: bool = False) -> BatchSummary:
    """Ingest every file under ``paths`` into ``store``; ``on_file`` runs after each file.

    Documents are read a few ahead (``LOOK_AHEAD``, or ``LOOK_AHEAD_CHARS`` of text) so
    that their sentences are parsed together; each is still stored in its own
    transaction, in input order, and ``on_file`` runs once a file's documents are.
    With ``reextract``, documents already stored are extracted again and their
    stored extraction replaced (after an extractor upgrade).
    """
    ingester = Ingester(store, reextract=reextract)
    group: list[Document | Rejected] = []
    read: list[Path] = []  # files whose every item is in ``group`` or added already

    def add_group() -> None:
        ingester.look_ahead(group)
        for item in group:
            before = len(ingester.summary.skipped)
            ingester.add(item)
            if on_skip is not None:
                for rejected in ingester.summary.skipped[before:]:
                    on_skip(rejected)
        group.clear()
        if on_file is not None:
            for file in read:
                on_file(file)
        read.clear()

    for file in collect_files(paths):
        for item in read_file(file):
            group.append(item)
            if group_full(group):
                add_group()
        read.append(file)
    add_group()
    return ingester.summary


def group_full(group: Sequence[Document | Rejected]) -> bool:
    """Enough documents read ahead (a few long texts count as many: memory stays bounded)."""
    chars = sum(len(d.text) for d in group if isinstance(d, Document))
    return len(group) >= LOOK_AHEAD or chars >= LOOK_AHEAD_CHARS


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
