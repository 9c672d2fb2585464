"""Human review of extracted events: confirm, reject, or correct the type or the place.

A review never overwrites what was extracted: it is stored beside it, and the
page shows the reviewed value with the original kept. The latest review of
each kind wins.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sitrep.errors import SitrepError

ACTIONS: tuple[str, ...] = ("confirm", "reject", "correct_type", "correct_place")
#: ACLED's six event types: the only values a type correction may take
EVENT_TYPES: tuple[str, ...] = (
    "Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments",
)
MAX_TEXT = 500


class ReviewError(SitrepError):
    """A review request that cannot be stored as it is."""


@dataclass(frozen=True)
class Review:
    event_id: str
    action: str
    value: str | None = None
    note: str | None = None
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def make_review(event_id: str, action: str, value: str | None = None,
                note: str | None = None) -> Review:
    """A checked review; raises ``ReviewError`` saying what to send instead."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}: use one of {', '.join(ACTIONS)}")
    value = (value or "").strip() or None
    if action == "correct_type" and value not in EVENT_TYPES:
        raise ReviewError(f"correct_type needs an ACLED event type: {', '.join(EVENT_TYPES)}")
    if action == "correct_place" and not value:
        raise ReviewError("correct_place needs the place name as its value")
    if action in ("confirm", "reject"):
        value = None
    for text in (value, note):
        if text and len(text) > MAX_TEXT:
            raise ReviewError(f"review text is longer than {MAX_TEXT} characters: shorten it")
    return Review(event_id=event_id, action=action, value=value, note=(note or "").strip() or None)


@dataclass
class ReviewedState:
    """What the reviews of one event add up to."""

    reviews: list[Review]
    verdict: str | None = None  # "confirmed" or "rejected"
    event_type: str | None = None
    place: str | None = None


def review_state(event_ids: list[str], reviews: list[Review]) -> ReviewedState:
    """Fold the reviews of any of ``event_ids`` (oldest first) into the event's reviewed state."""
    wanted = set(event_ids)
    mine = sorted((r for r in reviews if r.event_id in wanted), key=lambda r: r.created)
    state = ReviewedState(reviews=mine)
    for review in mine:
        if review.action in ("confirm", "reject"):
            state.verdict = "confirmed" if review.action == "confirm" else "rejected"
        elif review.action == "correct_type":
            state.event_type = review.value
        else:
            state.place = review.value
    return state
