"""`sitrep export`: fused events as ACLED CSV, GeoJSON or JSON Lines, optionally filtered."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

import click

from sitrep.cli.options import check_window, existing_db
from sitrep.errors import SitrepError
from sitrep.export import WRITERS, EventFilter, writer_for
from sitrep.store import Store

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command("export")
@click.option("--format", "format_name", type=click.Choice(list(WRITERS)), default="acled-csv",
              show_default=True, help="Output format.")
@click.option("--since", type=DAY, help="Keep events on or after this day (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Keep events on or before this day (YYYY-MM-DD).")
@click.option("--place", help="Keep events at this location or in this admin area.")
@click.option("--actor", help="Keep events whose actors include this text.")
@click.option("--type", "event_type", help="Keep events of this event or sub-event type.")
@click.option("--include-unconfirmed", is_flag=True,
              help="Also export events only rumoured, planned, threatened or denied.")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db); must exist.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
def command(format_name: str, since: datetime | None, until: datetime | None,
            place: str | None, actor: str | None, event_type: str | None,
            include_unconfirmed: bool, db: str | None, output: Path | None) -> None:
    """Export the fused events (one row per real event, all its sources)."""
    check_window(since, until)
    chosen = EventFilter(since.date() if since else None, until.date() if until else None,
                         place, actor, event_type, include_unconfirmed)
    with Store.open(existing_db(db)) as store:
        groups = chosen.apply(store.merged_events())  # as stored: what SQL sees too
    write = writer_for(format_name)
    if output is None:
        count = write(groups, sys.stdout, int(time.time()))
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = write(groups, out, int(time.time()))
        except OSError as exc:
            raise SitrepError(f"cannot write {output}: {exc.strerror}") from exc
    missing = len(groups) - count
    left_out = f" ({missing} without coordinates left out)" if missing else ""
    click.echo(f"exported {count} events as {format_name}{left_out}", err=True)
