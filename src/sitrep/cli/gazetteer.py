"""`sitrep gazetteer`: add a GeoNames dump to the offline gazetteer, look a name up."""

from __future__ import annotations

from pathlib import Path

import click

from sitrep.places import lookup
from sitrep.places.geonames import import_geonames


@click.group("gazetteer")
def command() -> None:
    """Manage the offline gazetteer (MIMU, GeoNames and your own imports)."""


@command.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(file: Path) -> None:
    """Add a GeoNames dump (allCountries.zip, MM.txt, cities500.txt) to the gazetteer."""
    count = import_geonames(file)
    click.echo(f"imported {count} places from {file}")


@command.command("lookup")
@click.argument("name")
def lookup_(name: str) -> None:
    """Show the place a name resolves to on its own."""
    place = lookup(name)
    if place is None:
        raise click.ClickException(f"no gazetteer place named {name!r}; "
                                   "import a GeoNames file with 'sitrep gazetteer import FILE'")
    click.echo(f"{place.name} ({place.kind}, {place.admin1 or '-'}, {place.country}) "
               f"{place.lat}, {place.lon} ± {place.uncertainty_km} km  [{place.coord_source}]")
