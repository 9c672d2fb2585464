"""The Markdown situation report: events by place and date, control, contradictions, citations."""

from __future__ import annotations

import re
from datetime import date

from sitrep.fuse.fixtures import disagreeing_extractions
from sitrep.model import DateInterval
from sitrep.report import Window, situation_report


def report(since: date, until: date, region: str | None = None) -> str:
    return situation_report(disagreeing_extractions(), Window(since, until, region))


def test_key_events_grouped_by_place_with_fatalities_and_both_sources() -> None:
    text = report(date(2025, 5, 1), date(2025, 7, 31))
    assert text.startswith("# Situation report: 2025-05-01 to 2025-07-31\n")
    assert "### Kone Nyaung (Shan)" in text
    assert "### Tawila (North Darfur)" in text
    line = next(x for x in text.splitlines() if x.startswith("- 2025-07-10"))
    assert "Battles (Armed clash)" in line
    assert "4 killed (sources disagree: 4, 7)" in line
    assert re.search(r"\[\^\d\]\[\^\d\]$", line)  # one footnote per source


def test_every_footnote_is_listed_with_title_and_url() -> None:
    text = report(date(2025, 5, 1), date(2025, 7, 31))
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    listed = set(re.findall(r"^\[\^(\d+)\]:", text, re.M))
    assert cited == listed == {"1", "2", "3"}
    assert "Troops reach jade mine (North Wire, 2025-07-12) <https://north.example/jade>" in text
    assert "Killings in Tawila (Desert Post, 2025-05-05)" in text


def test_control_changes_and_demands_in_the_window() -> None:
    text = report(date(2025, 6, 1), date(2025, 7, 31))
    assert "- 2025-06-02: Hsenwi: TNLA: Ta'ang National Liberation Army (captured from" in text
    demand = next(x for x in text.splitlines() if "Lashio" in x and x.startswith("- 2025"))
    assert "does not change who holds it" in demand
    assert "Holders on 2025-07-31:" in text
    assert "- Hsenwi: Military Forces of Myanmar (2021-) (sources disagree)" in text


def test_contradictions_section_cites_each_value() -> None:
    text = report(date(2025, 7, 1), date(2025, 7, 31))
    section = text.split("## Contradictions")[1].split("## Sources")[0]
    assert re.search(r"distance Kone Nyaung – Hsenwi: 78 km \[\^\d\] vs 64 km \[\^\d\]", section)
    assert "fatalities of Battles at Kone Nyaung" in section


def test_window_and_region_restrict_the_events() -> None:
    text = report(date(2025, 5, 1), date(2025, 5, 31), region="North Darfur")
    assert "Tawila" in text
    assert "Kone Nyaung (Shan)" not in text
    assert "No control changes reported in the period." in text
    empty = report(date(2024, 1, 1), date(2024, 1, 31))
    assert "No events reported in the period." in empty
    assert "No sources cited." in empty


def test_an_event_dated_before_the_window_is_left_out() -> None:
    """The ACLED date decides: an interval that only reaches into the period is not in it."""
    extractions = disagreeing_extractions()
    attack = extractions[0].events[0]
    attack.date = DateInterval(date(2025, 3, 1), date(2025, 6, 10), "since March", 3)
    text = situation_report(extractions, Window(date(2025, 6, 1), date(2025, 6, 30)))
    assert "Tawila" not in text.split("## Control changes")[0]


def test_a_step_told_twice_by_one_source_is_listed_once() -> None:
    extractions = disagreeing_extractions()
    north = extractions[1]
    north.control.append(north.control[0])
    text = situation_report(extractions, Window(date(2025, 6, 1), date(2025, 6, 30)))
    control = text.split("## Control changes")[1].split("## Contradictions")[0]
    assert control.count("Hsenwi: TNLA: Ta'ang National Liberation Army (captured") == 1
    contradictions = text.split("## Contradictions")[1]
    assert contradictions.count("control of Hsenwi") == 1
