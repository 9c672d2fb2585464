"""Plain data objects passed between pipeline stages.

Each stage takes and returns these; none reaches into another stage's
internals. Field names follow the gold schema (``../shared/GOLD.md``) so that
``Extraction.to_gold_dict`` is a straight mapping, and every extracted value
keeps its evidence (document, character offsets, producing component).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal[
    "reported", "attributed", "unverified", "rumour", "planned", "threatened", "denied"]
STATUSES: tuple[str, ...] = (
    "reported", "attributed", "unverified", "rumour", "planned", "threatened", "denied",
)
#: statuses that describe something that has not (yet) happened as a fact
NON_FACTUAL: frozenset[str] = frozenset({"rumour", "planned", "threatened", "denied"})


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: the evidence behind a value."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """One article as ingested: text plus the metadata we could trust."""

    id: str  # stable content hash (see ingest.document_id)
    text: str
    source: str | None = None  # outlet or feed name
    url: str | None = None
    title: str | None = None
    published: date | None = None
    #: "day" or "month" (a ` date 2024-10` prefix gives a month); None when undated
    published_precision: Literal["day", "month"] | None = None
    language: str | None = None
    path: str | None = None  # file it came from
    near_duplicate_of: str | None = None  # id of the original, for republished near-copies


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class DateInterval:
    """A resolved time expression: an interval with ACLED precision, never a guessed day."""

    start: date | None
    end: date | None
    text: str
    precision: int | None  # ACLED time_precision: 1 day, 2 week/few days, 3 month or part
    span: Span | None = None

    @property
    def acled_event_date(self) -> date | None:
        """ACLED's single event_date (time stage decides the convention)."""
        from sitrep.time import acled_event_date

        return acled_event_date(self)


@dataclass
class Place:
    """A place mention resolved (or not) against the gazetteers."""

    mention: str
    name: str
    #: town, village, village tract, township, region, country, road, site, city
    kind: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    coord_source: str | None = None
    uncertainty_km: float | None = None
    geo_precision: int | None = None  # ACLED 1..3
    near: list[str] = field(default_factory=list)  # anchors of a relative location
    estimated: bool = False
    gazetteer_id: str | None = None
    why: str | None = None  # why this candidate won
    spans: list[Span] = field(default_factory=list)


@dataclass
class ActorMention:
    canonical: str
    surface: str
    actor_type: str | None  # ACLED inter label, e.g. "State forces"
    span: Span
    generic: bool = False  # a descriptor ("the military", "civilians") resolved by country


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None = None
    assoc_actors: list[str] = field(default_factory=list)
    date: DateInterval | None = None
    location: Place | None = None
    near: list[str] = field(default_factory=list)
    geo_precision: int | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    status: str = "reported"
    source: str | None = None  # who says so, when attributed
    background: bool = False
    optional: bool = False
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    component: str = "events.v1"
    notes: str | None = None
    #: what the event lacks: "no place" (JSONL only), "place not geocoded" (as written)
    flags: list[str] = field(default_factory=list)


@dataclass
class ControlChange:
    place: str
    to_actor: str
    how: str  # captured, recaptured, handed over, withdrew, ceded (claimed), demanded, holds
    from_actor: str | None = None
    admin1: str | None = None
    date: DateInterval | None = None
    status: str = "reported"
    evidence: list[Span] = field(default_factory=list)
    component: str = "control.v1"


@dataclass
class Claim:
    text: str
    claimant: str | None
    status: str
    about: str | None = None
    evidence: list[Span] = field(default_factory=list)
    component: str = "claims.v1"


@dataclass
class Extraction:
    """Everything sitrep read from one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    control: list[ControlChange] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "undated"

    def to_gold_dict(self) -> dict[str, Any]:
        """The output contract: GOLD.md's schema plus sitrep's own extras (``x_*``)."""
        doc = self.document
        return {
            "id": doc.id,
            "published": _iso(doc.published),
            "events": [_event_dict(e) for e in self.events],
            "control": [_control_dict(c) for c in self.control],
            "places": [_place_dict(p) for p in self.places],
            "claims": [_claim_dict(c) for c in self.claims],
            "x_document": {
                "source": doc.source, "url": doc.url, "title": doc.title,
                "language": doc.language, "published_precision": doc.published_precision,
                "near_duplicate_of": doc.near_duplicate_of, "flags": self.flags,
            },
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date_fields(interval: DateInterval | None) -> dict[str, Any]:
    if interval is None:
        return {"date_start": None, "date_end": None, "date_text": None, "time_precision": None}
    return {
        "date_start": _iso(interval.start),
        "date_end": _iso(interval.end),
        "date_text": interval.text,
        "time_precision": interval.precision,
    }


def _evidence(spans: list[Span]) -> str | list[str]:
    texts = [s.text for s in spans]
    return texts[0] if len(texts) == 1 else texts


def _event_dict(e: Event) -> dict[str, Any]:
    loc = e.location
    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        **_date_fields(e.date),
        "actor1": e.actor1,
        "actor2": e.actor2,
        "assoc_actors": list(e.assoc_actors),
        "location": loc.name if loc else None,
        "near": list(e.near),
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "geo_precision": e.geo_precision,
        "fatalities": e.fatalities,
        "injured": e.injured,
        "weapons": list(e.weapons),
        "status": e.status,
        "source": e.source,
        "background": e.background,
        "optional": e.optional,
        "evidence": _evidence(e.evidence),
        "notes": e.notes,
        "x_confidence": e.confidence,
        "x_component": e.component,
        "x_evidence_spans": [s.to_dict() for s in e.evidence],
        "x_location": _place_dict(loc) if loc else None,
        "x_event_date": _iso(e.date.acled_event_date) if e.date else None,
        "x_flags": list(e.flags),
    }


def _control_dict(c: ControlChange) -> dict[str, Any]:
    d = _date_fields(c.date)
    d.pop("time_precision")
    return {
        "place": c.place,
        "admin1": c.admin1,
        "from": c.from_actor,
        "to": c.to_actor,
        **d,
        "how": c.how,
        "status": c.status,
        "evidence": _evidence(c.evidence),
        "x_component": c.component,
        "x_evidence_spans": [s.to_dict() for s in c.evidence],
    }


def _place_dict(p: Place) -> dict[str, Any]:
    d = asdict(p)
    spans = d.pop("spans")
    out = {k: d.pop(k) for k in (
        "mention", "name", "kind", "admin1", "country", "lat", "lon", "coord_source")}
    out.update({f"x_{k}": v for k, v in d.items()})
    out["x_spans"] = spans
    return out


def _claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "text": c.text,
        "claimant": c.claimant,
        "status": c.status,
        "about": c.about,
        "x_component": c.component,
        "x_evidence_spans": [s.to_dict() for s in c.evidence],
    }
