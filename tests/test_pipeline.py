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


def test_a_trigger_no_kind_applies_to_is_not_parsed_for_its_source() -> None:
    """"Flooding killed 12 people in X, officials said": "killed" matches, but a disaster
    is no event of any kind, so neither its source nor its parse can change the output."""
    body = (" date 2025-09-12\nThe floods killed 12 people in Hsipaw, officials said.\n\n"
            "Troops shelled Kyaukme on Monday, residents said.")
    analysed = text.prepare(parse_plain_text(body))
    assert [s.text for s in sentences_to_parse(analysed)] == [
        "Troops shelled Kyaukme on Monday, residents said."]
    # asked again (the look-ahead, then the stage), the choice is made once
    assert sentences_to_parse(analysed) is sentences_to_parse(analysed)


#: sentences written for the attribute ruler's rarer rules: contractions, "gonna", "y'all",
#: "let's", "there is", "nothin'", double spaces, a determiner used as a pronoun
RULER_SENTENCES = (
    "The rebels ain't gonna stop, y'all, and we gotta leave now.",
    "Let's go, c'mon: there is nothin' left in the village  after the shelling.",
    "That was what they got, and it gets worse; those who stayed were arrested.",
    "Did the army's 33rd Division   withdraw?\n\nNo, it hasn't.",
    "Residents said they'd fled to Kalay on Monday because of air strikes.",
)


def test_the_fast_attribute_ruler_matches_as_spacy_does() -> None:
    nlp = text.full_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = text.fast_attribute_matches(ruler)
    assert fast is not None
    spacy_match = type(ruler).match  # the class's own, not the instance's fast one
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(RULER_SENTENCES))
    for doc in docs:
        expected = sorted(set(spacy_match(ruler, doc)))
        assert expected and fast(doc) == expected
