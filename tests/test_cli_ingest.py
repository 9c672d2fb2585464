"""`sitrep ingest` and the batch loop: summary, skipped lines, idempotence, near-copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import sitrep.batch as batch
from sitrep.batch import ingest_paths
from sitrep.cli import main
from sitrep.model import Document, Event, Extraction
from sitrep.store import Store

ARTICLE = """ date 2025-06-12 Resistance forces said on Thursday they had pushed junta troops out
of the market town of Tanyaung after nine days of fighting along the highway to the east.
A spokesman for the local defence force said about forty soldiers had surrendered and that
two of its own fighters had been killed in the last assault on the police station. Residents
who fled to monasteries in nearby villages said air strikes hit the town twice on Wednesday
night, destroying a school and several houses near the bus station. The junta did not respond
to requests for comment. Aid groups said more than three thousand people had been displaced
since the fighting began and were short of rice, medicine and clean water.
"""
COPY = ARTICLE.replace("2025-06-12 ", "2025-06-13 Tanyaung falls after nine days\n") + (
    "\nThis story was first published by a partner outlet.\n")
OTHER = """ date 2025-05-06 Rapid Support Forces fighters attacked the town of Bara in North
Kordofan on Monday, killing at least twelve people, a local resistance committee said.
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-other.txt").write_text(OTHER, encoding="utf-8")
    (folder / "c-copy.txt").write_text(COPY, encoding="utf-8")
    (folder / "d-empty.txt").write_text("", encoding="utf-8")
    (folder / "e-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    lines = [json.dumps({"text": "Fighting near Kupiansk, officials said on Friday.",
                         "date": "2025-02-07", "source": "Wire"}), "{not json"]
    (folder / "f-wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_folder_summary_and_skipped_lines(tmp_path: Path) -> None:
    code, out, err = _ingest(_folder(tmp_path), tmp_path / "s.db")
    assert code == 0, err
    assert "stored 3 (" in out
    assert "already present 0, near-duplicates 1, skipped 3" in out
    assert "(1 binary, 1 empty, 1 malformed JSON line)" in out
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3
    assert any("d-empty.txt: empty file" in line for line in skipped)
    assert any("f-wire.jsonl:2: line 2: not valid JSON" in line for line in skipped)
    assert "Traceback" not in out + err


def test_ingest_twice_stores_nothing_new(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "s.db"
    _ingest(folder, db)
    with Store.open(str(db)) as store:
        before = store.counts()
    code, out, _ = _ingest(folder, db)
    assert code == 0
    assert "stored 0 (0 event(s)), already present 4, near-duplicates 0" in out
    with Store.open(str(db)) as store:
        assert store.counts() == before


def test_near_copy_is_linked_and_not_extracted(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), tmp_path / "s.db"
    _ingest(folder, db)
    with Store.open(str(db)) as store:
        by_path = {Path(x.document.path or "").name: x for x in store.load_extractions()}
    original, copy = by_path["a-article.txt"], by_path["c-copy.txt"]
    assert copy.document.near_duplicate_of == original.document.id
    assert copy.events == [] and copy.flags == ["near_duplicate"]
    assert original.document.near_duplicate_of is None


def test_near_copy_found_against_an_earlier_run(tmp_path: Path) -> None:
    first, second, db = tmp_path / "one", tmp_path / "two", tmp_path / "s.db"
    first.mkdir()
    second.mkdir()
    (first / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (second / "copy.txt").write_text(COPY, encoding="utf-8")
    _ingest(first, db)
    _, out, _ = _ingest(second, db)
    assert "stored 0" in out and "near-duplicates 1" in out


def test_a_failing_document_is_skipped_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.extract_document

    def flaky(doc: Document) -> Extraction:
        if "Bara" in doc.text:
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(batch, "extract_document", flaky)
    with Store.open(str(tmp_path / "s.db")) as store:
        summary = ingest_paths([_folder(tmp_path)], store)
        assert summary.stored == 2
        failed = [r for r in summary.skipped if r.kind == "failed"]
        assert len(failed) == 1 and "ValueError: boom" in failed[0].reason
        assert not any("Bara" in x.document.text for x in store.load_extractions())


def test_extracted_events_are_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def one_event(doc: Document) -> Extraction:
        return Extraction(document=doc, events=[Event("Battles", "Armed clash", "Army")])

    monkeypatch.setattr(batch, "extract_document", one_event)
    with Store.open(str(tmp_path / "s.db")) as store:
        summary = ingest_paths([_folder(tmp_path)], store)
        assert summary.events == 3
        assert store.counts()["events"] == 3


def test_progress_bar_batches_report_each_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    seen: list[Path] = []
    with Store.open(str(tmp_path / "s.db")) as store:
        ingest_paths([folder, folder / "a-article.txt"], store, on_file=seen.append)
    assert len(seen) == 6  # a file named twice is read once


def test_bad_database_is_one_line_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code, _, err = _ingest(folder, tmp_path / "missing" / "s.db")
    assert code == 2
    assert err.strip().startswith("sitrep: error: cannot create database")


def test_stream_linking_for_engines(tmp_path: Path) -> None:
    """Engines that extract elsewhere link near-copies while reading, then store alike."""
    from sitrep.batch import extract_for_storage, link_near_duplicates
    from sitrep.ingest import read_path

    with Store.open(str(tmp_path / "s.db")) as store:
        items = list(link_near_duplicates(read_path(_folder(tmp_path)), store))
        docs = {Path(i.path or "").name: i for i in items if isinstance(i, Document)}
        assert docs["c-copy.txt"].near_duplicate_of == docs["a-article.txt"].id
        assert docs["b-other.txt"].near_duplicate_of is None
        copy = extract_for_storage(docs["c-copy.txt"])
        assert copy.events == [] and copy.flags == ["near_duplicate"]
        store.save(extract_for_storage(docs["a-article.txt"]))  # signature computed by save
        assert [i for i, _ in store.signatures()] == [docs["a-article.txt"].id]


def test_status_counts_what_was_ingested(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(_folder(tmp_path), db)
    result = CliRunner().invoke(main, ["status", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    lines = dict(line.split() for line in result.stdout.splitlines()[1:])
    assert lines["documents"] == "4" and lines["near_duplicates"] == "1"
    assert "schema version" in result.stdout.splitlines()[0]


def test_reextract_replaces_stored_extractions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, db = _folder(tmp_path), tmp_path / "s.db"
    _ingest(folder, db)

    def upgraded(doc: Document) -> Extraction:
        return Extraction(document=doc, events=[Event("Battles", "Armed clash", "Army")])

    monkeypatch.setattr(batch, "extract_document", upgraded)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--reextract"])
    assert result.exit_code == 0, result.stderr
    assert "stored 0 (3 event(s)), already present 1" in result.stdout  # the near-copy
    assert "re-extracted 3" in result.stdout
    with Store.open(str(db)) as store:
        assert store.counts()["events"] == 3 and store.counts()["documents"] == 4
    refused = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db),
                                        "--reextract", "--workers", "2"])
    assert refused.exit_code == 2 and "one process" in refused.stderr
