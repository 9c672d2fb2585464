"""Near-duplicates: a republished copy is found, a different report on the same war is not."""

from __future__ import annotations

from sitrep.ingest.dedup import NearDuplicateIndex, from_hex, signature, to_hex

ORIGINAL = """Resistance forces said on Thursday they had pushed junta troops out of the
market town of Tanyaung after nine days of fighting along the highway to the east.
A spokesman for the local defence force said about forty soldiers had surrendered and
that two of its own fighters had been killed in the last assault on the police station.
Residents who fled to monasteries in nearby villages said air strikes hit the town
twice on Wednesday night, destroying a school and several houses near the bus station.
The junta did not respond to requests for comment. Aid groups said more than three
thousand people had been displaced since the fighting began and were short of rice,
medicine and clean water. Phone lines and internet access in the township have been
cut since the start of the month, making the claims hard to verify independently."""

REPUBLISHED = ("Tanyaung falls to resistance after nine days, say fighters\n"
               + ORIGINAL.replace("on Thursday", "on Thursday, 12 June,")
               + "\nThis story was first published by a partner outlet.")

OTHER = """Junta troops shelled villages around Tanyaung on Saturday, a week after the
town fell to resistance forces, according to residents. Three civilians including a
child were killed and a monastery was damaged, a local aid worker said. The resistance
said it had repelled an attempt by the army to retake the police station and captured
weapons and ammunition. The junta's information team said its troops were clearing
what it called terrorist positions and accused the resistance of using civilians as
shields. Thousands of residents remain in camps along the river without enough food."""

THRESHOLD = 0.8


def test_republished_copy_is_linked_to_the_original() -> None:
    index = NearDuplicateIndex(THRESHOLD)
    index.add("orig", signature(ORIGINAL))
    assert index.original_of(signature(REPUBLISHED)) == "orig"
    assert signature(ORIGINAL).jaccard(signature(REPUBLISHED)) >= THRESHOLD


def test_a_different_report_on_the_same_place_is_not_a_duplicate() -> None:
    index = NearDuplicateIndex(THRESHOLD)
    index.add("orig", signature(ORIGINAL))
    assert index.original_of(signature(OTHER)) is None
    assert signature(ORIGINAL).jaccard(signature(OTHER)) < 0.2


def test_earliest_original_wins_and_adding_twice_is_harmless() -> None:
    index = NearDuplicateIndex(THRESHOLD)
    index.add("first", signature(ORIGINAL))
    index.add("second", signature(ORIGINAL))
    index.add("first", signature(ORIGINAL))
    assert len(index) == 2
    assert index.original_of(signature(REPUBLISHED)) == "first"


def test_signature_survives_the_store_round_trip() -> None:
    original = signature(ORIGINAL)
    restored = from_hex(to_hex(original))
    assert restored.jaccard(original) == 1.0
    index = NearDuplicateIndex.from_signatures([("orig", to_hex(original))], THRESHOLD)
    assert index.original_of(signature(REPUBLISHED)) == "orig"


def test_signature_is_case_and_whitespace_blind() -> None:
    assert signature(ORIGINAL).jaccard(signature("  " + ORIGINAL.upper())) == 1.0
