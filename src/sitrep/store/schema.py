"""The database schema, as SQLAlchemy Core tables: plain columns only.

Dates are ISO text, lists are JSON text and booleans are small integers, so the
file opens as it is in Datasette or the ``sqlite3`` shell, and the same tables
work on PostgreSQL. Rows of one document are keyed by ``document_id``; child
rows get text ids derived from the document id and their position, so they are
stable across re-runs and never depend on a database sequence.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(64)  # content hashes and derived ids
SHORT = String(64)  # enumerations: statuses, precisions, roles


def _document_ref() -> Column[str]:
    return Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False, index=True)


def _date_columns(prefix: str = "date") -> list[Column[object]]:
    """An interval split into columns (ISO text), with its text and evidence offsets."""
    return [
        Column(f"{prefix}_start", String(10)),
        Column(f"{prefix}_end", String(10)),
        Column(f"{prefix}_text", Text),
    ]


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_precision", SHORT),
    Column("language", SHORT),
    Column("path", Text),
    Column("near_duplicate_of", ID, index=True),
    Column("flags", Text, nullable=False, default="[]"),  # JSON list
    Column("minhash", Text),  # hex of the MinHash signature, for near-duplicate lookups
    Column("ingested_at", String(32), nullable=False),
)

places = Table(
    "places", metadata,
    Column("id", ID, primary_key=True),
    _document_ref(),
    Column("position", Integer, nullable=False),
    Column("listed", Boolean, nullable=False),  # False: only an event's location, not a mention
    Column("mention", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", SHORT),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("admin3", Text),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("coord_source", Text),
    Column("uncertainty_km", Float),
    Column("geo_precision", Integer),
    Column("near", Text, nullable=False, default="[]"),  # JSON list
    Column("estimated", Boolean, nullable=False, default=False),
    Column("gazetteer_id", Text),
    Column("why", Text),
    # place identity (``sitrep.fuse.identity.place_key``): one key for every spelling
    Column("place_key", Text, index=True),
)

events = Table(
    "events", metadata,
    Column("id", ID, primary_key=True),
    _document_ref(),
    Column("position", Integer, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("actor1", Text),
    Column("actor2", Text),
    *_date_columns(),
    Column("time_precision", Integer),
    Column("event_date", String(10)),  # ACLED's single date, for easy export
    Column("place_id", ID, ForeignKey("places.id", ondelete="SET NULL")),
    Column("location", Text),
    Column("admin1", Text),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("near", Text, nullable=False, default="[]"),  # JSON list
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("weapons", Text, nullable=False, default="[]"),  # JSON list
    Column("status", SHORT, nullable=False),
    Column("source", Text),
    Column("background", Boolean, nullable=False, default=False),
    Column("optional", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("component", SHORT, nullable=False),
    Column("notes", Text),
    # what the event lacks ("no place", "place not geocoded"): JSON list, as exports write it
    Column("flags", Text, nullable=False, default="[]"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
)

actors = Table(
    "actors", metadata,
    Column("name", String(255), primary_key=True),
    Column("actor_type", Text),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor", String(255), ForeignKey("actors.name"), nullable=False, index=True),
    Column("role", SHORT, nullable=False),  # actor1, actor2, assoc
)

claims = Table(
    "claims", metadata,
    Column("id", ID, primary_key=True),
    _document_ref(),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("claimant", Text),
    Column("status", SHORT, nullable=False),
    Column("about", Text),
    Column("component", SHORT, nullable=False),
)

control_changes = Table(
    "control_changes", metadata,
    Column("id", ID, primary_key=True),
    _document_ref(),
    Column("position", Integer, nullable=False),
    Column("place", Text, nullable=False),
    Column("admin1", Text),
    Column("from_actor", Text),
    Column("to_actor", Text, nullable=False),
    Column("how", SHORT, nullable=False),
    *_date_columns(),
    Column("time_precision", Integer),
    Column("status", SHORT, nullable=False),
    Column("component", SHORT, nullable=False),
)

evidence_spans = Table(
    "evidence_spans", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_kind", SHORT, nullable=False),  # event, event_date, control, claim, place...
    Column("owner_id", ID, nullable=False),
    _document_ref(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_spans_owner", "owner_kind", "owner_id"),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", ID, nullable=False, index=True),
    Column("action", SHORT, nullable=False),  # confirm, reject, correct (or finer kinds)
    Column("field", SHORT),  # the corrected field, for corrections
    Column("value", Text),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
)

merged_events = Table(
    "merged_events", metadata,
    # one real event as fused from its reports (``sitrep.fuse.events.merge_events``);
    # the id is the smallest id of its reports, so it is stable while they are
    Column("id", ID, primary_key=True),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("actor1", Text),
    Column("actor2", Text),
    *_date_columns(),
    Column("time_precision", Integer),
    Column("event_date", String(10)),
    Column("location", Text),  # as the representative report spells it
    Column("place_key", Text, index=True),
    Column("place_name", Text),  # as the gazetteer spells it: one name per place_key
    Column("admin1", Text),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),  # the lowest figure any report gives (ACLED)
    Column("fatality_counts", Text, nullable=False, default="[]"),  # JSON: every figure
    # one capture its sources date differently (fuse ``same_capture``): every report's
    # own dates kept, as JSON like fatality_counts (date_start, date_end, document_id…)
    Column("date_disputed", Boolean, nullable=False, default=False),
    Column("reported_dates", Text, nullable=False, default="[]"),
    Column("status", SHORT, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("component", SHORT, nullable=False),  # fusion rule version
)

merged_event_reports = Table(
    "merged_event_reports", metadata,
    Column("merged_event_id", ID, ForeignKey("merged_events.id", ondelete="CASCADE"),
           nullable=False, index=True),
    # a report belongs to one merged event; deleting it (re-extraction) drops the link
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("position", Integer, nullable=False),
)

#: tables holding one document's extraction, children first (the order to delete in)
DOCUMENT_CHILDREN: tuple[Table, ...] = (
    evidence_spans, event_actors, event_sources, events, claims, control_changes, places,
)
