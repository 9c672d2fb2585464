"""Places no gazetteer holds, kept under the text's name and placed where the text puts them.

News names the village an event happened in even when no gazetteer lists it: "the village
of Ardel in the Brenn district", "Ardel, Brenn district", "Ardel village on the Brenn-Soll
road in Keth district", "Sitio Ardel, Moro in Brenn town", "gunmen attacked Ardel in
Keth". The name is kept (the user and ACLED want it) and placed at the nearest containing
place the text names beside it, its precision lowered honestly: ACLED's geo_precision 2
under a town or district, 3 under a province or state. The words between the name and its
container, and the sentence's parse (the name's words are nouns), are what make it a place.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from sitrep.model import Place, Span
from sitrep.places.gazetteer import key
from sitrep.places.sites import placed_at
from sitrep.places.words import lines, site_words, stop_words
from sitrep.spans import SpanIndex
from sitrep.text import AnalysedText

_HOST_KINDS = frozenset({"town", "city", "township", "village", "village tract", "region"})
#: "M. Chahnou", "Sitio Dapoog", "Kafr Ardel": capitalised words, an initial may open them
#: hyphenated words count whole ("Al-Khuwei"), an Arabic article may open a later word
#: ("Deir al-Balah")
_PART_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_PART_NAME = rf"(?:[A-Z]\.\s)?{_PART_WORD}(?: (?:[a-z]{{1,3}}-)?{_PART_WORD})*"
_LIST = rf"((?:{_PART_NAME})(?:(?:, |,? and ){_PART_NAME})*)"
_DIRECTION = r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?"


@cache
def _kind_nouns() -> str:
    """The nouns that mark a settlement ("village", "hamlet"; ``data/settlement_words.txt``)."""
    return "|".join(re.escape(w) for w in lines("settlement_words.txt"))


@cache
def _parts_before() -> re.Pattern[str]:
    """"A, B and C in (eastern) X", "A at X", "A, B and C villages in X": names the text
    puts in X."""
    return re.compile(rf"{_LIST}(?:\s+(?i:{_kind_nouns()})s?)?\s+(?:in|at)\s+(?:the\s+)?"
                      rf"{_DIRECTION}$")


@cache
def _marked_before() -> re.Pattern[str]:
    """"A village, X district", "the village of A, X district", "A village on the R road in
    X district": a name its settlement noun marks, then its container after a comma, or
    after a road or river it lies on."""
    nouns = _kind_nouns()
    name = rf"(?:(?:the\s+)?(?i:{nouns})\s+of\s+)?({_PART_NAME})(?:\s+(?i:{nouns}))?"
    on = r"\s+(?:on|along|near|off)\s+(?:the\s+)?[^,.;:()]{1,40}?\s+in\s+(?:the\s+)?"
    return re.compile(rf"{name}(?:,\s+|{on}){_DIRECTION}$")


def _marks_settlement(text: str, start: int, end: int) -> bool:
    """A settlement noun right before ("the village of A"), after ("A village") or opening
    ("Sitio A") the name."""
    nouns = _kind_nouns()
    return bool(re.match(rf"(?i:{nouns})\s", text[start:end])
                or re.search(rf"\b(?i:{nouns})\s+of\s+$", text[max(0, start - 20):start])
                or re.match(rf"\s+(?i:{nouns})\b", text[end:end + 20]))


#: "at Ardel, near Keth", "the airport of Ardel, near Keth": a name after a preposition,
#: then the place it lies near (no distance given: placed at it, precision 2)
_NEAR_BEFORE = re.compile(rf"\b(?:in|at|of|on|from|outside)\s+({_PART_NAME}),\s+"
                          r"(?:near|outside|close to)\s+(?:the\s+)?(?:town\s+of\s+)?$")
#: "near Ardel on the eastern side of the Soll River in Keth Township"
_ON_SIDE_BEFORE = re.compile(rf"\b(?:in|at|near|outside)\s+({_PART_NAME})\s+on\s+(?:the\s+)?"
                             r"[^,.;:()]{1,50}?\s+in\s+(?:the\s+)?$")
#: a container named with its kind: "Brenn district", "Keth town", "Soll province"
_HOST_KIND_AFTER = re.compile(r"^\s+(?:district|raion|county|municipality|town|city|"
                              r"township|province|oblast|region|state|governorate)\b",
                              re.IGNORECASE)


def find_parts(text: AnalysedText, places: list[Place], skip: list[tuple[int, int]]
               ) -> list[Place]:
    """Names no gazetteer holds that the text puts in a known place, placed at it."""
    taken = SpanIndex([(s.start, s.end) for p in places for s in p.spans] + skip)
    parts: dict[str, Place] = {}
    raw = text.text
    for span, host in ((s, p) for p in places if p.kind in _HOST_KINDS and p.lat is not None
                       for s in p.spans):
        window = max(0, span.start - 120)
        before = raw[window:span.start]
        owned = _owned_by(raw, span)
        named = _named_in(before, window, raw, span) + owned
        chained = all(raw[a[1]:b[0]] == ", " for a, b in pairwise(named))
        for i, (start, end, name) in enumerate(named):
            settlement = _marks_settlement(raw, start, end)
            if taken.overlaps(start, end) or not _is_part_name(name, _line(raw, start)) \
                    or not _parse_says_place(text, start, end):
                continue
            place = _add_part(parts, name, Span(start, end, name), host, settlement)
            if (start, end, name) in owned and not settlement:
                place.kind = "site"  # "Hodeida's al-Hawak District": a part of the town
            if chained and i + 1 < len(named):
                # "Sitio A, B in Keth": without "and" each name lies in the next
                place.near = [named[i + 1][2], *place.near]
    return list(parts.values())


def _named_in(before: str, offset: int, raw: str, host: Span) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names the words before ``host`` put in it."""
    m = _parts_before().search(before)
    found = [] if m is None else [
        (offset + m.start(1) + n.start(), offset + m.start(1) + n.end(), n.group(0))
        for n in re.finditer(_PART_NAME, m.group(1))]
    marked = _marked_before().search(before)
    if marked is not None and not found:
        start, end = offset + marked.start(1), offset + marked.end(1)
        # a comma alone is no container unless the host is named as one ("A, Brenn
        # district") or the name is marked as a settlement ("the village of A, Brenn")
        comma = not re.search(r"\bin\s+(?:the\s+)?\S*\s*$", before)
        if not comma or _HOST_KIND_AFTER.match(raw[host.end:host.end + 20]) \
                or _marks_settlement(raw, start, end):
            found.append((start, end, marked.group(1)))
    beside = _NEAR_BEFORE.search(before) or _ON_SIDE_BEFORE.search(before)
    if beside is not None and not any(s <= offset + beside.start(1) < e for s, e, _ in found):
        found.insert(0, (offset + beside.start(1), offset + beside.end(1), beside.group(1)))
    return found


