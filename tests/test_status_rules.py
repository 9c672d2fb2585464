"""Status and source of events, on sentences written for tests: a reporting clause that
closes a sentence, and a sentence that goes on with the account of the one before."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.events.status import trailing_speaker
from sitrep.model import Event


def events(body: str) -> list[Event]:
    return extract_text(f" date 2025-08-07 {body}").events


def test_a_reporting_clause_closing_the_sentence_names_the_speaker() -> None:
    found = trailing_speaker("Five villagers died when jets bombed the town, the Ta'ang "
                             "National Liberation Army (TNLA) said on 15 August.")
    assert found.source == "the Ta'ang National Liberation Army (TNLA)"
    assert trailing_speaker("Jets bombed the town, residents told reporters.").source == \
        "residents"


def test_a_relative_or_pronoun_is_no_closing_speaker() -> None:
    assert trailing_speaker("The town fell in July, which the TNLA said.").source is None
    assert trailing_speaker("Jets bombed the town, he said.").source is None


def test_an_event_told_with_a_closing_speaker_is_attributed() -> None:
    found = events("Five villagers were killed when junta jets carried out an airstrike on "
                   "Hsipaw town in northern Shan State, the Ta'ang National Liberation Army "
                   "(TNLA) said on Tuesday.")
    assert found and all(e.status == "attributed" for e in found)


def test_an_undated_sentence_after_a_source_goes_on_with_its_account() -> None:
    found = events("Junta troops have advanced halfway to Mogoke town, according to residents "
                   "close to the TNLA.\n\nFighting is going on near Kutkai and Hsipaw towns.")
    clashes = [e for e in found if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.status == "attributed" for e in clashes)
    assert all(e.source == "residents close to the TNLA" for e in clashes)


def test_a_sentence_the_outlet_dates_itself_is_its_own_report() -> None:
    found = events("Junta troops have advanced halfway to Mogoke town, according to residents "
                   "close to the TNLA.\n\nOn Monday, junta jets bombed Kutkai town.")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.status == "reported" and e.source is None for e in strikes)


def test_a_sentence_dated_at_the_end_of_a_month_is_the_outlets_own() -> None:
    """"At the end of December", "in early March", "mid-January": a month of its own."""
    for when in ("at the end of December", "in early March", "in mid-January",
                 "on the morning of March 12"):
        found = events("The army had reported on 3 May that its troops held Mogoke town.\n\n"
                       f"Junta jets bombed Kutkai town {when}.")
        strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
        assert strikes and all(e.status == "reported" and e.source is None for e in strikes), when


def test_no_source_before_means_the_outlet_reports_it() -> None:
    found = events("Junta troops have advanced halfway to Mogoke town.\n\nFighting is going "
                   "on near Kutkai and Hsipaw towns.")
    clashes = [e for e in found if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.status == "reported" for e in clashes)


def test_a_source_is_the_noun_phrase_without_its_relative_clause() -> None:
    from sitrep.events.status import attribution
    from sitrep.text import _parse

    found = attribution(_parse("The aid workers who spoke to reporters said fighting "
                               "continued near Loikaw."))
    assert found.source == "The aid workers"


def test_a_headline_that_quotes_frames_no_account() -> None:
    found = events("Junta Says Troops Advance Near Mogoke\nFighting is going on near Kutkai "
                   "and Hsipaw towns.")
    clashes = [e for e in found if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.status == "reported" for e in clashes)


def test_a_sentence_inside_a_quotation_is_the_speakers() -> None:
    found = events("Residents described the attack.\n\n“We fled in the night. Jets bombed "
                   "Kutkai town. We are afraid to go back,” a resident said.")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.status == "attributed" and e.source == "a resident"
                           for e in strikes)


def test_a_quotation_that_goes_on_after_its_speaker_is_the_speakers() -> None:
    """“...,” a resident told reporters. “... Jets bombed X.”: the speaker named before."""
    found = events("Residents described the attack.\n\n“We fled in the night,” a resident "
                   "told reporters. “We are afraid. Jets bombed Kutkai town.”")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.status == "attributed" and e.source == "a resident"
                           for e in strikes)


def test_a_closed_quotation_does_not_reach_the_next_sentence() -> None:
    found = events("“We fled in the night,” a resident said.\n\nOn Monday, junta jets bombed "
                   "Kutkai town.")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.status == "reported" for e in strikes)


def test_reportedly_is_an_unnamed_claim_not_a_rumour() -> None:
    from sitrep.events.status import status_of

    assert status_of("Junta troops reportedly burned 30 houses in Kutkai town on Monday.",
                     "", None) == "attributed"
    assert status_of("Rumours say junta troops reportedly burned houses in Kutkai town.",
                     "", None) == "rumour"
    assert status_of("Junta troops burned 30 houses in Kutkai town on Monday.", "", None) == \
        "reported"


def test_a_plan_told_in_the_present_passive_is_planned() -> None:
    [event] = events("These protests are planned for Friday in Yangon.")
    assert event.status == "planned"
    [event] = events("A rally is scheduled for Sunday in Mandalay, organisers said.")
    assert event.status == "planned"


def test_a_past_passive_of_planning_leaves_the_event_reported() -> None:
    [event] = events("Protesters rallied in Yangon on Monday, days after a strike that was "
                     "planned for weeks.")
    assert event.status == "reported"


def test_a_modal_in_another_clause_leaves_the_trigger_told() -> None:
    """A modal or a plan of a relative or an earlier clause qualifies its own verb (read on
    the parse), not a trigger after another clause opens ("as troops shelled")."""
    from sitrep.events.status import is_hypothetical, status_of
    text = "Residents who feared the army would return fled as troops shelled the village."
    at = text.index("shelled")
    assert not is_hypothetical(text, at)
    assert status_of(text, "", None, at) == "reported"
    farmers = "Farmers who say the new law could ruin them protested outside the council."
    assert not is_hypothetical(farmers, farmers.index("protested"))
    # a possibility noun just before the trigger still makes it hypothetical
    risk = "Monitors warned of the risk of renewed clashes near the dam."
    assert is_hypothetical(risk, risk.index("clashes"))
    # a plan in the trigger's own clause still counts
    plan = "The group said it would launch air strikes on the ridge."
    assert status_of(plan, "", None, plan.index("air strikes")) == "planned"


def test_shelling_told_after_a_feared_return_is_an_event() -> None:
    found = [e for e in events("Residents of Orvel who feared the army would return fled as "
                               "troops shelled the village of Orvel on Monday.")
             if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert found and found[0].status == "reported"


def test_a_claim_rejected_or_called_false_is_denied() -> None:
    from sitrep.events.status import status_of
    for text in ("The army rejected accusations that its troops had shelled the village.",
                 "The militia dismissed allegations that it had abducted the aid workers.",
                 "Officials said the reports that soldiers had burned houses were false."):
        assert status_of(text, "", None) == "denied", text


def test_an_attack_with_toxic_chemicals_is_a_chemical_weapon() -> None:
    found = events("Dozens of people suffered breathing difficulties after an attack with "
                   "toxic chemicals on the village of Orvel on Monday.")
    assert [e.sub_event_type for e in found] == ["Chemical weapon"]


def test_a_negation_of_another_clause_does_not_negate_the_trigger() -> None:
    from sitrep.events.status import is_negated
    warning = "There was no warning before the air strike hit the market."
    assert not is_negated(warning, warning.index("air strike"))
    names = "The militants, who did not give names, abducted two aid workers."
    assert not is_negated(names, names.index("abducted"))
    assert is_negated("The rebels did not capture the town.", 20)
    assert is_negated("There were no clashes or air strikes in the town.",
                      len("There were no clashes or "))


def test_a_threat_in_an_aside_does_not_qualify_the_trigger() -> None:
    from sitrep.events.status import status_of
    aside = "The militia, which had threatened the town for weeks, attacked it on Monday."
    assert status_of(aside, "", None, aside.index("attacked")) == "reported"
    plain = "The militia threatened to attack the town on Monday."
    assert status_of(plain, "", None, plain.index("attack ")) == "threatened"


def test_a_planned_event_does_not_outrank_one_told_as_fact() -> None:
    found = [(e.sub_event_type, e.status) for e in events(
        "Police arrested opposition leader Dabo in the town of Orvel on Monday, a day after he "
        "had called for protests.")]
    assert ("Arrests", "reported") in found
