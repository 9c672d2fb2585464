"""Runs the pipeline over an annotated corpus and scores it against the gold.

The corpus is scored whole and in parts: the blind part (``data/blind.txt``,
fixed before rules were tuned: only its totals are ever shown), the rest (dev),
and the articles about wars outside Myanmar, so that a rule tuned on the dev
articles shows whether it carries to news it was not written for.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.eval.scoring import Counts, score_document
from sitrep.ingest import parse_plain_text
from sitrep.pipeline import extract_document

PARTS = ("all", "dev", "blind", "outside_myanmar")


def blind_ids() -> frozenset[str]:
    """The blind part's article ids (comments and blank lines skipped)."""
    text = (files("sitrep.eval") / "data" / "blind.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def gold_country(gold: dict[str, Any]) -> str | None:
    """The country most of the gold's events (else places) lie in."""
    for records in (gold.get("events", []), gold.get("places", [])):
        countries = Counter(r.get("country") for r in records if r.get("country"))
        if countries:
            return countries.most_common(1)[0][0]
    return None


@dataclass
class Report:
    """Per-document counts, the corpus total and the totals of each part."""

    documents: dict[str, Counts] = field(default_factory=dict)
    blind: frozenset[str] = frozenset()
    outside_myanmar: frozenset[str] = frozenset()
    seconds: float = 0.0
    corpus_hash: str = ""

    @property
    def total(self) -> Counts:
        return sum(self.documents.values(), Counts())

    def part(self, name: str) -> Counts:
        """Summed counts of one part of the corpus (see PARTS)."""
        members = {"all": set(self.documents), "dev": set(self.documents) - self.blind,
                   "blind": self.blind, "outside_myanmar": self.outside_myanmar}[name]
        return sum((c for d, c in self.documents.items() if d in members), Counts())

    def part_metrics(self, name: str) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.part(name).metrics().items()}

    def metrics(self) -> dict[str, float]:
        """Whole-corpus figures, then the blind part's as ``blind_*`` (both are pinned)."""
        return self.part_metrics("all") | {f"blind_{k}": v
                                           for k, v in self.part_metrics("blind").items()}

    def dev_documents(self) -> dict[str, Counts]:
        """The documents whose errors may be read: the blind part is left out."""
        return {d: c for d, c in self.documents.items() if d not in self.blind}

    def to_dict(self) -> dict[str, Any]:
        return {
            "metrics": self.metrics(),
            "parts": {name: self.part_metrics(name) for name in PARTS},
            "documents": {name: {k: round(v, 4) for k, v in c.metrics().items()}
                          | {"tp": c.tp, "fp": c.fp, "fn": c.fn}
                          for name, c in self.dev_documents().items()},
            "seconds": round(self.seconds, 2),
            "corpus_hash": self.corpus_hash,
        }


def gold_files(gold_dir: Path) -> list[Path]:
    files = sorted(p for p in gold_dir.glob("*.json") if not p.name.startswith("_"))
    if not files:
        raise SitrepError(f"no gold annotations (*.json) in {gold_dir}")
    return files


def corpus_hash(gold_dir: Path, texts_dir: Path) -> str:
    """Hash of every gold file and its text, so a changed corpus is noticed by the gate."""
    digest = hashlib.sha256()
    for gold in gold_files(gold_dir):
        digest.update(gold.read_bytes())
        text = texts_dir / f"{gold.stem}.txt"
        digest.update(text.read_bytes() if text.exists() else b"")
    return digest.hexdigest()[:16]


def system_output(text_path: Path) -> dict[str, Any]:
    """The pipeline's output for one text file, in the gold schema."""
    doc = parse_plain_text(text_path.read_text(encoding="utf-8"), str(text_path))
    return extract_document(doc).to_gold_dict()


def evaluate(gold_dir: Path, texts_dir: Path | None = None) -> Report:
    texts = texts_dir or gold_dir.parent / "texts"
    report = Report(corpus_hash=corpus_hash(gold_dir, texts), blind=blind_ids())
    outside: set[str] = set()
    started = time.perf_counter()
    for gold_path in gold_files(gold_dir):
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            raise SitrepError(f"no text {text_path} for gold {gold_path.name}: pass --texts DIR")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report.documents[gold_path.stem] = score_document(gold, system_output(text_path))
        if gold_country(gold) not in (None, "Myanmar"):
            outside.add(gold_path.stem)
    report.outside_myanmar = frozenset(outside)
    report.seconds = time.perf_counter() - started
    return report
