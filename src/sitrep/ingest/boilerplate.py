"""Page furniture left in extracted HTML text: "Related" lists, social links, copyright lines.

trafilatura drops most of a page's chrome; what it keeps inside the article
element (a "Connect with us" box, a list of other headlines) is cut here with
the headings and line patterns of ``data/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

#: a tail heading is a short line: longer ones are article sentences that happen to match
MAX_HEADING_WORDS = 6


@dataclass(frozen=True)
class Boilerplate:
    tail_headings: frozenset[str]
    lines: tuple[re.Pattern[str], ...]


@cache
def boilerplate() -> Boilerplate:
    """The headings and line patterns of ``data/boilerplate.yaml``."""
    raw = yaml.safe_load(
        resources.files("sitrep.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    return Boilerplate(
        tail_headings=frozenset(h.lower() for h in raw["tail_headings"]),
        lines=tuple(re.compile(p, re.IGNORECASE) for p in raw["lines"]),
    )


def strip_boilerplate(text: str) -> str:
    """The article text without end matter and furniture lines."""
    data = boilerplate()
    kept: list[str] = []
    for line in text.split("\n"):
        if _is_tail_heading(line, data):
            if kept:  # end matter: nothing after it is the article
                break
            continue
        if not any(p.search(line.strip()) for p in data.lines):
            kept.append(line)
    return "\n".join(kept).strip()


def _is_tail_heading(line: str, data: Boilerplate) -> bool:
    words = line.strip().rstrip(":").strip()
    return len(words.split()) <= MAX_HEADING_WORDS and words.lower() in data.tail_headings
