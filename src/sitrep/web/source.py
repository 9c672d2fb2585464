"""Where the web view reads extractions and keeps reviews: the store, or memory in tests."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Protocol

from sitrep.model import Extraction
from sitrep.web.reviews import Review


class DataSource(Protocol):
    """What the API needs from storage; ``sitrep.store`` provides it for a database."""

    def extractions(self) -> list[Extraction]: ...

    def version(self) -> Hashable:
        """Changes whenever ``extractions()`` would: lets the API reuse what it computed."""
        ...

    def reviews(self) -> list[Review]: ...

    def add_review(self, review: Review) -> None: ...


class MemorySource:
    """Extractions and reviews held in memory: for tests and for serving one-off results."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self._extractions = list(extractions)
        self._reviews: list[Review] = []

    def extractions(self) -> list[Extraction]:
        return list(self._extractions)

    def version(self) -> Hashable:
        return len(self._extractions)

    def reviews(self) -> list[Review]:
        return list(self._reviews)

    def add_review(self, review: Review) -> None:
        self._reviews.append(review)

