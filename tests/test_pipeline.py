"""Speed-ups that must not change what is extracted: batched parses and the look-ahead."""

from __future__ import annotations

import pytest

from sitrep import text
from sitrep.events import sentences_to_parse
from sitrep.ingest.documents import parse_plain_text
from sitrep.model import Sentence
from sitrep.pipeline import extract_document, look_ahead

DISPATCHES = (
    " date 2025-09-12\nJunta troops recaptured Kyaukme town from the TNLA on Tuesday, "
    "residents said.\n\nThe TNLA said it had repaired a road near Hsipaw, a spokesman told "
    "reporters. He said fighting went on.",
    " date 2025-03-02\nAn air strike hit a market in Mogok on Monday, according to a local "
    "aid group.\n\nThe military denied that its jets had attacked the town.",
)


def test_batched_parses_are_the_one_by_one_parses() -> None:
    sentences = [s.text for body in DISPATCHES for s in text.split_sentences(body)]
    batched = text.AnalysedText("", [Sentence(i, 0, len(s), s)
                                for i, s in enumerate(sentences)])
    batched.parse_many(batched.sentences)

    def annotations(doc: object) -> list[tuple[object, ...]]:
        return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph))
                for t in doc]  # type: ignore[attr-defined]
    for sentence in batched.sentences:
        assert annotations(batched.parse(sentence)) == annotations(text._parse(sentence.text))


def test_a_look_ahead_changes_nothing_and_parses_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [parse_plain_text(body) for body in DISPATCHES]
    alone = [extract_document(doc).to_gold_dict() for doc in docs]
    selected = {s.text for doc in docs for s in sentences_to_parse(text.prepare(doc))}
    look_ahead(docs)
    single: list[str] = []
    real = text._parse
    monkeypatch.setattr(text, "_parse", lambda s: single.append(s) or real(s))
    assert [extract_document(doc).to_gold_dict() for doc in docs] == alone
    # the selected sentences were parsed ahead; only a later "he said" asks for another
    assert selected and not selected & set(single)
    assert single == ["The TNLA said it had repaired a road near Hsipaw, a spokesman told "
                      "reporters."]
