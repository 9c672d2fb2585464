"""``Store``: saves extractions one document per transaction and rebuilds them on demand.

Only SQLAlchemy Core constructs are used on the write and read paths, so a
PostgreSQL URL works as well as the default SQLite file. A document is written
with everything extracted from it in one transaction: all or nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    RowMapping,
    Table,
    create_engine,
    event,
    func,
    insert,
    make_url,
    select,
)
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.sql.expression import ColumnElement, Executable

from sitrep import settings
from sitrep.errors import StoreError
from sitrep.fuse.events import MergedEvent, merge_events
from sitrep.model import Document, Event, Extraction, Place, Span
from sitrep.store import merged, rows, schema
from sitrep.store.migrations import migrate

#: tables listed first by ``counts`` (the rest follow)
_COUNT_ORDER = ("documents", "events", "merged_events", "places", "actors", "control_changes",
                "claims", "evidence_spans", "reviews")
#: ids per ``IN (...)`` list when loading a selection of documents
_CHUNK = 500


def database_url(value: str | None = None) -> str:
    """An SQLAlchemy URL for ``value`` (a URL, or a SQLite file path); default: setting ``db``."""
    value = value or settings.get("db")
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if not path.parent.is_dir():
        raise StoreError(f"cannot create database {path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


class Store:
    """The database behind sitrep: documents, their extractions, evidence and reviews."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self._engine = _create_engine(self.url)
        try:
            self.version = migrate(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(
                f"cannot open database {self.display_url}: {_one_line(exc)}") from exc

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating and migrating as needed) the store at ``url``."""
        return cls(url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- writing ---------------------------------------------------------------

    def save(self, extraction: Extraction, *, minhash: str | None = None) -> bool:
        """Store one document and its extraction; False if the document was already stored.

        ``minhash`` is the document's near-duplicate signature (computed when not given).
        """
        doc = extraction.document
        minhash = minhash or _signature(doc.text)
        with _as_store_error(f"save document {doc.id}"), self._engine.begin() as conn:
            row = rows.document_row(doc, extraction.flags, minhash, _now())
            if not _insert_ignoring_existing(conn, schema.documents, [row]):
                return False
            _write_extraction(conn, extraction)
        return True

    def replace(self, extraction: Extraction) -> None:
        """Swap a stored document's extraction for a new one (after an extractor upgrade).

        The document row keeps its id, text, signature and ``ingested_at``; reviews stay
        (event ids are positions, so they follow the event now at that position).
        """
        doc = extraction.document
        docs = schema.documents
        with _as_store_error(f"replace document {doc.id}"), self._engine.begin() as conn:
            found = conn.execute(select(docs.c.id).where(docs.c.id == doc.id)).first()
            if found is None:
                raise StoreError(f"document {doc.id} is not stored: save it first")
            _delete_extraction(conn, doc.id)
            conn.execute(docs.update().where(docs.c.id == doc.id).values(
                flags=rows.encode_list(extraction.flags)))
            _write_extraction(conn, extraction)

    def add_review(self, event_id: str, action: str, *, value: str | None = None,
                   field: str | None = None, note: str | None = None,
                   created_at: str | None = None) -> None:
        """Record a human review of an event (the web view writes these)."""
        row = {"event_id": event_id, "action": action, "field": field, "value": value,
               "note": note, "created_at": created_at or _now()}
        with _as_store_error("save a review"), self._engine.begin() as conn:
            conn.execute(insert(schema.reviews), [row])

    # -- reading ---------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        query = select(schema.documents.c.id).where(schema.documents.c.id == document_id)
        with self._reading() as conn:
            return conn.execute(query).first() is not None

    def document(self, document_id: str) -> Document | None:
        """The stored document with this id, without its extraction; None if absent."""
        query = select(schema.documents).where(schema.documents.c.id == document_id)
        with self._reading() as conn:
            row = conn.execute(query).mappings().first()
        return rows.document_from_row(row) if row is not None else None

    def document_ids(self) -> list[str]:
        """Ids of every stored document, in the order they were stored."""
        docs = schema.documents
        query = select(docs.c.id).order_by(docs.c.ingested_at, docs.c.id)
        with self._reading() as conn:
            return list(conn.execute(query).scalars())

    def signatures(self) -> Iterator[tuple[str, str]]:
        """(id, MinHash hex) of every stored original, for near-duplicate detection."""
        docs = schema.documents
        query = (select(docs.c.id, docs.c.minhash)
                 .where(docs.c.minhash.is_not(None), docs.c.near_duplicate_of.is_(None))
                 .order_by(docs.c.ingested_at, docs.c.id))
        with self._reading() as conn:
            for ident, minhash in conn.execute(query):
                yield str(ident), str(minhash)

    def load_extractions(self, document_ids: Iterable[str] | None = None, *,
                         near_duplicates: bool = True) -> list[Extraction]:
        """Rebuild the stored extractions (all, or those of ``document_ids``), oldest first."""
        wanted = None if document_ids is None else list(dict.fromkeys(document_ids))
        with self._reading() as conn:
            tables = {t.name: _select_rows(conn, t, wanted) for t in _EXTRACTION_TABLES}
        extractions = _rebuild(tables)
        if not near_duplicates:
            extractions = [x for x in extractions if x.document.near_duplicate_of is None]
        return extractions

    def merged_events(self, extractions: list[Extraction] | None = None) -> list[MergedEvent]:
        """The fused events as stored (recomputed and stored first when out of date).

        ``extractions``: the stored extractions already loaded (all of them, or all
        but near-copies); members are taken from them.
        """
        loaded = self.load_extractions() if extractions is None else extractions
        with self._reading() as conn:
            if merged.is_current(conn):
                return merged.read(conn, loaded)
        return self.refresh_merged(loaded)

    def refresh_merged(self, extractions: list[Extraction] | None = None) -> list[MergedEvent]:
        """Fuse every stored report again and replace the merged events (one transaction)."""
        loaded = self.load_extractions() if extractions is None else extractions
        groups = merge_events(loaded)
        with _as_store_error("store the merged events"), self._engine.begin() as conn:
            merged.write(conn, groups)
        return groups

    def reviews(self) -> list[dict[str, Any]]:
        """Every review, oldest first, as plain dicts (columns of ``reviews``)."""
        query = select(schema.reviews).order_by(schema.reviews.c.id)
        with self._reading() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``near_duplicates`` (documents linked to an original)."""
        tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]
        tables.sort(key=lambda t: _COUNT_ORDER.index(t.name) if t.name in _COUNT_ORDER else 99)
        docs = schema.documents
        with self._reading() as conn:
            counts = {t.name: _count(conn, t) for t in tables}
            counts["near_duplicates"] = _count(conn, docs, docs.c.near_duplicate_of.is_not(None))
        return counts

    def languages(self) -> dict[str, int]:
        """Stored originals (near-copies left out) per language code ("" when unknown)."""
        docs = schema.documents
        query = (select(docs.c.language, func.count()).where(docs.c.near_duplicate_of.is_(None))
                 .group_by(docs.c.language))
        with self._reading() as conn:
            return {str(code or ""): int(n) for code, n in conn.execute(query)}

    def undated_documents(self) -> int:
        """Stored originals without a publication date."""
        docs = schema.documents
        with self._reading() as conn:
            return _count(conn, docs, docs.c.published.is_(None)
                          & docs.c.near_duplicate_of.is_(None))

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return _hidden(self.url)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with _as_store_error(f"read {self.display_url}"), self._engine.connect() as conn:
            yield conn


