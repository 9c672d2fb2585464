"""Errors are errors, and what is missing is said: the CLI's one-line errors with hints,
the warnings of `ingest` and `status`, the per-article time limit and Ctrl-C."""

from __future__ import annotations

import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

import sitrep.batch as batch
from sitrep.cli import main
from sitrep.cli.options import CREATING_COMMANDS, sqlite_path
from sitrep.model import Document, Event, Extraction
from sitrep.store import Store

# invented dispatches, written for these tests
DATED = """ date 2025-03-04 Soldiers clashed with rebels near the town of Tarvan on Monday,
killing four fighters, residents said.
"""
UNDATED = "Rebels shelled an army camp outside Tarvan on Monday, residents said.\n"
OTHER_UNDATED = ("A drone dropped two bombs on a clinic in the hill village of Oskel, "
                 "wounding a nurse and three patients, a volunteer doctor said.\n")
FRENCH = ("Des rebelles ont attaqué un camp de l'armée près de la ville de Tarvan lundi, "
          "tuant quatre soldats, selon des habitants. Les combats ont duré toute la nuit "
          "et les familles ont fui vers les villages voisins.\n")
BURMESE = ("တော်လှန်ရေးတပ်ဖွဲ့များသည် တနင်္လာနေ့က မြို့အနီးရှိ စစ်တပ်စခန်းကို တိုက်ခိုက်ခဲ့ပြီး "
           "စစ်သားလေးဦး သေဆုံးခဲ့သည်ဟု ဒေသခံများက ပြောသည်။\n")


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _error_line(result: Result) -> str:
    """The one error line a failed command prints (nothing else is an error)."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output
    return errors[0]


def _db(tmp_path: Path) -> str:
    """A database beside the test's folder, so that ingesting the folder does not read it."""
    return str(tmp_path.parent / f"{tmp_path.name}.db")


def _fake_extraction(doc: Document) -> Extraction:
    """A stand-in for the extractor: one event per document, instantly."""
    return Extraction(document=doc, events=[Event("Battles", "Armed clash", "Army")])


def _db_commands() -> list[str]:
    return sorted(name for name, cmd in main.commands.items()
                  if any(p.name == "db" for p in cmd.params))


EXTRA_ARGS = {"report": ["--since", "2025-01-01", "--until", "2025-02-01"],
              "serve": ["--port", "0"]}


@pytest.mark.parametrize("name", [n for n in _db_commands() if n not in CREATING_COMMANDS])
def test_a_mistyped_db_is_an_error_for_every_reading_command(name: str, tmp_path: Path) -> None:
    typo = tmp_path / "sitrpe.db"
    result = _run(name, "--db", str(typo), *EXTRA_ARGS.get(name, []))
    assert result.exit_code == 2, result.output
    line = _error_line(result)
    assert f"no database at {typo}" in line and "(hint: " in line
    assert not typo.exists()  # nothing created as a side effect


def test_the_creating_commands_are_ingest_and_demo() -> None:
    assert set(CREATING_COMMANDS) <= set(_db_commands())


def test_sqlite_urls_are_checked_too(tmp_path: Path) -> None:
    assert sqlite_path(f"sqlite:///{tmp_path}/x.db") == tmp_path / "x.db"
    assert sqlite_path("postgresql://u@host/db") is None
    result = _run("status", "--db", f"sqlite:///{tmp_path}/x.db")
    assert result.exit_code == 2 and "no database at" in _error_line(result)


def test_an_ingest_whose_every_input_is_rejected_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    result = _run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "photo.jpg"),
                  "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 2
    assert "nothing stored: all 2 input(s) were rejected" in _error_line(result)
    assert "skipped 2" in result.stdout


def test_an_ingest_that_finds_everything_stored_already_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_document", _fake_extraction)
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = _db(tmp_path)
    assert _run("ingest", str(tmp_path), "--db", db).exit_code == 0
    again = _run("ingest", str(tmp_path), "--db", db)
    assert again.exit_code == 0 and "already present 1" in again.stdout


