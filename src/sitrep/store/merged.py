"""Merged events in the store: what SQL, Datasette, exports and the map all show.

Fusion (``sitrep.fuse.events.merge_events``) needs every stored report, so the
merged events are not written document by document: they are recomputed as a
whole, in one transaction, when they no longer cover the stored reports (after
an ingest or a re-extraction) or were made by another version of the fusion
rule, and read back as they are otherwise. Exports and the web view read them
through ``Store.merged_events``, so they show exactly the rows SQL sees.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from sqlalchemy import Connection, func, insert, select, text

from sitrep.fuse.events import COMPONENT, MergedEvent
from sitrep.model import Document, Event, Extraction
from sitrep.store import schema
from sitrep.store.rows import Row, event_id


def is_current(conn: Connection) -> bool:
    """Whether the stored merged events cover exactly the stored reports, by this rule."""
    links, reports = schema.merged_event_reports, schema.events
    unlinked = select(func.count()).select_from(reports).where(
        reports.c.id.not_in(select(links.c.event_id)))
    merged = schema.merged_events
    orphans = select(func.count()).select_from(merged).where(
        merged.c.id.not_in(select(links.c.merged_event_id)))
    other_rule = select(func.count()).select_from(merged).where(merged.c.component != COMPONENT)
    return all(conn.execute(q).scalar_one() == 0 for q in (unlinked, orphans, other_rule))


#: PostgreSQL advisory lock held while rewriting the merged events ("merged" in ASCII)
LOCK_KEY = 0x6D6572676564


def write(conn: Connection, groups: list[MergedEvent]) -> None:
    """Replace every merged event and link with ``groups`` (inside the caller's transaction).

    Two processes refreshing at once take turns (SQLite's write lock is taken by the
    first delete; PostgreSQL needs the advisory lock) and the later one's rows win.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    conn.execute(schema.merged_event_reports.delete())
    conn.execute(schema.merged_events.delete())
    if not groups:
        return
    conn.execute(insert(schema.merged_events), [merged_row(g) for g in groups])
    links = [{"merged_event_id": g.id, "event_id": ident, "document_id": doc.id,
              "position": i}
             for g in groups for i, (ident, (doc, _)) in enumerate(zip(g.ids, g.members,
                                                                      strict=True))]
    conn.execute(insert(schema.merged_event_reports), links)


def merged_row(group: MergedEvent) -> Row:
    """One merged event as a row: the representative report's fields, the lowest toll."""
    ev = group.event
    loc = ev.location
    interval = ev.date
    return {
        "id": group.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1, "actor2": ev.actor2,
        "date_start": _iso(interval.start) if interval else None,
        "date_end": _iso(interval.end) if interval else None,
        "date_text": interval.text if interval else None,
        "time_precision": interval.precision if interval else None,
        "event_date": _iso(interval.acled_event_date) if interval else None,
        "location": loc.name if loc else None,
        "place_key": group.place_key, "place_name": group.place_name,
        "admin1": loc.admin1 if loc else None, "country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": ev.geo_precision, "fatalities": group.fatalities,
        "fatality_counts": json.dumps(group.fatality_counts, ensure_ascii=False),
        "date_disputed": group.date_disputed,
        "reported_dates": json.dumps(group.reported_dates, ensure_ascii=False),
        "status": ev.status, "reports": len(group.members),
        "documents": len({doc.id for doc, _ in group.members}), "component": COMPONENT,
    }


def read(conn: Connection, extractions: list[Extraction]) -> list[MergedEvent]:
    """The stored merged events, their members taken from ``extractions`` (stored order)."""
    links = schema.merged_event_reports
    query = select(links.c.merged_event_id, links.c.event_id).order_by(
        links.c.merged_event_id, links.c.position)
    return assemble([(str(m), str(e)) for m, e in conn.execute(query)], extractions)


def restrict(groups: list[MergedEvent], extractions: list[Extraction]) -> list[MergedEvent]:
    """``groups`` (fused over every stored report) as ``read`` returns them for
    ``extractions``: members of other documents left out, in the same order."""
    return assemble([(g.id, ident) for g in groups for ident in g.ids], extractions)


def assemble(links: list[tuple[str, str]], extractions: list[Extraction]) -> list[MergedEvent]:
    """Merged events from (merged event id, report id) pairs, members from ``extractions``.

    Reports of documents left out of ``extractions`` (near-copies the web view skips)
    are left out; a merged event with none of its reports left is left out too.
    """
    reports: dict[str, tuple[Document, Event]] = {
        event_id(x.document.id, i): (x.document, ev)
        for x in extractions for i, ev in enumerate(x.events)}
    members: dict[str, MergedEvent] = defaultdict(MergedEvent)
    for merged_id, ident in links:
        if ident in reports:
            members[merged_id].members.append(reports[ident])
            members[merged_id].ids.append(ident)
    order = {ident: n for n, ident in enumerate(reports)}
    return sorted(members.values(), key=lambda g: order[g.ids[0]])


def fallback_notice(where: str, reason: str) -> str:
    """The one line said when merged events are out of date and cannot be stored."""
    return (f"sitrep: notice: the merged events stored in {where} are out of date and "
            f"cannot be rewritten ({reason}); using them as fused in memory, nothing written "
            "(hint: open the database writable once, e.g. 'sitrep status', to store them)")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
