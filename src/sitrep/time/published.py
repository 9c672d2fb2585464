"""Publication date from the article's own dateline, never another headline's date.

Only the head of the text is read: the lines before the first body paragraph,
and that paragraph's opening (where datelines sit). Each full date found there
is scored by where it stands: a repeated `` date YYYY-MM-DD`` prefix, a label
("Published:", "Posted on", "Date:") or a byline beat a dateline ("Tripoli,
5 January 2021"), which beats a date alone on its line; a lone date with a
weekday is most often the page's "today" widget and is never taken. Several
different lone dates are a list of other headlines and are all dropped; a tie
between different dates at the top score gives no date at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from sitrep.model import DateInterval
from sitrep.time.lexicon import lexicon
from sitrep.time.periods import MONTH, month_end

#: a line with this many words is body text: the head ends there (a shorter
#: sentence may be a standfirst above the byline, so it does not end the head)
BODY_LINE_WORDS = 30
MAX_HEAD_LINES = 200

_PREFIX = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b")
_BYLINE = re.compile(r"(?i:^\W*by\s+\S|\s+by\s+\S)")
_SHORT_BYLINE_WORDS = 10
_PLACE = r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,2}"
_DATELINE_PLACE = re.compile(rf"^\s*\(?{_PLACE}(?:,\s*{_PLACE})?,\s*$")
_SOURCE_PAREN = re.compile(r"\(\s*[A-Z][\w’'.\- ]{0,40},\s*$")
_RESIDUE_PUNCT = r"[\s,.\-–—|•·()/]*"
_LONE_RESIDUE = re.compile(
    rf"^{_RESIDUE_PUNCT}(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?i:[ap]\.?m\.?)?\s*"
    rf"(?:[+-]\d{{4}}|[A-Z]{{2,4}})?)?{_RESIDUE_PUNCT}$"
)

PREFIX, LABEL, UPDATED, DATELINE, LONE = 6, 5, 4, 3, 2


@dataclass(frozen=True)
class _Candidate:
    day: date
    precision: str  # "day" or "month"
    score: int


def publication_date_from_text(text: str) -> tuple[date, str] | None:
    """The article's own publication date from its first lines, as (date, "day"|"month")."""
    candidates = list(_candidates(_head_lines(text)))
    lone_days = {c.day for c in candidates if c.score <= LONE}
    if len(lone_days) > 1:
        candidates = [c for c in candidates if c.score > LONE]
    if not candidates:
        return None
    best = max(c.score for c in candidates)
    top = {(c.day, c.precision) for c in candidates if c.score == best}
    if len(top) != 1:
        return None
    return _refined(top.pop(), candidates)


def _refined(best: tuple[date, str], candidates: list[_Candidate]) -> tuple[date, str]:
    """A month-only best date gives way to a day inside that month found elsewhere."""
    day, precision = best
    if precision == "day":
        return best
    days = {c.day for c in candidates if c.precision == "day"}
    inside = {d for d in days if (d.year, d.month) == (day.year, day.month)}
    return (inside.pop(), "day") if len(inside) == 1 else best


def _head_lines(text: str) -> list[str]:
    head: list[str] = []
    for line in text.splitlines()[:MAX_HEAD_LINES]:
        head.append(line)
        if _is_body(line):
            break
    return head


def _is_body(line: str) -> bool:
    return len(line.split()) >= BODY_LINE_WORDS


def _candidates(lines: list[str]) -> list[_Candidate]:
    from sitrep.time import find_in_string  # the package's finder; imported late (cycle)

    found: list[_Candidate] = []
    previous = ""
    for line in lines:
        prefix = _prefix_date(line)
        if prefix:
            found.append(prefix)
        for interval in find_in_string(line, None, None):
            candidate = _candidate(line, previous, interval)
            if candidate:
                found.append(candidate)
        if line.strip():
            previous = line
    return found


def _prefix_date(line: str) -> _Candidate | None:
    """sitrep's own `` date YYYY-MM-DD`` (or ``YYYY-MM``) line prefix."""
    m = _PREFIX.match(line)
    if m is None:
        return None
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
    except ValueError:
        return None
    return _Candidate(day, "day" if m["d"] else "month", PREFIX)


def _candidate(line: str, previous: str, interval: DateInterval) -> _Candidate | None:
    full = _full_date(interval)
    if full is None or interval.span is None:
        return None
    score = _score(line, previous, interval)
    return _Candidate(full[0], full[1], score) if score else None


def _full_date(interval: DateInterval) -> tuple[date, str] | None:
    """A date written with its year: one day, or one whole month ("October 2025")."""
    start, end = interval.start, interval.end
    if start is None or end is None:
        return None
    if start == end:
        return start, "day"
    whole_month = start.day == 1 and end == month_end(start.year, start.month)
    if interval.precision == MONTH and whole_month:
        return start, "month"
    return None


def _score(line: str, previous: str, interval: DateInterval) -> int:
    assert interval.span is not None
    before, after = line[: interval.span.start], line[interval.span.end :]
    labels = _label_patterns()
    if labels["published"].match(before) or _BYLINE.search(before):
        return LABEL
    if _after_byline(previous, before):
        return LABEL
    if labels["updated"].match(before):
        return UPDATED
    if _LONE_RESIDUE.match(before + " " + after):
        return 0 if _names_weekday(interval.span.text) else LONE
    if _starts_with_lead_word(interval.span.text):
        return 0  # "On January 1, 2024, the army..." is prose, not a dateline
    opens_line = not before.strip() and re.match(r"^\s*[:,(]", after)
    if opens_line or _DATELINE_PLACE.match(before) or _SOURCE_PAREN.search(before):
        return DATELINE
    return 0


@cache
def _label_patterns() -> dict[str, re.Pattern[str]]:
    """ "Published:", "Posted on" ... at a line's start, from the word list."""
    lex = lexicon()
    return {
        kind: re.compile(rf"^\W*(?i:{'|'.join(_spaced(w) for w in words)})\b")
        for kind, words in (("published", lex.published_labels), ("updated", lex.updated_labels))
    }


def _spaced(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def _after_byline(previous: str, before: str) -> bool:
    """A date opening the line right after a short "by Someone" line."""
    short = len(previous.split()) <= _SHORT_BYLINE_WORDS
    return short and bool(_BYLINE.search(previous)) and not before.strip()


def _names_weekday(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return any(w.lower() in lexicon().weekdays for w in words)


def _starts_with_lead_word(text: str) -> bool:
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first in lexicon().lead_words
