"""The time word lists: complete, consistent, and wired to every rule."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.time.expressions import RULE_NEEDS, rules
from sitrep.time.lexicon import END_OF_MONTH, _names_with_aliases, lexicon, parse_word_list
from sitrep.time.resolve import LIST_RULES, RESOLVERS


def test_every_month_and_weekday_named() -> None:
    lex = lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(7))
    assert lex.months["sept"] == 9 and lex.weekdays["thurs"] == 3


def test_surface_forms_are_title_case_and_unique() -> None:
    lex = lexicon()
    for forms in (
        lex.month_forms + lex.month_abbreviations, lex.weekday_forms + lex.weekday_abbreviations
    ):
        assert len(forms) == len({f.lower() for f in forms})
        assert all(f[0].isupper() for f in forms)
    # ambiguous words must never be weekday abbreviations
    assert not {"mon", "sat", "sun"} & set(lex.weekdays)


def test_duplicate_alias_is_refused() -> None:
    with pytest.raises(ConfigError, match="listed twice"):
        _names_with_aliases({"March": ["Mar"], "Marzo": ["Mar"]}, "month")


def test_parts_and_numbers_are_valid() -> None:
    lex = lexicon()
    for name, part in lex.parts.items():
        assert 1 <= part.first_day <= part.last_day <= END_OF_MONTH, name
        assert 1 <= part.first_month <= part.last_month <= 12, name
    assert lex.parts["mid"].first_day == 11 and lex.parts["late"].first_day == 21
    assert all(1 <= low <= high for low, high in lex.numbers.values())
    assert set(lex.units.values()) == {"hour", "day", "week", "month", "year"}
    for first, last in lex.month_weeks.values():
        assert 1 <= first < last <= END_OF_MONTH
    assert set(lex.shifts.values()) <= {-1, 0, 1}
    assert set(lex.halves.values()) == {"before", "after"}


def test_every_rule_has_a_resolver() -> None:
    assert set(rules()) == set(RESOLVERS) == set(RULE_NEEDS)
    assert set(RESOLVERS) >= LIST_RULES


def test_word_lists_have_no_duplicates() -> None:
    lex = lexicon()
    lists = (lex.since_words, lex.lead_words, lex.clause_verbs, lex.month_triggers,
             lex.year_triggers, lex.times_of_day, lex.published_labels, lex.updated_labels)
    for words in lists:
        assert len(words) == len(set(words)), words


def test_key_written_twice_is_refused() -> None:
    with pytest.raises(ConfigError, match="yesterday"):
        parse_word_list("day_words:\n  yesterday: -1\n  yesterday: -2\n", "test.yaml")
    with pytest.raises(ConfigError, match="not a mapping"):
        parse_word_list("- a list\n", "test.yaml")
