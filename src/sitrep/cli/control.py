"""`sitrep control`: who held each place when, step by step, with evidence."""

from __future__ import annotations

import json
from datetime import date, datetime

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.options import existing_db
from sitrep.errors import SitrepError
from sitrep.fuse.timeline import Timeline, build_timelines, find_timeline
from sitrep.store import Store


@click.command("control")
@click.argument("place", required=False)
@click.option("--at", "at_day", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Show who held each place on this day (YYYY-MM-DD).")
@click.option("--db", default=None, help="Database: a SQLite file or an SQLAlchemy URL "
              "(default: setting db, sitrep.db).")
@click.option("--json", "as_json", is_flag=True, help="Print the timelines as JSON.")
def command(place: str | None, at_day: datetime | None, db: str | None, as_json: bool) -> None:
    """Per place, the holders over time (every step with status and evidence).

    Demands and rumoured handovers are listed but never change the holder; a
    place where battles are reported after its last change is "contested".
    """
    with Store.open(existing_db(db)) as store:
        extractions = store.load_extractions()
        merged = store.merged_events(extractions)
    timelines = build_timelines(extractions, merged)
    chosen = _choose(timelines, place)
    day = at_day.date() if at_day else None
    if as_json:
        click.echo(json.dumps([_as_dict(t, day) for t in chosen], indent=1, ensure_ascii=False))
    elif day is not None:
        Console(width=160).print(_holders_table(chosen, day))
    else:
        for timeline in chosen:
            Console(width=160).print(_steps_table(timeline))


def _choose(timelines: dict[str, Timeline], place: str | None) -> list[Timeline]:
    if place is None:
        return sorted(timelines.values(), key=lambda t: t.place)
    wanted = find_timeline(timelines, place)
    if wanted is None:
        known = ", ".join(sorted(t.place for t in timelines.values())) or "none"
        raise SitrepError(f"no control changes stored for {place!r} (places with some: {known})")
    return [wanted]


def _as_dict(timeline: Timeline, day: date | None) -> dict[str, object]:
    steps = sorted(timeline.steps, key=lambda s: (s.start or date.max, s.end or date.max))
    record: dict[str, object] = {"place": timeline.place, "place_key": timeline.key,
                                 "spellings": timeline.spellings,
                                 "steps": [s.to_dict() for s in steps]}
    if day is not None:
        record["at"] = {"date": day.isoformat(), **timeline.holding_at(day).to_dict()}
    return record


def _steps_table(timeline: Timeline) -> Table:
    others = [s for s in timeline.spellings if s != timeline.place]
    also = f" (also written {', '.join(others)})" if others else ""
    table = Table(title=timeline.place + also, show_lines=True)
    for column in ("date", "holder", "taken from", "how", "status", "evidence", "document"):
        table.add_column(column, overflow="fold")
    steps = sorted(timeline.steps, key=lambda s: (s.start or date.max, s.end or date.max))
    for step in steps:
        info = step.to_dict()
        holder = step.change.to_actor if step.factual else "(no change: not a fact)"
        table.add_row(_days(info["date_start"], info["date_end"]), holder,
                      step.change.from_actor or "", step.change.how, step.change.status,
                      " ".join(info["evidence"]),
                      info["title"] or info["source"] or info["file"] or info["document_id"])
    return table


def _days(start: str | None, end: str | None) -> str:
    if start is None:
        return "undated"
    return start if end in (None, start) else f"{start} to {end}"


def _holders_table(timelines: list[Timeline], day: date) -> Table:
    table = Table(title=f"Holders on {day.isoformat()}", show_lines=True)
    for column in ("place", "holder", "since", "state", "demands and unconfirmed claims"):
        table.add_column(column, overflow="fold")
    for timeline in timelines:
        holding = timeline.holding_at(day)
        state = ", ".join(n for n, on in (("contested", holding.contested),
                                          ("inferred", holding.inferred)) if on)
        table.add_row(timeline.place, holding.holder or "not known",
                      holding.since.isoformat() if holding.since else "",
                      state or ("held" if holding.holder else ""),
                      "\n".join(_not_changes(timeline, day)))
    return table


def _not_changes(timeline: Timeline, day: date) -> list[str]:
    """Demands, rumours and claims made by ``day``: listed, never moving the holder."""
    return [f"{s.change.how} by {s.change.to_actor} ({s.change.status}, "
            f"{s.start.isoformat() if s.start else 'undated'})"
            for s in timeline.steps if not s.factual and (s.start is None or s.start <= day)]
