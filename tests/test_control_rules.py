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


def test_a_side_that_holds_a_town_after_the_verb() -> None:
    changes = control("Fighting broke out near Kutkai on Monday. The TNLA, which holds Mogoke, "
                      "said junta jets bombed Hsipaw on Monday.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Mogoke", TNLA, "holds")}


def test_a_side_that_had_held_a_town_until_it_began_to_leave() -> None:
    changes = control("The TNLA, which had held Nawnghkio town for about a year, began "
                      "retreating last week.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Nawnghkio", TNLA, "holds")}


def test_holding_talks_or_no_longer_holding_is_no_holding() -> None:
    assert control("The TNLA held talks in Kunming with the junta on Monday.") == []
    assert control("The junta no longer controls Kyaukme, residents said.") == []


def test_claiming_control_of_the_town_refers_to_the_town_named_before() -> None:
    changes = control("Hsipaw is close to the border, with TNLA fighters claiming control of "
                      "the town after weeks of fighting.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Hsipaw", TNLA, "holds")}


def test_a_last_foothold_is_held_by_the_side_it_belongs_to() -> None:
    changes = control("Sittwe, the seat of the regime administration in Rakhine State, is one "
                      "of the junta's last footholds in the state.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Sittwe", JUNTA, "holds")}


def test_a_stronghold_of_a_named_town() -> None:
    changes = control("Junta jets bombed the TNLA stronghold of Namhsan on Monday.")
    assert ("Namhsan", TNLA, "holds") in {(c.place, c.to_actor, c.how) for c in changes}


def test_a_sentence_opening_in_held_territory_places_its_towns_there() -> None:
    changes = control("In the territories controlled by the TNLA, junta airstrikes on Kyaukme "
                      "and Hsipaw killed two people on Monday.")
    holds = {(c.place, c.to_actor) for c in changes if c.how == "holds"}
    assert holds == {("Kyaukme", TNLA), ("Hsipaw", TNLA)}


def test_a_demand_that_a_side_withdraw_from_towns() -> None:
    changes = control("The junta demanded that the TNLA withdraw from Kyaukme and Hsipaw "
                      "before the talks.")
    demanded = {(c.place, c.to_actor) for c in changes if c.how == "demanded"}
    assert demanded == {("Kyaukme", JUNTA), ("Hsipaw", JUNTA)}


def test_a_nationality_names_the_holder_not_the_nearest_army() -> None:
    changes = control("Russian forces shelled Kherson, which is under Ukrainian control, on "
                      "Monday.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {
        ("Kherson", "Military Forces of Ukraine (2019-)", "holds")}


def test_an_occupied_city_is_held_by_the_occupier() -> None:
    changes = control("Ukrainian drones hit the Russian-occupied city of Donetsk on Monday.")
    assert ("Donetsk", "Military Forces of Russia (2000-)", "holds") in {
        (c.place, c.to_actor, c.how) for c in changes}


def test_a_side_that_lost_a_town_to_another() -> None:
    [change] = control("The junta lost control of Kyaukme town to the TNLA on Monday.")
    assert (change.place, change.to_actor, change.from_actor, change.how) == (
        "Kyaukme", TNLA, JUNTA, "captured")


def test_losing_soldiers_is_no_loss_of_a_place() -> None:
    changes = control("The junta lost 20 soldiers near Kyaukme town on Monday.")
    assert [c for c in changes if c.how == "captured"] == []


def test_in_the_hands_of_a_side() -> None:
    changes = control("The town of Hsipaw is now in the hands of the TNLA.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Hsipaw", TNLA, "holds")}


def test_a_side_administering_towns_and_a_count_with_its_examples() -> None:
    changes = control("The TNLA administers Mogoke and Mongmit. The MNDAA holds four of the "
                      "region's towns, including Lashio and Hseni.")
    assert {(c.place, c.to_actor) for c in changes if c.how == "holds"} == {
        ("Mogoke", TNLA), ("Mongmit", TNLA), ("Lashio", MNDAA), ("Hseni", MNDAA)}


def test_the_junta_named_by_a_descriptor_holds_a_town() -> None:
    for body in ("The TNLA shelled junta-held Kyaukme on Monday.",
                 "The regime-controlled town of Kyaukme was shelled on Monday.",
                 "Fighting went on near Kyaukme, which remains under junta control, the TNLA "
                 "said."):
        assert ("Kyaukme", JUNTA, "holds") in {(c.place, c.to_actor, c.how)
                                              for c in control(body)}, body


