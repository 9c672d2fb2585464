"""Ingest stage: files in, ``Document`` objects out (or a reason they were rejected).

Reads plain text (a leading `` date YYYY-MM-DD`` is the publication date),
HTML pages, JSON Lines and RSS/Atom feeds, and folders of these
(:mod:`sitrep.ingest.formats`); near-copies of stored articles are found with
MinHash (:mod:`sitrep.ingest.dedup`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.ingest.documents import (
    Rejected,
    document_id,
    make_document,
    parse_date,
    parse_plain_text,
)
from sitrep.ingest.formats import Item, read_file
from sitrep.ingest.sidecar import is_sidecar
from sitrep.model import Document

__all__ = [
    "Item",
    "Rejected",
    "document_id",
    "input_files",
    "make_document",
    "parse_date",
    "parse_plain_text",
    "read_file",
    "read_path",
    "read_paths",
]


#: files that describe a folder rather than report news; left out when walking folders
FOLDER_NOTES: frozenset[str] = frozenset({
    "ABOUT", "AUTHORS", "CHANGELOG", "COPYING", "LICENSE", "NOTICE", "README",
})


def input_files(path: Path) -> list[Path]:
    """The files to read under ``path``: itself, or a folder's files (recursive, sorted).

    Hidden files and folders (``.git``, ``.DS_Store``), a folder's own notes
    (``README``, ``LICENSE``…) and its ``SOURCES.tsv`` (metadata, see
    :mod:`sitrep.ingest.sidecar`) are not articles and are left out; named
    explicitly, any file is read.
    """
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and _is_article(p, path))


def _is_article(file: Path, folder: Path) -> bool:
    hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
    return not hidden and file.stem.upper() not in FOLDER_NOTES and not is_sidecar(file)


def read_path(path: Path) -> Iterator[Document | Rejected]:
    """Documents from a file (folders are walked)."""
    path = Path(path)
    if not path.exists():
        yield Rejected(str(path), "no such file or folder", "unreadable")
        return
    for file in input_files(path):
        yield from read_file(file)


def read_paths(paths: Iterable[Path]) -> Iterator[Document | Rejected]:
    """Documents from several files or folders, in the order given."""
    for path in paths:
        yield from read_path(path)
