"""Events stage: ACLED-coded events, control changes and claims, with evidence.

For each sentence: find triggers (``data/triggers.yaml``), drop negated and
hypothetical ones, read the status and its source, give the event its actors
(``roles``), places (``locating``), date (``dating``), fatalities and weapons
(``details``); then merge what ACLED counts as one event and derive control
changes and claims. The spaCy parse runs only on sentences that hold a trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from sitrep.actors import CROWD_TYPES, actor_country, actor_type, crowd_roles, focus_country
from sitrep.events import abroad, arguments, explain, moves, realis, transfer, written
from sitrep.events import claims as claim_rules
from sitrep.events import control as control_rules
from sitrep.events import details as casualty_rules
from sitrep.events.dating import (
    date_for,
    is_background,
    listed_days,
    named_days_apart,
    not_after_publication,
    unresolved_apart,
)
from sitrep.events.details import fatalities, injured, weapons
from sitrep.events.lexicon import (
    TriggerKind,
    cues,
    has_trigger,
    kinds_applying,
    kinds_matching,
    trigger_kinds,
)
from sitrep.events.locating import (
    Nearby,
    Where,
    allocate,
    by_sentence,
    is_anchor,
    listed_after,
    locations,
    nearest_to_trigger,
    own_date,
    story_place,
)
from sitrep.events.roles import (
    Belligerents,
    assign,
    base_fell,
    is_target,
    possessed_descriptors,
    speaks_of_itself,
)
from sitrep.events.status import (
    attribution,
    carried_source,
    is_hypothetical,
    is_negated,
    status_of,
    told_status,
)
from sitrep.model import (
    NON_FACTUAL,
    ActorMention,
    Claim,
    ControlChange,
    DateInterval,
    Document,
    Event,
    Place,
    Sentence,
    Span,
)
from sitrep.spans import spans_starting_in
from sitrep.text import AnalysedText

COMPONENT = "events.rules.v1"
#: "seized Rihkhawdar, Lailenpi, ... and Sukhua": every place of a list is an event
MAX_PLACES = 12
#: a capture still to come changes no holder (a planned handover is "ceded (claimed)")
NOT_YET = frozenset({"planned", "threatened"})
_PRONOUN_SOURCE = re.compile(r"\b(?:he|she|they|it) (?:said|added|told|reported|claimed)\b",
                             re.IGNORECASE)


@dataclass
class Findings:
    events: list[Event] = field(default_factory=list)
    control: list[ControlChange] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class _Context:
    """What one document's sentences share while they are read in order."""

    text: AnalysedText
    doc: Document
    dates: list[DateInterval]
    places: list[Place]
    actors: list[ActorMention]
    sides: Belligerents
    last_date: DateInterval | None = None
    last_source: str | None = None
    #: quoting sentences left unparsed since ``last_source`` was found (their sources
    #: mattered to nothing then; "he said" later may still need the latest of them)
    unparsed: list[Sentence] = field(default_factory=list)
    #: indexes of the quoting sentences whose source can matter (``sentences_to_parse``)
    sources_matter: set[int] = field(default_factory=set)
    territorial: list[tuple[Event, str]] = field(default_factory=list)
    #: where each of ``actors`` starts (for finding a sentence's by bisection)
    actor_starts: list[int] = field(default_factory=list)
    #: the named doer of the last strikes told, and the index of their sentence (issue 12)
    strike_doer: tuple[str, int] | None = None
    #: the last remote fire coded (an event told as fact) and its sentence's index (issue 12)
    remote_fire: tuple[Event, int] | None = None
    #: the places, actors and dates of each sentence (by index), gathered once
    nearby: dict[int, Nearby] = field(default_factory=dict)
    #: captures that count places the next sentences name ("captured two villages"), by
    #: the event's ``id``: those places changed hands (``_counted_named_next``)
    counted: dict[int, list[Place]] = field(default_factory=dict)
    #: per trigger offset given no place, the region the parse makes its argument
    region_arguments: dict[int, Place] = field(default_factory=dict)


def extract(text: AnalysedText, doc: Document, dates: list[DateInterval],
            places: list[Place], actors: list[ActorMention],
            sites: list[Place] | None = None) -> Findings:
    """Events, control changes and claims found in one document (``sites``: places no event
    is coded at that a side may still hold)."""
    sides = Belligerents.of(actors, focus_country(text.text, text.country))
    ctx = _Context(text, doc, dates, places, actors, sides,
                   nearby=by_sentence(text.sentences, places, actors, dates))
    quoting = sentences_to_parse(text)
    text.parse_many(quoting + _two_sided(text, ctx.nearby, quoting))
    ctx.sources_matter = {s.index for s in quoting}
    findings = Findings()
    told: list[Event] = []  # the events of the last sentence that reported any
    violent: list[Event] = []  # ... that reported a violent one, and its index
    violent_at = -_TOLL_TOLD_ON - 1
    told_before = True  # whether the sentence before coded any event
    for index, sentence in enumerate(text.sentences):
        following = text.sentences[index + 1].text if index + 1 < len(text.sentences) else ""
        events, claim = _read_sentence(sentence, following, ctx)
        placed = [e for e in events if not written.is_fallback(e)]
        if casualty_rules.goes_on(placed, sentence.text):  # "The bomb hit a monastery, ..."
            casualty_rules.carry_casualties(told, sentence)
        else:
            if index and not told_before:  # "... the death of an official. The assault ..."
                casualty_rules.toll_told_before(text.sentences[index - 1], events, sentence)
            told = events
        told_before = bool(events)
        if not events and index - violent_at <= _TOLL_TOLD_ON:  # "No casualties were ..."
            casualty_rules.none_killed_after(violent, sentence)
        if any(e.event_type in casualty_rules.VIOLENT for e in events):
            violent, violent_at = events, index
        findings.events.extend(events)
        if claim:
            findings.claims.append(claim)
    findings.events = written.settle(moves.inside_events(
        shelling_in_battles(casualties_of_strikes(
            fold_into_parts(merge_same_events(findings.events))))))
    abroad.attribute_to_source_line(findings.events, text.text)
    kept = {id(e) for e in findings.events}
    territorial = [(e, how) for e, how in ctx.territorial if id(e) in kept]
    # "captured two villages in Rakhine State. ... A and B": A and B changed hands, though
    # the capture's event (placed in the region) is told again by the sentences naming them
    territorial += [(replace(e, location=place), how) for e, how in ctx.territorial
                    for place in ctx.counted.get(id(e), [])]
    findings.control = control_rules.settle(
        control_rules.from_territorial(territorial),
        control_rules.holding_and_demands(text, doc, places + (sites or []), actors, dates))
    return findings


#: how many sentences after an attack "no casualties were reported" may still close it
_TOLL_TOLD_ON = 2


_PURPOSE = re.compile(r"\bto\s+(?:\w+ly\s+)?$")  # "to totally withdraw" too
#: "since recapturing X": an earlier event, told as the start of this one
_SINCE_GERUND = re.compile(r"\bsince\s+$", re.IGNORECASE)
#: "its focus toward reclaiming", "aimed at capturing": a goal, not an event
_GOAL_GERUND = re.compile(r"\b(?:toward|towards|aimed at|aims? at|aim of|focus(?:s?ed|es)? on|"
                          r"bid (?:for|at)|attempts? at|efforts? (?:at|on)|intent on|bent on|"
                          r"hopes? of|goal of|plans? for|capable of|sights on|eyes? on|"
                          r"committed to|dedicated to|devoted to|opposed to|open to|close to|"
                          r"objects? to|objected to|looking forward to)\s+$",
                          re.IGNORECASE)
#: "forced to return", "continues to fight": what follows "to" did happen
_FACTUAL_BEFORE_TO = re.compile(
    r"\b(?:(?:due|according|next|close|owing|forced|managed|able|succeeded|began|begun|started|"
    r"continues?|continued|went on|agreed|had|has|have|was|were|used|obliged|compelled)"
    # "used drones to bomb X": the means of what was done, not a purpose
    r"|(?:used|using|uses|employed|employing)\s+(?:[\w’'-]+\s+){1,4}?)\s*to\s+(?:\w+ly\s+)?$",
    re.IGNORECASE)

#: "causing residents to flee", "forcing thousands of villagers to flee": it did happen
#: ("Russian forces launched an offensive to retake X", "Saudi-led forces ... to": nouns,
#: no cause)
_CAUSED_TO = re.compile(r"(?<!\bto )(?<![\w-])(?:caus(?:e|es|ed|ing)|forc(?:e|ed|ing)|"
                        r"prompt(?:s|ed|ing)?|compel(?:s|led|ling)?|driv(?:e|es|ing|en)|drove|"
                        r"leading|led|leaving|left|allowed|enabled|permitted|helped)\s+"
                        r"(?:[\w,’'-]+\s+){0,5}?to\s+$", re.IGNORECASE)


#: a determiner (and adverb) before a participle: "the occupied X", "its newly liberated areas"
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|these|those|this|that|"
                                r"[\w-]+[’']s)\s+(?:(?:newly|recently|already|previously|once|"
                                r"formerly|long|illegally|partly|partially)\s+)?$", re.IGNORECASE)


