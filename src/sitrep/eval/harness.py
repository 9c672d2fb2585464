"""Runs the pipeline over an annotated corpus and scores it against the gold."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.eval.scoring import Counts, score_document
from sitrep.ingest import parse_plain_text
from sitrep.pipeline import extract_document


@dataclass
class Report:
    """Per-document counts and the corpus total."""

    documents: dict[str, Counts] = field(default_factory=dict)
    seconds: float = 0.0
    corpus_hash: str = ""

    @property
    def total(self) -> Counts:
        return sum(self.documents.values(), Counts())

    def metrics(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.total.metrics().items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "metrics": self.metrics(),
            "documents": {name: {k: round(v, 4) for k, v in c.metrics().items()}
                          | {"tp": c.tp, "fp": c.fp, "fn": c.fn}
                          for name, c in self.documents.items()},
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
    report = Report(corpus_hash=corpus_hash(gold_dir, texts))
    started = time.perf_counter()
    for gold_path in gold_files(gold_dir):
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            raise SitrepError(f"no text {text_path} for gold {gold_path.name}: pass --texts DIR")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report.documents[gold_path.stem] = score_document(gold, system_output(text_path))
    report.seconds = time.perf_counter() - started
    return report
