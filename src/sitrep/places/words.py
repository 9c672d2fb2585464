"""Word lists of the places stage, kept as editable package data files."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of ``data/NAME``, lower-cased."""
    raw = (files("sitrep.places") / "data" / name).read_text(encoding="utf-8")
    return [w.strip().lower() for w in raw.splitlines() if w.strip() and not w.startswith("#")]


@cache
def stop_words() -> frozenset[str]:
    """Capitalised words that are never place names on their own (``data/stopwords.txt``)."""
    return frozenset(lines("stopwords.txt"))


@cache
def site_words() -> tuple[str, ...]:
    """Nouns naming a site within a place (``data/site_words.txt``), longest first."""
    return tuple(sorted(set(lines("site_words.txt")), key=len, reverse=True))


@cache
def institution_words() -> frozenset[str]:
    """Words after a place name that make the run one of its institutions
    (``data/institution_words.txt``)."""
    return frozenset(lines("institution_words.txt"))
