"""Actors stage: actor mentions normalised to canonical ACLED-style names.

Placeholder from the foundation issue; the events issue replaces the inside.
"""

from __future__ import annotations

from sitrep.model import ActorMention
from sitrep.text import AnalysedText


def find_actors(text: AnalysedText) -> list[ActorMention]:
    return []
