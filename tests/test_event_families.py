"""Every ACLED family on sentences written for these tests (issue 15): sub-types, boundaries,
crowd actors, non-events, and events whose place no gazetteer holds."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.actors import crowd_roles
from sitrep.events.details import in_context
from sitrep.model import NON_FACTUAL, Event, Extraction


def run(body: str) -> Extraction:
    return extract_text(body)


def asserted(body: str) -> list[Event]:
    return [e for e in run(body).events if e.status not in NON_FACTUAL]


def sub_types(body: str) -> list[str]:
    return [e.sub_event_type for e in asserted(body)]


@pytest.mark.parametrize(("body", "expected"), [
    # Battles
    ("Rebels and soldiers clashed near the fictional town of Qarvela on Monday, killing nine.",
     "Armed clash"),
    # Explosions/Remote violence
    ("A suicide bomber blew himself up at a checkpoint in the village of Dorvani on Tuesday.",
     "Suicide bomb"),
    ("Militants hurled a grenade at a police post in the town of Emberlo on Sunday.", "Grenade"),
    ("A roadside bomb struck an army truck near the hamlet of Velmora, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    ("Rockets slammed into a residential block in the city of Tarnavo overnight.",
     "Shelling/artillery/missile attack"),
    ("Government warplanes bombed a market in the town of Suvrasi on Friday.",
     "Air/drone strike"),
    ("Witnesses said militants fired shells filled with mustard gas at the village of Orkasa.",
     "Chemical weapon"),
    # Violence against civilians
    ("Gunmen abducted 14 passengers from a bus near the town of Halvuri on Wednesday.",
     "Abduction/forced disappearance"),
    ("Soldiers raped several women during a sweep through the village of Mebrani.",
     "Sexual violence"),
    # Protests and riots
    ("Thousands of teachers marched peacefully through the city of Lorvanta on Monday to demand "
     "higher pay.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting against fee rises in the town of "
     "Kessarin on Thursday.", "Protest with intervention"),
    ("Security forces shot dead four protesters during a demonstration in the city of Ombrevi.",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and torched cars during a demonstration in the town of "
     "Valdessa.", "Violent demonstration"),
    ("An angry mob lynched a man accused of theft in the village of Tirkasi on Saturday.",
     "Mob violence"),
    # Strategic developments
    ("Bomb disposal experts defused an explosive device found near a bridge in the town of "
     "Sarnevo.", "Disrupted weapons use"),
    ("The rebels and the government signed a ceasefire agreement in the town of Belkarra.",
     "Agreement"),
    ("Police arrested the opposition leader at his home in the city of Varnosk on Monday.",
     "Arrests"),
    ("Fighters looted shops and plundered the market of the town of Pelvaro on Tuesday.",
     "Looting/property destruction"),
    ("The army established a new military base in the district of Korrovan last week.",
     "Headquarters or base established"),
    ("Mutinous soldiers seized power in an apparent coup in the capital of Estrava on Sunday.",
     "Other"),
])
def test_each_family_is_coded_with_its_sub_type(body: str, expected: str) -> None:
    assert expected in sub_types(body)


def test_a_grenade_attack_on_a_post_is_a_grenade_not_a_battle() -> None:
    found = sub_types("Four soldiers were wounded in a grenade attack on a military post in the "
                      "village of Ardosi on Saturday.")
    assert "Grenade" in found and "Armed clash" not in found


def test_a_crowd_clashing_with_police_riots_and_fights_no_battle() -> None:
    found = sub_types("Demonstrators clashed with riot police in the city of Mirvana on Friday.")
    assert "Armed clash" not in found and found[:1] == ["Violent demonstration"]


def test_territory_taken_without_a_fight_is_a_non_violent_transfer() -> None:
    assert in_context("capture", "Battles", "Non-state actor overtakes territory",
                      "Rebels took control of the town without a fight after troops withdrew.") \
        == ("Strategic developments", "Non-violent transfer of territory")
    assert in_context("capture", "Battles", "Non-state actor overtakes territory",
                      "Rebels captured the town after a raid that left many soldiers dead.") \
        == ("Battles", "Non-state actor overtakes territory")


def test_protest_boundaries_follow_the_codebook() -> None:
    assert in_context("protest", "Protests", "Peaceful protest",
                      "Hundreds rallied outside parliament, chanting slogans.")[1] == \
        "Peaceful protest"
    assert in_context("protest", "Protests", "Peaceful protest",
                      "Police used water cannon to break up the protest.")[1] == \
        "Protest with intervention"
    assert in_context("protest", "Protests", "Peaceful protest",
                      "Troops opened fire on the protest, killing two.")[1] == \
        "Excessive force against protesters"
    assert in_context("protest", "Protests", "Peaceful protest",
                      "Protesters hurled rocks at the police.") == \
        ("Riots", "Violent demonstration")


def test_crowd_actors_are_named_by_country() -> None:
    assert crowd_roles("Protests", "Peaceful protest", "Military Forces of X", None, "Kenya") == \
        ("Protesters (Kenya)", None)
    assert crowd_roles("Protests", "Protest with intervention", None, None, "Kenya") == \
        ("Protesters (Kenya)", "Police Forces of Kenya")
    assert crowd_roles("Riots", "Violent demonstration", None, None, "Kenya") == \
        ("Rioters (Kenya)", None)


@pytest.mark.parametrize("body", [
    "A powerful earthquake struck the region on Monday, killing more than 40 people.",
    "Floods swept through the valley after days of rain, killing 12 villagers.",
    "The home side launched a late fight-back to win 2-1 in the league match.",
    "The two companies signed a merger agreement, their shareholders said.",
    "A court sentenced five soldiers to prison for the killing of a farmer in 2019.",
    "Armed robbers stormed a jewellery store and fled with cash.",
    "Dock workers went on strike on Monday over unpaid wages.",
    "The storm destroyed hundreds of houses along the coast.",
    "A gas cylinder explosion killed six people at a restaurant.",
    "The foreign minister arrived in the capital for bilateral talks.",
])
def test_non_events_stay_out(body: str) -> None:
    assert asserted(body) == []


def test_planned_protest_is_not_asserted() -> None:
    assert asserted("The opposition said it will hold mass protests in the capital next week.") \
        == []


def test_an_ungeocoded_place_is_kept_as_written_and_flagged() -> None:
    [event] = [e for e in asserted("Soldiers clashed with rebels in the remote district of "
                                   "Zarquen on Monday.") if e.event_type == "Battles"]
    assert event.location is not None and event.location.name == "Zarquen"
    assert event.location.lat is None and event.geo_precision == 3
    assert "place not geocoded" in event.flags


def test_an_event_with_no_place_at_all_is_kept_flagged_without_location() -> None:
    found = asserted("Gunmen kidnapped two aid workers on Tuesday, their agency said.")
    assert [e.sub_event_type for e in found] == ["Abduction/forced disappearance"]
    assert found[0].location is None and found[0].flags == ["no place"]


def test_no_battle_or_attack_in_an_article_naming_no_armed_actor() -> None:
    assert asserted("A blaze tore through a hostel on Sunday, killing seven students.") == []
    assert asserted("The rival firms are locked in a fierce battle over the contract.") == []


def test_a_descriptor_joined_by_and_is_an_actor_of_its_own() -> None:
    from sitrep.actors import find_actors
    from sitrep.ingest.documents import parse_plain_text
    from sitrep.text import prepare
    found = find_actors(prepare(parse_plain_text("Rebels and soldiers clashed on Monday.")))
    # bare "Rebels", no group named: an unidentified armed group (issue 12)
    assert [m.actor_type for m in found] == ["Political militia", "State forces"]


def test_a_killing_of_an_unarmed_person_named_by_role_is_an_attack() -> None:
    found = asserted("Gunmen shot dead a village chief in the northern town of Koro on Monday.")
    assert [(e.sub_event_type, e.location and e.location.name) for e in found] == \
        [("Attack", "Koro")]


def test_weapons_seized_are_no_capture_and_riot_police_no_riot() -> None:
    assert sub_types("Security forces seized a large cache of weapons in a raid on a hideout "
                     "in the town of Dessal.")[:1] == ["Disrupted weapons use"]
    assert sub_types("Riot police fired tear gas at students marching on parliament in the "
                     "city of Arvenna.") == ["Protest with intervention"]


def test_a_coup_outranks_the_changes_it_makes_and_a_prisoner_exchange_is_an_agreement() -> None:
    assert sub_types("The army launched a military coup and dissolved parliament in the city "
                     "of Perrano.")[:1] == ["Other"]
    assert sub_types("The rebels released 20 prisoners in exchange for 30 of their fighters "
                     "held by the government.") == ["Agreement"]


def test_communal_militias_and_forces_abroad_have_their_inter_labels() -> None:
    from sitrep.actors import actor_type, inter_label
    assert actor_type("Communal Militia (Nigeria)") == "Identity militia"
    assert inter_label("Military Forces of Kenya", "Democratic Republic of Congo") == \
        "External/Other forces"
    assert inter_label("Military Forces of Kenya", "Kenya") == "State forces"
    assert inter_label("Protesters (Kenya)", "Kenya") == "Protesters"


@pytest.mark.parametrize(("body", "expected"), [
    ("Rebels took over the town of Kibumba after government troops abandoned their positions.",
     "Non-violent transfer of territory"),
    ("Security forces restored control over the district of Nawa on Friday.",
     "Government regains territory"),
    ("Russian aircraft carried out strikes on rebel-held areas in the province of Idlib.",
     "Air/drone strike"),
    ("Supporters of the candidate clashed with police and torched vehicles in the town of "
     "Kisumu.", "Violent demonstration"),
    ("Government troops were deployed to the town of Beni after a spate of attacks.",
     "Change to group/activity"),
])
def test_more_boundaries(body: str, expected: str) -> None:
    assert sub_types(body)[:1] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    ("Hundreds of fighters from the group crossed into the district of Tolvar on Monday.",
     "Change to group/activity"),
    ("The two jihadist factions have joined forces under a single command.",
     "Change to group/activity"),
    ("Unknown assailants burned a school in the village of Kawala overnight.",
     "Looting/property destruction"),
    ("Electricity pylons were sabotaged near the town of Kedra, cutting power.",
     "Looting/property destruction"),
])
def test_group_changes_and_property_destruction(body: str, expected: str) -> None:
    assert sub_types(body)[:1] == [expected]


def test_a_town_handed_to_the_other_side_is_a_non_violent_transfer() -> None:
    found = asserted("The TNLA handed the town of Kalehe to the army on Friday.")
    assert [(e.sub_event_type, e.location and e.location.name) for e in found] == \
        [("Non-violent transfer of territory", "Kalehe")]


def test_battle_as_a_modifier_or_a_purpose_is_no_clash() -> None:
    found = sub_types("Foreign troops have arrived in the district of Tolvar to help battle an "
                      "insurgency.")
    assert "Armed clash" not in found and found[:1] == ["Change to group/activity"]
    assert "Armed clash" not in sub_types(
        "Soldiers came with battle wagons into the town of Perrin, residents said.")


def test_forces_entering_a_place_left_to_them_take_it_without_a_fight() -> None:
    assert sub_types("Government troops entered the city of Varkuk on Monday after the rebel "
                     "fighters withdrew.") == ["Non-violent transfer of territory"]
    assert "Non-violent transfer of territory" not in sub_types(
        "Troops entered the village of Pelnor and torched houses.")


# Trigger patterns added on branch trig (sentences written for these tests)
def test_battling_is_an_armed_clash() -> None:
    assert sub_types("The Arakan Army has been battling junta troops near Paletwa since "
                     "Monday.") == ["Armed clash"]
    # a disease or an insurgency battled for years is no battle
    assert sub_types("The ministry has been battling a cholera outbreak since March.") == []


def test_storming_a_base_is_a_clash_and_storming_a_town_a_capture() -> None:
    base = asserted("KIA fighters stormed a junta base near Bhamo on Sunday, residents said.")
    assert [e.sub_event_type for e in base] == ["Armed clash"]
    town = asserted("KIA fighters stormed the town of Bhamo on Sunday, residents said.")
    assert [e.sub_event_type for e in town] == ["Non-state actor overtakes territory"]


def test_a_base_that_fell_is_a_clash_and_a_town_that_fell_a_capture() -> None:
    base = run("The army's Light Infantry Battalion 999 base near Bhamo fell to the KIA on "
               "Friday.")
    assert [e.sub_event_type for e in base.events if e.status not in NON_FACTUAL] == \
        ["Armed clash"]
    assert base.control == []  # the town did not change hands
    town = run("The town of Bhamo fell to the KIA on Friday after weeks of fighting.")
    assert [e.sub_event_type for e in town.events] == ["Non-state actor overtakes territory"]
    assert [c.place for c in town.control] == ["Bhamo"]
    # a base that fell beside a capture told in the same sentence keeps the capture
    both = sub_types("After the base fell to the KIA on Monday, the fighters captured the town "
                     "of Bhamo on Tuesday.")
    assert "Non-state actor overtakes territory" in both


def test_killed_by_a_state_attack_with_drones_or_missiles_named_is_remote_violence() -> None:
    drones = sub_types("A woman was killed by a Russian attack on the village of Orvelka, the "
                       "governor said, adding that the troops had used drones.")
    assert drones == ["Air/drone strike"]
    missiles = sub_types("Two civilians were killed by an army attack on the village of Pelnor, "
                         "where the soldiers had fired missiles before dawn.")
    assert missiles == ["Shelling/artillery/missile attack"]
    # a weapon named only in another clause (after ";") decides nothing
    ground = sub_types("Five villagers were killed by a junta attack on the village of Pelnor; "
                       "drones were seen elsewhere.")
    assert "Air/drone strike" not in ground


def test_detained_by_a_non_state_group_is_an_abduction_not_an_arrest() -> None:
    abducted = asserted("A shopkeeper from the village of Varnel was detained by KIA fighters "
                        "on Monday, his relatives said.")
    assert [e.sub_event_type for e in abducted] == ["Abduction/forced disappearance"]
    assert abducted[0].actor1 is not None and "KIA" in abducted[0].actor1
    # ACLED: the victims of violence against civilians are actor2, civilians by default
    assert abducted[0].actor2 == "Civilians (Myanmar)"
    # state forces detaining a farmer: no abduction (ACLED: arrests are the state's)
    assert "Abduction/forced disappearance" not in sub_types(
        "A farmer from the village of Varnel was detained by junta troops on Monday.")


def test_an_armys_arrests_in_a_war_are_arrests_a_polices_in_a_theft_are_not() -> None:
    assert sub_types("Occupation forces arrested 15 men in overnight raids on the town of "
                     "Qarvela on Tuesday, a prisoners' group said.") == ["Arrests"]
    assert sub_types("Police arrested a man for stealing a car in the town of Qarvela on "
                     "Tuesday.") == []


def test_an_event_named_by_its_year_as_a_landmark_of_time_is_no_event() -> None:
    assert "Other" not in sub_types(
        " date 2025-04-23\nThe military regained control of Lashio on Tuesday, residents "
        "said.\nThe MNDAA had seized Lashio in August last year, the first regional command "
        "to fall to a resistance group since the 2021 coup.")
    assert "Other" in sub_types("The military seized power in a coup in the capital on "
                                "Monday.")


def test_an_agreement_on_troops_withdrawing_needs_no_other_word() -> None:
    x = run(" date 2025-04-23\nUnder the agreement signed in Kunming in January, the MNDAA "
            "agreed to withdraw its troops from Lashio by mid-April.")
    assert "Agreement" in [e.sub_event_type for e in x.events]


def test_a_town_handed_back_under_a_deal_is_one_transfer_not_a_battle() -> None:
    x = run(" date 2025-04-23\nThe military regained control of Lashio on Tuesday after the "
            "MNDAA handed the city back under a China-brokered deal, residents said.")
    assert [e.sub_event_type for e in x.events if e.location and e.location.name ==
            "Lashio"] == ["Non-violent transfer of territory"]


def test_a_means_told_with_used_is_no_purpose() -> None:
    assert "Shelling/artillery/missile attack" in sub_types(
        " date 2025-09-12\nThe army used heavy guns to shell Qarvela village on Tuesday.")
    # a purpose stays one: troops sent to retake a village did not retake it
    assert "Government regains territory" not in sub_types(
        " date 2025-09-12\nThe army sent troops to retake Qarvela village.")
