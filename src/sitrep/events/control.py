"""Control: who holds which place, from captures, handovers, demands and statements of holding.

A demand or a rumoured handover is recorded with its status and how
("demanded"), but fusion never lets it change the holder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING

import yaml

from sitrep.actors import (
    actor_country,
    actor_type,
    alliance_members,
    focus_country,
    lexicon,
    state_forces,
)
from sitrep.events.lexicon import TriggerKind
from sitrep.events.locating import Where, by_sentence, sentence_places
from sitrep.events.locating import _marked_names as marked_names
from sitrep.events.roles import Belligerents, Roles
from sitrep.events.status import told_status
from sitrep.model import (
    ActorMention,
    ControlChange,
    DateInterval,
    Document,
    Event,
    Place,
    Sentence,
    Span,
)
from sitrep.places import is_common_word
from sitrep.spans import first_start, spans_starting_in
from sitrep.text import AnalysedText

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken
from sitrep.time import resolve

_HOLDS = re.compile(
    r"(?:administrations? (?:are|is) still running in|(?:remains?|is|are) (?:still )?under "
    r"(?:the )?control of|still (?:controls?|holds?)|(?:remain|remains) in control of)",
    re.IGNORECASE)
#: "TNLA-controlled towns of X and Y", "X, under the control of the TNLA", "held by the TNLA"
_HELD_BY = re.compile(r"(?:-controlled|-held|-administered|-occupied)\b|"
                      r"\bunder (?:the )?(?:full |firm |complete |effective |total )?"
                      r"(?:control|administration|rule) of\b|"
                      r"\b(?:controlled|held|administered|ruled|governed|occupied|"
                      r"(?:now|still) run) by\b|\bin the hands of\b|"
                      # "X remains in TNLA hands"
                      r"\bin (?:the )?(?-i:[A-Z][\w'’-]*)(?:[ -](?-i:[A-Z][\w'’-]*)){0,4} hands\b|"
                      r"\bunder (?:its|their) control\b|"
                      # "X remains under TNLA control", "X is now under AA rule"
                      r"\bunder (?:the )?(?:full |firm |complete )?(?-i:[A-Z][\w'’-]*)"
                      r"(?:[ -](?-i:[A-Z][\w'’-]*)){0,4} (?:control|rule|administration)\b",
                      re.IGNORECASE)
#: after "held by the AA": the list it opens, "..., including X and Y"
_INCLUDING = re.compile(r"[^,.;]{0,40}?,\s*(?:including|such as|notably)\s+", re.IGNORECASE)
#: "had been held by", "once controlled by": a holding that is over
_PAST_HOLDING = re.compile(r"\b(?:had been|once|formerly|previously|until recently)\s+"
                           r"(?:\w+\s+)?$|"
                           # "X came under the control of Y": a capture (triggers.yaml)
                           r"\b(?:came|come|comes|coming|fell|fallen|falling)\s+(?:into\s+)?$",
                           re.IGNORECASE)
#: "rebel-held Lashio": the article's main non-state group holds it
_GENERIC_HOLDER = re.compile(r"\b(?:rebel|resistance|insurgent|opposition)$", re.IGNORECASE)
_NON_STATE = frozenset({"Rebel group", "Political militia", "Identity militia"})


@dataclass(frozen=True)
class ControlWords:
    """The word lists of ``data/control.yaml``, compiled."""

    holding_verb: re.Pattern[str]
    not_now: re.Pattern[str]
    not_a_place_after: re.Pattern[str]
    stronghold: re.Pattern[str]
    frame: re.Pattern[str]
    demand: re.Pattern[str]
    state_word: re.Pattern[str]
    state_before: re.Pattern[str]
    generic_under: re.Pattern[str]
    speaker_first: re.Pattern[str]
    speaker_after: re.Pattern[str]
    own_forces_before: re.Pattern[str]
    state_speaker: re.Pattern[str]
    speaking: re.Pattern[str]
    speech_own: re.Pattern[str]
    positional: re.Pattern[str]
    position_gap: re.Pattern[str]
    force_gap: re.Pattern[str]
    force_of: re.Pattern[str]
    force_opening: re.Pattern[str]
    state_word_at: re.Pattern[str]


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def words() -> ControlWords:
    raw = (files("sitrep.events") / "data" / "control.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    flags = re.IGNORECASE
    return ControlWords(
        holding_verb=re.compile(rf"\b(?:{_alternation(data['holding_verbs'])})\b", flags),
        not_now=re.compile(data["not_now"], flags),
        not_a_place_after=re.compile(data["not_a_place_after"], flags),
        stronghold=re.compile(rf"\b(?:{_alternation(data['stronghold_nouns'])})\b", flags),
        # the frame runs up to the first comma: "In the areas controlled by the TNLA, ..."
        frame=re.compile(rf"^\s*(?:{'|'.join(data['frame_openers'])})\b([^,;]{{3,140}}),"),
        demand=re.compile(rf"\b(?:{_alternation(data['demands'])})\b", flags),
        state_word=re.compile(_alternation(data["state_holders"]), flags),
        state_before=re.compile(rf"\b(?:{_alternation(data['state_holders'])})$", flags),
        generic_under=re.compile(
            r"\bunder (?:the )?(?:full |firm |complete |effective )?"
            rf"({_alternation(data['state_holders'] + data['rebel_holders'])})(?:['’]s)? "
            r"(?:control|rule)\b", flags),
        # "Russia said its troops captured ...": the speech verb, then the speaker's own
        # forces, then (up to the trigger) no clause break
        speaker_first=re.compile(
            rf"\b(?:{_alternation(data['speech_verbs'])})\s+(?:on \w+\s+)?(?:that\s+)?"
            rf"(?:{data['own_forces']})[^,;:]{{0,60}}$", flags),
        # "... its forces captured X, the Russian defence ministry said"
        speaker_after=re.compile(
            rf",\s*(?:according to\s+(?P<acc>[^,;]{{2,60}}?)\W*$|"
            rf"(?P<subj>[^,;]{{2,60}}?)\s+(?:{'|'.join(data['speech_verbs'])})\b)"),
        own_forces_before=re.compile(rf"(?:{data['own_forces']})[^,;:]{{0,60}}$", flags),
        state_speaker=re.compile(rf"\b(?:{_alternation(data['state_speakers'])})\b", flags),
        speaking=re.compile(rf"\b(?:{_alternation(data['speech_verbs'])})\b"),
        speech_own=re.compile(rf"(?:{_alternation(data['speech_verbs'])})\s+(?:on \w+\s+)?"
                              rf"(?:that\s+)?(?:{data['own_forces']})", flags),
        positional=re.compile(rf"\b(?:{_alternation(data['positional_verbs'])})", flags),
        position_gap=re.compile(data["position_gap"]),
        force_gap=re.compile(data["force_gap"], flags),
        force_of=re.compile(data["force_of"], flags),
        force_opening=re.compile(data["force_opening"], flags),
        state_word_at=re.compile(rf"\b(?:{_alternation(data['state_holders'])})\b", flags))


def from_territorial(territorial: list[tuple[Event, str]]) -> list[ControlChange]:
    """A control change for every territorial event (capture, recapture, handover)."""
    changes = []
    for event, how in territorial:
        if event.location is None or event.actor1 is None or not is_known_place(event.location):
            continue
        # a handover goes from its subject (actor1) to the other side
        given = how in ("handed over", "ceded (claimed)", "withdrew")
        taker, loser = (event.actor2, event.actor1) if given else (event.actor1, event.actor2)
        if taker is None:
            continue
        if _another_place_in(event):
            continue
        site = _site_named(event)
        if site == "":
            continue
        status = event.status
        if given and status == "reported" and _promised(event):
            how, status = "ceded (claimed)", "planned"
        changes.append(ControlChange(
            place=site or event.location.name, to_actor=taker, how=how,
            from_actor=loser, admin1=event.location.admin1, date=event.date,
            status=status, evidence=list(event.evidence)))
    return changes


#: "seizing another town in Tamu", "captured two villages in X": the unnamed places taken
#: lie in X; X itself did not change hands
_ANOTHER_IN = re.compile(r"\b(?:a|an|another|one|two|three|four|five|several|more|other)\s+"
                         r"(?:[\w-]+\s+){0,2}(?:towns?|villages?|cities|city|hamlets?|"
                         r"settlements?)\s+(?:in|near|of|around)\s+(?:the\s+)?(?:\w+\s+)?$",
                         re.IGNORECASE)


#: the place's name begins a site's: "the Bhamo Airport", "Lashio Air Base"
_SITE_NAME = re.compile(r"^\s+(?:Air\s?port|Air\s?[Bb]ase|Air\s?field|Base|Camp|Outpost|"
                        r"Headquarters|Garrison|Barracks|Bridge|Dam|Border Gate|Checkpoint)\b")


def _around_place(event: Event) -> Iterator[tuple[str, str]]:
    """The words before and after each mention of the event's place in its evidence."""
    place = event.location
    if place is None:
        return
    for evidence in event.evidence:
        for span in spans_starting_in(place, evidence.start, evidence.end):
            start, end = span.start - evidence.start, span.end - evidence.start
            if 0 <= start < len(evidence.text):
                yield evidence.text[:start], evidence.text[end:]


def _site_named(event: Event) -> str | None:
    """"Captured the Bhamo Airport": the site named after the town changed hands, not the
    town; the site's name as written ("Bhamo Airport"), "" when it cannot be read, None
    when the place is no site's."""
    place = event.location
    for _, after in _around_place(event):
        m = _SITE_NAME.match(after)
        if m is not None:
            name = place.mention or place.name if place else ""
            return " ".join(f"{name}{m.group(0)}".split()) if name else ""
    return None


def _another_place_in(event: Event) -> bool:
    """The place is only where an unnamed town or village that changed hands lies."""
    return any(_ANOTHER_IN.search(before[-60:]) for before, _ in _around_place(event))


