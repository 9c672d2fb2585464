"""`sitrep status`: what the database holds, table by table."""

from __future__ import annotations

import click

from sitrep import settings
from sitrep.store import Store


@click.command("status")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db).")
def command(db: str | None) -> None:
    """Count the documents, events, places, claims and reviews in the database."""
    with Store.open(settings.get("db", db)) as store:
        counts = store.counts()
        click.echo(f"{store.display_url} (schema version {store.version})")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        click.echo(f"  {name:<{width}}  {count}")
