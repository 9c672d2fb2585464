"""Checks shared by the commands: a database that must exist, a date window in order."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

from sitrep import settings
from sitrep.errors import StoreError

#: commands that create the database when it is missing; every other one refuses to
CREATING_COMMANDS: frozenset[str] = frozenset({"ingest", "demo"})


def existing_db(db: str | None) -> str:
    """The database setting (``--db`` first), which must name an existing database.

    Reading commands would otherwise create an empty SQLite file at a mistyped path and
    report that it holds nothing. Server URLs (PostgreSQL…) are left to the server.
    """
    value: str = settings.get("db", db)
    path = sqlite_path(value)
    if path is not None and not path.is_file():
        raise StoreError(f"no database at {path}",
                         hint="check --db (or the db setting); create one with "
                              f"'sitrep ingest ARTICLES --db {value}'")
    return value


def sqlite_path(value: str) -> Path | None:
    """The file a SQLite path or ``sqlite:///`` URL names; None for other databases."""
    if "://" not in value:
        return Path(value).expanduser()
    parts = urlsplit(value)
    if not parts.scheme.startswith("sqlite") or parts.path in ("", "/", "/:memory:"):
        return None
    return Path(unquote(parts.path[1:])).expanduser()


def check_window(since: datetime | date | None, until: datetime | date | None) -> None:
    """``--until`` before ``--since`` is a usage error, not an empty result."""
    if since is not None and until is not None and until < since:
        raise click.BadParameter(f"{_day(until)} must not be before --since {_day(since)}",
                                 param_hint="--until")


def _day(value: datetime | date) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()
