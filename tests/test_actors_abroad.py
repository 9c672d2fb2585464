"""Actors and roles in wars outside Myanmar, on sentences written for these tests: states'
forces named by their words, regimes by date, descriptors of the country written about."""

from __future__ import annotations

from datetime import date

from sitrep import extract_text
from sitrep.actors import find_actors, focus_country, police_forces, regime, state_forces
from sitrep.ingest import parse_plain_text
from sitrep.text import prepare


def names(text: str, published: date | None = None) -> list[str]:
    return [m.canonical for m in find_actors(prepare(parse_plain_text(text)), published)]


def test_a_states_adjective_before_a_force_word_is_its_military() -> None:
    assert names("Israeli warplanes and Pakistani security forces were seen.") == [
        "Military Forces of Israel (2022-)", "Military Forces of Pakistan (2024-)"]


def test_a_name_or_capital_with_s_names_its_forces_or_police() -> None:
    assert names("Kyiv's troops held out while Haiti's National Police patrolled.") == [
        "Military Forces of Ukraine (2019-)", "Police Forces of Haiti (2024-)"]


def test_a_state_name_as_the_subject_of_an_attack_is_its_military() -> None:
    assert names("Later that day Israel retaliated, and Russia then shelled the village.") == [
        "Military Forces of Israel (2022-)", "Military Forces of Russia (2000-)"]
    assert names("The delegation flew to Israel on Monday.") == []


def test_adjectives_are_case_sensitive() -> None:
    assert names("The guards let us strike a deal.") == []
    assert names("US strikes hit a port.") == ["Military Forces of the United States (2025-)"]


def test_the_regime_is_the_one_in_power_on_the_publication_date() -> None:
    assert regime("Philippines", date(2017, 11, 10)) == "(2016-2022)"
    assert regime("Philippines", date(2024, 1, 2)) == "(2022-)"
    assert regime("Philippines") == "(2022-)"
    assert state_forces("Philippines", date(2017, 11, 10)) == \
        "Military Forces of the Philippines (2016-2022)"
    assert police_forces("Haiti") == "Police Forces of Haiti (2024-)"
    assert names("Philippine Army soldiers searched the hills.", date(2019, 3, 1)) == [
        "Military Forces of the Philippines (2016-2022)"]


def test_a_foreign_army_named_does_not_make_the_article_about_its_country() -> None:
    text = "Israeli strikes hit a house in Khan Younis, Gaza, killing five people."
    assert focus_country(text) == "Palestine"
    assert names(text)[-1] == "Civilians (Palestine)"


def test_the_army_is_the_army_named_where_the_country_has_none_named() -> None:
    found = names("Israeli troops entered Rafah, Gaza. The army said it struck a tunnel, "
                  "and residents fled.")
    assert found == ["Military Forces of Israel (2022-)", "Military Forces of Israel (2022-)",
                     "Civilians (Palestine)"]


def test_police_commandos_are_the_countrys_police_and_a_police_station_is_a_place() -> None:
    found = names("In Manipur, India, police commandos guarded the Moreh police station.")
    assert found == ["Police Forces of India (2014-)"]


def test_the_governing_taliban_are_afghanistans_state_forces() -> None:
    assert names("Afghan Taliban fighters fired on Pakistani soldiers at a checkpoint.",
                 date(2024, 9, 8)) == [
        "Military Forces of Afghanistan (2021-)", "Military Forces of Pakistan (2024-)"]


def test_armed_groups_of_other_wars_are_known() -> None:
    found = names("Viv Ansanm gangs, HTS fighters, Hezbollah and the Houthis were named.")
    assert found == ["Viv Ansanm: Viv Ansanm Gang Coalition", "HTS: Hayat Tahrir al-Sham",
                     "Hezbollah", "Ansar Allah (Houthis)"]


def test_a_rebel_groups_own_drones_strike_for_it() -> None:
    x = extract_text(" date 2025-04-12 Houthi drones struck a fuel depot in Marib, Yemen, "
                     "on Monday, killing two guards.")
    [event] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert event.actor1 == "Ansar Allah (Houthis)"


def test_an_air_strike_a_group_only_reports_is_the_states() -> None:
    x = extract_text(" date 2025-04-12 The TNLA said airstrikes hit Kyaukme in Shan State, "
                     "Myanmar on Monday.")
    [event] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


def test_the_taliban_are_the_state_from_august_2021() -> None:
    assert names("Taliban fighters patrolled the road.", date(2019, 5, 1)) == ["Taliban"]
    assert names("Taliban fighters patrolled the road.", date(2024, 5, 1)) == [
        "Military Forces of Afghanistan (2021-)"]


def test_gangs_are_the_gang_named_else_unidentified() -> None:
    assert names("In Haiti, gangs attacked a suburb.") == ["Unidentified Armed Group (Haiti)"]
    assert names("In Haiti, gangs attacked a suburb. The Viv Ansanm coalition said so.") == [
        "Viv Ansanm: Viv Ansanm Gang Coalition", "Viv Ansanm: Viv Ansanm Gang Coalition"]


def test_a_states_post_as_a_target_is_its_forces() -> None:
    assert names("Afghan forces fired on a Pakistani checkpoint.") == [
        "Military Forces of Afghanistan (2021-)", "Military Forces of Pakistan (2024-)"]


def test_a_strike_that_killed_a_groups_fighters_targets_the_group() -> None:
    x = extract_text(" date 2024-04-18 Two Hezbollah fighters and a civilian were killed on "
                     "Thursday when Israeli warplanes carried out airstrikes on Khiam, Lebanon.")
    [event] = [e for e in x.events if e.sub_event_type == "Air/drone strike"]
    assert (event.actor1, event.actor2) == ("Military Forces of Israel (2022-)", "Hezbollah")


