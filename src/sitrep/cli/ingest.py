"""`sitrep ingest`: read articles, extract, and store them in the database."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep import settings
from sitrep.batch import BatchSummary, Published, collect_files, ingest_paths
from sitrep.cli.notices import batch_notices
from sitrep.errors import InputError, InterruptError, NothingStoredError, SitrepError
from sitrep.ingest import Rejected, parse_date
from sitrep.store import Store

#: batches with more files than this get a progress bar
PROGRESS_AFTER = 3
RESUME_HINT = "run the same command again to resume: stored documents are skipped"


class PublicationDate(click.ParamType):
    """``YYYY-MM-DD`` or ``YYYY-MM`` (a month), as a SOURCES.tsv ``date`` is written."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Published:
        if isinstance(value, tuple):
            return value  # type: ignore[return-value]
        try:
            return parse_date(str(value))
        except InputError as exc:
            self.fail(str(exc), param, ctx)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db); created when missing.")
@click.option("--workers", type=int, default=None,
              help="Processes that extract in parallel (default: setting workers, 1).")
@click.option("--engine", default="local", show_default=True,
              help="Where the workers run: local processes, or ray (Ray Data).")
@click.option("--reextract", is_flag=True,
              help="Extract documents already stored again and replace their extraction "
              "(after upgrading sitrep); one worker only.")
@click.option("--published", type=PublicationDate(), default=None,
              help="Publication date (YYYY-MM-DD or YYYY-MM) of the articles that give none "
              "themselves (their own date, SOURCES.tsv or page metadata win).")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=None,
              metavar="SECONDS", help="Skip an article whose extraction takes longer, and go "
              "on (default: setting article_timeout, 300; 0: no limit).")
def command(paths: tuple[Path, ...], db: str | None, workers: int | None, engine: str,
            reextract: bool, published: Published | None, article_timeout: float | None
            ) -> None:
    """Ingest articles (text, HTML, JSON Lines, RSS/Atom, folders) into the database.

    Each article is extracted and stored once: running the command again stores
    nothing new, and a republished near-copy is linked to its original. Articles
    without a publication date, or not in English, are counted in a warning; a
    batch in which every input was rejected exits with an error.
    """
    def skipped(rejected: Rejected) -> None:
        click.echo(f"skipped {rejected.path}: {rejected.reason}", err=True)

    run = _runner(settings.get("workers", workers), engine, reextract, published,
                  settings.get("article_timeout", article_timeout))
    total = len(collect_files(paths))
    summary = BatchSummary()
    with Store.open(settings.get("db", db)) as store:
        try:
            _run(run, paths, store, summary, skipped, total)
        except KeyboardInterrupt:
            click.echo(summary.describe())
            raise InterruptError("interrupted: the documents counted above are stored",
                                 hint=RESUME_HINT) from None
        store.merged_events()  # fused again when new reports came: SQL sees them at once
    click.echo(summary.describe())
    for line in batch_notices(summary):
        click.echo(line, err=True)
    if summary.skipped and not summary.kept:
        raise NothingStoredError(f"nothing stored: all {len(summary.skipped)} input(s) were "
                                 "rejected", hint="see the reasons above")


def _run(run: Callable[..., BatchSummary], paths: tuple[Path, ...], store: Store,
         summary: BatchSummary, on_skip: Callable[[Rejected], None], total: int) -> None:
    if total <= PROGRESS_AFTER:
        run(paths, store, on_skip=on_skip, summary=summary)
        return
    with _progress() as bar:
        task = bar.add_task("ingesting", total=total)
        run(paths, store, on_skip=on_skip, summary=summary,
            on_file=lambda _file: bar.advance(task))


def _runner(workers: int, engine: str, reextract: bool, published: Published | None,
            timeout: float) -> Callable[..., BatchSummary]:
    """The loop in this process, or the engines' parallel one when asked for."""
    if workers == 1 and engine == "local":
        return functools.partial(ingest_paths, reextract=reextract, published=published,
                                 timeout=timeout)
    if reextract:
        raise SitrepError("--reextract runs in one process",
                          hint="leave out --workers and --engine")
    from sitrep.engines import ingest_paths as ingest_in_parallel

    return functools.partial(ingest_in_parallel, workers=workers, engine=engine,
                             published=published, timeout=timeout)


def _progress() -> Progress:
    """A bar on stderr, so that stdout carries only the summary."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), transient=True, console=Console(stderr=True))



