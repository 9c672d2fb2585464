"""Claims: statements whose truth the text qualifies, with claimant and status."""

from __future__ import annotations

from sitrep.model import Claim, Place, Sentence, Span

QUALIFIED = frozenset({"attributed", "unverified", "rumour", "planned", "threatened", "denied"})


def claim_for(sentence: Sentence, status: str, claimant: str | None, places: list[Place]
              ) -> Claim | None:
    """A claim for a sentence whose statement is qualified (quoted, rumoured, planned...)."""
    if status not in QUALIFIED:
        return None
    about = [p.name for p in places
             if any(sentence.start <= s.start < sentence.end for s in p.spans)]
    return Claim(text=sentence.text, claimant=claimant, status=status,
                 about="; ".join(dict.fromkeys(about)) or None,
                 evidence=[Span(sentence.start, sentence.end, sentence.text)])
