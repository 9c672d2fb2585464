"""Who did it to whom: actor1, actor2 and associated actors from a sentence.

Position and prepositions decide ("X captured Y from Z", "Y fell to X",
"recaptured from Z"); missing sides are completed from the article's main
belligerents, as a coder reading the whole article would.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.actors import (
    actor_country,
    actor_type,
    alliance_members,
    is_alliance_anaphor,
    lexicon,
    state_forces,
)
from sitrep.events.lexicon import TriggerKind, cues
from sitrep.model import ActorMention, Sentence

_ARMED = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                    "External/Other forces"})
_NON_STATE = frozenset({"Rebel group", "Political militia", "Identity militia"})


@dataclass
class Roles:
    actor1: str | None
    actor2: str | None
    assoc: list[str] = field(default_factory=list)
    #: actor1 is told as the one who did it ("by the RSF", "Houthi drones", "X launched")
    stated: bool = False
    #: actor2's own fighters are told as hit ("two Hezbollah fighters were killed")
    fighters_hit: bool = False


@dataclass(frozen=True)
class Belligerents:
    """The article's main state and non-state sides, for completing one-sided sentences."""

    state: str | None
    rebel: str | None
    civilians: str
    country: str = ""
    #: every state's forces named, most named first (two armies at war: Russia, Ukraine)
    states: tuple[str, ...] = ()

    @classmethod
    def of(cls, actors: list[ActorMention], country: str) -> Belligerents:
        """The most named sides; state forces default to the country's military."""
        state = Counter(a.canonical for a in actors if a.actor_type == "State forces")
        rebel = Counter(a.canonical for a in actors if a.actor_type in _NON_STATE
                        and not is_alliance_anaphor(a.surface))
        return cls(state.most_common(1)[0][0] if state else state_forces(country),
                   rebel.most_common(1)[0][0] if rebel else None, f"Civilians ({country})",
                   country, tuple(name for name, _ in state.most_common()))

    def opponent(self, actor: str | None) -> str | None:
        if actor is None:
            return None
        kind = actor_type(actor)
        if kind == "State forces":
            enemy = next((s for s in self.states
                          if actor_country(s) != actor_country(actor)), None)
            return self.rebel or enemy
        if kind in _NON_STATE:
            return self.state
        return None


def possessed_descriptors(sentence: Sentence, mentions: list[ActorMention],
                          earlier: list[ActorMention] | None = None) -> list[ActorMention]:
    """"The TNLA said its troops would withdraw", "Russia said its forces had captured X": a
    descriptor after "its"/"their" is the group or state named before it in the sentence,
    not the article's country's army. With none named in the sentence ("the defence ministry
    said its troops..."), "its" points back at the last armed side the previous sentences
    named (``earlier``), as a pronoun does."""
    out = []
    for m in mentions:
        before = sentence.text[max(0, m.span.start - sentence.start - 7):
                               m.span.start - sentence.start]
        if not (m.generic and m.actor_type == "State forces"
                and re.search(r"\b(?:its|their)\s+$", before, re.IGNORECASE)):
            out.append(m)
            continue
        owner = next((o for o in reversed(mentions) if o.span.start < m.span.start
                      and o.actor_type in _NON_STATE), None) or next(
            (o for o in reversed(mentions) if o.span.start < m.span.start
             and o.actor_type == "State forces"), None)
        if owner is None and earlier and not any(o.span.start < m.span.start and o.actor_type
                                                 in _ARMED for o in mentions):
            owner = next((o for o in reversed(earlier) if o.actor_type in _ARMED
                          and not o.generic), None)
        if owner is not None:
            m = ActorMention(owner.canonical, m.surface, owner.actor_type, m.span)
        out.append(m)
    return out


#: "Hezbollah said it fired rockets", "the RSF claimed that its fighters took X"
_SELF_REPORT = re.compile(r"\W{0,3}(?:\s+[\w-]+){0,3}?\s+(?:said|says|claimed|claims|"
                          r"announced|reported|stated)\s+(?:that\s+)?(?:it|they|its|their)\b",
                          re.IGNORECASE)


def speaks_of_itself(sentence: Sentence, mention: ActorMention) -> bool:
    """A source that reports its own act ("Hezbollah said it fired rockets at X") is the
    event's doer as well as its source."""
    return bool(_SELF_REPORT.match(sentence.text, mention.span.end - sentence.start))


