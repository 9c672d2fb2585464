"""`sitrep extract`: run the pipeline on files and write one JSON per document."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from sitrep.events import explain
from sitrep.ingest import Rejected, read_path
from sitrep.model import Document
from sitrep.pipeline import extract_document


def output_name(doc: Document) -> str:
    """The gold id of a document: its file's stem, plus the entry number inside a
    multi-document file (``feed.xml:3`` → ``feed-3``); the content hash otherwise."""
    if not doc.path:
        return doc.id
    match = re.fullmatch(r"(.*?)(?::(\d+))?", doc.path)
    stem = Path(match[1] if match else doc.path).stem
    return f"{stem}-{match[2]}" if match and match[2] else stem


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "json_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for one <name>.json per document, in GOLD.md's schema.")
@click.option("--explain", "explaining", is_flag=True,
              help="Add an 'explain' list to each JSON and print it: per event the trigger "
                   "and the words that gave its actors, place and date; per rejected "
                   "trigger, why.")
def command(paths: tuple[Path, ...], json_dir: Path, explaining: bool = False) -> None:
    """Extract events, control changes, places and claims from articles (no database)."""
    json_dir.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for path in paths:
        for item in read_path(path):
            if isinstance(item, Rejected):
                click.echo(f"skipped {item.path}: {item.reason}", err=True)
                skipped += 1
                continue
            with explain.recording() as notes:
                record = extract_document(item).to_gold_dict()
            name = output_name(item)
            if explaining:
                record["explain"] = notes
                click.echo(f"# {name}")
                for line in explanation_lines(notes):
                    click.echo(line)
            record["x_document"]["content_id"] = record["id"]
            record["id"] = name
            (json_dir / f"{name}.json").write_text(
                json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
            written += 1
    click.echo(f"wrote {written} JSON file(s) to {json_dir}; skipped {skipped}", err=True)


def explanation_lines(notes: list[dict[str, Any]]) -> list[str]:
    """One readable line per coded event or rejected trigger."""
    lines = []
    for note in notes:
        if "rejected" in note:
            what = f"'{note['trigger']}' ({note['kind']})" if "trigger" in note else \
                f"sentence '{note.get('text', '')}'"
            lines.append(f"  s{note['sentence']} rejected {what}: {note['rejected']}")
            continue
        place, date = note.get("place") or {}, note.get("date") or {}
        actor1 = note["actor1"]
        lines.append(
            f"  s{note['sentence']} '{note['trigger']}' -> {note['event']} [{note['status']}]"
            f"; actor1 {actor1['name']} from {actor1['words']}"
            + (f"; actor2 {note['actor2']['name']} from {note['actor2']['words']}"
               if note.get("actor2") else "")
            + f"; place {place.get('name')} from '{place.get('words')}' ({place.get('why')})"
            + f"; date {date.get('interval')} from '{date.get('words')}' ({date.get('why')})")
    return lines
