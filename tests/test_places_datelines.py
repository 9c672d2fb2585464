"""One definition of a dateline (places.recognise.dateline_end), read by the places stage
and by the events stage, which never codes an event at a capital it was filed from when
the sentence names the event's own place (own sentences)."""

from __future__ import annotations

from sitrep.events.locating import not_an_event_place
from sitrep.model import Place, Sentence, Span
from sitrep.places.recognise import dateline_end


def _at(text: str, name: str, source: str | None = None) -> bool:
    start = text.index(name)
    place = Place(mention=name, name=name, coord_source=source,
                  spans=[Span(start, start + len(name), name)])
    return not_an_event_place(place, start, Sentence(0, 0, len(text), text))


def test_datelines_in_capitals_and_in_title_case() -> None:
    assert dateline_end("KYIV: Drones struck a depot.") == (5, True)
    assert dateline_end("SALINA, Kan. (AP) — A storm hit.") is not None
    assert dateline_end("Amman: Two rockets fell on Monday.") == (7, False)
    assert dateline_end("Troops said: we held the bridge.") is None


def test_a_capitals_dateline_is_not_where_the_strike_on_villages_fell() -> None:
    text = "Amman: Three people were killed in air strikes on villages in southern Syria."
    assert _at(text, "Amman", "GeoNames capital")


def test_a_town_dateline_or_one_without_another_place_may_be_the_event_place() -> None:
    assert not _at("Ardelo: Shelling killed three people on Monday.", "Ardelo")
    assert not _at("Amman: A bomb killed three people on Monday.", "Amman", "GeoNames capital")


def test_a_dateline_in_capitals_is_never_the_event_place() -> None:
    assert _at("ARDELO: Shelling killed three people on Monday.", "ARDELO")


def test_any_national_capital_that_acts_is_its_government_not_a_place() -> None:
    from sitrep.events.locating import _government

    text = "Amman vowed to respond after the strike on the border post."
    place = Place(mention="Amman", name="Amman", coord_source="GeoNames capital",
                  spans=[Span(0, 5, "Amman")])
    assert _government(place, 0, Sentence(0, 0, len(text), text))
    town = Place(mention="Amman", name="Amman", coord_source="GeoNames",
                 spans=[Span(0, 5, "Amman")])
    assert not _government(town, 0, Sentence(0, 0, len(text), text))
