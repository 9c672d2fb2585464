"""Fatalities, injuries and weapons named in an event's sentence (ACLED conventions)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from sitrep.events.lexicon import SENTENCE_CACHE, context_cues, cues, weapons_pattern
from sitrep.model import Event, Place, Sentence, Span

#: ACLED's readings of vague counts; number words
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a dozen": 12, "dozens": 12, "dozens of": 12, "several": 3, "a few": 3, "many": 10,
    "scores of": 20, "hundreds": 100, "hundreds of": 100, "a": 1, "an": 1,
}
#: "1,200" is one number; "July 8, 4 locals" is a date and a count
_COUNT = r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?!\d)|" + "|".join(
    sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True)) + \
    r")(?!\s*-?\s*(?:years?|months?)[ -]old)"
_QUALIFIER = r"(?:at least |some |about |around |more than |over |nearly |up to |an estimated )?"
#: up to three words ("junta soldiers were", "55-year-old woman") then who died: never a
#: bare number, which starts a count of its own ("8, 4 locals were killed" is not 8), nor
#: a conjunction ("killing one child and injuring seven" injured seven, not one), nor a
#: number word or a speech verb ("a spokesman said five people were killed" is five)
_NUMBER_WORDS = "|".join(re.escape(k) for k in _NUMBERS if k not in ("a", "an"))
_WHO = rf"(?:(?!(?:and|or|but|said|says|{_NUMBER_WORDS}) )" \
       r"(?:[^\W\d]|\d+-)[\w'’-]* ){0,3}?" \
       r"(?:(?:people|civilians|soldiers|troops|fighters|residents|villagers|children|women|" \
       r"men|members|personnel|persons|others|combatants|of them)\s*)?"
#: an aside between the victims and the verb: "21 civilians, including a child, were killed"
_ASIDE = r"(?:,\s+(?:including|among them|most of them|many of them)\b[^,;.]{1,60},\s+)?"
_KILLED = re.compile(
    rf"(?:kill(?:ed|ing)|left|leaving|claimed the lives of|death of|deaths of)\s+{_QUALIFIER}"
    rf"{_COUNT}\b|\b{_QUALIFIER}{_COUNT}\s+{_WHO}{_ASIDE}(?:were |was |have been |had been )?"
    rf"(?:killed|dead|died|slain|deaths\b)", re.IGNORECASE)
_INJURED = re.compile(
    rf"(?:injur(?:ed|ing)|wound(?:ed|ing))\s+{_QUALIFIER}{_COUNT}\b|\b{_QUALIFIER}{_COUNT}\s+"
    rf"{_WHO}(?:were |was |have been )?(?:injured|wounded|hurt)", re.IGNORECASE)


def _value(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _lowest(pattern: re.Pattern[str], sentence: str) -> int | None:
    values = [v for m in pattern.finditer(sentence)
              for v in (_value(g) for g in m.groups() if g) if v is not None]
    return min(values) if values else None


#: one person as the subject of a killing: "a 71-year-old man has been killed", "a member of
#: the group, first taken for a soldier, was killed" (a count of 1 no number gives)
_ONE_KILLED = re.compile(
    r"\b(?:an?|one)\s+(?:[\w’'-]+\s+){0,3}?(?:man|woman|boy|girl|child|civilian|soldier|"
    r"member|person|resident|villager|farmer|policeman|police officer|officer|fighter|"
    r"commander|teenager|youth|student|journalist|volunteer|worker|driver|militant|rebel|"
    r"trader|monk|teacher|commando|guard|elder|official)\b(?:(?!\b(?:were|and|but)\b)"
    r"[^.;]){0,100}?\b(?:was|has been|had been)\s+(?:shot\s+and\s+)?(?:killed|shot dead|"
    r"slain)\b", re.IGNORECASE)
#: one person named by their age as the object of a killing: "killing 7-year-old X"
_AGE_KILLED = re.compile(r"\b(?:kill(?:ed|ing)|shot dead|claimed the life of)\s+(?:an? |one )?"
                         r"[\w]+[ -]years?[ -]old\b|\b(?:an?|one)\s+[\w]+-years?-old\b"
                         r"(?:(?!\b(?:were|and|but)\b)[^.;]){0,100}?\b(?:was|has been|had been)\s+"
                         r"(?:killed|shot dead|slain)\b", re.IGNORECASE)
#: "two fighters and one civilian were killed": one toll told in parts, summed (ACLED)
_JOINT_KILLED = re.compile(
    rf"\b{_COUNT}\s+((?:[^\W\d][\w'’-]*\s+){{1,3}}?)and\s+{_COUNT}\s+"
    rf"((?:[^\W\d][\w'’-]*\s*){{1,3}}?)(?:were|have been|had been)\s+(?:killed|slain)\b",
    re.IGNORECASE)


#: "no casualties were reported", "killing no one", "nobody was killed": a toll of 0
_NONE_KILLED = re.compile(
    r"\b(?:no (?:casualties|deaths|fatalities|one was (?:killed|hurt|injured)|lives were lost)|"
    r"(?:killing|killed|leaving) no(?: ?one|body)|nobody was (?:killed|hurt|injured)|"
    r"without (?:any )?(?:casualties|loss of life))\b", re.IGNORECASE)


@lru_cache(maxsize=SENTENCE_CACHE)
def fatalities(sentence: str) -> int | None:
    """Reported deaths; the lowest figure when several are given (ACLED), a toll told in
    parts summed, one person told as killed counted as 1 (cached: each event of a sentence
    and the casualty rules ask of the same sentence)."""
    joint = [m for m in _JOINT_KILLED.finditer(sentence)
             if _value(m.group(1)) is not None and _value(m.group(3)) is not None]
    for m in reversed(joint):
        sentence = sentence[:m.start()] + " " * (m.end() - m.start()) + sentence[m.end():]
    values = [_value(m.group(1)) + _value(m.group(3)) for m in joint]  # type: ignore[operator]
    found = _lowest(_KILLED, sentence)
    if found is not None:
        values.append(found)
    if not values and (_ONE_KILLED.search(sentence) or _AGE_KILLED.search(sentence)):
        values.append(1)
    if not values and _NONE_KILLED.search(sentence):
        values.append(0)
    return min(values) if values else None


@lru_cache(maxsize=SENTENCE_CACHE)
def injured(sentence: str) -> int | None:
    return _lowest(_INJURED, sentence)


#: where one clause of a sentence ends and another begins ("..., and the airstrike on ...")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but)\s+|\s+(?:while|whereas)\s+")


def _clause(text: str, at: int) -> tuple[int, int]:
    """The bounds of the clause holding offset ``at``."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


