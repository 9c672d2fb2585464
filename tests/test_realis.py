"""Realis read on the parse: a trigger whose clause does not say it happened is no fact."""

from __future__ import annotations

import pytest

from sitrep import extract_text
from sitrep.events.realis import Irrealis, irrealis, needs_parse
from sitrep.events.status import status_of
from sitrep.model import NON_FACTUAL, Extraction
from sitrep.text import full_nlp


def why(sentence: str, trigger: str) -> Irrealis | None:
    return irrealis(full_nlp()(sentence), sentence.index(trigger))


def run(body: str, published: str = "2025-09-12") -> Extraction:
    return extract_text(f" date {published} {body}")


def facts(extraction: Extraction) -> list[str]:
    return [e.sub_event_type for e in extraction.events if e.status not in NON_FACTUAL]


@pytest.mark.parametrize(("sentence", "trigger", "reason", "status"), [
    ("Militia leaders in three districts vowed to retaliate against the army.", "retaliate",
     "threat", "threatened"),
    ("The army is not allowed to fire a single shell near the border post, an officer said.",
     "shell", "intent", "planned"),
    ("Government troops will attack the river crossing next month.", "attack", "future",
     "planned"),
    ("The rebels did not capture the bridge.", "capture", "negated", None),
    ("No fighting took place around the market yesterday.", "fighting", "negated", None),
    ("The brigade failed to capture the ridge.", "capture", "negated", None),
    ("Commanders held talks to avoid clashes along the river.", "clashes", "negated", None),
    ("The commander threatened airstrikes on the camp.", "airstrikes", "threat", "threatened"),
    ("The air force may have bombed the depot.", "bombed", "modal", None),
    ("The junta plans to launch an offensive in the valley.", "offensive", "intent", "planned"),
    # a conjunct of the planned object is planned too
    ("Unions called for a general strike and protests across the region on Monday.", "protests",
     "intent", "planned"),
    # a timetable: "due to", "poised to", "set to"
    ("The rebels are due to hand over the hill town to the police next week.", "hand over",
     "intent", "planned"),
    ("The militia is poised to capture the ferry town.", "capture", "intent", "planned"),
    # an agreement to withdraw or hand over: the withdrawal is still to come
    ("The rebels have agreed to withdraw from the hill town under the truce.", "withdraw",
     "intent", "planned"),
    ("The garrison agreed to hand over the river fort to the militia.", "hand over",
     "intent", "planned"),
    # a yes/no question asks whether it happened
    ("Did the army shell the river villages on Friday?", "shell", "question", None),
    # an earlier event told as the time anchor of this one
    ("Two people were hurt at the rally, the first protest since the junta seized power in May.",
     "seized", "anchor", None),
])
def test_irrealis_clauses(sentence: str, trigger: str, reason: str, status: str | None) -> None:
    found = why(sentence, trigger)
    assert found is not None and (found.why, found.status) == (reason, status)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Government aircraft bombed the depot on Friday, killing four.", "bombed"),
    ("Villagers were forced to flee after shelling hit the market.", "shelling"),
    ("The militia managed to capture the bridge on Friday.", "capture"),
    ("Gunfire and fighting could be heard near the market all night.", "fighting"),
    ("Militia leaders vowed revenge after the airstrikes on their camp.", "airstrikes"),
    ("Residents fled because of the clashes in the hills.", "clashes"),
    ("The militia not only captured the bridge but also seized the ridge.", "captured"),
    ("It was not until Friday that the militia captured the bridge.", "captured"),
    ("The army shelled the market, but no one was hurt.", "shelled"),
    ("Rebels said they had captured the ridge and would hold it.", "captured"),
    # the object of another noun is no planned or threatened thing: it happened
    ("Militia leaders vowed revenge for the attack on their camp.", "attack"),
    ("The governor ordered an inquiry into the shelling of the market.", "shelling"),
    # a wh-question takes the event as given
    ("Who shelled the river villages on Friday?", "shelled"),
    # a "since" clause that opens the sentence tells its own event
    ("Since the army shelled the river villages on Monday, thousands have fled.", "shelled"),
])
def test_realis_clauses_are_asserted(sentence: str, trigger: str) -> None:
    assert why(sentence, trigger) is None


def test_only_sentences_with_an_irrealis_word_need_the_parse() -> None:
    assert needs_parse("Rebels vowed to strike back.")
    assert not needs_parse("Junta aircraft bombed Kyaukme on Monday.")


