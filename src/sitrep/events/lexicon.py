"""The events stage's word lists (``data/*.yaml``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import yaml


@dataclass(frozen=True)
class TriggerKind:
    """One kind of happening and the ACLED type it is coded as."""

    name: str
    rank: int  # position in ACLED's hierarchy (lower wins)
    event_type: str
    sub_event_type: str  # "territory" is decided by actor1
    pattern: re.Pattern[str]
    control: str | None = None  # how a control change is described
    side: bool = False  # coded beside the main event (displacement)
    needs_civilians: bool = False
    #: the sentence must also match this (a crowd for "torched", a political cue for arrests)
    requires: re.Pattern[str] | None = None
    #: the kind does not fire on a sentence matching this ("protesters clashed": no battle)
    unless: re.Pattern[str] | None = None
    #: an event of this kind with no gazetteer place is kept as written (not displacement)
    keeps_unplaced: bool = True
    #: only in an article that names an armed actor (a battle, an attack on civilians: ACLED
    #: codes organised armed groups; "floods killed 50" or "a legal battle" names none)
    needs_armed_actor: bool = False
    #: only a state's forces acting in another country (an interstate war's attack from afar)
    foreign_state: bool = False
    #: the (event type, sub-type) coded when the side hit is armed: gunfire at soldiers is a
    #: fight between two armed sides, at unarmed people an attack on civilians (issue 12)
    against_armed: tuple[str, str] | None = None
    #: harm told with no weapon: only right after remote fire, whose type and doer it takes
    after_remote: bool = False
    #: the trigger verb's subject on the parse must be an armed side ("troops moved into X",
    #: not "floodwaters moved into X": a movement is a group's, issue 12)
    needs_armed_subject: bool = False

    def applies(self, sentence: str, civilians: bool) -> bool:
        """The sentence holds what the kind needs besides its trigger."""
        return self.lacking(sentence, civilians) is None

    def lacking(self, sentence: str, civilians: bool) -> str | None:
        """What the sentence lacks for this kind (None: nothing), for explanations."""
        if self.needs_civilians and not civilians:
            return "the kind needs civilians as targets and the sentence names none"
        if is_non_event(sentence):
            return "the sentence is about a disaster, accident, court, sport or business"
        if self.requires is not None and not self.requires.search(sentence):
            return "the sentence lacks the words the kind requires besides its trigger"
        if self.unless is not None and self.unless.search(sentence):
            return "the sentence holds words that exclude the kind"
        return None


@dataclass(frozen=True)
class Cues:
    rumour: re.Pattern[str]
    unverified: re.Pattern[str]
    planned: re.Pattern[str]
    threatened: re.Pattern[str]
    denied: re.Pattern[str]
    hypothetical: re.Pattern[str]
    negation: re.Pattern[str]
    civilians: re.Pattern[str]
    attribution_verbs: frozenset[str]
    capitals: frozenset[str] = frozenset()
    sequel_openers: re.Pattern[str] = re.compile(r"(?!)")
    running_total: re.Pattern[str] = re.compile(r"(?!)")
    several_attacks: re.Pattern[str] = re.compile(r"(?!)")


def _load(name: str) -> dict[str, Any]:
    raw = (files("sitrep.events") / "data" / name).read_text(encoding="utf-8")
    # libyaml's parser when installed (same data, ~8× faster: these files load at start-up)
    data: dict[str, Any] = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


#: a verb named by its lemma in a pattern: ``{strike}`` stands for all its forms
_LEMMA = re.compile(r"\{([a-z]+)\}")
_SIBILANT = re.compile(r"(?:s|sh|ch|x|z)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


@cache
def _irregular() -> dict[str, list[str]]:
    forms: dict[str, list[str]] = _load("triggers.yaml").get("verb_forms", {})
    return forms


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every form of an English verb (bare, 3rd person, past, participles): a pattern names
    the lemma, so "have struck", "strikes" and "striking" are read as "struck" is. Regular
    verbs are inflected by rule; ``verb_forms`` in ``triggers.yaml`` lists the others."""
    if lemma in _irregular():
        return (lemma, *_irregular()[lemma])
    if _CONSONANT_Y.search(lemma):
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith("e"):
        third, past, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    else:
        third = lemma + ("es" if _SIBILANT.search(lemma) else "s")
        past, ing = lemma + "ed", lemma + "ing"
    return (lemma, third, past, ing)


#: a word class named in a pattern: ``<forces>`` stands for every word ``word_classes`` lists
_WORD_CLASS = re.compile(r"<([a-z_]+)>")


@cache
def word_classes() -> dict[str, list[str]]:
    """Classes of words shared by several patterns (``word_classes`` in ``triggers.yaml``):
    "troops", "fighters", "reinforcements" ... are all an armed group's men."""
    classes: dict[str, list[str]] = _load("triggers.yaml").get("word_classes", {})
    return classes


def _lemmas(pattern: str) -> str:
    """``{strike}`` in a pattern becomes the alternation of the verb's forms, ``<forces>``
    the alternation of the class's words."""
    pattern = _WORD_CLASS.sub(lambda m: "(?:" + "|".join(sorted(word_classes()[m.group(1)],
                                                                key=len, reverse=True)) + ")",
                              pattern)
    return _LEMMA.sub(lambda m: "(?:" + "|".join(sorted(verb_forms(m.group(1)), key=len,
                                                        reverse=True)) + ")", pattern)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{_lemmas(p)})" for p in patterns)
                      + r")(?!\w)", re.IGNORECASE)


