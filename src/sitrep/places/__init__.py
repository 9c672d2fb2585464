"""Places stage: place mentions geocoded from offline gazetteers.

Placeholder from the foundation issue; the places issue replaces the inside.
"""

from __future__ import annotations

from sitrep.model import Place
from sitrep.text import AnalysedText


def find_places(text: AnalysedText) -> list[Place]:
    """Every distinct place the text names, resolved with evidence spans."""
    return []
