"""Control recall: holders and places told in general English, in any war (issue 12).

Sentences written for these tests; the places may be invented.
"""

from __future__ import annotations

from sitrep import extract_text
from sitrep.model import ControlChange

RUSSIA = "Military Forces of Russia (2000-)"
SUDAN = "Military Forces of Sudan (2019-)"
RSF = "RSF: Rapid Support Forces"
KIA = "KIA: Kachin Independence Army"


def control(body: str) -> list[ControlChange]:
    return extract_text(f" date 2025-08-07 {body}").control


def held(body: str) -> set[tuple[str, str, str]]:
    return {(c.place, c.to_actor, c.how) for c in control(body)}


def test_a_place_in_a_nations_hands_is_held_by_its_state_forces() -> None:
    assert ("Pokrovsk", RUSSIA, "holds") in held(
        "Russia and Ukraine have fought since 2022. The city of Pokrovsk is now largely in "
        "Russian hands, analysts said.")


def test_a_stronghold_of_the_army_named_by_a_common_noun_is_the_state_forces() -> None:
    assert ("El Fasher", SUDAN, "holds") in held(
        "Sudan's army and the RSF have fought since April 2023. El Fasher, the last army "
        "stronghold in Darfur, was shelled by the RSF on Monday.")


def test_a_name_after_a_holding_adjective_is_a_place_no_gazetteer_needs_to_know() -> None:
    assert ("Qarnabit", RSF, "holds") in held(
        "Sudan's army and the RSF have fought since 2023. Drones hit the RSF-held town of "
        "Qarnabit on Monday.")
    # a noun after the adjective is no place
    assert held("Sudan's army and the RSF have fought since 2023. RSF-held areas were "
                "shelled on Monday.") == set()


def test_a_site_named_after_a_town_changes_hands_under_its_own_name() -> None:
    changes = held("The KIA captured the Bhamo Airport on January 26 after weeks of fighting "
                   "with the junta.")
    assert ("Bhamo Airport", KIA, "captured") in changes
    assert not any(place == "Bhamo" for place, _, _ in changes)


def test_troops_withdrawn_from_a_town_leave_it_to_their_enemy() -> None:
    assert ("Bhamo", KIA, "withdrew") in held(
        "The KIA attacked Bhamo for weeks. The junta withdrew its troops from Bhamo on "
        "Saturday.")


def test_a_state_named_before_a_holding_adjective_holds_with_its_forces() -> None:
    assert ("Kramatorsk", "Military Forces of Ukraine (2019-)", "holds") in held(
        "Russia and Ukraine have fought since 2022. Russian missiles hit Ukraine-held "
        "Kramatorsk on Monday.")
    assert ("Zaporizhzhia", "Military Forces of Ukraine (2019-)", "holds") in held(
        "Russia and Ukraine have fought since 2022. Drones struck Kyiv-controlled "
        "Zaporizhzhia on Monday.")


def test_an_area_held_then_the_places_it_includes() -> None:
    assert {("Nyala", RSF, "holds"), ("Geneina", RSF, "holds")} <= held(
        "Sudan's army and the RSF have fought since 2023. The RSF controls most of Darfur, "
        "including Nyala and Geneina.")
    assert ("Rafah", "Military Forces of Israel (2022-)", "holds") in held(
        "Israel and Hamas have fought since 2023. Israeli forces now control about 75% of "
        "Gaza, including Rafah and Beit Hanoun.")


def test_a_generic_subject_of_a_named_group_is_that_group() -> None:
    changes = control("Jihadists from JNIM seized the town of Djibo in northern Burkina Faso on "
                      "Sunday, killing dozens of soldiers, security sources said.")
    assert [(c.place, c.to_actor) for c in changes] == [
        ("Djibo", "JNIM: Group for Support of Islam and Muslims")]


def test_a_capture_ends_the_holding_its_sentence_describes() -> None:
    changes = held("The RSF said on Sunday it had taken full control of El Fasher, the army's "
                   "last stronghold in Darfur.")
    assert ("El Fasher", RSF, "captured") in changes
    assert ("El Fasher", SUDAN, "holds") not in changes


TNLA = "TNLA: Ta'ang National Liberation Army"
AA = "AA: Arakan Army"
JUNTA = "Military Forces of Myanmar (2021-)"
WAR = "The TNLA and the junta fought near Kyaukme. "


