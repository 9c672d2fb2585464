"""Which matched events get a wrong date, and from which words.

Runs the pipeline on every annotated text, matches events as the evaluation
does, and lists each matched pair of the dev part (the blind part's
articles are skipped) whose ``date_start``/``date_end`` differ from
the gold: gold interval and ``date_text``, sitrep's interval and the words it
used, and the evidence sentence. With ``--summary`` only the counts per
document are printed.

    python benchmarks/date_errors.py [GOLD_DIR] [--summary]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sitrep.eval.harness import blind_ids, gold_files, system_output
from sitrep.eval.scoring import _gold_coords, _is_optional, match_events


def _evidence(record: dict[str, Any]) -> str:
    evidence = record.get("evidence") or ""
    text = " | ".join(evidence) if isinstance(evidence, list) else str(evidence)
    return " ".join(text.split())[:300]


def _wrong_pairs(gold: dict[str, Any], system: dict[str, Any]
                 ) -> tuple[int, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """How many pairs are scored, and those whose dates differ."""
    gold_events, system_events = gold.get("events", []), system.get("events", [])
    pairs = match_events(gold_events, system_events, _gold_coords(gold))
    scored = [(gold_events[g], system_events[s]) for g, s in pairs
              if not _is_optional(gold_events[g])]
    wrong = [(g, s) for g, s in scored
             if (g.get("date_start"), g.get("date_end")) != (s.get("date_start"),
                                                             s.get("date_end"))]
    return len(scored), wrong


def _show(name: str, published: str | None, g: dict[str, Any], s: dict[str, Any]) -> None:
    print(f"== {name} (published {published}) {g.get('event_type')} @ {g.get('location')}")
    print(f"   gold   {g.get('date_start')}..{g.get('date_end')} p{g.get('time_precision')}"
          f"  {g.get('date_text')!r}")
    print(f"   sitrep {s.get('date_start')}..{s.get('date_end')} p{s.get('time_precision')}"
          f"  {s.get('date_text')!r}")
    print(f"   gold ev:   {_evidence(g)}")
    print(f"   sitrep ev: {_evidence(s)}")


def main(argv: list[str]) -> None:
    summary = "--summary" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0] if args else "../shared/gold")
    texts = gold_dir.parent / "texts"
    total = wrong_total = 0
    blind = blind_ids()
    hidden = 0
    for path in gold_files(gold_dir):
        if path.stem in blind:  # the blind part stays blind: never read its errors
            hidden += 1
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        system = system_output(texts / f"{path.stem}.txt")
        scored, wrong = _wrong_pairs(gold, system)
        total, wrong_total = total + scored, wrong_total + len(wrong)
        if summary:
            print(f"{path.stem}: {scored - len(wrong)}/{scored}")
            continue
        for g, s in wrong:
            _show(path.stem, gold.get("published"), g, s)
    print(f"dates right on {total - wrong_total}/{total} scored pairs "
          f"(dev part; {hidden} blind documents hidden)")


if __name__ == "__main__":
    main(sys.argv[1:])
