"""Realis from the parse: whether the clause of a trigger says the event happened.

An event is a predicate the text asserts: not negated ("did not capture", "no fighting"),
not modal or future ("will attack", "could shell"), not conditional ("if troops enter"),
not an intent, plan or threat ("vowed to retaliate", "plans an offensive", "is not allowed
to fire a single shell"). The trigger's own predicate is found on the dependency parse
(a noun trigger's verb: "airstrikes hit", "launched an offensive"), then the chain of
infinitives above it ("vowed to retaliate": *retaliate* is the open complement of *vow*).

Only sentences the ``gate`` words can make irrealis are parsed for this (``needs_parse``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from sitrep.events.lexicon import context_cues


@dataclass(frozen=True)
class RealisWords:
    gate: re.Pattern[str]
    threat: frozenset[str]
    intent: frozenset[str]
    implicative: frozenset[str]
    modal: frozenset[str]
    conditional: frozenset[str]
    negative: frozenset[str]
    perception: frozenset[str]
    presupposing: frozenset[str]
    mandative: frozenset[str]
    enabling: frozenset[str]


@cache
def _data() -> dict[str, Any]:
    raw = (files("sitrep.events") / "data" / "realis.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


def _alternation(key: str) -> str:
    """The data list ``key`` as one regex alternation."""
    return "|".join(f"(?:{p})" for p in _data()[key])


@cache
def words() -> RealisWords:
    data = _data()
    gate = re.compile(r"(?<![\w-])(?:" + _alternation("gate") + r")(?!\w)", re.IGNORECASE)
    return RealisWords(gate, *(frozenset(data[k]) for k in
                               ("threat", "intent", "implicative", "modal", "conditional",
                                "negative", "perception", "presupposing", "mandative",
                                "enabling")))


@cache
def _feared() -> frozenset[str]:
    """The verbs whose noun object is an event expected, not told ("feared airstrikes")."""
    return frozenset(_data()["feared"])


@cache
def reactive() -> tuple[str, ...]:
    """Word starts of reactions to an event that happened ("avenge", "comment", "claim")."""
    return tuple(_data()["reactive"])


#: a determiner that takes its noun's referent as known ("the shelling", "its offensive")
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                       "our"})


def _presupposed(token: Token, verb: Token) -> bool:
    """A noun trigger the clause takes as having happened, whatever its verb's mood: it
    hangs on a word of reaction ("vowed to *avenge* the airstrike", "did not *comment* on the
    shelling"), or it is the definite subject of a modal verb and dated or perfect ("the
    shelling on Monday could amount to a war crime", "the airstrike may have killed 20"),
    unlike "the capture of X would be a blow"."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i == verb.i:
        return False
    step = token.head
    while step.i != verb.i and step.head.i != step.i:
        if step.lower_.startswith(reactive()):
            return True
        step = step.head
    if verb.lower_.startswith(reactive()) or (
            verb.dep_ == "xcomp" and verb.head.lemma_ in _data()["implicative"]
            and verb.head.lower_.startswith(reactive())):
        return True
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i != verb.i:
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in token.children):
        return False
    dated = any(t.lower_ in _data()["dated"] for t in token.subtree)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return dated or perfect


@dataclass(frozen=True)
class Irrealis:
    """Why a trigger's clause does not assert the event, and the status it leaves."""

    why: str  # "negated", "modal", "future", "conditional", "intent", "threat", "question"
    words: str        # the words that say so ("vowed to", "not allowed to", "will")
    status: str | None  # "planned" / "threatened" when it is told as still to come, else None


def needs_parse(sentence: str) -> bool:
    """The sentence holds a word that can make a trigger irrealis (else it is read as told)."""
    return bool(words().gate.search(sentence)) or sentence.rstrip(" ”\"'’").endswith("?") \
        or " since " in sentence


#: the relations inside a noun phrase or a prepositional phrase, climbed to reach the verb
_NOMINAL = frozenset({"compound", "amod", "nmod", "pobj", "prep", "appos", "conj", "nsubj",
                      "nsubjpass", "dobj", "attr", "npadvmod", "poss", "dep", "oprd"})


def _token_at(parse: Doc, offset: int) -> Token | None:
    for token in parse:
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _predicate(token: Token) -> Token | None:
    """The verb whose clause the trigger belongs to ("airstrikes *hit*", "*launched* an
    offensive"); a verb trigger is its own predicate. None when the trigger is the object
    of a presupposing preposition ("retaliate *against* the airstrikes", "*after* the
    shelling"): it is told as having happened, whatever the clause says."""
    found = _climb(token)
    return found[0] if found else None


