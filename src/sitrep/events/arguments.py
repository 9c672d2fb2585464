"""What the dependency parse says of the places of an event sentence (issue 12).

``locating.locations`` reads the places of a sentence in order; facts of its parse
change which of them are event places:

* a place inside a relative-location phrase that describes another place of the
  sentence ("Amran governorate, north of the capital of Sanaa", "the village of X, 12 km
  south of the town of Y", "X, on the outskirts of Y") is that place's reference, not a
  second event place;
* an unknown proper name written as a compound before a known region ("in the mountain
  areas of Mogorros Afar Region") is the most specific place: a place inside the region;
* a region that is a trigger's argument ("drones struck the Sumy region, officials in
  Kyiv said") is its place when the places it was given belong to another predicate or
  to the reporting clause (``region_argument``).

Names listed with a known town ("attacked sites in A, B, and C sites, and the D") are the
places stage's (``places.unlisted.find_listed``); ``is_list_gap`` tells the events stage
which of them one attack's object list holds. The sentence is parsed only when its words
allow a fact above (a cheap test first: the parse is most of the events stage's time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import yaml

from sitrep.actors import all_country_words
from sitrep.events.lexicon import cues
from sitrep.model import ActorMention, DateInterval, Place, Sentence, Span
from sitrep.places import is_common_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Mention = tuple[Place, int]
Parse = Callable[[], "Doc"]

@cache
def _words() -> dict[str, frozenset[str]]:
    """The module's word lists (``events/data/arguments.yaml``)."""
    raw = (files("sitrep.events") / "data" / "arguments.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    keys = ("relative_words", "distance_words", "list_site_nouns", "origin_prepositions")
    return {k: frozenset(str(w) for w in data[k]) for k in keys}


#: the words that call for the parse (the relative words but "near", "outside",
#: "vicinity": "X near Y" is ``locating._landmarks``')
_RELATIVE_CUE = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?|outskirts|km|"
                           r"kilomet(?:re|er)s?|miles?)\b", re.IGNORECASE)
#: climbing from a place to a relative word stops at a clause: its predicate
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_CLIMB = 8
#: a reference describes the nearest place above the relative word, within its noun phrase
_DESCRIBED_DEPS = frozenset({"appos", "advmod", "prep", "npadvmod", "amod", "acl", "punct"})

#: between the items of a list of places: commas, "and", "or", articles (and site nouns)
_LIST_JOIN_WORDS = frozenset({",", "and", "or", "the"})
BEFORE_REGION_WHY = "named before the region that holds it; in no gazetteer"


def _token_at(parse: Doc, offset: int) -> Token | None:
    """The token starting at, or covering, character ``offset`` of the sentence."""
    for token in parse:
        if token.idx <= offset < token.idx + max(len(token.text), 1):
            return token
    return None


def _chunk_head(token: Token) -> Token:
    """The head of the name a token is part of ("Amran" -> "governorate" in "Amran
    governorate", "Shebaa" -> "Farms")."""
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    return token


def _relative_word(token: Token) -> Token | None:
    """The relative-location word on the way from a place up to its clause, if any ("north"
    in "north of the capital of Sanaa"); "the north of X" is a part of X, no reference."""
    current = token
    for _ in range(_CLIMB):
        parent = current.head
        if parent is current or parent.pos_ in _CLAUSE_POS:
            return None
        relative = parent.lower_ in _words()["relative_words"] or \
            parent.lemma_.lower() in _words()["relative_words"]
        if relative and not any(c.dep_ == "det" for c in parent.children):
            return parent
        if parent.lower_ in ("from", "of") and parent.i > 0 and \
                parent.doc[parent.i - 1].lemma_.lower() in _words()["distance_words"]:
            return parent  # "a city 40 km from X": the parser hangs "from" on the noun
        current = parent
    return None


def _mention_tokens(parse: Doc, sentence: Sentence, mentioned: list[Mention]
                    ) -> dict[int, Mention]:
    """Per token index of a chunk head, the place mention written in that chunk."""
    out: dict[int, Mention] = {}
    for place, start in mentioned:
        token = _token_at(parse, start - sentence.start)
        if token is not None:
            out.setdefault(_chunk_head(token).i, (place, start))
    return out


