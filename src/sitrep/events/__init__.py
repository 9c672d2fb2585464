"""Events stage: ACLED-coded events, control changes and claims, with evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.model import ActorMention, Claim, ControlChange, DateInterval, Document, Event, Place
from sitrep.text import AnalysedText


@dataclass
class Findings:
    events: list[Event] = field(default_factory=list)
    control: list[ControlChange] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def extract(
    text: AnalysedText,
    doc: Document,
    dates: list[DateInterval],
    places: list[Place],
    actors: list[ActorMention],
) -> Findings:
    """Events, control changes and claims found in one document."""
    return Findings()
