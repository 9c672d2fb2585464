"""sitrep: conflict news to structured, sourced, ACLED-compatible event data, offline.

Public API::

    from sitrep import extract_text
    extraction = extract_text(" date 2025-08-07 Junta troops captured ...")
    extraction.to_gold_dict()
"""

from __future__ import annotations

from sitrep.errors import SitrepError
from sitrep.ingest import parse_plain_text
from sitrep.model import ControlChange, Document, Event, Extraction, Place
from sitrep.pipeline import extract_document

__all__ = [
    "ControlChange",
    "Document",
    "Event",
    "Extraction",
    "Place",
    "SitrepError",
    "extract_document",
    "extract_text",
]
__version__ = "0.1.0"


def extract_text(text: str) -> Extraction:
    """Extract events, control, places and claims from one plain-text article."""
    return extract_document(parse_plain_text(text))
