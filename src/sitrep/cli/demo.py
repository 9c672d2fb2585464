"""`sitrep demo`: ingest the embedded sample dispatches and show what sitrep found."""

from __future__ import annotations

import click
from rich.console import Console

from sitrep import settings
from sitrep.batch import ingest_paths
from sitrep.demo import control_table, demo_paths, events_table
from sitrep.store import Store


@click.command("demo")
@click.option("--db", default=None,
              help="Database to fill (default: setting db, sitrep.db).")
def command(db: str | None) -> None:
    """Run sitrep on its embedded sample dispatches (invented) and print the result."""
    console = Console()
    with Store.open(settings.get("db", db)) as store:
        summary = ingest_paths(demo_paths(), store)
        console.print(f"demo: {summary.describe()} in {store.display_url}")
        extractions = store.load_extractions()
    console.print(events_table(extractions))
    console.print(control_table(extractions))
    console.print("Next: `sitrep serve` for the map, `sitrep export --format acled-csv`.")
