"""`sitrep report`: a Markdown situation report for a period, citing its sources."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from sitrep.cli.options import check_window, existing_db
from sitrep.errors import SitrepError
from sitrep.report import Window, situation_report
from sitrep.store import Store

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command("report")
@click.option("--since", type=DAY, required=True, help="First day of the period (YYYY-MM-DD).")
@click.option("--until", type=DAY, required=True, help="Last day of the period (YYYY-MM-DD).")
@click.option("--region", help="Only events and control changes in this admin1 region.")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db); must exist.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report here instead of standard output.")
def command(since: datetime, until: datetime, region: str | None, db: str | None,
            output: Path | None) -> None:
    """Key events by place and date, control changes and contradictions, with citations."""
    check_window(since, until)
    with Store.open(existing_db(db)) as store:
        text = situation_report(store.load_extractions(),
                                Window(since.date(), until.date(), region))
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise SitrepError(f"cannot write {output}: {exc.strerror}") from exc
        click.echo(f"report written to {output}", err=True)
