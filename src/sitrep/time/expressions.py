"""Finding time expressions: regular patterns compiled from the word lists.

Each rule is a named pattern; ``resolve.py`` holds one resolver per name. Month
and weekday names match in Title case only (so the verb "may" and "a march"
stay words); every other word matches in any case. Whitespace inside an
expression never crosses a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sitrep.time.lexicon import Lexicon, lexicon

W = r"[^\S\n]+"  # whitespace within a line
OW = r"[^\S\n]*"
DASH = r"(?:-|–|—)"


@dataclass(frozen=True)
class Found:
    """One rule's match: where the expression lies, and the regex groups to read."""

    rule: str
    start: int
    end: int
    match: re.Match[str]


def _alternation(words: list[str], *, ignore_case: bool) -> str:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", W) for w in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _names(names: list[str], abbreviations: list[str]) -> str:
    """Title-case names; an abbreviation may carry a period ("Sept.")."""
    full = _alternation(names, ignore_case=False)
    if not abbreviations:
        return rf"{full}\b"
    short = _alternation(abbreviations, ignore_case=False)
    return rf"(?:{full}\b|{short}\b\.?)"


class _Fragments:
    """Regex pieces for months, weekdays, numbers..., each taking a group name."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.months = _names(lex.month_forms, lex.month_abbreviations)
        self.month_names = _alternation(lex.month_forms, ignore_case=False)
        self.weekday_names = _alternation(lex.weekday_forms, ignore_case=False)
        self.weekdays = _names(lex.weekday_forms, lex.weekday_abbreviations)
        self.parts = _alternation(list(lex.parts), ignore_case=True)
        self.shifts = _alternation(list(lex.shifts), ignore_case=True)
        numbers = _alternation(list(lex.numbers), ignore_case=True)
        self.number = rf"(?:{numbers}|\d{{1,3}})"
        self.units = _alternation(list(lex.units), ignore_case=True)

    def month(self, name: str) -> str:
        return rf"(?P<{name}>{self.months})"

    def month_word(self, name: str) -> str:
        """A month standing without a number: full names only ("Jan" is also a name), and
        not the first part of a personal name ("May Thu", "June Kyaw")."""
        return rf"(?P<{name}>{self.month_names}\b)(?!{W}[A-Z][a-z])"

    def weekday(self, name: str) -> str:
        return rf"(?P<{name}>{self.weekdays})"

    def weekday_word(self, name: str) -> str:
        """A weekday standing without a date: full names only ("Thu" is also a name)."""
        return rf"(?P<{name}>{self.weekday_names}\b)"

    @staticmethod
    def day(name: str) -> str:
        return rf"(?<![\d.,:])(?P<{name}>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)?(?!\d|:\d)\b"

    @staticmethod
    def year(name: str) -> str:
        return rf"(?<![\d.,:])(?P<{name}>(?:19|20)\d\d)(?!\d|:\d|['’]?s\b)"

    def rel_year(self, name: str) -> str:
        """ "last year" after a date: ", last year", " of last year"."""
        return rf"(?:,?{W}(?:(?i:of){W})?(?P<{name}>{self.shifts}){W}(?i:year)\b)"

    def part(self, name: str) -> str:
        return rf"(?P<{name}>{self.parts})(?:{DASH}|{W})"


def _date_rules(f: _Fragments) -> dict[str, str]:
    # "Friday, September 5", "Friday (September 5)": the date names the day
    wd_lead = rf"(?:{f.weekday('wd')}(?:,?{W}|{OW}(?P<paren>\()))?"
    closing = r"(?(paren)\))"
    to = rf"(?:{OW}{DASH}{OW}|{W}(?P<conn>(?i:to|and|until|till|through)){W})"
    between = rf"(?:(?P<lead>(?i:from|between)){W})?"
    return {
        # sitrep's own " date YYYY-MM-DD" line prefix is metadata, not the text's
        "iso": (
            r"(?<![\d/-])(?<!date )(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)"
            r"(?P<d>\d{1,2})(?![\d/-])"
        ),
        "md_range": (
            rf"{between}{wd_lead}{f.month('m1')}{W}{f.day('d1')}(?:,?{W}{f.year('y1')})?"
            rf"{to}(?:{f.month('m2')}{W})?{f.day('d2')}(?:,?{W}{f.year('y2')})?"
        ),
        "dm_range": (
            rf"{between}{f.day('d1')}(?:{W}{f.month('m1')})?(?:,?{W}{f.year('y1')})?"
            rf"{to}{f.day('d2')}{W}{f.month('m2')}(?:,?{W}{f.year('y2')})?"
        ),
        "mdy": (
            rf"{wd_lead}{f.month('m')}{W}{f.day('d')}"
            rf"(?:,?{W}{f.year('y')}|{f.rel_year('ry')})?{closing}"
        ),
        "dmy": (
            rf"{wd_lead}(?:(?i:the){W})?{f.day('d')}(?:{W}(?i:of))?{W}{f.month('m')}"
            rf"(?:,?{W}{f.year('y')}|{f.rel_year('ry')})?{closing}"
        ),
        "md_list": (
            rf"{wd_lead}{f.month('m')}{W}{f.day('d1')}(?:,{W}{f.day('dx')})*,?{W}(?i:and|&){W}"
            rf"{f.day('dn')}(?:,?{W}{f.year('y')})?"
        ),
        "dm_list": (
            rf"{f.day('d1')}(?:,{W}{f.day('dx')})*,?{W}(?i:and|&){W}{f.day('dn')}{W}"
            rf"{f.month('m')}(?:,?{W}{f.year('y')})?"
        ),
        "month_range": (
            rf"{between}{f.month_word('m1')}(?:,?{W}{f.year('y1')})?"
            rf"{to}{f.month('m2')}(?:,?{W}{f.year('y2')})?(?!{OW}\d)"
        ),
        "month_to_day": (
            rf"(?P<lead>(?i:from|between)){W}{f.month_word('m1')}(?:,?{W}{f.year('y1')})?{to}"
            rf"(?:{f.month('m2')}{W}{f.day('d2')}|{f.day('d2b')}{W}{f.month('m2b')})"
            rf"(?:,?{W}{f.year('y2')})?"
        ),
        "month_year": rf"{f.month('m')}(?:{W}(?i:of))?,?{W}{f.year('y')}",
        "numeric": (
            r"(?<![\d/.])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)"
            r"(?P<y>(?:19|20)\d\d)(?![\d/.]\d)"
        ),
        "month_week": (
            rf"\b(?i:the){W}(?P<ordinal>{_alternation(list(f.lex.month_weeks), ignore_case=True)})"
            rf"{W}(?i:week){W}(?i:of){W}(?:(?P<shift>{f.shifts}){W}(?i:month)\b|"
            rf"{f.month_word('m')}(?:,?{W}{f.year('y')})?)"
        ),
    }


def _part_rules(f: _Fragments) -> dict[str, str]:
    return {
        "part_month": rf"{f.part('part')}{f.month('m')}(?:,?{W}{f.year('y')}|{f.rel_year('ry')})?",
        "part_rel_month": (
            rf"{f.part('part')}(?:(?P<shift>{f.shifts})|(?i:the)){W}(?i:month)\b"
        ),
        "part_year": rf"{f.part('part')}{f.year('y')}",
        "part_rel_year": rf"{f.part('part')}(?:(?P<shift>{f.shifts})|(?i:the)){W}(?i:year)\b",
    }


def _context_rules(f: _Fragments) -> dict[str, str]:
    """Bare months and years, which count only after a preposition or "last"/"this"."""
    trigger = _alternation(f.lex.month_triggers, ignore_case=True)
    year_trigger = _alternation(f.lex.year_triggers, ignore_case=True)
    season_trigger = _alternation(f.lex.season_triggers, ignore_case=True)
    seasons = _alternation(list(f.lex.seasons), ignore_case=True)
    return {
        "ctx_month": (
            rf"(?:\b(?P<trigger>{trigger}){W})?(?P<core>(?:\b(?P<shift>{f.shifts}){W})?"
            rf"{f.month_word('m')}{f.rel_year('ry')}?)(?!{OW}\d)"
        ),
        "ctx_year": rf"\b{year_trigger}{W}(?P<core>{f.year('y')})(?!{OW}[-–/]?\d)",
        "season": (
            rf"\b(?:(?P<shift>{f.shifts}){W}|(?:(?P<trigger>{season_trigger}){W})?"
            rf"(?:(?i:the){W})?)(?P<season>{seasons})\b(?:{W}(?:(?i:of){W})?{f.year('y')})?"
        ),
    }


def _relative_rules(f: _Fragments) -> dict[str, str]:
    day_words = _alternation(list(f.lex.day_words), ignore_case=True)
    halves = _alternation(list(f.lex.halves), ignore_case=True)
    weekday_week = rf"(?P<wk1>{f.shifts}){W}(?i:week),?{W}(?:(?i:on){W})?"
    time_of_day = _alternation(f.lex.times_of_day, ignore_case=True)
    weekday_lead = _alternation(f.lex.weekday_leads, ignore_case=True)
    return {
        "day_word": rf"\b(?P<word>{day_words})\b",
        "ago": rf"\b(?P<num>{f.number}){W}(?P<unit>{f.units}){W}(?i:ago)\b",
        "past_n": (
            rf"\b(?:(?i:the|these){W}(?i:past|last)|(?i:past)){W}"
            rf"(?:(?P<num>{f.number}){W})?(?P<unit>{f.units})\b"
        ),
        "recent": rf"\b(?i:recent){W}(?P<unit>(?i:days|weeks|months))\b",
        "recent_word": rf"\b{_alternation(f.lex.recent_words, ignore_case=True)}\b",
        "rel_period": (
            rf"\b(?:(?P<half>{halves}){W})?(?P<shift>{f.shifts}){W}(?P<unit>(?i:week|month|year))\b"
        ),
        "half_period": (
            rf"\b(?P<half>{halves}){W}(?i:in){W}(?i:the){W}(?P<unit>(?i:week|month|year))\b"
        ),
        "weekend": (
            rf"\b(?:(?P<shift>{f.shifts}){W}|(?i:the){W}|(?<!(?i:every) )(?<!(?i:each) )(?<!a ))"
            rf"(?i:weekend)\b"
        ),
        "weekday": (
            rf"(?:\b{weekday_week})?(?:\b(?P<shift>{f.shifts}){W})?(?:\b{weekday_lead}{W})?"
            rf"{f.weekday_word('wd')}(?:{W}{time_of_day})?"
            rf"(?:,?{W}(?:(?i:of){W})?(?P<wk2>{f.shifts}){W}(?i:week)\b)?"
        ),
    }


@cache
def rules() -> dict[str, re.Pattern[str]]:
    """Every rule's compiled pattern, by name; dict order breaks ties between equal lengths."""
    f = _Fragments(lexicon())
    table = {**_date_rules(f), **_part_rules(f), **_context_rules(f), **_relative_rules(f)}
    # every expression starts a word: the leading \b lets the engine skip mid-word
    # positions at once (about a third faster)
    return {name: re.compile(rf"\b(?:{pattern})") for name, pattern in table.items()}


