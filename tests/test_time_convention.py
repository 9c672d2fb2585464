"""GOLD.md's date convention, row by row, through the whole pipeline.

Each row is a short dispatch written here (wars outside Myanmar on purpose: the rules
must not lean on one country's articles), published on Friday 2025-09-12 unless the
row says otherwise, and the interval and precision the convention gives the event at
one place ("Dates of reports that give no day of their own" in ../shared/GOLD.md).
A ``None`` interval is an undated past event, which must also be background.
"""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import Event

FRI = "2025-09-12"
#: (name, publication, body, place, start, end, precision)
Row = tuple[str, str | None, str, str, str | None, str | None, int | None]

ROWS: list[Row] = [
    # an explicit day, a weekday, a day word: that day (precision 1)
    ("explicit date", FRI, "The RSF shelled El Fasher on September 5, killing five people.",
     "El Fasher", "2025-09-05", "2025-09-05", 1),
    ("weekday before publication", FRI,
     "The RSF shelled El Fasher on Wednesday, killing five people.",
     "El Fasher", "2025-09-10", "2025-09-10", 1),
    ("weekday of publication is that day", FRI,
     "The RSF shelled El Fasher on Friday, killing five people.",
     "El Fasher", "2025-09-12", "2025-09-12", 1),
    ("last weekday", FRI, "The RSF shelled El Fasher last Friday, killing five people.",
     "El Fasher", "2025-09-05", "2025-09-05", 1),
    ("yesterday", FRI, "The RSF shelled El Fasher yesterday, killing five people.",
     "El Fasher", "2025-09-11", "2025-09-11", 1),
    ("today", FRI, "The RSF shelled El Fasher today, killing five people.",
     "El Fasher", "2025-09-12", "2025-09-12", 1),
    ("last night", FRI, "The RSF shelled El Fasher last night, killing five people.",
     "El Fasher", "2025-09-11", "2025-09-11", 1),
    ("this morning", FRI, "The RSF shelled El Fasher this morning, killing five people.",
     "El Fasher", "2025-09-12", "2025-09-12", 1),
    ("yesterday's fighting is one day", FRI,
     "Yesterday's fighting between the army and the RSF in El Fasher killed 12 people.",
     "El Fasher", "2025-09-11", "2025-09-11", 1),
    # months and their parts (precision 3); a day of last year
    ("mid-month", FRI, "Sudanese army aircraft bombed Nyala in mid-August.",
     "Nyala", "2025-08-11", "2025-08-20", 3),
    ("late month", FRI, "Sudanese army aircraft bombed Nyala in late August.",
     "Nyala", "2025-08-21", "2025-08-31", 3),
    ("whole month", FRI, "Sudanese army aircraft bombed Nyala in August.",
     "Nyala", "2025-08-01", "2025-08-31", 3),
    ("a day last year", FRI, "The RSF captured Bara on July 24 last year.",
     "Bara", "2024-07-24", "2024-07-24", 1),
    ("last year", FRI, "The RSF captured Bara last year.",
     "Bara", "2024-01-01", "2024-12-31", 3),
    # present or perfect with no time word, "recently", "this week": the 7 days up to
    # publication (precision 2)
    ("present progressive", FRI, "The RSF is shelling El Fasher.",
     "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("present perfect", FRI, "Russian forces have seized the village of Novoselivka.",
     "Novoselivka", "2025-09-06", "2025-09-12", 2),
    ("clashes continue", FRI, "Clashes continue between the army and the RSF in El Fasher.",
     "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("recently", FRI, "Russian drones attacked Kharkiv recently.",
     "Kharkiv", "2025-09-06", "2025-09-12", 2),
    ("in recent days", FRI, "The RSF shelled El Fasher in recent days, killing five people.",
     "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("this week", FRI, "The RSF shelled El Fasher this week, killing five people.",
     "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("over the past few days", FRI,
     "The RSF shelled El Fasher over the past few days, killing five people.",
     "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("over the past day is the past 24 hours", FRI,
     "Clashes between the army and the RSF have continued in El Fasher over the past day.",
     "El Fasher", "2025-09-11", "2025-09-12", 2),
    ("a perfect said on a day is not dated by the day of speaking", FRI,
     "The army announced on Thursday that its forces have recaptured Bara.",
     "Bara", "2025-09-06", "2025-09-12", 2),
    ("a past event said on a day takes that day", FRI,
     "Russian drones struck Kharkiv, killing two people, officials said on Thursday.",
     "Kharkiv", "2025-09-11", "2025-09-11", 1),
    # "last week": Monday..Sunday of the week before
    ("last week", FRI, "Russian aircraft bombed Kharkiv last week.",
     "Kharkiv", "2025-09-01", "2025-09-07", 2),
    # "in recent weeks", "over the past month": 30 days; "this month" from the 1st
    ("in recent weeks", FRI, "Russian aircraft have bombed Kharkiv repeatedly in recent weeks.",
     "Kharkiv", "2025-08-14", "2025-09-12", 3),
    ("over the past month", FRI,
     "The RSF has shelled El Fasher over the past month, killing five people.",
     "El Fasher", "2025-08-14", "2025-09-12", 3),
    ("this month", FRI, "The RSF has shelled El Fasher this month, killing five people.",
     "El Fasher", "2025-09-01", "2025-09-12", 3),
    # "since X" still going on: X .. publication
    ("since a part of a month", FRI, "The RSF has besieged El Fasher since mid-May.",
     "El Fasher", "2025-05-11", "2025-09-12", 3),
    ("since then is since the last date told", FRI,
     "The RSF shelled Bara on Wednesday, killing five people. The war began in April 2023. "
     "Since then, the RSF has captured most of Darfur, including Nyala.",
     "Nyala", "2023-04-01", "2025-09-12", 3),
    # "for N days", "after N days of fighting": N days ending on publication
    ("for N days", FRI, "The RSF has been shelling El Fasher for 12 days.",
     "El Fasher", "2025-09-01", "2025-09-12", 2),
    ("after N days of fighting", FRI,
     "After four days of fighting, the army has recaptured Bara.",
     "Bara", "2025-09-09", "2025-09-12", 2),
    # shifts from a date told before: "two days later", "a day after [X]"
    ("two days later", FRI, "The RSF shelled Bara on Monday. Two days later, RSF fighters "
     "attacked El Fasher, killing five people.", "El Fasher", "2025-09-10", "2025-09-10", 1),
    ("a week later without a comma", FRI, "The RSF shelled Bara on September 1. A week later "
     "RSF fighters attacked El Fasher, killing five people.",
     "El Fasher", "2025-09-08", "2025-09-08", 1),
    ("a day after the other event in the same sentence", FRI,
     "Russian drones struck Kharkiv on Thursday, a day after Russian missiles hit Odesa.",
     "Odesa", "2025-09-10", "2025-09-10", 1),
    ("a day later in the same sentence", FRI,
     "Russian drones struck Kharkiv on Monday and a day later Russian missiles hit Odesa.",
     "Odesa", "2025-09-09", "2025-09-09", 1),
    ("for weeks is as in recent weeks", FRI, "The RSF has besieged El Fasher for weeks.",
     "El Fasher", "2025-08-14", "2025-09-12", 3),
    ("after several days of fighting is as the past few days", FRI,
     "After several days of fighting, the army has recaptured Bara.",
     "Bara", "2025-09-06", "2025-09-12", 2),
    ("at the time is the last date told", FRI,
     "The RSF shelled Bara in March, killing five people. At the time, RSF fighters also "
     "attacked civilians in El Fasher, killing two.", "El Fasher", "2025-03-01", "2025-03-31", 3),
    ("at the time of writing is no anaphor but now", FRI,
     "The RSF shelled Bara in March, killing five people. RSF fighters were besieging El "
     "Fasher at the time of writing.", "El Fasher", "2025-09-06", "2025-09-12", 2),
    ("the following night is the day after the last date told", FRI,
     "The RSF shelled Bara on Monday. The following night, RSF drones struck El Fasher, "
     "killing two people.", "El Fasher", "2025-09-09", "2025-09-09", 1),
    # undated past: no date, background
    ("previously", FRI, "The army shelled El Fasher on Wednesday. The RSF previously "
     "captured Nyala.", "Nyala", None, None, None),
    ("pluperfect with no date", FRI, "The army shelled El Fasher on Wednesday. The RSF had "
     "captured Nyala.", "Nyala", None, None, None),
    ("a deadline is no date of the event", FRI, "The RSF shelled Bara on Monday. The RSF "
     "had captured Nyala and four other towns by August 2024.", "Nyala", None, None, None),
    ("pluperfect told as what someone said is news", FRI,
     "Residents said the RSF had shelled Nyala, killing five people.",
     "Nyala", "2025-09-06", "2025-09-12", 2),
    # the clause that holds the date
    ("a date in a relative clause dates that clause only", FRI,
     "The RSF, which captured Nyala last year, shelled El Fasher on Wednesday.",
     "El Fasher", "2025-09-10", "2025-09-10", 1),
    ("the relative clause keeps its own date", FRI,
     "The RSF, which captured Nyala last year, shelled El Fasher on Wednesday.",
     "Nyala", "2024-01-01", "2024-12-31", 3),
    ("a relative clause on the source closes before what the source said", FRI,
     "Russian drones struck Odesa on Wednesday. Ukrainian officials, who spoke anonymously, "
     "said Russian drones bombed Kharkiv, killing two people.",
     "Kharkiv", "2025-09-10", "2025-09-10", 1),
    ("a past verb in a relative clause is undated background", FRI,
     "Russian drones struck Odesa on Wednesday. Hundreds of soldiers are now based in "
     "Kharkiv, including many who retreated from Novoselivka.",
     "Novoselivka", None, None, None),
    ("has since after a dated event runs from it to publication", FRI,
     "The RSF shelled Bara on Wednesday. The RSF seized Nyala in October 2023 and has "
     "since besieged El Fasher.", "El Fasher", "2023-10-01", "2025-09-12", 3),
    ("a months-long siege is no length up to publication", FRI,
     "The RSF shelled El Fasher on Wednesday, killing five people. The RSF captured Nyala "
     "after a months-long siege.", "Nyala", "2025-09-10", "2025-09-10", 1),
    ("a relative clause telling when the event took place dates it", FRI,
     "The RSF shelled Bara on Monday. The attack on El Fasher, which took place on "
     "Wednesday, killed five people.", "El Fasher", "2025-09-10", "2025-09-10", 1),
    ("a relative clause after the trigger's noun dates it", FRI,
     "Russian missiles hit Odesa on Monday. The Russian drone strike on Kharkiv, which "
     "residents say killed five on Wednesday, drew condemnation.",
     "Kharkiv", "2025-09-10", "2025-09-10", 1),
    ("a present tense in a relative clause leaves a past event the narrative's day", FRI,
     "Russian drones struck Odesa on Wednesday, killing two people. Russian missiles also "
     "hit Kharkiv, where thousands of people are still without power, killing five people.",
     "Kharkiv", "2025-09-10", "2025-09-10", 1),
    ("a perfect in a which-clause leaves a past event the narrative's day", FRI,
     "Russian drones struck Odesa on Wednesday, killing two people. Russian missiles, which "
     "are launched from the Black Sea, also hit Kharkiv, killing five people.",
     "Kharkiv", "2025-09-10", "2025-09-10", 1),
    ("a simple past is not made current by another verb's present", FRI,
     "Russian drones struck Odesa on Wednesday, killing two people. Russian missiles also "
     "struck Kharkiv, and officials say the death toll is rising.",
     "Kharkiv", "2025-09-10", "2025-09-10", 1),
    # never after publication
    ("a past day without a year after publication is last year's", FRI,
     "Sudanese army aircraft bombed Nyala on October 7, killing three people.",
     "Nyala", "2024-10-07", "2024-10-07", 1),
    # datelines: the dispatch's day
    ("a weekday under a dateline", FRI,
     "KHARTOUM, Sept 10 (Reuters) - The RSF shelled El Fasher on Tuesday, killing five "
     "people, officials said.",
     "El Fasher", "2025-09-09", "2025-09-09", 1),
    ("no publication date: only dates with their year", None,
     "The RSF shelled El Fasher on Wednesday, killing five people.",
     "El Fasher", None, None, 1),
]


