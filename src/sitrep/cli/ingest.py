"""`sitrep ingest`: read articles, extract, and store them in the database."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep import settings
from sitrep.batch import BatchSummary, collect_files, ingest_paths
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected
from sitrep.store import Store

#: batches with more files than this get a progress bar
PROGRESS_AFTER = 3


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db).")
@click.option("--workers", type=int, default=None,
              help="Processes that extract in parallel (default: setting workers, 1).")
@click.option("--engine", default="local", show_default=True,
              help="Where the workers run: local processes, or ray (Ray Data).")
@click.option("--reextract", is_flag=True,
              help="Extract documents already stored again and replace their extraction "
              "(after upgrading sitrep); one worker only.")
def command(paths: tuple[Path, ...], db: str | None, workers: int | None, engine: str,
            reextract: bool) -> None:
    """Ingest articles (text, HTML, JSON Lines, RSS/Atom, folders) into the database.

    Each article is extracted and stored once: running the command again stores
    nothing new, and a republished near-copy is linked to its original.
    """
    def skipped(rejected: Rejected) -> None:
        click.echo(f"skipped {rejected.path}: {rejected.reason}", err=True)

    run = _runner(settings.get("workers", workers), engine, reextract)
    total = len(collect_files(paths))
    with Store.open(settings.get("db", db)) as store:
        if total <= PROGRESS_AFTER:
            summary = run(paths, store, on_skip=skipped)
        else:
            with _progress() as bar:
                task = bar.add_task("ingesting", total=total)
                summary = run(paths, store, on_skip=skipped,
                              on_file=lambda _file: bar.advance(task))
        store.merged_events()  # fused again when new reports came: SQL sees them at once
        click.echo(summary.describe())


def _runner(workers: int, engine: str, reextract: bool) -> Callable[..., BatchSummary]:
    """The loop in this process, or the engines' parallel one when asked for."""
    if workers == 1 and engine == "local":
        return functools.partial(ingest_paths, reextract=reextract)
    if reextract:
        raise SitrepError("--reextract runs in one process: leave out --workers and --engine")
    from sitrep.engines import ingest_paths as ingest_in_parallel

    return functools.partial(ingest_in_parallel, workers=workers, engine=engine)


def _progress() -> Progress:
    """A bar on stderr, so that stdout carries only the summary."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), transient=True, console=Console(stderr=True))
