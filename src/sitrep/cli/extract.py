"""`sitrep extract`: run the pipeline on files and write one JSON per document."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

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
def command(paths: tuple[Path, ...], json_dir: Path) -> None:
    """Extract events, control changes, places and claims from articles (no database)."""
    json_dir.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for path in paths:
        for item in read_path(path):
            if isinstance(item, Rejected):
                click.echo(f"skipped {item.path}: {item.reason}", err=True)
                skipped += 1
                continue
            record = extract_document(item).to_gold_dict()
            name = output_name(item)
            record["x_document"]["content_id"] = record["id"]
            record["id"] = name
            (json_dir / f"{name}.json").write_text(
                json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
            written += 1
    click.echo(f"wrote {written} JSON file(s) to {json_dir}; skipped {skipped}", err=True)