#: a handover promised, not done: "pledged to withdraw from X", "is set to hand over X"
#: ("agreed to hand back X" is left as told: such deals are mostly reported once done;
#: see _as_told)
_PROMISED = re.compile(r"\b(?:pledged|pledges|promised|promises|plans?|"
                       r"planning|(?:is|are|was|were) (?:expected|set|due|ready|willing|"
                       r"prepared)) to (?:\w+ ){0,3}?(?:withdraw|hand|return|cede|leave|pull|"
                       r"relinquish|transfer|vacate)\w*\b[^.;]{0,60}$", re.IGNORECASE)


def _promised(event: Event) -> bool:
    """The handover is the content of a promise or plan told before its place."""
    return any(_PROMISED.search(before) for before, _ in _around_place(event))


#: statuses of a change still to come
_NOT_YET = frozenset({"planned", "threatened"})

#: an agreed handover: "agreed to hand over X", "has agreed to withdraw from X"
_AGREED = re.compile(r"\b(?:agreed|agrees) to (?:\w+ ){0,3}?(?:withdraw|hand|return|cede|"
                     r"leave|pull|relinquish|transfer|vacate)\w*\b[^.;]{0,60}$", re.IGNORECASE)


def _as_told(change: ControlChange) -> ControlChange:
    """Realis reads "agreed to hand over X" as planned (the event), but such deals are
    mostly reported once done: the change of hands, when no other sentence tells it done,
    is kept as told (handed over)."""
    if change.how != "ceded (claimed)" or change.status != "planned" or \
            not any(_pattern_before(change.place, e, _AGREED) for e in change.evidence):
        return change
    return replace(change, how="handed over", status="reported")


def _pattern_before(name: str, evidence: Span, pattern: re.Pattern[str]) -> bool:
    """The pattern ends the evidence text before a mention of the place's name."""
    at = evidence.text.find(name)
    return at > 0 and bool(pattern.search(evidence.text[:at]))


def settle(territorial: list[ControlChange], stated: list[ControlChange]
           ) -> list[ControlChange]:
    """The article's control changes: those of territorial events, then those stated
    (holdings, demands, losses). A loss ("the loss of X to the regime") already told as a
    capture of X by the same side adds nothing; a change told in a demand's sentence is
    the demand's content (``without_demanded``)."""
    once: dict[tuple[str, str, int], ControlChange] = {}
    for c in territorial:  # one sentence tells a place's change to one side once
        once.setdefault((c.place, c.to_actor, c.evidence[0].start if c.evidence else -1), c)
    first = {id(c) for c in once.values()}
    done = {(c.place, c.to_actor) for c in territorial if c.status not in _NOT_YET}
    # "the rebels handed over X ... they had agreed to hand it over": the change told as
    # done once and as promised once is one change, the one done
    territorial = [_as_told(c) for c in territorial if id(c) in first
                   and (c.status not in _NOT_YET or (c.place, c.to_actor) not in done)]
    taken = {(c.place, c.to_actor) for c in territorial}
    stated = [c for c in stated if c.how not in ("captured", "withdrew")
              or (c.place, c.to_actor) not in taken]
    # "The RSF took El Fasher, the army's last stronghold": the holding the sentence
    # describes is the one the capture ended
    changed = {(c.place, e.start) for c in territorial if c.status not in _NOT_YET
               for e in c.evidence}
    stated = [c for c in stated if c.how != "holds" or not c.evidence
              or (c.place, c.evidence[0].start) not in changed
              or (c.place, c.to_actor) in taken or _HOLDS_NOW.search(c.evidence[0].text)]
    return without_demanded(territorial + stated)


#: a holding told in the present ("X, which is controlled by the TNLA"): it stands
#: though the sentence also tells a capture of X (maybe one only planned)
_HOLDS_NOW = re.compile(r"\b(?:is|are|remains?)\s+(?:still\s+|now\s+)?(?:controlled|held|"
                        r"administered|occupied|under|in\s+the\s+hands)\b", re.IGNORECASE)


def without_demanded(changes: list[ControlChange]) -> list[ControlChange]:
    """"The TNLA demanded that the junta withdraw from X": the withdrawal is the demand's
    content, not a handover; a change told in the same sentence as a demand for the same
    place goes."""
    demanded = {(c.place, c.evidence[0].start) for c in changes
                if c.how == "demanded" and c.evidence}
    return [c for c in changes if c.how in ("demanded", "holds") or not c.evidence
            or not any((c.place, e.start) in demanded for e in c.evidence)]


#: why a place no gazetteer holds may still change hands: the text marks it as a place
_MARKED_WHY = ("marked as a place",)


#: why of a name after "the village / town / city of" (``locating._marked_names``): a
#: place a statement of holding may name (a capture's taker there was often wrong: see
#: docs/events.md)
_KIND_NOUN_WHY = "named after a kind noun"


def is_known_place(place: Place) -> bool:
    """A place a gazetteer knows (it has coordinates) or the text marks as one ("X village",
    "the village of X"); a bare capitalised word after a capture verb is not enough to
    record who holds it."""
    return place.lat is not None or (place.kind is not None and place.why is None) or \
        (place.why or "").startswith(_MARKED_WHY)


def holding_and_demands(text: AnalysedText, doc: Document, places: list[Place],
                        actors: list[ActorMention], dates: list[DateInterval]
                        ) -> list[ControlChange]:
    """Statements of holding ("still running in X") and demands for places."""
    changes: list[ControlChange] = []
    rebel = _main_rebel(actors)
    nearby = by_sentence(text.sentences, places, actors, dates)
    sides = Belligerents.of(actors, focus_country(text.text, text.country))
    for sentence in text.sentences:
        near = nearby[sentence.index]
        mentioned = sentence_places(sentence, near.places, near.actors, near.dates, near)
        # names the text marks as places ("the town of X", "X village") that no gazetteer
        # holds: a side can hold them too
        mentioned += [m for m in marked_names(sentence, mentioned, near.actors, near.dates,
                                              near)
                      if not any(at == m[1] for _, at in mentioned)]
        in_sentence = [p for p, _ in sorted(mentioned, key=lambda item: item[1])]
        speakers = [a for a in near.actors if sentence.start <= a.span.start < sentence.end]
        evidence = [Span(sentence.start, sentence.end, sentence.text)]
        when = _sentence_date(sentence.start, sentence.end, near.dates, doc)
        today = resolve("today", doc.published, doc.published_precision) if doc.published \
            else None
        stated = _holdings(sentence, in_sentence, speakers, rebel, sides.state) + \
            _verb_holdings(sentence, in_sentence, speakers, places) + \
            _position_holdings(sentence, in_sentence, speakers, sides.state) + \
            _stronghold_holdings(sentence, in_sentence, speakers, rebel, sides.state) + \
            _described_taken(sentence, in_sentence, speakers) + \
            _frame_holdings(sentence, in_sentence, speakers)
        following = text.sentences[sentence.index + 1].text \
            if sentence.index + 1 < len(text.sentences) else ""
        told = _told(sentence, following)
        own = _own_past_date(sentence, near.dates, today)
        claimed = own is not None and _CLAIMED_CONTROL.search(sentence.text) is not None
        for holder, place in stated:
            if any(c.how == "holds" and (c.place, c.to_actor) == (place.name, holder)
                   for c in changes):
                continue  # one statement of holding per place and holder suffices
            if claimed:  # "claimed control of X last year": a capture on its own date too
                changes.append(ControlChange(place.name, holder, "captured",
                                             from_actor=sides.opponent(holder),
                                             admin1=place.admin1, date=own,
                                             status=told, evidence=evidence))
            changes.append(ControlChange(place.name, holder, "holds", admin1=place.admin1,
                                         date=today, status=told, evidence=evidence))
        for taker, loser, place in _losses(sentence, in_sentence, speakers, sides):
            changes.append(ControlChange(place.name, taker, "captured", from_actor=loser,
                                         admin1=place.admin1, date=when, status=told,
                                         evidence=evidence))
        for taker, loser, place, phrase in _since_taking(sentence, in_sentence, speakers,
                                                         sides):
            # its own date ("since capturing X in January"), else none: undated background
            own = next((d for d in near.dates if d.span and phrase[0] <= d.span.start
                        < phrase[1]), None)
            changes.append(ControlChange(place.name, taker, "captured", from_actor=loser,
                                         admin1=place.admin1, date=own, status=told,
                                         evidence=evidence))
        for taker, loser, place, how in _told_captures(sentence, in_sentence, speakers,
                                                       sides):
            changes.append(ControlChange(place.name, taker, how, from_actor=loser,
                                         admin1=place.admin1, date=when, status=told,
                                         evidence=evidence))
        for taker, loser, place in _retreats(sentence, in_sentence, speakers, sides):
            changes.append(ControlChange(place.name, taker, "withdrew", from_actor=loser,
                                         admin1=place.admin1, date=when, status=told,
                                         evidence=evidence))
        demand = words().demand.search(sentence.text)
        demander = demand and _demander(sentence, demand, speakers, sides.states)
        if demand and demander:
            for place in _demanded(sentence, demand, in_sentence, places):
                changes.append(ControlChange(place.name, demander, "demanded",
                                             admin1=place.admin1, date=when,
                                             status=told, evidence=evidence))
    return changes


#: a reporting verb: what the sentence states is on someone's word ("..., residents said")
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|explained|explains|claimed|"
                        r"claims|stated|states|confirmed|confirms|announced|announces|alleged|"
                        r"reportedly)\b", re.IGNORECASE)


def _told(sentence: Sentence, following: str) -> str:
    """The status of a statement of holding: attributed when told on someone's word
    ("X, which is under AA control, residents said"), as the events stage codes its events."""
    source = "speaker" if _REPORTING.search(sentence.text) else None
    return told_status(sentence.text, following, source)


#: "claimed control of X": a capture claimed, when the sentence dates it in the past
_CLAIMED_CONTROL = re.compile(r"\bclaim(?:s|ed|ing)? (?:full |complete |effective )?control "
                              r"(?:of|over)\b", re.IGNORECASE)


def _own_past_date(sentence: Sentence, dates: list[DateInterval],
                   today: DateInterval | None) -> DateInterval | None:
    """The sentence's own date, when it is one that ended before publication ("last
    year", "in March"); None for none, or for today's."""
    inside = [d for d in dates if d.span and sentence.start <= d.span.start < sentence.end]
    if not inside or today is None or today.start is None:
        return None
    first = inside[0]
    return first if first.end is not None and first.end < today.start else None