def test_under_rebel_control_is_the_articles_main_group() -> None:
    changes = control("The TNLA said junta jets bombed Mogoke, which is under rebel control, "
                      "on Monday.")
    assert ("Mogoke", TNLA, "holds") in {(c.place, c.to_actor, c.how) for c in changes}


RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"


def _takers(body: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor1, e.actor2) for e in extract_text(f" date 2025-08-07 {body}").events
            if e.event_type == "Battles" and "territory" in e.sub_event_type]


def test_a_ministry_telling_of_its_troops_speaks_for_the_state_last_named_speaking() -> None:
    # "its troops" are the ministry's, and the ministry is Russia's, named speaking before;
    # a foreign army taking a village is ACLED's "Non-state actor overtakes territory"
    events = extract_text(
        " date 2025-08-07 MOSCOW: Russia on Saturday said its forces were advancing in "
        "Ukraine's Donetsk region, where Ukrainian troops are dug in. The defence ministry "
        "said its troops captured Novopavlivka.").events
    [taken] = [e for e in events if "territory" in e.sub_event_type]
    assert (taken.actor1, taken.actor2, taken.sub_event_type) == (
        RUSSIA, UKRAINE, "Non-state actor overtakes territory")


def test_a_speaker_named_after_the_capture_owns_its_forces() -> None:
    assert _takers("Ukrainian troops are dug in near Pokrovsk. Its forces captured "
                   "Novopavlivka on Monday, Moscow said.") == [
        (RUSSIA, UKRAINE)]


def test_a_foreign_state_speaking_of_something_else_owns_no_troops() -> None:
    # China is no side here and said nothing of its own forces: the junta's troops did it
    changes = control("China said it was worried by the fighting in Shan State. The military "
                      "said its troops recaptured Kyaukme from the TNLA on Monday.")
    assert [(c.place, c.to_actor) for c in changes] == [("Kyaukme", JUNTA)]


def test_a_state_leader_demanding_a_region_speaks_for_the_state() -> None:
    changes = control("Russian President Vladimir Putin on Friday repeated his demand for "
                      "Ukraine to totally withdraw from the Donetsk region, if it wants peace.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [
        ("Donetsk", RUSSIA, "demanded")]


def test_the_region_a_demand_names_is_the_region_named_before() -> None:
    changes = control("The fighting is heaviest in the Donetsk region. Russian President "
                      "Vladimir Putin on Friday repeated his demand for Ukraine to withdraw "
                      "from the region, if it wants peace.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [
        ("Donetsk", RUSSIA, "demanded")]


def test_a_region_beside_demanded_towns_is_not_demanded() -> None:
    changes = control("The junta demanded the return of Lashio and Hsipaw in northern Shan "
                      "State.")
    assert {(c.place, c.how) for c in changes} == {("Lashio", "demanded"),
                                                   ("Hsipaw", "demanded")}


def test_a_demanded_withdrawal_hands_nothing_over() -> None:
    changes = control("The TNLA demanded that the junta withdraw from Kyaukme.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Kyaukme", TNLA, "demanded")]


def test_every_subject_of_a_passive_capture_changes_hands() -> None:
    for body in ("Kyaukme and Hsipaw fell to the TNLA on Monday.",
                 "Kyaukme and Hsipaw were captured by the TNLA on Monday.",
                 "Nawnghkio and Mogoke were among five towns captured by TNLA forces in June."):
        changes = control(body)
        assert {c.place for c in changes} >= {"Kyaukme", "Hsipaw"} or \
            {c.place for c in changes} >= {"Nawnghkio", "Mogoke"}, body
        assert {c.to_actor for c in changes} == {TNLA}, body


def test_a_place_before_an_active_capture_is_no_subject_of_it() -> None:
    changes = control("Airstrikes hit Lashio and the TNLA captured Hsipaw on Monday.")
    assert [(c.place, c.to_actor) for c in changes] == [("Hsipaw", TNLA)]


def test_securing_control_is_a_capture_and_relinquishing_a_handover() -> None:
    [secured] = control("The MNDAA secured control of Laukkai on Thursday after the "
                        "remaining regime forces surrendered.")
    assert (secured.place, secured.to_actor, secured.how) == ("Laukkai", MNDAA, "captured")
    [given] = control("The TNLA said it was forced to relinquish Nawnghkio in July.")
    assert (given.place, given.from_actor, given.to_actor, given.how) == (
        "Nawnghkio", TNLA, JUNTA, "handed over")


def test_entering_a_town_after_the_other_side_withdrew_is_a_transfer() -> None:
    found = extract_text(" date 2025-08-07 Junta troops entered Lashio on 22 April "
                         "following the withdrawal of the MNDAA.")
    assert [(e.sub_event_type, e.location and e.location.name) for e in found.events] == [
        ("Non-violent transfer of territory", "Lashio")]
    assert [(c.place, c.from_actor, c.to_actor) for c in found.control] == [
        ("Lashio", MNDAA, JUNTA)]


