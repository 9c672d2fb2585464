"""Near spellings: a village the text names that no spelling key reaches, matched to a
village of a township the article is about. A fuzzy match needs that support: across
the whole gazetteer a near spelling is usually another place."""

from __future__ import annotations

from functools import cache

from rapidfuzz import fuzz, process

from sitrep.places.gazetteer import Entry, load_index

#: rapidfuzz ratio (0-100) of the spelling keys; below it, two names are different names
MIN_SCORE = 85.0
_KINDS = frozenset({"village", "village tract"})


@cache
def _by_township() -> dict[str, tuple[list[str], list[Entry]]]:
    """Township → the spelling keys of its located villages and tracts, and the places.

    Built on first need only (about a second; most articles never need it), as parallel
    lists that point into the index rather than copies of it."""
    out: dict[str, tuple[list[str], list[Entry]]] = {}
    for name_key, entries in load_index().items():
        for e in entries:
            if e.kind in _KINDS and e.admin3 and e.lat is not None:
                keys, places = out.setdefault(e.admin3, ([], []))
                keys.append(name_key)
                places.append(e)
    return out


def near_spelling(name_key: str, townships: frozenset[str]) -> tuple[Entry, float] | None:
    """The village of these townships whose key is nearest ``name_key``, with its score."""
    if len(name_key) < 5:
        return None
    keys: list[str] = []
    places: list[Entry] = []
    for township in sorted(townships):
        these = _by_township().get(township, ([], []))
        keys += these[0]
        places += these[1]
    best = process.extractOne(name_key, keys, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    if best is None:
        return None
    _, score, position = best
    return places[position], float(score)