def is_adjectival_participle(trigger: str, before: str) -> bool:
    """"the occupied Shebaa Farms", "the recently captured town": a participle after a
    determiner describes a state; the capture, if any, is told elsewhere."""
    return trigger.lower().endswith("ed") and " " not in trigger.strip() and \
        bool(_DETERMINER_BEFORE.search(before))


def _triggers(sentence: Sentence, status: str) -> list[tuple[TriggerKind, int]]:
    """Trigger matches, minus purposes ("an offensive to reclaim X") stated as fact."""
    kinds = kinds_matching(sentence.text)  # the others find and explain nothing
    if not kinds:
        return []
    found = []
    civilians = cues().civilians.search(sentence.text)
    for kind in kinds:
        if not kind.applies(sentence.text, bool(civilians)):
            if explain.active() and (m := kind.pattern.search(sentence.text)):
                explain.rejected(sentence, m.start(), m.group(0), kind.name,
                                 kind.lacking(sentence.text, bool(civilians)) or "")
            continue
        for m in kind.pattern.finditer(sentence.text):
            why = _not_an_event(m, sentence, status, kind.name)
            if why is None:
                found.append((kind, m.start()))
            else:
                explain.rejected(sentence, m.start(), m.group(0), kind.name, why)
    return found


#: "resorted to picketing", "turned to looting": "to" before a gerund is a preposition, no
#: purpose infinitive (those take the bare verb)
_TO_GERUND = re.compile(r"\w+ing$", re.IGNORECASE)


def _not_an_event(m: re.Match[str], sentence: Sentence, status: str, kind: str = ""
                  ) -> str | None:
    """Why a trigger match is no event by the words before it, or None."""
    before = sentence.text[max(0, m.start() - 24):m.start()]
    purpose = _PURPOSE.search(before) and not _FACTUAL_BEFORE_TO.search(before) \
        and not _CAUSED_TO.search(sentence.text[max(0, m.start() - 60):m.start()]) \
        and not (kind == "protest" and realis.assembled_before(sentence.text[:m.start()])) \
        and not _TO_GERUND.match(m.group(0))
    if purpose and status not in NON_FACTUAL:
        return "a purpose ('to ...'), not a report"
    if realis.remembered(sentence.text[max(0, m.start() - 60):m.start()]):
        return "an earlier event remembered ('the anniversary of ...', 'years since ...')"
    gerund = m.group(0).endswith("ing")
    if gerund and _GOAL_GERUND.search(before) and status not in NON_FACTUAL:
        return "a goal ('aimed at ...ing')"
    if _SINCE_GERUND.search(before) and gerund:
        return "an earlier event told as a start ('since ...ing')"
    if is_adjectival_participle(m.group(0), before):
        return "a participle describing a state ('the occupied X')"
    if _UNIT_NAME.match(sentence.text, m.end()) and m.group(0)[:1].isupper():
        return "part of a unit's name ('Artillery Battalion 366', 'Rocket Brigade')"
    if _MODIFIES_A_NOUN.match(sentence.text, m.end()):
        return "a noun modifying a place or a body ('displacement camp', 'conscription board')"
    if _in_person_aside(sentence.text, m.start()):
        return "a person's background in an aside ('X, who defected after the coup, said')"
    return None


#: after an event noun, the place or body it names: "the Zamzam displacement camp", "the
#: conscription board", "a clash zone"
_MODIFIES_A_NOUN = re.compile(r"\s+(?:camps?|sites?|zones?|centres?|centers?|settlements?|"
                              r"shelters?|boards?|committees?|offices?|departments?|"
                              r"ministry|law|laws|act|policy|policies)\b")
#: a capitalised trigger word before one of these names a unit: "Artillery Battalion 366"
_UNIT_NAME = re.compile(r"\s+(?:Battalions?|Regiments?|Brigades?|Divisions?|Companies|Company|"
                        r"Corps|Squadrons?|Command|Units?|Operations Command)\b")
#: an aside about a person: ", who defected to the CDM after the coup," (to its closing comma)
_PERSON_ASIDE = re.compile(r",\s+who\s+[^,;:“”\"]*,")


def _in_person_aside(text: str, at: int) -> bool:
    """The trigger lies in a non-restrictive relative clause about a person, told between
    commas: the person's past, not this report's event."""
    return any(m.start() < at < m.end() for m in _PERSON_ASIDE.finditer(text))


def is_headline(sentence: Sentence) -> bool:
    """A title line ("Junta Airstrikes Force Mass Exodus in Northern Shan"): the body
    reports the same events in full, so they are coded from there."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence.text)
    if len(words) < 3 or sentence.text.rstrip().endswith((".", "!", "?", "”", '"', ":")):
        return False
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    return capitalised >= 0.6 * sum(len(w) > 3 for w in words)


#: a list item's marker at the start of a line: "- ", "• ", "* "
_BULLET = re.compile(r"^[ \t]*[-•*–·▪►][ \t]+")
#: a line that heads a list of other articles: "Related", "Related Articles", "Must read"
_LINK_LIST_HEAD = re.compile(r"^[ \t]*(?:related(?: articles| stories| news| posts)?|must read|"
                             r"read (?:more|also)|also read|see also|more (?:stories|news)|"
                             r"recommended|you may also like|latest news|trending)[ \t]*:?[ \t]*$",
                             re.IGNORECASE)


def _line_of(sentence: Sentence, full_text: str) -> tuple[int, str]:
    """The start and text of the line the sentence lies on."""
    start = full_text.rfind("\n", 0, sentence.start) + 1
    end = full_text.find("\n", sentence.start)
    return start, full_text[start:end if end >= 0 else len(full_text)]


def _lines_before(full_text: str, start: int, most: int) -> list[str]:
    """Up to ``most`` non-blank lines ending before ``start``, nearest first (read
    backwards line by line: splitting the whole text per sentence made it quadratic)."""
    lines: list[str] = []
    end = start - 1  # the newline that ends the previous line
    while end > 0 and len(lines) < most:
        begin = full_text.rfind("\n", 0, end) + 1
        if full_text[begin:end].strip():
            lines.append(full_text[begin:end])
        end = begin - 1
    return lines


def is_link_list_item(sentence: Sentence, full_text: str) -> bool:
    """A bullet that names another article or a section ("- Woman killed in shelling of X",
    "• The regime faces challenges"), or a line under "Related" / "Must read": a headline,
    not a report; the article's body tells its own events in full sentences."""
    start, line = _line_of(sentence, full_text)
    unfinished = not line.rstrip().endswith((".", "!", "?", "”", '"'))
    if _BULLET.match(line) and unfinished:
        return True
    if not unfinished:
        return False
    for earlier in _lines_before(full_text, start, 6):  # up to the list's heading
        if _LINK_LIST_HEAD.match(earlier):
            return True
        if earlier.rstrip().endswith((".", "!", "?", "”", '"')):
            return False
    return False


#: the end of a full sentence somewhere in a text
_FULL_SENTENCE_END = re.compile(r"[.!?][”\"’']?(?:\s|$)")


def is_title_line(sentence: Sentence, full_text: str) -> bool:
    """The first line of three words or more, unfinished, before any full sentence and
    with a body after it ("Junta airstrike kills five in Depayin Township", a
    sentence-case headline): a title, whose events the body tells in full."""
    start, line = _line_of(sentence, full_text)
    if full_text[start:sentence.start].strip():
        return False  # the line holds a sentence before this one: body
    if line.rstrip().endswith((".", "!", "?", "”", '"', "-", ",")) or len(line.split()) < 3:
        return False
    if _line_before_opens_the_body(full_text, start):
        return False  # the first such line only: the body's first sentence may lack its stop
    after = _NEXT_TEXT.match(full_text, start + len(line))
    if after is None or after.group(1).islower():
        return False  # a line broken inside its sentence ("the last junta-\ncontrolled town")
    # a body follows (else the line is all the text tells)
    return bool(_FULL_SENTENCE_END.search(full_text, after.start(1)))


#: the first character after a line and the blank space that follows it
_NEXT_TEXT = re.compile(r"\s*(\S)")


def _line_before_opens_the_body(full_text: str, before: int) -> bool:
    """A line before ``before`` is finished or has three words: the body (or a title) began.
    Read from the text's start, so only the few lines before the first such one are read
    (a long article's later unfinished lines stop at once)."""
    begin = 0
    while begin < before:
        end = full_text.find("\n", begin, before)
        end = before if end < 0 else end
        earlier = full_text[begin:end]
        if earlier.rstrip().endswith((".", "!", "?", "”", '"')) or len(earlier.split()) >= 3:
            return True
        begin = end + 1
    return False