#: "dropped a bomb on a TNLA base, according to the TNLA": the group named as hit
_TARGET_BEFORE = re.compile(r"\b(?:on|at|against|targeting|targeted|hit|struck|shelled|"
                            r"bombed)\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def is_target(sentence: Sentence, mention: ActorMention) -> bool:
    """The mention is what the event hit (a source named elsewhere in the sentence by the
    same name does not take it out of the event)."""
    return bool(_TARGET_BEFORE.search(sentence.text[max(0, mention.span.start - sentence.start
                                                        - 20):mention.span.start
                                                    - sentence.start]))


#: "occupied X, but the town was retaken by the regime": "by" belongs to another clause
_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:but|while|whereas|and|before|after|until)\b|;")


def _between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]


def _preceding(sentence: Sentence, at: int, words: str) -> bool:
    return bool(re.search(rf"\b(?:{words})\s+(?:(?:the|a|an)\s+)?$",
                          sentence.text[max(0, at - sentence.start - 14):at - sentence.start],
                          re.IGNORECASE))


#: "recaptured a town that was overrun by militants": the agent of a relative clause
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.IGNORECASE)
#: "an attack by the paramilitary RSF", "fell to the rebels", "killed at the hands of
#: Wagner mercenaries": the agent after its event;
#: "according to the army" names a source, not the doer
_AGENT_BEFORE = re.compile(r"(?<!according )\b(?:by|to|at the hands of)\s+(?:(?:the|a|an)\s+)?"
                           r"((?:(?-i:[a-z])[\w-]*\s+){0,2})$", re.IGNORECASE)
#: words that end a phrase: never a modifier between "by the" and a name
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "or", "of", "in", "on", "at", "from",
                             "with", "by", "to", "was", "were", "is", "are", "had", "has",
                             "have", "its", "their", "his", "her",
                             # "sent to X to fight alongside government forces": a verb's
                             # preposition, no agent phrase (moves6)
                             "alongside", "against", "beside", "for"})


def _agent_before(sentence: Sentence, at: int) -> bool:
    """The mention is the agent phrase's object: "by/to (the) (up to two modifiers) X"."""
    found = _AGENT_BEFORE.search(sentence.text[max(0, at - sentence.start - 40):
                                               at - sentence.start])
    return found is not None and not _FUNCTION_WORDS & set(found.group(1).lower().split())


_HOLDER_BEFORE = re.compile(r"(?:control of|controlled by|held by|administered by|seized by|"
                            r"territory of|areas of)\s+(?:the\s+)?$", re.IGNORECASE)


#: "X, seized by the TNLA last year": a holder beside other events, the doer of a capture
_TAKER_BEFORE = re.compile(r"(?:seized|captured|taken) by\s+(?:the\s+)?$", re.IGNORECASE)


def _holder(sentence: Sentence, mention: ActorMention,
            mentions: list[ActorMention] | None = None, capture: bool = False) -> bool:
    """"Lashio, under the control of the MNDAA": who holds a place is no party to the event;
    nor is its acronym in brackets after the name ("... National Liberation Army (TNLA)")."""
    before = sentence.text[max(0, mention.span.start - sentence.start - 30):
                           mention.span.start - sentence.start]
    if _HOLDER_BEFORE.search(before):
        return not (capture and _TAKER_BEFORE.search(before))
    named = next((m for m in mentions or [] if m.canonical == mention.canonical
                  and 0 < mention.span.start - m.span.end <= 2), None)
    return named is not None and before.endswith("(") and _holder(sentence, named,
                                                                  capture=capture)


def _members_over_alliances(armed: list[ActorMention]) -> list[ActorMention]:
    """"The alliance ..., the TNLA captured X": a member named in the sentence acts, not the
    alliance's lead member standing in for it."""
    named = {m.canonical for m in armed if not alliance_members(m.surface)}
    return [m for m in armed if not named & set(alliance_members(m.surface))]


#: "the alliance, which includes the TNLA, MNDAA and AA, seized Lashio"
_COMPOSITION = re.compile(r"\balliance\W{0,3}(?:which includes|comprising|made up of|"
                          r"consisting of)\b", re.IGNORECASE)