def _demander(sentence: Sentence, demand: re.Match[str], speakers: list[ActorMention],
              states: tuple[str, ...] = ()) -> str | None:
    """Who demands: the actor named before the demand, else the state named before it
    ("Russian President Vladimir Putin repeated his demand ..."), else the first named."""
    at = sentence.start + demand.start()
    before = next((a for a in speakers if a.span.start < at), None)
    if before is not None:
        return before.canonical
    country = _state_named(sentence.text[:demand.start()])
    if country is not None:
        return state_forces(country)
    # "Putin demanded that Ukraine withdraw": the addressee's enemy state in the article
    addressee = _state_named(demand.group(0))
    if addressee is not None:
        enemy = next((s for s in states if actor_country(s) != addressee), None)
        if enemy is not None:
            return enemy
    return speakers[0].canonical if speakers else None


#: "withdraw from the region", "leave the regions": a region the article named before
_THE_REGION = re.compile(r"^\s*(?:the\s+)?(?:(?:four|three|two|five|those|these)\s+)?"
                         r"(?:regions?|provinces?|oblasts?|states?)\b", re.IGNORECASE)


def _demanded(sentence: Sentence, demand: re.Match[str], in_sentence: list[Place],
              article_places: list[Place]) -> list[Place]:
    """The places a demand names after it: towns, and a region only as the demand's own
    object ("withdraw from the Donetsk region", "withdraw from the region": the region
    last named before)."""
    end = sentence.start + demand.end()
    out = [p for p in in_sentence if first_start(p, sentence.start) >= end
           and (p.kind or "town") not in ("country", "region")]
    if out:
        return out
    regions = [p for p in in_sentence if (p.kind or "") == "region"
               and re.fullmatch(r"\s*(?:the\s+)?", sentence.text[
                   demand.end():max(demand.end(), first_start(p, end) - sentence.start)])
               and first_start(p, end) >= end]
    if regions:  # "withdraw from the Donetsk, Luhansk and Kherson regions"
        listed = _forward_list([p for p in in_sentence if (p.kind or "") == "region"],
                               first_start(regions[0], end), sentence)
        return listed or regions[:1]
    if _THE_REGION.match(sentence.text[demand.end():]):
        earlier = [(sp.start, p) for p in article_places if (p.kind or "") == "region"
                   for sp in p.spans if sp.start < end]
        return [max(earlier, key=lambda item: item[0])[1]] if earlier else []
    return []


def _main_rebel(actors: list[ActorMention]) -> ActorMention | None:
    """The non-state armed group the article names most ("rebel-held Lashio" is its)."""
    named = Counter(a.canonical for a in actors if a.actor_type in _NON_STATE)
    if not named:
        return None
    top = named.most_common(1)[0][0]
    return next(a for a in actors if a.canonical == top)


def _holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention],
              rebel: ActorMention | None = None, state: str | None = None
              ) -> list[tuple[str, Place]]:
    """(holder, place) pairs a sentence states as current control.

    "TNLA-controlled towns of X" and "still running in X" point forward to the places;
    "X, under the control of the TNLA" and "X, held by the TNLA" point back."""
    armed = [a for a in actors if a.actor_type not in ("Civilians", None)]
    found: dict[tuple[str, str], tuple[str, Place]] = {}
    cues = [(m, True) for m in _HOLDS.finditer(sentence.text)]
    cues += [(m, m.group(0).startswith("-")) for m in _HELD_BY.finditer(sentence.text)]
    cues += [(m, False) for m in words().generic_under.finditer(sentence.text)]
    for cue, forward in cues:
        if _PAST_HOLDING.search(sentence.text[:cue.start()]):
            continue  # "X, which had been occupied by the TNLA, ...": no longer so
        at = sentence.start + cue.start()
        national = _national_forces(sentence, cue) or _state_descriptor(sentence, cue, state)
        holder: ActorMention | None
        if national is not None:  # "Russian-occupied X", "junta-held X", "under army control"
            holder = ActorMention(national, cue.group(0), "State forces", Span(at, at, ""))
        elif words().generic_under.match(cue.group(0)):  # "under rebel control"
            holder = rebel and ActorMention(rebel.canonical, rebel.surface,
                                            rebel.actor_type, Span(at, at, ""))
        elif cue.group(0).startswith("-"):  # the holder is written right before: "TNLA-held"
            holder = next((a for a in armed if _written_before(a, at, sentence)), None) \
                or _alias_before(sentence, cue, at)
            if holder is None and _GENERIC_HOLDER.search(sentence.text[:cue.start()]):
                holder = rebel and ActorMention(rebel.canonical, rebel.surface,
                                                rebel.actor_type, Span(at, at, ""))
        elif re.search(r"\b(?:its|their)\b", cue.group(0), re.IGNORECASE):
            # "X ... under its control": the clause's subject, the first armed actor before
            holder = next((a for a in armed if a.span.start < at), None)
        else:
            holder = min(armed, key=lambda a: abs(a.span.start - at), default=None)
        if holder is None or abs(holder.span.start - at) > 60:
            continue
        held = [p for p in places if (p.kind or "town") not in ("country", "region", "road")]
        if forward and cue.group(0).startswith("-"):
            held += _named_after_cue(sentence, cue, places, actors)
        listed = _with_unknown(_forward_list(held, at, sentence), sentence) if forward else [
            p for p in held if any(-45 <= sp.start - at < 0 and ";" not in sentence.text[
                sp.end - sentence.start:cue.start()] for sp in p.spans)]
        if not listed or (forward and cue.group(0).startswith("-") and
                          _HELD_AREA.match(sentence.text[cue.end():])):
            # "X and Y villages, which are in the territory controlled by the KNU"
            listed += _relative_antecedents(held, cue.start(), sentence, holder)
        if forward and cue.group(0).startswith("-"):
            # "Lashio, in TNLA-held territory": the area the place lies in is held
            listed += _in_held_area(sentence, cue, holder, held)
            # "Sittwe ... is the last junta-controlled city in Rakhine": the subject
            listed += _predicate_holding(sentence, cue, holder, held)
        # "areas held by the AA, including X and Y": the list the holder's phrase opens
        including = None if forward else _INCLUDING.match(sentence.text, cue.end())
        if including is not None:
            listed += _forward_list(held, sentence.start + including.end(), sentence)
        for place in listed:
            found[(holder.canonical, place.name)] = (holder.canonical, place)
    return list(found.values())


#: "in TNLA-held territory": the holding adjective qualifies an area the place is in
_HELD_AREA = re.compile(r"^\s+(?:territory|territories|areas?|zones?|parts)\b", re.IGNORECASE)
_IN_AREA_BEFORE = re.compile(r"(?:,\s*|\s+(?:town|village|city|township)\s+)"
                             r"(?:(?:which|that)\s+(?:is|lies)\s+|(?:deep|well|located|lying)\s+)?"
                             r"(?:in|inside|within)\s+(?:the\s+)?$", re.IGNORECASE)


#: a place described as taken: "X, captured by the AA in March, ...", "X, which was
#: liberated by the KIA last year"
_DESCRIBED_TAKEN = re.compile(
    r"^(?:\s+(?:town|city|village|township))?(?:,\s+|\s+(?:which|that)\s+)"
    r"(?:(?:which|that)\s+)?(?:(?:was|were|has been|have been|had been)\s+)?"
    r"(?:(?:recently|newly|already|finally|eventually)\s+)?"
    r"(?:captured|seized|taken|liberated|overrun|recaptured|retaken|freed)\s+"
    r"(?:(?:\w+\s+){0,3}?)by\s+(?:the\s+)?$", re.IGNORECASE)


def _described_taken(sentence: Sentence, places: list[Place], actors: list[ActorMention]
                     ) -> list[tuple[str, Place]]:
    """"X, captured by the AA in March, was bombed": a place described as taken by a side
    is told as held by it now (GOLD.md: a statement of holding, on the publication date),
    besides the capture the events stage dates."""
    out: list[tuple[str, Place]] = []
    for place in _holdable(places):
        for span in spans_starting_in(place, sentence.start, sentence.end):
            end = span.end - sentence.start
            taker = next((a for a in _armed(actors) if a.span.start > span.end
                          and _DESCRIBED_TAKEN.match(sentence.text[end:a.span.start
                                                                   - sentence.start])), None)
            if taker is not None and not _CHANGED_AGAIN.search(
                    sentence.text[taker.span.end - sentence.start:]):
                out.append((taker.canonical, place))
    return out


#: after "X, captured by the TNLA in 2023," the sentence tells it changed hands again
#: ("was retaken by the junta in July"): the description holds no more
_CHANGED_AGAIN = re.compile(r"\b(?:re)?(?:captur|seiz|took|taken|taking|overr[au]n|liberat|"
                            r"fell|fall|lost|los(?:e|es|ing)|withdr[ae]w|retreat|abandon|"
                            r"handed|hand(?:s|ing)? (?:over|back))\w*", re.IGNORECASE)


