"""Which date an event takes when its own sentence has none, or several: attachment.

``tests/test_dates_battery.py`` covers how each phrase of GOLD.md's date convention
resolves; this battery covers which phrase an event takes. Every row is a short
dispatch written here (any war, invented wording), published on Friday 2025-09-12,
with the interval the convention ("Dates of reports that give no day of their own" in
../shared/GOLD.md) gives every event at one place: a past report with no day of its
own continues the narrative's day; a present or perfect report is the 7 days up to
publication whatever was dated before it; a day of speaking dates a past event said
on it; undated past and background take no date.

Calendar: Monday 09-08 ... Friday 09-12; "now" is 09-06 .. 09-12.
"""

from __future__ import annotations

import pytest

from test_dates_battery import FRI, NOW, UNDATED, Row, _day, check

MON, TUE, WED, THU = (_day(f"2025-09-{d:02d}") for d in (8, 9, 10, 11))

ROWS: list[Row] = [
    # --- a past report with no day continues the narrative's day --------------------------
    ("the toll in the next sentence", FRI, "On Monday, junta jets bombed Kyaukme. Two "
     "villagers died in the strike.", "Kyaukme", [MON]),
    ("a second place in the next sentence", FRI, "On Monday, junta jets bombed Kyaukme. "
     "Junta troops also shelled Hsipaw, locals said.", "Hsipaw", [MON]),
    ("a third sentence still the same day", FRI, "Junta jets bombed Kyaukme on Monday. "
     "Two villagers died. Junta troops later shelled Hsipaw.", "Hsipaw", [MON]),
    ("the attack referring back adds no day", FRI, "RSF fighters shelled El Fasher on "
     "Tuesday. The attack killed five people, residents said.", "El Fasher|Shelling", [TUE]),
    ("a date told for the same attack afterwards", FRI, "RSF fighters shelled El Fasher, "
     "killing five people. The shelling took place on Tuesday, residents said.", "El Fasher",
     [TUE]),
    ("the day of a second event does not leak back", FRI, "Russian drones struck Kharkiv on "
     "Wednesday. On Thursday, Russian missiles hit Odesa.", "Kharkiv", [WED]),
    ("the second event's own day", FRI, "Russian drones struck Kharkiv on Wednesday. On "
     "Thursday, Russian missiles hit Odesa.", "Odesa", [THU]),
    ("a sentence between two days continues the first", FRI, "Russian drones struck Kharkiv "
     "on Wednesday. Russian missiles also hit Odesa. On Thursday, Ukrainian drones struck "
     "Belgorod.", "Odesa", [WED]),
    ("an undated event after a dated one, further on", FRI, "On Monday, junta jets bombed "
     "Kyaukme, killing two villagers. Resistance fighters said the bombing destroyed a "
     "school. Junta troops also shelled Hsipaw, residents said.", "Hsipaw", [MON]),
    ("the same day and the following day across sentences", FRI, "Junta jets bombed "
     "Kyaukme at around 2 pm on September 8, killing two villagers. On the same day, junta "
     "troops shelled Hsipaw. The following day, a drone struck Lashio.", "Lashio", [TUE]),
    ("a day said inside the next sentence dates its own event", FRI, "Junta jets bombed "
     "Kyaukme on Monday. A local rescue worker said that the jets returned on Wednesday "
     "and bombed Hsipaw.", "Hsipaw", [WED]),
    ("a since-clause campaign then a dated strike", FRI, "Since September 1, junta troops "
     "have shelled Hsipaw every day. On Monday, shells hit the market in Kyaukme.",
     "Hsipaw", [("2025-09-01", "2025-09-12", 2)]),
    ("a campaign since a year told after a dated event", FRI, "The RSF shelled El Fasher on "
     "Tuesday, killing five people. Since April 2023, the RSF has besieged the city.",
     "El Fasher|Armed", [("2023-04-01", "2025-09-12", 3)]),
    ("a new region opening the next sentence keeps the day", FRI, "KYIV, Sept 12 - Russian "
     "drones struck Kharkiv overnight, killing two people, officials said on Friday. In "
     "the south, Russian artillery shelled Kherson, wounding five.", "Kherson", [THU]),
    # --- a day of speaking -----------------------------------------------------------------
    ("said on a day it captured", FRI, "The TNLA said on Wednesday it captured Nawnghkio.",
     "Nawnghkio", [WED]),
    ("said on a day it has captured", FRI, "The TNLA said on Wednesday it has captured "
     "Nawnghkio.", "Nawnghkio", [NOW]),
    ("said on a day, the next sentence past", FRI, "The TNLA said on Wednesday that junta "
     "jets bombed Kyaukme. The group's fighters also attacked a junta base in Hsipaw.",
     "Kyaukme", [WED]),
    # --- present and perfect reports after a dated one --------------------------------------
    ("a perfect after a dated event is current", FRI, "Junta jets bombed Kyaukme on "
     "Monday. Fighting has continued in Hsipaw, locals said.", "Hsipaw", [NOW]),
    ("a present report after a dated event is current", FRI, "Junta jets bombed Kyaukme "
     "on Monday. Clashes are taking place in Hsipaw, locals said.", "Hsipaw", [NOW]),
    ("has since after a dated sentence", FRI, "Junta jets bombed Kyaukme on Monday. The "
     "TNLA has since captured Hsipaw.", "Hsipaw", [("2025-09-08", "2025-09-12", 2)]),
    ("the dated event keeps its day beside a current report", FRI, "Junta jets bombed "
     "Kyaukme on Monday. Clashes are taking place in Hsipaw, locals said.", "Kyaukme",
     [MON]),
    ("a participle sharing a perfect's auxiliary is current", FRI, "The TNLA launched a "
     "new offensive in late August. Its fighters have captured Hsipaw and attacked "
     "Kyaukme.", "Kyaukme", [NOW]),
    ("a new subject after and keeps its own tense", FRI, "The TNLA launched a new offensive "
     "in late August. The TNLA has captured Hsipaw, and junta jets bombed Kyaukme.",
     "Kyaukme", [("2025-08-21", "2025-08-31", 3)]),
    # --- background after a dated event ----------------------------------------------------
    ("pluperfect background after a dated event", FRI, "Junta jets bombed Kyaukme on "
     "Monday. The TNLA had captured Hsipaw earlier.", "Hsipaw", [UNDATED]),
    ("previously after a dated event", FRI, "RSF drones struck El Fasher on Tuesday. The "
     "RSF previously captured Nyala.", "Nyala", [UNDATED]),
    ("a month told before a news day", FRI, "The RSF captured Bara in July. On Tuesday, "
     "RSF drones struck El Fasher.", "El Fasher", [TUE]),
    ("the month's event keeps its month", FRI, "The RSF captured Bara in July. On Tuesday, "
     "RSF drones struck El Fasher.", "Bara", [("2025-07-01", "2025-07-31", 3)]),
    ("an undated sentence after a month of background", FRI, "RSF drones struck El Fasher "
     "on Tuesday. The RSF captured Bara in July. RSF fighters also shelled Nyala, "
     "residents said.", "Nyala", [TUE]),
    # --- sequence words across sentences ---------------------------------------------------
    ("later after a month in the sentence before", FRI, "Junta troops captured Hsipaw in "
     "mid-August. The TNLA retook the town later.", "Hsipaw|Non-state",
     [("2025-08-11", "2025-09-12", 3)]),
    ("then after a month in the sentence before", FRI, "Junta troops captured Hsipaw in "
     "mid-August. The TNLA then retook the town.", "Hsipaw|Non-state",
     [("2025-08-11", "2025-09-12", 3)]),
    ("later after a day is that day's sequence", FRI, "Junta troops captured Hsipaw on "
     "Monday. The TNLA retook the town later.", "Hsipaw|Non-state", [MON]),
    ("the following day across sentences", FRI, "Junta jets bombed Kyaukme on Monday. The "
     "following day, junta troops shelled Hsipaw.", "Hsipaw", [TUE]),
    ("the same day across sentences", FRI, "Junta jets bombed Kyaukme on Monday. On the "
     "same day, junta troops shelled Hsipaw.", "Hsipaw", [MON]),
    ("meanwhile across sentences", FRI, "Junta jets bombed Kyaukme on Monday. Meanwhile, "
     "junta troops shelled Hsipaw.", "Hsipaw", [MON]),
    # --- a lede with no day, the day told after -------------------------------------------
    ("an event noun and a verb of happening retell the day", FRI, "Russian drones struck "
     "Kharkiv, killing two people. The attack happened early on Wednesday, officials said.",
     "Kharkiv", [WED]),
    ("the retold noun with its place", FRI, "Junta jets bombed Kyaukme, killing two "
     "villagers. The airstrike on Kyaukme occurred on Monday night.", "Kyaukme", [MON]),
    ("a retelling with no date leaves the lede current", FRI, "Junta jets bombed Kyaukme, "
     "killing two villagers. The airstrike took place near a monastery.", "Kyaukme", [NOW]),
    ("a retelling two sentences on is another story", FRI, "Junta jets bombed Kyaukme, "
     "killing two villagers, locals said. Resistance forces said junta troops shelled "
     "Hsipaw. The attack took place on Monday.", "Kyaukme", [NOW]),
    ("the strike retold with its day", FRI, "Two villagers were killed in a junta "
     "airstrike on Kyaukme, locals said. The strike hit the town's market on Monday.",
     "Kyaukme", [MON]),
    ("it happened on a day", FRI, "Two villagers were killed in a junta airstrike on "
     "Kyaukme, locals said. It happened on Monday.", "Kyaukme", [MON]),
    ("the bombs retold with a part of a day", FRI, "Junta jets bombed Kyaukme, killing two "
     "villagers, locals said. The bombs fell on a monastery on Monday afternoon, a "
     "resident said.", "Kyaukme", [MON]),
    ("a count since a day is no day of the lede", FRI, "Two villagers were killed in a "
     "junta airstrike on Kyaukme, locals said. It was the third such strike since Monday.",
     "Kyaukme", [NOW]),
    ("a retelling confirmed on a day is the day of the report", FRI, "Junta troops shelled "
     "Hsipaw, locals said. The attack was confirmed by the TNLA on Tuesday.", "Hsipaw",
     [NOW]),
    ("the retold attack came days after a dated one", FRI, "Gunmen killed 12 villagers "
     "near Mopti. The attack came two days after jihadists ambushed soldiers near Gao on "
     "Sunday.", "Mopti", [TUE]),
    ("the retold attack came a day before a dated one", FRI, "Gunmen killed 12 villagers "
     "near Mopti. The attack came a day before jihadists ambushed soldiers near Gao on "
     "Sunday.", "Mopti", [_day("2025-09-06")]),
    ("the undated lede is current", FRI, "Junta troops shelled Hsipaw, killing three "
     "people, locals said.", "Hsipaw", [NOW]),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_attachment(row: Row) -> None:
    assert check(row) is None, check(row)


def test_rows_are_unique() -> None:
    assert len({r[0] for r in ROWS}) == len(ROWS)
    assert len({(r[2], r[3]) for r in ROWS}) == len(ROWS)
