"""Near spellings: a village the text names that no spelling key reaches, matched to a
village of a township the article is about. A fuzzy match needs that support: across
the whole gazetteer a near spelling is usually another place."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from sitrep.places.gazetteer import Entry, load_index

#: rapidfuzz ratio (0-100) of the spelling keys; below it, two names are different names
MIN_SCORE = 85.0
_KINDS = frozenset({"village", "village tract"})


def near_spelling(name_key: str, townships: frozenset[str]) -> tuple[Entry, float] | None:
    """The village of these townships whose key is nearest ``name_key``, with its score
    (the townships' keys come from the compiled index, so this costs milliseconds)."""
    if len(name_key) < 5 or not townships:
        return None
    index = load_index()
    keys = sorted({k for t in townships for k in index.township_keys(t)})
    best = process.extractOne(name_key, keys, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    if best is None:
        return None
    found, score, _ = best
    places = [e for e in index.get(found, []) if e.kind in _KINDS and e.admin3 in townships
              and e.lat is not None]
    return (places[0], float(score)) if places else None