#: a relative clause the holding phrase closes: "..., which is controlled by", "which are
#: in the territory controlled by", "that lies in a TNLA-held area" (a copula, then a few
#: words of place, no clause break)
_RELATIVE_HOLDING = re.compile(
    r"(?:,\s*|\s+)(?:which|that)\s+(?:is|are|lies|lie|remains?|has\s+been|have\s+been)"
    r"(?:\s+(?:located|situated|now|still|largely|mostly|all|both|firmly|effectively|in|within|"
    r"inside|the|an|a|part|parts|of|areas?|territory|territories|zones?|regions?|lands?))*"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
#: how far before the relative pronoun its antecedent place may be named
_ANTECEDENT_REACH = 80


def _relative_antecedents(held: list[Place], cue_at: int, sentence: Sentence,
                          holder: ActorMention) -> list[Place]:
    """"Kutkai and Namtu, which are in the territory controlled by the MNDAA": the places
    the relative clause describes, the held list ending right before its pronoun."""
    opening = cue_at
    if holder.span.end > holder.span.start and holder.span.start - sentence.start < cue_at:
        opening = holder.span.start - sentence.start  # "which is in TNLA-held territory"
    elif sentence.text[cue_at:cue_at + 1] == "-":
        word = re.search(r"[A-Za-z][\w'’]*$", sentence.text[:cue_at])
        opening = word.start() if word else cue_at
    rel = _RELATIVE_HOLDING.search(sentence.text[:opening])
    if rel is None:
        return []
    at = sentence.start + rel.start()
    ends = [(sp, p) for p in held for sp in p.spans
            if sentence.start <= sp.start and sp.end <= at and at - sp.end <= _ANTECEDENT_REACH
            and not re.search(r"[;:.()]|\b(?:and|but|while|after|as|when)\s+(?-i:[a-z])",
                              sentence.text[sp.end - sentence.start:rel.start()])]
    if not ends:
        return []
    last, place = max(ends, key=lambda item: item[0].start)
    listed = [place]
    cursor = last.start
    earlier = sorted(((sp, q) for q in held for sp in q.spans
                      if sentence.start <= sp.start and sp.end <= cursor),
                     key=lambda item: -item[0].start)
    for sp, q in earlier:
        if not _LIST_JOIN.match(sentence.text[sp.end - sentence.start:cursor - sentence.start]):
            break
        listed.insert(0, q)
        cursor = sp.start
    return listed


#: a holding adjective in a predicate noun: "X ... is the last junta-controlled city"
_PREDICATE_BEFORE = re.compile(
    r"\b(?:is|remains|was)\s+(?:now\s+|still\s+)?(?:the|a|an|one\s+of\s+the)\s+"
    r"(?:(?:only|last|sole|main|largest|biggest|remaining|few|major|key|other|largest)\s+){0,2}$",
    re.IGNORECASE)
_KIND_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:city|cities|town|towns|village|villages|"
                         r"township|townships|district|capital|stronghold|territory)\b",
                         re.IGNORECASE)


def _predicate_holding(sentence: Sentence, cue: re.Match[str], holder: ActorMention,
                       held: list[Place]) -> list[Place]:
    """"Sittwe, besieged for months, is the last junta-controlled city in Rakhine": the
    clause's subject, the first held place before the copula, is held."""
    if not _KIND_AFTER.match(sentence.text[cue.end():]):
        return []
    word = re.search(r"[A-Za-z][\w'’]*$", sentence.text[:cue.start()])
    opening = word.start() if word else cue.start()
    if holder.span.end > holder.span.start:
        opening = min(opening, holder.span.start - sentence.start)
    copula = _PREDICATE_BEFORE.search(sentence.text[:opening])
    if copula is None or ";" in sentence.text[:copula.start()]:
        return []
    subjects = sorted((sp.start, p) for p in held for sp in p.spans
                      if sentence.start <= sp.start < sentence.start + copula.start())
    return [subjects[0][1]] if subjects else []


def _in_held_area(sentence: Sentence, cue: re.Match[str], holder: ActorMention,
                  held: list[Place]) -> list[Place]:
    """"Lashio, in TNLA-held territory", "Nawnghkio town in the TNLA-controlled area":
    the place right before "in" lies in the area the holding adjective qualifies."""
    if not _HELD_AREA.match(sentence.text[cue.end():]):
        return []
    # the phrase before the holder ("in the TNLA-"), then the place before it
    opening = min(holder.span.start - sentence.start, cue.start()) \
        if holder.span.end > holder.span.start else cue.start()
    m = re.search(r"(?:[A-Za-z][\w'’]*)?$", sentence.text[:opening])
    phrase_start = m.start() if m and holder.span.end == holder.span.start else opening
    before = sentence.text[:phrase_start]
    gap = _IN_AREA_BEFORE.search(before)
    if gap is None:
        return []
    return [p for p in held for sp in p.spans
            if sentence.start <= sp.start and sp.end - sentence.start == gap.start()][:1]


#: "RSF-held Babanusa", "the rebel-held town of X", "Houthi-controlled port city X": the
#: name the holding adjective qualifies
_NAME_AFTER_CUE = re.compile(
    r"\s+(?:the\s+)?(?:(?:city|town|village|hamlet|capital|port(?:\s+city)?|"
    r"district|district\s+centre|district\s+center)\s+(?:of\s+)?)?"
    r"(?-i:(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))(?![\w'’-])", re.IGNORECASE)


def _named_after_cue(sentence: Sentence, cue: re.Match[str], places: list[Place],
                     actors: list[ActorMention]) -> list[Place]:
    """The name right after "X-held" when no gazetteer knows it: the adjective marks it as
    a place ("RSF-held Babanusa"), unless the name is a side, a known place or a common
    word ("rebel-held Eastern Ghouta" is a known region)."""
    m = _NAME_AFTER_CUE.match(sentence.text, cue.end())
    if m is None:
        return []
    start = sentence.start + m.start("name")
    name = m.group("name")
    if is_common_word(name.split()[0]) or any(
            sp.start <= start < sp.end for p in places for sp in p.spans) or any(
            a.span.start <= start < a.span.end for a in actors):
        return []
    return [Place(mention=name, name=name, spans=[Span(start, start + len(name), name)],
                  why="marked as a place: named after a holding adjective ('X-held')")]


def _alias_before(sentence: Sentence, cue: re.Match[str], at: int) -> ActorMention | None:
    """"Houthi-held X": an armed actor's name (an alias of ``actors.yaml``) written right
    before the holding adjective, where the actors stage found no mention (it reads no
    name glued to a hyphen)."""
    m = re.search(r"([A-Za-z][\w'’]*)$", sentence.text[:cue.start()])
    if m is None:
        return None
    by_alias = lexicon().by_alias
    actor = by_alias.get(m.group(1)) or by_alias.get(m.group(1).lower())
    if actor is None or actor.actor_type not in _ARMED_TYPES:
        return None
    return ActorMention(actor.name, m.group(1), actor.actor_type, Span(at, at, ""))


def _armed(actors: list[ActorMention]) -> list[ActorMention]:
    return [a for a in actors if a.actor_type not in ("Civilians", None)]


def _armed_before(actors: list[ActorMention], at: int, reach: int) -> ActorMention | None:
    """The armed side named last before ``at``, ending at most ``reach`` characters
    before it (the subject of the verb at ``at``)."""
    return max((a for a in _armed(actors) if a.span.end <= at and at - a.span.end <= reach),
               key=lambda a: a.span.end, default=None)


def _holdable(places: list[Place]) -> list[Place]:
    """Places a side can hold as a unit: towns, villages, townships, sites (not a whole
    region, country or road), known to a gazetteer or marked as places by the text."""
    return [p for p in places if (p.kind or "town") not in ("country", "region", "road")
            and (is_known_place(p) or (p.why or "").startswith(_KIND_NOUN_WHY))]


#: between a holding verb and its place: "holds the strategic town of X", "controls most of X"
_OBJECT_GAP = re.compile(
    r"^\s+(?:(?:most|much|all|parts|large parts|the rest|half) of\s+)?(?:the\s+)?"
    r"(?:(?:whole|entire|strategic|key|nearby|neighbouring|neighboring|border|frontier|"
    r"northern|southern|eastern|western|central)\s+)?"
    r"(?:(?:towns?|city|cities|villages?|townships?|districts?|areas?)\s+(?:of\s+|such as\s+)?)?$"
    # "holds 14 of the state's 17 townships, including X and Y"
    r"|^\s+(?:[\w’'-]+\s+){0,6}(?:towns|cities|villages|townships|districts|areas|"
    r"capitals|settlements|provinces|states)(?:\s+(?:in|of)\s+(?:the\s+)?[\w’'-]+)?,?\s+"
    r"(?:including|such as)\s+$"
    # "controls most of Darfur, including X and Y", "about 75% of Gaza, including X"
    r"|^\s+(?:(?:about|around|nearly|almost|over|more than)\s+)?"
    r"(?:most|much|all|parts|large parts|swathes|half|\d+\s?(?:%|per\s?cent)) of\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?:\s+(?:region|state|province|strip))?,\s+"
    r"(?:including|such as)\s+$",
    re.IGNORECASE)
#: "claiming control of the town": the town named last before
_THE_PLACE = re.compile(r"^\s+the (town|city|village)\b(?! of\b)", re.IGNORECASE)
_KINDS_FOR = {"city": ("city", "town"), "town": ("town", "city"), "village": ("village",)}


def _verb_holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                   article_places: list[Place]) -> list[tuple[str, Place]]:
    """"The TNLA, which holds Mogoke", "the AA now controls Maungdaw and Buthidaung",
    "troops stationed in X", "TNLA fighters claiming control of the town": the armed actor
    just before the verb holds the place (or list) right after it. "No longer controls",
    "once held" and "held talks in X" state nothing of the kind."""
    w = words()
    out: list[tuple[str, Place]] = []
    held = _holdable(places)
    for cue in w.holding_verb.finditer(sentence.text):
        before, after = sentence.text[:cue.start()], sentence.text[cue.end():]
        if w.not_now.search(before) or w.not_a_place_after.match(after):
            continue
        at = sentence.start + cue.start()
        holder = _armed_before(actors, at, 80)
        if holder is None:
            continue
        end = sentence.start + cue.end()
        listed = [p for p in _forward_list(held, end, sentence)
                  if _OBJECT_GAP.match(sentence.text[cue.end():first_start(p, end)
                                                     - sentence.start])][:1]
        if listed:
            listed = _with_unknown(_forward_list(held, end, sentence), sentence)
        else:
            listed = _including_list(held, cue.end(), sentence) or \
                _referred_place(after, at, article_places)
        out.extend((holder.canonical, _site_of(p, sentence)) for p in listed)
    return out