#: "Hodeida's al-Hawak District", "Keth’s Ardel village": a name after its host's
#: possessive, marked by a kind word (an Arabic article may open it)
_OWNED_AFTER = re.compile(rf"[’']s\s+((?:(?:al|el|an|ar|as|ash|at|ad|az)-)?{_PART_NAME})"
                          r"\s+(?i:district|village|hamlet|neighbourhood|neighborhood|area)\b")


def _owned_by(raw: str, host: Span) -> list[tuple[int, int, str]]:
    """(start, end, name) of a name the host owns: "Hodeida's al-Hawak District"."""
    m = _OWNED_AFTER.match(raw, host.end)
    return [(m.start(1), m.end(1), m.group(1))] if m else []


def _line(raw: str, start: int) -> str:
    line_end = raw.find("\n", start)
    return raw[raw.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else None]


_LEADS = frozenset({"the", "a", "an", "this", "that", "another", "its", "their"})
#: parts of speech no word of a place name has ("Speaking", "Killed", "Particularly"; an
#: adjective may be one: "Great Falls", "Upper Hill")
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ", "INTJ", "PART",
                           "DET"})


def _is_part_name(name: str, line: str) -> bool:
    """A name: not a common word, an acronym ("TNLA"), a phrase led by "The", a headline's
    Title Case words ("Another Airstrike Bombing in Mogok"), nor an organisation's name
    ("Resistance Committees")."""
    words = line.split()
    headline = not line.rstrip().endswith((".", "!", "?", '"', "”")) and \
        sum(w[:1].isupper() for w in words) > 0.6 * len(words)
    return (name.lower() not in stop_words() and not name.isupper() and len(name) > 3
            and name.split()[0].lower() not in _LEADS and not headline
            and name.split()[-1].lower() not in _organisation_words())


@cache
def _organisation_words() -> frozenset[str]:
    """Nouns that end an organisation's name ("Resistance Committees":
    ``data/organisation_words.txt``)."""
    return frozenset(lines("organisation_words.txt"))


def _parse_says_place(text: AnalysedText, start: int, end: int) -> bool:
    """The sentence's parse agrees the words are a name: proper nouns or nouns ("Speaking
    in X", "Killed in X", "Particularly in X" are a verb and an adverb). spaCy's entity
    recogniser is not asked: the small model labels unknown foreign names (a village in
    Ukraine, a sitio in the Philippines) as persons or organisations, and vetoing on it
    lost real places on the gold. A plural common noun opening the sentence ("Clashes in
    X") is capitalised only by its place, never a name. Only a single word is judged (a
    run of capitalised words is a name): the parse is the stage's costliest step."""
    if " " in text.text[start:end]:
        return True
    sentence = text.sentence_at(start)
    doc = text.parse(sentence)
    lo, hi = start - sentence.start, end - sentence.start
    tokens = [t for t in doc if lo <= t.idx < hi]
    if tokens and tokens[0].i == 0 and tokens[0].tag_ == "NNS":
        return False  # "Clashes in X", "Residents in X": a plural noun opens the sentence
    return bool(tokens) and not any(t.pos_ in _NOT_NAME_POS for t in tokens)


