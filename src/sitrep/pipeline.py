"""One article through every stage: text → time → actors → places → events.

Actors come before places, which skip actor names (found once, passed along).

This is the map of the pipeline; each line calls one stage module.
"""

from __future__ import annotations

from sitrep import actors, events, places, text, time
from sitrep.model import Document, Extraction, Place


def find_document_places(doc: Document) -> list[Place]:
    """Only the stages places need (`sitrep places`): text → actors → places."""
    analysed = text.prepare(doc)
    return places.find_places(analysed, actors.find_actors(analysed))


def extract_document(doc: Document) -> Extraction:
    """Run the whole extraction on one ingested document."""
    analysed = text.prepare(doc)
    dates = time.find_dates(analysed, doc.published, doc.published_precision)
    found_actors = actors.find_actors(analysed)
    found_places = places.find_places(analysed, found_actors)
    located = places.event_places(found_places)
    findings = events.extract(analysed, doc, dates, located, found_actors)
    flags = [] if doc.published else ["undated"]
    return Extraction(
        document=doc,
        events=findings.events,
        control=findings.control,
        places=found_places,
        claims=findings.claims,
        flags=flags,
    )