def test_unnamed_gunmen_beside_a_named_group_are_its_own() -> None:
    x = extract_text(" date 2024-11-20 In Haiti, Viv Ansanm gangs and their gunmen clashed with "
                     "Haitian police in Petion-Ville on Tuesday.")
    clashes = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert clashes and all((e.actor1, e.actor2) == (
        "Viv Ansanm: Viv Ansanm Gang Coalition", "Police Forces of Haiti (2024-)")
        for e in clashes)


def test_the_taliban_undated_keep_their_name() -> None:
    assert names("Afghan Taliban fighters overran the district.") == ["Taliban"]


def test_men_killed_before_a_capture_are_its_victims_not_its_authors() -> None:
    x = extract_text(" date 2024-05-02 After killing five policemen, gunmen seized the town of "
                     "Kaura in Zamfara, Nigeria, on Monday.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"


def test_a_gunfight_and_an_encounter_are_armed_clashes() -> None:
    x = extract_text(" date 2023-12-31 In Manipur, India, militants and police commandos "
                     "exchanged heavy gunfire in Moreh on Saturday.")
    assert [e.sub_event_type for e in x.events] == ["Armed clash"]
    x = extract_text(" date 2017-11-10 Philippine Army soldiers encountered a group of NPA "
                     "rebels in Balbalan, Kalinga, on Tuesday.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert {event.actor1, event.actor2} == {
        "Military Forces of the Philippines (2016-2022)", "NPA: New People's Army"}


def test_an_artisanal_mine_is_a_remote_explosive() -> None:
    x = extract_text(" date 2021-02-04 Three French soldiers were killed by an artisanal mine "
                     "near Boni, Mali, on Monday.")
    assert "Remote explosive/landmine/IED" in [e.sub_event_type for e in x.events]


def test_a_states_country_is_read_without_its_article() -> None:
    from sitrep.actors import actor_country
    assert actor_country("Military Forces of the Philippines (2016-2022)") == "Philippines"
    x = extract_text(" date 2024-03-02 Philippine troops recaptured the town of Marawi in "
                     "Lanao del Sur, Philippines, from militants on Friday.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert event.sub_event_type == "Government regains territory"


def test_a_strike_that_kills_or_hits_a_house_is_an_air_strike() -> None:
    x = extract_text(" date 2025-05-24 Israeli strikes killed at least nine people in Deir "
                     "al-Balah, Gaza, on Saturday.")
    assert [(e.sub_event_type, e.actor1) for e in x.events] == [
        ("Air/drone strike", "Military Forces of Israel (2022-)")]
    x = extract_text(" date 2025-05-24 Two people died in a missile strike on a house in "
                     "Kharkiv, Ukraine, on Saturday.")
    assert [e.sub_event_type for e in x.events] == ["Shelling/artillery/missile attack"]
    x = extract_text(" date 2025-05-24 Teachers went on strike on Saturday in Nairobi, Kenya.")
    assert x.events == []


def test_property_an_armed_group_burns_is_the_civilians() -> None:
    x = extract_text(" date 2025-03-02 In Sudan, RSF fighters looted shops in the town of "
                     "Tawila on Saturday.")
    [event] = [e for e in x.events if e.sub_event_type == "Looting/property destruction"]
    assert (event.actor1, event.actor2) == ("RSF: Rapid Support Forces", "Civilians (Sudan)")


def test_a_clash_with_an_unnamed_side_is_with_an_unidentified_armed_group() -> None:
    x = extract_text(" date 2024-03-02 In Mali, soldiers clashed near Boni on Friday, the army "
                     "said.")
    [event] = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert (event.actor1, event.actor2) == ("Military Forces of Mali (2021-)",
                                            "Unidentified Armed Group (Mali)")


def test_soldiers_killed_by_a_mine_are_its_victims_and_its_layer_is_unnamed() -> None:
    x = extract_text(" date 2021-02-04 Three French soldiers were killed by an artisanal mine "
                     "near Boni, Mali, on Monday, and six Malian soldiers were killed later.")
    [event] = [e for e in x.events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Mali)",
                                            "Military Forces of France (2017-)")


def test_troops_in_a_country_with_an_army_stay_its_own() -> None:
    found = names("Russian forces attacked Kupiansk, Ukraine. Troops repelled the assault.")
    assert found == ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"]


def test_plain_soldiers_after_a_named_foreign_army_are_its_men() -> None:
    x = extract_text(" date 2025-03-05 Al-Shabaab fighters ambushed a Kenyan army convoy near "
                     "Bulo in Somalia on Wednesday, killing five soldiers.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert (event.actor1, event.actor2) == ("Al Shabaab", "Military Forces of Kenya")


def test_the_subject_of_a_passive_attack_is_its_target() -> None:
    x = extract_text(" date 2025-03-05 A Kenyan army convoy was ambushed near Bulo in Somalia "
                     "on Wednesday; five soldiers died.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Somalia)", "Military Forces of Kenya")


def test_soldiers_killed_by_a_foreign_army_are_not_its_own() -> None:
    x = extract_text(" date 2025-03-05 Russian troops attacked positions near Pokrovsk in "
                     "Ukraine on Monday, killing five soldiers.")
    [event] = [e for e in x.events if e.event_type == "Battles"]
    assert (event.actor1, event.actor2) == (
        "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
