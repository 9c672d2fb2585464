"""The country table (export/data/countries.tsv) is well formed."""

from __future__ import annotations

from sitrep.export.countries import country_facts, load_countries
from sitrep.fuse.events import normalise_name


def test_names_acronyms_and_codes_are_unique() -> None:
    countries = load_countries()
    names = [normalise_name(n) for c in countries for n in (c.name, *c.aliases)]
    assert len(names) == len(set(names))
    assert len({c.acronym for c in countries}) == len(countries)
    assert len({c.iso for c in countries}) == len(countries)
    assert all(len(c.acronym) == 3 and c.acronym.isupper() for c in countries)
    assert all(0 < c.iso < 1000 and c.region for c in countries)


def test_known_facts() -> None:
    assert (country_facts("Myanmar").iso, country_facts("Burma").region) == (104, "Southeast Asia")
    assert country_facts("sudan").iso == 729
    assert country_facts("Ukraine").region == "Europe"
    assert country_facts("Burkina Faso").region == "Western Africa"
    assert country_facts("Atlantis") is None
    assert country_facts(None) is None
