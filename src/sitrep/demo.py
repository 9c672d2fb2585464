"""The embedded default: invented sample dispatches, ingested and summarised.

``sitrep demo`` (and ``bash dev/demo``) runs sitrep's main job on these so a
newcomer sees the whole path, article to stored events, without any data.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from rich.table import Table

from sitrep.model import Extraction


def demo_paths() -> list[Path]:
    """The sample dispatches shipped in the package (written by the developers)."""
    folder = files("sitrep") / "data" / "demo"
    return sorted(Path(str(folder / name.name)) for name in folder.iterdir()
                  if name.name.endswith(".txt"))


def events_table(extractions: list[Extraction]) -> Table:
    """The stored events, one row each, with the sentence that says so."""
    table = Table(title="Events", show_lines=True)
    for column in ("date", "type", "actors", "location", "status", "evidence"):
        table.add_column(column, overflow="fold")
    for extraction in extractions:
        for event in extraction.events:
            table.add_row(
                _when(event.date.start, event.date.end) if event.date else "?",
                event.sub_event_type,
                " vs ".join(a for a in (event.actor1, event.actor2) if a),
                event.location.name if event.location else "?",
                event.status + (f" ({event.source})" if event.source else ""),
                event.evidence[0].text if event.evidence else "",
            )
    return table


def control_table(extractions: list[Extraction]) -> Table:
    """Stated changes of who holds a place, as read (fusion builds the timeline)."""
    table = Table(title="Control", show_lines=True)
    for column in ("place", "how", "to", "date", "status"):
        table.add_column(column, overflow="fold")
    for extraction in extractions:
        for change in extraction.control:
            date = change.date
            table.add_row(change.place, change.how, change.to_actor,
                          _when(date.start, date.end) if date else "?", change.status)
    return table


def _when(start: object, end: object) -> str:
    if start == end:
        return str(start)
    return f"{start or '…'} .. {end or '…'}"
