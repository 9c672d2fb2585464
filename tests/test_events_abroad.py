"""Events in wars between states and outside Myanmar (issue 12), on sentences written for
these tests: attacks from afar by an army abroad, a state speaking for its forces, passive
agents, tolls told in parts, and a report's "Source:" line."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.abroad import remote_sub_event, source_line
from sitrep.events.details import fatalities
from sitrep.model import Extraction

RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"


def run(body: str, published: str = "2024-03-14") -> Extraction:
    return extract_text(f" date {published}\n{body}")


def test_an_armys_attack_on_a_town_abroad_is_fire_from_afar() -> None:
    x = run("On Tuesday morning the Russians attacked the village of Kupiansk in the "
            "Kharkiv region. A school was damaged.")
    [event] = [e for e in x.events if e.location and e.location.name.startswith("Kup")]
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event.actor1 == RUSSIA


def test_an_armys_attack_at_home_is_no_fire_from_afar() -> None:
    x = run("On Tuesday the army attacked the village of Kupiansk, residents said.")
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_the_attack_takes_the_place_it_is_on_not_a_locator_after_it() -> None:
    x = run("A 64-year-old woman has been killed by a Russian attack on Kupiansk, "
            "Kharkiv district, on Tuesday.")
    remote = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert [e.location.name for e in remote if e.location] == ["Kupiansk"]
    assert remote[0].fatalities == 1


def test_an_unspecified_attack_takes_the_weapon_the_article_names_most() -> None:
    assert remote_sub_event("Air strikes hit the port. More air strikes followed.") == \
        "Air/drone strike"
    assert remote_sub_event("Artillery pounded the town.") == \
        "Shelling/artillery/missile attack"
    assert remote_sub_event("Nothing happened.") == "Shelling/artillery/missile attack"


def test_a_state_said_its_forces_captured_a_town_abroad() -> None:
    x = run("Russia on Saturday said its forces had captured the village of Avdiivka in "
            "Ukraine's Donetsk region.")
    [event] = [e for e in x.events if e.location and e.location.name == "Avdiivka"]
    assert event.actor1 == RUSSIA
    # ACLED: a state's army taking territory in another country overtakes it
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_its_troops_point_back_at_the_state_named_before() -> None:
    x = run("Russia on Friday claimed new gains in the east. The defence ministry said "
            "its troops liberated the village of Avdiivka.")
    [event] = [e for e in x.events if e.location and e.location.name == "Avdiivka"]
    assert event.actor1 == RUSSIA


def test_a_passive_agent_may_carry_a_modifier_and_a_source_is_no_agent() -> None:
    x = run("At least 12 civilians were killed in an attack by the paramilitary Rapid "
            "Support Forces in El Fasher on Monday, according to the Sudanese army.")
    [event] = [e for e in x.events if e.fatalities == 12]
    assert event.actor1 == "RSF: Rapid Support Forces"


def test_a_relative_clauses_agent_is_not_the_main_events() -> None:
    x = run("Army troops recaptured Kunduz city on Monday, which was overrun by Taliban "
            "militants in May.")
    [event] = [e for e in x.events if e.sub_event_type.endswith("territory")
               and e.date and str(e.date.start) == "2024-03-11"]
    assert event.actor1.startswith("Military Forces of")


def test_a_toll_told_in_parts_is_summed_and_one_person_counts_one() -> None:
    assert fatalities("Three Hamas fighters and two civilians were killed in the strike.") == 5
    assert fatalities("A member of the militia, first reported as a soldier, was killed.") == 1
    assert fatalities("An elderly man has been killed in the shelling.") == 1
    assert fatalities("A spokesman said five people were killed.") == 5


def test_a_source_line_makes_the_report_a_claim() -> None:
    text = ("Russians shell Kupiansk\n\nSource: Ivan Petrenko, head of the regional "
            "administration, on Telegram\n\nOn Tuesday artillery strikes hit Kupiansk, "
            "wounding three people.")
    assert source_line(text) == "Ivan Petrenko"
    x = run(text)
    strikes = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.status == "attributed" for e in strikes)
    assert source_line("The source: a neighbour.") is None


def test_strikes_told_next_are_the_named_doers_not_the_states_by_default() -> None:
    x = run("On Monday the RSF launched a barrage of drones on Nyala. On Tuesday the drones "
            "and artillery targeted the town of Kutum.", published="2025-04-09")
    strikes = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert strikes and {e.actor1 for e in strikes} == {"RSF: Rapid Support Forces"}


def test_a_place_no_gazetteer_holds_shares_the_country_of_the_places_listed_with_it() -> None:
    x = run("Russian forces pushed Ukraine's army out of Krynky and Zorianivka on Tuesday.")
    captures = [e for e in x.events if e.event_type == "Battles"]
    assert len(captures) == 2
    assert {e.sub_event_type for e in captures} == {"Non-state actor overtakes territory"}


def test_a_source_reporting_its_own_act_is_its_doer() -> None:
    x = run("Hezbollah said it fired rockets at an Israeli army base in Metula on Tuesday.")
    [event] = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert (event.actor1, event.actor2) == ("Hezbollah", "Military Forces of Israel (2022-)")


def test_civilians_an_army_hits_abroad_are_the_places_countrys() -> None:
    x = run("Israeli strikes killed at least 15 people in Khan Younis in southern Gaza on "
            "Saturday, Israeli media reported. Israel said it targeted militants.")
    [event] = [e for e in x.events if e.fatalities == 15]
    assert event.actor1 == "Military Forces of Israel (2022-)"
    assert event.actor2 == "Civilians (Palestine)"


def test_each_conjuncts_own_date_is_never_after_publication() -> None:
    x = run("The Ukrainian army recaptured Robotyne on August 28 and Verbove on September 22, "
            "the general staff said.")
    dated = sorted((e.location.name, str(e.date.start)) for e in x.events
                   if e.location and e.date and e.event_type == "Battles")
    assert dated == [("Robotyne", "2023-08-28"), ("Verbove", "2023-09-22")]


def test_no_casualties_is_a_toll_of_zero_in_its_sentence_or_just_after() -> None:
    assert fatalities("The RSF shelled the camp on Friday, killing no one.") == 0
    assert fatalities("No casualties were reported after drones hit a block.") == 0
    assert fatalities("No casualties were reported, but two soldiers were killed later.") == 2
    x = run("Government troops clashed with NPA rebels in Balbalan town on Tuesday. The "
            "military recovered three rifles and documents. No casualties were reported on "
            "both sides.")
    [clash] = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert clash.fatalities == 0


def test_mercenaries_killing_at_the_hands_of_abroad() -> None:
    x = run("A civilian was killed at the hands of Wagner mercenaries in Sebha on Thursday, "
            "Libyan media said. The Libyan army later fought Wagner near Sebha.")
    [attack] = [e for e in x.events if e.sub_event_type == "Attack"]
    assert (attack.actor1, attack.actor2) == ("Wagner Group", "Civilians (Libya)")


def test_an_attack_on_a_whole_country_is_no_attack_from_afar() -> None:
    x = run("The Kremlin said that the Russian army carried out an attack on Ukraine on "
            "Tuesday.")
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_a_group_hit_stays_the_target_when_it_is_also_the_source() -> None:
    x = run("A junta jet dropped a bomb on a TNLA base in Mongmit on Sunday, according to "
            "a TNLA statement.", published="2024-06-12")
    [strike] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert strike.actor2 == "TNLA: Ta'ang National Liberation Army"


def test_a_court_word_inside_a_demand_is_no_court_story() -> None:
    x = run("Demonstrators stormed the headquarters of a militia in Sebha on Thursday, "
            "demanding that the killers be put on trial.")
    assert [e.event_type for e in x.events] == ["Riots"]
    assert not run("The trial of the militia leader opened in Sebha on Thursday as "
                   "demonstrators gathered.").events
    # any court word inside the demand, not only "put on trial"
    called = run("Hundreds of protesters marched in Sebha on Thursday, calling for the "
                 "Supreme Court to hear the case.")
    assert [e.event_type for e in called.events] == ["Protests"]


def test_soldiers_killed_in_an_attack_no_one_claims_fought_unidentified_men() -> None:
    x = run("Ten Malian soldiers were killed on Wednesday in a jihadist attack in Boni, "
            "officials said.")
    [clash] = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert clash.actor1 == "Unidentified Armed Group (Mali)"
    assert clash.actor2 == "Military Forces of Mali (2021-)" and clash.fatalities == 10
    # civilians killed in an attack are no battle; a drone attack is remote violence
    assert not [e for e in run("Ten villagers were killed in a jihadist attack in Boni, "
                               "officials said. Malian soldiers arrived later.").events
                if e.event_type == "Battles"]
    assert not [e for e in run("Two soldiers were killed in a drone attack in Boni on "
                               "Monday.").events if e.event_type == "Battles"]


def test_a_closed_aside_about_the_source_does_not_make_the_event_background() -> None:
    x = run("Israeli jets struck Khiam on Thursday. Lebanese sources, who spoke anonymously, "
            "said that Israeli drones carried out three airstrikes on the village of Kfar Kila.",
            published="2024-04-19")
    [strike] = [e for e in x.events if e.location and e.location.name.startswith("K")
                and "Kila" in e.location.name]
    assert strike.date is not None and str(strike.date.start) == "2024-04-18"



def test_a_barrage_of_drones_is_a_drone_strike_dated_by_its_verb() -> None:
    x = run("At least 20 civilians were killed in Nyala, residents said on Tuesday. The RSF "
            "launched a barrage of suicide drones on Nyala.", published="2025-04-09")
    [air] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert air.actor1 == "RSF: Rapid Support Forces"
    assert air.date is not None and air.date.start is not None


def test_a_wire_credit_at_the_foot_is_no_source_line() -> None:
    body = "Artillery strikes hit Kupiansk on Tuesday, wounding three people. " * 3
    assert source_line(body + "\n\nSource: Reuters\n") is None


def test_air_strikes_told_after_a_groups_rockets_stay_the_states() -> None:
    x = run("On Monday the AA fired rockets at a junta base in Sittwe. On Tuesday airstrikes "
            "hit the village of Kyauktaw.", published="2024-06-12")
    [air] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert air.actor1 == "Military Forces of Myanmar (2021-)"


def test_an_attack_fought_off_is_a_battle() -> None:
    """"Repelled an attack" tells the attack and the defence: ACLED's armed clash."""
    for told in ("Ukrainian troops repelled a Russian assault on Kupiansk on Tuesday.",
                 "On Tuesday Ukrainian forces fended off an attack on Kupiansk."):
        x = run(told)
        clashes = [e for e in x.events if e.sub_event_type == "Armed clash"]
        assert [e.location.name for e in clashes if e.location] == ["Kupiansk"], told
        assert UKRAINE in {clashes[0].actor1, clashes[0].actor2}, told