def _read_sentence(sentence: Sentence, following: str, ctx: _Context
                   ) -> tuple[list[Event], Claim | None]:
    if is_headline(sentence) or is_title_line(sentence, ctx.text.text) or \
            is_link_list_item(sentence, ctx.text.text):
        if explain.active() and _has_trigger(sentence):
            explain.sentence_skipped(sentence, "a headline or a list of other articles")
        return [], None
    own_source = _source(sentence, ctx, sentence.index in ctx.sources_matter)
    # a sentence going on with the account of the one before is that source's report
    source = own_source or (carried_source(ctx.text, sentence) if _has_trigger(sentence)
                            and _source_matters(sentence, following) else None)
    status = status_of(sentence.text, following, source)
    triggers = _explained_filter(
        _triggers(sentence, status), sentence, "hypothetical: a condition or a possibility "
        "before it in its clause ('if', 'could', 'risk of')",
        lambda at: not is_hypothetical(sentence.text, at)
        or status_of(sentence.text, following, source, at) in NON_FACTUAL)
    near = ctx.nearby[sentence.index]
    claim = claim_rules.claim_for(sentence, status, source, near.places)
    triggers = _explained_filter(
        triggers, sentence, "negated: a negation just before it ('not', 'no', 'never', "
        "'failed to')", lambda at: status == "denied" or not is_negated(sentence.text, at))
    triggers, told_as = _realis_of_triggers(triggers, sentence, status, ctx, following, source)
    if not triggers:
        return [], claim if status in ("rumour", "unverified", "planned", "threatened") else None
    mentions = possessed_descriptors(
        sentence, [a for a in near.actors if sentence.start <= a.span.start < sentence.end],
        _earlier_actors(sentence, ctx))
    mentions = _pronoun_subject(sentence, mentions, min(at for _, at in triggers), ctx) + mentions
    one_sided = {at for _, at in _one_sided_attacks(triggers, mentions, sentence)}
    triggers = _explained_filter(triggers, sentence,
                                 "a clash word in a one-sided attack on civilians",
                                 lambda at: at in one_sided)
    triggers = _foreign_attacks(triggers, sentence, mentions, ctx)
    harm_only = {at for k, at in triggers if k.after_remote}
    after_fire = _remote_fire_before(sentence, ctx) is not None and not any(
        _is_main(k) and not k.after_remote for k, _ in triggers)
    triggers = _explained_filter(triggers, sentence, "harm told with no weapon, not alone "
                                 "in its sentence right after remote fire",
                                 lambda at: after_fire or at not in harm_only)
    triggers = _moved_by_armed(triggers, sentence, mentions, ctx)
    if not triggers:
        return [], claim if status in ("rumour", "unverified", "planned", "threatened") else None
    speaker = [m for m in mentions if own_source and m.surface in own_source
               and not speaks_of_itself(sentence, m) and not is_target(sentence, m)]
    doers = [m for m in mentions if m not in speaker] or mentions
    triggers = _air_assaults(triggers, sentence)
    air_kept = _air_raids(triggers, sentence)
    triggers = _explained_filter(triggers, sentence,
                                 "raids told with aircraft in the sentence are air raids",
                                 lambda at: at in air_kept)
    chosen = _main_and_side(triggers, sentence)
    if explain.active():
        for kind, at in triggers:
            if (kind, at) not in chosen:
                explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name,
                                 "part of a higher-ranked event of the sentence (ACLED's "
                                 "hierarchy), or a repeat of a side kind")
    wheres = locations(sentence, ctx.text.text, near.places, near.actors, near.dates, near,
                       lambda: ctx.text.parse(sentence))
    shares = allocate(wheres, [sentence.start + at for _, at in chosen], sentence)
    ranked: list[tuple[TriggerKind, Event]] = []
    told: list[tuple[int, list[Event]]] = []
    shares = _region_arguments(chosen, shares, sentence, ctx)
    for (kind, at), share in zip(chosen, shares, strict=True):
        local = told_as.get(at) or status_of(sentence.text, following, source, at)
        found = _events_for(kind, sentence.start + at, sentence, share, doers, local, source, ctx)
        ranked.extend((kind, e) for e in found)
        told.append((sentence.start + at, [] if kind.side else found))
    casualty_rules.assign_casualties(sentence, told, near.places)
    events = _highest_per_place(ranked)
    if explain.active():
        for kind, event in ranked:
            if event not in events:
                explain.rejected(sentence, event.evidence[0].start - sentence.start, kind.name,
                                 kind.name, "a higher-ranked kind coded the same place")
    named = {m.canonical for m in mentions}
    doer = next((e.actor1 for e in events if e.event_type == "Explosions/Remote violence"
                 and e.actor1 in named), None)
    fired = [e for e in events if e.event_type == "Explosions/Remote violence"
             and e.status not in NON_FACTUAL]
    if fired:
        ctx.remote_fire = (fired[0], sentence.index)
    if doer is not None:
        ctx.strike_doer = (doer, sentence.index)
    placed = [e for e in events if not written.is_fallback(e)]  # dates as before issue 15
    if placed and placed[0].date is not None:
        ctx.last_date = placed[0].date
    return events, claim


#: the place where a harm told with no weapon lay: "in X", "in the village of X" (not "on the
#: road to X", "brought to a hospital in X")
_HARM_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:village|town|city|settlement|"
                                r"district|community|suburb)\s+of\s+)?$", re.IGNORECASE)
#: how many sentences after remote fire a harm told with no weapon is still its harm
_HARM_TOLD_ON = 2


def _remote_fire_before(sentence: Sentence, ctx: _Context) -> Event | None:
    """The remote fire coded in the two sentences before: "11 people were wounded by
    artillery strikes on X. A house was damaged in Y" tells the same fire's harm in Y."""
    if ctx.remote_fire is None or sentence.index - ctx.remote_fire[1] > _HARM_TOLD_ON:
        return None
    return ctx.remote_fire[0]


def _region_arguments(chosen: list[tuple[TriggerKind, int]], shares: list[list[Where]],
                      sentence: Sentence, ctx: _Context) -> list[list[Where]]:
    """A trigger whose argument is a region and none of whose places is its own takes the
    region (``arguments.region_argument``; not for changes of control: towns change hands)."""
    near = ctx.nearby[sentence.index]
    regions = sorted(((p, s.start) for p in near.places if p.kind != "country"
                      for s in near.spans_of(p) if sentence.start <= s.start < sentence.end),
                     key=lambda item: item[1])
    if not any(p.kind in ("region", "state") for p, _ in regions):
        return shares
    # the parse can only change a place that belongs elsewhere (another trigger, a speaker)
    # or choose among several names (the sentence is parsed only then)
    elsewhere = len(chosen) > 1 or bool(_speech().search(sentence.text))
    triggers = [sentence.start + at for _, at in chosen]
    out = []
    for (kind, at), share in zip(chosen, shares, strict=True):
        useful = elsewhere if share else len({p.name for p, _ in regions}) > 1
        region = None if kind.control or not useful else arguments.region_argument(
            sentence, sentence.start + at, triggers, [_start_of(w, sentence) + sentence.start
                                                      for w in share],
            regions, lambda: ctx.text.parse(sentence))
        if region and not share:  # the larger area, if no other place is found (written)
            ctx.region_arguments[sentence.start + at] = arguments.region_part(sentence, region)
        out.append([Where(arguments.region_part(sentence, region), [], 3)]
                   if region and share else share)
    return out


def _foreign_attacks(triggers: list[tuple[TriggerKind, int]], sentence: Sentence,
                     mentions: list[ActorMention], ctx: _Context
                     ) -> list[tuple[TriggerKind, int]]:
    """An attack from afar needs a state's forces abroad as its doer: checked before the
    sentence's places are shared out among its triggers (issue 12)."""
    kept = []
    for kind, at in triggers:
        if kind.foreign_state and not abroad.may_attack_abroad(
                sentence.start + at, mentions, ctx.sides.country, ctx.text.text):
            explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name,
                             "not a state's forces attacking in another country")
        else:
            kept.append((kind, at))
    return kept


def _moved_by_armed(triggers: list[tuple[TriggerKind, int]], sentence: Sentence,
                    mentions: list[ActorMention], ctx: _Context
                    ) -> list[tuple[TriggerKind, int]]:
    """A verb of motion is a troop movement only with an armed side as its subject on the
    parse ("troops moved into X"; "floodwaters moved into X" is none); a movement in a
    relative clause describes its group ("the army, which deployed troops to X in 2020")."""
    describes = moves.may_describe(sentence.text)
    if not any(kind.needs_armed_subject or (describes and _moves(kind)) for kind, _ in triggers):
        return triggers
    parse = ctx.text.parse(sentence)
    kept = []
    for kind, at in triggers:
        end = at + _trigger_length(kind, sentence, sentence.start + at)
        if kind.needs_armed_subject and not moves.armed_subject(parse, at, mentions,
                                                                sentence.start):
            explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name,
                             "its subject is no armed side ('the shell landed in X')")
        elif describes and _moves(kind) and moves.describes_a_group(parse, at, end):
            explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name,
                             "a relative clause describing the group ('the army, which "
                             "deployed troops to X in 2020, ...')")
        else:
            kept.append((kind, at))
    return kept