#: the kind of word each rule cannot match without; a line lacking it skips the rule
RULE_NEEDS: dict[str, str] = {
    "iso": "digit", "part_year": "digit", "ctx_year": "digit", "numeric": "digit",
    "month_week": "relative",
    "md_range": "month", "dm_range": "month", "mdy": "month", "dmy": "month",
    "md_list": "month", "dm_list": "month", "month_range": "month", "month_year": "month",
    "month_to_day": "month",
    "part_month": "month", "ctx_month": "month",
    "part_rel_month": "relative", "part_rel_year": "relative", "day_word": "relative",
    "ago": "relative", "past_n": "relative", "recent": "relative", "rel_period": "relative",
    "recent_word": "relative",
    "weekend": "relative", "half_period": "relative",
    "weekday": "weekday",
    "season": "relative",
}


@cache
def _needs_patterns() -> dict[str, re.Pattern[str]]:
    """Cheap tests for each kind of word, run once per line before the rules."""
    f = _Fragments(lexicon())
    relative_words = [*lexicon().day_words, *lexicon().units, *lexicon().recent_words,
                      *lexicon().seasons,
                      "weekend", "ago"]
    return {
        "digit": re.compile(r"\d"),
        "month": re.compile(f.months),
        "weekday": re.compile(f.weekdays),
        "relative": re.compile(rf"\b{_alternation(relative_words, ignore_case=True)}"),
    }