def test_captures_told_by_a_noun_or_phrase_with_no_event_trigger() -> None:
    for body in ("The fall of Kyaukme to the TNLA on Monday shocked the junta.",
                 "The TNLA's takeover of Kyaukme on Monday shocked the junta.",
                 "Kyaukme was lost to the TNLA on Monday.",
                 "The TNLA wrested control of Kyaukme from the junta on Monday."):
        assert ("Kyaukme", TNLA, "captured") in held(WAR + body), body


def test_a_side_that_lost_or_fled_a_town_left_it_to_its_enemy() -> None:
    assert ("Buthidaung", AA, "captured") in held(
        "The AA and the junta fought in Rakhine. After losing Buthidaung, the junta moved "
        "troops to Sittwe.")
    assert ("Buthidaung", AA, "withdrew") in held(
        "The AA and the junta fought in Rakhine. Junta troops fled Buthidaung on Monday as "
        "the AA advanced.")


def test_a_fall_feared_or_civilians_fleeing_change_no_hands() -> None:
    assert held(WAR + "The fall of Kyaukme to the TNLA would be a blow to the junta.") == set()
    assert held(WAR + "Thousands of residents fled Kyaukme on Monday.") == set()


def test_control_claimed_on_a_past_date_is_also_a_capture_then() -> None:
    changes = control(WAR + "TNLA fighters claimed control of Kyaukme last year after weeks of "
                      "fighting.")
    assert {(c.place, c.to_actor, c.how) for c in changes} >= {
        ("Kyaukme", TNLA, "captured"), ("Kyaukme", TNLA, "holds")}
    [capture] = [c for c in changes if c.how == "captured"]
    assert capture.date is not None and capture.date.start is not None
    assert capture.date.start.year == 2024


def test_a_place_the_text_marks_by_its_kind_can_be_held() -> None:
    assert ("Qarnabit", RSF, "holds") in held(
        "Sudan's army and the RSF have fought since 2023. The town of Qarnabit remains under "
        "RSF control.")


def test_a_holding_told_in_the_present_stands_beside_a_capture_in_its_sentence() -> None:
    changes = held("The TNLA and the junta fought near Hsipaw. The junta said it recaptured "
                   "Hsipaw on Monday, but residents said Hsipaw is still controlled by the TNLA.")
    assert ("Hsipaw", TNLA, "holds") in changes


def test_an_armed_actors_name_glued_to_a_holding_adjective_is_the_holder() -> None:
    assert ("Sanaa", "Ansar Allah (Houthis)", "holds") in held(
        "Jets struck the Houthi-held capital Sanaa on Friday.")


def test_villages_a_capture_counts_are_those_the_next_sentence_names() -> None:
    changes = control(
        "The KIA said on Monday it had captured two villages in Kachin State. Fighting had "
        "raged for weeks in Ardel and Sorel in Waingmaw Township, residents said.")
    taken = {(c.place, c.to_actor, c.how, c.status) for c in changes}
    assert {("Ardel", KIA, "captured", "attributed"),
            ("Sorel", KIA, "captured", "attributed")} <= taken
    # the capture's event is not duplicated: the next sentence tells the fight at each
    events = extract_text(" date 2025-08-07 The KIA said on Monday it had captured two "
                          "villages in Kachin State. Fighting had raged for weeks in Ardel and "
                          "Sorel in Waingmaw Township, residents said.").events
    assert not any(e.sub_event_type == "Non-state actor overtakes territory"
                   and e.location is not None and e.location.name in ("Ardel", "Sorel")
                   for e in events)


def test_a_counted_capture_takes_no_more_places_than_it_counts() -> None:
    changes = control(
        "The KIA said on Monday it had captured a village in Kachin State. Fighting had raged "
        "for weeks in Ardel and Sorel in Waingmaw Township, residents said.")
    assert {c.place for c in changes if c.how == "captured"} == {"Ardel"}


def test_a_force_stationed_in_a_village_holds_it_on_someones_word() -> None:
    changes = control(
        "Sudan's army and the RSF have fought since 2023. An army unit stationed on a hill in "
        "a nearby village, Kadugli, fired shells toward the market, a local man said.")
    assert ("Kadugli", SUDAN, "holds", "attributed") in {
        (c.place, c.to_actor, c.how, c.status) for c in changes}


def test_forces_based_in_or_remaining_in_a_town_hold_it() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Army troops are based in "
                 "El Obeid. Fighters loyal to the RSF remain in Mellit.")
    assert {("El Obeid", SUDAN, "holds"), ("Mellit", RSF, "holds")} <= taken


