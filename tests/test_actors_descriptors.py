"""Issue 12, branch actors6: descriptor anaphora ("the paramilitary group" is the group the
text introduced as paramilitary) and the trigger verb's own subject as the event's doer, on
sentences written for these tests."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.actors import find_actors
from sitrep.ingest import parse_plain_text
from sitrep.model import Event, Extraction
from sitrep.text import prepare

RSF = "RSF: Rapid Support Forces"
M23 = "M23: March 23 Movement"
ADF = "ADF: Allied Democratic Forces"
HEZBOLLAH = "Hezbollah"


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.canonical) for m in find_actors(prepare(parse_plain_text(text)))]


def run(body: str, published: str = "2024-03-14") -> Extraction:
    return extract_text(f" date {published}\n{body}")


def _at(x: Extraction, place: str) -> list[Event]:
    return [e for e in x.events if e.location and e.location.name == place]


def test_a_paramilitary_group_is_the_group_introduced_as_paramilitary() -> None:
    found = mentions("Shells fired by the paramilitary Rapid Support Forces (RSF) hit a market in "
                     "Omdurman. The army said the paramilitary group had withdrawn.")
    assert ("the paramilitary group", RSF) in found
    found = mentions("Sudan's paramilitary RSF shelled Omdurman, the army said. The paramilitaries "
                     "later withdrew.")
    assert ("The paramilitaries", RSF) in found


def test_the_militants_are_the_group_an_apposition_calls_militant() -> None:
    found = mentions("Hezbollah, the Iran-backed militant group, fired rockets at Metula in "
                     "Israel. The militants said the strike answered an air raid.")
    assert ("The militants", HEZBOLLAH) in found


def test_an_introduction_wins_over_the_group_named_last() -> None:
    found = mentions("The rebel M23 and the ADF both operate in North Kivu, Congo. The ADF "
                     "raided a village on Monday. The rebels then seized a hill.")
    assert ("The rebels", M23) in found


def test_a_class_noun_after_the_name_introduces_it() -> None:
    found = mentions("RSF paramilitaries and the ADF were named in the report on Sudan. The ADF "
                     "denied it. The paramilitaries did not comment.")
    assert ("The paramilitaries", RSF) in found


def test_a_group_of_another_class_is_not_pointed_at() -> None:
    # the one group in focus was introduced as rebel: "the paramilitaries" are not it
    found = mentions("The rebel M23 attacked a camp in North Kivu, Congo. The paramilitaries "
                     "fled.")
    assert [c for s, c in found if s == "The paramilitaries"] == []


def test_the_fighters_with_no_group_in_sight_are_no_actor() -> None:
    found = mentions("The fighters rested in a school in Khartoum, Sudan, residents said.")
    assert [c for s, c in found if s == "The fighters"] == []


def test_the_militants_with_no_group_introduced_stay_unidentified() -> None:
    found = mentions("In Mali, JNIM and ISGS fought near Menaka on Sunday. On Monday the "
                     "militants attacked a convoy near Boni.")
    assert [c for s, c in found if s == "the militants"] == ["Unidentified Armed Group (Mali)"]


def test_a_capture_in_a_relative_clause_is_the_descriptions_group() -> None:
    x = run("A drone strike by the paramilitary Rapid Support Forces (RSF) killed nine civilians "
            "in Omdurman on Monday. Meanwhile, fighting between the army and the RSF continued "
            "in the south, where the paramilitary group seized the town of Um Sidra on Friday, "
            "according to residents.")
    [capture] = [e for e in x.events if e.sub_event_type.endswith("territory")]
    assert capture.actor1 == RSF
    assert capture.sub_event_type == "Non-state actor overtakes territory"


def test_the_fighters_are_the_unnamed_fighters_told_before() -> None:
    found = mentions("Sudan's army fought paramilitary fighters near Khartoum on Monday. The "
                     "fighters seized the town of Um Sidra on Tuesday.")
    assert ("The fighters", "Unidentified Armed Group (Sudan)") in found


def test_unnamed_fighters_told_again_keep_their_side() -> None:
    x = run("Sudan's army fought paramilitary fighters near Khartoum on Monday. The fighters "
            "seized the town of Um Sidra on Tuesday.")
    [capture] = [e for e in x.events if e.sub_event_type.endswith("territory")]
    assert capture.actor1 == "Unidentified Armed Group (Sudan)"
    assert capture.sub_event_type == "Non-state actor overtakes territory"


def test_the_subject_of_the_trigger_verb_is_its_doer() -> None:
    # the army is named first, but the RSF shelled
    x = run("Soldiers left the town of Um Sidra in Sudan on Monday after the RSF shelled "
            "their positions there.")
    shelled = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert shelled and all(e.actor1 == RSF for e in shelled)


def test_the_subject_of_a_light_verb_does_the_attack_it_launched() -> None:
    x = run("As the army watched from Omdurman, the RSF launched a drone attack on a market "
            "in the town of Um Sidra in Sudan on Monday, killing four civilians.")
    struck = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert struck and all(e.actor1 == RSF for e in struck)


def test_a_relative_pronoun_subject_is_its_antecedent() -> None:
    x = run("In Sudan, the army blamed the RSF, which shelled the town of Um Sidra on "
            "Monday, killing four civilians.")
    shelled = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert shelled and all(e.actor1 == RSF for e in shelled)


def test_a_capture_by_a_relative_pronoun_is_its_antecedents() -> None:
    x = run("In Sudan, the army lost ground to the RSF, which seized the town of Um Sidra on "
            "Monday.")
    [capture] = [e for e in x.events if e.sub_event_type.endswith("territory")]
    assert capture.actor1 == RSF


def test_bare_militants_are_the_one_group_in_focus() -> None:
    found = mentions("Hezbollah said it would answer any raid on Lebanon. On Monday militants "
                     "fired rockets at Metula in Israel.")
    assert ("militants", HEZBOLLAH) in found


def test_bare_militants_beside_two_groups_stay_unidentified() -> None:
    found = mentions("In Mali, JNIM and ISGS fought near Menaka on Sunday. On Monday militants "
                     "attacked a convoy near Boni.")
    assert [c for s, c in found if s == "militants"] == ["Unidentified Armed Group (Mali)"]


def test_militants_named_after_their_group_are_one_mention() -> None:
    found = mentions("In Mali, JNIM-linked militants attacked a convoy near Boni.")
    assert [c for _, c in found] == ["JNIM: Group for Support of Islam and Muslims"]
