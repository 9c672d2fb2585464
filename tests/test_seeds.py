"""Issues 4 and 3: on the two seed articles every matched event's dates equal the gold's,
and every gold place lies where the gold puts it.

The seeds are the articles the web demo shows; their dates are checked exactly,
optional events included, so that a change to the time or dating rules that
moves one of them is seen at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval.harness import system_output
from sitrep.eval.scoring import _gold_coords, match_events, score_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize("name", ["seed000", "seed001"])
def test_seed_event_dates_equal_the_gold(name: str) -> None:
    gold = json.loads((SHARED / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    system = system_output(SHARED / "texts" / f"{name}.txt")
    gold_events, system_events = gold["events"], system["events"]
    pairs = match_events(gold_events, system_events, _gold_coords(gold))
    wrong = [(gold_events[g]["date_text"], gold_events[g]["date_start"],
              gold_events[g]["date_end"], system_events[s]["date_start"],
              system_events[s]["date_end"])
             for g, s in pairs
             if (gold_events[g]["date_start"], gold_events[g]["date_end"])
             != (system_events[s]["date_start"], system_events[s]["date_end"])]
    assert wrong == []


@pytest.mark.parametrize("name", ["seed000", "seed001"])
def test_seed_places_lie_where_the_gold_puts_them(name: str) -> None:
    """Issue 3: every gold place of a seed with coordinates is output within 25 km."""
    gold = json.loads((SHARED / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    counts = score_document(gold, system_output(SHARED / "texts" / f"{name}.txt"))
    assert counts.places_gold >= 10 and counts.places_25 == counts.places_gold
