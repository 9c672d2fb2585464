"""A cheap, offline language guess: the script first, then the share of stopwords.

Good enough to mark the non-English articles that the English extractor should
not be trusted on; not a general-purpose identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

UNDETERMINED = "und"
#: share of letters in one script above which the text is in that script's language
SCRIPT_SHARE = 0.3
#: words sampled from the start of a text: enough to decide, cheap on long articles
SAMPLE_WORDS = 400
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageData:
    scripts: dict[str, list[tuple[int, int]]]
    cyrillic_uk: frozenset[str]
    stopwords: dict[str, frozenset[str]]

    @cached_property
    def script_letters(self) -> dict[str, re.Pattern[str]]:
        """One character class per script (counting with it is ~50× faster than ranges)."""
        return {lang: re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                                               for lo, hi in ranges) + "]")
                for lang, ranges in self.scripts.items()}


@cache
def language_data() -> LanguageData:
    """The script ranges and stopword lists of ``data/languages.yaml``."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("sitrep.ingest").joinpath("data/languages.yaml").read_text("utf-8"))
    for lang, words in raw["stopwords"].items():
        odd = [w for w in words if not isinstance(w, str)]
        if odd:  # YAML reads a bare on/no/y as a boolean: quote them
            raise ValueError(f"languages.yaml: stopwords of {lang} has non-text {odd!r}")
    return LanguageData(
        scripts={lang: [(lo, hi) for lo, hi in ranges] for lang, ranges in raw["scripts"].items()},
        cyrillic_uk=frozenset(raw["cyrillic_uk"]),
        stopwords={lang: frozenset(words) for lang, words in raw["stopwords"].items()},
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``und`` when there is too little to tell."""
    data = language_data()
    letters = [ch for ch in text[: SAMPLE_WORDS * 8] if ch.isalpha()]
    if not letters:
        return UNDETERMINED
    by_script = _script_language(letters, data)
    if by_script:
        return by_script
    return _stopword_language(text, data)


def _script_language(letters: list[str], data: LanguageData) -> str | None:
    joined = "".join(letters)
    for lang, pattern in data.script_letters.items():
        inside = len(pattern.findall(joined))
        if inside / len(letters) >= SCRIPT_SHARE:
            if lang == "ru" and any(ch in data.cyrillic_uk for ch in letters):
                return "uk"
            return lang
    return None


def _stopword_language(text: str, data: LanguageData) -> str:
    words = [w.lower() for w in _WORD.findall(text)[:SAMPLE_WORDS]]
    hits = {lang: sum(1 for w in words if w in stop) for lang, stop in data.stopwords.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] >= 2 else UNDETERMINED
