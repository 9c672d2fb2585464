"""Events told by their effect and their instrument (issue 12, branch effects6), on sentences
written for these tests: no event verb or noun, only the harm ("injured", "died", "damaged")
and what did it ("a stray bullet", "a shell", "a mine", "a drone")."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.model import Event, Extraction

_LEDE = ("Fighting between the army and the KIA has intensified in Waingmaw Township, "
         "residents said. ")


def run(body: str, published: str | None = "2025-03-10") -> Extraction:
    return extract_text(f" date {published}\n{body}" if published else body)


def _at(x: Extraction, place: str) -> list[Event]:
    return [e for e in x.events if e.location and e.location.name == place]


def _types(x: Extraction, place: str) -> list[str]:
    return sorted(e.sub_event_type for e in _at(x, place))


def test_a_stray_bullet_that_hurt_someone_is_an_attack_on_civilians() -> None:
    x = run(_LEDE + "A man was injured by a stray bullet in Bhamo on Saturday.")
    [event] = _at(x, "Bhamo")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 == "Civilians (Myanmar)"
    assert event.date and str(event.date.start) == "2025-03-08"


def test_gunfire_that_wounded_soldiers_is_a_battle() -> None:
    x = run(_LEDE + "Two junta soldiers were wounded by sniper fire in Bhamo on Saturday.")
    [event] = _at(x, "Bhamo")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_shell_that_hit_a_house_is_shelling() -> None:
    x = run(_LEDE + "A woman and her two children were injured on Sunday when a shell fired "
            "by junta troops hit their house in Bhamo.")
    assert _types(x, "Bhamo") == ["Shelling/artillery/missile attack"]
    x = run(_LEDE + "A shell fired by junta troops hit a house in Bhamo on Sunday.")
    assert _types(x, "Bhamo") == ["Shelling/artillery/missile attack"]


def test_a_mine_that_killed_farmers_is_a_remote_explosive() -> None:
    x = run(_LEDE + "Three farmers died when their tractor hit a mine near Bhamo on Monday.")
    assert _types(x, "Bhamo") == ["Remote explosive/landmine/IED"]


def test_killed_by_a_drone_is_a_drone_strike() -> None:
    x = run(_LEDE + "Two children were killed by a drone in Bhamo on Sunday.")
    assert _types(x, "Bhamo") == ["Air/drone strike"]


def test_gunmen_who_opened_fire_and_wounded_someone_attacked() -> None:
    x = run("Gang violence has shut the capital's airport. On March 3, gunmen opened fire "
            "on a bus as it left Port-au-Prince, wounding a driver.")
    assert ("Violence against civilians", "Attack") in {
        (e.event_type, e.sub_event_type) for e in x.events}


def test_no_instrument_or_an_accident_codes_nothing() -> None:
    # the harm alone names no attack; a mine that caved in, a hunting accident are none
    for sentence in ("A man was injured in Bhamo on Saturday.",
                     "Twelve miners died when a jade mine collapsed near Hpakant on Monday.",
                     "A man was wounded by a stray bullet at a wedding celebration in Bhamo."):
        x = run(_LEDE + sentence)
        assert not [e for e in x.events if e.location and e.location.name in
                    ("Bhamo", "Hpakant")], sentence


def test_an_effect_under_negation_is_no_event() -> None:
    x = run(_LEDE + "No one was injured by the shells that landed near Bhamo on Sunday.")
    assert not _at(x, "Bhamo")


def test_two_unresolved_weekdays_are_two_days() -> None:
    # no publication date: "on Saturday" and "on Monday" are still two days at one place
    x = run("Residents reported civilian casualties from junta attacks in Kyauktaw. A man was "
            "injured by a stray bullet in Kyauktaw on Saturday, while a woman was injured on "
            "Monday when a shell fired by a junta warship hit her house in Kyauktaw.",
            published=None)
    assert _types(x, "Kyauktaw") == ["Attack", "Shelling/artillery/missile attack"]


def test_a_gunshot_victim_told_in_the_passive_was_attacked() -> None:
    x = run(_LEDE + "A teenager was shot by soldiers at a checkpoint in Bhamo on Saturday.")
    assert _types(x, "Bhamo") == ["Attack"]


def test_a_landmine_stepped_on_by_accident_is_still_a_landmine() -> None:
    x = run(_LEDE + "Two men were injured after accidentally stepping on a landmine near Bhamo "
            "on Sunday.")
    assert _types(x, "Bhamo") == ["Remote explosive/landmine/IED"]


_UKRAINE = ("Russian forces shelled Kupiansk on Monday, wounding four people, the regional "
            "governor said. ")


def test_damage_right_after_remote_fire_is_that_fire_at_its_own_place() -> None:
    x = run(_UKRAINE + "A private home and a shop have been damaged in the village of "
            "Kivsharivka.", published="2025-03-11")
    [event] = _at(x, "Kivsharivka")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1.startswith("Military Forces of Russia")
    assert event.actor2 is None  # a home is no victim: nobody is told hurt there


def test_damage_with_no_fire_before_or_on_a_road_to_a_place_codes_nothing() -> None:
    x = run("Officials met in Kupiansk on Monday. A private home and a shop have been "
            "damaged in the village of Kivsharivka.", published="2025-03-11")
    assert not _at(x, "Kivsharivka")
    x = run(_UKRAINE + "A house on the road to Kivsharivka was also damaged.",
            published="2025-03-11")
    assert not _at(x, "Kivsharivka")


def test_the_place_of_one_clause_is_not_lent_to_another_clause() -> None:
    # the shell's clause names no place: Bhamo is where the bullet hit, not the shell
    x = run(_LEDE + "A man was injured by a stray bullet in Bhamo on Saturday, while a woman "
            "was injured on Sunday when a shell hit her house.")
    assert _types(x, "Bhamo") == ["Attack"]


def test_soldiers_killed_with_no_weapon_named_were_fought() -> None:
    x = run(_LEDE + "The KIA said it killed 12 junta soldiers near Bhamo on Saturday.")
    [event] = _at(x, "Bhamo")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert {event.actor1, event.actor2} == {"KIA: Kachin Independence Army",
                                            "Military Forces of Myanmar (2021-)"}
    x = run(_LEDE + "Five soldiers were killed near Bhamo on Sunday, the KIA said.")
    assert _types(x, "Bhamo") == ["Armed clash"]


def test_fire_traded_or_breaking_out_is_a_battle() -> None:
    for sentence in ("The army and the KIA traded heavy fire near Bhamo on Sunday.",
                     "Gunfire erupted between the army and the KIA in Bhamo on Sunday."):
        x = run(_LEDE + sentence)
        assert _types(x, "Bhamo") == ["Armed clash"], sentence