#: a positional verb told as not (yet) so: "will be stationed in X", "plans to remain in X"
_NOT_ASSERTED = re.compile(r"\b(?:will|would|could|may|might|must|should|to|not|no longer|"
                           r"n['’]t)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)


def _position_holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                       state: str | None = None) -> list[tuple[str, Place]]:
    """"A junta unit stationed on a hill in another village, X", "RSF fighters remain in
    X", "junta troops are based in X": the force whose verb it is holds the place after
    the verb's locative phrases (``positional_verbs`` of ``data/control.yaml``). The force
    is the armed actor written right before the verb (maybe with its force noun and an
    auxiliary), or the one a force noun before it belongs to ("troops of the AA")."""
    w = words()
    out: list[tuple[str, Place]] = []
    held = _holdable(places)
    for cue in w.positional.finditer(sentence.text):
        at = sentence.start + cue.start()
        if _NOT_ASSERTED.search(sentence.text[:cue.start()]):
            continue
        force = next((a for a in sorted(_armed(actors), key=lambda a: -a.span.end)
                      if a.span.end <= at and _is_force_of(a, cue.start(), sentence)), None)
        holder = force.canonical if force is not None else \
            _state_force_before(sentence, cue.start(), state)
        if holder is None:
            continue
        end = sentence.start + cue.end()
        after = [(first_start(p, end), p) for p in held]
        place = min(((start, p) for start, p in after if start >= end),
                    key=lambda item: item[0], default=None)
        if place is None or not w.position_gap.match(
                sentence.text[cue.end():place[0] - sentence.start]):
            continue
        out.extend((holder, _site_of(p, sentence)) for p in
                   _with_unknown(_forward_list(held, place[0], sentence), sentence))
    return out


def _state_force_before(sentence: Sentence, verb_at: int, state: str | None) -> str | None:
    """"An army unit stationed in X", "Regime forces are based in X": a state word
    (``state_holders``) opening the force's noun phrase names the article's state forces."""
    if state is None:
        return None
    w = words()
    before = sentence.text[:verb_at]
    for m in w.state_word_at.finditer(before):
        if w.force_gap.match(before[m.end():]) and w.force_opening.search(before[:m.start()]):
            return state
    return None


def _is_force_of(actor: ActorMention, verb_at: int, sentence: Sentence) -> bool:
    """The actor is the subject of the positional verb at ``verb_at``: its force noun and
    auxiliaries only stand between ("Junta troops are based in"), and its noun phrase
    opens a clause ("Some ARSA troops", "fighters loyal to the RSF"), not an object ("who
    fled the RSF")."""
    w = words()
    start, end = actor.span.start - sentence.start, actor.span.end - sentence.start
    if not w.force_gap.match(sentence.text[end:verb_at]):
        return False
    before = sentence.text[:start]
    return bool(w.force_opening.search(before) or w.force_of.search(before))


def _site_of(place: Place, sentence: Sentence) -> Place:
    """"Stationed inside the Sittwe Airport compound": the site named after the town is
    held, not the town (as for a capture, ``_site_named``)."""
    for span in spans_starting_in(place, sentence.start, sentence.end):
        m = _SITE_NAME.match(sentence.text[span.end - sentence.start:])
        if m is not None:
            name = " ".join(f"{span.text or place.mention}{m.group(0)}".split())
            return Place(mention=name, name=name, admin1=place.admin1,
                         spans=[Span(span.start, span.start + len(name), name)],
                         why="marked as a place: a site named after its town")
    return place


def _including_list(held: list[Place], after: int, sentence: Sentence) -> list[Place]:
    """"Controls about 75% of Gaza, including X and Y": the object is an area, and the
    list after "including" names the places in it that are held."""
    starts = sorted(s for s in (first_start(p, sentence.start + after) for p in held)
                    if s >= 0)
    for start in starts:
        gap = sentence.text[after:start - sentence.start]
        if len(gap) > 90:
            break
        if re.search(r"\b(?:including|such as)\s+$", gap) and _OBJECT_GAP.match(gap):
            return _with_unknown(_forward_list(held, start, sentence), sentence)
    return []


#: "the junta lost control of X to the TNLA", "the army lost X and Y"
_LOST = re.compile(r"\b(?:los(?:t|es|ing)|(?P<noun>loss of)) (?:full |complete |all |effective )?"
                   r"(?:control (?:of|over) )?", re.IGNORECASE)
#: between the loss and its list: "lost three strategic towns – A, B and C", "the town of X"
_LOST_GAP = re.compile(r"^(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:towns?|cities|city|villages?|"
                       r"townships?|districts?)\s*(?:of\s+|[–—:-]\s*|,\s*|including\s+)?)?$",
                       re.IGNORECASE)
_TO_TAKER = re.compile(r"^\s*(?:town|city|village|township|district)?\s*"
                       r"(?:\([^()]{1,40}\)\s*)?to\s+(?:the\s+)?$", re.IGNORECASE)


def _losses(sentence: Sentence, places: list[Place], actors: list[ActorMention],
            sides: Belligerents) -> list[tuple[str, str, Place]]:
    """"The junta lost control of X to the TNLA", "Ukraine lost X": (taker, loser, place).
    The side that lost is the armed actor just before the verb; the taker is named after
    "to", else the loser's main opponent in the article."""
    out: list[tuple[str, str, Place]] = []
    held = _holdable(places)
    for cue in _LOST.finditer(sentence.text):
        at = sentence.start + cue.start()
        loser = _armed_before(actors, at, 60)
        end = sentence.start + cue.end()
        lost = _forward_list(held, end, sentence)
        if not lost or not _LOST_GAP.match(sentence.text[cue.end():first_start(lost[0], end)
                                                         - sentence.start]):
            continue
        if loser is None and not cue.group("noun"):
            continue
        last_end = max(sp.end for p in lost for sp in p.spans if end <= sp.start < sentence.end)
        named = next((a.canonical for a in _armed(actors) if a.span.start >= last_end
                      and _TO_TAKER.match(sentence.text[last_end - sentence.start:
                                                        a.span.start - sentence.start])), None)
        if loser is None:  # "the loss of X to the TNLA": the taker's enemy lost it
            loser_name = sides.opponent(named) if named else None
        else:
            loser_name = loser.canonical
        taker = named or sides.opponent(loser_name)
        if taker is not None and loser_name is not None and taker != loser_name:
            out.extend((taker, loser_name, p) for p in lost)
    return out


#: a capture told by a noun or a phrase the events stage has no trigger for: "the fall of X
#: to Y", "Y's takeover of X", "X was lost to Y", "Y wrested control of X", "after losing
#: X, the junta ...", "junta troops fled X"
_TOLD_CAPTURE = re.compile(
    r"\b(?P<fall>fall of )|"
    r"\b(?P<noun>takeover|conquest|seizure|capture) of |"
    r"\b(?P<lost>(?:was|were|has been|have been|had been) lost to )|"
    r"\b(?P<wrest>wrested |wrestled )(?:(?:full |complete )?control (?:of|over) )?|"
    r"^\s*(?:After|Since) (?P<losing>losing )(?:(?:control of )?)|"
    r"\b(?P<fled>fled (?:from )?)", re.IGNORECASE)
#: a capture only feared, hoped for or possible: "the fall of X would ...", "could lose X"
_NOT_DONE_BEFORE = re.compile(r"\b(?:would|could|may|might|will|if|fears?|feared|threat(?:en)?s?|"
                              r"risk|prevent(?:ed)?|avert(?:ed)?|stop|imminent|possible|"
                              r"potential|expected)\b[^.;,]{0,30}$", re.IGNORECASE)
#: a noun of capture that is the subject of a modal: "the fall of X to Y would be a blow"
_NOT_DONE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:would|could|might|will|may)\b", re.IGNORECASE)
#: between a side and its verb: "junta troops fled", "the TNLA quickly wrested"
_SUBJECT_TO_VERB = re.compile(r"^(?:['’]s)?\s*(?:(?:troops|soldiers|forces|fighters|units|"
                              r"personnel|battalions?|columns?)\s+)?(?:\w+ly\s+)?(?:had\s+)?$",
                              re.IGNORECASE)
#: between a place and the side it fell to: "X (Y) to the TNLA"
_TO_SIDE = re.compile(r"^\s*(?:town|city|village|township)?\s*(?:\([^()]{1,40}\)\s*)?"
                      r"(?:(?:was|were|has been|have been|had been) lost )?to\s+(?:the\s+)?$",
                      re.IGNORECASE)


def _told_captures(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                   sides: Belligerents) -> list[tuple[str, str, Place, str]]:
    """Captures told in words the events stage has no trigger for (`_TOLD_CAPTURE`):
    (taker, loser, place, how). The taker is named ("to Y", "Y's takeover", the subject
    of "wrested"); the loser is the subject of "fled" or "after losing" (the taker then is
    its main opponent). A capture feared or possible ("the fall of X would ...") is none."""
    out: list[tuple[str, str, Place, str]] = []
    held = _holdable(places)
    armed = _armed(actors)
    text = sentence.text
    for cue in _TOLD_CAPTURE.finditer(text):
        if _NOT_DONE_BEFORE.search(text[:cue.start()]):
            continue
        end = sentence.start + cue.end()
        if cue.group("lost"):  # "X was lost to Y": the place comes before
            before = [p for p in held if any(0 <= sentence.start + cue.start() - sp.end <= 2
                                             for sp in p.spans)]
            listed = before[:1]
            after_at = end
        else:
            listed = _forward_list(held, end, sentence)
            if listed and re.match(r"^(?:the\s+(?:town|city|village)\s+of\s+)?$",
                                   text[cue.end():first_start(listed[0], end) - sentence.start],
                                   re.IGNORECASE) is None:
                listed = []
            if not listed:
                continue
            after_at = max(sp.end for p in listed for sp in p.spans
                           if end <= sp.start < sentence.end)
        if not listed:
            continue
        to_side = _TO_SIDE if not cue.group("lost") else re.compile(r"^\s*(?:the\s+)?$")
        named_after = next((a for a in armed if a.span.start >= after_at and to_side.match(
            text[after_at - sentence.start:a.span.start - sentence.start])), None)
        subject = max((a for a in armed if a.span.end <= sentence.start + cue.start()
                       and _SUBJECT_TO_VERB.match(text[a.span.end - sentence.start:cue.start()])),
                      key=lambda a: a.span.end, default=None)
        taker: str | None = None
        loser: str | None = None
        if cue.group("fall") or cue.group("lost"):
            taker = named_after.canonical if named_after else None
        elif cue.group("noun"):
            by = re.match(r"^\s*by\s+(?:the\s+)?", text[after_at - sentence.start:])
            agent = next((a for a in armed if by and a.span.start == after_at + by.end()),
                         None)
            owner = next((a for a in armed if a.span.end <= sentence.start + cue.start()
                          and re.fullmatch(r"['’]s\s+", text[a.span.end - sentence.start:
                                                              cue.start()])), None)
            named = agent or owner
            taker = named.canonical if named is not None else None
        elif cue.group("wrest"):
            taker = subject.canonical if subject else None
        elif cue.group("losing"):
            first = next((a for a in armed if a.span.start >= after_at), None)
            loser = first.canonical if first else None
        elif cue.group("fled"):
            loser = subject.canonical if subject else None
        if taker is None and loser is not None:
            taker = sides.opponent(loser)
        if taker is not None and loser is None:
            loser = sides.opponent(taker)
        if taker is None or loser is None or taker == loser:
            continue
        if (cue.group("fall") or cue.group("noun")) and _NOT_DONE_AFTER.match(
                text, after_at - sentence.start):
            continue  # "the fall of X to Y would be a blow"
        how = "withdrew" if cue.group("fled") else "captured"
        out.extend((taker, loser, p, how) for p in listed)
    return out


