"""publication_date_from_text: the article's own dateline, never another headline's."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.time import publication_date_from_text

BODY = (
    "Resistance fighters said they had pushed regime troops out of two hill positions "
    "overlooking the highway after three days of fighting, and that civilians were leaving "
    "the nearby villages on foot."
)
assert len(BODY.split()) >= 30  # a body paragraph, which ends the head


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Ceasefire talks stall\nBy Jane Doe\n15 October 2025\n", date(2025, 10, 15)),
        ("Published: 26 Jun 2024\nCeasefire talks stall\n", date(2024, 6, 26)),
        ("Posted on Thu, 25 Jul 2024 12:58:27 +0700\nTitle here\n", date(2024, 7, 25)),
        ("Ceasefire talks stall\nBy Newsroom 06 Dec 2023\n", date(2023, 12, 6)),
        ("Ceasefire talks stall\nAugust 2, 2025\n", date(2025, 8, 2)),
        ("(Agency, June 9, 2025):\nCeasefire talks stall\n", date(2025, 6, 9)),
        ("date 2025-08-21 ", date(2025, 8, 21)),
        ("date 2025-08-21 Talks were held on July 24, 2019. ", date(2025, 8, 21)),
    ],
)
def test_own_dateline_found(head: str, expected: date) -> None:
    assert publication_date_from_text(head + BODY) == (expected, "day")


def test_dateline_opening_the_body() -> None:
    text = "KYIV, 3 March 2024 — " + BODY
    assert publication_date_from_text(text) == (date(2024, 3, 3), "day")
    assert publication_date_from_text("June 23, 2025: " + BODY) == (date(2025, 6, 23), "day")


def test_month_only_dateline() -> None:
    assert publication_date_from_text("Published: October 2025\n" + BODY) == (
        date(2025, 10, 1), "month",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a list of other headlines with their dates
        "Latest\nAirstrike hits market\nJune 3, 2024\nTalks resume in Doha\nJune 1, 2024\n" + BODY,
        # the page's "today" widget
        "Wednesday, January 14, 2026\nNo Result\nCeasefire talks stall\n" + BODY,
        # a date inside prose is an event date, not the publication's
        "On January 1, 2024, the army began an advance on the city. " + BODY,
        "The outskirts of the town, Aug. 30, 2024, after the capture.\n" + BODY,
        # no date at all, and a date only after the body has begun
        BODY,
        BODY + "\nJune 3, 2024\n",
        # a dateline without a year cannot give a date
        "Namtu, December 29\n" + BODY,
    ],
)
def test_no_publication_date(text: str) -> None:
    assert publication_date_from_text(text) is None


def test_byline_date_beats_page_widget() -> None:
    text = "Wednesday, January 14, 2026\nMenu\nTitle\nAuthor by Author\nOctober 31, 2025\n" + BODY
    assert publication_date_from_text(text) == (date(2025, 10, 31), "day")


def test_month_dateline_refined_by_a_day_in_it() -> None:
    text = "Title\n03 Sep 2024\nSeptember 2024, Sittwe\n" + BODY
    assert publication_date_from_text(text) == (date(2024, 9, 3), "day")


def test_conflicting_labels_give_nothing() -> None:
    text = "Published: 3 June 2024\nPublished: 5 June 2024\n" + BODY
    assert publication_date_from_text(text) is None


def test_month_prefix() -> None:
    assert publication_date_from_text("date 2024-10\n" + BODY) == (date(2024, 10, 1), "month")