def _described(relative: Token, heads: dict[int, Mention]) -> Mention | None:
    """The place a relative phrase describes: the nearest place-bearing chunk above the
    relative word within its noun phrase ("Amran governorate, north of ..."). A phrase
    the parser hangs on the verb ("shelled X, 20 km east of Y") describes no place here:
    taking the place before its comma cost a blind event (the reference is then kept)."""
    current = relative
    for _ in range(_CLIMB):
        if current.dep_ not in _DESCRIBED_DEPS or current.head is current:
            return None
        current = current.head
        if current.i in heads:
            return heads[current.i]
        if current.pos_ in _CLAUSE_POS:
            return None
    return None


def references(sentence: Sentence, mentioned: list[Mention], parse: Parse | None
               ) -> dict[int, Mention]:
    """Per start of a place mention written inside a relative-location phrase that
    describes another place of the sentence, that described place: "targeted Amran
    governorate, north of the rebel-held capital of Sanaa" gives Sanaa -> Amran."""
    if parse is None or len(mentioned) < 2 or not _RELATIVE_CUE.search(sentence.text):
        return {}
    doc = parse()
    heads = _mention_tokens(doc, sentence, mentioned)
    out: dict[int, Mention] = {}
    for head_i, (_, start) in heads.items():
        relative = _relative_word(doc[head_i])
        described = _described(relative, heads) if relative is not None else None
        if described is not None and described[1] != start:
            out[start] = described
    return out


@cache
def _country_words() -> frozenset[str]:
    return all_country_words()


def is_list_gap(text: str) -> bool:
    """The written gap between two places makes them items of one list ("X, Y", "X sites,
    and the Y"): the text form of ``_joins``, for places the parse did not see."""
    words = re.findall(r"[\w'’-]+|,", text.lower())
    return any(w in (",", "and", "or") for w in words) and all(
        w in _LIST_JOIN_WORDS or w in _words()["list_site_nouns"] for w in words)


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return not any(s < end and start < e for s, e in taken)


def _unknown_place(doc: Doc, first: int, last: int, sentence: Sentence,
                   taken: list[tuple[int, int]], why: str) -> Mention | None:
    """The name of tokens ``first..last`` as a place no gazetteer holds, unless it is
    taken (a place, an actor, a date), a country's word, or a common word."""
    start = sentence.start + doc[first].idx
    end = sentence.start + doc[last].idx + len(doc[last].text)
    name = sentence.text[start - sentence.start:end - sentence.start]
    if not _free(start, end, taken) or name in _country_words() or first == 0 \
            or is_common_word(name.split()[0]) or not re.search(r"[a-z]", name):
        return None
    return Place(mention=name, name=name, why=why, spans=[Span(start, end, name)]), start


def _before_region(doc: Doc, sentence: Sentence, mentioned: list[Mention],
                   taken: list[tuple[int, int]]) -> list[Mention]:
    """An unknown name compounded right before a known region ("Mogorros Afar Region")."""
    out: list[Mention] = []
    starts = [span.start for place, _ in mentioned if (place.kind or "") in ("region", "state")
              for span in place.spans if sentence.start < span.start < sentence.end]
    for start in starts:  # every mention of the region: "Afar" may open an actor's name too
        token = _token_at(doc, start - sentence.start)
        if token is None or token.i == 0:
            continue
        before = doc[token.i - 1]
        if before.pos_ != "PROPN" or before.dep_ != "compound" or before.head.i < token.i \
                or not before.whitespace_:
            continue
        first = before.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        found = _unknown_place(doc, first, before.i, sentence, taken, BEFORE_REGION_WHY)
        if found is not None:
            out.append(found)
    return out


def unknown_names(sentence: Sentence, mentioned: list[Mention], actors: list[ActorMention],
                  dates: list[DateInterval], parse: Parse | None) -> list[Mention]:
    """Names no gazetteer holds that the parse makes places of this sentence: an unknown
    name compounded before a known region (see the module)."""
    if parse is None or not any(
            (p.kind or "") in ("region", "state") and sentence.start < s.start < sentence.end
            and re.search(r"[A-Z][\w'’-]* $", sentence.text[:s.start - sentence.start])
            for p, _ in mentioned for s in p.spans):
        return []
    taken = [(sp.start, sp.end) for p, _ in mentioned for sp in p.spans]
    taken += [(a.span.start, a.span.end) for a in actors]
    taken += [(d.span.start, d.span.end) for d in dates if d.span]
    return _before_region(parse(), sentence, mentioned, taken)


