"""Fused events as JSON Lines: one event per line with every member, value and evidence span."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any, TextIO

from sitrep.export.acled_csv import acled_row, location_as_written
from sitrep.fuse.events import MergedEvent
from sitrep.model import Document


def document_record(doc: Document) -> dict[str, Any]:
    """Who said it: the document's metadata, without its text."""
    return {"id": doc.id, "source": doc.source, "title": doc.title, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None}


def event_record(group: MergedEvent, timestamp: int) -> dict[str, Any]:
    """The fused event (ACLED fields), its fatality counts and each source's own extraction."""
    return {
        "id": group.id, "member_ids": list(group.ids), "place_key": group.place_key,
        "place_name": group.place_name, "location_as_written": location_as_written(group),
        "acled": acled_row(group, timestamp),
        "fatality_counts": group.fatality_counts,
        # one capture its sources date differently: every report's dates, as the
        # store's merged_events columns and the CSV notes' "[Date disputed: …]" say
        "date_disputed": group.date_disputed, "reported_dates": group.reported_dates,
        "members": [{"document": document_record(doc), "event": _plain(asdict(ev))}
                    for doc, ev in group.members],
    }


def _plain(value: Any) -> Any:
    """Dates as ISO text so that the record is plain JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def write_jsonl(groups: list[MergedEvent], out: TextIO, timestamp: int) -> int:
    for group in groups:
        out.write(json.dumps(event_record(group, timestamp), ensure_ascii=False) + "\n")
    return len(groups)
