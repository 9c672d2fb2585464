"""Word lists of the time stage, loaded from ``data/*.yaml`` and checked once.

The lists are human-edited data; the code only knows what kinds of words exist
(months, weekdays, parts of a month, ...), never the words themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sitrep.errors import ConfigError

#: a part's last day of the month when the data says "end"
END_OF_MONTH = 31


@dataclass(frozen=True)
class Part:
    """A part of a month (days) and of a year (months), e.g. "early": 1-10, Jan-Apr."""

    first_day: int
    last_day: int  # END_OF_MONTH means the month's last day
    first_month: int
    last_month: int


@dataclass(frozen=True)
class Lexicon:
    """Every word list, each mapping a lower-cased surface form to its meaning."""

    months: dict[str, int]  # "january", "jan", "sept" -> month number
    month_forms: list[str]  # full names as written (Title case)
    month_abbreviations: list[str]  # "Sept": a period may follow in text
    weekdays: dict[str, int]  # "monday", "tue" -> 0..6 (Monday 0)
    weekday_forms: list[str]
    weekday_abbreviations: list[str]
    day_words: dict[str, int]  # "yesterday" -> -1
    numbers: dict[str, tuple[int, int]]  # "two" -> (2, 2), "few" -> (2, 5)
    units: dict[str, str]  # "weeks" -> "week"
    unit_days: dict[str, int]  # "month" -> 30: days of a unit counted back from publication
    vague_days: dict[str, int]  # "day" -> 7: days of "the past few days", "in recent days"
    recent_words: list[str]  # "recently": the week up to publication
    seasons: dict[str, tuple[int, int]]  # "summer" -> (6, 8); "winter" -> (12, 2)
    season_triggers: list[str]
    month_weeks: dict[str, tuple[int, int]]  # "second" -> (8, 14); END_OF_MONTH for "end"
    parts: dict[str, Part]
    shifts: dict[str, int]  # "last" -> -1
    halves: dict[str, str]  # "earlier" -> "before"
    since_words: list[str]
    lead_words: list[str]
    sentence_connectives: list[str]  # "Similarly," before an opening date
    clause_verbs: list[str]
    month_triggers: list[str]
    year_triggers: list[str]
    times_of_day: list[str]
    weekday_leads: list[str]  # "overnight on" before a weekday: that day
    range_words: dict[str, list[str]]  # "between" -> ["and", "to"]
    published_labels: list[str]
    updated_labels: list[str]
    anaphora: dict[str, int]  # "later that day" -> 0, "the next day" -> 1
    campaign_openers: list[str]
    sequel_words: list[str]
    coarse_sequel_words: list[str]
    commitment_words: list[str]
    reversal_words: list[str]
    state_since_participles: list[str]
    speech_verbs: list[str]
    report_verbs: list[str]  # "issued on Tuesday": the day of a report
    hearsay_words: list[str]
    since_then: list[str]
    happening_verbs: list[str]
    duration_leads: list[str]
    ordinals: dict[str, int]  # "third" -> 3: "for a third straight day"
    running_words: list[str]  # "consecutive", "straight"
    flight_words: list[str]
    cause_words: list[str]
    irregular_pasts: list[str]
    undated_past_words: list[str]


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice (plain YAML keeps the last)."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(key) for key, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise ConfigError(f"time word list key(s) {', '.join(twice)} written twice")
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def parse_word_list(text: str, name: str) -> dict[str, Any]:
    """One word-list file's content, checked: a mapping with no key written twice."""
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no objects
    except yaml.YAMLError as exc:
        message = f"time word list {name} is not valid YAML ({exc}); reinstall sitrep"
        raise ConfigError(message) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"time word list {name} is not a mapping; reinstall sitrep")
    return data


def _read_yaml(name: str) -> dict[str, Any]:
    path = resources.files("sitrep.time") / "data" / name
    try:
        return parse_word_list(path.read_text(encoding="utf-8"), name)
    except OSError as exc:
        message = f"time word list {name} cannot be read ({exc}); reinstall sitrep"
        raise ConfigError(message) from exc


def _names_with_aliases(
    table: dict[str, list[str]], kind: str
) -> tuple[dict[str, int], list[str], list[str]]:
    """Number each canonical name in file order; every alias maps to the same number.

    Returns the numbers by lower-cased form, the names, and the aliases."""
    numbers: dict[str, int] = {}
    aliases_seen: list[str] = []
    for index, (name, aliases) in enumerate(table.items()):
        for form in [name, *(aliases or [])]:
            key = form.lower()
            if key in numbers:
                raise ConfigError(f"{kind} word {form!r} is listed twice in the time word lists")
            numbers[key] = index
        aliases_seen.extend(aliases or [])
    return numbers, list(table), aliases_seen


