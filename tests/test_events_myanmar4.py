"""Events in Myanmar reporting (issue 12, branch myanmar4), on sentences written for these
tests: dated objects in one list, bases that fell, unit names, crossfire, executions and
tallies over months."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.model import Extraction


def run(body: str, published: str | None = "2024-03-14") -> Extraction:
    return extract_text(f" date {published}\n{body}" if published else body)


def _captures(x: Extraction) -> list[str]:
    return sorted(str(e.date.start if e.date and e.date.start else e.date.text if e.date else "")
                  for e in x.events if e.event_type == "Battles")


def test_dated_objects_of_one_capture_are_one_event_a_day() -> None:
    x = run("The KIA captured the junta's Infantry Battalion 12 on February 20, Tank "
            "Battalion 55 on February 7, and the Bhamo Airport on January 26.")
    assert _captures(x) == ["2024-01-26", "2024-02-07", "2024-02-20"]
    # the place changed hands once, whatever was taken in it day by day
    assert len([c for c in x.control if c.place == "Bhamo"]) <= 1


def test_dated_objects_in_an_undated_article_stay_apart() -> None:
    x = run("The KIA captured the junta's Infantry Battalion 12 on Feb. 20, Tank "
            "Battalion 55 on Feb. 7, and the Bhamo Airport on Jan. 26.", published=None)
    assert len([e for e in x.events if e.event_type == "Battles"]) == 3


def test_places_with_their_own_dates_are_not_multiplied() -> None:
    x = run("The TNLA captured Hsipaw on February 20 and Lashio on March 2.")
    got = sorted((e.location.name, str(e.date.start)) for e in x.events
                 if e.location and e.date and e.event_type == "Battles")
    assert got == [("Hsipaw", "2024-02-20"), ("Lashio", "2024-03-02")]


def test_a_capture_of_prisoners_is_no_capture_of_territory() -> None:
    x = run("“There was a large capture of prisoners of war,” a KIA officer said on "
            "Monday in Bhamo.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_efforts_on_capturing_a_town_are_a_goal() -> None:
    x = run("The KIA then focussed its efforts on capturing Bhamo, the largest town nearby.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_bases_that_fell_with_no_taker_are_taken_by_the_other_side() -> None:
    x = run("The TNLA has fought the junta for weeks in northern Shan State. Light Infantry "
            "Battalions 77 and 78 fell on March 10 amid junta airstrikes on Hsipaw town.")
    [event] = [e for e in x.events if e.event_type == "Battles"
               and e.date and str(e.date.start) == "2024-03-10"]
    assert event.actor1.startswith("TNLA")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    # a base that fell is a battle won there, not the town changing hands
    assert not [c for c in x.control if c.date and str(c.date.start) == "2024-03-10"]
    # the air support folds into the battle (ACLED's hierarchy)
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_a_thing_that_fell_is_no_base_falling() -> None:
    x = run("Shells fell on the camp on March 10, residents said.")
    assert not [e for e in x.events if e.event_type == "Battles"]


def test_a_unit_named_after_a_weapon_is_no_attack() -> None:
    x = run("Soldiers of Artillery Battalion 366 were seen in Bhamo on Monday, residents said.")
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_civilians_caught_in_the_crossfire_died_in_a_battle() -> None:
    x = run("Residents of Hsipaw said on Monday that civilians were caught in the crossfire "
            "between the junta and the TNLA, with some killed while fleeing.")
    kinds = {(e.event_type, e.sub_event_type) for e in x.events}
    assert ("Battles", "Armed clash") in kinds
    assert ("Violence against civilians", "Attack") not in kinds


def test_air_strikes_while_ground_forces_entered_are_a_battle() -> None:
    x = run("On Monday the military conducted airstrikes on Hsipaw while ground forces "
            "entered the town. The TNLA holds the area.")
    [event] = [e for e in x.events if e.location and e.location.name == "Hsipaw"
               and e.event_type != "Strategic developments"]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_tally_over_months_and_places_is_no_event() -> None:
    x = run("Airstrikes from June to 13 August killed 56 civilians in townships such as "
            "Kutkai, Hsipaw and Kyaukme, a statement said.", published=None)
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]


def test_strikes_within_one_month_on_listed_towns_stay_events() -> None:
    x = run("Airstrikes throughout August hit Kutkai, Hsipaw and Kyaukme.", published=None)
    assert len([e for e in x.events if e.event_type == "Explosions/Remote violence"]) == 3


def test_a_township_clash_told_again_at_an_unlisted_village_is_one_event() -> None:
    x = run("The junta has beefed up security in Sittwe Township after a clash with the AA in "
            "Sittwe Township on March 10, residents said. The AA ambushed a junta boat near "
            "Zinbawkyun Village in Sittwe Township on March 10, resulting in a clash that "
            "lasted three hours.")
    clashes = [e for e in x.events if e.sub_event_type == "Armed clash"]
    assert [e.location.name for e in clashes if e.location] == ["Zinbawkyun Village"]


def test_a_shell_on_a_battles_day_and_place_is_part_of_the_battle() -> None:
    x = run("Junta troops clashed with the TNLA near Hsipaw on Monday, residents said. The junta's "
            "shells struck Hsipaw on Monday, damaging a home.")
    kinds = [(e.event_type, e.location.name) for e in x.events if e.location]
    assert ("Battles", "Hsipaw") in kinds
    assert ("Explosions/Remote violence", "Hsipaw") not in kinds


def test_a_shell_during_a_raid_stays_a_shelling() -> None:
    x = run("Junta troops raided Hsipaw on Monday, residents said. The junta's shells "
            "struck Hsipaw on Monday, damaging a home.")
    assert ("Explosions/Remote violence", "Hsipaw") in [
        (e.event_type, e.location.name) for e in x.events if e.location]


def test_no_side_faces_itself() -> None:
    x = run("After the junta's military retook control of Hsipaw last month, ground troops "
            "have been advancing toward Lashio.")
    assert all(e.actor1 != e.actor2 for e in x.events)


def test_an_or_shares_the_negation_of_the_verb_before_it() -> None:
    from sitrep.events.realis import irrealis
    from sitrep.text import full_nlp

    sentence = ("Rebel leaders told their fighters not to fire their weapons or engage in "
                "clashes with the troops.")
    found = irrealis(full_nlp()(sentence), sentence.index("clashes"))
    assert found is not None and found.why == "negated"
    told = "The rebels did not capture the town but shelled its outskirts."
    assert irrealis(full_nlp()(told), told.index("shelled")) is None


def test_an_instruction_is_still_to_come() -> None:
    x = run("The TNLA instructed its troops to attack the junta base in Lashio on Monday.")
    assert not [e for e in x.events if e.event_type == "Battles" and e.status == "reported"]


def test_the_township_a_fight_borders_is_no_second_event_place() -> None:
    x = run("On March 10, more than 300 people were displaced as the armed groups fought "
            "the junta in Hsipaw Township on the border with Kyaukme Township.")
    battles = [e.location.name for e in x.events if e.event_type == "Battles" and e.location]
    assert battles == ["Hsipaw"]


def test_the_village_is_not_a_landmark_named_near_it() -> None:
    x = run("Clashes between the junta and the TNLA continue in Naung Pain village tract "
            "near the famous Goteik viaduct in Kyaukme Township as of Thursday, locals said. "
            "“On Tuesday the regime carried out four airstrikes on the village,” a resident "
            "said.", published="2025-08-21")
    places = [e.location.name for e in x.events if e.location]
    assert "Goteik" not in places
    assert "Naung Pain" in places


def test_air_strikes_on_a_battles_place_during_it_are_part_of_it() -> None:
    x = run("Clashes between the junta and the TNLA have continued in Hsipaw since Monday, "
            "locals said. On Tuesday the junta carried out airstrikes on Hsipaw.",
            published="2024-03-14")
    assert not [e for e in x.events if e.event_type == "Explosions/Remote violence"]