def _alliance_composition(sentence: Sentence, armed: list[ActorMention], trigger_at: int
                          ) -> tuple[list[ActorMention], set[str]]:
    """Members listed as what an alliance is made of do not act each on their own: the
    alliance acts, coded as its lead member (as for "the Brotherhood Alliance"); the
    other members are associated."""
    cue = _COMPOSITION.search(sentence.text)
    if cue is None or sentence.start + cue.end() > trigger_at:
        return armed, set()
    listed = [m for m in armed if sentence.start + cue.end() <= m.span.start < trigger_at]
    names = {m.canonical for m in listed}
    lead = next((members[0] for members in lexicon().alliances.values()
                 if len(names) > 1 and names <= set(members)), None)
    if lead is None:
        return armed, set()
    first = next(m for m in listed if m.canonical == lead)
    kept = [m for m in armed if m not in listed or m is first]
    return kept, names - {lead}


def _mediator(mention: ActorMention, sides: Belligerents) -> bool:
    """A foreign state brokering talks ("under Chinese mediation") is not a party to them."""
    home = actor_country(sides.state) if sides.state else None
    return mention.actor_type == "State forces" and home is not None \
        and actor_country(mention.canonical) != home


def assign(kind: TriggerKind, trigger_at: int, sentence: Sentence, mentions: list[ActorMention],
           sides: Belligerents, carried: str | None = None) -> Roles:
    """Roles for one event from the actor mentions of its sentence; ``carried`` is the doer
    of the strikes just told, for a strike whose sentence names no doer."""
    armed = _members_over_alliances(
        [m for m in mentions if m.actor_type in _ARMED
         and not _holder(sentence, m, mentions, capture=kind.control is not None)])
    if kind.name == "agreement":
        armed = [m for m in armed if not _mediator(m, sides)]
    armed, members = _alliance_composition(sentence, armed, trigger_at)
    civilians = [m for m in mentions if m.actor_type == "Civilians"]
    # "captured by X", "fell to X": the agent comes after the trigger
    agent = [m for m in armed if m.span.start > trigger_at
             and _agent_before(sentence, m.span.start)
             and not _CLAUSE_BREAK.search(_between(sentence, trigger_at, m.span.start))
             and not _RELATIVE.search(_between(sentence, trigger_at, m.span.start))]
    # the subject of a passive movement moved ("Hezbollah fighters have been sent to X")
    moved = kind.sub_event_type == "Change to group/activity"
    loser = [m for m in armed if _preceding(sentence, m.span.start, "from|against|on")
             or _fighters_hit(sentence, m)
             or (not moved and _undergoes(sentence, m, trigger_at))
             or _VICTIM_BEFORE.search(
                 sentence.text[max(0, m.span.start - sentence.start - 40):
                               m.span.start - sentence.start])]
    if kind.control and base_fell(sentence, trigger_at):
        loser = armed  # "the junta's Battalions 503 and 504 fell": every side named lost it
    lost = {m.canonical for m in loser}
    before = [m for m in armed if m.span.start < trigger_at and m.canonical not in lost]
    after = [m for m in armed if m.span.start >= trigger_at and m not in agent
             and m.canonical not in lost]
    if kind.name == "handover":  # "X handed Y over to Z": Z receives; "abandoned by Z": Z gave
        # a dict, not a set: the first receiver named wins, whatever the hash seed
        receiver = dict.fromkeys(m.canonical for m in agent
                                 if _preceding(sentence, m.span.start, "to"))
        first = [m for m in before + after if m.canonical not in receiver][:1]
        name1 = first[0].canonical if first else None
        name2 = next(iter(receiver), None)
        if name2 is not None and name2 != name1:
            return _complete(kind, Roles(name1, name2), sentence, civilians, sides, carried)
        giver = next((m.canonical for m in agent if m.canonical not in receiver), None)
        other = [m.canonical for m in before + after if m.canonical != giver]
        if giver is not None and other:
            return _complete(kind, Roles(giver, other[0]), sentence, civilians, sides, carried)
    first = agent or before[:1] or after[:1]
    name1 = first[0].canonical if first else None
    stated = bool(agent) or bool(before[:1] and _wields(sentence, before[0], trigger_at))
    # "X and Y clashed" pairs the two; "X together with Y captured Z": Y fought beside X;
    # "X occupied Z, but the town was retaken by Y": Y took it from X
    partners = before if kind.name == "clash" or (agent and kind.control) else []
    # "Gangs launched an attack where gunmen clashed": unnamed men beside a named group are
    # its own, not its enemy
    if first and not first[0].generic and first[0].actor_type in _NON_STATE:
        partners = [m for m in partners if not (m.generic and m.actor_type in _NON_STATE)]
    rest = [m.canonical for m in loser + after + partners if m.canonical != name1]
    name2 = rest[0] if rest else None
    # an alliance acting: its lead is actor1, the other members fight beside it
    allies = {a for m in first for a in alliance_members(m.surface)}
    assoc = sorted(({m.canonical for m in armed} | allies | members) - {name1, name2} - {None})
    hit = any(m.canonical == name2 and _FIGHTERS.match(sentence.text, m.span.end - sentence.start)
              for m in armed)
    return _complete(kind, Roles(name1, name2, assoc, stated, hit), sentence, civilians, sides,
                     carried)