@contextmanager
def _as_store_error(what: str) -> Iterator[None]:
    """Database errors as one-line ``StoreError``s saying what could not be done."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"could not {what}: {_one_line(exc)}") from exc


# -- engine ----------------------------------------------------------------------


def _create_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, connect_args=_connect_args(url))
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database URL {_hidden(url)!r}: {_one_line(exc)}") from exc
    if engine.dialect.name == "sqlite":
        _make_sqlite_transactional(engine)
    return engine


def _hidden(url: str) -> str:
    """``url`` with its password masked (as given when it does not parse)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _connect_args(url: str) -> dict[str, Any]:
    return {"timeout": 60} if url.startswith("sqlite") else {}


def _make_sqlite_transactional(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, open transactions (so DDL is transactional too)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


# -- writing one extraction -------------------------------------------------------


def _insert_ignoring_existing(conn: Connection, table: Table, values: list[rows.Row]) -> int:
    """Insert rows whose primary key is new; returns how many were inserted."""
    if not values:
        return 0
    key = next(iter(table.primary_key.columns))
    statement = _insert_or_nothing(conn, table, key)
    if statement is not None:  # RETURNING says what went in: rowcount is not reliable here
        return sum(len(conn.execute(statement, row).all()) for row in values)
    fresh = [row for row in values
             if conn.execute(select(key).where(key == row[key.name])).first() is None]
    if fresh:
        conn.execute(insert(table), fresh)
    return len(fresh)


def _insert_or_nothing(conn: Connection, table: Table,
                       key: ColumnElement[Any]) -> Executable | None:
    """``INSERT … ON CONFLICT DO NOTHING`` where the dialect has it (safe under concurrency)."""
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table).on_conflict_do_nothing().returning(key)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).on_conflict_do_nothing().returning(key)
    return None


