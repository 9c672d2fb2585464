"""Scores the places stage on the public geoparsing corpora (LGL, GeoWebNews).

For each gold toponym with coordinates: found when an output place has a mention span
overlapping the gold span; correct when that place lies within 161 km of the gold
point. Reported: recall (found / gold), Acc@161km on the found ones, Acc@161km over
all gold (a toponym not found counts as wrong), median error (km, found ones) and
documents per second (places stage and the actors it needs, text preparation included).

    python benchmarks/geoparse.py [--limit N] [--geo-dir ../shared/geo] [--write-docs]

The corpora are evaluation data (GPL-3.0): read from ``../shared/geo``, never copied.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sitrep.actors import find_actors
from sitrep.model import Document
from sitrep.places import find_places
from sitrep.places.find import km
from sitrep.text import prepare

ACC_KM = 161.0
DOCS = Path(__file__).resolve().parents[1] / "docs" / "places.md"
_TABLE_START = "<!-- geoparse table -->"
_TABLE_END = "<!-- /geoparse table -->"


@dataclass
class Gold:
    start: int
    end: int
    lat: float
    lon: float


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def read_corpus(path: Path) -> list[tuple[str, list[Gold]]]:
    """(text, gold toponyms with coordinates) per article of lgl.xml or GWN.xml."""
    out = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for top in article.iter("toponym"):
            lat = _float(top.find("gaztag/lat")) if top.find("gaztag") is not None \
                else _float(top.find("latitude"))
            lon = _float(top.find("gaztag/lon")) if top.find("gaztag") is not None \
                else _float(top.find("longitude"))
            start, end = _float(top.find("start")), _float(top.find("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            golds.append(Gold(int(start), int(end), lat, lon))
        out.append((text, golds))
    return out


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    correct: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: list[float] | None = None

    def row(self, name: str) -> str:
        errors = self.errors or []
        median = statistics.median(errors) if errors else float("nan")
        return (f"| {name} | {self.docs} | {self.gold} | {self.found / self.gold:.3f} | "
                f"{self.correct / max(1, self.found):.3f} | {self.correct / self.gold:.3f} | "
                f"{median:.0f} | {self.docs / self.seconds:.1f} |")


def score(corpus: list[tuple[str, list[Gold]]], verbose: bool = False) -> Score:
    result = Score(errors=[])
    assert result.errors is not None
    for text, golds in corpus:
        started = time.perf_counter()
        analysed = prepare(Document(id="geo", text=text))
        found = find_places(analysed, find_actors(analysed))
        result.seconds += time.perf_counter() - started
        result.docs += 1
        spans = [(s.start, s.end, p) for p in found for s in p.spans
                 if p.lat is not None and p.lon is not None]
        for g in golds:
            result.gold += 1
            hit = next((p for s, e, p in spans if s < g.end and g.start < e), None)
            if hit is None:
                if verbose:
                    print(f"  missed {text[g.start:g.end]!r}")
                continue
            result.found += 1
            error = km(g.lat, g.lon, hit.lat, hit.lon)  # type: ignore[arg-type]
            result.errors.append(error)
            result.correct += error <= ACC_KM
            if verbose and error > ACC_KM:
                print(f"  wrong {text[g.start:g.end]!r} -> {hit.name}, {hit.country} "
                      f"({error:.0f} km; {hit.why})")
    return result


HEADER = ("| corpus | articles | gold toponyms | recall | Acc@161km on found | "
          "Acc@161km over all gold | median error km | docs/s |\n"
          "|---|---|---|---|---|---|---|---|")


def write_docs(rows: list[str], note: str) -> None:
    """Put the table between the markers in docs/places.md (appended when absent)."""
    table = f"{_TABLE_START}\n{note}\n\n{HEADER}\n" + "\n".join(rows) + f"\n{_TABLE_END}"
    doc = DOCS.read_text(encoding="utf-8")
    if _TABLE_START in doc:
        doc = re.sub(re.escape(_TABLE_START) + r".*?" + re.escape(_TABLE_END),
                     lambda _: table, doc, flags=re.DOTALL)
    else:
        doc = doc.rstrip("\n") + "\n\n## World benchmark (`benchmarks/geoparse.py`)\n" \
            + table + "\n"
    DOCS.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo-dir", type=Path,
                        default=Path(__file__).resolve().parents[1] / ".." / "shared" / "geo")
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus")
    parser.add_argument("--skip", type=int, default=0, help="articles skipped first")
    parser.add_argument("--corpus", choices=("lgl", "gwn"), action="append")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    # warm-up: index, lexicons and sentencizer loaded before the clock runs
    find_places(prepare(Document(id="w", text="Warm-up in London.")))
    rows = []
    for name, file in (("LGL", "lgl.xml"), ("GeoWebNews", "GWN.xml")):
        if args.corpus and file[:3].lower() not in args.corpus:
            continue
        corpus = read_corpus(args.geo_dir / file)[args.skip:]
        corpus = corpus[:args.limit] if args.limit else corpus
        rows.append(score(corpus, args.verbose).row(name))
        print(rows[-1], flush=True)
    if args.write_docs:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        limit = f", first {args.limit} articles of each" if args.limit else ""
        write_docs(rows, f"Measured {when}{limit}.")


if __name__ == "__main__":
    main()
