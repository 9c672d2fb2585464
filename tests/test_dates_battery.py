"""A battery of date phrasings, built from GOLD.md's date convention, not from articles.

Every row is a dispatch written here (wars outside Myanmar and invented wording on
purpose), published on Friday 2025-09-12 unless it says otherwise, with the dates the
convention ("Dates of reports that give no day of their own" in ../shared/GOLD.md)
gives every event at one place. The rows vary what news varies: the phrase form, the
tense, the date before or after the verb, in a subordinate clause, in the sentence
before, in the headline or dateline. ``tests/test_time_convention.py`` holds one row
per line of the table; this file the many ways of writing each line.

Calendar of the publication week: Monday 09-08 ... Friday 09-12; the week before runs
Monday 09-01 .. Sunday 09-07; "now" is 09-06 .. 09-12.
"""

from __future__ import annotations

import pytest

from sitrep import extract_text

FRI = "2025-09-12"
NOW = ("2025-09-06", "2025-09-12", 2)
#: one dated event: (start, end, precision); precision None is not checked
When = tuple[str | None, str | None, int | None]
#: (name, publication, body, place, the dates of every event there); "Bara|Shelling" keeps
#: the events at Bara of that sub-event type only (another verb's may take the place too)
Row = tuple[str, str | None, str, str, list[When]]


def _day(iso: str) -> When:
    return (iso, iso, 1)


UNDATED: When = (None, None, None)

