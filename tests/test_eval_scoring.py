"""The scorer on small gold/system dicts written here: GOLD.md's rules, edge cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitrep.eval.harness import Report, blind_ids
from sitrep.eval.matching import dates_overlap, place_key
from sitrep.eval.scoring import score_document

JUNTA = "Military Forces of Myanmar (2021-)"
TNLA = "TNLA: Ta'ang National Liberation Army"


def event(**fields: Any) -> dict[str, Any]:
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": JUNTA,
            "actor2": TNLA, "location": "Kyaukme", "date_start": "2025-08-06",
            "date_end": "2025-08-06", "status": "reported", "fatalities": None}
    return base | fields


def doc(events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"events": events, "places": [], "control": []} | extra


def test_spelling_variants_share_a_key() -> None:
    assert place_key("Mogok") == place_key("Mogoke")
    assert place_key("Thabbeikyin") == place_key("Thabeikkyin")
    assert place_key("Nawnghkio Township") == place_key("Nawnghkio")
    assert place_key("Kyaukme") != place_key("Hsipaw")


def test_dates_overlap_with_one_day_of_slack_and_open_ends() -> None:
    a = {"date_start": "2025-08-06", "date_end": "2025-08-06"}
    assert dates_overlap(a, {"date_start": "2025-08-07", "date_end": "2025-08-08"})
    assert not dates_overlap(a, {"date_start": "2025-08-08", "date_end": "2025-08-09"})
    assert dates_overlap(a, {"date_start": None, "date_end": "2025-08-07"})


def test_exact_match_is_a_true_positive_with_all_attributes_right() -> None:
    counts = score_document(doc([event()]), doc([event(location="Kyaukme town")]))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    assert counts.attr_correct["sub_event_type"] == 1
    assert counts.attr_correct["actors"] == 1


def test_wrong_type_or_date_is_a_miss_and_a_false_positive() -> None:
    system = [event(event_type="Explosions/Remote violence"), event(date_start="2025-07-01",
                                                                    date_end="2025-07-01")]
    counts = score_document(doc([event()]), doc(system))
    assert (counts.tp, counts.fp, counts.fn) == (1 - 1, 2, 1)


def test_nearby_place_within_25km_matches_by_coordinates() -> None:
    gold = doc([event(location="Naungpein")],
               places=[{"name": "Naungpein", "mention": "Naungpein", "lat": 22.5, "lon": 97.0}])
    near = event(location="Some Village", x_location={"lat": 22.6, "lon": 97.05})
    far = event(location="Other Village", x_location={"lat": 23.5, "lon": 97.0})
    assert score_document(gold, doc([near])).tp == 1
    assert score_document(gold, doc([far])).tp == 0


def test_optional_gold_costs_nothing_either_way() -> None:
    gold = doc([event(optional=True)])
    assert (score_document(gold, doc([])).fn, score_document(gold, doc([event()])).fp) == (0, 0)


def test_planned_gold_asserted_as_fact_is_a_false_positive() -> None:
    gold = doc([event(status="planned")])
    asserted = score_document(gold, doc([event(status="reported")]))
    kept = score_document(gold, doc([event(status="planned")]))
    assert (asserted.fp, asserted.fn) == (1, 0)
    assert (kept.fp, kept.negatives_kept) == (0, 1)


def test_unmatched_non_factual_system_event_asserts_nothing() -> None:
    counts = score_document(doc([]), doc([event(status="rumour"), event(status="reported")]))
    assert counts.fp == 1


def test_each_gold_event_matches_at_most_one_extracted_event() -> None:
    counts = score_document(doc([event()]), doc([event(), event()]))
    assert (counts.tp, counts.fp) == (1, 1)


def test_places_within_25_and_161_km() -> None:
    gold_places = [{"name": "Mogoke", "mention": "Mogoke", "lat": 22.92, "lon": 96.51},
                   {"name": "Hsipaw", "mention": "Hsipaw", "lat": 22.62, "lon": 97.30},
                   {"name": "Road", "mention": "Road", "lat": None, "lon": None}]
    system_places = [{"name": "Mogok", "mention": "Mogok", "lat": 22.93, "lon": 96.50},
                     {"name": "Hsipaw", "mention": "Hsipaw", "lat": 23.5, "lon": 97.3}]
    counts = score_document(doc([], places=gold_places), doc([], places=system_places))
    assert (counts.places_gold, counts.places_25, counts.places_161) == (2, 1, 2)


def test_control_matches_on_place_holder_and_date() -> None:
    change = {"place": "Nawnghkio", "to": JUNTA, "date_start": "2025-07-11",
              "date_end": "2025-07-20"}
    wrong_holder = change | {"to": TNLA}
    counts = score_document(doc([], control=[change]), doc([], control=[change, wrong_holder]))
    assert (counts.control_tp, counts.control_fp, counts.control_fn) == (1, 1, 0)
    assert counts.metrics()["control_recall"] == 1.0


def test_strategic_developments_match_only_their_own_sub_type() -> None:
    """GOLD.md: an Agreement never matches an Arrest, though both are Strategic developments."""
    deal = event(event_type="Strategic developments", sub_event_type="Agreement")
    arrest = event(event_type="Strategic developments", sub_event_type="Arrests")
    counts = score_document(doc([deal]), doc([arrest]))
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    assert score_document(doc([deal]), doc([deal])).tp == 1


def test_a_null_gold_date_is_right_only_when_the_extraction_has_none() -> None:
    undated = event(date_start=None, date_end=None)
    assert score_document(doc([undated]), doc([undated])).attr_correct["dates"] == 1
    counts = score_document(doc([undated]), doc([event()]))
    assert counts.tp == 1 and counts.attr_correct["dates"] == 0


def test_the_blind_part_is_a_third_with_articles_from_outside_myanmar() -> None:
    blind = blind_ids()
    assert len(blind) == 25 and not any(name.startswith("seed") for name in blind)
    outside = {"art037", "art093", "art094", "art096", "art097", "art104", "art402",
               "art406", "art411"}
    assert outside <= blind


def test_parts_sum_their_own_documents_and_hide_blind_errors() -> None:
    right, wrong = score_document(doc([event()]), doc([event()])), score_document(doc([event()]),
                                                                                doc([]))
    report = Report(documents={"a": right, "b": wrong}, blind=frozenset({"b"}))
    assert report.part("dev").tp == 1 and report.part("blind").fn == 1
    assert report.part("all").tp == 1 and report.part("all").fn == 1
    assert report.metrics()["blind_event_recall"] == 0.0
    assert list(report.dev_documents()) == ["a"] and "b" not in report.to_dict()["documents"]


def test_the_docs_list_the_blind_part() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "evaluation.md").read_text("utf-8")
    assert set(docs.split()) >= blind_ids()


def test_planned_gold_asserted_is_counted_apart() -> None:
    planned = event(status="planned")
    asserted = score_document(doc([planned]), doc([event()]))
    kept = score_document(doc([planned]), doc([event(status="planned")]))
    assert (asserted.negatives, asserted.negatives_asserted) == (1, 1)
    assert (kept.negatives, kept.negatives_asserted) == (1, 0)