def test_a_place_after_a_force_named_earlier_or_a_future_posting_is_not_held() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Civilians who fled the RSF "
                 "remain in Kosti. Army troops will be stationed in Sennar. Fortify Rights, "
                 "a group that documented RSF abuses, is based in Port Sudan. Troops "
                 "stationed near Kadugli fired on the town.")
    assert not {p for p, _, how in taken if how == "holds"} & {
        "Kosti", "Sennar", "Port Sudan", "Kadugli"}


def test_a_force_stationed_in_a_site_named_after_a_town_holds_the_site() -> None:
    taken = held("Regime forces are stationed inside the Bhamo Airport compound, from where "
                 "snipers fire at KIA positions, a KIA officer said.")
    assert ("Bhamo Airport", "Military Forces of Myanmar (2021-)", "holds") in taken
    assert not any(p == "Bhamo" for p, _, _ in taken)


def test_a_place_in_territory_a_side_holds_is_held() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Drones hit Mellit, in "
                 "RSF-held territory, on Monday. Nyala is RSF territory. Shells fell on "
                 "Kadugli town in the army-controlled area.")
    assert {("Mellit", RSF, "holds"), ("Nyala", RSF, "holds"),
            ("Kadugli", SUDAN, "holds")} <= taken


def test_a_nations_territory_names_no_holder_of_a_place_abroad() -> None:
    taken = held("Russia and Ukraine have fought since 2022. Drones struck Belgorod, deep "
                 "inside Russian territory, on Monday.")
    assert not any(how == "holds" for _, _, how in taken)


def test_a_place_described_as_taken_by_a_side_is_held_by_it_now() -> None:
    changes = control("Sudan's army and the RSF have fought since 2023. Nyala, captured by the "
                      "RSF in 2023, was struck by drones on Monday.")
    assert ("Nyala", RSF, "holds", "2025-08-07") in {
        (c.place, c.to_actor, c.how, str(c.date.start) if c.date else None) for c in changes}


def test_a_place_described_as_taken_then_lost_is_not_held() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Wad Madani, captured by the "
                 "RSF in 2023, was retaken by the army in January.")
    assert ("Wad Madani", RSF, "holds") not in taken


def test_a_planned_posting_or_fighting_alongside_a_side_holds_nothing() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. The RSF plans to remain in "
                 "Mellit. Militiamen are fighting alongside army troops in Kadugli. Army "
                 "troops would be stationed in Sennar under the deal.")
    assert not {p for p, _, how in taken if how == "holds"} & {"Mellit", "Kadugli", "Sennar"}


def test_places_a_relative_clause_puts_in_held_territory_are_held() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Drones hit Mellit and "
                 "Kutum, which are in the territory controlled by the RSF, on Monday. Shells "
                 "fell on Kadugli, a town far from the front line that is controlled by the "
                 "army. Nyala, which lies in an RSF-held area, was quiet.")
    assert {("Mellit", RSF, "holds"), ("Kutum", RSF, "holds"), ("Kadugli", SUDAN, "holds"),
            ("Nyala", RSF, "holds")} <= taken


def test_a_relative_clause_after_another_clause_describes_no_earlier_place() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. The army shelled Mellit and "
                 "then moved on; Kutum, which is controlled by the RSF, was spared.")
    assert ("Mellit", RSF, "holds") not in taken and ("Kutum", RSF, "holds") in taken


def test_the_subject_of_a_held_predicate_noun_is_held() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. El Fasher, besieged for "
                 "months, is now the last army-controlled city in Darfur.")
    assert ("El Fasher", SUDAN, "holds") in taken


def test_a_held_predicate_noun_after_a_semicolon_holds_no_earlier_subject() -> None:
    taken = held("Sudan's army and the RSF have fought since 2023. Mellit was shelled; it is "
                 "the last army-controlled town in the area.")
    assert ("Mellit", SUDAN, "holds") not in taken


def test_a_site_no_event_is_coded_at_can_still_be_held() -> None:
    taken = held("The KIA now controls the Bhamo Airport, a KIA officer said. Kachin fighters "
                 "were seen at Manmaw Bridge, which is held by the KIA.")
    assert ("Manmaw Bridge", KIA, "holds") in taken


def test_a_demand_told_on_someones_word_is_attributed() -> None:
    changes = control("Sudan's army and the RSF have fought since 2023. The army demanded that "
                      "the RSF withdraw from Mellit, a spokesman said.")
    assert {(c.place, c.how, c.status) for c in changes if c.how == "demanded"} == {
        ("Mellit", "demanded", "attributed")}