def test_a_holding_that_is_over_or_a_control_taken_states_no_holder_now() -> None:
    assert not [c for c in control("Nawnghkio Township, which had been occupied by the TNLA, "
                                   "saw clashes in July.") if c.how == "holds"]
    assert not [c for c in control("The TNLA had already taken control of areas such as "
                                   "Mantong and Namhsan in early 2023.") if c.how == "holds"]


def test_a_place_run_or_occupied_by_a_side_is_held_by_it() -> None:
    changes = control("Residents of Mogoke, now run by the TNLA, fled on Monday.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Mogoke", TNLA, "holds")]


def test_holding_capitals_including_a_list() -> None:
    changes = control("The RSF now controls all five state capitals in Darfur, including "
                      "Nyala and El Geneina.")
    assert {(c.place, c.how) for c in changes} == {("Nyala", "holds"), ("El Geneina", "holds")}


def test_a_plural_subject_holds_but_a_goal_does_not() -> None:
    changes = control("The KIA and its allies control Hpakant and Bhamo.")
    assert {(c.place, c.how) for c in changes} == {("Hpakant", "holds"), ("Bhamo", "holds")}
    assert control("The KIA hopes to control Hpakant soon.") == []


def test_took_a_named_place_is_a_capture_but_took_a_person_somewhere_is_not() -> None:
    [taken] = control("The TNLA took Mogoke in July last year and has held it since.")
    assert (taken.place, taken.to_actor, taken.how) == ("Mogoke", TNLA, "captured")
    assert extract_text(" date 2025-08-07 The visit took Min Aung Hlaing to Moscow.").events \
        == []


def test_having_control_and_being_under_full_control_or_administration_hold() -> None:
    for body in ("The KIA now has full control of Hpakant.",
                 "The KIA has been in control of Hpakant since October.",
                 "Hpakant is now under the full control of the KIA."):
        assert [(c.place, c.to_actor, c.how) for c in control(body)] == [
            ("Hpakant", "KIA: Kachin Independence Army", "holds")], body
    assert [(c.place, c.to_actor) for c in control(
        "Kyaukme has been under TNLA administration since August 2024.")] == [
        ("Kyaukme", TNLA)]
    assert control("The KIA no longer has control of Hpakant.") == []


def test_driving_a_side_out_of_a_town_takes_it_but_forcing_protesters_away_does_not() -> None:
    [taken] = control("The army drove the TNLA out of Kyaukme on Monday.")
    assert (taken.place, taken.from_actor, taken.to_actor) == ("Kyaukme", TNLA, JUNTA)
    assert control("Police drove protesters from Yangon's streets on Monday.") == []


def test_the_loss_of_a_town_to_a_side_is_its_capture_told_once() -> None:
    [lost] = control("The loss of Kyaukme to the TNLA in August was a blow to the junta.")
    assert (lost.place, lost.from_actor, lost.to_actor) == ("Kyaukme", JUNTA, TNLA)
    changes = control("The TNLA captured Kyaukme on Monday. The loss of Kyaukme to the TNLA "
                      "is a blow to the junta.")
    assert [(c.place, c.to_actor) for c in changes] == [("Kyaukme", TNLA)]


def test_a_loss_of_a_list_of_towns_after_their_number() -> None:
    changes = control("The TNLA lost control of three strategic towns – Nawnghkio, Kyaukme, "
                      "and Hsipaw – to the junta in October.")
    assert {(c.place, c.to_actor) for c in changes} == {
        ("Nawnghkio", JUNTA), ("Kyaukme", JUNTA), ("Hsipaw", JUNTA)}


def test_the_capture_verbs_own_subject_takes_the_place() -> None:
    # the regime is the first side named, but the AA is the subject of "captured"
    changes = control("The regime turned the police battalion in Maungdaw into a fortress "
                      "after the AA captured the headquarters in Buthidaung.")
    assert [(c.place, c.to_actor) for c in changes] == [("Buthidaung", "AA: Arakan Army")]
    # an apposition names an ally, not the subject
    changes = control("Meanwhile, the MNDAA, a TNLA ally, has seized almost complete control "
                      "of Lashio, the capital of northern Shan State.")
    assert [(c.place, c.to_actor) for c in changes] == [("Lashio", MNDAA)]