def _number(value: int | list[int]) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    low, high = value
    return int(low), int(high)


def _words(values: list[Any]) -> list[str]:
    return [str(w).lower() for w in values]


def _day_range(value: list[Any]) -> tuple[int, int]:
    first, last = value
    return int(first), END_OF_MONTH if last == "end" else int(last)


def _part(value: dict[str, list[Any]]) -> Part:
    first_day, last_day = value["month_days"]
    first_month, last_month = value["year_months"]
    last = END_OF_MONTH if last_day == "end" else int(last_day)
    return Part(int(first_day), last, int(first_month), int(last_month))


@cache
def lexicon() -> Lexicon:
    """The time word lists (read once per process)."""
    calendar = _read_yaml("calendar.yaml")
    relative = _read_yaml("relative.yaml")
    datelines = _read_yaml("datelines.yaml")
    months, month_names, month_abbreviations = _names_with_aliases(calendar["months"], "month")
    weekdays, weekday_names, weekday_abbreviations = _names_with_aliases(
        calendar["weekdays"], "weekday"
    )
    return Lexicon(
        months={k: v + 1 for k, v in months.items()},
        month_forms=month_names,
        month_abbreviations=month_abbreviations,
        weekdays=weekdays,
        weekday_forms=weekday_names,
        weekday_abbreviations=weekday_abbreviations,
        day_words={str(k).lower(): int(v) for k, v in relative["day_words"].items()},
        numbers={str(k).lower(): _number(v) for k, v in relative["numbers"].items()},
        units={str(k).lower(): str(v) for k, v in relative["units"].items()},
        unit_days={str(k).lower(): int(v) for k, v in relative["unit_days"].items()},
        vague_days={str(k).lower(): int(v) for k, v in relative["vague_days"].items()},
        recent_words=_words(relative["recent_words"]),
        seasons={str(k).lower(): _number(v) for k, v in relative["seasons"].items()},
        season_triggers=_words(relative["season_triggers"]),
        month_weeks={str(k).lower(): _day_range(v) for k, v in relative["month_weeks"].items()},
        parts={str(k).lower(): _part(v) for k, v in relative["parts"].items()},
        shifts={str(k).lower(): int(v) for k, v in relative["shifts"].items()},
        halves={str(k).lower(): str(v) for k, v in relative["halves"].items()},
        since_words=_words(relative["since_words"]),
        lead_words=_words(relative["lead_words"]),
        sentence_connectives=_words(relative["sentence_connectives"]),
        clause_verbs=_words(relative["clause_verbs"]),
        month_triggers=_words(relative["month_triggers"]),
        year_triggers=_words(relative["year_triggers"]),
        times_of_day=_words(relative["times_of_day"]),
        weekday_leads=_words(relative["weekday_leads"]),
        range_words={str(k).lower(): _words(v) for k, v in relative["range_words"].items()},
        published_labels=_words(datelines["published_labels"]),
        updated_labels=_words(datelines["updated_labels"]),
        anaphora={str(k).lower(): int(v) for k, v in relative["anaphora"].items()},
        campaign_openers=_words(relative["campaign_openers"]),
        sequel_words=_words(relative["sequel_words"]),
        coarse_sequel_words=_words(relative["coarse_sequel_words"]),
        commitment_words=_words(relative["commitment_words"]),
        reversal_words=_words(relative["reversal_words"]),
        state_since_participles=_words(relative["state_since_participles"]),
        speech_verbs=_words(relative["speech_verbs"]),
        report_verbs=_words(relative["report_verbs"]),
        hearsay_words=_words(relative["hearsay_words"]),
        since_then=_words(relative["since_then"]),
        happening_verbs=_words(relative["happening_verbs"]),
        duration_leads=_words(relative["duration_leads"]),
        ordinals={str(k).lower(): int(v) for k, v in relative["ordinals"].items()},
        running_words=_words(relative["running_words"]),
        flight_words=_words(relative["flight_words"]),
        cause_words=_words(relative["cause_words"]),
        irregular_pasts=_words(relative["irregular_pasts"]),
        undated_past_words=_words(relative["undated_past_words"]),
    )