#: between the words of an effect and its cause: words only (a comma ends the clause)
_GAP = r"(?:[\w’'-]+ ){0,%d}?"
#: ... and, between an instrument and its harming verb, no auxiliary ("the mine were killed")
_ACTIVE_GAP = r"(?:(?!(?:was|were|been|is|are|be|being)\b)[\w’'-]+ ){0,%d}?"


def told_by_effect(instruments: list[str]) -> list[str]:
    """The patterns of an event told only by its effect and its instrument (``effects`` in
    ``triggers.yaml``): "injured by a stray bullet", "died when their tractor hit a mine",
    "a shell fired by troops hit their house". The match starts at the harm or the
    instrument, whose clause the realis stage then reads as any trigger's."""
    if not instruments:
        return []
    effects = _load("triggers.yaml")["effects"]
    harm, links, harming = ("|".join(effects[k]) for k in ("harm", "links", "harming"))
    tools = "|".join(instruments)
    return [rf"(?:{harm}) {_GAP % 4}(?:{links}) {_GAP % 4}(?:{tools})(?![\w-])",
            rf"(?:{tools}) {_ACTIVE_GAP % 5}(?:{harming})(?![\w-])"]


@cache
def trigger_kinds() -> tuple[TriggerKind, ...]:
    kinds = _load("triggers.yaml")["kinds"]
    return tuple(
        TriggerKind(name, rank, spec["event_type"], spec["sub_event_type"],
                    _any(spec["patterns"] + told_by_effect(spec.get("instruments", []))),
                    spec.get("control"), spec.get("side", False),
                    spec.get("needs_civilians", False),
                    _any(spec["requires"]) if spec.get("requires") else None,
                    _any(spec["unless"]) if spec.get("unless") else None,
                    spec.get("keeps_unplaced", True), spec.get("needs_armed_actor", False),
                    spec.get("foreign_state", False),
                    tuple(spec["against_armed"]) if spec.get("against_armed") else None,
                    spec.get("after_remote", False), spec.get("needs_armed_subject", False))
        for rank, (name, spec) in enumerate(kinds.items()))


#: sentences a per-sentence cache holds: every sentence of a long article (about 1.5 MB), so
#: the stage's passes over it (look-ahead, reading, discourse) find each one still cached
SENTENCE_CACHE = 16384


@lru_cache(maxsize=SENTENCE_CACHE)
def kinds_matching(sentence: str) -> tuple[TriggerKind, ...]:
    """The kinds whose trigger pattern matches the sentence, in ``trigger_kinds`` order.
    Cached: the stage asks it of each sentence several times (choosing what to parse ahead,
    then reading it), and the kinds that match nowhere in it need no further search."""
    return tuple(kind for kind in trigger_kinds() if kind.pattern.search(sentence))


def has_trigger(sentence: str) -> bool:
    """Some kind's trigger pattern matches the sentence."""
    return bool(kinds_matching(sentence))


@lru_cache(maxsize=SENTENCE_CACHE)
def kinds_applying(sentence: str) -> tuple[TriggerKind, ...]:
    """The matching kinds whose other needs the sentence meets (``TriggerKind.applies``):
    only these can give an event, whatever the sentence's source, status or parse."""
    civilians = bool(cues().civilians.search(sentence))
    return tuple(kind for kind in kinds_matching(sentence) if kind.applies(sentence, civilians))


@cache
def weapons_pattern() -> re.Pattern[str]:
    words = sorted(_load("triggers.yaml")["weapons"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


@cache
def cues() -> Cues:
    data = _load("cues.yaml")
    return Cues(
        rumour=_any(data["rumour"]), unverified=_any(data["unverified"]),
        planned=_any(data["planned"]), threatened=_any(data["threatened"]),
        denied=_any(data["denied"]), hypothetical=_any(data["hypothetical"]),
        negation=_any(data["negation"]), civilians=_any(data["civilian_words"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        capitals=frozenset(data.get("capitals", [])),
        sequel_openers=_any(data["sequel_openers"]), running_total=_any(data["running_total"]),
        several_attacks=_any(data["several_attacks"]),
    )


@cache
def context_cues() -> dict[str, re.Pattern[str]]:
    """The cues that settle a sub-type from its context (``cues.yaml``, issue 15)."""
    data = _load("cues.yaml")
    names = ("protesters_violent", "protest_lethal_force", "protest_intervention",
             "demonstration_setting", "mob_setting", "no_fight", "non_event", "crowd_words",
             "demanded_after", "crowd_grievance")
    return {name: _any(data[name]) for name in names}


@lru_cache(maxsize=SENTENCE_CACHE)
def is_non_event(sentence: str) -> bool:
    """A sentence about a disaster, accident, court, sport or business (asked once per
    sentence, not once per trigger kind). A cue inside what is demanded ("demanding that
    the killers be put on trial", "calling for an investigation by a court") names no
    such story: the sentence tells the demand's occasion."""
    cues = context_cues()
    return any(not cues["demanded_after"].search(sentence, 0, m.start())
               for m in cues["non_event"].finditer(sentence))