def _events_at(body: str, published: str | None, place: str) -> list[Event]:
    text = f" date {published} {body}" if published else body
    return [e for e in extract_text(text).events if e.location and e.location.name == place]


def test_rows_are_unique() -> None:
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_convention(row: Row) -> None:
    _name, published, body, place, start, end, precision = row
    events = _events_at(body, published, place)
    assert events, f"no event at {place}"
    got = {(str(e.date.start) if e.date and e.date.start else None,
            str(e.date.end) if e.date and e.date.end else None) for e in events}
    assert got == {(start, end)}
    if start is None and published is not None:
        assert all(e.background for e in events)
    elif precision is not None:
        assert {e.date.precision for e in events if e.date} == {precision}


def _days_at(body: str, place: str) -> list[tuple[str | None, str | None]]:
    return sorted((str(e.date.start) if e.date else None, str(e.date.end) if e.date else None)
                  for e in _events_at(body, FRI, place))


def test_a_list_of_days_gives_one_event_a_day() -> None:
    """ACLED codes one event per actor pair, place and day."""
    for body in ("Russian drones struck Kharkiv on September 2, 5, and 9, killing ten people.",
                 "On September 2, 5 and 9, Russian drones struck Kharkiv, killing ten people.",
                 "Russian drones struck Kharkiv on September 2 and 9 and on September 5."):
        assert _days_at(body, "Kharkiv") == [("2025-09-02", "2025-09-02"),
                                             ("2025-09-05", "2025-09-05"),
                                             ("2025-09-09", "2025-09-09")], body
    assert _days_at("Drones struck Kharkiv on Monday and Wednesday.", "Kharkiv") == [
        ("2025-09-08", "2025-09-08"), ("2025-09-10", "2025-09-10")]
    assert _days_at("Drones struck Kharkiv on Monday and again on Wednesday.", "Kharkiv") == [
        ("2025-09-08", "2025-09-08"), ("2025-09-10", "2025-09-10")]


def test_one_day_written_twice_is_one_event() -> None:
    assert _days_at("Russian drones struck Kharkiv on Wednesday, September 10, killing ten "
                    "people.", "Kharkiv") == [("2025-09-10", "2025-09-10")]
    assert len(_days_at("At 3 p.m. today, September 10th, Russian drones struck Kharkiv, "
                        "killing ten people.", "Kharkiv")) == 1
