"""find_dates on texts written for these tests: spans, resolution, undated texts."""

from __future__ import annotations

from datetime import date

from sitrep.model import DateInterval
from sitrep.text import AnalysedText
from sitrep.time import find_dates, find_in_string

PUBLISHED = date(2025, 8, 7)  # a Thursday

DISPATCH = (
    "Paramilitary fighters stormed the market in El Fasher on Wednesday, killing 12 people, "
    "residents said. The city has been besieged since mid-May. Two villages nearby were "
    "burned on July 24 last year, and drones struck the airport on August 2, 4 and 5.\n"
    "Aid convoys may resume next week, officials in Mon State and Darfur said."
)


def _find(text: str, published: date | None = PUBLISHED, precision: str | None = "day"
          ) -> list[DateInterval]:
    return find_dates(AnalysedText(text, []), published, precision)


def _summary(found: list[DateInterval]) -> list[tuple[str, str | None, str | None]]:
    return [
        (d.text, d.start.isoformat() if d.start else None, d.end.isoformat() if d.end else None)
        for d in found
    ]


def test_every_expression_found_in_order_with_resolution() -> None:
    assert _summary(_find(DISPATCH)) == [
        ("on Wednesday", "2025-08-06", "2025-08-06"),
        ("since mid-May", "2025-05-11", "2025-08-07"),
        ("on July 24 last year", "2024-07-24", "2024-07-24"),
        ("on August 2", "2025-08-02", "2025-08-02"),
        ("4", "2025-08-04", "2025-08-04"),
        ("5", "2025-08-05", "2025-08-05"),
        ("next week", "2025-08-11", "2025-08-17"),
    ]


def test_spans_point_into_the_text() -> None:
    for found in _find(DISPATCH):
        assert found.span is not None
        assert DISPATCH[found.span.start : found.span.end] == found.span.text == found.text


def test_undated_text_keeps_relative_expressions_unresolved() -> None:
    found = _find(DISPATCH, None, None)
    by_text = {d.text: d for d in found}
    assert by_text["on Wednesday"].start is None and by_text["on Wednesday"].precision == 1
    assert by_text["since mid-May"].start is None
    assert by_text["next week"].end is None
    assert all(d.start is None for d in found)  # no expression here carries a year


def test_month_only_publication_places_months_not_weekdays() -> None:
    found = {d.text: d for d in _find(DISPATCH, date(2025, 8, 1), "month")}
    assert found["on Wednesday"].start is None
    assert found["since mid-May"].start == date(2025, 5, 11)
    assert found["since mid-May"].end == date(2025, 8, 31)


def test_expression_never_crosses_a_line_break() -> None:
    found = _find("Shelling resumed on July\n24 people fled on Friday.")
    assert _summary(found) == [("on Friday", "2025-08-01", "2025-08-01")]


def test_other_continents_and_formats() -> None:
    text = (
        "KYIV, 3 March 2024 — Russian forces shelled Kharkiv between 10 and 15 July, "
        "and again over the weekend. In the Sahel, jihadists attacked Djibo in late 2023."
    )
    assert _summary(_find(text)) == [
        ("3 March 2024", "2024-03-03", "2024-03-03"),
        ("between 10 and 15 July", "2025-07-10", "2025-07-15"),
        ("over the weekend", "2025-08-02", "2025-08-03"),
        ("in late 2023", "2023-09-01", "2023-12-31"),
    ]


def test_since_opening_a_clause_counts_from_the_date() -> None:
    found = _find("Clashes have continued since the offensive was launched in late June.")
    assert _summary(found) == [("in late June", "2025-06-21", "2025-08-07")]
    plain = _find("The offensive was launched in late June, and it stalled.")
    assert _summary(plain) == [("in late June", "2025-06-21", "2025-06-30")]


def test_since_before_a_noun_phrase_keeps_the_date() -> None:
    found = _find("It was the first clash since battles near Kutkai on July 28.")
    assert _summary(found) == [("on July 28", "2025-07-28", "2025-07-28")]


def test_names_are_not_months() -> None:
    text = "The report was written by Jan Egeland, according to May Thu and June Kyaw."
    assert _find(text) == []
    assert _summary(_find("Talks resumed in May, according to Jan.")) == [
        ("in May", "2025-05-01", "2025-05-31"),
    ]


def test_decades_are_not_years() -> None:
    assert _find("The group was formed in the early 1960s and grew in the 1990s.") == []


def test_the_previous_day_is_left_to_the_events_stage() -> None:
    assert _find("Fighting erupted the previous day, and in the previous few days.") == []


def test_the_date_prefix_is_metadata() -> None:
    assert _find("date 2025-08-21 Fighting resumed.") == []
    iso = _summary(_find("The file lists 2025-08-21."))
    assert iso == [("2025-08-21", "2025-08-21", "2025-08-21")]


def test_text_without_dates() -> None:
    assert _find("Troops may march 24 km at 10:30 towards Battalion 33 headquarters.") == []


def test_impossible_dates_and_absurd_anchors_never_raise() -> None:
    text = "On February 30, 2024-13-45 and 31/02/2024, 999 hours ago, last month, next year."
    for published in (date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29), None):
        for precision in ("day", "month", None):
            for found in _find(text, published, precision):
                assert found.span is not None and text[found.span.start : found.span.end]
                if found.start and found.end:
                    assert found.start <= found.end
    assert [d.text for d in _find("On February 30, the army attacked.")] == []


def test_two_expressions_joined_into_one_range() -> None:
    text = "Troops held the hill from late June to mid-July. In July, talks resumed."
    assert _summary(_find(text)) == [
        ("from late June to mid-July", "2025-06-21", "2025-07-20"),
        ("In July", "2025-07-01", "2025-07-31"),
    ]
    apart = "Troops held the hill from late June, and on Friday they left."
    assert [d.text for d in _find(apart)] == ["late June", "on Friday"]


def test_a_list_modifying_a_noun_is_one_stretch() -> None:
    """ "the July 1, 3 and 4 raids" name one series; "on July 1, 3 and 4, ..." three days."""
    series = _summary(_find("Residents counted the July 1, 3 and 4 raids on three towns."))
    assert series == [("July 1, 3 and 4", "2025-07-01", "2025-07-04")]
    days = _summary(_find("On July 1, 3 and 4, raids hit three towns."))
    assert [d[1] for d in days] == ["2025-07-01", "2025-07-03", "2025-07-04"]


def test_a_season_counts_only_as_a_date() -> None:
    found = find_in_string("A summer offensive began; the fall of Lashio came later.",
                           date(2025, 8, 7))
    assert found == []
