"""Events outside Myanmar (issue 12, branch abroad4), on sentences written for these tests:
bombs named by their kind, an army abroad striking a town with no weapon named, civilians
hit across a border."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.abroad import local_victims
from sitrep.model import Extraction

RUSSIA = "Military Forces of Russia (2000-)"


def run(body: str, published: str = "2024-03-14") -> Extraction:
    return extract_text(f" date {published}\n{body}")


def _types(x: Extraction) -> set[tuple[str, str]]:
    return {(e.event_type, e.sub_event_type) for e in x.events}


def test_glide_bombs_are_dropped_from_aircraft() -> None:
    x = run("In Ukraine, Russian glide bombs struck Kharkiv on Friday, injuring 11 people.")
    assert ("Explosions/Remote violence", "Air/drone strike") in _types(x)


def test_barrel_bombs_are_an_air_strike() -> None:
    x = run("In Sudan, barrel bombs hit a market in Nyala on Monday, killing 20 people.")
    assert ("Explosions/Remote violence", "Air/drone strike") in _types(x)


def test_an_army_abroad_that_struck_an_area_of_a_town_fired_from_afar() -> None:
    x = run("In Ukraine, two children were killed when Russian forces struck a residential "
            "area of Kharkiv on Sunday.")
    [event] = [e for e in x.events if e.location and e.location.name == "Kharkiv"]
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 == RUSSIA


def test_an_army_at_home_that_struck_an_area_is_no_fire_from_afar() -> None:
    x = run("In Ukraine, Ukrainian forces struck a residential area of Kharkiv on Sunday.")
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_civilians_hit_across_a_border_are_the_places() -> None:
    text = "Hamas fired rockets at Sderot in southern Israel."
    assert local_victims("Hamas Movement", "Civilians (Palestine)", "Israel",
                         text) == "Civilians (Israel)"
    # at home, the group's civilians stay its own country's
    assert local_victims("Hamas Movement", "Civilians (Palestine)", "Palestine",
                         "Hamas fighters in Gaza, Palestine.") == "Civilians (Palestine)"
    # a country the text never names is no evidence (a gazetteer homonym abroad)
    assert local_victims("Hamas Movement", "Civilians (Palestine)", "Israel",
                         "Hamas fired rockets at Sderot.") == "Civilians (Palestine)"



def test_villagers_killed_by_an_armed_group_are_no_rioting_crowd() -> None:
    x = run("In Sudan, the RSF killed 20 residents and set fire to houses in Tawila on "
            "Wednesday.")
    assert not [e for e in x.events if e.event_type == "Riots"]
    assert ("Violence against civilians", "Attack") in _types(x)


def test_prisoners_of_war_executed_are_violence_against_civilians() -> None:
    x = run("In Ukraine, Russian troops executed three Ukrainian prisoners of war near "
            "Bakhmut on Friday, Kyiv said.")
    assert ("Violence against civilians", "Attack") in _types(x)


def test_people_named_by_their_nation_killed_by_an_armys_fire() -> None:
    x = run("In Gaza, five Palestinians were killed by Israeli fire in Rafah on Thursday, "
            "the health ministry said.")
    attacks = [e for e in x.events if e.event_type == "Violence against civilians"]
    assert attacks
    assert {e.actor1 for e in attacks} == {"Military Forces of Israel (2022-)"}


def test_air_defences_that_repel_a_drone_attack_fight_no_battle() -> None:
    x = run("In Ukraine, explosions rocked Kyiv early on Friday as air defences repelled "
            "a Russian drone attack.")
    assert ("Explosions/Remote violence", "Air/drone strike") in _types(x)
    assert ("Battles", "Armed clash") not in _types(x)


def test_fire_from_afar_with_nobody_told_hit_has_no_victim() -> None:
    x = run("In Ukraine, the Russians attacked the village of Kupiansk on Tuesday. A school "
            "was damaged.")
    [event] = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert event.actor2 is None


def test_fire_from_afar_that_hurt_people_hits_civilians() -> None:
    x = run("In Ukraine, the Russians attacked the village of Kupiansk on Tuesday, wounding "
            "two.")
    [event] = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert event.actor2 == "Civilians (Ukraine)"


def test_armed_men_who_came_under_heavy_attack_fought_a_battle() -> None:
    x = run("In Manipur, India, security forces came under heavy attack at Zelvon village "
            "on Saturday, officials said.")
    assert ("Battles", "Armed clash") in _types(x)


def test_an_army_that_neutralised_militants_fought_them() -> None:
    x = run("In Burkina Faso, the army said it had neutralised 20 terrorists during an "
            "operation near Djibo on Tuesday.")
    assert ("Battles", "Armed clash") in _types(x)


def test_a_strike_that_killed_militants_stays_a_strike() -> None:
    x = run("In Somalia, a drone strike killed 20 militants near Jilib on Tuesday.")
    assert _types(x) == {("Explosions/Remote violence", "Air/drone strike")}


def test_an_air_force_that_carried_out_strikes_struck_from_the_air() -> None:
    x = run("In Sudan, the army said its air force had carried out strikes on RSF positions "
            "in Nyala on Wednesday.")
    assert ("Explosions/Remote violence", "Air/drone strike") in _types(x)


def test_a_ship_seized_is_no_territory() -> None:
    x = run("In Yemen, Houthi forces seized a cargo ship off Hodeidah on Sunday.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_hostages_freed_are_no_abduction() -> None:
    x = run("In Gaza, Hamas freed three Israeli hostages in Khan Younis on Saturday.")
    assert not [e for e in x.events if e.sub_event_type == "Abduction/forced disappearance"]
    x = run("In Nigeria, gunmen kidnapped 20 villagers in Kajuru on Saturday and later "
            "released five of the hostages.")
    assert [e for e in x.events if e.sub_event_type == "Abduction/forced disappearance"]


def test_a_country_of_the_wider_news_is_no_event_place() -> None:
    x = run("In Lebanon, Hezbollah launched a barrage of rockets toward Israel on Monday.")
    assert "Israel" not in {e.location.name for e in x.events if e.location}


def test_a_road_a_village_lies_on_is_no_second_event_place() -> None:
    x = run("In Manipur, India, militants attacked security forces at Zelvon village on "
            "the Imphal-Moreh road on Saturday.")
    battles = [e for e in x.events if e.event_type == "Battles"]
    assert battles
    assert not [e for e in battles if e.location and "road" in e.location.name.lower()]


def test_an_army_abroad_that_struck_a_building_fired_from_afar() -> None:
    x = run("In Ukraine, Russian forces hit a hospital in Kherson on Monday, wounding five.")
    assert [e for e in x.events if e.event_type == "Explosions/Remote violence"
            and e.actor1 == RUSSIA]
