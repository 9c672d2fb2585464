"""Why the events stage coded what it coded: a per-document record, kept only on request.

``with recording() as notes:`` around an extraction collects, per trigger the stage met,
either the event it became (trigger, the words that gave its actors, place and date, and
why) or why it was rejected. Outside ``recording`` nothing is kept (no cost).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sitrep.model import ActorMention, Event, Sentence

_notes: ContextVar[list[dict[str, Any]] | None] = ContextVar("sitrep_explain", default=None)


@contextmanager
def recording() -> Iterator[list[dict[str, Any]]]:
    """Collect the stage's explanations while the block runs."""
    notes: list[dict[str, Any]] = []
    token = _notes.set(notes)
    try:
        yield notes
    finally:
        _notes.reset(token)


def active() -> bool:
    return _notes.get() is not None


def rejected(sentence: Sentence, trigger_at: int, trigger: str, kind: str, why: str) -> None:
    """A trigger that became no event, and why."""
    notes = _notes.get()
    if notes is not None:
        notes.append({"sentence": sentence.index, "offset": sentence.start + trigger_at,
                      "trigger": trigger, "kind": kind, "rejected": why})


def sentence_skipped(sentence: Sentence, why: str) -> None:
    notes = _notes.get()
    if notes is not None:
        notes.append({"sentence": sentence.index, "offset": sentence.start,
                      "text": sentence.text[:120], "rejected": why})


def coded(event: Event, trigger: str, kind: str, trigger_at: int, sentence: Sentence,
          mentions: list[ActorMention]) -> None:
    """An event, with the words that gave its parts."""
    notes = _notes.get()
    if notes is None:
        return
    def words_for(actor: str | None) -> list[str]:
        return sorted({m.surface for m in mentions if m.canonical == actor})
    place = event.location
    date = event.date
    own = bool(date and date.span and sentence.start <= date.span.start < sentence.end)
    notes.append({
        "sentence": sentence.index, "offset": trigger_at, "trigger": trigger, "kind": kind,
        "event": f"{event.event_type} / {event.sub_event_type}", "status": event.status,
        "actor1": {"name": event.actor1, "words": words_for(event.actor1)
                   or ["(none in the sentence: the side the article's conflict implies)"]},
        "actor2": {"name": event.actor2, "words": words_for(event.actor2)} if event.actor2
        else None,
        "place": {"name": place.name, "words": place.mention, "why": place.why,
                  "near": event.near} if place else None,
        "date": {"interval": [str(date.start) if date.start else None,
                              str(date.end) if date.end else None],
                 "words": date.text,
                 "why": "its own clause" if own else "an earlier sentence or the publication date"}
        if date else None,
        "source": event.source,
    })