def test_a_ban_on_shelling_is_no_shelling() -> None:
    x = run("Under the deal, the regime is not allowed to fire a single artillery shell in "
            "Kyaukme town, a TNLA officer said.")
    assert "Shelling/artillery/missile attack" not in facts(x)


def test_a_danger_of_strikes_is_no_strike_when_a_later_plan_sets_the_sentence_status() -> None:
    x = run("The TNLA warned residents of the danger of further airstrikes on Kyaukme and said "
            "people would be allowed to leave the town.")
    assert "Air/drone strike" not in facts(x)


def test_fighting_that_people_fled_with_a_modifier_is_no_battle_there() -> None:
    x = run("Junta jets bombed Kutkai on Monday, and residents who fled the recent fighting "
            "in Kutkai have not returned.")
    assert [e.sub_event_type for e in x.events if e.event_type == "Battles"] == []


@pytest.mark.parametrize("body", [
    "Thousands gathered in Orvel on Sunday for the anniversary of the air strikes on its market.",
    "Families marked ten years since the bombing of the Orvel train station on Sunday.",
])
def test_an_event_remembered_is_not_reported_again(body: str) -> None:
    assert facts(run(body)) == []


@pytest.mark.parametrize("body", [
    "Hundreds of people gathered in the town of Orvel on Friday to protest against the new tax.",
    "Students marched through the town of Orvel on Monday to demonstrate against tuition fees.",
])
def test_a_crowd_assembled_to_protest_did_protest(body: str) -> None:
    assert "Peaceful protest" in facts(run(body))


def test_a_plan_to_protest_is_still_planned() -> None:
    assert facts(run("Opposition supporters plan to protest in the town of Orvel on Friday.")) \
        == []


def test_to_before_a_gerund_is_no_purpose() -> None:
    """"resorted to picketing" tells what they did; "committed to fighting" a goal."""
    assert "Peaceful protest" in facts(run("Students in the town of Orvel resorted to "
                                           "picketing outside the council on Monday."))
    assert facts(run("The rebels in the town of Orvel say they remain committed to fighting "
                     "the army.")) == []


@pytest.mark.parametrize(("sentence", "trigger"), [
    # a that-clause with the bare verb under a verb of demand: still to come
    ("The president demanded that Veloria withdraw from the Marsh province.", "withdraw"),
    ("The council insisted that the rebels hand over the town of Brenka.", "hand"),
    ("The envoy proposed that both sides withdraw from the river crossing.", "withdraw"),
])
def test_what_is_demanded_is_still_to_come(sentence: str, trigger: str) -> None:
    found = why(sentence, trigger)
    assert found is not None and found.status == "planned"


def test_a_that_clause_told_as_past_is_not_demanded() -> None:
    assert why("The general insisted that his troops withdrew from the town.", "withdrew") is None


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The device found near the bridge could have killed dozens had it exploded.", "exploded"),
    ("Had the shell hit the school, dozens of children would have died.", "hit"),
])
def test_an_inverted_condition_is_counterfactual(sentence: str, trigger: str) -> None:
    found = why(sentence, trigger)
    assert found is not None and found.why == "conditional" and found.status is None


def test_had_before_its_subject_needs_a_modal_to_be_a_condition() -> None:
    found = why("Only then had the army shelled the market, residents said.", "shelled")
    assert found is None or found.why != "conditional"


def test_what_was_allowed_happened_but_a_present_permission_is_to_come() -> None:
    assert why("The air strikes allowed the army to retake the town on Monday.", "retake") is None
    found = why("The truce allows the militia to capture the border post.", "capture")
    assert found is not None and found.status == "planned"
    found = why("The soldiers were not allowed to fire on the crowd.", "fire")
    assert found is not None


def test_what_air_strikes_allowed_is_a_retaking() -> None:
    extraction = run("The air strikes allowed the army to retake the town of Brenka in Shan "
                     "State on Monday.", "2025-03-05")
    assert "Government regains territory" in facts(extraction)


def test_a_denied_detail_leaves_the_report_standing() -> None:
    told = "Soldiers opened fire on protesters in Lashio, though the army denied using live rounds."
    assert status_of(told, "", None) == "reported"
    whole = "Soldiers opened fire on protesters in Lashio, but the army denied the claims."
    assert status_of(whole, "", None) == "denied"
    assert status_of("The army denied that soldiers opened fire on protesters.", "", None) \
        == "denied"
