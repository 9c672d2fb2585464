"""A state's forces by their own name (issue 12, branch abroad4), on sentences written
for these tests: "the IDF", "the Frontier Corps", "PNP officers"."""

from __future__ import annotations

from sitrep import extract_text


def _actors(body: str) -> set[str | None]:
    x = extract_text(f" date 2024-03-14\n{body}")
    return {a for e in x.events for a in (e.actor1, e.actor2)}


def test_the_idf_is_israels_military() -> None:
    assert "Military Forces of Israel (2022-)" in _actors(
        "In Gaza, the IDF shelled the town of Beit Lahia on Monday, killing four people.")


def test_the_frontier_corps_is_pakistans_military() -> None:
    assert "Military Forces of Pakistan (2024-)" in _actors(
        "Taliban fighters clashed with the Frontier Corps in Parachinar on Sunday.")


def test_a_police_force_by_its_name_is_the_police() -> None:
    assert "Police Forces of the Philippines (2022-)" in _actors(
        "In the Philippines, PNP officers clashed with NPA rebels in Sorsogon on Tuesday.")
