"""Near-duplicate detection: MinHash signatures of word shingles, looked up with LSH.

A republished article (same story, a changed headline, a line added or cut)
gets a signature close to the original's; ``NearDuplicateIndex`` finds that
original so the copy is linked to it instead of being counted as a second story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
#: words per shingle: long enough that unrelated reports on the same war share few
SHINGLE_WORDS = 3
#: fixed so stored signatures stay comparable when datasketch changes its default
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


@cache
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature reuses (building them is slow)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME)


def signature(text: str) -> MinHash:
    """The MinHash of a text's lower-cased word shingles."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = _template().copy()
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_hex(minhash: MinHash) -> str:
    """A signature as text, for the store's plain ``minhash`` column."""
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes().hex()


def from_hex(text: str) -> MinHash:
    values = np.frombuffer(bytes.fromhex(text), dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """Originals seen so far; answers which one (if any) a new text nearly copies."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    @classmethod
    def from_signatures(cls, pairs: Iterable[tuple[str, str]], threshold: float
                        ) -> NearDuplicateIndex:
        """An index of stored originals, from the store's (id, hex signature) pairs."""
        index = cls(threshold)
        for doc_id, hex_signature in pairs:
            index.add(doc_id, from_hex(hex_signature))
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, minhash)
        self._signatures[doc_id] = minhash
        self._order[doc_id] = len(self._order)

    def original_of(self, minhash: MinHash) -> str | None:
        """The most similar original above the threshold (the earliest on a tie), or None."""
        scored = [(self._signatures[c].jaccard(minhash), -self._order[c], c)
                  for c in self._lsh.query(minhash)]
        close = [s for s in scored if s[0] >= self.threshold]
        return max(close)[2] if close else None
