"""Fused events as ACLED CSV: the codebook's 31 columns in their order (ACLED.md §1–4, 7–8).

``location`` is the merged event's place as the gazetteer spells it (``place_name``),
one spelling for every report of one town; the articles' own spellings are kept
in the GeoJSON and JSON Lines exports (``location_as_written``), not as a 32nd column.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from typing import Any, TextIO

from sitrep.actors import INTER_TYPES, inter_label
from sitrep.export.countries import country_facts
from sitrep.fuse.contradictions import document_label
from sitrep.fuse.events import MergedEvent
from sitrep.model import Event
from sitrep.time import acled_event_date

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE, "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE, "Riots": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS, "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Violent demonstration": DEMONSTRATIONS,
}
#: event types whose actor2 may be civilians as the target
TARGETING_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
UNKNOWN_COUNTRY_ACRONYM = "XXX"


def disorder_type(event: Event) -> str:
    return DISORDER_BY_SUB_TYPE.get(event.sub_event_type) or DISORDER_BY_TYPE.get(
        event.event_type, "")


def interaction(inter1: str | None, inter2: str | None) -> str:
    """"State forces-Rebel group": lower ACLED inter code first; "Rebel group only" alone."""
    labels = sorted((x for x in (inter1, inter2) if x), key=_inter_code)
    if not labels:
        return ""
    return f"{labels[0]} only" if len(labels) == 1 else "-".join(labels)


def _inter_code(label: str) -> int:
    return INTER_TYPES.index(label) + 1 if label in INTER_TYPES else len(INTER_TYPES) + 1


def event_id_cnty(group: MergedEvent, acronym: str) -> str:
    """Country acronym + a number that stays the same for the same fused event."""
    number = int(hashlib.sha1(group.id.encode()).hexdigest()[:12], 16) % 10_000_000
    return f"{acronym}{number}"


def event_date(event: Event) -> date | None:
    return acled_event_date(event.date) if event.date else None


def acled_row(group: MergedEvent, timestamp: int) -> dict[str, Any]:
    """One ACLED record for a fused event: the best-dated member, every source."""
    event = group.event
    loc = event.location
    facts = country_facts(loc.country if loc else None)
    place_country = loc.country if loc else None  # a force abroad is External/Other (8)
    inter1, inter2 = inter_label(event.actor1, place_country), inter_label(event.actor2,
                                                                           place_country)
    day = event_date(event)
    return {
        "event_id_cnty": event_id_cnty(group, facts.acronym if facts else UNKNOWN_COUNTRY_ACRONYM),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": (event.date.precision or "") if day and event.date else "",
        "disorder_type": disorder_type(event),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "", "assoc_actor_1": "; ".join(event.assoc_actors),
        "inter1": inter1 or "", "actor2": event.actor2 or "", "assoc_actor_2": "",
        "inter2": inter2 or "", "interaction": interaction(inter1, inter2),
        "civilian_targeting": _civilian_targeting(event, inter2),
        "iso": facts.iso if facts else "", "region": facts.region if facts else "",
        "country": (facts.name if facts else loc.country if loc else None) or "",
        "admin1": (loc.admin1 if loc else None) or "",
        "admin2": (loc.admin2 if loc else None) or "",
        "admin3": (loc.admin3 if loc else None) or "",
        "location": (group.place_name or loc.name) if loc else "",  # one spelling per town
        "latitude": _coordinate(loc.lat if loc else None),
        "longitude": _coordinate(loc.lon if loc else None),
        "geo_precision": event.geo_precision or (loc.geo_precision if loc else None) or "",
        "source": "; ".join(sources(group)), "source_scale": "",
        "notes": notes(group), "fatalities": group.fatalities or 0,
        "tags": "; ".join(f"weapon: {w}" for w in event.weapons),
        "timestamp": timestamp,
    }


def _civilian_targeting(event: Event, inter2: str | None) -> str:
    targeted = event.event_type in TARGETING_TYPES and inter2 == "Civilians"
    return "Civilians targeted" if targeted else ""


def _coordinate(value: float | None) -> float | str:
    return round(value, 4) if value is not None else ""


def location_as_written(group: MergedEvent) -> str | None:
    """The place as the reports spell it ("Mogok; Mokot"), the representative's first."""
    located = [group.event.location, *(ev.location for _, ev in group.members)]
    spellings = dict.fromkeys(loc.name for loc in located if loc is not None)
    return "; ".join(spellings) or None


def sources(group: MergedEvent) -> list[str]:
    """Each reporting document's outlet (else its title, file name or id), once."""
    return list(dict.fromkeys(document_label(doc) for doc, _ in group.members))


def notes(group: MergedEvent) -> str:
    """ACLED-style notes: the evidence sentences, then any disputed death toll or date."""
    sentences = dict.fromkeys(" ".join(span.text.split())
                              for _, ev in group.members for span in ev.evidence)
    text = " ".join(s if s.endswith((".", "!", "?", '"', "”")) else f"{s}." for s in sentences)
    counts = group.fatality_counts
    if len({c["fatalities"] for c in counts}) > 1:
        figures = "; ".join(f"{c['fatalities']} ({c['source'] or c['document_id']})"
                            for c in counts)
        text += f" [Fatality figures disputed: {figures}; lowest recorded.]"
    if group.date_disputed:  # one capture its sources date differently (fuse.same_capture)
        dates = "; ".join(dict.fromkeys(
            f"{_days(ev.date.start, ev.date.end)} ({document_label(doc)})"
            for doc, ev in group.members if ev.date and (ev.date.start or ev.date.end)))
        text += f" [Date disputed: {dates}; the date most sources agree with recorded.]"
    return text.strip()


def _days(start: date | None, end: date | None) -> str:
    """"2024-07-24" for one day, "2024-07-01..2024-07-31" for a span."""
    return f"{start or end}" if start in (None, end) or end is None else f"{start}..{end}"


def write_acled_csv(groups: list[MergedEvent], out: TextIO, timestamp: int) -> int:
    """Write the header and one row per fused event; returns the number of rows. An event
    with no place at all is left out (ACLED codes none; JSONL keeps it, flagged)."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    groups = [g for g in groups if g.event.location is not None]
    for group in groups:
        writer.writerow(_four_decimals(acled_row(group, timestamp)))
    return len(groups)


def _four_decimals(row: dict[str, Any]) -> dict[str, Any]:
    """Coordinates as ACLED writes them: always four decimals."""
    for column in ("latitude", "longitude"):
        if isinstance(row[column], float):
            row[column] = f"{row[column]:.4f}"
    return row
