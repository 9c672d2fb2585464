"""A text that names no country is about its places' country, not the default one: "the
army" and "civilians" are that country's (issue 12: 'Military Forces of Myanmar' was coded
in Omdurman and Kinshasa)."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.actors import focus_country, named_country
from sitrep.model import Extraction


def extract(body: str) -> Extraction:
    return extract_text(f" date 2025-05-10\n{body}")


def test_a_text_without_country_words_takes_its_places_country() -> None:
    found = extract("Troops shelled the market in Omdurman on Monday, killing five civilians.")
    [event] = found.events
    assert event.actor1.startswith("Military Forces of Sudan")
    assert event.actor2 == "Civilians (Sudan)"


def test_a_country_the_words_name_still_decides() -> None:
    found = extract("Myanmar junta troops shelled the market in Mandalay on Monday, "
                    "killing five civilians.")
    [event] = found.events
    assert event.actor1.startswith("Military Forces of Myanmar")


def test_named_country_is_none_without_country_words() -> None:
    assert named_country("Troops shelled the market on Monday.") is None
    assert focus_country("Troops shelled the market on Monday.", "Sudan") == "Sudan"
    assert focus_country("Sudanese troops shelled the market.", "Chad") == "Sudan"