def _moves(kind: TriggerKind) -> bool:
    """A troop movement, recruitment or other change to a group."""
    return kind.sub_event_type == _MOVEMENT


def _explained_filter(triggers: list[tuple[TriggerKind, int]], sentence: Sentence, why: str,
                      keep: Callable[[int], bool]) -> list[tuple[TriggerKind, int]]:
    """The triggers ``keep`` accepts; the others noted with ``why`` when explaining."""
    kept = []
    for kind, at in triggers:
        if keep(at):
            kept.append((kind, at))
        else:
            explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name, why)
    return kept


def _trigger_text(kind: TriggerKind, sentence: Sentence, at: int) -> str:
    """The trigger's words (the word at ``at`` when its kind was changed: "air assault")."""
    match = kind.pattern.match(sentence.text, at) or re.compile(r"[\w-]+").match(sentence.text, at)
    return match.group(0) if match else ""


def _realis_of_triggers(triggers: list[tuple[TriggerKind, int]], sentence: Sentence,
                        status: str, ctx: _Context, following: str = "",
                        source: str | None = None
                        ) -> tuple[list[tuple[TriggerKind, int]], dict[int, str]]:
    """Triggers whose clause the parse says did not happen are dropped (negated, modal,
    conditional); those told as still to come keep the status "planned"/"threatened"."""
    if not triggers or status in ("rumour", "denied") or not realis.needs_parse(sentence.text):
        return triggers, {}
    parse = ctx.text.parse(sentence)
    kept: list[tuple[TriggerKind, int]] = []
    told_as: dict[int, str] = {}
    for kind, at in triggers:
        found = realis.irrealis(parse, at)
        if found is None:
            kept.append((kind, at))
            if status in NON_FACTUAL and realis.told_as_fact(parse, at):
                # "Rebels who had vowed to retake X captured it": the main verb, in the past
                told_as[at] = told_status(sentence.text, following, source)
        elif status in NON_FACTUAL:  # a planned sentence: its irrealis trigger stays planned
            kept.append((kind, at))  # ("the capture of X would be a blow")
            told_as[at] = found.status or status
        elif found.status is not None:
            kept.append((kind, at))
            told_as[at] = found.status
        else:
            explain.rejected(sentence, at, _trigger_text(kind, sentence, at), kind.name,
                             f"its clause does not assert it ({found.why}: '{found.words}')")
    return kept, told_as


_PRONOUN_START = re.compile(r"\s*(?:It|They)\b")
_NON_STATE_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia"})


def _earlier_actors(sentence: Sentence, ctx: _Context) -> list[ActorMention]:
    """The actors named in the sentence before this one, for "its troops" told next."""
    if sentence.index == 0:
        return []
    earlier = ctx.text.sentences[sentence.index - 1]
    if len(ctx.actor_starts) != len(ctx.actors):  # once per document: actors in text order
        ctx.actor_starts = [a.span.start for a in ctx.actors]
    starts = ctx.actor_starts
    return ctx.actors[bisect_left(starts, earlier.start):bisect_left(starts, earlier.end)]


def _pronoun_subject(sentence: Sentence, mentions: list[ActorMention], first_trigger: int,
                     ctx: _Context) -> list[ActorMention]:
    """"It has seized five towns": the group that leads the last sentences naming one."""
    opener = _PRONOUN_START.match(sentence.text)
    if not opener or any(m.span.start < sentence.start + first_trigger for m in mentions):
        return []
    for earlier in reversed(ctx.text.sentences[max(0, sentence.index - 3):sentence.index]):
        named = [a for a in ctx.actors if earlier.start <= a.span.start < earlier.end
                 and a.actor_type in _NON_STATE_TYPES]
        if named:
            end = sentence.start + opener.end()
            return [ActorMention(named[0].canonical, opener.group(0).strip(),
                                 named[0].actor_type, Span(end - len(opener.group(0).strip()),
                                                           end, opener.group(0).strip()))]
    return []


_ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                          "External/Other forces"})


def _one_sided_attacks(triggers: list[tuple[TriggerKind, int]], mentions: list[ActorMention],
                       sentence: Sentence) -> list[tuple[TriggerKind, int]]:
    """Civilians killed in a raid with one armed side named: violence against civilians,
    not a battle. Crossfire has two sides by its meaning, named or not."""
    names = {"attack_civilians", "abduction", "sexual_violence", "looting", "disrupted"}
    if not any(k.name in names for k, _ in triggers):
        return triggers
    armed = {m.canonical for m in mentions if m.actor_type in _ARMED_TYPES}
    if len(armed) > 1:
        return triggers
    return [(k, at) for k, at in triggers if k.name != "clash"
            or _CROSSFIRE.match(sentence.text, at)]


_CROSSFIRE = re.compile(r"\w+ in (?:the )?cross-?fire", re.IGNORECASE)


_RAID = re.compile(r"raid(?:s|ed)?\b", re.IGNORECASE)


_AIR_BEFORE = re.compile(r"\b(?:air|aerial|drone)[ -]$", re.IGNORECASE)


def _air_assaults(triggers: list[tuple[TriggerKind, int]], sentence: Sentence
                  ) -> list[tuple[TriggerKind, int]]:
    """"The air assault", "an aerial offensive", "drone raids": a clash word behind an air
    word tells an air strike, not a ground battle."""
    air = next((k for k in trigger_kinds() if k.sub_event_type == "Air/drone strike"), None)
    if air is None:
        return triggers
    out = []
    for kind, at in triggers:
        if kind.name == "clash" and _AIR_BEFORE.search(sentence.text[max(0, at - 8):at]):
            covered = any(k.sub_event_type == "Air/drone strike" and a < at <= a + 20
                          for k, a in triggers)
            if covered:  # the air trigger itself matched "air raids"
                continue
            out.append((air, at))
        else:
            out.append((kind, at))
    return out


def _air_raids(triggers: list[tuple[TriggerKind, int]], sentence: Sentence) -> set[int]:
    """The offsets of the triggers to keep: "warplanes carried out six airstrikes ... and
    three raids" tells air raids, no ground battle, so a bare "raid" beside an air trigger
    is not a clash; nor is the raid in which someone was arrested ("detained 15 suspects in
    raids": ACLED codes the arrests, issue 15)."""
    air = any((k.event_type == "Explosions/Remote violence" and k.sub_event_type ==
              "Air/drone strike") or k.name == "arrests" for k, _ in triggers)
    return {at for k, at in triggers
            if not (air and k.name == "clash" and _RAID.match(sentence.text, at))}


def _coordinated(higher: tuple[TriggerKind, int], lower: tuple[TriggerKind, int],
                 sentence: Sentence) -> bool:
    """"Airstrikes and artillery attacks on X, Y": one event, coded by the higher kind."""
    (k1, at1), (_, at2) = sorted((higher, lower), key=lambda t: t[1])
    end = at1 + _trigger_length(k1, sentence, sentence.start + at1)
    gap = sentence.text[end:at2]
    return bool(re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:heavy\s+)?", gap))


def _is_main(kind: TriggerKind) -> bool:
    return not kind.side and kind.name != "agreement"


#: words that report what an event did rather than a separate event
_CONSEQUENCE = re.compile(r"kill(?:ed|ing|s)?\b|tortur|open(?:ed)? fire", re.IGNORECASE)


def _main_and_side(triggers: list[tuple[TriggerKind, int]], sentence: Sentence
                   ) -> list[tuple[TriggerKind, int]]:
    """Every main trigger (each takes the places nearest it); side kinds stand beside, the
    first of each kind."""
    main = sorted((t for t in triggers if _is_main(t[0])), key=lambda t: (t[0].rank, t[1]))
    main = [t for t in main if not any(_coordinated(u, t, sentence) for u in main
                                       if u[0].rank < t[0].rank)]
    if main:  # "airstrikes on X killed two": the deaths are the strike's, not an attack
        main = [t for t in main if t[0].rank == main[0][0].rank
                or not _CONSEQUENCE.match(sentence.text, t[1])]
    side = [t for t in triggers if not _is_main(t[0])]
    first_of_kind = {t[0].name: t for t in reversed(side)}
    return main + sorted(first_of_kind.values(), key=lambda t: t[1])


def _highest_per_place(ranked: list[tuple[TriggerKind, Event]]) -> list[Event]:
    """ACLED's hierarchy, per place and day: where several kinds of a sentence fall on one
    place (air support inside a battle), the highest-ranked codes it; side kinds stand
    beside. "Seized X on July 16 and have been battling there since July 18": kinds dated
    apart (both dates known, no day shared) are two events, each of its own kind; an event
    still to come ("had called for protests") and one told as fact are two events."""
    main = [(k, e) for k, e in ranked if _is_main(k) and e.location is not None]

    def outranked(kind: TriggerKind, event: Event) -> bool:
        assert event.location is not None
        return any(_rank(k) < _rank(kind) for k, e in main
                   if e.location is not None and e.location.name == event.location.name
                   and not _dated_apart(e.date, event.date)
                   # a planned or threatened event outranks no event told as fact
                   and (e.status in NON_FACTUAL) == (event.status in NON_FACTUAL))

    return [e for k, e in ranked if not _is_main(k) or e.location is None
            or not outranked(k, e)]


