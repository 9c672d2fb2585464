"""Building a ``Document`` from text and metadata, and the ``Rejected`` record for bad input."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sitrep.errors import InputError
from sitrep.ingest.language import detect_language
from sitrep.model import Document

Precision = Literal["day", "month"]
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=\s|$)\s*")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass
class Rejected:
    """An input that could not be ingested, and why (one line); ``kind`` groups the reasons."""

    path: str
    reason: str
    kind: str = "unreadable"


def document_id(text: str) -> str:
    """Stable id: hash of the whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Metadata:
    """What is known about a file from outside it (a folder's ``SOURCES.tsv``)."""

    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    precision: Precision | None = None


NO_METADATA = Metadata()


def make_document(
    text: str, *, path: str | None = None, source: str | None = None, url: str | None = None,
    title: str | None = None, published: date | None = None,
    precision: Precision | None = None, fallback: Metadata = NO_METADATA,
) -> Document:
    """A document with its id and language.

    Values from the file win over ``fallback``; an undated document gets the
    date of its dateline.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError("no text")
    if published is None:
        published, precision = fallback.published, fallback.precision
    if published is None:
        published, precision = _dateline(text)
    return Document(
        id=document_id(text), text=text, source=_clean(source or fallback.source),
        url=_clean(url or fallback.url), title=_clean(title or fallback.title),
        published=published, published_precision=precision if published else None,
        language=detect_language(text), path=path,
    )


def parse_plain_text(raw: str, path: str | None = None,
                     fallback: Metadata = NO_METADATA) -> Document:
    """A plain-text article; a leading `` date YYYY-MM-DD`` (or ``YYYY-MM``) is its date."""
    published, precision = None, None
    m = _DATE_PREFIX.match(raw)
    if m:
        published, precision = _date_parts(m[1], m[2], m[3], raw[: m.end()].strip())
        raw = raw[m.end():]
        while (again := _DATE_PREFIX.match(raw)) and again[0].split() == m[0].split():
            raw = raw[again.end():]  # the same dateline repeated: not article text
    if not raw.strip():
        raise InputError("empty document")
    return make_document(raw, path=path, published=published, precision=precision,
                         fallback=fallback)


def parse_date(value: str) -> tuple[date, Precision]:
    """``YYYY-MM-DD`` (an ISO date-time too) or ``YYYY-MM``; raises ``InputError`` otherwise."""
    value = value.strip()
    if m := _ISO_DAY.match(value):
        return _date_parts(m[1], m[2], m[3], value)
    if m := _ISO_MONTH.match(value):
        return _date_parts(m[1], m[2], None, value)
    try:
        return datetime.fromisoformat(value).date(), "day"
    except ValueError:
        raise InputError(f"date {value!r} is not YYYY-MM-DD or YYYY-MM") from None


def _date_parts(year: str, month: str, day: str | None, shown: str) -> tuple[date, Precision]:
    try:
        return date(int(year), int(month), int(day) if day else 1), "day" if day else "month"
    except ValueError:
        raise InputError(f"date {shown!r} does not exist") from None


def _dateline(text: str) -> tuple[date | None, Precision | None]:
    from sitrep.time import publication_date_from_text

    found = publication_date_from_text(text)
    if found is None:
        return None, None
    day, precision = found
    return day, "month" if precision == "month" else "day"


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if isinstance(value, str) else None
    return value or None
