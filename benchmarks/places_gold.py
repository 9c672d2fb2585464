"""Where the pipeline puts the gold places of the DEV part, one miss at a time.

Runs the whole pipeline (as ``sitrep eval`` does) on each gold article outside the
blind part (``src/sitrep/eval/data/blind.txt``: those are never read here) and
matches each gold place with coordinates to an output place by the scorer's key
(name or mention). Prints the share within 25 and 161 km and, with ``-v``, every
gold place that is missing or more than 25 km off, with the output's ``why``.

    python benchmarks/places_gold.py [GOLD_DIR] [TEXT_DIR] [-v] [--only ID,ID]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sitrep.eval.harness import blind_ids, gold_country, system_output
from sitrep.eval.matching import place_key
from sitrep.eval.scoring import places_by_key
from sitrep.places.find import km


def _score(gold: list[dict[str, Any]], system: list[dict[str, Any]],
           verbose: bool) -> tuple[int, int, int]:
    """(gold places with coordinates, within 25 km, within 161 km)."""
    by_key = places_by_key(system)
    total = near25 = near161 = 0
    for g in gold:
        if g.get("lat") is None or g.get("lon") is None:
            continue
        total += 1
        found = by_key.get(place_key(g.get("name"))) or by_key.get(place_key(g.get("mention")))
        dist = km(g["lat"], g["lon"], found["lat"], found["lon"]) if found else None
        near25 += dist is not None and dist <= 25
        near161 += dist is not None and dist <= 161
        if verbose and (dist is None or dist > 25):
            what = "missing" if found is None else (
                f"{dist:.0f} km: {found.get('name')} ({found.get('country')}) "
                f"{found.get('x_why', '')}")
            print(f"    {g.get('mention')!r} [{g.get('kind')}, {g.get('country')}]: {what}")
    return total, near25, near161


def main(gold_dir: Path, text_dir: Path, verbose: bool, only: set[str]) -> None:
    blind = blind_ids()
    sums: dict[str, list[int]] = {"dev": [0, 0, 0], "dev outside_myanmar": [0, 0, 0]}
    for path in sorted(gold_dir.glob("*.json")):
        if path.stem in blind or path.stem.startswith("_") or (only and path.stem not in only):
            continue
        text_path = text_dir / f"{path.stem}.txt"
        if not text_path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if verbose:
            print(path.stem, gold_country(gold))
        counts = _score(gold.get("places", []), system_output(text_path).get("places", []),
                        verbose)
        parts = ["dev"] + (["dev outside_myanmar"]
                           if gold_country(gold) not in (None, "Myanmar") else [])
        for part in parts:
            sums[part] = [a + b for a, b in zip(sums[part], counts, strict=True)]
    for part, (total, near25, near161) in sums.items():
        print(f"{part}: {total} gold places, within 25 km {near25 / max(total, 1):.3f}, "
              f"within 161 km {near161 / max(total, 1):.3f}")


if __name__ == "__main__":
    argv = sys.argv[1:]
    only_ids: set[str] = set()
    if "--only" in argv:
        at = argv.index("--only")
        only_ids = set(argv[at + 1].split(","))
        del argv[at:at + 2]
    args = [a for a in argv if a != "-v"]
    shared = Path(__file__).resolve().parents[2] / "shared"
    main(Path(args[0]) if args else shared / "gold",
         Path(args[1]) if len(args) > 1 else shared / "texts", "-v" in argv, only_ids)