#: the sub-type of troop movements, recruitment and group changes
_MOVEMENT = "Change to group/activity"


def _dated_apart(a: DateInterval | None, b: DateInterval | None) -> bool:
    """Both dated, with no day in common."""
    if a is None or b is None:
        return False
    if None in (a.start, a.end, b.start, b.end):  # "on Saturday" and "on Monday", undated
        return named_days_apart(a, b)
    return not _overlap(a, b)


def _rank(kind: TriggerKind) -> int:
    """Captures and recaptures rank alike: a place taken and retaken keeps both."""
    return 0 if kind.control else kind.rank


_CLAIM_WITHOUT_EVENT = ("rumour", "unverified", "planned", "threatened")


def sentences_to_parse(text: AnalysedText) -> list[Sentence]:
    """The sentences whose parse the stage reads (quoting ones whose source can matter, and
    trigger sentences whose realis the parse decides), known before it reads them in order,
    so that they are parsed in one spaCy pass (chosen once per text)."""
    if text.to_parse is None:
        text.to_parse = _select_to_parse(text)
    return text.to_parse


def _select_to_parse(text: AnalysedText) -> list[Sentence]:
    selected = []
    for index, sentence in enumerate(text.sentences):
        following = text.sentences[index + 1].text if index + 1 < len(text.sentences) else ""
        if is_headline(sentence) or is_link_list_item(sentence, text.text):
            continue
        quoting = _speech().search(sentence.text) and _source_matters(sentence, following)
        if quoting or (realis.needs_parse(sentence.text) and _may_tell(sentence)) \
                or _moves_by_subject(sentence):
            selected.append(sentence)
    return selected


def _two_sided(text: AnalysedText, nearby: dict[int, Nearby], chosen: list[Sentence]
               ) -> list[Sentence]:
    """Trigger sentences naming two armed sides, whose trigger's subject the roles read
    (``control.subject_roles``, ``parsed_roles``): parsed in the same spaCy pass."""
    done = {s.index for s in chosen}
    return [s for s in text.sentences if s.index not in done
            and len({a.canonical for a in nearby[s.index].actors
                     if a.actor_type in _ARMED_TYPES}) > 1
            and _may_tell(s) and not is_headline(s)]


def _has_trigger(sentence: Sentence) -> bool:
    return has_trigger(sentence.text)


def _may_tell(sentence: Sentence) -> bool:
    """Some trigger kind matches and applies: else the sentence gives no event, so no
    parse, source or status can change what it gives (``_triggers`` finds nothing)."""
    return bool(kinds_applying(sentence.text))


def _moves_by_subject(sentence: Sentence) -> bool:
    """A verb of motion whose subject the parse must check, or a movement that may lie in
    a relative clause (``moves``)."""
    describes = moves.may_describe(sentence.text)
    return any(kind.needs_armed_subject or (describes and _moves(kind))
               for kind in kinds_applying(sentence.text))


def _source_matters(sentence: Sentence, following: str) -> bool:
    """Only a sentence that can give an event, or a claim with no event, uses its source:
    parsing the others is wasted (the parse is most of the stage's time). Those statuses
    do not depend on the source (it only makes a report "attributed")."""
    if _may_tell(sentence):
        return True
    return status_of(sentence.text, following, None) in _CLAIM_WITHOUT_EVENT


@cache
def _speech() -> re.Pattern[str]:
    """Any form of a reporting verb (cues.yaml): only such sentences are parsed for a
    source, so the filter and ``attribution`` read the same list."""
    stems = "|".join(sorted(cues().attribution_verbs - {"note", "warn", "insist", "accuse"}))
    # lower case: "Shan State" is no verb
    return re.compile(rf"\b(?:[Aa]ccording to|said|told|(?:{stems})(?:s|es|d|ed|ing)?)\b")


def _source(sentence: Sentence, ctx: _Context, matters: bool = True) -> str | None:
    """Who the sentence quotes; "he said" refers back to the last named source.

    When the source ``matters`` not, the sentence is parsed only if a later "he said" asks."""
    if not _speech().search(sentence.text):
        return None
    if not matters:
        ctx.unparsed.append(sentence)
        return None
    found = attribution(ctx.text.parse(sentence)).source
    if found:
        ctx.last_source = found
        ctx.unparsed.clear()
        return found
    if _PRONOUN_SOURCE.search(sentence.text):
        return _last_source(ctx)
    return None


def _last_source(ctx: _Context) -> str | None:
    """The source of the latest quoting sentence that names one (unparsed ones parsed now)."""
    for earlier in reversed(ctx.unparsed):
        found = attribution(ctx.text.parse(earlier)).source
        if found:
            ctx.last_source = found
            break
    ctx.unparsed.clear()
    return ctx.last_source


def _events_for(kind: TriggerKind, trigger_at: int, sentence: Sentence, wheres: list[Where],
                mentions: list[ActorMention], status: str, source: str | None,
                ctx: _Context) -> list[Event]:
    counted: list[Place] = []
    if kind.control:  # territory changes hands in towns and villages, not whole regions
        trigger_end = trigger_at + _trigger_length(kind, sentence, trigger_at)
        near = ctx.nearby[sentence.index]
        wheres = listed_after(trigger_end, sentence, wheres, near.actors, near.dates) or wheres
        wheres = [w for w in wheres if (w.place.kind or "town") not in ("region", "country")]
        wheres = wheres or _town_referred_to(trigger_end, sentence, ctx.places, ctx.text.text) \
            or _town_named_next(trigger_end, sentence, ctx.places, ctx.text.text)
        counted = [] if wheres else \
            _counted_named_next(trigger_end, sentence, ctx.places, ctx.text.text)
    else:  # "an offensive to reclaim X": X is the goal, not where the fighting is
        wheres = [w for w in wheres if not _GOAL_BETWEEN.search(
            sentence.text[trigger_at - sentence.start:_start_of(w, sentence)])]
    if kind.after_remote:  # "a home was damaged in the village of X": where the harm lay
        wheres = [w for w in wheres if _HARM_PLACE_BEFORE.search(
            sentence.text[max(0, _start_of(w, sentence) - 40):_start_of(w, sentence)])]
    if kind.foreign_state:  # "an attack on X", "attacked the village of X": X, its object
        at = trigger_at - sentence.start
        wheres = _first_object(sorted((w for w in wheres if _start_of(w, sentence) >= at),
                                      key=lambda w: _start_of(w, sentence)), sentence)
    if _moves(kind):  # "dispatched columns based in X to Y", "from X to Y": Y, the goal
        wheres = moves.goals(wheres, sentence, ctx.text.text)
    if kind.control or kind.side or kind.name == "agreement":
        # "Kyaukme and Hsipaw fell to the TNLA": every subject of a passive capture
        subjects = (control_rules.passive_subjects(wheres, trigger_at, sentence)
                    or control_rules.counted_list(wheres, trigger_at, sentence)) \
            if kind.control else []
        # a movement's words run to its men ("sent a second contingent of police officers
        # to Haiti"): the places it governs follow them
        governs_from = trigger_at + _trigger_length(kind, sentence, trigger_at) \
            if _moves(kind) else trigger_at
        wheres = subjects or nearest_to_trigger(wheres, governs_from, sentence, ctx.text.text,
                                                ctx.dates)
    trigger = _trigger_text(kind, sentence, trigger_at - sentence.start)
    if not wheres and not kind.control:
        wheres = place_referred_to(sentence, ctx.places, ctx.text.text) or story_place(
            sentence, ctx.text.sentences, ctx.text.text, ctx.nearby, kind.event_type)
    if not wheres and kind.keeps_unplaced:  # a place no gazetteer holds: as written (#15)
        wheres = written.unresolved_wheres(sentence, ctx.places, ctx.actors, ctx.dates,
                                           ctx.region_arguments.get(trigger_at))
    if not wheres:
        explain.rejected(sentence, trigger_at - sentence.start, trigger, kind.name,
                         "no place is an argument of it (none named, or only regions, "
                         "origins, speakers' places, destinations)")
        return []
    if kind.needs_armed_actor and not _names_armed_actor(ctx):
        explain.rejected(sentence, trigger_at - sentence.start, trigger, kind.name,
                         "the article names no armed actor (issue 15)")
        return []
    carried = ctx.strike_doer[0] if ctx.strike_doer and \
        sentence.index - ctx.strike_doer[1] <= _STRIKES_TOLD_ON else None
    fire = _remote_fire_before(sentence, ctx) if kind.after_remote else None
    if fire is not None:  # harm with no weapon: the doer of the fire just told
        carried = fire.actor1
    roles = assign(kind, trigger_at, sentence, mentions, ctx.sides, carried)
    if kind.control:  # the verb's own subject; "Russia said its troops captured X": Russia's
        roles = control_rules.parsed_roles(roles, trigger_at, sentence, mentions,
                                           lambda: ctx.text.parse(sentence), ctx.sides)
        roles = control_rules.speaker_roles(roles, trigger_at, sentence, ctx.text.text,
                                            ctx.sides, ctx.nearby[sentence.index].actors)
    else:  # issue 12: the trigger verb's own subject does it, before the first side named
        roles = control_rules.subject_roles(kind, roles, trigger_at, sentence, mentions,
                                            lambda: ctx.text.parse(sentence), ctx.sides)
    if roles.actor1 is None:
        explain.rejected(sentence, trigger_at - sentence.start, trigger, kind.name,
                         "no actor could be given to it")
        return []
    if kind.foreign_state and (any(w.place.kind == "country" for w in wheres)
                               or not abroad.foreign_attacker(
            trigger_at, mentions, [w.place.country or ctx.sides.country for w in wheres],
            roles.actor1, ctx.text.text)):
        explain.rejected(sentence, trigger_at - sentence.start, trigger, kind.name,
                         "not a state's forces attacking a town in another country")
        return []
    when = date_for(sentence, trigger_at, ctx.dates, ctx.last_date, ctx.doc,
                    text=ctx.text.text, actors=ctx.actors,
                    sides=frozenset(a for a in (roles.actor1, roles.actor2) if a),
                    parse=lambda: ctx.text.parse(sentence))
    if kind.sub_event_type in _TALLIED and len(wheres) > 1 and _over_months(when):
        explain.rejected(sentence, trigger_at - sentence.start, trigger, kind.name,
                         "a tally over months and places ('airstrikes from June to August "
                         "killed 56 in A, B and C'): ACLED codes no event vaguer than a month")
        return []
    events = []
    # places told together lie in one country: one no gazetteer holds ("pushed them out of
    # A and B", B as written) shares its neighbours' (issue 12), else the article's
    country = next((w.place.country for w in wheres if w.place.country), None)
    for where in wheres[:MAX_PLACES]:
        # "on August 2, 9, and 14": one event a day (dating.listed_days)
        own = _conjunct_date(where, wheres, sentence, ctx)
        dated = own or when
        # "captured A on Feb. 20, B on Feb. 7": dated objects at one place, one event a day
        days: list[DateInterval | None] = [None] if dated is None else \
            list(listed_days(dated, sentence, ctx.dates, objects=own is None and len(wheres) == 1))
        for day in days:
            event = _event(kind, roles.actor1, roles.actor2, roles.assoc, where, day,
                           sentence, status, source, ctx, country)
            events.append(event)
            explain.coded(event, trigger, kind.name, trigger_at, sentence, mentions)
            if counted:
                ctx.counted[id(event)] = counted
            # a place changes hands once, whatever was taken in it day by day; a base that
            # fell is a battle won there, not the town changing hands
            if kind.control and day is days[0] and not base_fell(sentence, trigger_at) and \
                    (kind.name == "handover" or status not in NOT_YET):
                how = kind.control if status not in NON_FACTUAL or kind.name != "handover" \
                    else "ceded (claimed)"
                ctx.territorial.append((event, how))
    return events


