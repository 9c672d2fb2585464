"""Numbered schema migrations, applied in order when a store is opened.

``schema_version`` holds one row per applied step. A new step is appended to
``STEPS`` (never edit a released one) and must be written with SQLAlchemy
Core / DDL constructs so it runs on SQLite and PostgreSQL alike. Migrating an
empty database through every step must give exactly ``schema.metadata``; a
test checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from sitrep.errors import StoreError
from sitrep.store import schema

Step = Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Documents, extractions, evidence and reviews."""
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]
    schema.metadata.create_all(conn, tables=tables)


#: migration steps; step ``i`` (1-based) brings the schema to version ``i``
STEPS: tuple[Step, ...] = (_v1_initial,)
HEAD = len(STEPS)


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 when empty)."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> int:
    """Apply every pending step, each in its own transaction; returns the version reached."""
    with engine.begin() as conn:
        schema.schema_version.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > HEAD:
        raise StoreError(
            f"the database has schema version {version}, newer than this sitrep ({HEAD}): "
            "upgrade sitrep")
    for number in range(version + 1, HEAD + 1):
        with engine.begin() as conn:
            if current_version(conn) >= number:  # another process got there first
                continue
            STEPS[number - 1](conn)
            conn.execute(schema.schema_version.insert().values(
                version=number, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
    return HEAD
