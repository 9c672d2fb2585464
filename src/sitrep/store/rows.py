"""Model objects to table rows and back: the only place that knows both shapes.

Child rows get ids derived from the document id, their kind and position, so
saving the same extraction again gives the same ids. Event ids use the same
formula as the web view's ``event_key`` so reviews point at stored events.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sitrep.fuse.identity import place_key
from sitrep.model import (
    Claim,
    ControlChange,
    DateInterval,
    Document,
    Event,
    Place,
    Span,
)

Row = dict[str, Any]
#: a row read back (SQLAlchemy's ``RowMapping`` or a plain dict)
RowIn = Mapping[Any, Any]


def event_id(document_id: str, index: int) -> str:
    """Stable id of the ``index``-th event of a document (as ``sitrep.fuse.events.event_key``)."""
    return hashlib.sha1(f"{document_id}:{index}".encode()).hexdigest()[:16]


def child_id(document_id: str, kind: str, index: int) -> str:
    """Stable id of the ``index``-th place, claim or control change of a document."""
    return hashlib.sha1(f"{document_id}:{kind}:{index}".encode()).hexdigest()[:16]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def encode_list(values: list[str]) -> str:
    """A list as JSON text, for the plain list columns."""
    return json.dumps(list(values), ensure_ascii=False)


def decode_list(value: str | None) -> list[str]:
    return list(json.loads(value)) if value else []


def document_row(doc: Document, flags: list[str], minhash: str | None, now: str) -> Row:
    return {
        "id": doc.id, "text": doc.text, "source": doc.source, "url": doc.url,
        "title": doc.title, "published": _iso(doc.published),
        "published_precision": doc.published_precision, "language": doc.language,
        "path": doc.path, "near_duplicate_of": doc.near_duplicate_of,
        "flags": encode_list(flags), "minhash": minhash, "ingested_at": now,
    }


def document_from_row(row: RowIn) -> Document:
    return Document(
        id=row["id"], text=row["text"], source=row["source"], url=row["url"],
        title=row["title"], published=_date(row["published"]),
        published_precision=row["published_precision"], language=row["language"],
        path=row["path"], near_duplicate_of=row["near_duplicate_of"],
    )


def place_row(place: Place, place_id: str, document_id: str, position: int,
              listed: bool) -> Row:
    return {
        "id": place_id, "document_id": document_id, "position": position, "listed": listed,
        "mention": place.mention, "name": place.name, "kind": place.kind,
        "admin1": place.admin1, "admin2": place.admin2, "admin3": place.admin3,
        "country": place.country, "lat": place.lat, "lon": place.lon,
        "coord_source": place.coord_source, "uncertainty_km": place.uncertainty_km,
        "geo_precision": place.geo_precision, "near": encode_list(place.near),
        "estimated": place.estimated, "gazetteer_id": place.gazetteer_id, "why": place.why,
        "place_key": place_key(place),
    }


def place_from_row(row: RowIn, spans: list[Span]) -> Place:
    return Place(
        mention=row["mention"], name=row["name"], kind=row["kind"], admin1=row["admin1"],
        admin2=row["admin2"], admin3=row["admin3"], country=row["country"], lat=row["lat"],
        lon=row["lon"], coord_source=row["coord_source"],
        uncertainty_km=row["uncertainty_km"], geo_precision=row["geo_precision"],
        near=decode_list(row["near"]), estimated=bool(row["estimated"]),
        gazetteer_id=row["gazetteer_id"], why=row["why"], spans=spans,
    )


def _interval_columns(interval: DateInterval | None) -> Row:
    if interval is None:
        return {"date_start": None, "date_end": None, "date_text": None, "time_precision": None}
    return {
        "date_start": _iso(interval.start), "date_end": _iso(interval.end),
        "date_text": interval.text, "time_precision": interval.precision,
    }


def interval_from_row(row: RowIn, span: Span | None) -> DateInterval | None:
    if row["date_text"] is None and row["date_start"] is None and row["date_end"] is None:
        return None
    return DateInterval(
        start=_date(row["date_start"]), end=_date(row["date_end"]),
        text=row["date_text"] or "", precision=row["time_precision"], span=span,
    )


def event_row(event: Event, ident: str, document_id: str, position: int,
              place_id: str | None) -> Row:
    loc = event.location
    return {
        "id": ident, "document_id": document_id, "position": position,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "actor2": event.actor2,
        **_interval_columns(event.date),
        "event_date": _iso(event.date.acled_event_date) if event.date else None,
        "place_id": place_id,
        "location": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "near": encode_list(event.near), "geo_precision": event.geo_precision,
        "fatalities": event.fatalities, "injured": event.injured,
        "weapons": encode_list(event.weapons), "status": event.status, "source": event.source,
        "background": event.background, "optional": event.optional,
        "confidence": event.confidence, "component": event.component, "notes": event.notes,
        "flags": encode_list(event.flags),
    }


def event_from_row(row: RowIn, assoc: list[str], location: Place | None,
                   evidence: list[Span], date_span: Span | None) -> Event:
    return Event(
        event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"], assoc_actors=assoc,
        date=interval_from_row(row, date_span), location=location, near=decode_list(row["near"]),
        geo_precision=row["geo_precision"], fatalities=row["fatalities"],
        injured=row["injured"], weapons=decode_list(row["weapons"]), status=row["status"],
        source=row["source"], background=bool(row["background"]),
        optional=bool(row["optional"]), evidence=evidence, confidence=row["confidence"],
        component=row["component"], notes=row["notes"], flags=decode_list(row["flags"]),
    )


def event_actor_rows(event: Event, ident: str) -> list[Row]:
    """actor1, actor2 and associated actors, in that order, with their role."""
    named = [("actor1", event.actor1), ("actor2", event.actor2)]
    named += [("assoc", actor) for actor in event.assoc_actors]
    present = [(role, actor) for role, actor in named if actor]
    return [{"event_id": ident, "position": i, "actor": actor, "role": role}
            for i, (role, actor) in enumerate(present)]


def control_row(change: ControlChange, ident: str, document_id: str, position: int) -> Row:
    return {
        "id": ident, "document_id": document_id, "position": position,
        "place": change.place, "admin1": change.admin1, "from_actor": change.from_actor,
        "to_actor": change.to_actor, "how": change.how, **_interval_columns(change.date),
        "status": change.status, "component": change.component,
    }


def control_from_row(row: RowIn, evidence: list[Span],
                     date_span: Span | None) -> ControlChange:
    return ControlChange(
        place=row["place"], to_actor=row["to_actor"], how=row["how"],
        from_actor=row["from_actor"], admin1=row["admin1"],
        date=interval_from_row(row, date_span), status=row["status"], evidence=evidence,
        component=row["component"],
    )


def claim_row(claim: Claim, ident: str, document_id: str, position: int) -> Row:
    return {
        "id": ident, "document_id": document_id, "position": position, "text": claim.text,
        "claimant": claim.claimant, "status": claim.status, "about": claim.about,
        "component": claim.component,
    }


def claim_from_row(row: RowIn, evidence: list[Span]) -> Claim:
    return Claim(text=row["text"], claimant=row["claimant"], status=row["status"],
                 about=row["about"], evidence=evidence, component=row["component"])


def span_rows(spans: list[Span], owner_kind: str, owner_id: str, document_id: str) -> list[Row]:
    return [
        {"owner_kind": owner_kind, "owner_id": owner_id, "document_id": document_id,
         "position": i, "start": s.start, "end": s.end, "text": s.text}
        for i, s in enumerate(spans)
    ]


def span_from_row(row: RowIn) -> Span:
    return Span(start=row["start"], end=row["end"], text=row["text"])