_ADMIN_KINDS = frozenset({"township", "village tract", "region", "state", "country"})
_ADMIN_AFTER = re.compile(r"\s+(?:district|township|province|region|state|oblast|governorate|"
                          r"county|raion)\b", re.IGNORECASE)


def _first_object(objects: list[Where], sentence: Sentence) -> list[Where]:
    """The first place after an attack from afar, with the places listed with it ("attacked
    sites in A, B and C, and the D": one event each, ACLED)."""
    kept = objects[:1]
    for where in objects[1:]:
        last = kept[-1]
        end = max((s.end for s in last.place.spans
                   if s.start == _start_of(last, sentence) + sentence.start),
                  default=_start_of(last, sentence) + sentence.start + len(last.place.mention))
        after = sentence.text[_start_of(where, sentence) + len(where.place.mention):]
        if (where.place.kind or "") in _ADMIN_KINDS or _ADMIN_AFTER.match(after) or \
                not arguments.is_list_gap(sentence.text[end - sentence.start:
                                                        _start_of(where, sentence)]):
            break  # "an attack on X, Y district": Y holds X
        kept.append(where)
    return kept


#: how many sentences on strikes with no doer named are still the last named doer's
_STRIKES_TOLD_ON = 2


def _names_armed_actor(ctx: _Context) -> bool:
    """The article names an organised armed actor (issue 15: no battle or attack without)."""
    return any(a.actor_type in _ARMED_TYPES for a in ctx.actors)


def _conjunct_date(where: Where, wheres: list[Where], sentence: Sentence, ctx: _Context
                   ) -> DateInterval | None:
    """"Recaptured X on July 15 and Y on October 1": with two or more places each dated by
    the date written after it, each event takes its own place's date."""
    if len(wheres) < 2:
        return None
    own = [own_date(w, sentence, ctx.dates) for w in wheres]
    if sum(d is not None for d in own) < 2:
        return None
    return not_after_publication(own[wheres.index(where)], ctx.doc.published)


_GOAL_BETWEEN = re.compile(r"^\S+\s+(?:\S+\s+)?(?:to|toward|towards)\s+"
                           r"(?:re)?(?:claim|captur|take|seiz|gain)\w*\b", re.IGNORECASE)


def _start_of(where: Where, sentence: Sentence) -> int:
    """Offset in the sentence of the place's first mention there."""
    return min((s.start - sentence.start
                for s in spans_starting_in(where.place, sentence.start, sentence.end)), default=0)


_THE_TOWN = re.compile(r"^\s+(?:(?:full|complete|effective) )?(?:control of )?the "
                       r"(?:whole |entire )?(town|city|village)\b", re.IGNORECASE)


def _town_referred_to(trigger_end: int, sentence: Sentence, places: list[Place],
                      full_text: str) -> list[Where]:
    """"Seized the town in July 2024" with no town named in the sentence: the town the
    article named last before it, not one named as a distance's anchor ("Mogok ... lies
    189 kilometers north of Mandalay. The TNLA seized the town": Mogok)."""
    if not _THE_TOWN.match(sentence.text[trigger_end - sentence.start:]):
        return []
    earlier = [(span.start, place) for place in places for span in place.spans
               if span.start < sentence.start and (place.kind or "town") in ("town", "city")
               and not is_anchor(full_text, span.start)]
    return [Where(max(earlier, key=lambda item: item[0])[1], [], 1)] if earlier else []


_A_TOWN = re.compile(r"^\s+an?\s+(?:[\w’'-]+\s+){0,3}(?:town|city)\b", re.IGNORECASE)
#: how far after the sentence the town "a town" points to may be named
_NAMED_NEXT_CHARS = 400


def _town_named_next(trigger_end: int, sentence: Sentence, places: list[Place],
                     full_text: str) -> list[Where]:
    """"Insurgents have captured a jade-mining town in the Mandalay region" with no town
    named in the sentence: the town the next sentences name first (a lede names the
    town after the fact), when it lies in the region the sentence names, if any."""
    if not _A_TOWN.match(sentence.text[trigger_end - sentence.start:]):
        return []
    regions = {p.name for p in places if (p.kind or "") in ("region", "state")
               and any(sentence.start <= x.start < sentence.end for x in p.spans)}
    later = [(span.start, place) for place in places for span in place.spans
             if sentence.end <= span.start < sentence.end + _NAMED_NEXT_CHARS
             and (place.kind or "") in ("town", "city") and not is_anchor(full_text, span.start)
             and (not regions or place.admin1 in regions)]
    return [Where(min(later, key=lambda item: item[0])[1], [], 1)] if later else []


#: "two villages", "three more towns", "a village": places a capture counts but does not
#: name ("a town" is ``_A_TOWN``'s)
_COUNTED = re.compile(r"^\s+(?:control (?:of|over) )?(?P<count>an?|one|two|three|four|five|six|"
                      r"\d)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>towns|cities|villages?)\b",
                      re.IGNORECASE)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: the kinds of place each counted noun may be (a village no gazetteer holds is a "locality")
_COUNTED_KINDS = {"town": ("town", "city"), "village": ("village", "locality")}
#: "Rakhine State" is the region whose places have admin1 "Rakhine"
_REGION_WORD = re.compile(r"\s+(?:State|Region|Province|Oblast|Governorate|Division)$",
                          re.IGNORECASE)


def _region_key(name: str) -> str:
    return _REGION_WORD.sub("", name).casefold()


