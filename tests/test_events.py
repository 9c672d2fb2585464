"""The events stage on dispatches written for these tests: types, statuses, roles, control."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.events.locating import not_an_event_place
from sitrep.events.written import as_written
from sitrep.model import Event, Extraction, Sentence

JUNTA = "Military Forces of Myanmar (2021-)"
TNLA = "TNLA: Ta'ang National Liberation Army"
KIA = "KIA: Kachin Independence Army"


def run(body: str, published: str = "2025-09-12") -> Extraction:
    return extract_text(f" date {published} {body}")


def only(extraction: Extraction, sub_event_type: str) -> list[Event]:
    return [e for e in extraction.events if e.sub_event_type == sub_event_type]


def test_recapture_by_state_forces_is_government_regains_territory() -> None:
    x = run("Junta troops recaptured Kyaukme town from the TNLA on Tuesday.")
    [event] = only(x, "Government regains territory")
    assert (event.actor1, event.actor2) == (JUNTA, TNLA)
    assert event.date and str(event.date.start) == "2025-09-09"
    assert event.status == "reported" and not event.background
    assert [(c.place, c.to_actor, c.how) for c in x.control] == [("Kyaukme", JUNTA, "recaptured")]


def test_capture_by_a_rebel_group_last_year_is_background() -> None:
    x = run("The KIA captured Bhamo town on July 24 last year, the group said.")
    [event] = only(x, "Non-state actor overtakes territory")
    assert event.actor1 == KIA and event.actor2 == JUNTA
    assert event.background and event.date and str(event.date.start) == "2024-07-24"
    assert event.status == "attributed"


def test_airstrike_killing_civilians_names_victims_as_actor2() -> None:
    x = run("Regime aircraft bombed Mogoke town on Sunday, killing two civilians and injuring "
            "six others, residents said.")
    [event] = only(x, "Air/drone strike")
    assert event.actor1 == JUNTA and event.actor2 == "Civilians (Myanmar)"
    assert (event.fatalities, event.injured) == (2, 6)


def test_clash_with_weapons_and_a_quoted_source() -> None:
    x = run("Fighting broke out between junta troops and the TNLA near Hsipaw town on "
            "Wednesday, backed by drones and heavy artillery, a local resident told reporters.")
    [event] = only(x, "Armed clash")
    assert {event.actor1, event.actor2} == {JUNTA, TNLA}
    assert set(event.weapons) >= {"drones", "heavy artillery"}
    assert event.status == "attributed" and event.source == "a local resident"
    assert event.geo_precision == 2


def test_planned_advance_is_not_a_fact() -> None:
    x = run("Defectors said another junta column is preparing to advance on Mogoke town.")
    assert all(e.status in ("planned", "threatened") for e in x.events)
    assert any(c.status == "planned" for c in x.claims)


def test_rumoured_handover_is_a_rumour_and_unverified_claims_are_marked() -> None:
    x = run("Rumors have circulated that the TNLA may hand over Hsipaw town to the regime. "
            "Junta troops captured Naungpein village on Monday, the TNLA said. "
            "The claim could not be independently verified.")
    handovers = only(x, "Non-violent transfer of territory")
    assert handovers and all(e.status == "rumour" for e in handovers)
    captures = only(x, "Government regains territory")
    assert captures and captures[0].status == "unverified"
    assert all(c.how == "ceded (claimed)" for c in x.control if c.place == "Hsipaw")


def test_negated_and_hypothetical_events_are_never_facts() -> None:
    x = run("The TNLA did not capture Lashio town. If the regime retakes Kyaukme town, "
            "fighting would spread.")
    assert [e for e in x.events if e.status == "reported"] == []


def test_displacement_is_optional_other_with_civilians() -> None:
    x = run("Thousands of residents have fled Kyaukme town due to artillery strikes.")
    [other] = only(x, "Other")
    assert other.actor1 == "Civilians (Myanmar)" and other.optional
    assert only(x, "Shelling/artillery/missile attack")


def test_same_actors_place_and_day_merge_into_one_event() -> None:
    x = run("Junta troops clashed with the TNLA in Hsipaw town on Monday. "
            "The clashes in Hsipaw town on Monday were heavy.")
    clashes = only(x, "Armed clash")
    assert len(clashes) == 1 and len(clashes[0].evidence) == 2


def test_statement_of_holding_and_demands_are_control_records() -> None:
    x = run("TNLA administrations are still running in Mogoke town, the TNLA said. "
            "The junta demanded the return of Kyaukme town and Hsipaw town.")
    hows = {(c.place, c.how) for c in x.control}
    assert ("Mogoke", "holds") in hows
    assert {("Kyaukme", "demanded"), ("Hsipaw", "demanded")} <= hows


def test_sudan_actors_and_an_abduction() -> None:
    x = run("RSF fighters abducted 12 villagers in Tawila town in North Darfur, Sudan, "
            "on Friday, witnesses said.")
    [event] = only(x, "Abduction/forced disappearance")
    assert event.actor1 == "RSF: Rapid Support Forces"
    assert event.actor2 == "Civilians (Sudan)"


def test_every_event_keeps_its_sentence_offsets() -> None:
    x = run("Junta troops recaptured Kyaukme town on Tuesday.")
    text = x.document.text
    for event in x.events:
        for span in event.evidence:
            assert text[span.start:span.end] == span.text


def test_strike_with_no_armed_target_falls_on_civilians() -> None:
    x = run("The junta bombed Hsipaw town on Monday.")
    [event] = only(x, "Air/drone strike")
    assert (event.actor1, event.actor2) == (JUNTA, "Civilians (Myanmar)")


def test_allies_named_with_the_taker_are_associated_not_opponents() -> None:
    x = run("The TNLA together with People's Defense Force groups captured Nawnghkio town "
            "on Monday.")
    [event] = only(x, "Non-state actor overtakes territory")
    assert (event.actor1, event.actor2) == (TNLA, JUNTA)
    assert "PDF: People's Defense Force" in event.assoc_actors


def test_two_armed_groups_clashing_are_the_two_sides() -> None:
    x = run("SSPP troops and RCSS troops clashed near Kunhing town on Monday.")
    [event] = only(x, "Armed clash")
    assert {event.actor1, event.actor2} == {
        "SSPP: Shan State Progress Party", "RCSS: Restoration Council of Shan State"}


def test_fighting_that_is_stopped_or_fled_is_not_an_event_here() -> None:
    x = run("Monks called on the RCSS and the SSPP to stop fighting in Kunhing in October. "
            "Families fled the fighting in Lashio on Monday.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_an_analyst_monitoring_the_fighting_reports_no_battle() -> None:
    x = run("An analyst monitoring the fighting in Hsipaw town said the talks may resume.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_holders_and_mediators_are_no_parties() -> None:
    x = run("The junta bombed Lashio in Shan State, which is under the control of the MNDAA, "
            "on Monday. "
            "The TNLA and junta representatives held talks in Kunming on Tuesday under "
            "Chinese mediation.")
    [strike] = only(x, "Air/drone strike")
    assert strike.actor2 == "Civilians (Myanmar)"
    [talks] = only(x, "Agreement")
    assert {talks.actor1, talks.actor2} == {JUNTA, TNLA}


def test_it_as_subject_is_the_group_of_the_sentences_before() -> None:
    x = run("The TNLA fought in Kutkai town. The TNLA fought again in Namkham town. The MNDAA "
            "said on Wednesday that it had met its targets. It has seized four towns — Chin "
            "Shwe Haw, Monekoe, Kunlong and Konkyan — in northern Shan State.")
    captures = only(x, "Non-state actor overtakes territory")
    assert captures and {e.actor1 for e in captures} == {
        "MNDAA: Myanmar National Democratic Alliance Army"}


def test_a_member_named_beside_its_alliance_is_the_actor() -> None:
    x = run("In the Brotherhood Alliance's operation, the TNLA captured Namtu town on Monday.")
    [event] = only(x, "Non-state actor overtakes territory")
    assert event.actor1 == TNLA
    [alone] = only(run("The Brotherhood Alliance captured Namtu town on Monday."),
                   "Non-state actor overtakes territory")
    assert alone.actor1 == "MNDAA: Myanmar National Democratic Alliance Army"
    assert alone.assoc_actors == ["AA: Arakan Army", TNLA]


def test_a_place_after_in_belongs_to_the_trigger_before_it() -> None:
    x = run("Clashes have intensified in Hsipaw township despite talks between the junta and "
            "the TNLA held in Kunming on Wednesday.")
    [clash] = only(x, "Armed clash")
    [talks] = only(x, "Agreement")
    assert clash.location and clash.location.name == "Hsipaw"
    assert talks.location and talks.location.name == "Kunming"


def test_he_said_refers_back_to_a_source_named_in_a_sentence_with_no_event() -> None:
    # the first sentence holds no trigger, so it is parsed only when "he said" asks
    x = run("Colonel Tar Aik Bong said the group was ready for talks. "
            "The TNLA captured Hsipaw town on Tuesday, he said.")
    [event] = x.events
    assert (event.status, event.source) == ("attributed", "Colonel Tar Aik Bong")


def test_the_township_a_village_lies_in_is_no_second_event_place() -> None:
    x = run("On Friday junta jets bombed Man Pying village in Kutkai Township.")
    assert [e.location.name for e in only(x, "Air/drone strike") if e.location] == ["Man Pying"]


def test_displacement_is_coded_where_people_fled_from_not_where_they_went() -> None:
    x = run("Hundreds of Hsipaw residents fled to Kyaukme town on Monday. Families from Namtu "
            "have sought shelter with relatives in Lashio since Sunday.")
    places = {e.location.name for e in only(x, "Other") if e.location}
    assert "Kyaukme" not in places and "Lashio" not in places


def test_bombs_dropped_with_a_count_are_an_air_strike() -> None:
    x = run("On Monday a junta jet dropped three 500-pound bombs on Namtu town, killing two "
            "civilians.")
    [strike] = only(x, "Air/drone strike")
    assert strike.location and strike.location.name == "Namtu"
    assert strike.fatalities == 2


def test_an_onslaught_on_positions_is_a_battle() -> None:
    x = run("On Sunday the KIA launched an onslaught on junta positions in Bhamo town.")
    [clash] = only(x, "Armed clash")
    assert clash.location and clash.location.name == "Bhamo"


def test_a_place_people_fled_to_is_no_battle_place() -> None:
    x = run("Earlier clashes on Monday saw villagers flee to Kyaukme town.")
    assert [e.location for e in only(x, "Armed clash") if e.location] == []


def test_a_place_located_some_distance_from_another_is_the_event_place() -> None:
    x = run("Man Pying, located 30 kilometers from Kyaukme, fell to the TNLA on Monday.")
    [capture] = only(x, "Non-state actor overtakes territory")
    assert capture.location and capture.location.name == "Man Pying"
    assert capture.near == ["Kyaukme"]
    assert [(c.place, c.to_actor) for c in x.control] == [("Man Pying", TNLA)]


def test_a_capitalised_village_in_a_possessed_township_is_the_place() -> None:
    x = run("The KIA seized a junta base in Man Pying Village in Shan State’s Kutkai Township "
            "on Monday.")
    assert [c.place for c in x.control] == ["Man Pying"]


def test_an_unknown_name_inside_a_known_place_is_the_place() -> None:
    x = run("On Monday the KIA attacked another junta command base in Nam Hpat in Kutkai.")
    [clash] = only(x, "Armed clash")
    assert clash.location and clash.location.name == "Nam Hpat"


def test_a_capture_and_its_recapture_in_one_sentence_are_both_coded() -> None:
    x = run("The KIA briefly occupied Mongmit in November, but the town was retaken by the "
            "regime.")
    assert {(e.sub_event_type, e.actor1) for e in x.events} == {
        ("Non-state actor overtakes territory", KIA),
        ("Government regains territory", JUNTA)}
    assert {(c.place, c.to_actor) for c in x.control} == {("Mongmit", KIA), ("Mongmit", JUNTA)}


def test_a_place_abandoned_by_a_side_goes_to_the_other() -> None:
    x = run("The KIA has advanced and Momauk town was abandoned by junta troops on Monday.")
    assert [(c.place, c.to_actor) for c in x.control] == [("Momauk", KIA)]


def test_people_caused_to_flee_did_flee() -> None:
    x = run("Junta shelling hit Namtu town on Monday, forcing hundreds of residents to flee.")
    assert [e.location.name for e in only(x, "Other") if e.location] == ["Namtu"]


def test_a_plan_to_force_a_withdrawal_is_no_handover() -> None:
    x = run("Leaders discussed ways to force the junta to withdraw from Tedim town.")
    assert x.control == [] and only(x, "Non-violent transfer of territory") == []


def test_reinforcements_sent_before_a_battle_are_coded_beside_it() -> None:
    x = run("The regime sent around 60 reinforcements by helicopter to Bhamo on Monday, which "
            "led to junta counterattacks against the KIA.")
    assert only(x, "Armed clash") and only(x, "Change to group/activity")


def test_a_capital_standing_for_its_government_is_no_event_place() -> None:
    x = run("Kyiv said on Friday its troops were counter-attacking, but that Moscow was "
            "intensifying its assault, the latest in a series of gains for Moscow.",
            published="2024-05-18")
    assert not [e for e in x.events if e.location and e.location.name == "Moscow"]
    assert x.control == []


def test_different_kinds_at_different_places_of_one_sentence_are_each_coded() -> None:
    x = run("On Monday there was a massacre in Myinmu town, where soldiers shot dead 30 men, "
            "and an airstrike on a monastery in Saw town.")
    assert [e.location.name for e in only(x, "Attack") if e.location] == ["Myinmu"]
    assert [e.location.name for e in only(x, "Air/drone strike") if e.location] == ["Saw"]


def test_air_support_at_the_battle_place_still_folds_into_the_battle() -> None:
    x = run("On Monday the TNLA clashed with junta troops in Kyaukme town, backed by airstrikes.")
    assert only(x, "Armed clash") and not only(x, "Air/drone strike")


def test_deaths_an_air_strike_caused_are_no_separate_attack() -> None:
    x = run("The August 1 and 3 airstrikes on Kyaukme and Hsipaw killed two civilians.",
            published="2025-08-16")
    assert {e.location.name for e in only(x, "Air/drone strike") if e.location} == {
        "Kyaukme", "Hsipaw"}
    assert only(x, "Attack") == []


def test_a_town_north_of_which_fighting_happened_is_an_anchor() -> None:
    x = run("PDF groups are now attacking junta positions in Madaya, just north of Mandalay "
            "City.")
    assert {e.location.name for e in only(x, "Armed clash") if e.location} == {"Madaya"}


def test_the_goal_of_an_offensive_is_not_where_it_is_fought() -> None:
    x = run("Junta troops launched an offensive to reclaim Mogoke town on Monday, resulting in "
            "clashes near Hohko village.")
    assert "Mogoke" not in {e.location.name for e in only(x, "Armed clash") if e.location}


def test_a_retreat_is_a_troop_movement_not_a_handover() -> None:
    x = run("Junta troops retreated from Momauk town on Monday.")
    assert only(x, "Change to group/activity") and x.control == []


def test_the_acronym_of_a_holder_in_brackets_is_no_party_either() -> None:
    x = run("On Monday the junta launched two airstrikes on Kyaukme, targeting areas under the "
            "control of the Ta'ang National Liberation Army (TNLA).")
    assert [e.actor2 for e in only(x, "Air/drone strike")] == ["Civilians (Myanmar)"]


def test_the_taker_named_by_seized_by_keeps_the_capture() -> None:
    x = run("The town of Namtu, seized by the Ta'ang National Liberation Army (TNLA) last year, "
            "is under threat.")
    assert {c.to_actor for c in x.control if c.how == "captured"} == {TNLA}


def test_bombs_named_by_their_weight_are_an_air_strike() -> None:
    x = run("The junta's air force used 500-lb bombs on civilian targets in Lashio on Tuesday, "
            "killing a civilian.")
    assert only(x, "Air/drone strike") and not only(x, "Attack")


def test_a_habit_is_no_event() -> None:
    x = run("The TNLA frequently attacks junta columns near Kutkai town.")
    assert only(x, "Armed clash") == []


def test_relentless_strikes_are_a_pattern_not_one_strike() -> None:
    x = run("Life in Namtu has stopped as relentless junta airstrikes drive residents away.")
    assert only(x, "Air/drone strike") == []


def test_an_alliance_described_by_its_members_acts_as_its_lead_member() -> None:
    x = run("The alliance, which includes the TNLA, the MNDAA and the AA, seized Hsenwi town "
            "in October 2023.")
    [capture] = only(x, "Non-state actor overtakes territory")
    assert capture.actor1 == "MNDAA: Myanmar National Democratic Alliance Army"
    assert capture.assoc_actors == ["AA: Arakan Army", TNLA]


def test_coordinated_strikes_on_a_list_of_towns_are_coded_by_the_higher_kind() -> None:
    x = run("Junta airstrikes and artillery attacks on Hsipaw, Kyaukme and Lashio towns on "
            "Monday killed five people.")
    assert {e.location.name for e in only(x, "Air/drone strike") if e.location} == {
        "Hsipaw", "Kyaukme", "Lashio"}
    assert only(x, "Shelling/artillery/missile attack") == []


def test_a_demand_to_totally_withdraw_is_no_handover() -> None:
    x = run("The junta repeated its demand for the TNLA to totally withdraw from Hsipaw town.")
    # GOLD.md lists a demand as "demanded", which never changes the holder
    assert [(c.place, c.how) for c in x.control] == [("Hsipaw", "demanded")]
    assert only(x, "Non-violent transfer of territory") == []


def test_a_quotation_is_someones_claim_even_when_the_speaker_is_cut_off() -> None:
    x = run("The KIA said fighting continued. “Junta jets bombed Bhamo twice on Monday and "
            "shelled the market,” a KIA officer")
    assert {e.status for e in x.events if e.location and e.location.name == "Bhamo"} == {
        "attributed"}


def test_mentioned_that_reports_speech() -> None:
    x = run("A Hsipaw resident mentioned that junta troops shelled Hsipaw on Tuesday.")
    [event] = only(x, "Shelling/artillery/missile attack")
    assert (event.status, event.source) == ("attributed", "A Hsipaw resident")


def test_frequent_strikes_are_a_pattern_not_an_event() -> None:
    x = run("The town is enduring frequent junta airstrikes, residents said. Junta jets bombed "
            "Hsipaw on Tuesday.")
    assert [e.location.name for e in x.events if e.location] == ["Hsipaw"]


def test_a_tally_over_months_and_one_dated_clash_stay_two_events() -> None:
    x = run("Junta troops clashed with the TNLA in Kutkai on Monday. The TNLA said it had "
            "fought more than 40 clashes with the junta in Kutkai since June 3.")
    clashes = sorted((str(e.date.start), str(e.date.end)) for e in only(x, "Armed clash")
                     if e.date)
    assert clashes == [("2025-06-03", "2025-09-12"), ("2025-09-08", "2025-09-08")]


def test_a_language_is_no_event_place() -> None:
    x = run("According to a statement in Chinese by the MNDAA, its troops detained two men "
            "on Monday.")
    assert all(e.location is None or e.location.name != "Chinese" for e in x.events)


def test_the_town_is_not_the_anchor_of_a_distance() -> None:
    x = run("Junta jets bombed Hsipaw on Monday. Hsipaw lies about 70 kilometers southwest of "
            "Lashio. The TNLA captured the town in June 2024.")
    [capture] = only(x, "Non-state actor overtakes territory")
    assert capture.location is not None and capture.location.name == "Hsipaw"


def test_a_town_retaken_by_the_regime_is_taken_from_its_occupier_of_that_sentence() -> None:
    x = run("The TNLA shelled junta positions near Kutkai on Monday, the TNLA said. The KIA "
            "briefly occupied Namtu in March, but the town was retaken by the regime.")
    [event] = only(x, "Government regains territory")
    assert (event.actor1, event.actor2) == (JUNTA, KIA)


def test_bullets_and_related_links_are_headlines_not_reports() -> None:
    x = run("Junta steps up patrols\n"
            "- Two villagers killed in shelling of Kyaukme town\n"
            "- Rebels seize Hsipaw bridge\n"
            "The army increased patrols in Lashio on Monday, residents said.\n"
            "Related\n"
            "Airstrikes hit Mogoke monastery\n")
    assert not [e for e in x.events if e.location and e.location.name in ("Kyaukme", "Hsipaw",
                                                                          "Mogoke")]


def test_a_sentence_case_title_line_is_told_again_by_the_body() -> None:
    x = run("Junta airstrike kills five in Hsipaw\n"
            "Junta aircraft bombed Manpan village near Hsipaw on Tuesday, killing five "
            "civilians, residents said.\n")
    assert [e.location.name for e in x.events if e.location] == ["Manpan"]
    assert all(e.evidence[0].text.startswith("Junta aircraft") for e in x.events)


def test_a_first_line_broken_inside_its_sentence_is_no_title() -> None:
    x = run("The TNLA has seized control of most wards of Hsipaw, the last junta-\n"
            "controlled town in the area, residents said.\n")
    assert [e.sub_event_type for e in x.events] == ["Non-state actor overtakes territory"]


def test_a_bullet_that_is_a_full_sentence_is_still_read() -> None:
    x = run("- Junta aircraft bombed Mogoke town on Sunday, killing two civilians.\n")
    assert [e.location.name for e in x.events if e.location] == ["Mogoke"]


def _place_at(sentence_text: str, name: str) -> tuple[object, int, object]:
    from sitrep.model import Place, Sentence, Span
    start = sentence_text.index(name)
    place = Place(mention=name, name=name, spans=[Span(start, start + len(name), name)])
    return place, start, Sentence(0, 0, len(sentence_text), sentence_text)


@pytest.mark.parametrize(("text", "name"), [
    ("Fighters from Hsipaw and Lashio attacked the junta camp on Monday.", "Hsipaw"),
    ("Speaking in Lashio, a junta spokesman said troops shelled two villages.", "Lashio"),
    ("KYIV: Russian drones struck a power plant overnight, officials said.", "KYIV"),
    ("The junta jailed Aung San Suu Kyi after the coup.", "Aung San"),
    ("Footage of the strike was shared on Facebook by residents.", "Facebook"),
    ("Along with two other groups, the rebels attacked a base.", "Along"),
    ("Villagers from Kyaukme said the army raided the market.", "Kyaukme"),
    ("Fighters from Hsipaw in Shan State and Mogoke and Mandalay regions attacked a camp.",
     "Mandalay"),
    ("Troops shelled the 6th-Mile checkpoint on Monday.", "Mile"),
    ("Fighters of the RSO attacked a border post on Monday.", "RSO"),
    ("Since the coup the Chin have fought the junta in the hills.", "Chin"),
    ("“Shells fell near our homes, so we fled,” said a 60-year-old woman from Kutkai.",
     "Kutkai"),
])
def test_names_that_are_not_where_the_event_was(text: str, name: str) -> None:
    place, start, sentence = _place_at(text, name)
    assert not_an_event_place(place, start, sentence)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "name"), [
    ("Villagers from Kyaukme fled after the army shelled the town.", "Kyaukme"),
    ("Fighting broke out in Hsipaw Township on Monday.", "Hsipaw"),
    ("Lashio was bombed on Monday.", "Lashio"),
])
def test_event_places_stay(text: str, name: str) -> None:
    place, start, sentence = _place_at(text, name)
    assert not not_an_event_place(place, start, sentence)  # type: ignore[arg-type]


def test_a_participle_after_a_determiner_describes_no_capture() -> None:
    from sitrep.events import is_adjectival_participle
    assert is_adjectival_participle("occupied", "fighters shelled posts in the ")
    assert is_adjectival_participle("captured", "patrols in the recently ")
    assert is_adjectival_participle("liberated", "schools reopened in the group’s ")
    assert not is_adjectival_participle("captured", "The KIA ")
    assert not is_adjectival_participle("took control", "the militia ")


def test_the_occupied_town_is_no_capture_event() -> None:
    x = run("Rebel drones hit army positions in the occupied Hsipaw town on Monday.")
    assert not only(x, "Non-state actor overtakes territory")
    assert not only(x, "Government regains territory")


def test_relief_after_an_earthquake_is_no_conflict_place() -> None:
    from sitrep.events.locating import relief_place
    from sitrep.model import Sentence
    text = "Volunteers carried on relief work in Hsipaw, Kyaukme and Lashio after the earthquake."
    sentence = Sentence(0, 0, len(text), text)
    assert relief_place(text.index("Kyaukme"), sentence)
    bombed = "Junta aircraft bombed quake-hit Kyaukme on Monday."
    assert not relief_place(bombed.index("Kyaukme"), Sentence(0, 0, len(bombed), bombed))
    x = run("Despite regime airstrikes, volunteers carried on relief work in Hsipaw, Kyaukme and "
            "Lashio after the earthquake.")
    assert not [e for e in x.events if e.sub_event_type == "Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Russia said its forces captured a village, as Moscow continues to advance in the east.",
    "Moscow’s forces have made gains this year, officials said.",
    "Kyiv might have hoped for a pause in the fighting.",
])
def test_a_capital_before_a_modal_stance_verb_or_possessive_is_its_government(text: str) -> None:
    from sitrep.events.locating import _government
    name = "Moscow" if "Moscow" in text else "Kyiv"
    place, start, sentence = _place_at(text, name)
    assert _government(place, start, sentence)  # type: ignore[arg-type]


def test_a_capital_that_is_struck_stays_a_place() -> None:
    from sitrep.events.locating import _government
    place, start, sentence = _place_at("Kyiv was struck by drones on Monday.", "Kyiv")
    assert not _government(place, start, sentence)  # type: ignore[arg-type]


def test_each_conjunct_of_a_capture_keeps_its_own_date() -> None:
    x = run("Junta troops recaptured Nawnghkio on July 15 and Kyaukme on August 1.")
    got = sorted((e.location.name, str(e.date.start)) for e in
                 only(x, "Government regains territory") if e.location and e.date)
    assert got == [("Kyaukme", "2025-08-01"), ("Nawnghkio", "2025-07-15")]
    assert sorted((c.place, str(c.date.start)) for c in x.control if c.date) == got


def test_a_date_after_the_whole_list_dates_every_place() -> None:
    x = run("Junta troops recaptured Nawnghkio and Kyaukme on August 1.")
    assert {str(e.date.start) for e in only(x, "Government regains territory") if e.date} == \
        {"2025-08-01"}
    assert len(only(x, "Government regains territory")) == 2


def test_the_village_of_an_unknown_name_is_the_event_place() -> None:
    x = run("Two villagers were killed when junta troops shelled the village of Zorblat in "
            "Kyaukme Township on Monday.")
    assert [e.location.name for e in x.events if e.location] == ["Zorblat"]


def test_explain_names_the_words_of_each_event_and_why_triggers_were_rejected(
        tmp_path: object) -> None:
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from sitrep.cli.extract import command
    folder = Path(str(tmp_path))
    text = folder / "note.txt"
    text.write_text(" date 2025-09-12\nJunta aircraft bombed Kyaukme town on Monday. Rebels did "
                    "not capture Lashio.\n", encoding="utf-8")
    result = CliRunner().invoke(command, [str(text), "--json", str(folder / "out"), "--explain"])
    assert result.exit_code == 0, result.output
    notes = json.loads((folder / "out" / "note.json").read_text(encoding="utf-8"))["explain"]
    [coded] = [n for n in notes if "event" in n]
    assert coded["trigger"] == "bombed" and coded["place"]["words"] == "Kyaukme"
    assert coded["date"]["words"] == "on Monday" and coded["actor1"]["words"] == ["Junta"]
    assert any(n.get("trigger") == "capture" and n["rejected"].startswith("negated")
               for n in notes)
    assert "rejected 'capture'" in result.output


def test_explain_says_why_a_kind_does_not_apply_to_its_sentence() -> None:
    """A trigger whose kind needs more than its word (civilian targets here) is explained,
    not silently dropped: a reviewer sees why the sentence gave no event."""
    from sitrep.events import explain
    from sitrep.ingest.documents import parse_plain_text
    from sitrep.pipeline import extract_document
    doc = parse_plain_text(" date 2025-09-12\nSoldiers opened fire on the checkpoint near "
                           "Lashio on Monday.\n")
    with explain.recording() as notes:
        extract_document(doc)
    lacking = [n for n in notes if n.get("rejected", "").startswith("the kind needs")]
    assert lacking and all(n["kind"] for n in lacking)


def test_the_city_refers_to_the_last_city_named() -> None:
    x = run("Junta troops shelled Lashio on Monday. To the west of the city, three people "
            "were killed by a drone strike on Tuesday.")
    strikes = only(x, "Air/drone strike")
    assert [(e.location.name, e.geo_precision) for e in strikes if e.location] == [("Lashio", 2)]


def test_the_village_tract_is_no_reference_to_a_village() -> None:
    from sitrep.events import place_referred_to
    from sitrep.model import Place, Sentence, Span
    text = "Pinlon village was calm. Airstrikes hit the village tract on Monday."
    village = Place(mention="Pinlon", name="Pinlon", kind="village", spans=[Span(0, 6, "Pinlon")])
    second = Sentence(1, 25, len(text), text[25:])
    assert place_referred_to(second, [village], text) == []
    first_use = Sentence(1, 25, len(text), "Airstrikes hit the village on Monday.")
    assert [w.place.name for w in place_referred_to(first_use, [village], text)] == ["Pinlon"]


def test_troops_setting_fire_to_a_village_destroy_property_they_do_not_riot() -> None:
    x = run("Junta troops set fire to Pinlon village in Kyaukme Township on Monday.")
    assert [(e.event_type, e.sub_event_type) for e in x.events] == [
        ("Strategic developments", "Looting/property destruction")]
    assert x.events[0].actor1 == JUNTA


def test_raids_beside_warplanes_are_air_raids_not_a_battle() -> None:
    x = run("Junta warplanes carried out two airstrikes on Hsipaw town and three raids on "
            "Kyaukme town on Monday.")
    assert not only(x, "Armed clash")
    assert {e.location.name for e in only(x, "Air/drone strike") if e.location} >= {"Hsipaw"}


def test_a_ground_raid_is_still_a_clash() -> None:
    x = run("Junta troops raided TNLA positions in Hsipaw town on Monday.")
    assert only(x, "Armed clash")


def test_it_said_refers_back_to_the_last_named_source() -> None:
    x = run("The TNLA said on Monday that fighting continued in Hsipaw town. It said junta "
            "aircraft bombed Kyaukme town on Sunday.")
    [strike] = only(x, "Air/drone strike")
    assert (strike.status, strike.source) == ("attributed", "The TNLA")


def test_an_air_assault_is_an_air_strike() -> None:
    x = run("The air assault hit Hsipaw town on Monday, the TNLA said.")
    assert [e.sub_event_type for e in x.events] == ["Air/drone strike"]
    x = run("Junta air raids hit Hsipaw town on Monday.")
    assert [e.sub_event_type for e in x.events] == ["Air/drone strike"]


def test_township_event_folds_into_the_village_told_inside_it() -> None:
    x = run("Junta troops clashed with the TNLA in Kyaukme Township on Tuesday. The fighting "
            "took place near Pinti village in Kyaukme Township on Tuesday, residents said.")
    assert [e.location.name for e in only(x, "Armed clash") if e.location] == ["Pinti"]


def test_township_event_stays_when_the_village_is_not_told_inside_it() -> None:
    x = run("Junta troops clashed with the TNLA in Kyaukme Township on Tuesday. Separately, "
            "fighting took place near Pinti village on Tuesday, residents said.")
    assert sorted(e.location.name for e in only(x, "Armed clash") if e.location) == \
        ["Kyaukme", "Pinti"]


def test_between_a_list_of_places_is_one_event_near_them() -> None:
    x = run("The TNLA fought junta troops on the road between Lashio, Kutkai and Muse on Monday.")
    [event] = only(x, "Armed clash")
    assert event.location and event.location.name == "Lashio"
    assert event.near == ["Lashio", "Kutkai", "Muse"] and event.geo_precision == 2


def test_where_a_column_set_out_from_is_no_event_place() -> None:
    x = run("The KIA attacked a junta convoy returning from Lashio on Monday near Kutkai.")
    assert [e.location.name for e in only(x, "Armed clash") if e.location] == ["Kutkai"]


def test_kinds_dated_apart_at_one_place_are_two_events() -> None:
    x = run("On September 9, the TNLA clashed with junta troops in Kutkai, which it had "
            "captured on September 2.")
    assert [(e.sub_event_type, str(e.date.start)) for e in x.events if e.date] == [
        ("Non-state actor overtakes territory", "2025-09-02"), ("Armed clash", "2025-09-09")]


def test_air_support_on_the_day_of_a_battle_folds_into_it() -> None:
    x = run("On Tuesday the TNLA clashed with junta troops in Kutkai, and jets bombed Kutkai.")
    assert [e.sub_event_type for e in x.events] == ["Armed clash"]


def test_deaths_told_beside_a_strike_on_the_place_are_the_strike_s() -> None:
    x = run("Two civilians were killed in Kutkai on Tuesday. Junta troops fired artillery "
            "shells at Kutkai on Tuesday, residents said.")
    [event] = x.events
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.fatalities == 2 and len(event.evidence) == 2


def test_a_raid_that_killed_stays_an_attack_beside_the_shelling() -> None:
    x = run("Junta troops raided Kutkai on Tuesday and killed two civilians. Junta troops also "
            "fired artillery shells at Kutkai on Tuesday.")
    assert sorted(e.sub_event_type for e in x.events) == [
        "Attack", "Shelling/artillery/missile attack"]


def test_a_place_close_to_another_is_its_landmark_not_a_second_event() -> None:
    x = run("Junta troops clashed with the TNLA on Monday near Hohko, close to Nawnghkio.")
    [event] = x.events
    assert event.location and event.location.name == "Hohko" and event.near == ["Nawnghkio"]


def test_places_joined_by_and_after_near_are_each_an_event() -> None:
    x = run("Junta troops clashed with the TNLA on Monday near Hohko and near Nawnghkio.")
    assert len(x.events) == 2


def test_a_resident_s_town_is_who_speaks_not_where_it_happened() -> None:
    x = run("Junta jets bombed the village on Monday, a Kyaukme Township resident said.")
    assert all(e.location is None or e.location.name != "Kyaukme" for e in x.events)
    x = run("Kyaukme residents fled after junta jets bombed the town on Monday.")
    assert {e.location.name for e in x.events if e.location} == {"Kyaukme"}


def test_a_region_s_own_name_is_never_an_unresolved_event_place() -> None:
    x = run("Fighting between junta troops and the KNDF continued in Kayah State on Monday.")
    assert [e.location.name for e in x.events if e.location] == ["Kayah"]
    assert all(e.location is None or e.location.lat is not None for e in x.events)


def test_a_model_number_or_an_organisation_is_no_place_as_written() -> None:
    for text in ("The house was destroyed by a bomb dropped from an F-16 on Monday.",
                 "A clash was reported by Inter-Services Public Relations on Monday."):
        assert as_written(Sentence(0, 0, len(text), text), [], [], []) is None


def test_a_person_s_past_in_an_aside_is_no_event() -> None:
    x = run("A former captain, who defected after the coup, said fighting continued near Kutkai.")
    assert "Other" not in {e.sub_event_type for e in x.events}
    x = run("A former major, who defected from the army after the coup, said junta troops "
            "clashed with the TNLA in Kutkai on Monday.")
    assert [e.sub_event_type for e in x.events] == ["Armed clash"]


def test_an_event_noun_naming_a_camp_or_a_board_is_no_event() -> None:
    x = run("The RSF shelled the Abu Shouk displacement camp near El Fasher on Monday.")
    assert "Other" not in {e.sub_event_type for e in x.events}
    x = run("A source close to the conscription board in Mandalay said lists were redrawn.")
    assert x.events == []


def test_a_town_adjacent_to_another_is_its_landmark() -> None:
    x = run("The TNLA began attacking junta positions in Kutkai town, adjacent to Lashio, "
            "on Monday.")
    assert [e.location.name for e in x.events if e.location] == ["Kutkai"]


def test_a_town_the_lede_does_not_name_is_the_one_named_next() -> None:
    x = run("Insurgents said they captured a ruby-mining town in Mandalay Region on Tuesday. "
            "TNLA fighters were filmed in the centre of Mogoke.")
    [event] = only(x, "Non-state actor overtakes territory")
    assert event.location and event.location.name == "Mogoke"
    assert event.date and str(event.date.start) == "2025-09-09"


def test_a_name_that_speaks_is_no_event_place() -> None:
    x = run("Junta troops shelled Kutkai on Friday, Lashio said.")
    assert [e.location.name for e in x.events if e.location] == ["Kutkai"]


def test_where_a_force_is_stationed_is_not_where_it_strikes() -> None:
    x = run("A junta unit stationed on a hill in a nearby village, Pinti, fired five shells "
            "toward Goteik on Monday.")
    assert [e.location.name for e in x.events if e.location] == ["Goteik"]
    x = run("Junta troops based in Lashio shelled Kutkai on Monday.")
    assert [e.location.name for e in x.events if e.location] == ["Kutkai"]


def test_a_first_line_with_a_full_sentence_before_an_unfinished_one_is_no_title() -> None:
    x = run("The KIA said fighting continued. Junta jets bombed Bhamo on Monday, a KIA officer")
    assert [e.location.name for e in x.events if e.location] == ["Bhamo"]
