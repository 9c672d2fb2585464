"""One article through every stage: text → time → actors → places → events.

Actors come before places, which skip actor names (found once, passed along).

This is the map of the pipeline; each line calls one stage module.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep import actors, events, places, text, time
from sitrep.model import Document, Extraction, Place


def find_document_places(doc: Document) -> list[Place]:
    """Only the stages places need (`sitrep places`): text → actors → places."""
    analysed = text.prepare(doc)
    return places.find_places(analysed, actors.find_actors(analysed, doc.published))


def extract_document(doc: Document) -> Extraction:
    """Run the whole extraction on one ingested document."""
    analysed = text.prepare(doc)
    dates = time.find_dates(analysed, doc.published, doc.published_precision)
    found_actors = actors.find_actors(analysed, doc.published)
    found_places = places.find_places(analysed, found_actors)
    located = places.event_places(found_places)
    if actors.named_country(analysed.text) is None:
        # a text that names no country is about its places' country, not the default's
        analysed.country = places.main_country(located)
        if analysed.country:
            found_actors = actors.find_actors(analysed, doc.published)
    # sites are no event places, but a side can hold one ("the MOC 21 compound")
    sites = [p for p in found_places if p.kind == "site"]
    findings = events.extract(analysed, doc, dates, located, found_actors, sites=sites)
    flags = [] if doc.published else ["undated"]
    return Extraction(
        document=doc,
        events=findings.events,
        control=findings.control,
        places=found_places,
        claims=findings.claims,
        flags=flags,
    )


def look_ahead(docs: Sequence[Document]) -> None:
    """Prepare documents about to be extracted in turn, the sentences the events stage will
    parse parsed for all of them in one spaCy pass; ``extract_document`` then finds them.

    Only a speed-up: a document that fails here fails again, and is reported, when it is
    extracted, so a failure here must not stop the batch.
    """
    try:
        text.prepare_ahead(docs, events.sentences_to_parse)
    except Exception:  # see the docstring: extracting the document reports it
        text.prepare_ahead([], events.sentences_to_parse)
