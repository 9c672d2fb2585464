"""The distance lexicon (fuse/data/distances.yaml) is well formed."""

from __future__ import annotations

from importlib.resources import files

import yaml

from sitrep.fuse.contradictions import distance_words


def test_lists_have_no_duplicates_and_units_are_positive() -> None:
    raw = yaml.safe_load(files("sitrep.fuse").joinpath("data/distances.yaml").read_text("utf-8"))
    for name in ("directions", "place_nouns", "area_kinds"):
        values = [str(v).lower() for v in raw[name]]
        assert len(values) == len(set(values)), name
    units = [str(u).lower() for u in raw["units"]]
    assert len(units) == len(set(units))
    assert all(v > 0 for v in distance_words().units.values())
    assert distance_words().units["km"] == 1.0


def test_number_pattern_reads_the_units() -> None:
    pattern = distance_words().number_pattern
    assert [m["unit"] for m in pattern.finditer("78 km, 64-kilometre, 40 miles, 3 kms")] == [
        "km", "kilometre", "miles", "kms"]
