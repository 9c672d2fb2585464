"""ACLED's country facts (ISO numeric code, region, id acronym) from ``data/countries.tsv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sitrep.errors import ConfigError
from sitrep.fuse.events import normalise_name

COLUMNS = ("country", "acronym", "iso", "region", "aliases")


@dataclass(frozen=True)
class Country:
    name: str
    acronym: str  # prefix of event_id_cnty
    iso: int  # ISO 3166 numeric
    region: str  # ACLED region
    aliases: tuple[str, ...] = ()


def load_countries() -> list[Country]:
    """Every row of the table, in file order."""
    text = files("sitrep.export").joinpath("data/countries.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ConfigError(f"export/data/countries.tsv needs the columns {', '.join(COLUMNS)}")
    try:
        return [Country(r["country"], r["acronym"], int(r["iso"]), r["region"],
                        tuple(a for a in (r["aliases"] or "").split(";") if a))
                for r in rows]
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"export/data/countries.tsv has a bad row ({exc})") from exc


@cache
def _by_name() -> dict[str, Country]:
    return {normalise_name(name): country for country in load_countries()
            for name in (country.name, *country.aliases)}


def country_facts(name: str | None) -> Country | None:
    """The country called ``name`` (any listed spelling), or None when sitrep does not know it."""
    return _by_name().get(normalise_name(name)) if name else None
