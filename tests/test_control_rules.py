"""Control changes from handovers and statements of holding, on sentences written for tests."""

from __future__ import annotations

from sitrep import extract_text
from sitrep.model import ControlChange

JUNTA = "Military Forces of Myanmar (2021-)"
TNLA = "TNLA: Ta'ang National Liberation Army"
MNDAA = "MNDAA: Myanmar National Democratic Alliance Army"


def control(body: str) -> list[ControlChange]:
    return extract_text(f" date 2025-08-07 {body}").control


def test_returning_a_town_hands_it_to_the_other_side() -> None:
    [change] = control("Under pressure, the MNDAA returned Lashio to the regime in April.")
    assert (change.place, change.to_actor, change.from_actor, change.how) == (
        "Lashio", JUNTA, MNDAA, "handed over")


def test_returning_fire_or_people_returning_home_is_no_handover() -> None:
    assert control("The KIA returned fire near Bhamo town on Monday. Villagers returned to "
                   "Hsipaw town on Tuesday.") == []


def test_towns_under_its_control_belong_to_the_clause_subject() -> None:
    changes = control("TNLA administrations are still running in Mogoke and other towns under "
                      "its control despite junta airstrikes, she said.")
    assert {(c.place, c.to_actor, c.how) for c in changes} == {("Mogoke", TNLA, "holds")}


def test_a_goal_of_reclaiming_territory_changes_no_hands() -> None:
    changes = control("After the MNDAA made a deal with the junta and agreed to hand back control "
                      "of Lashio, the military turned its focus toward reclaiming territories "
                      "held by the TNLA.")
    assert [(c.place, c.to_actor, c.how) for c in changes] == [("Lashio", JUNTA, "handed over")]