#: "since capturing X": a capture told as the start of what follows (no event of its own)
_SINCE_TAKING = re.compile(r"\bsince\s+(?:(?:its|their)\s+)?(?:captur(?:ing|e of)|"
                           r"seiz(?:ing|ure of)|taking(?:\s+(?:full\s+)?control\s+of)?|"
                           r"overrunning)\s+"
                           r"(?:the\s+(?:town|city|village)\s+of\s+)?", re.IGNORECASE)


def _since_taking(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                  sides: Belligerents) -> list[tuple[str, str, Place, tuple[int, int]]]:
    """"Since capturing Paletwa in January, the AA has ...", "the AA, since seizing X, ...":
    the places right after the gerund were taken by the clause's subject (the side named
    first after a sentence-opening clause, else the one just before)."""
    out: list[tuple[str, str, Place, tuple[int, int]]] = []
    for cue in _SINCE_TAKING.finditer(sentence.text):
        comma = sentence.text.find(",", cue.end())
        phrase = (sentence.start + cue.start(),
                  sentence.start + (comma if comma >= 0 else len(sentence.text)))
        end = sentence.start + cue.end()
        taken = _forward_list(_holdable(places), end, sentence)
        if not taken or first_start(taken[0], end) != end:
            continue
        armed = _armed(actors)
        if not sentence.text[:cue.start()].strip():  # the clause opens the sentence
            taker = next((a for a in armed if a.span.start >= end), None)
        else:
            taker = max((a for a in armed if a.span.end <= sentence.start + cue.start()),
                        key=lambda a: a.span.end, default=None)
        loser = sides.opponent(taker.canonical) if taker is not None else None
        if taker is not None and loser is not None:
            out.extend((taker.canonical, loser, p, phrase) for p in taken)
    return out


#: a side that left a place, told as done: "the TNLA retreated from X", "pulled out of X"
_RETREAT = re.compile(r"\b(?:retreated|pulled (?:\w+ )?(?:forces |troops |fighters )?(?:out|back)|"
                      # "Ukrainian troops withdrew from X", "had withdrawn their forces from X"
                      r"(?:withdrew|(?:has|have|had) (?:now |since |also )?withdrawn)"
                      r"(?: (?:all )?(?:its |their )?(?:forces|troops|fighters|soldiers|units))?|"
                      r"(?:were|was) forced to (?:retreat|withdraw|pull out)) (?:from|of) "
                      r"(?:the (?:[\w-]+ )?(?:town|city|village|district) of )?", re.IGNORECASE)


def _retreats(sentence: Sentence, places: list[Place], actors: list[ActorMention],
              sides: Belligerents) -> list[tuple[str, str, Place]]:
    """"The TNLA retreated from X", "troops pulled out of X and Y": the side just before
    the verb left the places right after it to its main opponent (ACLED codes the retreat
    as a troop movement; the holder still changes)."""
    out: list[tuple[str, str, Place]] = []
    held = _holdable(places)
    for cue in _RETREAT.finditer(sentence.text):
        at = sentence.start + cue.start()
        leaver = _armed_before(actors, at, 60)
        end = sentence.start + cue.end()
        left = _forward_list(held, end, sentence)
        if leaver is None or not left or first_start(left[0], end) != end:
            continue
        taker = sides.opponent(leaver.canonical)
        if taker is not None and taker != leaver.canonical:
            out.extend((taker, leaver.canonical, p) for p in left)
    return out


def _referred_place(after: str, at: int, article_places: list[Place]) -> list[Place]:
    """"Claiming control of the town": the town (city, village) named last before it."""
    m = _THE_PLACE.match(after)
    if m is None:
        return []
    kinds = _KINDS_FOR[m.group(1).lower()]
    earlier = [(span.start, p) for p in _holdable(article_places) for span in p.spans
               if span.start < at and (p.kind or "") in kinds]
    return [max(earlier, key=lambda item: item[0])[1]] if earlier else []


#: a place that a stronghold noun describes: "X, one of ...", "X is the junta's last ..."
_DESCRIBED = re.compile(r"^(?:,|\s+(?:is|was|remains|became|has become)\b)")


def _stronghold_holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention],
                         rebel: ActorMention | None = None, state: str | None = None
                         ) -> list[tuple[str, Place]]:
    """"X, one of the junta's last footholds", "the TNLA stronghold of X", "X is an AA
    bastion": the side named just before the noun holds the place it describes; "the last
    army stronghold", "a rebel bastion": the article's state forces or main rebel group."""
    out: list[tuple[str, Place]] = []
    held = _holdable(places)
    for cue in words().stronghold.finditer(sentence.text):
        at = sentence.start + cue.start()
        holder = _armed_before(actors, at, 25) or _generic_side(
            sentence.text[:cue.start()], at, rebel, state)
        if holder is None:
            continue
        end = sentence.start + cue.end()
        after = [p for p in held if first_start(p, end) >= 0 and re.match(
            r"^\s+of\s+(?:the\s+)?$", sentence.text[cue.end():first_start(p, end)
                                                     - sentence.start])]
        if after:
            out.extend((holder.canonical, p) for p in after[:1])
            continue
        # the nearest place before the side, described by "X, one of ..." or "X is ..."
        before = [(sp, p) for p in held for sp in p.spans
                  if sentence.start <= sp.start and sp.end <= holder.span.start
                  and holder.span.start - sp.end <= 120]
        if before:
            span, place = max(before, key=lambda item: item[0].start)
            if _DESCRIBED.match(sentence.text[span.end - sentence.start:]):
                out.append((holder.canonical, place))
    return out


#: "the last army stronghold", "a key rebel bastion": a side named by a common noun
_SIDE_WORD_BEFORE = re.compile(r"\b(?P<word>\w+)(?:['’]s)?\s+(?:(?:last|main|key|remaining|"
                               r"former|largest|biggest|major|final)\s+)?$", re.IGNORECASE)


def _generic_side(before: str, at: int, rebel: ActorMention | None, state: str | None
                  ) -> ActorMention | None:
    """The side a common noun just before ``at`` names: a state word (``state_holders``)
    for the article's state forces, a rebel word (``rebel_holders``) for its main group."""
    m = _SIDE_WORD_BEFORE.search(before)
    if m is None:
        return None
    w = words()
    if state is not None and w.state_word.fullmatch(m.group("word")):
        return ActorMention(state, m.group("word"), "State forces", Span(at, at, ""))
    if rebel is not None and _GENERIC_HOLDER.search(m.group("word")):
        return ActorMention(rebel.canonical, rebel.surface, rebel.actor_type, Span(at, at, ""))
    return None


def _frame_holdings(sentence: Sentence, places: list[Place], actors: list[ActorMention]
                    ) -> list[tuple[str, Place]]:
    """"In the territories controlled by the TNLA, airstrikes on A and B ...", "In
    AA-held areas, ...": a sentence that opens with the area a side holds places every
    town or village of its main clause there."""
    frame = words().frame.match(sentence.text)
    if frame is None or not _HELD_BY.search(frame.group(1)):
        return []
    inside = [a for a in _armed(actors)
              if sentence.start + frame.start(1) <= a.span.start < sentence.start + frame.end(1)]
    if not inside:
        return []
    holder = inside[0]
    comma = sentence.start + frame.end()
    return [(holder.canonical, p) for p in _holdable(places)
            if any(sp.start >= comma for sp in p.spans if sp.start < sentence.end)]


#: a list's joint, maybe behind another name in brackets ("Hsipaw (Thibaw), Nawnghkio")
_LIST_JOIN = re.compile(r"^(?:\s*\([^()]{1,40}\))?"
                        # an item no gazetteer holds does not end the list: "A, Unknown, B"
                        r"(?:\s*,\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?:\s*\([^()]{1,40}\))?){0,3}"
                        r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)$")


def _forward_list(places: list[Place], at: int, sentence: Sentence) -> list[Place]:
    """"TNLA-controlled towns of Kyaukme and Hsipaw, as well as on Nawnghkio": the list the
    cue opens (within 70 characters), up to the first word that is no list joint."""
    ordered = sorted(((first_start(p, sentence.start), p) for p in places),
                     key=lambda item: item[0])
    out: list[Place] = []
    end = at
    for start, place in ordered:
        if start < at:
            continue
        gap = sentence.text[end - sentence.start:start - sentence.start]
        if (not out and start - at > 70) or (out and not _LIST_JOIN.match(gap)):
            break
        out.append(place)
        end = next(s.end for s in place.spans if s.start == start)
    return out