def test_a_sides_positions_captured_with_no_agent_were_taken_from_it() -> None:
    changes = control("The TNLA says the regime's positions in Hsipaw town were captured on "
                      "Monday.")
    assert [(c.place, c.from_actor, c.to_actor) for c in changes] == [("Hsipaw", JUNTA, TNLA)]


def test_a_coordinated_subject_is_led_by_its_first_side() -> None:
    changes = control("The MNDAA, the TNLA and the AA took control of Muse on Monday.")
    assert [(c.place, c.to_actor) for c in changes] == [("Muse", MNDAA)]


def test_a_side_that_retreated_from_towns_left_them_to_its_enemy() -> None:
    changes = control("TNLA troops pulled out of Kyaukme and Hsipaw on Monday.")
    assert {(c.place, c.from_actor, c.to_actor, c.how) for c in changes} == {
        ("Kyaukme", TNLA, JUNTA, "withdrew"), ("Hsipaw", TNLA, JUNTA, "withdrew")}
    assert control("The TNLA may retreat from Kyaukme.") == []


def test_a_name_between_two_held_towns_of_a_list_is_held_too() -> None:
    changes = control("Jets bombed TNLA-controlled towns such as Kutkai, Hsipaw, Zarbonk, "
                      "Kyaukme, and Nawnghkio.")
    assert "Zarbonk" in {c.place for c in changes if c.to_actor == TNLA and c.how == "holds"}
    # a name after the list's last known town is not between two of them
    changes = control("The TNLA holds Kutkai and Hsipaw, Lord Zarbonk said.")
    assert "Lord Zarbonk" not in {c.place for c in changes}


def test_a_demand_to_give_up_towns_names_the_towns_not_the_addressee() -> None:
    changes = control("Moscow has demanded that Kyiv give up Kramatorsk and Sloviansk.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {
        ("Kramatorsk", RUSSIA, "demanded"), ("Sloviansk", RUSSIA, "demanded")}


def test_a_demanded_handover_is_a_demand_not_a_handover() -> None:
    changes = control("The junta insisted that the TNLA hand over Mogoke and Momeik.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {
        ("Mogoke", JUNTA, "demanded"), ("Momeik", JUNTA, "demanded")}


def test_a_leader_demanding_regions_speaks_for_the_addressees_enemy() -> None:
    changes = control("Russian troops shelled Kharkiv. Putin demanded that Ukraine withdraw "
                      "from the Donetsk, Luhansk and Zaporizhzhia regions.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {
        ("Donetsk", RUSSIA, "demanded"), ("Luhansk", RUSSIA, "demanded"),
        ("Zaporizhzhia", RUSSIA, "demanded")}


def test_in_a_sides_hands_and_areas_it_holds_including_a_list() -> None:
    assert [(c.place, c.to_actor, c.how) for c in control("Kyaukme remains in TNLA hands.")] \
        == [("Kyaukme", TNLA, "holds")]
    changes = control("Areas held by the AA, including Paletwa and Kyauktaw, were bombed on "
                      "Monday.")
    assert {(c.place, c.how) for c in changes if c.to_actor == "AA: Arakan Army"} == {
        ("Paletwa", "holds"), ("Kyauktaw", "holds")}


def test_a_side_that_said_it_had_captured_a_place_took_it() -> None:
    # the speaker is the sentence's source, not a party the roles see; "it" is the speaker
    changes = control("The AA said it had captured all junta camps in Kyauktaw and now "
                      "controls the entire township.")
    assert ("Kyauktaw", "AA: Arakan Army") in {(c.place, c.to_actor) for c in changes}
    assert ("Kyauktaw", JUNTA) not in {(c.place, c.to_actor) for c in changes}


def test_falling_into_a_sides_hands_or_coming_under_its_control_is_a_capture() -> None:
    for body in ("Kyaukme fell into the hands of the TNLA on Monday.",
                 "Kyaukme came under the control of the TNLA on Monday.",
                 "Kyaukme came under TNLA control on Monday."):
        assert [(c.place, c.to_actor, c.how) for c in control(body)] == [
            ("Kyaukme", TNLA, "captured")], body


def test_the_speaker_is_the_named_member_not_its_alliance_nor_an_apposition() -> None:
    for body in ("On Nov. 24, Brotherhood Alliance member the TNLA claimed that it had "
                 "captured Lashio.",
                 "The TNLA, an ally of the MNDAA, said it had captured Lashio."):
        assert [(c.place, c.to_actor) for c in control(body)] == [("Lashio", TNLA)], body


def test_the_side_forced_to_withdraw_gave_the_place_up_and_is_told_once() -> None:
    changes = control("The RSF took full control of El Fasher on October 26 after a long "
                      "siege, forcing the army to withdraw from its last base in the city.")
    assert [(c.place, c.to_actor) for c in changes] == [
        ("El Fasher", "RSF: Rapid Support Forces")]


