"""`sitrep contradictions`: where sources disagree, with both values and their evidence."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.options import existing_db
from sitrep.fuse.contradictions import Contradiction, all_contradictions
from sitrep.store import Store


@click.command("contradictions")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db).")
@click.option("--json", "as_json", is_flag=True, help="Print the contradictions as JSON.")
def command(db: str | None, as_json: bool) -> None:
    """List where documents disagree: death tolls, who took a place, dates, distances."""
    with Store.open(existing_db(db)) as store:
        extractions = store.load_extractions()
        found = all_contradictions(extractions, store.merged_events(extractions))
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in found], indent=1, ensure_ascii=False))
    elif not found:
        click.echo("No contradictions between the stored documents.")
    else:
        Console(width=160).print(_table(found))


def _table(found: list[Contradiction]) -> Table:
    table = Table(title=f"{len(found)} contradictions", show_lines=True)
    for column in ("kind", "what", "value", "document", "evidence"):
        table.add_column(column, overflow="fold")
    for item in found:
        for i, value in enumerate(item.values):
            title = f"\n{value.title}" if value.title and value.title != value.label else ""
            table.add_row(item.kind if i == 0 else "", item.what if i == 0 else "",
                          value.value, f"{value.label}{title}\n{value.url or value.document}",
                          value.evidence)
    return table
