"""The places stage's and locating's word lists and weights are package data: each loads,
holds what its module reads, and lists no word twice."""

from __future__ import annotations

from numbers import Number
from pathlib import Path

from sitrep.events import locating
from sitrep.places import rank
from sitrep.places.words import lines

_NUMBERS = ("capital", "alternate", "country_named_so", "focus", "named_country", "named_admin",
            "pattern", "kind_fits", "bare_region", "bare_region_town", "admin1_km",
            "standalone_population", "standalone_exonym", "village_population", "min_score",
            "supported_population", "confident_population")


def test_rank_weights_are_numbers() -> None:
    weights = rank.weights()
    assert all(isinstance(weights[name], Number) for name in _NUMBERS)
    assert set(weights["class_scores"]) == {"country", "region"}
    assert [k for k, _ in weights["nearness"]] == sorted(k for k, _ in weights["nearness"])
    assert set(weights["mimu_population"]) == {"town", "township", "village tract", "village"}


def test_word_lists_have_no_duplicates() -> None:
    for name in ("modifiers.txt", "settlement_words.txt", "site_words.txt", "feature_words.txt"):
        words = lines(name)
        assert words and len(words) == len(set(words)), name
    for name, words in locating._words().items():
        assert words and len(words) == len(set(words)), name
        assert all(isinstance(w, str) for w in words), name


def test_each_locating_list_is_read() -> None:
    source = Path(locating.__file__).read_text(encoding="utf-8")
    assert all(f'"{name}"' in source for name in locating._words())