def test_fending_off_what_is_no_attack_is_no_battle() -> None:
    x = run("In Kupiansk on Tuesday the mayor repelled criticism of the new budget.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_a_sentence_about_a_neighbouring_country_gives_its_unmarked_sides_that_country() -> None:
    x = run("Gunmen ambushed an army convoy near Djibo in northern Burkina Faso on Sunday. In "
            "neighbouring Mali, the army said it carried out air strikes around Tessit in the "
            "Gao region last week. Hundreds of people protested in Niamey on Friday to "
            "demand that US troops leave Niger.")
    by_place = {e.location.name: e for e in x.events if e.location}
    assert by_place["Djibo"].actor2 == "Military Forces of Burkina Faso (2022-)"
    assert by_place["Tessit"].actor1 == "Military Forces of Mali (2021-)"
    assert by_place["Niamey"].actor1 == "Protesters (Niger)"


def test_a_side_named_by_its_own_words_keeps_the_articles_country() -> None:
    x = run("Myanmar's junta shelled Lashio on Monday. The junta and the TNLA signed a "
            "ceasefire in Kunming, China, on Tuesday.", published="2024-11-20")
    deals = [e for e in x.events if e.sub_event_type == "Agreement"]
    assert deals and all("Myanmar" in (e.actor1 or "") + (e.actor2 or "") for e in deals)