@pytest.mark.parametrize("name", ["export", "report"])
def test_a_reversed_window_is_an_error(name: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_document", _fake_extraction)
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    db = _db(tmp_path)
    _run("ingest", str(tmp_path / "a.txt"), "--db", db)
    result = _run(name, "--since", "2025-08-01", "--until", "2025-07-01", "--db", db)
    assert result.exit_code == 2
    line = _error_line(result)
    assert "2025-07-01 must not be before --since 2025-08-01" in line
    assert f"(hint: see 'sitrep {name} --help')" in line


def test_usage_errors_have_the_same_one_line_style() -> None:
    result = _run("export", "--formt", "geojson")
    assert result.exit_code == 2
    line = _error_line(result)
    assert line.startswith("sitrep: error: No such option '--formt'")
    assert line.endswith("(hint: see 'sitrep export --help')")
    assert "Usage:" not in result.output
    unknown = _run("exprot")
    assert unknown.exit_code == 2 and "No such command" in _error_line(unknown)


def test_help_and_version_still_exit_0() -> None:
    assert _run("--help").exit_code == 0
    assert _run("export", "--help").exit_code == 0
    assert _run("--version").exit_code == 0


def test_a_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    result = _run("ingest", str(tmp_path), "--published", "2025-13-01",
                  "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 2 and "does not exist" in _error_line(result)


def test_an_undated_batch_is_warned_about_with_ways_to_date_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_document", _fake_extraction)
    for name, text in (("a.txt", DATED), ("b.txt", UNDATED), ("c.txt", OTHER_UNDATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = _db(tmp_path)
    result = _run("ingest", str(tmp_path), "--db", db)
    assert result.exit_code == 0
    assert "2 of 3 article(s) have no publication date" in result.stderr
    assert "--published" in result.stderr and "SOURCES.tsv" in result.stderr
    status = _run("status", "--db", db)
    assert status.exit_code == 0 and "2 of 3 article(s) have no publication date" in status.stderr


def test_published_dates_the_articles_without_a_date_of_their_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_document", _fake_extraction)
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    db = _db(tmp_path)
    result = _run("ingest", str(tmp_path), "--published", "2025-06", "--db", db)
    assert result.exit_code == 0 and "no publication date" not in result.stderr
    with Store.open(db) as store:
        dates = {Path(x.document.path or "").name: (x.document.published,
                                                    x.document.published_precision)
                 for x in store.load_extractions()}
    assert str(dates["a.txt"][0]) == "2025-03-04"  # its own date wins
    assert (str(dates["b.txt"][0]), dates["b.txt"][1]) == ("2025-06-01", "month")


def test_french_and_burmese_articles_are_flagged(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(" date 2025-03-04 " + FRENCH, encoding="utf-8")
    (tmp_path / "my.txt").write_text(" date 2025-03-04 " + BURMESE, encoding="utf-8")
    db = _db(tmp_path)
    result = _run("ingest", str(tmp_path), "--db", db)
    assert result.exit_code == 0
    assert "2 article(s) not in English (fr 1, my 1): no events extracted" in result.stderr
    status = _run("status", "--db", db)
    assert "2 article(s) not in English (fr 1, my 1)" in status.stderr


def test_a_slow_article_is_skipped_past_the_time_limit_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_on_b(doc: Document) -> Extraction:
        if "b.txt" in (doc.path or ""):
            time.sleep(30)
        return _fake_extraction(doc)

    monkeypatch.setattr(batch, "extract_document", slow_on_b)
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "c.txt").write_text(DATED.replace("four", "five"), encoding="utf-8")
    db = _db(tmp_path)
    started = time.monotonic()
    result = _run("ingest", str(tmp_path), "--article-timeout", "0.5", "--db", db)
    assert time.monotonic() - started < 20
    assert result.exit_code == 0
    assert "stored 2" in result.stdout and "(1 timeout)" in result.stdout
    assert "b.txt" in result.stderr and "stopped after 0.5 s" in result.stderr
    monkeypatch.setattr(batch, "extract_document", _fake_extraction)
    again = _run("ingest", str(tmp_path), "--db", db)  # resumes: only the skipped one is new
    assert "stored 1" in again.stdout and "already present 2" in again.stdout


def test_ctrl_c_says_what_was_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted_on_b(doc: Document) -> Extraction:
        if "b.txt" in (doc.path or ""):
            raise KeyboardInterrupt
        return _fake_extraction(doc)

    monkeypatch.setattr(batch, "extract_document", interrupted_on_b)
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED, encoding="utf-8")
    db = _db(tmp_path)
    result = _run("ingest", str(tmp_path), "--db", db)
    assert result.exit_code == 130
    assert "stored 1 (1 event(s))" in result.stdout
    line = _error_line(result)
    assert "interrupted" in line and "run the same command again to resume" in line
    with Store.open(db) as store:
        assert store.counts()["documents"] == 1


def test_every_error_names_a_hint_or_its_help() -> None:
    """Click's own errors go through the same formatter as sitrep's."""
    with pytest.raises(click.UsageError):
        main.main(["export", "--format", "nope"], standalone_mode=False)


def test_a_worker_process_keeps_the_time_limit_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.engines.work import DocumentWorker, Job
    from sitrep.ingest import make_document

    def slow(doc: Document) -> Extraction:
        time.sleep(30)
        return _fake_extraction(doc)

    monkeypatch.setattr(batch, "extract_document", slow)
    worker = DocumentWorker(str(tmp_path / "s.db"), warm=False, timeout=0.3)
    try:
        outcome = worker.run(Job(make_document(UNDATED, path="slow.txt")))
    finally:
        worker.close()
    assert (outcome.status, outcome.kind) == ("failed", "timeout")
    assert "slow.txt: extraction stopped after 0.3 s" in outcome.detail