_UNKNOWN_ITEM = re.compile(r"(?<=,\s)([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                           r"(?=\s*(?:\([^()]{1,40}\))?\s*,)")


def _with_unknown(listed: list[Place], sentence: Sentence) -> list[Place]:
    """"TNLA-controlled townships such as Kutkai, Hsipaw, Monglon, Mongngok, Kyaukme": a
    name no gazetteer holds, standing between two held places of one list, is held too
    (the list marks it as a place of the same kind)."""
    out: list[Place] = []
    for before, after in pairwise(listed):
        out.append(before)
        end = max((sp.end for sp in before.spans if sentence.start <= sp.start < sentence.end),
                  default=None)
        start = first_start(after, end or sentence.start)
        if end is None or start < 0:
            continue
        for m in _UNKNOWN_ITEM.finditer(sentence.text, end - sentence.start,
                                        start - sentence.start):
            at = sentence.start + m.start(1)
            out.append(Place(mention=m.group(1), name=m.group(1),
                             spans=[Span(at, at + len(m.group(1)), m.group(1))],
                             why="marked as a place: listed between held places"))
    return out + listed[-1:] if listed else out


#: a nationality adjective before the hyphen or inside "under ... control"
_NATIONAL = re.compile(r"(?:^|\s)([A-Z][a-z]+)$")
_UNDER_NATIONAL = re.compile(r"^under (?:the )?(?:full |firm |complete )?([A-Z][a-z]+) "
                             r"(?:(?:military|army|government|state) )?(?:control|rule)$"
                             # "X is now in Russian hands"
                             r"|^in (?:the )?([A-Z][a-z]+) hands$")


def _national_forces(sentence: Sentence, cue: re.Match[str]) -> str | None:
    """"Russian-occupied X", "under Ukrainian control", "Sudanese army-held": the state
    forces of the country whose adjective names the holder (a country word of
    ``actors.yaml`` that is no country name itself: "Ukrainian", not "Ukraine")."""
    if cue.group(0).startswith("-"):
        before = sentence.text[max(0, cue.start() - 30):cue.start()]
        # "Ukraine-held X", "Kyiv-controlled X": a state's name or capital names its forces
        named = re.search(r"(?:^|\s)([A-Z][\w'’]+)$", before)
        country = named and lexicon().state_of_word.get(named.group(1))
        if country:
            return state_forces(country)
        m = _NATIONAL.search(before)
    else:
        m = _UNDER_NATIONAL.match(cue.group(0))
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    for country, names in lexicon().countries.items():
        if word in names and word != country and word.endswith(("an", "ese", "i", "ish")):
            return state_forces(country)
    return None


def _state_descriptor(sentence: Sentence, cue: re.Match[str], state: str | None) -> str | None:
    """"Junta-held X", "the regime-controlled town of X", "under army control": the
    article's state forces (``state_holders`` of ``data/control.yaml``)."""
    if state is None:
        return None
    w = words()
    if cue.group(0).startswith("-"):
        return state if w.state_before.search(sentence.text[:cue.start()]) else None
    m = w.generic_under.match(cue.group(0))
    return state if m and w.state_word.fullmatch(m.group(1)) else None


def _written_before(actor: ActorMention, at: int, sentence: Sentence) -> bool:
    """"TNLA-held", "Ta'ang National Liberation Army (TNLA)-controlled": the actor ends at
    the hyphen, maybe behind its acronym in brackets."""
    between = sentence.text[actor.span.end - sentence.start:at - sentence.start]
    return actor.span.end <= at and bool(re.fullmatch(r"(?:\s*\(\w+\))?\)?", between))


def _sentence_date(start: int, end: int, dates: list[DateInterval], doc: Document
                   ) -> DateInterval | None:
    inside = [d for d in dates if d.span and start <= d.span.start < end]
    if inside:
        return inside[0]
    if doc.published:
        return resolve("today", doc.published, doc.published_precision)
    return None


# --- the speaker's own forces ---------------------------------------------------------

@cache
def _state_words() -> re.Pattern[str]:
    """Names, capitals and adjectives of states ("Russia", "Moscow", "Russian"), as written."""
    names = sorted(lexicon().state_of_word, key=len, reverse=True)
    return re.compile(rf"(?<![\w'’-])({'|'.join(re.escape(n) for n in names)})(?![\w-])")


def _state_named(words_: str) -> str | None:
    """The country a speaker's words name ("Russia's defence ministry", "Moscow")."""
    m = _state_words().search(words_)
    return lexicon().state_of_word[m.group(1)] if m else None


#: "MOSCOW: ...", "KYIV, Ukraine (AP) —": a dateline's city, in capitals
_DATELINE = re.compile(r"^\s*(?:date \S+\s+)?([A-Z][A-Z'’ -]{2,20})\b\s*(?:[:,(—–-])")


def _last_speaking_state(before: str, states: tuple[str, ...]) -> str | None:
    """The country last named as a speaker before ("Russia on Saturday said ..."), a side
    of the war or one telling of its own forces ("Russia said its forces ..."); else the
    dateline's ("MOSCOW: ..."), when a side of the war."""
    w = words()
    found = None
    for m in _state_words().finditer(before):
        after = before[m.end():m.end() + 60]
        speech = w.speaking.search(after)
        if speech is None or re.search(r"[.;:]", after[:speech.start()]):
            continue
        country = lexicon().state_of_word[m.group(1)]
        if state_forces(country) in states or w.speech_own.match(after, speech.start()):
            found = country
    if found is None:
        line = _DATELINE.match(before)
        dateline = line and lexicon().state_of_word.get(line.group(1).strip().title())
        found = dateline if dateline and state_forces(dateline) in states else None
    return found


def speaking_state(sentence: Sentence, trigger_at: int, full_text: str,
                   states: tuple[str, ...] = (),
                   mentions: list[ActorMention] | None = None) -> str | None:
    """"Russia said its forces captured X", "The defence ministry said its troops
    'liberated' X", "Its forces took X, Moscow said", "The AA said it had captured X": the
    speaker's own forces did it, and the speaker is an armed actor or a state named in the
    sentence (or, for "the defence ministry", the state last named as speaking). None when
    the sentence says nothing of the kind."""
    w = words()
    at = trigger_at - sentence.start
    before = sentence.text[:at]
    subject: tuple[int, int] | None = None
    first = w.speaker_first.search(before)
    if first is not None:
        head = before[:first.start()]
        cut = max(head.rfind(c) for c in ";:“\"")
        subject = (cut + 1, first.start())
    elif w.own_forces_before.search(before):
        later = w.speaker_after.search(sentence.text, at)
        if later is not None:
            group = "subj" if later.group("subj") else "acc"
            subject = (later.start(group), later.end(group))
    if subject is None or subject[1] <= subject[0]:
        return None
    named = _subject_actor(sentence, subject, mentions or [])
    if named is not None:
        return named
    words_ = sentence.text[subject[0]:subject[1]]
    words_ = re.sub(r",[^,]*,", ",", words_)  # "Russia, an ally of X, said"
    country = _state_named(words_)
    if country is None and w.state_speaker.search(words_):
        country = _last_speaking_state(full_text[:sentence.start], states)
    return state_forces(country) if country else None


def _subject_actor(sentence: Sentence, subject: tuple[int, int],
                   mentions: list[ActorMention]) -> str | None:
    """The armed actor a speaker's words name: the last one, not one inside an apposition
    ("The TNLA, an ally of the MNDAA, said") nor an alliance whose member is named
    ("Brotherhood Alliance member the TNLA claimed")."""
    text = sentence.text
    inside = [m for m in mentions if m.actor_type in _ARMED_TYPES
              and subject[0] <= m.span.start - sentence.start < subject[1]]
    kept = [m for m in inside if not (
        "," in text[subject[0]:m.span.start - sentence.start]
        and "," in text[m.span.end - sentence.start:subject[1]])]
    named = {m.canonical for m in kept}
    kept = [m for m in kept if not (set(alliance_members(m.surface)) & (named - {m.canonical}))]
    return kept[-1].canonical if kept else None


def speaker_roles(roles: Roles, trigger_at: int, sentence: Sentence, full_text: str,
                  sides: Belligerents, mentions: list[ActorMention] | None = None) -> Roles:
    """A capture told by a side as its own forces' ("The defence ministry said its troops
    liberated X", "The AA said it had captured X"): the speaker's forces are actor1,
    whoever the descriptor was resolved to; that side, if another, becomes actor2."""
    own = speaking_state(sentence, trigger_at, full_text, sides.states, mentions)
    if own is None or own == roles.actor1:
        return roles
    other = roles.actor1 if roles.actor1 and actor_country(roles.actor1) != \
        actor_country(own) else roles.actor2
    if other == own or other is None:
        other = sides.opponent(own)
    return replace(roles, actor1=own, actor2=other)


# --- the subjects of a passive capture ------------------------------------------------

#: between the last subject and a passive capture: "X and Y were (quickly) captured by",
#: "X and Y fell to", "X and Y, which had been seized by", "X and Y were among five towns
#: captured by", "X and Y have been retaken"
_PASSIVE_GAP = re.compile(
    r"^(?:\s+(?:towns?|villages?|cities|townships?))?\s*,?\s*(?:(?:which|that)\s+)?"
    r"(?:(?:were|was|have|has|had)\s+(?:(?:all|both|also|quickly|finally|later|since|"
    r"already|earlier|reportedly)\s+)?(?:been\s+)?"
    r"(?:among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:towns|cities|villages|places|areas)\s+)?)?$",
    re.IGNORECASE)
#: the capture word itself is passive or intransitive: "captured", "fell", "were taken"
_PASSIVE_TRIGGER = re.compile(r"(?:captured|seized|taken|overrun|fell|fallen|retaken|"
                              r"recaptured|liberated|occupied|lost)\b", re.IGNORECASE)
#: between two subjects of one list
_SUBJECT_JOINT = re.compile(r"^(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
                            r"(?:the\s+)?(?:towns?\s+of\s+)?$", re.IGNORECASE)


def passive_subjects(wheres: list[Where], trigger_at: int, sentence: Sentence) -> list[Where]:
    """"Kyaukme and Hsipaw fell to the TNLA", "A, B and C were captured by the AA": every
    place of the coordinated subject of a passive (or intransitive) capture changes hands,
    not only the one nearest the verb. Empty unless two or more are listed so."""
    at = trigger_at - sentence.start
    if not _PASSIVE_TRIGGER.match(sentence.text, at):
        return []
    spans = sorted(((sp.start - sentence.start, sp.end - sentence.start, w) for w in wheres
                    for sp in spans_starting_in(w.place, sentence.start, trigger_at)
                    if sp.end <= trigger_at),
                   key=lambda item: item[0])
    if not spans or not _PASSIVE_GAP.match(sentence.text[spans[-1][1]:at]):
        return []
    listed = [spans[-1]]
    for item in reversed(spans[:-1]):
        if not _SUBJECT_JOINT.match(sentence.text[item[1]:listed[0][0]]):
            break
        listed.insert(0, item)
    out: list[Where] = []
    for _, _, where in listed:
        if where not in out:
            out.append(where)
    return out if len(out) > 1 else []


# --- the capture verb's own subject (the parse) ---------------------------------------

_ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia",
                          "Identity militia", "External/Other forces"})


