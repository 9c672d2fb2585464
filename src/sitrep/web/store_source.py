"""The store as the web view's data source: extractions out, reviews in and out.

The store keeps reviews in its ``reviews`` table as (action, field, value);
the page's four actions map onto it: a correction is action ``correct`` with
the corrected field named.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sitrep.fuse.events import MergedEvent
from sitrep.model import Extraction
from sitrep.store import Store
from sitrep.web.reviews import Review

#: page action -> (stored action, stored field)
STORED_AS: dict[str, tuple[str, str | None]] = {
    "confirm": ("confirm", None),
    "reject": ("reject", None),
    "correct_type": ("correct", "event_type"),
    "correct_place": ("correct", "location"),
}
_ACTION_OF = {stored: action for action, stored in STORED_AS.items()}


class StoreSource:
    """Reads the database on each request, so the page shows what other commands add."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, url: str | None) -> StoreSource:
        return cls(Store.open(url))

    def extractions(self) -> list[Extraction]:
        """Stored extractions without republished near-copies (they are not new sources)."""
        return self.store.load_extractions(near_duplicates=False)

    def merged_events(self, extractions: list[Extraction]) -> list[MergedEvent]:
        """The merged events as stored, so the map shows what SQL and exports show."""
        return self.store.merged_events(extractions)

    def version(self) -> Hashable:
        """Row counts of the extraction tables: documents are only ever added."""
        return tuple(sorted((k, v) for k, v in self.store.counts().items() if k != "reviews"))

    def reviews(self) -> list[Review]:
        return [r for r in map(review_from_row, self.store.reviews()) if r is not None]

    def add_review(self, review: Review) -> None:
        action, field = STORED_AS[review.action]
        self.store.add_review(review.event_id, action, field=field, value=review.value,
                              note=review.note, created_at=review.created)


def review_from_row(row: dict[str, Any]) -> Review | None:
    """A stored review as the page knows it; None for kinds the page does not show."""
    action = _ACTION_OF.get((row["action"], row.get("field")))
    if action is None:
        return None
    return Review(event_id=row["event_id"], action=action, value=row.get("value"),
                  note=row.get("note"), created=row["created_at"])