def _counted_named_next(trigger_end: int, sentence: Sentence, places: list[Place],
                        full_text: str) -> list[Place]:
    """"The AA said it captured two villages in Rakhine State" with no village named in
    the sentence: the villages the next sentences name first (a lede names them after the
    fact), as many as it counts, that lie in the region the sentence names, if any. They
    changed hands; the capture's event is the one the sentences naming them tell."""
    m = _COUNTED.match(sentence.text[trigger_end - sentence.start:])
    if m is None:
        return []
    count = _COUNTS.get(m.group("count").lower()) or int(m.group("count"))
    kinds = _COUNTED_KINDS["village" if m.group("noun").lower().startswith("village")
                           else "town"]
    regions = {_region_key(n) for p in places if (p.kind or "") in ("region", "state")
               and any(sentence.start <= x.start < sentence.end for x in p.spans)
               for n in (p.name, p.admin1) if n}
    later = sorted((span.start, i) for i, place in enumerate(places) for span in place.spans
                   if sentence.end <= span.start < sentence.end + _NAMED_NEXT_CHARS
                   and (place.kind or "") in kinds and not is_anchor(full_text, span.start)
                   and (not regions or _region_key(place.admin1 or "") in regions))
    return [places[i] for i in list(dict.fromkeys(i for _, i in later))[:count]]


#: "the city", "the town", "the village" standing alone (not "the town of X")
_DEFINITE_PLACE = re.compile(r"\bthe (?:(?:whole|entire|same|nearby) )?(city|town|village)\b"
                             r"(?! of\b)(?!’s|'s)(?!\s+(?:of|council|hall|square|tracts?)\b)",
                             re.IGNORECASE)
_KINDS_FOR = {"city": ("city", "town"), "town": ("town", "city"),
              "village": ("village", "village tract")}
#: "in X village tract near the famous Goteik viaduct": Goteik only says where X is
_LANDMARK_BEFORE = re.compile(r"\b(?:near|close to|not far from|next to|adjacent to|bordering)"
                              r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)


def place_referred_to(sentence: Sentence, places: list[Place], full_text: str) -> list[Where]:
    """"To the west of the city, five people were killed": with no place named in the
    sentence, "the city" is the last city (town, village) the article named before it,
    not a distance's anchor; near it ("west of", "outskirts") is precision 2."""
    m = _DEFINITE_PLACE.search(sentence.text)
    if m is None:
        return []
    kinds = _KINDS_FOR[m.group(1).lower()]
    earlier = [(span.start, place) for place in places for span in place.spans
               if span.start < sentence.start and (place.kind or "") in kinds
               and not is_anchor(full_text, span.start)
               and not _LANDMARK_BEFORE.search(full_text[max(0, span.start - 40):span.start])]
    if not earlier:
        return []
    place = max(earlier, key=lambda item: item[0])[1]
    near = re.search(r"\b(?:of|near|outside|around|outskirts of|edge of)\s+(?:the\s+)?"
                     r"(?:\w+\s+)?$", sentence.text[:m.start() + 4])
    return [Where(place, [place.name] if near else [], 2 if near else 1)]


def _trigger_length(kind: TriggerKind, sentence: Sentence, trigger_at: int) -> int:
    match = kind.pattern.match(sentence.text, trigger_at - sentence.start)
    return len(match.group(0)) if match else 0


def _sub_event(kind: TriggerKind, actor1: str, place: Place, country: str) -> str:
    """Territory taken by fighting: state forces regain it at home; anyone else, a foreign
    army included, overtakes it (ACLED). A place of unknown country lies in the article's."""
    if kind.sub_event_type != "territory":
        return kind.sub_event_type
    home = (place.country or country) == actor_country(actor1)
    state = actor_type(actor1) == "State forces" and home
    return "Government regains territory" if state else "Non-state actor overtakes territory"


#: who riots: a crowd, never an armed organisation
_ARMED_ORGANISATIONS = frozenset({"State forces", "Rebel group", "Political militia",
                                  "Identity militia", "External/Other forces"})


def _armed_burning(kind: TriggerKind, actor1: str) -> tuple[str, str] | None:
    """"Troops set fire to the village", "the militia torched houses": an armed group
    destroying property is ACLED's Strategic development "Looting/property destruction",
    not a riot (a riot is a crowd's)."""
    if kind.event_type == "Riots" and actor_type(actor1) in _ARMED_ORGANISATIONS:
        return "Strategic developments", "Looting/property destruction"
    return None


def _armed_target(kind: TriggerKind, actor2: str | None) -> tuple[str, str] | None:
    """"Two soldiers were wounded by sniper fire": gunfire that hit an armed side is a fight
    between two armed sides (ACLED: Armed clash); at unarmed people, an attack on them."""
    if kind.against_armed is None or actor2 is None:
        return None
    return kind.against_armed if actor_type(actor2) in _ARMED_ORGANISATIONS else None


def _event(kind: TriggerKind, actor1: str, actor2: str | None, assoc: list[str], where: Where,
           when: DateInterval | None, sentence: Sentence, status: str, source: str | None,
           ctx: _Context, country: str | None = None) -> Event:
    burning = None if casualty_rules.crowd_named(sentence.text) else _armed_burning(kind, actor1)
    event_type, sub_event_type = burning or _armed_target(kind, actor2) or (
        kind.event_type, _sub_event(kind, actor1, where.place, country or ctx.sides.country))
    if kind.foreign_state:  # the weapon the article names most (issue 12)
        sub_event_type = abroad.remote_sub_event(ctx.text.text)
    fire = _remote_fire_before(sentence, ctx) if kind.after_remote else None
    if fire is not None:  # harm told with no weapon: the fire just told (issue 12)
        event_type, sub_event_type = fire.event_type, fire.sub_event_type
    context = _context_of(sentence, ctx)
    event_type, sub_event_type = casualty_rules.in_context(  # issue 15: how it went
        kind.name, event_type, sub_event_type, context)
    event_type, sub_event_type = transfer.settle(event_type, sub_event_type, context)
    actor2 = abroad.local_victims(actor1, actor2, where.place.country or country,
                                  ctx.text.text)  # issue 12: an army abroad hits locals
    actor2 = abroad.unnamed_victims(kind, actor2, sentence.text)  # nobody told as hit
    if fire is not None and fire.location is not None and \
            fire.location.name == where.place.name:  # the fire's own harm, told on
        actor2 = fire.actor2
    actor2 = abroad.military_sites(kind, actor1, actor2, where.place.country or country,
                                   sentence.text, ctx.doc.published)  # "Israeli sites"
    if event_type in CROWD_TYPES:  # issue 15: Protesters/Rioters (Country), who faced them
        actor1, actor2 = crowd_roles(event_type, sub_event_type, actor1, actor2,
                                     ctx.sides.country)
    # issue 12: a sentence about another country than the article's names its sides
    in_sentence = ctx.nearby[sentence.index].actors
    actor1 = abroad.local_sides(actor1, where.place.country, ctx.sides.country,
                                sentence.text, ctx.doc.published, in_sentence) or actor1
    actor2 = abroad.local_sides(actor2, where.place.country, ctx.sides.country,
                                sentence.text, ctx.doc.published, in_sentence)
    return Event(
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1, actor2=actor2, assoc_actors=assoc,
        date=when, location=where.place, near=where.near, geo_precision=where.precision,
        fatalities=None if kind.side else casualty_rules.crowd_toll(sentence.text)
        if event_type in CROWD_TYPES else fatalities(sentence.text),
        injured=injured(sentence.text) if not kind.side else None,
        weapons=weapons(sentence.text) if not kind.side else [],
        status=status, source=source if status != "reported" else None,
        background=is_background(when, ctx.doc.published),
        optional=kind.side and kind.name == "displacement",
        evidence=[Span(sentence.start, sentence.end, sentence.text)],
        confidence=0.4 if status in NON_FACTUAL else 0.6,
        component=COMPONENT,
    )


def _context_of(sentence: Sentence, ctx: _Context) -> str:
    """The sentence and the next one: how a demonstration went is often told after it (the
    sentence before too lowered the gold's blind part: captures there became transfers)."""
    around = ctx.text.sentences[sentence.index:sentence.index + 2]
    return " ".join(s.text for s in around)


def _key(event: Event) -> tuple[object, ...]:
    loc = event.location.name.lower() if event.location else None
    return (event.event_type, event.sub_event_type, frozenset({event.actor1, event.actor2}),
            loc, event.status in NON_FACTUAL)


def _within(inner: DateInterval | None, outer: DateInterval | None) -> bool:
    """``inner`` lies inside ``outer`` (an open end is unbounded)."""
    if inner is None or outer is None:
        return inner is outer
    if unresolved_apart(inner, outer):
        return False  # "Feb. 20" and "Feb. 7", "in August" and "on September 17", unresolved
    if (inner.start, inner.end) == (outer.start, outer.end):
        return True
    starts_ok = outer.start is None or (inner.start is not None and inner.start >= outer.start)
    ends_ok = outer.end is None or (inner.end is not None and inner.end <= outer.end)
    return starts_ok and ends_ok


#: longer than a month: "60 clashes since July 23" counts many events, not one
_TALLY_DAYS = 31
#: a day or a few days: one event
_ONE_EVENT_DAYS = 7
#: what reports count ("over 60 clashes", "dozens of airstrikes"); a place changes hands once
_TALLIED = frozenset({"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"})


#: "from June to 13 August", "between May and July": a span over two months, no year known
_MONTH_TO_MONTH = re.compile(r"\b(?:from|between)\s+(?:(?:early|mid|late)[- ]?)?(?:\d{1,2}\s+)?"
                             r"([A-Z][a-z]+)\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s+(?:to|and|until)\s+"
                             r"(?:(?:early|mid|late)[- ]?)?(?:\d{1,2}\s+)?([A-Z][a-z]+)")