#: the parts of a noun phrase that name someone else: "the MNDAA, a TNLA ally", "X, which ..."
_ASIDE = frozenset({"appos", "relcl", "acl", "conj", "cc", "prep", "advcl"})


def _actor_of(token: SpacyToken, mentions: list[ActorMention], offset: int
              ) -> ActorMention | None:
    """The armed actor a noun phrase names: the mention inside the phrase's subtree nearest
    its head ("the AA", "regime battalion headquarters": the regime)."""
    head = offset + token.idx
    armed = [m for m in mentions if m.actor_type in _ARMED_TYPES]
    own = next((m for m in armed if m.span.start <= head < m.span.end), None)
    if own is not None:
        return own
    # the phrase without its appositions and clauses ("the MNDAA, a TNLA ally, ...")
    kept = [t for t in token.subtree if not any(
        a.dep_ in _ASIDE and a is not token for a in [t, *t.ancestors]
        if a.i >= token.left_edge.i and a.i <= token.right_edge.i)]
    inside = [m for m in armed if any(
        m.span.start <= offset + t.idx < m.span.end for t in kept)]
    return min(inside, key=lambda m: abs(m.span.start - head), default=None)


_UNNAMED = "Unidentified Armed Group"


def _named_within(token: SpacyToken, head: ActorMention | None, mentions: list[ActorMention],
                  offset: int) -> ActorMention | None:
    """"Jihadists from JNIM", "gunmen of the RSF", "fighters loyal to HTS": a subject whose
    head is no named side but whose prepositional phrase names one is that side's."""
    if head is None or not head.canonical.startswith(_UNNAMED):
        return None
    inside = [t for child in token.children if child.dep_ in ("prep", "acl")
              for t in child.subtree]
    return next((m for m in mentions if m.actor_type in _ARMED_TYPES
                 and not m.canonical.startswith(_UNNAMED)
                 and any(m.span.start <= offset + t.idx < m.span.end for t in inside)), None)


def _names(phrase: SpacyToken, actor: str | None, mentions: list[ActorMention],
           offset: int) -> bool:
    """The actor is named anywhere in the phrase (a coordinated subject included)."""
    start = offset + phrase.left_edge.idx
    end = offset + phrase.right_edge.idx + len(phrase.right_edge.text)
    return any(m.canonical == actor and start <= m.span.start < end for m in mentions)


def parsed_roles(roles: Roles, trigger_at: int, sentence: Sentence,
                 mentions: list[ActorMention], parse: Callable[[], Doc],
                 sides: Belligerents) -> Roles:
    """The capture verb's own subject takes the place, not the first side the sentence
    names ("The regime fortified X after the AA captured Y": the AA); a passive with no
    agent whose subject is a side's ("all three regime battalion headquarters were
    captured") was taken from that side. The sentence is parsed only when it names two
    sides (or one, before a passive): otherwise the parse could change nothing."""
    at = trigger_at - sentence.start
    sides_named = {m.canonical for m in mentions if m.actor_type in _ARMED_TYPES}
    passive = bool(re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", sentence.text[:at]))
    if len(sides_named) < 2 and not (passive and sides_named):
        return roles
    verb = next((t for t in parse() if t.idx <= at < t.idx + len(t.text)), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return roles
    deps = {child.dep_: child for child in verb.children}
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if subjects and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subjects = [verb.head]  # "the RSF, which seized X": its antecedent
    if not subjects and verb.dep_ == "xcomp":
        # "forcing the army to withdraw from X", "allowing the army to retake X": the
        # object of the governing verb does it
        subjects = [child for child in verb.head.children if child.dep_ == "dobj"]
    if subjects:
        doer = _actor_of(subjects[0], mentions, sentence.start)
        member = _named_within(subjects[0], doer, mentions, sentence.start)
        if member is not None and doer is not None:  # "Jihadists from JNIM seized X": JNIM
            other = roles.actor2 if roles.actor2 not in (None, member.canonical, doer.canonical) \
                else sides.opponent(member.canonical)
            return replace(roles, actor1=member.canonical, actor2=other)
        if doer is None or doer.canonical == roles.actor1 or any(
                _names(subject, roles.actor1, mentions, sentence.start)
                for subject in subjects):
            return roles  # "A, B and C took X": the first named of the subject leads
        other = roles.actor1 if roles.actor1 not in (None, doer.canonical) else roles.actor2
        if other == doer.canonical or other is None:
            other = sides.opponent(doer.canonical)
        return replace(roles, actor1=doer.canonical, actor2=other)
    if "nsubjpass" in deps and "agent" not in deps:
        owner = _actor_of(deps["nsubjpass"], mentions, sentence.start)
        if owner is None or owner.canonical != roles.actor1:
            return roles
        taker = roles.actor2 if roles.actor2 not in (None, owner.canonical) else \
            sides.opponent(owner.canonical)
        return replace(roles, actor1=taker, actor2=owner.canonical) if taker else roles
    return roles


#: the kinds whose actors the parse's subject does not decide: crowds, people fleeing, a
#: handover's giver and receiver, a deal's parties
_NOT_BY_SUBJECT = frozenset({"displacement", "handover", "agreement"})
#: "X launched an attack", "X carried out strikes": a light verb whose object is the event
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "unleash", "wage",
                          "fire", "make", "step", "intensify", "continue", "resume"})


def _subject_phrase(verb: SpacyToken) -> SpacyToken | None:
    """The phrase that does what the verb says: its subject (a relative pronoun's
    antecedent: "the RSF, which seized X"), the first conjunct's subject ("stormed X and
    seized Y"), or a passive's by-agent ("was seized by the RSF"); None for a passive with
    no agent."""
    for _ in range(3):
        children = list(verb.children)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            return None
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        return None
    return None


def subject_roles(kind: TriggerKind, roles: Roles, trigger_at: int, sentence: Sentence,
                  mentions: list[ActorMention], parse: Callable[[], Doc],
                  sides: Belligerents) -> Roles:
    """Issue 12: the event's doer is the subject of its trigger verb (or of the light verb
    whose object it is: "the RSF launched an attack") when that subject names an armed side,
    before the first side the sentence names ("fighting between the army and the RSF went
    on in Kordofan, where the paramilitary group seized X": the RSF). Parsed only when the
    sentence names two armed sides and the doer was not told by "by X"."""
    if kind.name in _NOT_BY_SUBJECT or kind.event_type in ("Protests", "Riots") or kind.control:
        return roles
    armed = {m.canonical for m in mentions if m.actor_type in _ARMED_TYPES}
    if len(armed) < 2:
        return roles
    at = trigger_at - sentence.start
    token = next((t for t in parse() if t.idx <= at < t.idx + len(t.text)), None)
    if token is None:
        return roles
    if token.dep_ == "compound":  # "a drone attack": the noun it modifies
        token = token.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" \
            and token.head.lemma_ in _LIGHT_VERBS:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return roles
    phrase = _subject_phrase(token)
    if phrase is None:
        return roles
    doer = _actor_of(phrase, mentions, sentence.start)
    if doer is None or doer.canonical == roles.actor1 or \
            _names(phrase, roles.actor1, mentions, sentence.start):
        return roles
    if doer.generic and doer.actor_type in _NON_STATE and \
            actor_type(roles.actor1) in _NON_STATE:
        return roles  # "Gangs attacked X, where gunmen clashed with police": its own men
    other = roles.actor2 if roles.actor2 not in (None, doer.canonical) else roles.actor1
    if other == doer.canonical or other is None:
        other = sides.opponent(doer.canonical)
    assoc = [a for a in roles.assoc if a not in (doer.canonical, other)]
    return replace(roles, actor1=doer.canonical, actor2=other, assoc=assoc, stated=True)


#: the object of a capture counted, then named: "seized 14 of Rakhine's 17 townships,
#: including X and Y", "captured five towns such as X, Y and Z"
_COUNTED_OBJECT = re.compile(
    r"^\S*\s+(?:control of\s+)?(?:(?:at least|more than|over|nearly|some|all)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|dozens)"
    r"\s+(?:of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3})?(?:[\w-]+\s+)?"
    r"(?:towns|townships|cities|villages|districts|settlements)\b[^.;]{0,30}?,?\s*"
    r"(?:including|such as|among them|namely)\s+$", re.IGNORECASE)


def counted_list(wheres: list[Where], trigger_at: int, sentence: Sentence) -> list[Where]:
    """"The AA has seized 14 of Rakhine's 17 townships, including Paletwa and Kyauktaw":
    the places listed after the counted object all changed hands (the list may start
    further from the verb than a plain object does)."""
    ordered = sorted(((min((sp.start for sp in w.place.spans
                            if trigger_at <= sp.start < sentence.end), default=-1), w)
                      for w in wheres), key=lambda item: item[0])
    ordered = [(start, w) for start, w in ordered if start >= 0]
    if not ordered:
        return []
    start, first = ordered[0]
    if not _COUNTED_OBJECT.match(sentence.text[trigger_at - sentence.start:
                                               start - sentence.start]):
        return []
    out = [first]
    end = start + len(first.place.mention or first.place.name)
    for start, where in ordered[1:]:
        if not _LIST_JOIN.match(sentence.text[end - sentence.start:start - sentence.start]):
            break
        out.append(where)
        end = start + len(where.place.mention or where.place.name)
    return out if len(out) > 1 else []
