"""Contradictions between documents: distances read from the text, tolls, control."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.fuse import all_contradictions, distance_conflicts, find_distances
from sitrep.fuse.fixtures import (
    EL_FASHER,
    HSENWI,
    KONE_NYAUNG,
    REBELS,
    TAWILA,
    day,
    desert_post,
    disagreeing_extractions,
    hill_times,
    located,
    north_wire,
)
from sitrep.model import Document, Extraction, Place


def dispatch(doc_id: str, text: str, places: list[Place]) -> Extraction:
    doc = Document(doc_id, text, source=f"Outlet {doc_id}", published=date(2025, 7, 1))
    return Extraction(doc, places=[located(text, p) for p in places])


def test_distance_of_subject_place_from_anchor() -> None:
    [found] = find_distances(north_wire())
    assert found.places == ("Kone Nyaung", "Hsenwi")
    assert found.km == 78.0
    assert found.evidence.startswith("Regime troops reached")


def test_between_with_a_definite_description_pointing_back() -> None:
    """"the mine" is the Kone Nyaung mine named a sentence earlier."""
    [found] = find_distances(hill_times())
    assert found.places == ("Kone Nyaung", "Hsenwi")
    assert found.km == 64.0


def test_two_documents_with_different_distances_are_flagged_with_both() -> None:
    [conflict] = distance_conflicts([north_wire(), hill_times()])
    assert conflict.kind == "distance"
    assert conflict.what == "distance Kone Nyaung – Hsenwi"
    assert [(v.value, v.document) for v in conflict.values] == [
        ("78 km", "doc-north"), ("64 km", "doc-hills")]
    assert "between the mine and Hsenwi" in conflict.values[1].evidence
    assert conflict.values[0].source == "North Wire"


def test_spelling_variants_of_a_place_meet() -> None:
    a = dispatch("a", "Tawila lies 60 km west of El Fasher.\n", [TAWILA, EL_FASHER])
    variant = Place(**{**EL_FASHER.__dict__, "mention": "El-Fasher", "name": "El-Fasher"})
    b = dispatch("b", "Tawila, 40 miles from El-Fasher, took in families.\n", [TAWILA, variant])
    [conflict] = distance_conflicts([a, b])
    assert [v.value for v in conflict.values] == ["60 km", "64.4 km"]


def test_close_figures_do_not_contradict() -> None:
    a = dispatch("a", "Tawila lies 60 km west of El Fasher.\n", [TAWILA, EL_FASHER])
    b = dispatch("b", "Tawila is about 62 kilometres from El Fasher.\n", [TAWILA, EL_FASHER])
    assert distance_conflicts([a, b]) == []


def test_distances_without_an_anchor_place_are_not_read() -> None:
    text = "The wounded went to hospitals in Tawila, 40 kilometers away.\n"
    assert find_distances(dispatch("a", text, [TAWILA])) == []
    text = "Fighting stretches around 20 miles near Tawila.\n"
    assert find_distances(dispatch("b", text, [TAWILA, EL_FASHER])) == []


def test_places_found_by_name_when_the_document_has_no_spans() -> None:
    bare = dispatch("a", "Hsenwi is 46 km north of Kone Nyaung.\n", [])
    bare.places = [HSENWI, KONE_NYAUNG]  # no spans: looked up by their names
    [found] = find_distances(bare)
    assert found.places == ("Hsenwi", "Kone Nyaung")


def test_all_contradictions_gathers_fatalities_control_and_distances() -> None:
    found = all_contradictions(disagreeing_extractions())
    kinds = {c.kind: c for c in found}
    assert sorted(kinds) == ["control", "distance", "fatalities"]
    assert sorted(v.value for v in kinds["fatalities"].values) == ["4", "7"]
    assert kinds["fatalities"].what == "fatalities of Battles at Kone Nyaung"
    control = kinds["control"]
    assert control.what == "control of Hsenwi"
    assert {v.document for v in control.values} == {"doc-north", "doc-hills"}
    assert all(v.evidence for c in found for v in c.values)
    record = kinds["distance"].to_dict()
    assert set(record) == {"kind", "what", "values"}
    assert set(record["values"][0]) >= {"value", "document", "evidence"}


def test_agreeing_documents_have_no_contradictions() -> None:
    assert all_contradictions([desert_post(), north_wire()]) == []


def test_a_country_named_in_between_is_not_the_subject() -> None:
    myanmar = Place("Myanmar", "Myanmar", kind="country")
    text = "Hsenwi, known as Myanmar's jade town, is located 46 km north of Kone Nyaung.\n"
    [found] = find_distances(dispatch("a", text, [HSENWI, myanmar, KONE_NYAUNG]))
    assert found.places == ("Hsenwi", "Kone Nyaung")


def test_sources_dating_one_event_a_day_apart() -> None:
    north, hills = north_wire(), hill_times()
    hills.events[0].date = day("on July 11", date(2025, 7, 11))
    [conflict] = [c for c in all_contradictions([north, hills]) if c.kind == "date"]
    assert conflict.what == "date of Battles at Kone Nyaung"
    assert [v.value for v in conflict.values] == ["2025-07-10 (on July 10)",
                                                  "2025-07-11 (on July 11)"]


def test_one_capture_dated_differently_by_two_sources() -> None:
    north, hills = north_wire(), hill_times()
    hills.control[0] = replace(north.control[0], date=day("on June 5", date(2025, 6, 5)),
                               evidence=hills.control[0].evidence)
    [conflict] = [c for c in all_contradictions([north, hills]) if c.kind == "date"]
    assert conflict.what == f"date {REBELS} took Hsenwi"
    assert {v.document for v in conflict.values} == {"doc-north", "doc-hills"}


def test_a_place_taken_twice_by_the_same_side_is_no_contradiction() -> None:
    north, hills = north_wire(), hill_times()
    lost = replace(hills.control[0], date=day("on June 4", date(2025, 6, 4)))
    again = replace(north.control[0], date=day("on June 9", date(2025, 6, 9)))
    hills.control = [lost, again]
    assert [c for c in all_contradictions([north, hills]) if c.kind == "date"] == []


def test_a_named_village_the_places_stage_missed_still_counts() -> None:
    """"Wad Ashana village" is marked as a place by its noun; "the village" points back."""
    a = dispatch("a", "The RSF stormed Wad Ashana village, 30 km from Tawila.\n", [TAWILA])
    b = dispatch("b", "Families fled Wad Ashana Village on Monday.\n"
                      "The road from the village to Tawila runs 45 km.\n"
                      "The 45 km track between the village and Tawila is mined.\n", [TAWILA])
    [conflict] = distance_conflicts([a, b])
    assert conflict.what == "distance Wad Ashana – Tawila"
    assert [v.value for v in conflict.values] == ["30 km", "45 km"]


def test_place_nouns_and_sentence_openers_are_not_part_of_the_name() -> None:
    village = Place("Wad Ashana Village", "Wad Ashana Village")  # as a places stage may name it
    a = dispatch("a", "Troops reached Wad Ashana Village, some 30 km from Tawila.\n",
                 [village, TAWILA])
    b = dispatch("b", "Rebels hold the Wad Ashana mine.\n"
                      "“Beyond Wad Ashana mine is the road to Tawila,” he said.\n"
                      "The 45 km road between the mine and Tawila is mined.\n", [TAWILA])
    [conflict] = distance_conflicts([a, b])
    assert conflict.what == "distance Wad Ashana – Tawila"
    assert [v.label for v in conflict.values] == ["Outlet a", "Outlet b"]