ROWS: list[Row] = [
    # --- explicit days, written every way news writes them --------------------------
    ("abbreviated month", FRI, "Sudanese army aircraft bombed Nyala on Sept. 5, killing "
     "three people.", "Nyala", [_day("2025-09-05")]),
    ("day before month", FRI, "Sudanese army aircraft bombed Nyala on 5 September, killing "
     "three people.", "Nyala", [_day("2025-09-05")]),
    ("the 5th of", FRI, "Sudanese army aircraft bombed Nyala on the 5th of September, "
     "killing three people.", "Nyala", [_day("2025-09-05")]),
    ("ordinal suffix", FRI, "Sudanese army aircraft bombed Nyala on September 5th, killing "
     "three people.", "Nyala", [_day("2025-09-05")]),
    ("date opening the sentence", FRI, "On September 5, Sudanese army aircraft bombed Nyala, "
     "killing three people.", "Nyala", [_day("2025-09-05")]),
    ("weekday and date", FRI, "Sudanese army aircraft bombed Nyala on Friday, September 5, "
     "killing three people.", "Nyala", [_day("2025-09-05")]),
    ("date with its year opening", FRI, "On 5 September 2025, Sudanese army aircraft bombed "
     "Nyala, killing three people.", "Nyala", [_day("2025-09-05")]),
    ("date far after the verb", FRI, "Sudanese army aircraft bombed a crowded market and a "
     "school in the South Darfur state capital of Nyala early on September 5, killing "
     "three people.", "Nyala", [_day("2025-09-05")]),
    ("date in a when-clause after the main clause", FRI, "Three people were killed when "
     "Sudanese army aircraft bombed Nyala on September 5.", "Nyala", [_day("2025-09-05")]),
    ("date in a when-clause before the main clause", FRI, "When Sudanese army aircraft bombed "
     "Nyala on September 5, three people were killed.", "Nyala", [_day("2025-09-05")]),
    ("passive with the date last", FRI, "Nyala was bombed by Sudanese army aircraft on "
     "September 5.", "Nyala", [_day("2025-09-05")]),
    ("ISO date", FRI, "Sudanese army aircraft bombed Nyala on 2025-09-05, killing three "
     "people.", "Nyala", [_day("2025-09-05")]),
    ("a date after a participle clause", FRI, "Ten civilians were killed by artillery in "
     "Laukkai, located in the Kokang Self-Administered Zone of northern Shan State, on "
     "September 2.", "Laukkai", [_day("2025-09-02")]),
    ("as of a day is a present report", FRI, "Clashes between junta troops and the TNLA "
     "continue in Kyaukme Township, far from the old railway bridge and the river, as of "
     "Thursday, according to locals.", "Kyaukme", [NOW]),
    # --- weekdays and their parts --------------------------------------------------
    ("weekday night", FRI, "Russian drones struck Kharkiv on Wednesday night, killing two "
     "people.", "Kharkiv", [_day("2025-09-10")]),
    ("late on a weekday", FRI, "Russian drones struck Kharkiv late on Wednesday, killing two "
     "people.", "Kharkiv", [_day("2025-09-10")]),
    ("early on a weekday", FRI, "Russian drones struck Kharkiv early on Wednesday, killing two "
     "people.", "Kharkiv", [_day("2025-09-10")]),
    ("early hours of a weekday", FRI, "Russian drones struck Kharkiv in the early hours of "
     "Wednesday, killing two people.", "Kharkiv", [_day("2025-09-10")]),
    ("weekday possessive", FRI, "Wednesday's Russian drone strike on Kharkiv killed two "
     "people.", "Kharkiv", [_day("2025-09-10")]),
    ("weekday opening", FRI, "On Wednesday, Russian drones struck Kharkiv, killing two "
     "people.", "Kharkiv", [_day("2025-09-10")]),
    ("Saturday before a Friday", FRI, "Russian drones struck Kharkiv on Saturday, killing two "
     "people.", "Kharkiv", [_day("2025-09-06")]),
    ("weekday morning opening", FRI, "Early Wednesday morning, Russian drones struck "
     "Kharkiv, killing two people.", "Kharkiv", [_day("2025-09-10")]),
    ("after midnight on a weekday", FRI, "Russian drones struck Kharkiv shortly after "
     "midnight on Wednesday, killing two people.", "Kharkiv", [_day("2025-09-10")]),
    ("over the weekend", FRI, "Russian drones struck Kharkiv over the weekend, killing two "
     "people.", "Kharkiv", [("2025-09-06", "2025-09-07", 2)]),
    ("weekday last week", FRI, "Russian drones struck Kharkiv on Wednesday last week, killing "
     "two people.", "Kharkiv", [_day("2025-09-03")]),
    ("two weekdays: one event a day", FRI, "Russian drones struck Kharkiv on Wednesday and "
     "Thursday, killing two people.", "Kharkiv",
     [_day("2025-09-10"), _day("2025-09-11")]),
    ("weekday without on after the object", FRI, "Russian drones struck Kharkiv, killing "
     "two people Thursday.", "Kharkiv", [_day("2025-09-11")]),
    ("said and a weekday without on", FRI, "Russian drones struck Kharkiv, killing two "
     "people, officials said Thursday.", "Kharkiv", [_day("2025-09-11")]),
    ("weekday possessive with a curly apostrophe", FRI, "Wednesday’s Russian drone strike "
     "on Kharkiv killed two people.", "Kharkiv", [_day("2025-09-10")]),
    ("a weekday as an adjective", FRI, "A Wednesday drone strike by Russian forces on "
     "Kharkiv killed two people.", "Kharkiv", [_day("2025-09-10")]),
    ("in a weekday attack", FRI, "Two people were killed in a Russian drone strike on "
     "Kharkiv on Wednesday.", "Kharkiv", [_day("2025-09-10")]),
    ("late weekday without on", FRI, "Russian drones struck Kharkiv late Wednesday, killing "
     "two people.", "Kharkiv", [_day("2025-09-10")]),
    ("later on a weekday", FRI, "Later on Wednesday, Russian drones struck Kharkiv, killing "
     "two people.", "Kharkiv", [_day("2025-09-10")]),
    ("earlier on a weekday", FRI, "Earlier on Wednesday, Russian drones struck Kharkiv, "
     "killing two people.", "Kharkiv", [_day("2025-09-10")]),
    ("weekday in apposition", FRI, "The Russian drone strike on Kharkiv, on Wednesday, "
     "killed two people.", "Kharkiv", [_day("2025-09-10")]),
    ("weekday with its date first", FRI, "On Sunday, September 7, Russian drones struck "
     "Kharkiv, killing two people.", "Kharkiv", [_day("2025-09-07")]),
    ("this past weekend", FRI, "Russian drones struck Kharkiv this past weekend, killing "
     "two people.", "Kharkiv", [("2025-09-06", "2025-09-07", 2)]),
    ("this past weekday", FRI, "Russian drones struck Kharkiv this past Sunday, killing "
     "two people.", "Kharkiv", [_day("2025-09-07")]),
    ("weekday evening local time", FRI, "Russian drones struck Kharkiv on Sunday evening "
     "local time, killing two people.", "Kharkiv", [_day("2025-09-07")]),
    ("a weekday alone", FRI, "Russian drones struck Kharkiv on Tuesday alone, killing two "
     "people.", "Kharkiv", [_day("2025-09-09")]),
    ("two weeks ago", FRI, "Russian drones struck Kharkiv two weeks ago, killing two "
     "people.", "Kharkiv", [("2025-08-26", "2025-09-01", None)]),
    ("a day earlier", FRI, "The RSF shelled Bara on Monday. A day earlier, RSF drones "
     "struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-07")]),
    ("since the beginning of the year", FRI, "The RSF has shelled El Fasher since the "
     "beginning of the year.", "El Fasher", [("2025-01-01", "2025-09-12", 3)]),
    ("since a month and year", FRI, "The RSF has besieged El Fasher since October 2023.",
     "El Fasher", [("2023-10-01", "2025-09-12", 3)]),
    ("since a day of a month", FRI, "Fighting between the army and the RSF has raged in El "
     "Fasher since September 1.", "El Fasher", [("2025-09-01", "2025-09-12", None)]),
    ("for the past two weeks", FRI, "Fighting between the army and the RSF has raged in El "
     "Fasher for the past two weeks.", "El Fasher", [("2025-08-30", "2025-09-12", None)]),
    ("in the past week", FRI, "Russian aircraft have bombed Kharkiv several times in the "
     "past week.", "Kharkiv", [NOW]),
    ("over the past 24 hours", FRI, "Russian aircraft bombed Kharkiv over the past 24 "
     "hours, killing two people.", "Kharkiv", [("2025-09-11", "2025-09-12", None)]),
    ("month day abbreviated without period", FRI, "Sudanese army aircraft bombed Nyala on "
     "Sep 5, killing three people.", "Nyala", [_day("2025-09-05")]),
    ("day ordinal before month", FRI, "Sudanese army aircraft bombed Nyala on 5th September, "
     "killing three people.", "Nyala", [_day("2025-09-05")]),
    ("a date in parentheses", FRI, "Sudanese army aircraft bombed Nyala on Friday (September "
     "5), killing three people.", "Nyala", [_day("2025-09-05")]),
    ("clock time before the date", FRI, "At around 3 pm on September 5, junta aircraft "
     "bombed Kyaukme town, killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("the morning of a date", FRI, "On the morning of September 5, junta aircraft bombed "
     "Kyaukme town, killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("the afternoon of a day-month date", FRI, "Junta aircraft bombed Kyaukme town on the "
     "afternoon of 5 September, killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("date then clock time", FRI, "Junta aircraft bombed Kyaukme town on September 5 at "
     "about 10 am, killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("day-month with ordinal and year", FRI, "Junta aircraft bombed Kyaukme town on 5th "
     "September 2025, killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("two days of a month: one event a day", FRI, "Junta aircraft bombed Kyaukme town on "
     "September 4 and 5, killing three civilians.", "Kyaukme",
     [_day("2025-09-04"), _day("2025-09-05")]),
    ("a weekday and its date in parentheses", FRI, "Junta aircraft bombed Kyaukme town on "
     "Friday (September 5), killing three civilians.", "Kyaukme", [_day("2025-09-05")]),
    ("a weekday with a day-month date in parentheses", FRI, "Junta aircraft bombed Kyaukme "
     "town on Sunday (7 September), killing three civilians.", "Kyaukme",
     [_day("2025-09-07")]),
    ("according to locals after the date", FRI, "Junta troops shelled Hsipaw town on "
     "September 3, according to locals.", "Hsipaw", [_day("2025-09-03")]),
    ("locals said the date", FRI, "Locals said junta troops shelled Hsipaw town on "
     "September 3.", "Hsipaw", [_day("2025-09-03")]),
    ("from day to day month", FRI, "Clashes between junta troops and the TNLA took place "
     "near Hsipaw town from 5 to 8 September.", "Hsipaw", [("2025-09-05", "2025-09-08", 2)]),
    ("early this month", FRI, "Junta troops shelled Hsipaw town early this month.",
     "Hsipaw", [("2025-09-01", "2025-09-10", 3)]),
    ("since early this month", FRI, "Junta troops have shelled Hsipaw town since early this "
     "month.", "Hsipaw", [("2025-09-01", "2025-09-12", 3)]),
    ("the previous week", FRI, "Junta troops shelled Hsipaw town the previous week.",
     "Hsipaw", [("2025-09-01", "2025-09-07", 2)]),
    # --- nights ----------------------------------------------------------------------
    ("the night of a date", FRI, "Russian drones struck Kharkiv on the night of September 3, "
     "killing two people.", "Kharkiv", [_day("2025-09-03")]),
    ("overnight is last night", FRI, "Russian drones struck Kharkiv overnight, killing two "
     "people, officials said.", "Kharkiv", [_day("2025-09-11")]),
    ("overnight on a weekday", FRI, "Russian drones struck Kharkiv overnight on Tuesday, "
     "killing two people.", "Kharkiv", [_day("2025-09-09")]),
    ("last night opening", FRI, "Last night, Russian drones struck Kharkiv, killing two "
     "people.", "Kharkiv", [_day("2025-09-11")]),
    # --- day words -------------------------------------------------------------------
    ("the day before yesterday", FRI, "Russian drones struck Kharkiv the day before "
     "yesterday, killing two people.", "Kharkiv", [_day("2025-09-10")]),
    ("two days ago", FRI, "Russian drones struck Kharkiv two days ago, killing two people.",
     "Kharkiv", [_day("2025-09-10")]),
    ("yesterday opening", FRI, "Yesterday, Russian drones struck Kharkiv, killing two people.",
     "Kharkiv", [_day("2025-09-11")]),
    ("yesterday before the verb", FRI, "Russian drones yesterday struck Kharkiv, killing two "
     "people.", "Kharkiv", [_day("2025-09-11")]),
    ("earlier today", FRI, "Russian drones struck Kharkiv earlier today, killing two people.",
     "Kharkiv", [_day("2025-09-12")]),
    # --- months, parts of months, years -----------------------------------------------
    ("month opening", FRI, "In August, Sudanese army aircraft bombed Nyala, killing three "
     "people.", "Nyala", [("2025-08-01", "2025-08-31", 3)]),
    ("early month", FRI, "Sudanese army aircraft bombed Nyala in early August.", "Nyala",
     [("2025-08-01", "2025-08-10", 3)]),
    ("beginning of a month", FRI, "Sudanese army aircraft bombed Nyala at the beginning of "
     "August.", "Nyala", [("2025-08-01", "2025-08-10", 3)]),
    ("end of a month", FRI, "Sudanese army aircraft bombed Nyala at the end of August.",
     "Nyala", [("2025-08-21", "2025-08-31", 3)]),
    ("mid month without a hyphen", FRI, "Sudanese army aircraft bombed Nyala in mid July.",
     "Nyala", [("2025-07-11", "2025-07-20", 3)]),
    ("middle of a month", FRI, "Sudanese army aircraft bombed Nyala in the middle of July.",
     "Nyala", [("2025-07-11", "2025-07-20", 3)]),
    ("late month opening", FRI, "In late April, Sudanese army aircraft bombed Nyala.",
     "Nyala", [("2025-04-21", "2025-04-30", 3)]),
    ("a month last year", FRI, "Sudanese army aircraft bombed Nyala in July last year.",
     "Nyala", [("2024-07-01", "2024-07-31", 3)]),
    ("last month", FRI, "Sudanese army aircraft bombed Nyala last month.", "Nyala",
     [("2025-08-01", "2025-08-31", 3)]),
    ("late last month", FRI, "Sudanese army aircraft bombed Nyala late last month.", "Nyala",
     [("2025-08-21", "2025-08-31", 3)]),
    ("earlier this month", FRI, "Sudanese army aircraft bombed Nyala earlier this month.",
     "Nyala", [("2025-09-01", "2025-09-12", 3)]),
    ("a month after publication's month is last year's", FRI, "Sudanese army aircraft "
     "bombed Nyala in December.", "Nyala", [("2024-12-01", "2024-12-31", 3)]),
    ("a year", FRI, "Sudanese army aircraft bombed Nyala in 2023.", "Nyala",
     [("2023-01-01", "2023-12-31", 3)]),
    ("late in a year", FRI, "Sudanese army aircraft bombed Nyala in late 2024.", "Nyala",
     [("2024-09-01", "2024-12-31", 3)]),
    ("a day last year with its year", FRI, "The RSF captured Bara on July 24, 2024.",
     "Bara", [_day("2024-07-24")]),
    # --- weeks and ranges -------------------------------------------------------------
    ("first week of a month", FRI, "Sudanese army aircraft bombed Nyala in the first week "
     "of August.", "Nyala", [("2025-08-01", "2025-08-07", 2)]),
    ("last week opening", FRI, "Last week, Russian aircraft bombed Kharkiv, killing two "
     "people.", "Kharkiv", [("2025-09-01", "2025-09-07", 2)]),
    ("between two days of a month", FRI, "Russian aircraft bombed Kharkiv between September "
     "1 and 3.", "Kharkiv", [("2025-09-01", "2025-09-03", 2)]),
    ("from day to day", FRI, "Russian aircraft bombed Kharkiv from September 1 to 3.",
     "Kharkiv", [("2025-09-01", "2025-09-03", 2)]),
    ("day range before the month", FRI, "Russian aircraft bombed Kharkiv between 1 and 3 "
     "September.", "Kharkiv", [("2025-09-01", "2025-09-03", 2)]),
    ("dashed day range", FRI, "Russian aircraft bombed Kharkiv on September 1-3.", "Kharkiv",
     [("2025-09-01", "2025-09-03", 2)]),
    ("between two weekdays", FRI, "Russian aircraft bombed Kharkiv between Monday and "
     "Wednesday.", "Kharkiv", [("2025-09-08", "2025-09-10", 2)]),
    ("between two months", FRI, "Sudanese army aircraft bombed Nyala between June and "
     "August.", "Nyala", [("2025-06-01", "2025-08-31", 3)]),
    # --- now: present, perfect, recent ------------------------------------------------
    ("present progressive with raging", FRI, "Fighting is raging between the army and the "
     "RSF in El Fasher.", "El Fasher", [NOW]),
    ("continues to", FRI, "Sudanese army artillery continues to shell Nyala.", "Nyala", [NOW]),
    ("passive perfect", FRI, "Heavy clashes between the army and the RSF have been reported "
     "in El Fasher.", "El Fasher", [NOW]),
    ("lately", FRI, "Lately, Russian aircraft have bombed Kharkiv almost daily.", "Kharkiv",
     [NOW]),
    ("in recent days opening", FRI, "In recent days, Russian aircraft have bombed Kharkiv.",
     "Kharkiv", [NOW]),
    ("over the past week", FRI, "Over the past week, Russian drones struck Kharkiv several "
     "times.", "Kharkiv", [NOW]),
    ("this week opening", FRI, "This week, Russian drones struck Kharkiv, killing two "
     "people.", "Kharkiv", [NOW]),
    ("still after a perfect", FRI, "Clashes between the army and the RSF are still going on "
     "in El Fasher, residents said.", "El Fasher", [NOW]),
    ("in recent weeks opening", FRI, "In recent weeks, Russian aircraft have bombed Kharkiv "
     "almost daily.", "Kharkiv", [("2025-08-14", "2025-09-12", 3)]),
    ("over the past month opening", FRI, "Over the past month, Russian aircraft have bombed "
     "Kharkiv almost daily.", "Kharkiv", [("2025-08-14", "2025-09-12", 3)]),
    # --- since and lengths ----------------------------------------------------------------
    ("since a month", FRI, "The RSF has besieged El Fasher since May.", "El Fasher",
     [("2025-05-01", "2025-09-12", 3)]),
    ("since a weekday", FRI, "The RSF has been shelling El Fasher since Monday.",
     "El Fasher", [("2025-09-08", "2025-09-12", 2)]),
    ("since the start of the month", FRI, "The RSF has shelled El Fasher since the start of "
     "the month.", "El Fasher", [("2025-09-01", "2025-09-12", 3)]),
    ("for N days present perfect", FRI, "Fighting between the army and the RSF has raged in "
     "El Fasher for three days.", "El Fasher", [("2025-09-10", "2025-09-12", 2)]),
    ("after N days of fighting in the past", FRI, "After five days of fighting, the RSF "
     "captured Bara.", "Bara", [("2025-09-08", "2025-09-12", 2)]),
    ("for a day", FRI, "The RSF has been shelling El Fasher for a day.", "El Fasher",
     [_day("2025-09-12")]),
    ("for a third straight day", FRI, "Fighting between the army and the RSF raged in El "
     "Fasher for a third straight day.", "El Fasher", [("2025-09-10", "2025-09-12", 2)]),
    ("for the second consecutive day", FRI, "Russian aircraft bombed Kharkiv for the second "
     "consecutive day, killing two people.", "Kharkiv", [("2025-09-11", "2025-09-12", 2)]),
    # --- sequence words: from the previous event's date --------------------------------
    ("the next day", FRI, "The RSF shelled Bara on Monday. The next day, RSF fighters "
     "shelled El Fasher, killing five people.", "El Fasher", [_day("2025-09-09")]),
    ("the following day without a comma", FRI, "The RSF shelled Bara on Monday. The "
     "following day RSF fighters shelled El Fasher, killing five people.", "El Fasher",
     [_day("2025-09-09")]),
    ("three days later", FRI, "On September 1, the RSF shelled Bara. Three days later, RSF "
     "fighters attacked El Fasher, killing five people.", "El Fasher", [_day("2025-09-04")]),
    ("on the same day", FRI, "The RSF shelled Bara on Monday. On the same day, RSF drones "
     "struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-08")]),
    ("the day before", FRI, "The RSF shelled Bara on Monday. The day before, RSF drones "
     "struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-07")]),
    ("the next day counts from the latest event", FRI, "The RSF shelled Bara on Monday. "
     "Army jets bombed Nyala on Wednesday. The next day, RSF drones struck El Fasher.",
     "El Fasher", [_day("2025-09-11")]),
    ("the next day in the same sentence", FRI, "The RSF shelled Bara on Monday and bombed "
     "El Fasher the next day, killing five people.", "El Fasher", [_day("2025-09-09")]),
    ("two days later in the same sentence", FRI, "The RSF shelled Bara on Monday, and two "
     "days later its fighters shelled El Fasher.", "El Fasher", [_day("2025-09-10")]),
    ("the next day skips a report's date", FRI, "The RSF shelled Bara on Monday, according "
     "to a report released on Tuesday. The next day, RSF fighters shelled El Fasher, "
     "killing five people.", "El Fasher", [_day("2025-09-09")]),
    ("the next day skips a relative clause's date", FRI, "The RSF shelled Bara on Monday, "
     "killing five people who had fled Nyala in August. The next day, RSF fighters "
     "shelled El Fasher.", "El Fasher", [_day("2025-09-09")]),
    ("an undated sentence continues the previous event", FRI, "The RSF shelled Bara on "
     "Monday, killing five people. RSF fighters also shelled El Fasher, residents said.",
     "El Fasher", [_day("2025-09-08")]),
    ("a sentence of only a time clause after a dated event", FRI, "The RSF shelled Bara on "
     "Monday. On Wednesday, RSF drones struck El Fasher, and on Thursday army jets bombed "
     "Nyala.", "Nyala", [_day("2025-09-11")]),
    ("two clauses two days: the first", FRI, "The RSF shelled Bara on "
     "Monday. On Wednesday, RSF drones struck El Fasher, and on Thursday army jets bombed "
     "Nyala.", "El Fasher", [_day("2025-09-10")]),
    ("a date told after the verb in the next sentence does not date back", FRI, "RSF drones "
     "struck El Fasher, killing five people. The army bombed Nyala on Thursday.",
     "El Fasher", [NOW]),
    ("wire style: overnight, said on the publication day", FRI, "Russian drones struck "
     "Kharkiv overnight, killing two people, the regional governor said on Friday.",
     "Kharkiv", [_day("2025-09-11")]),
    ("wire style: the event's weekday and the day said", FRI, "Gunmen killed 12 villagers in "
     "an attack on Sunday near Mopti in central Mali, local officials said Monday.",
     "Mopti", [_day("2025-09-07")]),
    ("wire style: came days after an earlier attack", FRI, "Gunmen killed 12 villagers in an "
     "attack on Sunday near Mopti in central Mali. The attack came two days after jihadists "
     "ambushed soldiers near Gao.", "Gao", [_day("2025-09-05")]),
    ("wire style: an undated lede", FRI, "A Russian missile strike on Odesa killed three "
     "people, the regional governor said.", "Odesa", [NOW]),
    ("wire style: the day in a later sentence of the same strike", FRI, "A Russian missile "
     "strike on Odesa killed three people, the regional governor said. The missiles hit a "
     "residential building in Odesa early on Thursday.", "Odesa", [_day("2025-09-11")]),
    ("wire style: according to a ministry on a day", FRI, "Israeli strikes killed 15 people "
     "in Rafah on Saturday, according to local health officials.", "Rafah",
     [_day("2025-09-06")]),
    ("hours later", FRI, "The RSF shelled Bara on Monday. Hours later, RSF drones struck "
     "El Fasher, killing five people.", "El Fasher", [_day("2025-09-08")]),
    ("shortly afterwards", FRI, "The RSF shelled Bara on Monday. Shortly afterwards, RSF "
     "drones struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-08")]),
    ("later that night", FRI, "The RSF shelled Bara on Monday. Later that night, RSF drones "
     "struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-08")]),
    ("the next morning", FRI, "The RSF shelled Bara on Monday. The next morning, RSF drones "
     "struck El Fasher, killing five people.", "El Fasher", [_day("2025-09-09")]),
    ("a day later after a date with its year", FRI, "On September 1, 2025, the RSF shelled "
     "Bara. A day later, RSF drones struck El Fasher, killing five people.", "El Fasher",
     [_day("2025-09-02")]),
    ("the next day after a quoted day", FRI, "The RSF shelled Bara on Monday. “They came "
     "back on Wednesday,” a resident said. The next day, RSF drones struck El Fasher.",
     "El Fasher", [_day("2025-09-09")]),
    # --- a date in another clause does not leak ---------------------------------------
    ("relative clause year does not date the main verb", FRI, "The RSF, which seized Nyala "
     "in 2023, shelled El Fasher, residents said.", "El Fasher", [NOW]),
    ("the day said does not date an event with its own day", FRI, "The army said on "
     "Thursday that the RSF had shelled El Fasher on Tuesday.", "El Fasher",
     [_day("2025-09-09")]),
    ("event day before the day said", FRI, "The RSF shelled El Fasher on Tuesday, the army "
     "said on Thursday.", "El Fasher", [_day("2025-09-09")]),
    ("a date with an aside placing another event", FRI, "On September 3, a day before army "
     "troops entered Bara, RSF fighters shelled El Fasher, killing five people.",
     "El Fasher", [_day("2025-09-03")]),
    ("the event in the aside is a day after", FRI, "On September 3, a day after RSF fighters "
     "shelled El Fasher, army jets bombed Nyala, killing three people.", "El Fasher",
     [_day("2025-09-02")]),
    ("a week after another dated event", FRI, "The RSF shelled El Fasher, a week after it "
     "captured Bara on September 1.", "El Fasher", [_day("2025-09-08")]),
    ("the other event keeps its own date", FRI, "The RSF shelled El Fasher, a week after it "
     "captured Bara on September 1.", "Bara", [_day("2025-09-01")]),
    ("after capturing, each its own day", FRI, "After capturing Bara on Monday, the RSF "
     "shelled El Fasher on Wednesday.", "El Fasher", [_day("2025-09-10")]),
    ("after capturing, the capture's day", FRI, "After capturing Bara on Monday, the RSF "
     "shelled El Fasher on Wednesday.", "Bara", [_day("2025-09-08")]),
    ("a subordinate month dates its own verb", FRI, "The RSF shelled El Fasher on Wednesday "
     "after it captured Bara last month.", "Bara", [("2025-08-01", "2025-08-31", 3)]),
    ("a subordinate month does not date the main verb", FRI, "The RSF shelled El Fasher on "
     "Wednesday after it captured Bara last month.", "El Fasher", [_day("2025-09-10")]),
    ("a second clause with its own date", FRI, "The RSF shelled El Fasher on Monday, while "
     "army jets bombed Nyala on Wednesday.", "El Fasher", [_day("2025-09-08")]),
    ("the second clause's date", FRI, "The RSF shelled El Fasher on Monday, while army jets "
     "bombed Nyala on Wednesday.", "Nyala", [_day("2025-09-10")]),
    ("two sentences two days", FRI, "Army jets bombed Nyala on Wednesday. The RSF shelled El "
     "Fasher on Monday.", "Nyala", [_day("2025-09-10")]),
    # --- headline and dateline ----------------------------------------------------------
    ("a weekday in the headline dates the lede", FRI, "Russian drones kill two in Kharkiv "
     "on Wednesday\nRussian drones struck Kharkiv, killing two people, officials said.",
     "Kharkiv", [_day("2025-09-10")]),
    # --- undated past ---------------------------------------------------------------------
    ("in the past", FRI, "Russian drones struck Kharkiv on Wednesday. In the past, Russian "
     "missiles have also hit Odesa.", "Odesa", [UNDATED]),
    ("previously in a relative clause", FRI, "The RSF, which previously captured Nyala, "
     "shelled El Fasher on Wednesday.", "Nyala", [UNDATED]),
    ("a relative clause closed before the main clause's date", FRI, "Russian forces, "
     "which captured Kupiansk, shelled Kharkiv on Wednesday, killing two people.",
     "Kupiansk", [UNDATED]),
    ("earlier in the war", FRI, "Russian drones struck Kharkiv on Wednesday. Russian forces "
     "had captured Kupiansk earlier in the war.", "Kupiansk", [UNDATED]),
    ("years ago", FRI, "Russian drones struck Kharkiv on Wednesday. Russian forces captured "
     "Kupiansk years ago.", "Kupiansk", [UNDATED]),
    ("early in the war", FRI, "Russian drones struck Kharkiv on Wednesday. Russian forces "
     "captured Kupiansk early in the war.", "Kupiansk", [UNDATED]),
    ("at the start of the war opening", FRI, "Russian drones struck Kharkiv on Wednesday. At "
     "the start of the war, Russian forces captured Kupiansk.", "Kupiansk", [UNDATED]),
    ("undated past words in another clause leave the news dated", FRI, "Russian drones "
     "struck Odesa on Wednesday. Russian missiles also struck Kharkiv, where Ukrainian "
     "troops previously held a base.", "Kharkiv", [_day("2025-09-10")]),
    # --- never after publication ------------------------------------------------------------
    ("a day after publication without a year is last year's", FRI, "Sudanese army aircraft "
     "bombed Nyala on September 20, killing three people.", "Nyala", [_day("2024-09-20")]),
    # --- without a publication date: only dates with their year ---------------------------
    ("undated text, date with year", None, "The RSF shelled El Fasher on September 5, 2025, "
     "killing five people.", "El Fasher", [_day("2025-09-05")]),
    ("undated text, date without year", None, "The RSF shelled El Fasher on September 5, "
     "killing five people.", "El Fasher", [(None, None, 1)]),
    ("undated text, month part with year", None, "The RSF shelled El Fasher in mid-July "
     "2024.", "El Fasher", [("2024-07-11", "2024-07-20", 3)]),
    ("undated text, yesterday", None, "The RSF shelled El Fasher yesterday, killing five "
     "people.", "El Fasher", [(None, None, None)]),
    ("undated text, present", None, "Fighting is raging between the army and the RSF in El "
     "Fasher.", "El Fasher", [(None, None, None)]),
    ("undated text, a month", None, "The RSF shelled El Fasher in April, killing five "
     "people.", "El Fasher", [(None, None, None)]),
]


def check(row: Row) -> str | None:
    """What is wrong with the row's events, or None."""
    _name, published, body, place, expected = row
    text = f" date {published}\n{body}" if published else body
    place, _, kind = place.partition("|")
    events = [e for e in extract_text(text).events if e.location and e.location.name == place
              and e.sub_event_type.startswith(kind)]
    if not events:
        return f"no event at {place}"
    got = sorted({(str(e.date.start) if e.date and e.date.start else None,
                   str(e.date.end) if e.date and e.date.end else None,
                   e.date.precision if e.date else None) for e in events}, key=str)
    want = sorted(set(expected), key=str)
    if len(got) != len(want):
        return f"got {got}"
    for (gs, ge, gp), (ws, we, wp) in zip(got, want, strict=True):
        if (gs, ge) != (ws, we) or (wp is not None and gp != wp):
            return f"got {got}"
    return None


def test_rows_are_unique() -> None:
    assert len({r[0] for r in ROWS}) == len(ROWS)
    assert len({(r[1], r[2], r[3]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_battery(row: Row) -> None:
    assert check(row) is None, check(row)
