"""Fusion across sources: what several documents say about the same things.

``events``: the same event reported by several documents merged into one, with
all its sources; ``identity``: one key per place, whatever the spelling;
``timeline``: who holds which place over time; ``contradictions``: what
documents disagree on, kept side by side.
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