#: what stands between two places of a list ("A, B and C", "A and B towns")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&)\s*")


def _listed(events: list[Event], sentence: Span) -> bool:
    """Two of the events' places are named side by side as a list in the sentence, rather
    than one locating the other ("Na Ga Yar village in Kyauktaw Township")."""
    named = sorted((span.start - sentence.start, span.end - sentence.start)
                   for e in events if e.location for span in e.location.spans
                   if sentence.start <= span.start < sentence.end)
    return any(_LIST_GAP.fullmatch(sentence.text[end:start])
               for (_, end), (start, _) in pairwise(named))


def _tally(text: str) -> bool:
    """"Airstrikes killed 39 over the past two weeks": a toll for several attacks over a
    span, which ACLED codes day by day; no one of them gets the total."""
    return bool(cues().several_attacks.search(text) and cues().running_total.search(text))


def _elsewhere(text: str, own: tuple[int, int], names: set[str | None], sentence: Sentence,
               places: list[Place]) -> str:
    """Blank the clauses, other than the attack's own, that name a place and none of the
    attack's: "a man was killed in A, and 11 were injured in B" gives B's attack no death."""
    spans = [(span.start - sentence.start, place.name) for place in places
             for span in place.spans if sentence.start <= span.start < sentence.end]
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    for a, b in bounds:
        named = {name for at, name in spans if a <= at < b}
        if (a, b) != own and named and not named & names:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def assign_casualties(sentence: Sentence, told: list[tuple[int, list[Event]]],
                      places_named: list[Place] | None = None) -> None:
    """Give each attack of a sentence (its trigger's offset, its events) the figures it
    reports. Two attacks at different places in different clauses ("30 men were shot
    dead in A, and the airstrike on B killed 20") each take their own clause's figures;
    one figure for an attack on a list of places ("airstrikes on A, B and C killed 5"),
    or for several attacks over a span, is a total that ACLED gives to no single one."""
    groups = [(at - sentence.start, [e for e in events if e.event_type in VIOLENT])
              for at, events in told]
    groups = [(at, events) for at, events in groups if events]
    for at, events in groups:
        places = {e.location.name if e.location else None for e in events}
        text = sentence.text
        own = _clause(text, at)
        for other_at, others in groups:
            other = _clause(text, other_at)
            if other != own and not places & {e.location.name if e.location else None
                                             for e in others}:
                text = text[:other[0]] + " " * (other[1] - other[0]) + text[other[1]:]
        listed = len(places) > 1 and _listed(events, Span(sentence.start, sentence.end,
                                                          sentence.text))
        total = listed or _tally(text)
        killed, hurt = (None, None) if total else (fatalities(text), injured(text))
        for event in events:
            event.fatalities, event.injured = killed, hurt
            if len(places) > 1 and not total and places_named:
                _own_clause_figures(event, text, sentence, places_named)


