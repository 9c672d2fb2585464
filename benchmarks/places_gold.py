"""How close ``find_places`` puts the gold places: share within 25 km and 161 km.

Each gold place with coordinates is matched to an output place by spelling key
(of its name or its mention); unmatched gold places count as misses. Output
places whose key matches no gold place are reported as extras (false positives
or places the gold does not list).

    python benchmarks/places_gold.py [GOLD_DIR] [TEXT_DIR] [-v]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from sitrep.ingest import parse_plain_text
from sitrep.model import Place
from sitrep.places import find_places
from sitrep.places.find import km
from sitrep.places.gazetteer import key, load_index
from sitrep.text import prepare

_DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*\n")


_KIND_SUFFIX = re.compile(r"\s+(village tract|village|town|township|city|region|state)$",
                          re.IGNORECASE)


def _gold_keys(gold: dict) -> set[str]:
    """Keys of a gold place's name and mention, with and without a kind word."""
    names = [gold.get("name") or "", gold.get("mention") or ""]
    return {key(n) for n in names + [_KIND_SUFFIX.sub("", n) for n in names] if n}


def _keys(place: Place) -> set[str]:
    return {key(place.name), key(place.mention or place.name)}


def _score(gold: list[dict], found: list[Place], verbose: bool) -> tuple[int, int, int, int]:
    """(gold places with coordinates, within 25 km, within 161 km, extras)."""
    total = near25 = near161 = 0
    matched: set[int] = set()
    for g in gold:
        if g.get("lat") is None or g.get("lon") is None:
            continue
        total += 1
        gkeys = _gold_keys(g)
        hit = next((i for i, p in enumerate(found) if _keys(p) & gkeys), None)
        place = found[hit] if hit is not None else None
        if hit is not None:
            matched.add(hit)
        dist = (km(g["lat"], g["lon"], place.lat, place.lon)
                if place and place.lat is not None and place.lon is not None else None)
        near25 += dist is not None and dist <= 25
        near161 += dist is not None and dist <= 161
        if verbose and (dist is None or dist > 25):
            print(f"    {g.get('mention')!r}: {'missing' if place is None else f'{dist} km'}")
    gold_keys = {k for g in gold for k in _gold_keys(g)}
    extras = [p for i, p in enumerate(found) if i not in matched and not _keys(p) & gold_keys]
    if verbose and extras:
        print("    extra:", ", ".join(p.mention or p.name for p in extras))
    return total, near25, near161, len(extras)


def main(gold_dir: Path, text_dir: Path, verbose: bool) -> None:
    started = time.perf_counter()
    load_index()
    print(f"index load {time.perf_counter() - started:.2f} s")
    total = near25 = near161 = extras = 0
    seconds = 0.0
    for path in sorted(gold_dir.glob("*.json")):
        text_path = text_dir / f"{path.stem}.txt"
        if not text_path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8")).get("places", [])
        raw = _DATE_LINE.sub("", text_path.read_text(encoding="utf-8"), count=1)
        analysed = prepare(parse_plain_text(raw))
        t0 = time.perf_counter()
        found = find_places(analysed)
        seconds += time.perf_counter() - t0
        if verbose:
            print(path.stem)
        a, b, c, d = _score(gold, found, verbose)
        total, near25, near161, extras = total + a, near25 + b, near161 + c, extras + d
    print(f"gold places with coordinates: {total}")
    print(f"within 25 km: {near25} ({near25 / max(total, 1):.2f})")
    print(f"within 161 km: {near161} ({near161 / max(total, 1):.2f})")
    print(f"output places not in gold: {extras}")
    print(f"find_places total {seconds:.2f} s")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    shared = Path(__file__).resolve().parents[2] / "shared"
    main(Path(args[0]) if args else shared / "gold",
         Path(args[1]) if len(args) > 1 else shared / "texts", "-v" in sys.argv)