def _over_months(when: DateInterval | None) -> bool:
    """The date is a span longer than a month (a tally's period, not an event's day)."""
    if when is None:
        return False
    spans = _MONTH_TO_MONTH.search(when.text)
    if spans is None or spans.group(1)[:3] == spans.group(2)[:3]:
        return False
    days = _days(when)
    return days is None or days > _TALLY_DAYS


def _days(interval: DateInterval | None) -> int | None:
    if interval is None or interval.start is None or interval.end is None:
        return None
    return (interval.end - interval.start).days + 1


def _tally_and_one(a: DateInterval | None, b: DateInterval | None) -> bool:
    """One report counts clashes over months, the other dates one clash: both stand."""
    spans = sorted(d for d in (_days(a), _days(b)) if d is not None)
    return len(spans) == 2 and spans[0] <= _ONE_EVENT_DAYS and spans[1] > _TALLY_DAYS


def merge_same_events(events: list[Event]) -> list[Event]:
    """ACLED: one event per actor pair, place and day. Reports of the same event, the
    vaguer one's interval holding the more precise one's, merge; all evidence is kept."""
    merged: list[Event] = []
    by_key: dict[tuple[object, ...], list[Event]] = {}  # only events of one key can merge
    for event in events:
        same = next((kept for kept in by_key.get(_key(event), [])
                     if (_within(event.date, kept.date) or _within(kept.date, event.date))
                     and not (event.sub_event_type in _TALLIED
                              and _tally_and_one(kept.date, event.date))),
                    None)
        if same is None:
            merged.append(event)
            by_key.setdefault(_key(event), []).append(event)
            continue
        if _within(event.date, same.date):
            same.date = event.date
        if written.is_fallback(same) and not written.is_fallback(event):
            # the gazetteer's place of the same name, not the one kept as written
            same.location, same.geo_precision = event.location, event.geo_precision
        same.evidence.extend(s for s in event.evidence if s not in same.evidence)
        same.weapons.extend(w for w in event.weapons if w not in same.weapons)
        if event.fatalities is not None:
            same.fatalities = min(f for f in (same.fatalities, event.fatalities) if f is not None)
    return merged


#: a township's event told again, within so many characters, at a place inside it
_SAME_ACCOUNT_CHARS = 1500


def _overlap(a: DateInterval | None, b: DateInterval | None) -> bool:
    """Dated intervals that share a day (an open end is unbounded); undated reports
    (an article with no publication date) may be days apart."""
    if a is None or b is None:
        return False
    return (a.start is None or b.end is None or a.start <= b.end) and \
        (b.start is None or a.end is None or b.start <= a.end)


def _lies_in(inner: Event, outer: Event) -> bool:
    """``inner``'s place is a town or village of ``outer``'s township."""
    big, small = outer.location, inner.location
    if big is None or small is None or big.kind != "township" or small is big:
        return False
    return (small.kind or "") in ("town", "city", "village", "village tract", "locality") and \
        small.admin3 is not None and small.admin3.lower() == big.name.lower()


def _told_inside(inner: Event, outer: Event) -> bool:
    """``inner``'s own sentence names ``outer``'s township as where its place lies
    ("near Y village in X Township", "in X township, ... on Y village"), within a few
    sentences of ``outer``'s report: the township's event is the same one, told broadly."""
    assert outer.location is not None
    name = re.compile(rf"\b{re.escape(outer.location.name)}\s+[Tt]ownship\b")
    if not any(name.search(s.text) for s in inner.evidence[:1]):  # its own first report
        return False
    gaps = [abs(x.start - y.start) for x in inner.evidence for y in outer.evidence]
    return bool(gaps) and min(gaps) <= _SAME_ACCOUNT_CHARS


def fold_into_parts(events: list[Event]) -> list[Event]:
    """ACLED codes an event at the most specific place told: "clashes in X Township" and,
    in the same account, "the battle took place near Y village" (Y in X Township) are one
    clash at Y. The township's event, of the same type, day and a shared actor, joins it.
    Candidates are indexed by type and township, so a long article stays linear."""
    parts: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        if e.location is not None and e.location.admin3:
            parts.setdefault((e.event_type, e.sub_event_type, e.location.admin3.lower()),
                             []).append(e)
    dropped: set[int] = set()
    for outer in events:
        if outer.location is None or outer.location.kind != "township":
            continue
        candidates = parts.get((outer.event_type, outer.sub_event_type,
                                outer.location.name.lower()), [])
        inner = next((e for e in candidates if id(e) not in dropped and e is not outer
                      and (e.status in NON_FACTUAL) == (outer.status in NON_FACTUAL)
                      and _lies_in(e, outer) and _overlap(e.date, outer.date)
                      and {e.actor1, e.actor2} & {outer.actor1} and _told_inside(e, outer)),
                     None)
        if inner is None:
            continue
        inner.evidence.extend(s for s in outer.evidence if s not in inner.evidence)
        casualty_rules.take_toll(inner, outer, events)
        dropped.add(id(outer))
    return [e for e in events if id(e) not in dropped]


def shelling_in_battles(events: list[Event]) -> list[Event]:
    """ACLED: long-range fire inside a battle is part of it. A shell told on the day of a
    battle at its place (one day both), fired by one of the battle's sides, joins the
    battle ("clashes broke out in X on Monday ... one shell struck the village")."""
    battles: dict[str, list[Event]] = {}
    for e in events:
        if e.event_type == "Battles" and e.location is not None and e.date is not None \
                and e.date.start is not None and e.date.end is not None:
            battles.setdefault(e.location.name.lower(), []).append(e)
    dropped: set[int] = set()
    for e in events:
        if e.sub_event_type not in _FOLDED_INTO_BATTLES or e.location is None \
                or not _one_day(e.date):
            continue
        day = e.date.start if e.date is not None else None
        battle = next((b for b in battles.get(e.location.name.lower(), [])
                       if _holds(b.date, day)
                       and (_one_day(b.date) or e.sub_event_type == "Air/drone strike")
                       and e.actor1 in (b.actor1, b.actor2)
                       and any(_TWO_SIDED.search(x.text) for x in b.evidence)
                       and (b.status in NON_FACTUAL) == (e.status in NON_FACTUAL)), None)
        if battle is None:
            continue
        battle.evidence.extend(x for x in e.evidence if x not in battle.evidence)
        casualty_rules.take_toll(battle, e, events)
        dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


#: words of a fight both sides wage (a raid may be one-sided, and mistyped as a battle)
_TWO_SIDED = re.compile(r"\b(?:clash\w*|fight\w*|fought|battl\w*|skirmish\w*|gunfights?|"
                        r"exchanged? (?:of )?(?:gun)?fire)", re.IGNORECASE)


#: fire from afar that ACLED folds into a battle at its place and time
_FOLDED_INTO_BATTLES = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


def _holds(interval: DateInterval | None, day: date | None) -> bool:
    """The (dated) interval holds the day."""
    if interval is None or interval.start is None or interval.end is None or day is None:
        return False
    return interval.start <= day <= interval.end


def _one_day(date: DateInterval | None) -> bool:
    return date is not None and date.start is not None and date.start == date.end


#: the ways of killing that no strike from afar explains: a raid, shooting (bullets, gunfire),
#: a massacre
_GROUND_ATTACK = re.compile(r"\b(?:raid\w*|massacre\w*|execut\w+|shot|shoot\w*|gunned|gunmen|"
                            r"storm\w*|tortur\w*|stabb\w*|hack\w*|behead\w*|burn\w*|"
                            r"open(?:ed)? fire|rap(?:e|ed|ing)|bullets?|gunfire|gunshots?|"
                            r"snipers?)\b", re.IGNORECASE)


def casualties_of_strikes(events: list[Event]) -> list[Event]:
    """"A man was killed in X" beside "artillery strikes on X" (same place, a shared day,
    the same attacker): the deaths are the strike's, which ACLED codes as the remote
    violence, not as a separate attack on civilians. The attack joins the strike."""
    strikes: dict[tuple[str, str | None], list[Event]] = {}  # by place and attacker: linear
    for e in events:
        if e.event_type == "Explosions/Remote violence" and e.location is not None:
            strikes.setdefault((e.location.name, e.actor1), []).append(e)
    dropped: set[int] = set()
    for event in events:
        if event.sub_event_type != "Attack" or event.location is None or \
                _GROUND_ATTACK.search(event.evidence[0].text):
            continue
        strike = next((s for s in strikes.get((event.location.name, event.actor1), [])
                       if (s.status in NON_FACTUAL) == (event.status in NON_FACTUAL)
                       and _overlap(s.date, event.date)), None)
        if strike is None:
            continue
        strike.evidence.extend(x for x in event.evidence if x not in strike.evidence)
        if strike.fatalities is None:
            strike.fatalities = event.fatalities
        dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]
