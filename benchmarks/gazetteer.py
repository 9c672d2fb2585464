"""Gazetteer timings for docs/places.md: build, load, lookup, and places per article.

    .venv/bin/python benchmarks/gazetteer.py [--articles ../shared/corpus]

Builds the index into a fresh cache folder (so the build is measured), loads it in a
new process (as every run after the first does), then times lookups of 20,000 random spelling keys
(each a first lookup: no process cache helps) and the places stage on real articles.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILD = """
import json, random, resource, sys, time
t = time.perf_counter()
from sitrep.places.gazetteer import key, load_index
index = load_index()
index.get(key("Kyaukme"))
load_s = time.perf_counter() - t
sample = random.Random(7).sample(sorted(index), 20000)
t = time.perf_counter()
hits = sum(1 for k in sample if index.get(k))
lookup_us = (time.perf_counter() - t) / len(sample) * 1e6
from sitrep import actors, places, text
from sitrep.ingest import Rejected, read_path
from pathlib import Path
docs = [d for p in sorted(Path(sys.argv[1]).glob("*.txt")) for d in read_path(p)
        if not isinstance(d, Rejected)]
analysed = [(text.prepare(d), d) for d in docs]
found_actors = [actors.find_actors(a) for a, _ in analysed]
t = time.perf_counter()
n = sum(len(places.find_places(a, f)) for (a, _), f in zip(analysed, found_actors))
per_doc_ms = (time.perf_counter() - t) / len(docs) * 1e3
print(json.dumps({"load_s": load_s, "keys": len(index), "lookup_us": lookup_us,
                  "hit_rate": hits / len(sample), "articles": len(docs), "places": n,
                  "places_ms_per_article": per_doc_ms,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="../shared/corpus", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SITREP_CACHE_DIR": cache}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from sitrep.places.gazetteer import "
                        "load_index; load_index()"], env=env, check=True)
        build_s = time.perf_counter() - start
        out = subprocess.run([sys.executable, "-c", _CHILD, str(args.articles)], env=env,
                             check=True, capture_output=True, text=True).stdout
    figures = {"build_s": build_s, **json.loads(out)}
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
