"""Claims: statements whose truth the text qualifies, with claimant and status."""

from __future__ import annotations

from sitrep.model import Claim, Place, Sentence, Span
from sitrep.spans import spans_starting_in

QUALIFIED = frozenset({"attributed", "unverified", "rumour", "planned", "threatened", "denied"})


def claim_for(sentence: Sentence, status: str, claimant: str | None, places: list[Place]
              ) -> Claim | None:
    """A claim for a sentence whose statement is qualified (quoted, rumoured, planned...)."""
    if status not in QUALIFIED:
        return None
    about = [p.name for p in places if spans_starting_in(p, sentence.start, sentence.end)]
    return Claim(text=sentence.text, claimant=claimant, status=status,
                 about="; ".join(dict.fromkeys(about)) or None,
                 evidence=[Span(sentence.start, sentence.end, sentence.text)])
