"""Which fused events an export or report keeps: dates, place, actor, type, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitrep.fuse.events import MergedEvent, normalise_name
from sitrep.model import NON_FACTUAL, Event


@dataclass(frozen=True)
class EventFilter:
    """Conditions on a fused event; every one that is set must hold."""

    since: date | None = None
    until: date | None = None
    place: str | None = None  # location, or its admin1/2/3
    actor: str | None = None  # part of actor1, actor2 or an associated actor
    event_type: str | None = None  # event type or sub-event type
    include_unconfirmed: bool = False  # rumoured, planned, threatened, denied events

    def keeps(self, group: MergedEvent) -> bool:
        event = group.event
        return (self._status_ok(group) and self._dates_ok(event) and self._place_ok(event)
                and self._actor_ok(event) and self._type_ok(event))

    def apply(self, groups: list[MergedEvent]) -> list[MergedEvent]:
        return [g for g in groups if self.keeps(g)]

    def _status_ok(self, group: MergedEvent) -> bool:
        """A fused event counts as factual when any source reports it as a fact."""
        return self.include_unconfirmed or any(
            ev.status not in NON_FACTUAL for _, ev in group.members)

    def _dates_ok(self, event: Event) -> bool:
        if self.since is None and self.until is None:
            return True
        interval = event.date
        start = interval.start or interval.end if interval else None
        end = interval.end or interval.start if interval else None
        if start is None or end is None:
            return False  # an undated event cannot be placed in a window
        return ((self.since is None or end >= self.since)
                and (self.until is None or start <= self.until))

    def _place_ok(self, event: Event) -> bool:
        if not self.place:
            return True
        loc = event.location
        names = [loc.name, loc.mention, loc.admin1, loc.admin2, loc.admin3] if loc else []
        wanted = normalise_name(self.place)
        return any(n and normalise_name(n) == wanted for n in names)

    def _actor_ok(self, event: Event) -> bool:
        if not self.actor:
            return True
        actors = [a for a in (event.actor1, event.actor2, *event.assoc_actors) if a]
        return any(self.actor.casefold() in a.casefold() for a in actors)

    def _type_ok(self, event: Event) -> bool:
        if not self.event_type:
            return True
        wanted = self.event_type.casefold()
        return wanted in (event.event_type.casefold(), event.sub_event_type.casefold())