def find_all(text: str) -> Iterator[Found]:
    """Every match of every rule, overlapping ones included (the caller picks).

    Expressions never cross a line break, so each line runs only the rules whose
    needed words it contains."""
    needs = _needs_patterns()
    for line in re.finditer(r"[^\n]+", text):
        pos, endpos = line.span()
        present = {kind for kind, p in needs.items() if p.search(text, pos, endpos)}
        for name, pattern in rules().items():
            if RULE_NEEDS[name] in present:
                yield from _matches(name, pattern, text, pos, endpos)


def _matches(
    name: str, pattern: re.Pattern[str], text: str, pos: int, endpos: int
) -> Iterator[Found]:
    for m in pattern.finditer(text, pos, endpos):
        start, end = m.span("core") if "core" in pattern.groupindex else m.span()
        if end > start:
            yield Found(name, start, end, m)


@cache
def _lead_pattern() -> re.Pattern[str]:
    lex = lexicon()
    since = _alternation(lex.since_words, ignore_case=True)
    lead = _alternation(lex.lead_words, ignore_case=True)
    return re.compile(rf"\b(?:(?P<since>{since})|(?P<lead>{lead})){W}(?:(?i:the){W})?$")


@cache
def _since_clause() -> re.Pattern[str]:
    since = _alternation(lexicon().since_words, ignore_case=True)
    return re.compile(rf"\b{since}\b(?P<clause>[^.,;:!?\n]{{1,{SINCE_CLAUSE_CHARS}}})$")


@cache
def _clause_verb() -> re.Pattern[str]:
    """A finite verb: a listed auxiliary or irregular past, or a regular past in -ed."""
    listed = _alternation(lexicon().clause_verbs, ignore_case=True)
    return re.compile(rf"\b(?:{listed}|[a-z]{{2,}}ed)\b")


#: "since the offensive was launched in late October": how far "since" may stand
#: before the date's preposition, within one clause
SINCE_CLAUSE_CHARS = 60


def _opens_since_clause(text: str, before: int) -> bool:
    """ "since <subject> <verb> ... in <date>" (not "since battles ... on <date>", where the
    date is the battles' own)."""
    window = max(0, before - SINCE_CLAUSE_CHARS - 16)
    m = _since_clause().search(text, window, before)
    return m is not None and _clause_verb().search(m.group("clause")) is not None


def leading_word(text: str, start: int) -> tuple[int, bool]:
    """Where the expression's span begins once a preposition before it is included,
    and whether it counts from a "since" (right before it, or opening its clause)."""
    m = _lead_pattern().search(text, max(0, start - 24), start)
    if m is None or m.end() != start:
        return start, False
    if m.group("since") is not None:
        return m.start(), True
    return m.start(), _opens_since_clause(text, m.start())
