"""Metadata kept beside the articles: a folder's ``SOURCES.tsv``.

A tab-separated file with a header row: ``id`` (a file name without its
suffix) and any of ``source``, ``url``, ``title``, ``date`` (``YYYY-MM-DD`` or
``YYYY-MM``). Its values fill what a plain-text or HTML file does not say
itself; a file's own date prefix or page metadata wins. Rows that cannot be
read are ignored, and a TSV without an ``id`` column is not a sidecar.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.documents import NO_METADATA, Metadata, Precision, parse_date

SIDECAR_NAME = "sources.tsv"  # matched without regard to case
#: the spellings looked for beside each file (no folder listing per file)
SIDECAR_SPELLINGS: tuple[str, ...] = ("SOURCES.tsv", "sources.tsv", "Sources.tsv")


def is_sidecar(file: Path) -> bool:
    return file.name.lower() == SIDECAR_NAME


def metadata_for(file: Path) -> Metadata:
    """What the sidecar of ``file``'s folder says about it (nothing when there is none)."""
    for name in SIDECAR_SPELLINGS:
        sidecar = file.parent / name
        try:
            info = sidecar.stat()
        except OSError:
            continue
        stamp = (info.st_mtime_ns, info.st_size)
        return _table(sidecar, stamp).get(file.stem, NO_METADATA)
    return NO_METADATA


@lru_cache(maxsize=64)
def _table(sidecar: Path, _stamp: tuple[int, int]) -> dict[str, Metadata]:
    """The sidecar's rows by id (cached per file version)."""
    try:
        with sidecar.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return {row["id"].strip(): _metadata(row) for row in rows if (row.get("id") or "").strip()}


def _metadata(row: dict[str, str | None]) -> Metadata:
    published, precision = _date(row.get("date"))
    return Metadata(source=_value(row, "source"), url=_value(row, "url"),
                    title=_value(row, "title"), published=published, precision=precision)


def _value(row: dict[str, str | None], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def _date(value: str | None) -> tuple[date | None, Precision | None]:
    if not value or not value.strip():
        return None, None
    try:
        return parse_date(value)
    except InputError:
        return None, None
