"""Fusion across sources: what several documents say about the same things.

The merging of events and the control timeline live in ``sitrep.web`` for now
(``sitrep.web.merge``, ``sitrep.web.control``); this package adds the
contradictions between documents (``sitrep.fuse.contradictions``).
"""

from sitrep.fuse.contradictions import (
    Contradiction,
    Distance,
    Value,
    all_contradictions,
    distance_conflicts,
    find_distances,
)

__all__ = ["Contradiction", "Distance", "Value", "all_contradictions", "distance_conflicts",
           "find_distances"]
