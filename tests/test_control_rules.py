"""Control changes from handovers and statements of holding, on sentences written for tests."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.model import ControlChange

JUNTA = "Military Forces of Myanmar (2021-)"
TNLA = "TNLA: Ta'ang National Liberation Army"
MNDAA = "MNDAA: Myanmar National Democratic Alliance Army"


def control(body: str) -> list[ControlChange]:
    return extract_text(f" date 2025-08-07 {body}").control


def test_returning_a_town_hands_it_to_the_other_side() -> None:
    [change] = control("Under pressure, the MNDAA returned Lashio to the regime in April.")
    assert (change.place, change.to_actor, change.from_actor, change.how) == (
        "Lashio", JUNTA, MNDAA, "handed over")


def test_returning_fire_or_people_returning_home_is_no_handover() -> None:
    assert control("The KIA returned fire near Bhamo town on Monday. Villagers returned to "
                   "Hsipaw town on Tuesday.") == []


def test_towns_under_its_control_belong_to_the_clause_subject() -> None:
    changes = control("TNLA administrations are still running in Mogoke and other towns under "
                      "its control despite junta airstrikes, she said.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Mogoke", TNLA, "holds")}


def test_a_goal_of_reclaiming_territory_changes_no_hands() -> None:
    changes = control("After the MNDAA made a deal with the junta and agreed to hand back control "
                      "of Lashio, the military turned its focus toward reclaiming territories "
                      "held by the TNLA.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Lashio", JUNTA, "handed over")]


def test_holder_written_with_its_acronym_in_brackets_before_the_hyphen() -> None:
    changes = control("The junta has shelled the Ta'ang National Liberation Army (TNLA)-"
                      "controlled Namhsan town since Monday.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Namhsan", TNLA, "holds")}


def test_holding_stated_twice_is_one_record() -> None:
    changes = control("Jets bombed Lashio, which is under the control of the MNDAA, on Monday. "
                      "Residents said Lashio, under the control of the MNDAA, has no shelters.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Lashio", MNDAA, "holds")]


def test_a_planned_capture_changes_no_holder() -> None:
    assert control("Residents are leaving as the TNLA is preparing to seize Kyaukme.") == []


def test_every_town_of_a_long_list_changes_hands() -> None:
    towns = ["Hsipaw", "Kyaukme", "Mogoke", "Mongmit", "Namhsan", "Manton"]
    changes = control("The TNLA has already seized " + ", ".join(towns[:-1]) + " and "
                      + towns[-1] + " from the regime.")
    assert {c.place for c in changes} == set(towns)


def test_rebel_held_is_held_by_the_main_rebel_group() -> None:
    changes = control("The MNDAA said jets bombed rebel-held Lashio on Monday.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Lashio", MNDAA, "holds")]


def test_a_holding_list_ends_where_the_list_ends() -> None:
    changes = control("Jets struck the TNLA-controlled towns of Kyaukme and Hsipaw, as well as "
                      "Namtu, on Monday.")
    assert {c.place for c in changes if c.how == "holds"} == {"Kyaukme", "Hsipaw"}


def test_a_withdrawal_its_troops_would_make_is_a_claimed_handover_to_the_other_side() -> None:
    changes = control("The TNLA announced on Monday that its troops would withdraw from Hsipaw "
                      "and Mongmit within two weeks.")
    assert {(c.place, c.to_actor, c.how, c.status) for c in changes} == {
        ("Hsipaw", JUNTA, "ceded (claimed)", "planned"),
        ("Mongmit", JUNTA, "ceded (claimed)", "planned")}


def test_the_town_a_capture_names_is_the_town_named_last() -> None:
    changes = control("Junta jets bombed Mongmit on Monday. The KIA seized the town in "
                      "July 2024.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [
        ("Mongmit", "KIA: Kachin Independence Army", "captured")]


def test_a_bare_name_after_a_capture_verb_changes_no_holder() -> None:
    # "Operation" style names and unknown capitalised words are no places to hold
    assert [c.place for c in control("The TNLA captured Zorblat on Monday.")] == []


def test_unknown_names_listed_with_known_towns_change_hands() -> None:
    places = {c.place for c in control("The TNLA captured Kyaukme, Zorblat and Hsipaw on Monday.")}
    assert places == {"Kyaukme", "Zorblat", "Hsipaw"}


def test_a_name_marked_as_a_village_changes_hands() -> None:
    assert [c.place for c in control("The TNLA captured Zorblat village on Monday.")] == \
        ["Zorblat"]


def test_a_held_list_goes_on_past_a_name_in_brackets() -> None:
    changes = control("Junta jets bombed TNLA-controlled areas in Kyaukme, Hsipaw (Thibaw) and "
                      "Mogoke townships on Monday.")
    assert {c.place for c in changes if c.how == "holds" and c.to_actor == TNLA} >= {
        "Kyaukme", "Hsipaw", "Mogoke"}


def test_a_holder_after_the_second_mention_of_a_place() -> None:
    changes = control("Hsipaw lies on the Mandalay-Lashio road, south of the state capital, "
                      "Lashio, under the control of the MNDAA.")
    assert ("Lashio", MNDAA, "holds") in {(c.place, c.to_actor, c.how) for c in changes}


def test_a_held_list_goes_on_past_a_name_no_gazetteer_holds() -> None:
    changes = control("Airstrikes killed nine civilians in TNLA-controlled townships such as "
                      "Hsipaw, Zorblat, Kyaukme and Mogoke.")
    assert {c.place for c in changes if c.how == "holds" and c.to_actor == TNLA} >= {
        "Hsipaw", "Kyaukme", "Mogoke"}


def test_under_a_named_groups_control_is_holding() -> None:
    assert [(c.place, c.to_actor, c.how) for c in control(
        "Kyaukme town remains under TNLA control, residents said.")] == [
        ("Kyaukme", TNLA, "holds")]
    assert [(c.place, c.how) for c in control("Lashio is now under MNDAA rule.")] == [
        ("Lashio", "holds")]