def _climb(token: Token) -> tuple[Token, Token] | None:
    """The trigger's predicate and the word through which the trigger hangs on it (the
    trigger itself for a verb; its noun phrase's head, or the preposition of that phrase)."""
    seen = 0
    below = token
    while token.pos_ not in ("VERB", "AUX") and token.dep_ in _NOMINAL and token.head is not token \
            and seen < 6:
        if token.dep_ == "pobj" and (token.head.lower_ in words().presupposing
                                     or token.head.head.lower_ in words().presupposing):
            return None  # "after the shelling", "due to the clashes", "because of"
        below = token
        token = token.head
        seen += 1
    return token, below


#: how a noun trigger may hang on its verb and still be what the verb plans or threatens:
#: modifiers and conjuncts of the object, the object, a preposition's object
_OWN_ARGUMENT = frozenset({"compound", "amod", "conj", "appos", "dobj", "pobj", "prep"})


def _argument_of(token: Token, verb: Token) -> str | None:
    """"dobj" or "pobj" when the trigger is (a conjunct of) the verb's own object ("planned
    an offensive", "called for a strike and protests"), else None: the object of another
    noun ("vowed revenge *for* the attack", "ordered an inquiry *into* the shelling") is
    a thing that happened, not the one planned or threatened."""
    path: list[Token] = []
    while token.i != verb.i and token.head.i != token.i and len(path) < 8:
        path.append(token)
        token = token.head
    if token.i != verb.i or not path or any(t.dep_ not in _OWN_ARGUMENT for t in path):
        return None
    top = path[-1]
    if top.dep_ == "dobj":
        return "dobj" if all(t.dep_ in ("compound", "amod", "conj", "appos", "dobj")
                             for t in path) else None
    if top.dep_ == "prep" and len(path) > 1 and path[-2].dep_ == "pobj":
        return "pobj" if all(t.dep_ in ("compound", "amod", "conj", "appos")
                             for t in path[:-2]) else None
    return None


def _own(verb: Token) -> Irrealis | None:
    """What the verb's own dependents say: negation, a modal, a condition."""
    w = words()
    for child in verb.children:
        if child.dep_ == "neg":
            return Irrealis("negated", child.text, None)
        if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in w.modal:
            if verb.lemma_ in w.perception:  # "gunfire could be heard"
                continue
            if child.lower_ in ("will", "shall", "'ll"):
                return Irrealis("future", child.text, "planned")
            return Irrealis("modal", child.text, None)
        if child.dep_ == "mark" and child.lower_ in w.conditional:
            return Irrealis("conditional", child.text, None)
        if _inverted_condition(verb, child):
            return Irrealis("conditional", child.text, None)
        if child.dep_ == "mark" and child.lower_ == "since" and verb.dep_ == "advcl" \
                and child.i < verb.i and verb.i > verb.head.i:
            # "the first protest since the junta seized power": a past time anchor
            return Irrealis("anchor", child.text, None)
    return None


#: the auxiliaries that open an inverted condition ("had it exploded", "were they to attack")
_INVERTING = frozenset({"had", "were", "should"})


def _inverted_condition(verb: Token, child: Token) -> bool:
    """A counterfactual told by inversion: the auxiliary before the subject ("could have
    killed hundreds *had it* exploded", "*Had the shell* hit the school, ..."); only where
    another word of the sentence says what would have followed (a modal), so that a
    question or a quotation's "Had ..." is not read so."""
    if child.dep_ != "aux" or child.lower_ not in _INVERTING or child.i > verb.i:
        return False
    if not any(s.dep_ in ("nsubj", "nsubjpass") and s.i > child.i for s in verb.children):
        return False
    return any(t.tag_ == "MD" and t.lower_ in words().modal for t in verb.doc)


def _mandated(verb: Token) -> Irrealis | None:
    """A that-clause with the bare verb under a verb of demand ("demanded that Ukraine
    *withdraw*", "insisted that the rebels *hand* over the town"; the parse may tag the bare
    verb a noun): what is demanded is still to come."""
    governor = verb.head
    if verb.dep_ != "ccomp" or governor is verb or governor.lemma_ not in words().mandative \
            or verb.tag_ not in ("VB", "VBP", "NN") or any(c.lower_ == "to" for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return Irrealis("intent", f"{governor.text} that", "planned")


def _disjunct(verb: Token) -> bool:
    """The verb is joined to the one before it by "or"/"nor" ("told them not to fire or
    engage"): the negation, modal or intent over the first holds over it too (with "and"
    or "but" the second verb may be asserted: "did not capture X but shelled Y")."""
    head = verb.head
    return verb.dep_ == "conj" and head is not verb and head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)


