"""sitrep's command line: parses and dispatches; the work lives in the stage modules.

Each module in this package defines one click ``command``; they are registered
here so that adding a command never means editing a shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from sitrep.errors import SitrepError

HELP = """sitrep: conflict news to structured, sourced event data, offline.

\b
Workflow:
  sitrep ingest ARTICLES/ --db sitrep.db   read text/HTML/JSONL/feeds, extract, store
  sitrep status --db sitrep.db             what the database holds
  sitrep serve --db sitrep.db              offline map, timeline, control, review
  sitrep control Nawnghkio --at 2025-08-01 who held a place on a day
  sitrep contradictions --db sitrep.db     where sources disagree (both values kept)
  sitrep export --format acled-csv         ACLED CSV, GeoJSON or JSON Lines
  sitrep report --since D --until D        Markdown situation report with citations
  sitrep extract ARTICLE.txt --json out/   one JSON per article (GOLD.md schema)
  sitrep eval --gold ../shared/gold        score against gold annotations
  sitrep places ARTICLE.txt                each place mention, how it was resolved, why
  sitrep demo                              the whole path on invented sample dispatches
"""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            click.echo(f"sitrep: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    pass


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            main.add_command(command)


_register()
