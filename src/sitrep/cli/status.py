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
    """Count the documents, events, places, claims and reviews in the database."""
    with Store.open(existing_db(db)) as store:
        counts = store.counts()
        click.echo(f"{store.display_url} (schema version {store.version})")
        notices = store_notices(store)
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        click.echo(f"  {name:<{width}}  {count}")
    for line in notices:
        click.echo(line, err=True)