def _delete_extraction(conn: Connection, doc_id: str) -> None:
    """Every row extracted from one document (children first); the document row stays."""
    events = select(schema.events.c.id).where(schema.events.c.document_id == doc_id)
    conn.execute(schema.event_actors.delete().where(schema.event_actors.c.event_id.in_(events)))
    conn.execute(schema.event_sources.delete().where(
        schema.event_sources.c.event_id.in_(events)))
    for table in schema.DOCUMENT_CHILDREN:
        if "document_id" in table.c:
            conn.execute(table.delete().where(table.c.document_id == doc_id))


class _Rows:
    """One extraction's rows, table by table, in the order they are written; each table
    then takes one multi-row statement instead of one per place, event or span (the
    evidence spans' row ids follow the same order as when they were written one by one)."""

    def __init__(self) -> None:
        self.by_table: dict[Table, list[rows.Row]] = {table: [] for table in (
            schema.places, schema.events, schema.event_sources, schema.event_actors,
            schema.control_changes, schema.claims, schema.evidence_spans)}
        self.actors: set[str] = set()

    def add(self, table: Table, *values: rows.Row) -> None:
        self.by_table[table].extend(values)

    def spans(self, spans: list[Span], kind: str, owner: str, doc_id: str) -> None:
        self.add(schema.evidence_spans, *rows.span_rows(spans, kind, owner, doc_id))

    def write(self, conn: Connection) -> None:
        _ensure_actors(conn, list(self.actors))
        for table, values in self.by_table.items():
            if values:
                conn.execute(insert(table), values)


def _write_extraction(conn: Connection, extraction: Extraction) -> None:
    doc_id = extraction.document.id
    out = _Rows()
    place_ids = _place_rows(out, extraction, doc_id)
    _event_rows(out, extraction.events, doc_id, place_ids)
    for i, change in enumerate(extraction.control):
        ident = rows.child_id(doc_id, "control", i)
        out.add(schema.control_changes, rows.control_row(change, ident, doc_id, i))
        out.spans(change.evidence, "control", ident, doc_id)
        out.spans(_date_span(change.date), "control_date", ident, doc_id)
        out.actors.update(name for name in (change.to_actor, change.from_actor) if name)
    for i, claim in enumerate(extraction.claims):
        ident = rows.child_id(doc_id, "claim", i)
        out.add(schema.claims, rows.claim_row(claim, ident, doc_id, i))
        out.spans(claim.evidence, "claim", ident, doc_id)
    out.write(conn)


def _place_rows(out: _Rows, extraction: Extraction, doc_id: str) -> dict[int, str]:
    """Listed places, then event locations not among them; returns id by ``id(place)``."""
    place_ids: dict[int, str] = {}
    located = [e.location for e in extraction.events if e.location is not None]
    for place in [*extraction.places, *located]:
        if id(place) in place_ids:
            continue
        position = len(place_ids)
        ident = rows.child_id(doc_id, "place", position)
        listed = position < len(extraction.places)
        out.add(schema.places, rows.place_row(place, ident, doc_id, position, listed))
        out.spans(place.spans, "place", ident, doc_id)
        place_ids[id(place)] = ident
    return place_ids


def _event_rows(out: _Rows, events: list[Event], doc_id: str, place_ids: dict[int, str]
                ) -> None:
    for i, ev in enumerate(events):
        ident = rows.event_id(doc_id, i)
        place_id = place_ids[id(ev.location)] if ev.location is not None else None
        out.add(schema.events, rows.event_row(ev, ident, doc_id, i, place_id))
        out.add(schema.event_sources, {"event_id": ident, "document_id": doc_id})
        actor_rows = rows.event_actor_rows(ev, ident)
        out.actors.update(r["actor"] for r in actor_rows if r["actor"])
        out.add(schema.event_actors, *actor_rows)
        out.spans(ev.evidence, "event", ident, doc_id)
        out.spans(_date_span(ev.date), "event_date", ident, doc_id)


