"""Numbered schema migrations, applied in order when a store is opened.

``schema_version`` holds one row per applied step. An empty database gets the
current schema (``schema.metadata``) at once and is stamped with every
version; the steps after the first bring databases made by older sitreps up
to date. To change the schema, edit ``schema.py`` and append a step that turns
version N-1 into N (never edit a released one), written with SQLAlchemy Core /
DDL constructs so it runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text

from sitrep.errors import StoreError
from sitrep.store import schema

Step = Callable[[Connection], None]
#: PostgreSQL advisory lock held while migrating ("sitrep" in ASCII)
LOCK_KEY = 0x736974726570


def create_current(conn: Connection) -> None:
    """Every table of the current schema (what an empty database gets)."""
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]
    schema.metadata.create_all(conn, tables=tables)


def _v1_initial(conn: Connection) -> None:
    """Documents, extractions, evidence and reviews (version 1 is the first schema)."""
    create_current(conn)


def _v2_place_keys_and_merged_events(conn: Connection) -> None:
    """``places.place_key`` (filled for stored places) and the merged-event tables.

    The merged events themselves are written by ``Store.merged_events`` on the next
    read or ingest: they need the fusion rule, not only the rows.
    """
    from sitrep.fuse.identity import place_key
    from sitrep.store.rows import place_from_row

    conn.execute(text("ALTER TABLE places ADD COLUMN place_key TEXT"))
    # plain DDL: an ``Index`` built on ``schema.places`` would join the live metadata
    conn.execute(text("CREATE INDEX ix_places_place_key ON places (place_key)"))
    places = schema.places
    for row in conn.execute(select(places)).mappings().all():
        key = place_key(place_from_row(row, []))
        conn.execute(places.update().where(places.c.id == row["id"]).values(place_key=key))
    schema.metadata.create_all(
        conn, tables=[schema.merged_events, schema.merged_event_reports])


def _v3_event_flags(conn: Connection) -> None:
    """``events.flags``: what an event lacks ("no place", "place not geocoded"), which
    exports read back from the store lost before. Older events get an empty list."""
    conn.execute(text("ALTER TABLE events ADD COLUMN flags TEXT NOT NULL DEFAULT '[]'"))


def _v4_disputed_dates(conn: Connection) -> None:
    """``merged_events.date_disputed`` and ``reported_dates``: a capture its sources date
    differently, shown to SQL as exports and the map show it. The merged events are
    dropped so that the next read writes them again with both filled. A table made by
    step 2 on this sitrep already has both (it is created from the current schema)."""
    present = {c["name"] for c in inspect(conn).get_columns("merged_events")}
    if "date_disputed" not in present:
        conn.execute(text("ALTER TABLE merged_events ADD COLUMN date_disputed BOOLEAN "
                          "NOT NULL DEFAULT FALSE"))
    if "reported_dates" not in present:
        conn.execute(text("ALTER TABLE merged_events ADD COLUMN reported_dates TEXT "
                          "NOT NULL DEFAULT '[]'"))
    conn.execute(schema.merged_event_reports.delete())
    conn.execute(schema.merged_events.delete())


#: migration steps; step ``i`` (1-based) brings the schema from version ``i - 1`` to ``i``
STEPS: tuple[Step, ...] = (_v1_initial, _v2_place_keys_and_merged_events, _v3_event_flags,
                           _v4_disputed_dates)
HEAD = len(STEPS)


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 when empty)."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> int:
    """Apply every pending step, each in its own locked transaction; returns the version."""
    with _locked(engine) as conn:
        schema.schema_version.create(conn, checkfirst=True)
        version = current_version(conn)
        if version > HEAD:
            raise StoreError(
                f"the database has schema version {version}, newer than this sitrep "
                f"({HEAD}): upgrade sitrep")
        if version == 0:
            create_current(conn)
            _stamp(conn, range(1, HEAD + 1))
            return HEAD
    for number in range(version + 1, HEAD + 1):
        with _locked(engine) as conn:
            if current_version(conn) >= number:  # another process got there first
                continue
            STEPS[number - 1](conn)
            _stamp(conn, [number])
    return HEAD


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A transaction no other migrating process runs beside (several workers open at once)."""
    with engine.connect() as conn:
        conn.execution_options(sqlite_begin="IMMEDIATE")  # take SQLite's write lock first
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            yield conn


def _stamp(conn: Connection, versions: Iterable[int]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for number in versions:
        conn.execute(schema.schema_version.insert().values(version=number, applied_at=now))
