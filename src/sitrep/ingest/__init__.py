"""Ingest stage: files in, ``Document`` objects out (or a reason they were rejected).

Placeholder from the foundation issue covering plain text; HTML, JSON Lines,
feeds, folders and near-duplicate detection are filled in by the same issue.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.errors import InputError
from sitrep.model import Document

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*")


@dataclass
class Rejected:
    """An input that could not be ingested, and why (one line)."""

    path: str
    reason: str


def document_id(text: str) -> str:
    """Stable id: hash of the whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def parse_plain_text(raw: str, path: str | None = None) -> Document:
    """A plain-text article; a leading `` date YYYY-MM-DD`` is its publication date."""
    published, precision = None, None
    m = _DATE_PREFIX.match(raw)
    if m:
        year, month, day = int(m[1]), int(m[2]), m[3]
        published = date(year, month, int(day) if day else 1)
        precision = "day" if day else "month"
        raw = raw[m.end():]
    text = raw.strip()
    if not text:
        raise InputError("empty document")
    return Document(
        id=document_id(text), text=text, published=published,
        published_precision=precision, path=path, language="en",
    )


def read_path(path: Path) -> Iterator[Document | Rejected]:
    """Documents from a file (folders are walked)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        try:
            yield parse_plain_text(file.read_text(encoding="utf-8"), str(file))
        except (InputError, UnicodeDecodeError, OSError) as exc:
            yield Rejected(str(file), str(exc))
