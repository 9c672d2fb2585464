"""Triggers for attacks on armed people and for strikes on named places (issues 12 and 15)."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.model import Extraction


def run(body: str, published: str = "2025-03-05") -> Extraction:
    return extract_text(f" date {published} {body}")


def types(extraction: Extraction) -> set[str]:
    return {e.sub_event_type for e in extraction.events}


@pytest.mark.parametrize("sentence", [
    "Militants attacked soldiers near Tila on Monday, the army said.",
    "Islamic State-linked militants attacked soldiers at a checkpoint outside Tila on Sunday.",
    "Rebels attacked policemen in Korso on Monday.",
    "Insurgents attacked government forces near Belan on Tuesday.",
])
def test_an_attack_on_soldiers_or_police_is_an_armed_clash(sentence: str) -> None:
    assert "Armed clash" in types(run(sentence))


def test_an_attack_with_drones_is_a_drone_strike_not_a_clash() -> None:
    found = types(run("Militants attacked soldiers with drones near Belan on Tuesday."))
    assert "Air/drone strike" in found
    assert "Armed clash" not in found


def test_words_that_attack_the_security_forces_are_no_battle() -> None:
    found = types(run("Rebels and rights groups attacked the security forces for their conduct "
                      "in Tila on Monday."))
    assert "Armed clash" not in found


def test_a_strike_on_a_named_city_that_kills_is_an_air_strike() -> None:
    found = types(run("Tuesday's strike on Kharkiv killed five people, Ukrainian officials said."))
    assert "Air/drone strike" in found


def test_a_general_strike_on_a_weekday_is_no_air_strike() -> None:
    found = types(run("The general strike on Monday paralysed the capital, unions said."))
    assert "Air/drone strike" not in found