#: the relations a place may climb to reach its predicate as its argument: inside a noun
#: phrase ("the Sumy region"), a prepositional phrase ("strikes on X"), the object
_ARGUMENT_DEPS = frozenset({"compound", "amod", "det", "dobj", "pobj", "prep", "appos",
                            "nmod", "npadvmod", "attr", "nsubjpass", "conj", "cc", "punct"})
_REGION_KINDS = frozenset({"region", "state"})


def _predicate(doc: Doc, offset: int) -> set[int]:
    """The tokens of a trigger's predicate: its word, and the verb it is the subject of
    ("airstrikes hit X": hit)."""
    token = _token_at(doc, offset)
    if token is None:
        return set()
    head = _chunk_head(token)
    out = {token.i, head.i}
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in _CLAUSE_POS:
        out.add(head.head.i)
    return out


def _argument_steps(token: Token, predicate: set[int]) -> int | None:
    """How many steps the place's name climbs to the predicate through a noun or
    prepositional phrase (None when it does not reach it)."""
    current = _chunk_head(token)
    for steps in range(_CLIMB):
        if current.i in predicate:
            return steps
        if current.dep_ not in _ARGUMENT_DEPS or current.head is current \
                or current.lower_ in _words()["origin_prepositions"]:
            return None  # "Manipur's Imphal West district": a possessor holds the argument
        current = current.head
    return _CLIMB if current.i in predicate else None


def _foreign(token: Token, mine: set[int], others: set[int], frame: set[int]) -> bool:
    """The place belongs to another trigger's predicate, or to the reporting clause above
    the trigger's own ("officials in Kyiv said"), not to the trigger."""
    current = token
    for _ in range(_CLIMB * 2):
        if current.i in mine:
            return False
        if current.i in others or current.i in frame:
            return True
        if current.head is current:
            return False
        current = current.head
    return False


def region_argument(sentence: Sentence, trigger: int, triggers: list[int], share: list[int],
                    regions: list[Mention], parse: Parse | None) -> Mention | None:
    # ``regions``: every place mention of the sentence but countries; only a region wins
    """The region that is the trigger's argument ("drones struck the Sumy region, officials
    in Kyiv said") when none of the places the trigger was given is its own: each belongs
    to another trigger ("a day after troops shelled Belgorod") or to the clause that
    reports it, or it was given none. ACLED codes the most specific place the report
    supports: here the region (``trigger``, ``triggers`` and ``share``: offsets in the
    text)."""
    if parse is None or not regions:
        return None
    doc = parse()
    mine = _predicate(doc, trigger - sentence.start)
    if not mine:
        return None
    # the most specific argument: "in Manipur's Imphal West district" is Imphal West (a
    # site here, so no region), the nearer to the predicate
    reached = [(steps, m) for m in regions
               if (t := _token_at(doc, m[1] - sentence.start)) is not None
               and (steps := _argument_steps(t, mine)) is not None]
    if not reached:
        return None
    steps, region = min(reached, key=lambda item: (item[0], item[1][0].kind in _REGION_KINDS))
    if region[0].kind not in _REGION_KINDS:
        return None
    others = {i for at in triggers if at != trigger for i in _predicate(doc, at - sentence.start)}
    others -= mine
    speech = cues().attribution_verbs
    frame = {a.i for i in mine for a in doc[i].ancestors if a.lemma_ in speech} - mine
    for start in share:
        token = _token_at(doc, start - sentence.start)
        if token is None or not _foreign(_chunk_head(token), mine, others, frame):
            return None
    return region


#: "in northern Shan State": the part of the region the text names
_PART_OF_REGION = re.compile(r"\b((?:north|south|east|west)(?:-?(?:east|west))?ern|central)\s+$",
                             re.IGNORECASE)


_KIND_AFTER = re.compile(r"\s+(?:State|Region|Province|Governorate|Oblast|District)\b")


def region_part(sentence: Sentence, region: Mention) -> Place:
    """The region as the text delimits it ("northern Shan State" is more specific than Shan
    State: GOLD.md's most specific named place); the region itself when no direction."""
    place, start = region
    span = next((s for s in place.spans if s.start == start), None)
    part = _PART_OF_REGION.search(sentence.text[:start - sentence.start])
    if part is None or span is None:
        return place
    kind = _KIND_AFTER.match(sentence.text, span.end - sentence.start)
    written = span.text + (kind.group(0) if kind else "")
    return replace(place, name=f"{part.group(1).lower()} {written}", spans=list(place.spans))
