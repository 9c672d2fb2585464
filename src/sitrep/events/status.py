"""How sure the report is: reported, attributed (and to whom), unverified, rumour,
planned, threatened, denied; and whether a trigger is negated or hypothetical."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml
from spacy.tokens import Doc

from sitrep.events.lexicon import cues
from sitrep.events.realis import reactive
from sitrep.model import Sentence
from sitrep.text import AnalysedText


@dataclass(frozen=True)
class Attribution:
    source: str | None
    start: int  # character range of the source phrase in the sentence (-1 when none)
    end: int


def attribution(parse: Doc) -> Attribution:
    """Who the sentence quotes: the subject of "said/told/claimed", or "according to X"."""
    verbs = cues().attribution_verbs
    for token in parse:
        if token.lower_ == "according" and token.i + 1 < len(parse) and \
                parse[token.i + 1].lower_ == "to":
            objs = [t for t in parse[token.i + 1].children if t.dep_ == "pobj"]
            if objs:
                return _phrase(parse, objs[0])
        if token.lemma_ in verbs and token.pos_ == "VERB":
            subjects = [t for t in token.children if t.dep_ in ("nsubj", "nsubjpass")]
            if subjects and _is_speaker(token):
                return _phrase(parse, subjects[0])
    return trailing_speaker(parse.text)


#: a reporting clause closing the sentence: "..., the Ta’ang National Liberation Army (TNLA)
#: said on 15 August." (the parse may hang its subject on the clause before)
_TRAILING = re.compile(
    r"(?:,|[”\"])\s*((?:the |a |an |one |another )?(?:[\w’'().&/-]+ ){0,9}?[\w’'().&/-]+)\s+"
    r"(?:said|says|told [\w’'-]+(?: [\w’'-]+)?|reported|added|claimed|stated|confirmed|alleged)"
    r"(?: (?:on|in|at|late|early|last|this) [^,.;]{1,30})?[.”\"]*\s*$")
#: words that cannot open a speaker's name ("..., which the TNLA said")
_NOT_A_SPEAKER = re.compile(r"^(?:which|that|who|as|and|but|while|it|he|she|they|we|i)\b",
                            re.IGNORECASE)


def trailing_speaker(sentence: str) -> Attribution:
    """The speaker of a reporting clause that closes the sentence (", residents said.")."""
    m = _TRAILING.search(sentence)
    if m is None or _NOT_A_SPEAKER.match(m.group(1)):
        return Attribution(None, -1, -1)
    return Attribution(m.group(1), m.start(1), m.end(1))


def _is_speaker(verb: object) -> bool:
    """The verb reports speech: it has a clause, or sits at the sentence's end or start."""
    children = list(verb.children)  # type: ignore[attr-defined]
    has_clause = any(t.dep_ in ("ccomp", "parataxis", "dobj") for t in children)
    return has_clause or verb.dep_ in ("ROOT", "parataxis", "ccomp")  # type: ignore[attr-defined]


def _phrase(parse: Doc, head: object) -> Attribution:
    subtree = list(head.subtree)  # type: ignore[attr-defined]
    # Keep the noun phrase, not a following relative clause ("who defected ...").
    # ... nor the relative pronoun that opens it ("the aid workers who said")
    cut = next((i for i, t in enumerate(subtree) if i > 0 and (
        t.dep_ in ("relcl", "acl", "punct") or t.tag_ in ("WP", "WDT"))), len(subtree))
    words = subtree[:cut]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = parse.text[start:end].strip()
    if text.lower() in ("he", "she", "they", "it", "we", "i"):
        text = ""
    return Attribution(text or None, start, end)


#: how far before (and after) a trigger a "preparing to" / "threatening" cue reaches
CUE_BEFORE, CUE_AFTER = 45, 15


def status_of(sentence: str, following: str, source: str | None,
              trigger_at: int | None = None) -> str:
    """The status of what a sentence reports (before negation and hypotheticals).

    Rumours, denials and verification notes qualify the whole sentence; plans and
    threats only the trigger they stand next to ("preparing to advance")."""
    c = cues()
    if any(not _hearsay().fullmatch(m.group(0)) for m in c.rumour.finditer(sentence)):
        return "rumour"
    if any(not _detail_denied(sentence, m) for m in c.denied.finditer(sentence)):
        return "denied"
    near = sentence if trigger_at is None else \
        sentence[max(0, trigger_at - CUE_BEFORE):trigger_at + CUE_AFTER]
    at = None if trigger_at is None else trigger_at - max(0, trigger_at - CUE_BEFORE)
    if _cue_reaches(c.threatened, near, at):
        return "threatened"
    if _cue_reaches(c.planned, near, at) or (trigger_at is not None and _planned_passive().match(
            sentence, trigger_at)):
        return "planned"
    return told_status(sentence, following, source)


def told_status(sentence: str, following: str, source: str | None) -> str:
    """The status of what a sentence tells as fact: unverified, attributed or reported."""
    if cues().unverified.search(sentence) or cues().unverified.search(following[:200]):
        return "unverified"
    hearsay = _hearsay().search(sentence)
    return "attributed" if source or hearsay or _QUOTED.match(sentence) else "reported"


