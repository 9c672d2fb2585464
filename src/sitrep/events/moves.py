"""Troop movements (ACLED: Change to group/activity) read on the parse (issue 12, moves6).

A verb of motion ("arrived in", "moved into", "crossed into", "advanced on") is a group's
movement only when the group moves: its subject on the dependency parse is an armed side
(a named armed actor or an armed side's men: "troops", "fighters", the ``forces`` word
class of ``triggers.yaml``). "Floodwaters moved into the town", "the shell landed in the
village", "the delegation arrived in the capital" are no movement.

A movement told with a battle, a capture or an attack of the same side at the same place
and day is part of that event (ACLED's hierarchy codes it once): "troops advanced on X
and clashed with the rebels there".
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from sitrep.events.lexicon import trigger_kinds, word_classes
from sitrep.events.locating import Where
from sitrep.model import NON_FACTUAL, ActorMention, DateInterval, Event, Place, Sentence
from sitrep.places.find import km
from sitrep.spans import spans_starting_in

#: the actor types that move as organised armed sides
ARMED = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                   "External/Other forces"})
#: a relative pronoun subject stands for the noun its clause describes ("troops who arrived")
_RELATIVE = frozenset({"who", "which", "that"})
#: clauses that share the subject of the verb they hang on ("troops crossed and moved into")
_SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})


@cache
def _forces() -> re.Pattern[str]:
    words = sorted(word_classes()["forces"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def _token_at(parse: Doc, offset: int) -> Token | None:
    return next((t for t in parse if t.idx <= offset < t.idx + len(t.text)), None)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with or completes."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "relcl":  # "a column of troops that moved into X"
            return verb.head
        if verb.dep_ not in _SHARES_SUBJECT or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


#: a comma and a relative pronoun open a non-restrictive relative clause: only a sentence
#: holding one is parsed for it
_RELATIVE_WORD = re.compile(r",\s+(?:who|which|whose)\b", re.IGNORECASE)


def may_describe(sentence: str) -> bool:
    """The sentence has ", which", ", who": a movement in it may describe a group."""
    return bool(_RELATIVE_WORD.search(sentence))


def describes_a_group(parse: Doc, start: int, end: int) -> bool:
    """The movement's verb (between ``start`` and ``end`` in the sentence) heads a
    non-restrictive relative clause, set off by a comma: it describes the group ("the army,
    which deployed troops to X in 2020, shelled Y"), as background, not news. A restrictive
    one picks people out ("many who retreated from X"): its event stays, dated as
    background by the time stage."""
    return any(start <= t.idx < end and t.pos_ in ("VERB", "AUX") and t.dep_ == "relcl"
               and _set_off(t) for t in parse)


def _set_off(verb: Token) -> bool:
    """The relative clause opens with a comma before its pronoun (", which", ", who")."""
    pronoun = next((t for t in verb.subtree if t.lower_ in _RELATIVE | {"whose"}), None)
    return pronoun is not None and pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text == ","


def armed_subject(parse: Doc, offset: int, mentions: list[ActorMention],
                  sentence_start: int) -> bool:
    """The verb at ``offset`` (in the sentence) has an armed side as its subject: a named
    armed actor as the subject's head, or an armed side's men in the subject phrase
    ("hundreds of fighters from the RSF")."""
    token = _token_at(parse, offset)
    if token is None:
        return False
    subject = _subject(token)
    if subject is None:
        return False
    words = list(subject.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if _forces().search(parse.text[start:end]):
        return True
    # a named armed actor that is the subject itself ("the RSF moved into X"), not one that
    # qualifies other people ("TNLA representatives arrived in Kunming for the talks")
    head = subject.idx
    return any(m.actor_type in ARMED and m.span.start - sentence_start <= head
               < m.span.end - sentence_start for m in mentions)


#: the sub-type of troop movements, recruitment and group changes
MOVEMENT = "Change to group/activity"
#: the event types a movement leads into: fighting, fire from afar, an attack on civilians
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: ... or a place taken without a fight: forces that enter it take it ("entered X after the
#: rebels withdrew")
_TAKEN = "Non-violent transfer of territory"


def _days_inside(inner: DateInterval | None, outer: DateInterval | None) -> bool:
    """Both undated, or ``inner``'s days all among ``outer``'s ("beefed up security over
    the week following a clash on Friday" is more than the clash)."""
    if inner is None or outer is None:
        return inner is None and outer is None
    return (outer.start is None or (inner.start is not None and outer.start <= inner.start)) \
        and (outer.end is None or (inner.end is not None and inner.end <= outer.end))


#: a place this close to a fight's is the same area (a suburb of the city fought in)
_SAME_AREA_KM = 10.0


def _same_area(a: Place, b: Place) -> bool:
    """The same place, or two places a few kilometres apart ("entered Petionville" in the
    attack on Port-au-Prince)."""
    if a.name == b.name:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return km(a.lat, a.lon, b.lat, b.lon) <= _SAME_AREA_KM


def inside_events(events: list[Event]) -> list[Event]:
    """ACLED codes a movement that leads into a battle, a strike, a raid or a place taken
    without a fight as part of it:
    "a junta column entered the village on Saturday" beside the clash or the killings told
    there that day, by the same side, is no event of its own (moves6)."""
    violent = [e for e in events if (e.event_type in _VIOLENT or e.sub_event_type == _TAKEN)
               and e.location is not None]
    arrivals = [k.pattern for k in trigger_kinds() if k.needs_armed_subject]
    others = [k.pattern for k in trigger_kinds()
              if k.sub_event_type == MOVEMENT and not k.needs_armed_subject]

    def only_arrives(move: Event) -> bool:
        """Every sentence telling it is an arrival ("entered the village"), no deployment,
        reinforcement or recruitment (which the gold codes beside the fighting)."""
        return all(any(p.search(s.text) for p in arrivals)
                   and not any(p.search(s.text) for p in others) for s in move.evidence)

    def inside(move: Event) -> bool:
        assert move.location is not None
        told = {(s.start, s.end) for s in move.evidence}
        return any((e.status in NON_FACTUAL) == (move.status in NON_FACTUAL) and (
            # at its place on its days, whoever fought there ("trucks carrying gang members
            # entered X" before the gang's battle with the police)
            (e.location is not None and _same_area(e.location, move.location)
             and _days_inside(move.date, e.date))
            # or told in the sentence of the same side's fight ("took X and continue to
            # advance on Y")
            or (move.actor1 in (e.actor1, e.actor2)
                and told & {(s.start, s.end) for s in e.evidence}))
            for e in violent)

    return [e for e in events if e.sub_event_type != MOVEMENT or e.location is None
            or not only_arrives(e) or not inside(e)]


#: before a place a movement left, or where its men were based: "from X", "based in X"
_ORIGIN_BEFORE = re.compile(r"\b(?:from|based (?:in|at)|stationed (?:in|at)|out of)\s+"
                            r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def goals(wheres: list[Where], sentence: Sentence, full_text: str) -> list[Where]:
    """A movement's places without those it came from ("redeployed its forces from X to
    Y", "columns based in X and Z to Y": Y), unless no other is named."""
    kept = [w for w in wheres
            if not _ORIGIN_BEFORE.search(full_text[max(0, _start(w, sentence) - 40):
                                                   _start(w, sentence)])]
    return kept or wheres


def _start(where: Where, sentence: Sentence) -> int:
    """Where the place's first mention in the sentence starts in the text."""
    return min((s.start for s in spans_starting_in(where.place, sentence.start, sentence.end)),
               default=sentence.start)