#: a base that "fell" with no "to X": its taker is not named in the sentence
_FELL_UNTAKEN = re.compile(r"(?:bases?|camps?|battalions?|outposts?|headquarters|garrisons?|"
                           r"barracks)(?: (?:\d+|and|&))* fell\b(?! to\b)", re.IGNORECASE)

def base_fell(sentence: Sentence, trigger_at: int) -> bool:
    """"Battalions 503 and 504 fell on Monday": a base taken, its taker not named."""
    return _FELL_UNTAKEN.match(sentence.text, trigger_at - sentence.start) is not None


#: "Hezbollah fighters", "RSF members": the group's own men, hit as such
_FIGHTERS = re.compile(r"['’]?s?\s+(?:fighters|members|militants|combatants|commanders?|"
                       r"operatives|gunmen|soldiers|troops|positions|posts)\b", re.IGNORECASE)


#: between an actor and its weapon: "Houthi drones", "the RSF launched a barrage of drones"
_WIELDS = re.compile(r"^(?:['’]s)?\s*$|^\s+(?:launched|carried out|conducted|"
                     r"used|flew|sent|deployed|fired)\b", re.IGNORECASE)


def _wields(sentence: Sentence, mention: ActorMention, trigger_at: int) -> bool:
    """The actor is the weapon's own: named right before it, or the subject launching it."""
    return bool(_WIELDS.search(_between(sentence, mention.span.end, trigger_at)))


#: "... fighters and a civilian were killed": the men named were the ones hit
_WERE_HIT = re.compile(r"^[^.;]{0,60}?\b(?:was|were|had been|have been)\s+(?:\w+\s+)?"
                       r"(?:killed|wounded|injured|hit)\b", re.IGNORECASE)