def _is_feature(name: str) -> bool:
    """A river, a hill, a road ("Salween River"), or a name ending in a site word ("North
    Quarter"): placed, but no event's place."""
    last = name.split()[-1].lower()
    return last in lines("feature_words.txt") or last in site_words()


def _add_part(parts: dict[str, Place], name: str, span: Span, host: Place,
              settlement: bool) -> Place:
    """One place per name; under a region it keeps the region's precision (3)."""
    place = parts.get(key(name))
    if place is None:
        place = placed_at(name, host, 5.0, f"in no gazetteer; the text puts it in {host.name}")
        place.kind = "site" if _is_feature(name) else "village" if settlement else "locality"
        if host.kind == "region":
            place.geo_precision = 3
        parts[key(name)] = place
    place.spans.append(span)
    return place


#: where a name lies by a place without a distance: "near Y", "east of Y", "on the
#: outskirts of Y", "on the northern edge of Y"
_BY = (r"(?:(?:just|some|about|right)\s+)?(?:near(?:by)?|outside|close\s+to|next\s+to|"
       r"(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
       r"(?:on|in|at)\s+the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
       r"(?:outskirts|edges?|fringes?|periphery)\s+of)")
#: what a name is when the text says what it is: "X, a village near Y", "X, a suburb of Y"
_WHAT = r"(?:small\s+|tiny\s+|remote\s+|nearby\s+)?(?:{nouns}|town|suburb|district|" \
        r"neighbou?rhood|area|locality|farming\s+village|market\s+town)"
#: a place no gazetteer holds at these distances from its anchor, unless the text says more
BESIDE_KM = 15.0


@cache
def _beside_before() -> re.Pattern[str]:
    """"(shelled) X near Y", "X, east of Y", "X on the outskirts of Y", "X, a village near
    Y", "X, a suburb of Y": the words before a known place Y that put a name beside it.
    The name follows a lowercase word (a verb, a preposition: not a sentence's subject)."""
    nouns = _kind_nouns()
    what = _WHAT.format(nouns=nouns)
    return re.compile(rf"(?<=[a-z] )({_PART_NAME})(?:\s+(?i:{nouns}))?"
                      rf"(?:,?\s+{_BY}|,\s+(?:a|an|the)\s+{what}\s+(?:{_BY}|in|of))"
                      r"\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$")


def find_beside(text: AnalysedText, places: list[Place], skip: list[tuple[int, int]]
                ) -> list[Place]:
    """Names no gazetteer holds that the text puts beside a known place, without a
    distance ("RSF fighters shelled Ardel near Keth", "Ardel, a village east of Keth"):
    kept under their own name (the most specific place the text names, where ACLED and
    the gold code the event), placed at the anchor with ACLED geo_precision 2."""
    taken = SpanIndex([(s.start, s.end) for p in places for s in p.spans] + skip)
    raw = text.text
    out: dict[str, Place] = {}
    for span, host in ((s, p) for p in places if p.kind in _HOST_KINDS and p.lat is not None
                       for s in p.spans):
        window = max(0, span.start - 100)
        m = _beside_before().search(raw[window:span.start])
        if m is None:
            continue
        start, end, name = window + m.start(1), window + m.end(1), m.group(1)
        if taken.overlaps(start, end) or not _is_part_name(name, _line(raw, start)) \
                or not _parse_says_place(text, start, end):
            continue
        place = out.get(key(name))
        if place is None:
            place = placed_at(name, host, BESIDE_KM,
                              f"in no gazetteer; the text puts it beside {host.name}")
            place.coord_source = (f"estimated from: {raw[window + m.end(1):span.start].strip(' ,')}"
                                  f" {host.name} ({host.kind})")
            place.kind = "site" if _is_feature(name) else \
                "village" if _marks_settlement(raw, start, end) or re.search(
                    rf"\b(?i:{_kind_nouns()})\b", m.group(0)[m.end(1) - m.start():]) \
                else "locality"
            if host.kind == "region":
                place.geo_precision = 3
            out[key(name)] = place
        place.spans.append(Span(start, end, name))
    return list(out.values())


#: entity labels of places, and of what a name is instead (a person, a group, a people)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = r"(?:in|at|near|outside|into|inside|around)\s+(?:the\s+)?"


