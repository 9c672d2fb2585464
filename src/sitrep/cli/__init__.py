"""sitrep's command line: parses and dispatches; the work lives in the stage modules.

Each module in this package defines one click ``command``; they are registered
here so that adding a command never means editing a shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

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
    """Every error on one line, in one style: ``sitrep: error: WHAT (hint: NEXT STEP)``.

    Click's own usage errors (a mistyped option, a bad value) included, so that a
    script or a person reads the same shape whatever went wrong; exit status 2.
    """

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            fail(exc.format_message(), f"see '{_command_path(exc.ctx)} --help'", exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), None, exc.exit_code)
        except SitrepError as exc:
            fail(str(exc), exc.hint, exc.exit_code)
        except click.Abort:
            fail("interrupted", None, 130)
        sys.exit(code if isinstance(code, int) else 0)


def _command_path(ctx: click.Context | None) -> str:
    """``sitrep export``: the command as the user types it, whatever the program's name."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["sitrep", *reversed(names)])


def error_line(message: str, hint: str | None = None) -> str:
    """``sitrep: error: MESSAGE (hint: HINT)``, flattened to one line."""
    line = f"sitrep: error: {' '.join(message.split())}"
    return f"{line} (hint: {' '.join(hint.split())})" if hint else line


def fail(message: str, hint: str | None, code: int) -> NoReturn:
    click.echo(error_line(message, hint), err=True)
    sys.exit(code)


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