def _own_clause_figures(event: Event, text: str, sentence: Sentence, places: list[Place]
                        ) -> None:
    """One trigger told at several places in their own clauses ("a man was killed in A,
    and 11 people were injured in B"): each place's event takes the figures of its
    clause, not those told of another place."""
    if event.location is None:
        return
    at = next((span.start - sentence.start for span in event.location.spans
               if sentence.start <= span.start < sentence.end), None)
    if at is None:
        return
    own = _elsewhere(text, _clause(text, at), {event.location.name}, sentence, places)
    event.fatalities, event.injured = fatalities(own), injured(own)


#: how far after a report of an attack the next report may still give its toll
_TOLD_NEXT_CHARS = 40


def take_toll(kept: Event, joined: Event, events: list[Event]) -> None:
    """A report that joins another (a restatement with no place, a township's account, a
    shell inside a battle) may be the next sentence that gives the toll ("A clash broke
    out at X. ... with six fighters killed"): the kept event takes it when it told none of
    its own. A report told elsewhere in the article (a lede's or a summary's total), a
    running total, or a toll after attacks on several places (``events`` told in the same
    sentence as ``kept``: their total) gives none."""
    if kept.fatalities is not None or kept.injured is not None \
            or joined.event_type not in VIOLENT or not joined.evidence or not kept.evidence:
        return
    first = joined.evidence[0]
    if cues().running_total.search(first.text) or _wider(joined, kept) or not any(
            0 <= first.start - told.end <= _TOLD_NEXT_CHARS for told in kept.evidence):
        return
    own = kept.evidence[0]
    place = kept.location.name if kept.location else None
    if any(e is not kept and e is not joined and e.event_type == kept.event_type
           and e.evidence[:1] == [own] and (e.location.name if e.location else None) != place
           for e in events):
        return
    kept.fatalities, kept.injured = joined.fatalities, joined.injured


#: a report spanning so many days or more counts several attacks (a week, a month...)
_TALLY_DAYS = 7


def _wider(joined: Event, kept: Event) -> bool:
    """The joining report spans a week or more, longer than the kept one ("airstrikes
    killed 56 between June and August"): its toll is a total over several attacks."""
    a, b = joined.date, kept.date
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return False
    days = (a.end - a.start).days  # type: ignore[operator]
    return days >= _TALLY_DAYS and days > (b.end - b.start).days  # type: ignore[operator]


def weapons(sentence: str) -> list[str]:
    found: list[str] = []
    for m in weapons_pattern().finditer(sentence):
        if m.group(0).lower() not in (w.lower() for w in found):
            found.append(m.group(0))
    return found


#: the types whose casualties are coded (a displacement or a movement has none)
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def goes_on(events: list[Event], sentence: str) -> bool:
    """"The bomb hit a monastery, killing 10": with no violent event of its own, the
    sentence goes on with the attack just told, by a definite reference."""
    return not any(e.event_type in VIOLENT for e in events) \
        and bool(cues().sequel_openers.match(sentence.lstrip()))


