"""`sitrep extract`: run the pipeline on files and write one JSON per document."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.ingest import Rejected, read_path
from sitrep.pipeline import extract_document


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "json_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for one <name>.json per document, in GOLD.md's schema.")
def command(paths: tuple[Path, ...], json_dir: Path) -> None:
    """Extract events, control changes, places and claims from articles."""
    json_dir.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for path in paths:
        for item in read_path(path):
            if isinstance(item, Rejected):
                click.echo(f"skipped {item.path}: {item.reason}", err=True)
                skipped += 1
                continue
            extraction = extract_document(item)
            name = Path(item.path).stem if item.path else item.id
            out = json_dir / f"{name}.json"
            out.write_text(json.dumps(extraction.to_gold_dict(), indent=1, ensure_ascii=False),
                           encoding="utf-8")
            written += 1
    click.echo(f"wrote {written} JSON file(s) to {json_dir}; skipped {skipped}", err=True)
