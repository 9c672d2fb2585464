"""`sitrep places`: every place mention of an article, how it was resolved and why.

The geoparser's own view, for checking a resolution before trusting the map.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.ingest import Rejected, read_path
from sitrep.model import Place
from sitrep.pipeline import find_document_places


def describe(place: Place) -> list[str]:
    """Two or three lines a reader can scan: mention → name, where, and why."""
    kind = f" ({place.kind})" if place.kind else ""
    head = f"{place.mention} → {place.name}{kind}"
    admin = " / ".join(a for a in (place.admin1, place.admin2, place.admin3) if a)
    where = ", ".join(part for part in (admin, place.country) if part)
    lines = [f"{head}: {where}" if where else head]
    if place.lat is None or place.lon is None:
        lines.append("    not located")
    else:
        radius = f" ±{place.uncertainty_km:g} km" if place.uncertainty_km is not None else ""
        flags = ["estimated"] if place.estimated else []
        if place.geo_precision:
            flags.append(f"geo_precision {place.geo_precision}")
        if place.gazetteer_id:
            flags.append(place.gazetteer_id)
        if place.near:
            flags.append("near " + ", ".join(place.near))
        lines.append(f"    {place.lat:.4f}, {place.lon:.4f}{radius}  " + "  ".join(flags))
    reasons = "; ".join(r for r in (place.coord_source, place.why) if r)
    if reasons:
        lines.append(f"    why: {reasons}")
    return lines


def as_record(document: str, place: Place) -> dict[str, object]:
    record: dict[str, object] = {"document": document}
    record.update({key: value for key, value in vars(place).items() if key != "spans"})
    record["spans"] = [span.to_dict() for span in place.spans]
    return record


@click.command("places")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per mention.")
def command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Print each article's place mentions with their resolutions and reasons."""
    for path in paths:
        for item in read_path(path):
            if isinstance(item, Rejected):
                click.echo(f"skipped {item.path}: {item.reason}", err=True)
                continue
            found = find_document_places(item)
            name = item.path or item.id
            if as_json:
                for place in found:
                    click.echo(json.dumps(as_record(name, place), ensure_ascii=False))
                continue
            published = item.published.isoformat() if item.published else "no date"
            click.echo(f"{name} (published {published}): {len(found)} place mention(s)")
            for place in found:
                for line in describe(place):
                    click.echo(f"  {line}")