def carry_casualties(previous: list[Event], sentence: Sentence) -> None:
    """A sentence that goes on with an attack reports its casualties, unless it gives a
    running total ("have killed 300 since 2021") or the attack fell on a list of places
    (a total that ACLED gives to no single one of them)."""
    killed, hurt = fatalities(sentence.text), injured(sentence.text)
    attacks = [e for e in previous if e.event_type in VIOLENT]
    places = {e.location.name if e.location else None for e in attacks}
    several = len(places) > 1 and _listed(attacks, attacks[0].evidence[0])
    if (killed is None and hurt is None) or not attacks or several \
            or cues().running_total.search(sentence.text):
        return
    for event in attacks:
        if event.fatalities is None and event.injured is None:
            event.fatalities, event.injured = killed, hurt
            event.evidence.append(Span(sentence.start, sentence.end, sentence.text))


def toll_told_before(previous: Sentence | None, events: list[Event], sentence: Sentence
                     ) -> None:
    """"An attack in X on Sunday resulted in the death of an official. The assault
    targeted a checkpoint.": a sentence that tells the attack again by a definite noun
    (``sequel_openers``) and gives no toll of its own takes the toll of the sentence just
    before, when that one coded no event (its deaths are this attack's); never a running
    total, nor a total for attacks on several places."""
    attacks = [e for e in events if e.event_type in VIOLENT
               and e.fatalities is None and e.injured is None]
    if previous is None or not attacks or not cues().sequel_openers.match(
            sentence.text.lstrip()) or cues().running_total.search(previous.text):
        return
    places = {e.location.name if e.location else None for e in attacks}
    killed, hurt = fatalities(previous.text), injured(previous.text)
    if killed is None or len(places) > 1:
        return
    for event in attacks:
        event.fatalities, event.injured = killed, hurt
        event.evidence.append(Span(previous.start, previous.end, previous.text))


def none_killed_after(recent: list[Event], sentence: Sentence) -> None:
    """"No casualties were reported on either side.": a sentence telling only that no one
    died closes the toll of the attacks just told (0), when they gave none."""
    if fatalities(sentence.text) != 0 or _KILLED.search(sentence.text):
        return
    for event in recent:
        if event.event_type in VIOLENT and event.fatalities is None:
            event.fatalities = 0
            event.evidence.append(Span(sentence.start, sentence.end, sentence.text))


_PROTESTS, _RIOTS = "Protests", "Riots"


def in_context(kind: str, event_type: str, sub_event_type: str, context: str
               ) -> tuple[str, str]:
    """The event and sub-event type its context settles (ACLED's boundaries, issue 15):
    protesters who are violent riot; peaceful ones met with lethal force or serious
    injury suffer excessive force, with dispersal or arrests an intervention; a crowd's
    violence outside a demonstration is mob violence; territory taken without a fight is
    a non-violent transfer."""
    cue = context_cues()
    if kind == "protest":
        if cue["protesters_violent"].search(context):
            return _RIOTS, "Violent demonstration"
        if cue["protest_lethal_force"].search(context):
            return _PROTESTS, "Excessive force against protesters"
        if cue["protest_intervention"].search(context):
            return _PROTESTS, "Protest with intervention"
        return _PROTESTS, "Peaceful protest"
    if event_type == _RIOTS:  # a crowd's violence outside a demonstration: mob violence
        demonstration = cue["demonstration_setting"].search(context)
        return _RIOTS, "Violent demonstration" if demonstration else "Mob violence"
    if sub_event_type in ("Government regains territory", "Non-state actor overtakes territory") \
            and cue["no_fight"].search(context):
        return "Strategic developments", "Non-violent transfer of territory"
    return event_type, sub_event_type


def crowd_toll(sentence: str) -> int | None:
    """The deaths of a demonstration or riot: not those of the death it gathers over
    ("following the funeral of a youth killed by militiamen"), which is another event."""
    return fatalities(context_cues()["crowd_grievance"].sub(" ", sentence))


def crowd_named(text: str) -> bool:
    """A crowd is named ("villagers lynched", "rioters torched"): a riot is the crowd's."""
    return bool(context_cues()["crowd_words"].search(text))
