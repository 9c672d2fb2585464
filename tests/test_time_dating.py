"""Which expression dates an event (``sitrep.events.dating``), on dispatches written here.

The publication day in these tests is Friday 2025-09-12 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

from sitrep import extract_text
from sitrep.events.dating import _opens
from sitrep.model import Event, Extraction, Sentence
from sitrep.time import find_in_string


def run(body: str, published: str | None = "2025-09-12") -> Extraction:
    return extract_text(f" date {published} {body}" if published else body)


def dates_at(extraction: Extraction, place: str) -> set[tuple[str | None, str | None]]:
    """Every (start, end) the extraction gives events at ``place``."""
    return {_iso(e) for e in extraction.events if e.location and e.location.name == place}


def _iso(event: Event) -> tuple[str | None, str | None]:
    when = event.date
    if when is None:
        return (None, None)
    return (str(when.start) if when.start else None, str(when.end) if when.end else None)


def test_a_date_opening_the_sentence_dates_all_of_it() -> None:
    x = run("In March and April 2021, monitors recorded many clashes between the junta and "
            "the KNLA across the district, with heavy fighting reported in the villages "
            "around Bilin town.", published=None)
    assert dates_at(x, "Bilin") == {("2021-03-01", "2021-04-30")}


def test_later_that_day_takes_the_last_narrated_date() -> None:
    x = run("Junta troops shelled Hsipaw town on Tuesday, residents said. "
            "“We ran to the forest yesterday,” one woman said. "
            "Later that day, troops clashed with the TNLA near Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-09", "2025-09-09")}


def test_a_day_after_an_event_told_before_is_the_day_before_it() -> None:
    x = run("Junta troops clashed with the TNLA in Hsipaw town on Sunday. "
            "Residents said it came a day after junta aircraft bombed Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-06", "2025-09-06")}


def test_a_day_after_that_is_the_next_day() -> None:
    x = run("Junta troops clashed with the TNLA in Hsipaw town on Sunday. "
            "A day after that, junta aircraft bombed Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-08", "2025-09-08")}


def test_past_verb_in_a_relative_clause_is_undated_background() -> None:
    x = run("Hundreds of soldiers are now based in Lashio town, including many who "
            "retreated from Hsipaw town.")
    assert dates_at(x, "Hsipaw") == {(None, None)}
    assert all(e.background for e in x.events if e.location and e.location.name == "Hsipaw")


def test_quoted_today_counts_from_the_day_of_speaking() -> None:
    x = run("“We captured Mabein town today,” the KIA spokesman told reporters on Wednesday.")
    assert dates_at(x, "Mabein") == {("2025-09-10", "2025-09-10")}


def test_perfect_report_by_a_campaign_side_takes_the_campaign_period() -> None:
    x = run("The TNLA has been attacking junta positions in northern Shan State since "
            "Tuesday. The TNLA has also captured Kutkai town.")
    assert dates_at(x, "Kutkai") == {("2025-09-09", "2025-09-12")}


def test_perfect_report_by_another_side_is_the_week_before_publication() -> None:
    x = run("The TNLA has been attacking junta positions in northern Shan State since "
            "Tuesday. Elsewhere, the KIA has also captured Mabein town.")
    assert dates_at(x, "Mabein") == {("2025-09-06", "2025-09-12")}


def test_ongoing_clashes_told_on_a_day_of_speaking_are_the_week_before_publication() -> None:
    x = run("Junta troops recaptured Hsipaw town in early August. Junta troops have been "
            "advancing along the road since recapturing Hsipaw, locals said. Meanwhile, "
            "clashes between the junta and the TNLA are continuing near Kyaukme town, a TNLA "
            "spokesman told reporters on Wednesday.")
    assert dates_at(x, "Kyaukme") == {("2025-09-06", "2025-09-12")}


def test_since_capturing_a_place_runs_from_that_capture_to_publication() -> None:
    x = run("Junta troops recaptured Hsipaw town in early August. Junta troops have been "
            "clashing with the TNLA near Kyaukme town since recapturing Hsipaw.")
    assert dates_at(x, "Kyaukme") == {("2025-08-01", "2025-09-12")}


def test_fighting_with_no_side_named_is_this_week() -> None:
    x = run("The junta has launched an offensive against the TNLA since Tuesday. "
            "Fighting is taking place near Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-06", "2025-09-12")}


def test_first_undated_event_takes_the_last_news_date_told() -> None:
    x = run("Residents returned to Hsipaw town on Tuesday after leaving it in 2023. "
            "Junta troops shelled Kyaukme town, killing two civilians.")
    assert dates_at(x, "Kyaukme") == {("2025-09-09", "2025-09-09")}


def test_an_opening_date_beats_an_unplaced_one_near_the_trigger() -> None:
    x = run("In May 2021, monitors recorded many clashes between the junta and the KNLA "
            "across the district, with the heaviest fighting of recent weeks reported in "
            "villages around Bilin town.", published=None)
    assert dates_at(x, "Bilin") == {("2021-05-01", "2021-05-31")}


def test_a_length_of_fighting_ends_on_publication() -> None:
    x = run("The TNLA attacked Hsipaw town for three days and it is the second town they "
            "captured.")
    assert dates_at(x, "Hsipaw") == {("2025-09-10", "2025-09-12")}


def test_after_two_months_of_an_operation_runs_up_to_publication() -> None:
    x = run("After two months of the offensive, the TNLA has captured Kutkai town.")
    assert dates_at(x, "Kutkai") == {("2025-07-12", "2025-09-12")}


def test_a_sentence_with_a_campaign_date_dates_its_after_clause_too() -> None:
    x = run("The junta has launched an offensive on Kyaukme town since Tuesday, after it "
            "recaptured Hsipaw town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-09", "2025-09-12")}


def test_flight_without_a_cause_belongs_to_the_campaign() -> None:
    x = run("The junta has launched an offensive against the TNLA in Kyaukme town since "
            "Tuesday. Thousands of people from Hsipaw town were displaced.")
    assert dates_at(x, "Hsipaw") == {("2025-09-09", "2025-09-12")}


def test_clashes_that_have_erupted_are_the_week_before_publication() -> None:
    x = run("Clashes have also erupted between the KIA and the junta near Bhamo town.")
    assert dates_at(x, "Bhamo") == {("2025-09-06", "2025-09-12")}


def test_a_present_report_after_she_said_is_the_week_before_publication() -> None:
    x = run("Junta troops recaptured Hsipaw town in early August. Junta troops have been "
            "advancing since recapturing Hsipaw. Clashes between the junta and the TNLA are "
            "continuing near Kyaukme town, a TNLA spokesman told reporters on Wednesday. "
            "TNLA offices still run in Mogoke town despite ongoing junta airstrikes, he said.")
    assert dates_at(x, "Mogoke") == {("2025-09-06", "2025-09-12")}


def test_a_quoted_weekday_is_not_moved_by_the_day_of_speaking() -> None:
    x = run("“We captured Mabein town on Tuesday,” the KIA spokesman told reporters on "
            "Thursday.")
    assert dates_at(x, "Mabein") == {("2025-09-09", "2025-09-09")}


def test_clashes_that_have_continued_are_current() -> None:
    x = run("Clashes have continued between the KIA and the junta near Bhamo town.")
    assert dates_at(x, "Bhamo") == {("2025-09-06", "2025-09-12")}


def test_after_a_noun_is_no_earlier_clause() -> None:
    x = run("The TNLA captured Kutkai town on Monday, after heavy fighting near the town.")
    assert ("2025-09-08", "2025-09-08") in dates_at(x, "Kutkai")


def test_an_undated_text_gets_no_invented_dates() -> None:
    x = run("The junta has launched an offensive against the TNLA since Tuesday. Later that "
            "day, junta troops shelled Hsipaw town. Clashes have also erupted near Kyaukme "
            "town, and the TNLA attacked Kutkai town for four days.", published=None)
    assert x.events
    assert all(e.date is None or (e.date.start, e.date.end) == (None, None) for e in x.events)


def test_weeks_since_a_launch_go_back_whole_weeks() -> None:
    x = run("In two weeks since the launch of its offensive, the AA has seized Paletwa town.")
    assert dates_at(x, "Paletwa") == {("2025-08-29", "2025-09-12")}


def test_a_past_seizure_since_a_date_opens_no_campaign() -> None:
    x = run("The TNLA seized most of northern Shan State since October 2023. The TNLA has "
            "also captured Kutkai town.")
    assert dates_at(x, "Kutkai") == {("2025-09-06", "2025-09-12")}


def test_what_a_dated_agreement_promises_comes_after_it() -> None:
    x = run("The MNDAA reached a ceasefire deal with the junta in March and agreed to hand "
            "back Lashio town.")
    assert ("2025-03-01", "2025-09-12") in dates_at(x, "Lashio")


def test_what_a_dated_event_led_to_runs_from_it_to_publication() -> None:
    x = run("The junta flew 60 soldiers into Bhamo town on Monday, which led to fierce "
            "clashes with the KIA in Bhamo town.")
    assert ("2025-09-08", "2025-09-12") in dates_at(x, "Bhamo")


def test_a_town_retaken_after_a_dated_capture_was_retaken_since() -> None:
    x = run("The KIA briefly occupied Mabein town in March, but the town was retaken by the "
            "junta.")
    assert dates_at(x, "Mabein") == {("2025-03-01", "2025-03-31"), ("2025-03-01", "2025-09-12")}


def test_later_after_a_month_is_any_time_after_it() -> None:
    x = run("The KIA captured Namtu town in March and the junta later bombed Kutkai town.")
    assert dates_at(x, "Kutkai") == {("2025-03-01", "2025-09-12")}


def test_then_after_a_day_tells_that_day() -> None:
    x = run("The KIA captured Namtu town on Monday and the junta then bombed Kutkai town.")
    assert dates_at(x, "Kutkai") == {("2025-09-08", "2025-09-08")}


def test_agreeing_to_an_agreement_dates_the_agreement_itself() -> None:
    x = run("In March, the MNDAA agreed to a ceasefire with the junta in Lashio town.")
    assert dates_at(x, "Lashio") == {("2025-03-01", "2025-03-31")}

def test_later_after_a_length_is_not_any_time_after() -> None:
    x = run("The TNLA seized Namtu town on Monday and two days later junta troops shelled "
            "Kutkai town.")
    assert ("2025-09-08", "2025-09-12") not in dates_at(x, "Kutkai")


def test_flight_after_a_dated_attack_lasts_until_publication() -> None:
    x = run("Junta aircraft bombed Hsipaw town on Tuesday, residents said. Many residents of "
            "Hsipaw town fled.")
    assert ("2025-09-09", "2025-09-12") in dates_at(x, "Hsipaw")


def test_those_who_fled_before_and_fled_again_are_news() -> None:
    x = run("Junta aircraft bombed Lashio town on Tuesday, residents said. Some of those who "
            "fled the war and returned to Lashio fled again.")
    assert ("2025-09-09", "2025-09-12") in dates_at(x, "Lashio")


def test_a_town_held_since_its_capture_was_captured_in_that_period() -> None:
    x = run("The town of Namhsan, seized by the TNLA since last year, is now under threat.")
    assert dates_at(x, "Namhsan") == {("2024-01-01", "2024-12-31")}


def test_an_active_seizure_since_a_date_spans_the_time_since() -> None:
    x = run("The TNLA seized most of the state, including Namhsan town, since March 2024.")
    assert dates_at(x, "Namhsan") == {("2024-03-01", "2025-09-12")}


def test_subsequently_after_a_day_tells_that_day() -> None:
    x = run("The KIA captured Namtu town on Monday and the junta subsequently bombed Kutkai "
            "town.")
    assert dates_at(x, "Kutkai") == {("2025-09-08", "2025-09-08")}


# --- GOLD.md's convention for reports that give no day of their own ---------------


def test_now_is_the_week_before_publication() -> None:
    x = run("The KIA is now attacking junta positions in Bhamo town.")
    assert dates_at(x, "Bhamo") == {("2025-09-06", "2025-09-12")}


def test_a_perfect_capture_is_the_week_before_publication() -> None:
    x = run("The AA has seized Paletwa town.")
    assert dates_at(x, "Paletwa") == {("2025-09-06", "2025-09-12")}


def test_recently_opening_the_sentence_is_the_week_before_publication() -> None:
    x = run("Recently, junta troops clashed with the KIA near Bhamo town.")
    assert dates_at(x, "Bhamo") == {("2025-09-06", "2025-09-12")}


def test_recently_in_another_clause_leaves_the_event_its_own_day() -> None:
    x = run("Junta aircraft, which residents said had recently been moved to the region, "
            "bombed Hpakant town on Monday.")
    assert dates_at(x, "Hpakant") == {("2025-09-08", "2025-09-08")}


def test_last_week_is_the_monday_to_sunday_before() -> None:
    x = run("Junta troops shelled Kutkai town last week.")
    assert dates_at(x, "Kutkai") == {("2025-09-01", "2025-09-07")}


def test_in_recent_weeks_is_the_thirty_days_before_publication() -> None:
    x = run("Junta aircraft have bombed Hpakant town repeatedly in recent weeks.")
    assert dates_at(x, "Hpakant") == {("2025-08-14", "2025-09-12")}


def test_this_month_runs_from_its_first_day_to_publication() -> None:
    x = run("Junta troops clashed with the KIA near Bhamo town this month.")
    assert dates_at(x, "Bhamo") == {("2025-09-01", "2025-09-12")}


def test_yesterdays_fighting_is_one_day() -> None:
    x = run("Yesterday's fighting between the KIA and junta troops in Bhamo town killed "
            "four soldiers.")
    assert dates_at(x, "Bhamo") == {("2025-09-11", "2025-09-11")}


def test_a_previously_captured_town_has_no_date_and_is_background() -> None:
    x = run("Junta troops shelled Kutkai town on Monday. The TNLA previously captured "
            "Namtu town.")
    assert dates_at(x, "Namtu") == {(None, None)}
    assert all(e.background for e in x.events if e.location and e.location.name == "Namtu")
    assert dates_at(x, "Kutkai") == {("2025-09-08", "2025-09-08")}


def test_the_recapture_of_a_town_has_no_date() -> None:
    x = run("The junta recapture of Bhamo town has strengthened its hand.")
    assert dates_at(x, "Bhamo") == {(None, None)}


def test_no_event_is_dated_after_publication() -> None:
    x = run("The TNLA will attack junta positions in Hsipaw town next week, a spokesman said.")
    assert dates_at(x, "Hsipaw") == {("2025-09-12", "2025-09-12")}


def test_n_days_of_fighting_end_on_publication_at_week_precision() -> None:
    x = run("After 20 days of fighting, the AA has captured Paletwa town.")
    events = [e for e in x.events if e.location and e.location.name == "Paletwa"]
    assert {_iso(e) for e in events} == {("2025-08-24", "2025-09-12")}
    assert {e.date.precision for e in events if e.date} == {2}


def test_the_next_morning_is_the_day_after_the_last_told_date() -> None:
    x = run("Junta troops shelled Hsipaw town on Tuesday. The next morning, junta aircraft "
            "bombed Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-10", "2025-09-10")}


def test_the_previous_day_is_the_day_before_the_last_told_date() -> None:
    x = run("Junta troops shelled Hsipaw town on Tuesday. The previous day, junta aircraft "
            "had bombed Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-08", "2025-09-08")}


def test_attacks_told_as_still_going_on_are_current() -> None:
    x = run("Shelling by junta troops in Bhamo town is continuing.")
    assert dates_at(x, "Bhamo") == {("2025-09-06", "2025-09-12")}


def test_a_day_without_a_year_after_publication_is_last_years() -> None:
    x = run("Junta aircraft bombed Hpakant town on October 7, killing three people.")
    assert dates_at(x, "Hpakant") == {("2024-10-07", "2024-10-07")}


def test_a_plan_on_a_later_day_is_dated_to_publication() -> None:
    x = run("The KIA will attack junta positions in Bhamo town on October 7, a spokesman "
            "said.")
    assert dates_at(x, "Bhamo") == {("2025-09-12", "2025-09-12")}


def test_a_date_after_similarly_still_opens_the_sentence() -> None:
    x = run("Junta aircraft bombed Hsipaw town on Tuesday. "
            "Similarly, on July 26, 2019, at a hotel on the edge of the town and along the "
            "main road to the market, junta aircraft bombed Kyaukme town, killing four.")
    assert dates_at(x, "Kyaukme") == {("2019-07-26", "2019-07-26")}


def test_a_date_after_meanwhile_without_a_comma_opens_the_sentence() -> None:
    x = run("Junta troops shelled Hsipaw town on Tuesday. "
            "Meanwhile on Monday, after several hours of heavy fighting along the highway "
            "and in the hills to the north, the TNLA attacked a junta base in Kyaukme town.")
    assert dates_at(x, "Kyaukme") == {("2025-09-08", "2025-09-08")}


def test_a_subject_before_a_date_is_no_connective() -> None:
    for text, opens in (("Troops, on Monday, attacked the base.", False),
                        ("Similarly, on Monday, troops attacked the base.", True),
                        ("In addition, on Monday, troops attacked the base.", True)):
        when = find_in_string(text, date(2025, 9, 12))[0]
        assert _opens(Sentence(0, 0, len(text), text), when) is opens, text


def test_a_date_closing_the_clause_dates_its_trigger_beyond_the_reach() -> None:
    x = run("Clashes were reported between Myanmar’s junta and the Ta’ang National Liberation "
            "Army (TNLA) in Kyaukme Township, northern Shan State, on Monday with at least "
            "three regime deaths.")
    assert dates_at(x, "Kyaukme") == {("2025-09-08", "2025-09-08")}


def test_a_far_date_in_another_clause_does_not_date_the_trigger() -> None:
    x = run("The TNLA says it has seized complete control of Kyaukme town in northern Shan "
            "State and the roads around it following the resumption of its operation in "
            "late June.")
    assert ("2025-06-21", "2025-06-30") not in dates_at(x, "Kyaukme")


def test_a_when_clause_dates_the_casualties_it_explains() -> None:
    x = run("Troops shelled Hsipaw on Monday. Local officials said two people were killed "
            "and nine injured when a military guided bomb struck a residential building in "
            "Lashio on Wednesday evening.")
    assert dates_at(x, "Lashio") == {("2025-09-10", "2025-09-10")}
