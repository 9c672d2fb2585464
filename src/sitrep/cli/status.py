"""`sitrep status`: what the database holds, table by table."""

from __future__ import annotations

import click

from sitrep.cli.notices import store_notices
from sitrep.cli.options import existing_db
from sitrep.store import Store


@click.command("status")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db).")
def command(db: str | None) -> None:
    """Count the documents, events (reports and merged), places, claims and reviews."""
    with Store.open(existing_db(db)) as store:
        merged = len(store.merged_events())  # brought up to date first, as exports see them
        counts = store.counts()
        click.echo(f"{store.display_url} (schema version {store.version}): "
                   f"{counts['events']} reported events in {merged} merged events")
        notices = store_notices(store)
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        click.echo(f"  {name:<{width}}  {count}")
    for line in notices:
        click.echo(line, err=True)
