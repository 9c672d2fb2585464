"""Length benchmark: extraction time of one article as it grows from 10 KB to 1 MB.

The articles are generated here from invented sentences (clashes, airstrikes,
arrests and plain background, with dates, actors and town names drawn by a seeded
random generator), so no news text is needed. Each size is extracted once in this
process after spaCy is loaded; the figure is seconds of ``extract_document``.

Target (issue 14): a 1 MB article in at most 12x the time of a 100 KB one.

    python benchmarks/length.py                    # 10 KB, 30 KB, 100 KB, 300 KB, 1 MB
    python benchmarks/length.py --sizes 100000 1000000 --json out.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

TOWNS = ("Lashio", "Kyaukme", "Hsipaw", "Nawnghkio", "Mogok", "Mandalay", "Myitkyina",
         "Bhamo", "Sagaing", "Monywa", "Hpakant", "Loikaw", "Demoso", "Hpa-an", "Myawaddy",
         "Sittwe")
ACTORS = ("the military", "the Ta'ang National Liberation Army",
          "the Kachin Independence Army", "People's Defence Force fighters", "the Arakan Army",
          "junta troops", "resistance forces")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
TEMPLATES = (
    "{a} attacked a military outpost near {t} on {d}, killing {n} soldiers, residents said.",
    "Fighting broke out between {a} and {b} in {t} township on {d}.",
    "{a} said it captured {t} on {d} after weeks of clashes with {b}.",
    "An airstrike hit a village outside {t} on {d}, killing {n} civilians, a monk said.",
    "Residents of {t} fled to {u} as {a} shelled the town on {d}.",
    "The weather in {t} was mild, and markets reopened on {d} for the first time in months.",
    "{a} arrested {n} people in {t} on {d}, a rights group said.",
)
DEFAULT_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)


def sentence(rng: random.Random) -> str:
    day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2021, 2025)}"
    a, b = rng.sample(ACTORS, 2)
    t, u = rng.sample(TOWNS, 2)
    text = rng.choice(TEMPLATES).format(a=a, b=b, t=t, u=u, d=day, n=rng.randint(2, 40))
    return text[0].upper() + text[1:]


def article(chars: int, seed: int = 0) -> str:
    """About ``chars`` characters of invented dispatches, in paragraphs of 3-6 sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars]


def measure(sizes: list[int]) -> list[dict[str, float]]:
    from sitrep.ingest import make_document
    from sitrep.pipeline import extract_document
    from sitrep.text import full_nlp

    full_nlp()
    extract_document(make_document(article(2_000, seed=99), published=date(2025, 1, 1)))
    rows = []
    for size in sizes:
        doc = make_document(article(size), published=date(2025, 1, 1), precision="day")
        started = time.perf_counter()
        found = extract_document(doc)
        seconds = time.perf_counter() - started
        rows.append({"chars": size, "seconds": round(seconds, 2),
                     "ms_per_kb": round(1000 * seconds / (size / 1000), 1),
                     "events": len(found.events)})
        print(f"{size:>9} chars  {seconds:8.2f} s  {rows[-1]['ms_per_kb']:7.1f} ms/KB  "
              f"{len(found.events)} events", flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--json", help="Also write the figures here.")
    args = parser.parse_args()
    rows = measure(args.sizes)
    by_size = {r["chars"]: r["seconds"] for r in rows}
    if 100_000 in by_size and 1_000_000 in by_size:
        ratio = by_size[1_000_000] / by_size[100_000]
        print(f"1 MB / 100 KB: {ratio:.1f}x (target: at most 12x)")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
