"""Which fused events an export or report keeps: dates, place, actor, type, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sitrep.fuse.events import MergedEvent, normalise_name
from sitrep.model import NON_FACTUAL, Event


@dataclass(frozen=True)
class EventFilter:
    """Conditions on a fused event; every one that is set must hold."""

    since: date | None = None
    until: date | None = None
    place: str | None = None  # the place (any spelling), or its admin1/2/3
    actor: str | None = None  # part of actor1, actor2 or an associated actor
    event_type: str | None = None  # event type or sub-event type
    include_unconfirmed: bool = False  # rumoured, planned, threatened, denied events

    def keeps(self, group: MergedEvent) -> bool:
        event = group.event
        return (self._status_ok(group) and self._dates_ok(event) and self._place_ok(group)
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

    def _place_ok(self, group: MergedEvent) -> bool:
        """The place by any spelling a report or the gazetteer gives it ("Naungcho" finds
        Nawnghkio), or one of its admin areas."""
        if not self.place:
            return True
        names = [group.place_name]
        for _, ev in group.members:
            loc = ev.location
            names += [loc.name, loc.mention, loc.admin1, loc.admin2, loc.admin3] if loc else []
        wanted = normalise_name(self.place)
        if any(n and normalise_name(n) == wanted for n in names):
            return True
        return group.place_key is not None and group.place_key == self._place_key

    @cached_property
    def _place_key(self) -> str | None:
        """The key of the place asked for (``sitrep.fuse.identity``): every spelling's."""
        from sitrep.fuse.identity import named_place_key

        return named_place_key(self.place)[0] if self.place else None

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