#: "A Kenyan army convoy was ambushed": the subject of a passive trigger (a few words of
#: its own noun phrase between) is its target
_PASSIVE_SUBJECT = re.compile(r"^(?:['’]s)?(?:\s+[\w-]+){0,2}?\s+(?:was|were|had been|has been|"
                              r"have been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _undergoes(sentence: Sentence, mention: ActorMention, trigger_at: int) -> bool:
    """The actor is the subject of the passive trigger: the one attacked, not attacking
    ("have been recruiting" is the progressive: its subject does it; moves6)."""
    if _PROGRESSIVE.match(sentence.text, trigger_at - sentence.start):
        return False
    return mention.span.end <= trigger_at and bool(
        _PASSIVE_SUBJECT.match(_between(sentence, mention.span.end, trigger_at)))


#: a verb in -ing after "have been" / "were": progressive, no passive
_PROGRESSIVE = re.compile(r"[A-Za-z]+ing\b")


#: "killing five policemen", "wounded three soldiers": the men named are the ones hit
_VICTIM_BEFORE = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|abduct(?:ed|ing)|"
                            r"kidnapp(?:ed|ing)|execut(?:ed|ing))\s+(?:at least\s+|some\s+)?"
                            r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|"
                            r"several|many|scores of)?\s*(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)


def _fighters_hit(sentence: Sentence, mention: ActorMention) -> bool:
    """"Two Hezbollah fighters were killed", "two police officers were killed": the group
    is the target, not the attacker."""
    at = mention.span.end - sentence.start
    fighters = _FIGHTERS.match(sentence.text, at)
    after = sentence.text[fighters.end() if fighters else at:]
    return bool(_WERE_HIT.match(after)) and (fighters is not None or bool(
        re.match(r"\s+(?:was|were|had been|have been)\b", after, re.IGNORECASE)))


#: the kinds of a fight whose side no one names is an unidentified armed group
_TWO_SIDED = frozenset({"clash", "town_attack", "forces_killed"})


def _complete(kind: TriggerKind, roles: Roles, sentence: Sentence,
              civilians: list[ActorMention], sides: Belligerents,
              carried: str | None = None) -> Roles:
    if roles.actor1 is None and carried and kind.event_type == "Explosions/Remote violence" \
            and (kind.name != "air" or actor_type(carried) == "State forces"):
        # "The RSF launched drones ... The drones and artillery targeted the city": the
        # strikes told next are the same doer's, not the article's state by default (air
        # strikes named with no doer stay a state's: armed groups fly drones, not jets)
        roles.actor1, roles.stated = carried, True
    victims_civilian = bool(civilians) or bool(cues().civilians.search(sentence.text))
    if kind.name == "displacement":
        return Roles(sides.civilians, None)
    if kind.event_type in ("Battles", "Strategic developments") and kind.name in (
            "recapture", "capture", "clash", "agreement", "handover", "town_attack",
            "forces_killed"):
        if roles.actor1 is None:  # captures are mostly the rebels', recaptures the state's
            roles.actor1 = sides.state if kind.name in ("recapture", "agreement") else (
                sides.rebel or sides.state)
            if roles.actor1 == roles.actor2:  # the side named lost: the other side did it
                roles.actor1 = sides.opponent(roles.actor2)
            if roles.actor1 is None and kind.name in _TWO_SIDED and sides.country:
                # "ten soldiers were killed in an attack": the attackers no one names
                roles.actor1 = f"Unidentified Armed Group ({sides.country})"
        if roles.actor2 is None or actor_type(roles.actor2) == "Civilians":
            roles.actor2 = sides.opponent(roles.actor1)
        if roles.actor2 is None and kind.name in _TWO_SIDED and sides.country:
            # a battle has two sides: one no one names is an unidentified armed group
            roles.actor2 = f"Unidentified Armed Group ({sides.country})"
        return roles
    if kind.event_type in ("Explosions/Remote violence", "Violence against civilians"):
        if roles.actor1 is None and actor_type(roles.actor2) == "State forces" and \
                kind.name != "air":  # "soldiers were killed by a mine": their enemy laid it
            enemy = sides.rebel if kind.name == "explosive" else sides.opponent(roles.actor2)
            roles.actor1 = enemy or f"Unidentified Armed Group ({sides.country})"
        if roles.actor1 is None or (actor_type(roles.actor1) != "State forces" and \
                kind.name in ("air",) and sides.state and not roles.stated):
            roles.actor1 = roles.actor1 if roles.actor1 and (kind.name != "air" or roles.stated) \
                else sides.state
        # ACLED: a strike with no armed target named falls on civilians
        untargeted = roles.actor2 is None or roles.actor2 == roles.actor1
        # ... and a person abducted with no side named is a civilian (ACLED: the victims of
        # violence against civilians are always actor2)
        # (gunfire told by its harm alone, "a man was hurt by a stray bullet", likewise)
        if (victims_civilian and not roles.fighters_hit) or (
                untargeted and (kind.event_type.startswith("Explosions")
                                or kind.against_armed is not None)) or (
                roles.actor2 is None and kind.name == "abduction"):
            roles.actor2 = sides.civilians
        return roles
    if roles.actor1 is None:
        roles.actor1 = sides.state or sides.rebel
    if roles.actor2 == roles.actor1:  # "the junta's military ... its troops advanced": one side
        roles.actor2 = None
    if kind.sub_event_type == "Change to group/activity":
        # a group's own move, recruitment or change has no second side ("beefed up security
        # after a clash with the AA": the AA is no party to it; moves6)
        roles.actor2 = None
    # ACLED: property an armed group loots or burns is the civilians' ("troops torched houses")
    destroys = kind.name == "looting" or (kind.event_type == "Riots"
                                          and actor_type(roles.actor1) in _ARMED)
    if destroys and roles.actor2 is None:
        roles.actor2 = sides.civilians
    return roles