def _negative_determiner(token: Token) -> Irrealis | None:
    """"no fighting", "no airstrikes were reported": a noun trigger with *no*."""
    for child in token.children:
        if child.dep_ in ("det", "neg") and child.lower_ in ("no", "never"):
            return Irrealis("negated", child.text, None)
    return None


def _kept_from(verb: Token) -> Irrealis | None:
    """A gerund after "from" under a verb of prohibition or prevention ("banned *from*
    marching", "prevented from entering", "refrained from firing"), or after "short of"
    ("stopped short of seizing X"): it did not happen."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("from", "of") or prep.head is prep:
        return None
    governor = prep.head
    if prep.lower_ == "of":  # "stopped short of seizing X", "fell short of capturing"
        return Irrealis("negated", "short of", None) if governor.lower_ == "short" else None
    if governor.dep_ == "dobj":  # "prevented the opposition from marching": parsed on the object
        governor = governor.head
    if governor.lemma_ in words().negative:
        return Irrealis("negated", f"{governor.text} from", None)
    return None


def _intending_subject(token: Token, verb: Token) -> Irrealis | None:
    """A crowd that is the subject of a verb of intent or threat with an infinitive
    ("*Protesters* plan to rally on Friday"): its protest is still to come (an event noun
    so placed tells a purpose: "the airstrikes aim to deter returns" happened)."""
    w = words()
    if token.dep_ != "nsubj" or token.head.i != verb.i or verb.i == token.i \
            or not context_cues()["crowd_words"].fullmatch(token.text) \
            or verb.lemma_ not in w.threat | w.intent \
            or not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    status = "threatened" if verb.lemma_ in w.threat else "planned"
    return Irrealis("threat" if status == "threatened" else "intent", f"{verb.text} to", status)


def _in_future_time(verb: Token) -> Irrealis | None:
    """A time clause of a verb told as future, modal or conditional ("will stop the
    offensive *after retaking* X", "*once* rebels capture X, they will ..."): to come."""
    link = verb.head
    timed = _data()["time_clause"]
    if verb.dep_ == "pcomp" and link.lower_ in timed and link.head is not link:
        governor = link.head
    elif verb.dep_ == "advcl" and link is not verb and any(
            c.dep_ == "mark" and c.lower_ in timed for c in verb.children):
        governor = link
    else:
        return None
    found = _own(governor)
    if found is None or found.why not in ("future", "modal", "conditional"):
        return None
    return Irrealis(found.why, f"{found.words} ... {verb.text}", found.status)


def _unevidenced(verb: Token) -> Irrealis | None:
    """A that-clause of "evidence", "sign", "reports" under "no" ("there is no evidence
    that the army shelled X"): it is not told."""
    noun = verb.head
    if verb.dep_ not in ("acl", "ccomp") or noun is verb or noun.lemma_ not in _data()["evidence"]:
        return None
    negative = next((c for c in noun.children if c.dep_ in ("det", "neg")
                     and c.lower_ in ("no", "never")), None)
    return Irrealis("negated", f"{negative.text} {noun.text}", None) if negative else None


def _noun_purpose(verb: Token) -> Irrealis | None:
    """An infinitive that says what a noun is for ("an offensive *to retake* X", "a bid to
    seize", "the plan to attack"): its aim, not a report; not after an ordinal ("the first
    unit to enter the town" did)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun is verb or noun.pos_ not in ("NOUN", "PROPN") \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    ordinal = _data()["ordinal"]
    if noun.lower_ in ordinal or any(c.lower_ in ordinal for c in noun.children):
        return None
    return Irrealis("intent", f"{noun.text} to", "planned")


#: the auxiliaries that open a yes/no question ("Did the army shell the village?")
_QUESTION_OPENERS = frozenset({"did", "does", "do", "will", "would", "is", "are", "was", "were",
                               "has", "have", "had", "can", "could", "should", "shall", "may",
                               "might"})


def _yes_no_question(parse: Doc, verb: Token) -> Irrealis | None:
    """A question that asks whether the event happened ("Did troops shell the market?",
    "Will the rebels attack the capital?") asserts nothing; a wh-question ("Who bombed
    the market?") takes the event as given."""
    text = parse.text.rstrip(" ”\"'’")
    first = next((t for t in parse if not t.is_punct and not t.is_space), None)
    if not text.endswith("?") or first is None or first.lower_ not in _QUESTION_OPENERS:
        return None
    if verb.i in (first.i, first.head.i) or first.head.i == verb.head.i:
        return Irrealis("question", first.text, None)
    return None


def irrealis(parse: Doc, offset: int) -> Irrealis | None:
    """Why the trigger at character ``offset`` of the parsed sentence is no asserted event,
    or None when its clause asserts it."""
    token = _token_at(parse, offset)
    if token is None:
        return None
    found = _negative_determiner(token)
    if found:
        return found
    w = words()
    verb = _predicate(token)
    if verb is None or _presupposed(token, verb):
        return None
    question = _yes_no_question(parse, verb)
    if question:
        return question
    near = next((c for c in token.children if c.dep_ == "advmod"
                 and c.lower_ in _data()["near_miss"]), None) if verb.i == token.i else None
    if near is not None:  # "the army nearly retook X"
        return Irrealis("negated", near.text, None)
    intender = _intending_subject(token, verb)
    if intender:
        return intender
    argument = _argument_of(token, verb) if verb.i != token.i else None
    if argument == "dobj" and verb.lemma_ in w.negative:
        return Irrealis("negated", verb.text, None)  # "to avoid clashes", "prevented attacks"
    if argument and verb.lemma_ in _feared():  # "residents feared airstrikes": expected
        return Irrealis("feared", verb.text, None)
    if argument and verb.lemma_ in w.threat | w.intent:
        # "threatened airstrikes", "planned an offensive", "called for attacks"
        status = "threatened" if verb.lemma_ in w.threat else "planned"
        return Irrealis("threat" if status == "threatened" else "intent", verb.text, status)
    for _ in range(4):  # "vowed to continue to attack": up the chain of infinitives
        found = _own(verb) or _mandated(verb) or _kept_from(verb) or _unevidenced(verb) \
            or _noun_purpose(verb) or _in_future_time(verb)
        if found:
            return found
        if _disjunct(verb):  # "not to fire or engage in clashes": the verb it is an "or" of
            verb = verb.head
            continue
        infinitive = verb.dep_ == "xcomp" or (  # "allowed the army to retake": parsed ccomp
            verb.dep_ == "ccomp" and any(c.lower_ == "to" and c.dep_ == "aux"
                                         for c in verb.children))
        if not infinitive or verb.head is verb:
            return None
        governor = verb.head
        if governor.lemma_ in w.enabling and governor.tag_ in ("VBD", "VBN") \
                and not _own(governor):
            verb = governor  # "the strikes allowed the army to retake X": it was retaken
            continue
        if governor.lemma_ in w.negative:  # "failed to capture"
            return Irrealis("negated", f"{governor.text} to", None)
        if governor.lemma_ in w.threat:
            return Irrealis("threat", f"{governor.text} to", "threatened")
        if governor.lemma_ in w.intent:
            negated = _own(governor)
            said = f"{negated.words} {governor.text} to" if negated else f"{governor.text} to"
            return Irrealis("intent", said, "planned")
        if governor.lemma_ not in w.implicative:
            return None
        verb = governor
    return None


def told_as_fact(parse: Doc, offset: int) -> bool:
    """The trigger is the main verb of the sentence in the simple past, with no auxiliary
    ("Rebels who had vowed to retake X *captured* it on Monday", "The army, which had
    planned to shell X, *bombed* it"): told as fact, whatever plan a clause before names."""
    token = _token_at(parse, offset)
    if token is None or token.tag_ != "VBD":
        return False
    main = token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT"
                                    and token.head.tag_ == "VBD")
    return main and not any(c.dep_ in ("aux", "auxpass", "neg", "mark") for c in token.children)


@cache
def _remembered() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternation("remembered") +
                      r")\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def remembered(before: str) -> bool:
    """The trigger is the event a commemoration or a count of years looks back on ("the
    20th anniversary of the massacre", "ten years since the bombing", "in memory of those
    killed"): an earlier event, not one this report tells."""
    return bool(_remembered().search(before))


@cache
def _assembled() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternation("assembled") + r")\b[^.;:!?]*$", re.IGNORECASE)


def assembled_before(before: str) -> bool:
    """A crowd's assembly told as fact before "to protest" ("hundreds gathered in the square
    to protest the tax"): protesting was what they did there, not a plan."""
    return bool(_assembled().search(before))