def _ensure_actors(conn: Connection, names: Sequence[str | None]) -> None:
    fresh = sorted({name for name in names if name})
    _insert_ignoring_existing(conn, schema.actors,
                              [{"name": name, "actor_type": None} for name in fresh])


def _date_span(interval: Any) -> list[Span]:
    return [interval.span] if interval is not None and interval.span is not None else []


# -- reading extractions back -----------------------------------------------------

_EXTRACTION_TABLES: tuple[Table, ...] = (
    schema.documents, schema.places, schema.events, schema.event_actors,
    schema.control_changes, schema.claims, schema.evidence_spans,
)
Rows = dict[str, list[RowMapping]]


def _select_rows(conn: Connection, table: Table, wanted: list[str] | None) -> list[RowMapping]:
    """Rows of ``table`` belonging to the wanted documents (all when ``wanted`` is None)."""
    order = [c for c in (table.c.get("position"), table.c.get("id")) if c is not None]
    if wanted is None:
        return list(conn.execute(select(table).order_by(*order)).mappings())
    found: list[RowMapping] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        query = select(table).where(_belongs_to(table, chunk)).order_by(*order)
        found.extend(conn.execute(query).mappings())
    return found


def _belongs_to(table: Table, ids: list[str]) -> ColumnElement[bool]:
    if table is schema.documents:
        return schema.documents.c.id.in_(ids)
    if table is schema.event_actors:
        events = select(schema.events.c.id).where(schema.events.c.document_id.in_(ids))
        return schema.event_actors.c.event_id.in_(events)
    return table.c.document_id.in_(ids)


def _rebuild(tables: Rows) -> list[Extraction]:
    spans = _spans_by_owner(tables["evidence_spans"])
    places = {row["id"]: rows.place_from_row(row, spans[("place", row["id"])])
              for row in tables["places"]}
    by_doc: dict[str, Extraction] = {}
    for row in sorted(tables["documents"], key=lambda r: (r["ingested_at"], r["id"])):
        by_doc[row["id"]] = Extraction(document=rows.document_from_row(row),
                                       flags=rows.decode_list(row["flags"]))
    for row in tables["places"]:
        if row["listed"] and row["document_id"] in by_doc:
            by_doc[row["document_id"]].places.append(places[row["id"]])
    _attach_events(by_doc, tables, spans, places)
    for row in tables["control_changes"]:
        change = rows.control_from_row(row, spans[("control", row["id"])],
                                       _first(spans[("control_date", row["id"])]))
        _append(by_doc, row, "control", change)
    for row in tables["claims"]:
        _append(by_doc, row, "claims", rows.claim_from_row(row, spans[("claim", row["id"])]))
    return list(by_doc.values())


def _attach_events(by_doc: dict[str, Extraction], tables: Rows,
                   spans: Mapping[tuple[str, str], list[Span]], places: dict[str, Place]) -> None:
    assoc: dict[str, list[str]] = defaultdict(list)
    for row in tables["event_actors"]:
        if row["role"] == "assoc":
            assoc[row["event_id"]].append(row["actor"])
    for row in tables["events"]:
        ident = row["id"]
        location = places.get(row["place_id"]) if row["place_id"] else None
        ev = rows.event_from_row(row, assoc[ident], location, spans[("event", ident)],
                                 _first(spans[("event_date", ident)]))
        _append(by_doc, row, "events", ev)


def _append(by_doc: dict[str, Extraction], row: RowMapping, attribute: str, item: Any) -> None:
    extraction = by_doc.get(row["document_id"])
    if extraction is not None:
        getattr(extraction, attribute).append(item)


def _spans_by_owner(span_rows: list[RowMapping]) -> defaultdict[tuple[str, str], list[Span]]:
    spans: defaultdict[tuple[str, str], list[Span]] = defaultdict(list)
    for row in sorted(span_rows, key=lambda r: (r["owner_kind"], r["owner_id"], r["position"])):
        spans[(row["owner_kind"], row["owner_id"])].append(rows.span_from_row(row))
    return spans


def _first(spans: list[Span]) -> Span | None:
    return spans[0] if spans else None


def _count(conn: Connection, table: Table, where: ColumnElement[bool] | None = None) -> int:
    query = select(func.count()).select_from(table)
    if where is not None:
        query = query.where(where)
    return int(conn.execute(query).scalar_one())


def _signature(text: str) -> str:
    from sitrep.ingest.dedup import signature, to_hex

    return to_hex(signature(text))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(getattr(exc, "orig", None) or exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