#: words that open another clause: a plan or threat told before one is not the trigger's
#: ("residents who feared the army would return fled *as* troops shelled the village")
_CLAUSE_OPENER = re.compile(r"\b(?:as|when|while|after|before|because|since|who|which|where|"
                            r"whereas|although|though|but)\b|;", re.IGNORECASE)


#: an aside between commas: ", which had threatened the town for weeks,"
_ASIDE = re.compile(r",\s+(?:who|which|whose)\s+[^,;:]*,")


def _cue_reaches(pattern: re.Pattern[str], near: str, at: int | None) -> bool:
    """A cue of the window that qualifies the trigger at ``at``: one after it, or one before
    it with no other clause opening between them and not inside an aside that closes
    before it ("the militia, which had threatened the town, attacked it")."""
    asides = [a.span() for a in _ASIDE.finditer(near) if at is not None and a.end() <= at]
    return any(at is None or m.start() >= at or (
        not _CLAUSE_OPENER.search(near, m.end(), at)
        and not _reaction_between(near, m.end(), at)
        and not any(start <= m.start() < end for start, end in asides))
        for m in pattern.finditer(near))


@cache
def _reaction() -> re.Pattern[str]:
    """A word of reaction (``realis.yaml``: "avenge", "retaliate for", "comment on")."""
    return re.compile(r"\b(?:" + "|".join(reactive()) + r")", re.IGNORECASE)


def _reaction_between(near: str, start: int, at: int) -> bool:
    """A reaction between a threat or plan and the trigger: what is vowed is the reaction,
    the trigger happened ("vowed to *avenge* the airstrike", "threatened to *retaliate*
    for the shelling")."""
    return bool(_reaction().search(near, start, at))


@cache
def _hearsay() -> re.Pattern[str]:
    """"Reportedly", "allegedly" (``data/status.yaml``): someone's claim, unnamed."""
    raw = (files("sitrep.events") / "data" / "status.yaml").read_text(encoding="utf-8")
    words = yaml.safe_load(raw)["hearsay"]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@cache