def test_handing_a_named_town_back_and_taking_it_back() -> None:
    [given] = control("The MNDAA handed Lashio back to the junta on April 22.")
    assert (given.place, given.from_actor, given.to_actor, given.how) == (
        "Lashio", MNDAA, JUNTA, "handed over")
    [taken] = control("The junta took back Lashio from the MNDAA in April.")
    assert (taken.place, taken.from_actor, taken.to_actor, taken.how) == (
        "Lashio", MNDAA, JUNTA, "recaptured")
    changes = control("The MNDAA pulled its troops out of Lashio on April 22, handing the "
                      "city to the regime.")
    assert [(c.place, c.to_actor) for c in changes] == [("Lashio", JUNTA)]


def test_a_counted_object_then_its_list_all_change_hands() -> None:
    changes = control("The AA has seized 14 of Rakhine's 17 townships, including Paletwa and "
                      "Kyauktaw.")
    assert {(c.place, c.to_actor) for c in changes} == {
        ("Paletwa", "AA: Arakan Army"), ("Kyauktaw", "AA: Arakan Army")}


def test_has_administered_the_town_and_reoccupied() -> None:
    changes = control("Since capturing Paletwa in January 2024, the AA has administered "
                      "the town.")
    assert ("Paletwa", "AA: Arakan Army", "holds") in {
        (c.place, c.to_actor, c.how) for c in changes}
    [back] = control("Junta troops have reoccupied Kyaukme.")
    assert (back.place, back.to_actor, back.how) == ("Kyaukme", JUNTA, "recaptured")


def test_since_capturing_a_town_is_a_capture_dated_by_its_own_phrase_or_not_at_all() -> None:
    changes = control("Since capturing Paletwa in January 2024, the AA has administered "
                      "the town.")
    [taken] = [c for c in changes if c.how == "captured"]
    assert (taken.place, taken.to_actor) == ("Paletwa", "AA: Arakan Army")
    assert taken.date is not None and (taken.date.start.year, taken.date.start.month) == (
        2024, 1)
    [undated] = [c for c in control("The AA, since seizing Kyauktaw, has shelled Sittwe.")
                 if c.how == "captured"]
    assert (undated.place, undated.to_actor, undated.date) == (
        "Kyauktaw", "AA: Arakan Army", None)


def test_a_handover_pledged_is_planned_and_moves_no_holder() -> None:
    changes = control("The TNLA is set to hand over Mogoke and Momeik by the end of the "
                      "month.")
    assert {(c.place, c.how, c.status) for c in changes} == {
        ("Mogoke", "ceded (claimed)", "planned"), ("Momeik", "ceded (claimed)", "planned")}
    [done] = control("The TNLA withdrew from Mogoke on Monday.")
    assert (done.how, done.status) == ("handed over", "reported")


def test_an_unnamed_town_taken_in_a_township_leaves_the_township_as_it_was() -> None:
    assert control("The PDF seized another town in Tamu on Monday.") == []
    assert control("The AA captured two villages near Kyauktaw on Monday.") == []
    assert [c.place for c in control("The TNLA captured Kyaukme on Monday.")] == ["Kyaukme"]


def test_a_site_named_after_a_town_is_no_town_taken() -> None:
    # the site changes hands under its own name (GOLD.md: a place a side can hold)
    assert [c.place for c in control("The KIA captured the Bhamo Airport on Jan. 26.")] == [
        "Bhamo Airport"]
    assert [c.place for c in control("The KIA captured Bhamo on Jan. 26.")] == ["Bhamo"]


def test_an_agreed_handover_is_planned_but_its_change_of_hands_is_kept_as_told() -> None:
    body = "The TNLA agreed to hand over Mogoke to the junta under the truce."
    assert [(e.sub_event_type, e.status) for e in extract_text(f" date 2025-08-07 {body}").events
            if e.sub_event_type.startswith("Non-violent")] == [
        ("Non-violent transfer of territory", "planned")]
    [change] = control(body)
    assert (change.place, change.to_actor, change.how, change.status) == (
        "Mogoke", JUNTA, "handed over", "reported")


def test_a_handover_told_done_and_agreed_is_one_change() -> None:
    changes = control("The TNLA handed over Mogoke to the junta on Monday. Last month the TNLA "
                      "had agreed to hand over Mogoke to the junta.")
    assert [(c.place, c.to_actor, c.how, c.status) for c in changes] == [
        ("Mogoke", JUNTA, "handed over", "reported")]