@cache
def _tagged_before() -> re.Pattern[str]:
    """A capitalised name after a locative preposition ("fighting in X") or an event verb
    ("gunmen attacked X": ``data/object_verbs.txt``)."""
    verbs = "|".join(re.escape(w) for w in lines("object_verbs.txt"))
    return re.compile(rf"\b(?:(?:{verbs})\s+)((?:al-|el-)?{_PART_NAME})")


def find_tagged(text: AnalysedText, places: list[Place], skip: list[tuple[int, int]]
                ) -> list[Place]:
    """Names no gazetteer holds, after "in", "at" or an event verb, that spaCy's entity
    recogniser calls a place (GPE, LOC, FAC): kept under their own name without a point
    (no gazetteer, no container the text names), so an event there keeps its most
    specific place. The recogniser runs only on the few sentences with such a name."""
    from sitrep.places.gazetteer import load_index
    from sitrep.text import full_nlp

    index = load_index()
    taken = SpanIndex([(s.start, s.end) for p in places for s in p.spans] + skip)
    raw = text.text
    out: dict[str, Place] = {}
    for m in _tagged_before().finditer(raw):
        start, end, name = m.start(1), m.end(1), m.group(1)
        if taken.overlaps(start, end) or index.get(key(name)) or \
                not _is_part_name(name, _line(raw, start)):
            continue
        sentence = text.sentence_at(start)
        doc = text.parse(sentence)
        if not doc.has_annotation("ENT_IOB"):
            doc = full_nlp().get_pipe("ner")(doc)
        lo, hi = start - sentence.start, end - sentence.start
        labels = {t.ent_type_ for t in doc if lo <= t.idx < hi}
        if not labels or not labels <= _PLACE_LABELS:
            continue
        place = out.get(key(name))
        if place is None:
            cue = m.group(0)[:m.start(1) - m.start()].strip()
            place = Place(mention=name, name=name, kind="locality",
                          why=f"in no gazetteer; spaCy calls it a place "
                              f"({'/'.join(sorted(labels))}) after \"{cue}\"")
            out[key(name)] = place
        place.spans.append(Span(start, end, name))
    return list(out.values())


_SETTLEMENTS = frozenset({"town", "city", "township", "village", "village tract"})
#: two or more names joined by commas, then perhaps a closing "and", after a lowercase word
#: ("near A, B and C", "near A, B"); nothing after the "and" ("A and B, Lord C said": two)
#: an item of such a list: a name, perhaps hyphenated ("Zorivka-Mala") or opened by an
#: Arabic article ("al-Motella"), after "the" or before a site noun ("al-Malikiyah sites")
_ITEM_NAME = r"(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z][\w'’]*(?:(?: |-)[A-Z][\w'’]*)*"
_ITEM = rf"(?:the )?{_ITEM_NAME}(?: (?:sites?|areas?|positions?))?"
#: after the closing "and" only a serial ", and" goes on ("A, B, and C sites, and the D")
_NAME_LIST = re.compile(rf"(?<=[a-z] )({_ITEM}(?:(?:(?:, {_ITEM})+(?:,? and {_ITEM})?"
                        rf"|,? and {_ITEM})(?:, and {_ITEM})*))")


def find_listed(text: AnalysedText, places: list[Place], skip: list[tuple[int, int]]
                ) -> list[Place]:
    """Names no gazetteer holds, listed with settlements it holds ("clashes near Ardel,
    Sorel and Keth", Sorel known): villages named together lie together, so each is
    placed at the known name listed nearest before it (else after it), precision 2."""
    raw = text.text
    known = {s.start: p for p in places for s in p.spans
             if p.kind in _SETTLEMENTS and p.lat is not None}
    taken = SpanIndex([(s.start, s.end) for p in places for s in p.spans] + skip)
    out: dict[str, Place] = {}
    for m in _NAME_LIST.finditer(raw):
        items = [(m.start(1) + n.start(), m.start(1) + n.end(), n.group(0))
                 for n in re.finditer(_ITEM_NAME, m.group(1))]
        anchors = [(start, known[start]) for start, _, _ in items if start in known]
        if not anchors:
            continue
        for start, end, name in items:
            if taken.overlaps(start, end) or not _is_part_name(name, _line(raw, start)) \
                    or not _parse_says_place(text, start, end):
                continue
            before = [p for at, p in anchors if at < start]
            host = before[-1] if before else anchors[0][1]
            place = out.get(key(name))
            if place is None:
                place = placed_at(name, host, 10.0,
                                  f"in no gazetteer; listed with {host.name}, which it holds")
                place.kind = "locality"
                out[key(name)] = place
            place.spans.append(Span(start, end, name))
    return list(out.values())