def _concessive_detail() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A concessive clause opener closing on the denial, and a detail after it (status.yaml)."""
    raw = (files("sitrep.events") / "data" / "status.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    opener = re.compile(r"\S[^;]*?[,;]?\s+(?:" + "|".join(data["concessive"]) + r")\s+"
                        r"(?:[\w’'-]+\s+){1,5}$", re.IGNORECASE)
    detail = re.compile(r"\s*(?:" + "|".join(data["denied_detail"]) + r")\b", re.IGNORECASE)
    return opener, detail


def _detail_denied(sentence: str, denial: re.Match[str]) -> bool:
    """The denial closes a concessive clause after the report and takes a detail ("fired on
    the crowd, *though the army denied using* live ammunition"): the report stands."""
    opener, detail = _concessive_detail()
    return bool(opener.match(sentence[:denial.start()])) \
        and bool(detail.match(sentence, denial.end()))


@cache
def _planned_passive() -> re.Pattern[str]:
    """The trigger, then its clause's present passive of planning ("protests *are planned
    for* Friday", "a strike *has been called* for Monday"), read from ``data/status.yaml``;
    matched at the trigger, so only its own verb counts, never a later clause's."""
    raw = (files("sitrep.events") / "data" / "status.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    aux = "|".join(data["planned_passive_aux"])
    verbs = "|".join(data["planned_passive"])
    return re.compile(rf"[\w-]+(?:\s+[a-z][\w-]*){{0,3}}?\s+(?:{aux})\s+(?:\w+ly\s+)?"
                      rf"(?:{verbs})\s+(?:for|to|on|in|at|this|next|later)\b", re.IGNORECASE)


#: a sentence that opens a quotation is someone's words, named or not
_QUOTED = re.compile(r"^\s*[“\"]")


#: where the clause of a negation ends: a comma, a dash, or a word that opens another
#: clause ("no warning *before* the air strike hit", "who did not give their names*,*
#: abducted")
_NEGATION_ENDS = re.compile(r"[,;:–—]|\b(?:before|after|when|while|as|because|since|until|"
                            r"who|which|whose|but)\b", re.IGNORECASE)


def is_negated(sentence: str, trigger_start: int) -> bool:
    """A negation word within the few words before the trigger, in its clause ("did not
    capture")."""
    window = sentence[max(0, trigger_start - 25):trigger_start]
    ends = list(_NEGATION_ENDS.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    negations = list(cues().negation.finditer(window))
    # "did not comment on the airstrike", "no group claimed the bombing": the reaction is
    # negated, the event it reacts to happened
    return bool(negations) and not _reaction_between(window, negations[-1].end(), len(window))


#: modals and conditions: whether they govern the trigger is the parse's matter (realis.py),
#: read on the trigger's own verb ("troops shelled" is told as fact in "residents who
#: feared the army would return fled as troops shelled the village")
_CLAUSAL = frozenset({"would", "could", "might", "may", "if", "unless"})
#: how close a possibility noun stands before its trigger ("the risk of renewed clashes")
NOMINAL_REACH = 30


def is_hypothetical(sentence: str, trigger_start: int) -> bool:
    """A possibility just before the trigger in its clause ("the risk of clashes", "possible
    airstrikes"), or a sentence that opens with "If"."""
    clause_start = max(sentence.rfind(",", 0, trigger_start), sentence.rfind(";", 0, trigger_start))
    window = sentence[clause_start + 1:trigger_start]
    near = len(window) - NOMINAL_REACH
    return any(m.group(0).lower() not in _CLAUSAL and m.end() >= near
               for m in cues().hypothetical.finditer(window)) or bool(
        re.match(r"\s*If\b", sentence))


#: time words with which the outlet dates what it narrates itself ("on Monday", "recently")
_DATED = re.compile(
    r"\b(?:recent(?:ly)?|currently|earlier|later|ago|weekend|yesterday|today|tonight|"
    r"(?:this|last) (?:morning|night|week|month|year))\b|"
    r"\b(?:on|since|in|last)\b (?:\w+ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d|week|month|year)|"
    # "at the end of December", "in early March", "mid-January": a day or month of its own
    r"\b(?:of|early|late|mid)[ -](?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b", re.IGNORECASE)
#: the words by which a sentence names a source (``attribution`` reads who)
_SPEECH_WORD = re.compile(r"\b(?:said|says|told|according to|reported|claimed|stated|confirmed)\b",
                          re.IGNORECASE)


def carried_source(text: AnalysedText, sentence: Sentence) -> str | None:
    """Who a sentence with no source of its own reports, when it goes on with the account
    of the sentence before: that one names a source ("..., according to locals close to the
    TNLA.") and this one gives no time of its own ("Fighting is taking place near X."). A
    sentence the outlet dates itself ("On Monday, ...", "recently") or a quotation is not
    carried."""
    quoted = _inside_quotation(text, sentence)
    if quoted is not None:
        return quoted
    if sentence.index == 0 or _QUOTED.match(sentence.text) or _DATED.search(sentence.text):
        return None
    previous = text.sentences[sentence.index - 1]
    # a headline or a line that is no full sentence frames no account
    if not _SPEECH_WORD.search(previous.text) or \
            not previous.text.rstrip().endswith((".", "”", '"', "’", "'")):
        return None
    # a closing "..., according to X." or "..., X said." is read without a parse (speed)
    according = _ACCORDING_CLOSING.search(previous.text)
    if according and not _NOT_A_SPEAKER.match(according.group(1)):
        return according.group(1).rstrip(".")
    return trailing_speaker(previous.text).source or attribution(text.parse(previous)).source


_ACCORDING_CLOSING = re.compile(r",\s+according to ((?:[\w’'().&/-]+ ){0,9}?[\w’'().&/-]+)"
                                r"[.”\"]*\s*$", re.IGNORECASE)


#: after a quotation closes: "…,” a resident said." / "…,” said Lway Yay Oo."
_AFTER_QUOTE = re.compile(
    r"^[,.]?\s*(?:((?:the |a |an |one |another )?(?:[\w’'().&/-]+ ){0,8}?[\w’'().&/-]+)\s+"
    r"(?:said|says|told|added|explained|stated)\b|(?:said|says|added) "
    r"((?:[\w’'().&/-]+ ){0,8}?[\w’'().&/-]+)[,.])")


def _speaker_before(before: str) -> re.Match[str] | None:
    """A quotation that goes on after its speaker was named ("“We fled,” a resident said.
    “Many have left.”"): the reporting clause between the last closing mark and this
    quotation's opening one."""
    opening = before.rfind("“")
    closing = before.rfind("”", 0, opening)
    if opening < 0 or closing < 0:
        return None
    between = before[closing + 1:opening]
    m = _AFTER_QUOTE.match(between)
    return m if m and _SPEECH_TAIL.fullmatch(between[m.end():]) else None


#: what may close a reporting clause: its addressee and time ("told SHAN on Monday.")
_SPEECH_TAIL = re.compile(r"\s*(?:[\w’'-]+\s*){0,4}\.?\s*")


def _inside_quotation(text: AnalysedText, sentence: Sentence) -> str | None:
    """The speaker of a quotation that opened in an earlier sentence of the paragraph and
    goes on in this one ("“We fled on Monday. Jets bombed the village,” a resident said."):
    named after the closing mark; None when the sentence is not inside one or no speaker
    is named there."""
    start = text.text.rfind("\n", 0, sentence.start) + 1
    before = text.text[start:sentence.start]
    if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
        return None
    end = text.text.find("\n", sentence.start)
    rest = text.text[sentence.start:end if end >= 0 else len(text.text)]
    close = min((i for i in (rest.find("”"), rest.find('"')) if i >= 0), default=-1)
    if close < 0:
        return None
    m = _AFTER_QUOTE.match(rest[close + 1:]) or _speaker_before(before)
    if m is None:
        return None
    found = m.group(1) or m.group(2)
    return None if _NOT_A_SPEAKER.match(found) else found
