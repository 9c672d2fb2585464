"""The ingest loop: read inputs, skip what is stored, link near-copies, extract, store.

``sitrep ingest`` is a thin wrapper around ``ingest_paths``; a later issue can
add worker processes and resumption here without touching the CLI. Every
document is stored in its own transaction, keyed by its content id, so running
the same batch again stores nothing new.
"""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from sitrep import settings
from sitrep.errors import ArticleTimeoutError, SitrepError
from sitrep.ingest import Rejected, input_files, read_file
from sitrep.ingest.dedup import NearDuplicateIndex, signature, to_hex
from sitrep.ingest.documents import Precision
from sitrep.model import Document, Extraction
from sitrep.pipeline import extract_document, look_ahead
from sitrep.store import Store

if TYPE_CHECKING:
    from datasketch import MinHash

NEAR_DUPLICATE_FLAG = "near_duplicate"
#: languages whose articles the English extractor reads (``und``: too little text to tell)
ENGLISH_OR_UNKNOWN: frozenset[str | None] = frozenset({"en", "und", None})
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
    #: originals stored without a publication date (their events cannot be dated)
    undated: int = 0
    #: originals stored per language other than English, and the events found in them
    not_english: Counter[str] = field(default_factory=Counter)
    not_english_events: int = 0

    def count_stored(self, published: date | None, language: str | None, events: int) -> None:
        """One original stored with ``events`` events."""
        self.stored += 1
        self.events += events
        self.undated += published is None
        if language not in ENGLISH_OR_UNKNOWN:
            self.not_english[language or ""] += 1
            self.not_english_events += events

    @property
    def kept(self) -> int:
        """Inputs that are in the store after the batch (new, present before, or linked)."""
        return self.stored + self.existing + self.near_duplicates + self.reextracted

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
                 reextract: bool = False, timeout: float | None = None,
                 summary: BatchSummary | None = None) -> None:
        self.store = store
        self.summary = BatchSummary() if summary is None else summary
        self.linker = NearDuplicateLinker(store, threshold)
        self.reextract = reextract
        self.timeout = timeout

    def look_ahead(self, items: Sequence[Document | Rejected]) -> None:
        """Prepare the documents of ``items`` that ``add`` will extract, in one spaCy pass
        (only a speed-up: past the time limit, each document is prepared on its own)."""
        docs = [d for d in items if isinstance(d, Document)
                and (self.reextract or not self.store.has_document(d.id))]
        try:
            with time_limit(self.timeout, "reading ahead"):
                look_ahead(docs)
        except ArticleTimeoutError:
            pass  # each document is then prepared again, under its own limit

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
            self.summary.count_stored(item.published, item.language, len(extraction.events))
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
            with time_limit(self.timeout, doc.path or doc.id):
                return extract_for_storage(doc)
        except ArticleTimeoutError as exc:
            self._failed(doc, str(exc), "timeout")
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

    def _failed(self, doc: Document, reason: str, kind: str = "failed") -> None:
        self.summary.skipped.append(Rejected(doc.path or doc.id, _one_line(reason), kind))


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise ``ArticleTimeoutError`` in the block once ``seconds`` have passed (None or 0: no
    limit). A timer signal interrupts the Python code between two steps, so it works in
    the main thread of a process only (the sequential loop, the local pool's workers);
    elsewhere the block runs unbounded."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or seconds <= 0 or not usable:
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise ArticleTimeoutError(f"{what}: extraction stopped after {seconds:g} s "
                             "(the article-timeout setting)",
                             hint="raise --article-timeout, or split the file")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


Progress = Callable[[Path], None]
OnSkip = Callable[[Rejected], None]


def ingest_paths(paths: Iterable[Path], store: Store, *, on_file: Progress | None = None,
                 on_skip: OnSkip | None = None, reextract: bool = False,
                 published: Published | None = None, timeout: float | None = None,
                 summary: BatchSummary | None = None) -> BatchSummary:
    """Ingest every file under ``paths`` into ``store``; ``on_file`` runs after each file.

    Documents are read a few ahead (``LOOK_AHEAD``, or ``LOOK_AHEAD_CHARS`` of text) so
    that their sentences are parsed together; each is still stored in its own
    transaction, in input order, and ``on_file`` runs once a file's documents are.
    With ``reextract``, documents already stored are extracted again and their
    stored extraction replaced (after an extractor upgrade). ``published`` dates the
    documents that carry no date of their own; extracting one document may take at most
    ``timeout`` seconds (it is then skipped, and tried again by the next run).
    ``summary``, when given, is filled as the batch goes (read it after an interrupt).
    """
    ingester = Ingester(store, reextract=reextract, timeout=timeout, summary=summary)
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
        for item in dated(read_file(file), published):
            group.append(item)
            if group_full(group):
                add_group()
        read.append(file)
    add_group()
    return ingester.summary


Published = tuple[date, Precision]


def dated(items: Iterable[Document | Rejected], published: Published | None
          ) -> Iterator[Document | Rejected]:
    """``items``, each document without a date of its own dated ``published`` (if given)."""
    for item in items:
        if published is not None and isinstance(item, Document) and item.published is None:
            item.published, item.published_precision = published
        yield item


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
