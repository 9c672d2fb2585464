"""Batch engines: the local process pool, its streaming, resumability and failure handling.

Also home of ``write_dispatches``, the generator of invented news dispatches that
the resume, Ray, PostgreSQL and robustness tests share.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import sitrep.engines.work as work
from sitrep.engines import Outcome, run_batch
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected, read_path
from sitrep.model import Document

PLACES = ("Namhsan", "Kutkai", "Hsipaw", "Mogok", "El Fasher", "Bara", "Kupiansk", "Menaka",
          "Tanyaung", "Hopong", "Kalaw", "Ywangan", "Kyaukme", "Mongmit", "Nawnghkio")
ARMED = ("the junta", "the TNLA", "the RSF", "the SAF", "Russian forces", "JNIM fighters",
         "the MNDAA", "a People's Defence Force unit", "the Arakan Army")
SENTENCES = (
    "{a} shelled {p} on {day}, killing {n} civilians, residents said.",
    "Fighting broke out between {a} and {b} near {p} on {day}.",
    "{a} said it had captured a base outside {p} after {n} days of clashes.",
    "An air strike hit a market in {p} on {day}, according to a local aid group.",
    "About {n} families fled {p} as {a} advanced from the south.",
    "{b} denied that its troops had entered {p}.",
    "A drone attack by {a} wounded {n} people in {p} late on {day}.",
    "Local sources said {a} set fire to {n} houses in a village near {p}.",
    "{a} and {b} agreed to a ceasefire around {p}, but clashes continued.",
    "Residents of {p} said power and phone lines had been cut since {day}.",
    "The spokesperson of {a} could not be reached for comment on the attack in {p}.",
    "Aid workers said {n} people were being treated at the hospital in {p}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def dispatch_text(number: int, rng: random.Random) -> str:
    """One invented dispatch, distinct from every other (its number is in it)."""
    lines = []
    for template in rng.sample(SENTENCES, rng.randint(3, 6)):
        a, b = rng.sample(ARMED, 2)
        sentence = template.format(a=a, b=b, p=rng.choice(PLACES), day=rng.choice(DAYS),
                                   n=rng.randint(2, 90))
        lines.append(sentence[0].upper() + sentence[1:])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    body = "\n\n".join(lines)
    return f" date 2025-{month:02d}-{day:02d}\n{body}\n\nReport number {number} from our desk.\n"


def write_dispatches(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` dispatch files in ``folder``, reproducible from ``seed``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"dispatch-{seed}-{number:05d}.txt"
        path.write_text(dispatch_text(number, rng), encoding="utf-8")
        paths.append(path)
    return paths


#: columns that differ between two runs storing the same thing (clocks, database sequences)
VOLATILE_COLUMNS = frozenset({"ingested_at", "created_at", "applied_at"})


Snapshot = dict[str, list[tuple[object, ...]]]


def store_snapshot(db: str) -> Snapshot:
    """Every stored row of every table, sorted, without clock or sequence columns."""
    from sqlalchemy import Integer, create_engine, select

    from sitrep.store import database_url, schema

    engine = create_engine(database_url(db))
    snapshot: Snapshot = {}
    try:
        with engine.connect() as conn:
            for table in schema.metadata.sorted_tables:
                columns = [c for c in table.columns if c.name not in VOLATILE_COLUMNS
                           and not (c.primary_key and isinstance(c.type, Integer)
                                    and c.autoincrement is True)]
                rows = conn.execute(select(*columns)).all()
                snapshot[table.name] = sorted((tuple(r) for r in rows), key=repr)
    finally:
        engine.dispose()
    return snapshot


def ingest_command(paths: list[Path], db: str, *flags: str) -> list[str]:
    """The command line of a real ``sitrep ingest`` run (this venv's console script)."""
    sitrep = Path(sys.executable).with_name("sitrep")
    return [str(sitrep), "ingest", *map(str, paths), "--db", db, *flags]


def _documents(folder: Path) -> list[Document]:
    return [item for item in read_path(folder) if isinstance(item, Document)]


def _stored(outcomes: list[Outcome]) -> set[str]:
    return {o.what for o in outcomes if o.status == "stored"}


def test_dispatches_are_distinct_documents(tmp_path: Path) -> None:
    write_dispatches(tmp_path, 50)
    docs = _documents(tmp_path)
    assert len({d.id for d in docs}) == 50
    assert all(d.published is not None for d in docs)


def test_one_worker_stores_each_document_once_and_skips_them_on_rerun(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 12)
    db = str(tmp_path / "s.db")
    first = run_batch(read_path(tmp_path / "in"), db)
    assert first.counts == {"stored": 12}
    second = run_batch(read_path(tmp_path / "in"), db)
    assert second.counts == {"existing": 12}


def test_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 24)
    seen: list[Outcome] = []
    report = run_batch(read_path(tmp_path / "in"), str(tmp_path / "two.db"), workers=2,
                       on_outcome=seen.append)
    assert report.counts == {"stored": 24}
    assert _stored(seen) == {d.id for d in _documents(tmp_path / "in")}
    run_batch(read_path(tmp_path / "in"), str(tmp_path / "one.db"))
    assert store_snapshot(str(tmp_path / "two.db")) == store_snapshot(str(tmp_path / "one.db"))


def test_rejected_inputs_are_reported_with_a_reason_and_neighbours_stored(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("   \n", encoding="utf-8")
    report = run_batch(read_path(tmp_path / "in"), str(tmp_path / "s.db"))
    assert report.counts == {"stored": 3, "rejected": 1}
    (problem,) = report.problems
    assert problem.what.endswith("empty.txt")
    assert problem.detail and "\n" not in problem.detail


def test_a_document_that_crashes_the_pipeline_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_dispatches(tmp_path / "in", 4)
    victim = _documents(tmp_path / "in")[1]
    import sitrep.pipeline

    real = sitrep.pipeline.extract_document

    def flaky(doc: Document):  # type: ignore[no-untyped-def]
        if doc.id == victim.id:
            raise ValueError("boom\nwith a second line")
        return real(doc)

    monkeypatch.setattr(sitrep.pipeline, "extract_document", flaky)
    report = run_batch(read_path(tmp_path / "in"), str(tmp_path / "s.db"))
    assert report.counts == {"stored": 3, "failed": 1}
    (problem,) = report.problems
    assert problem.what == victim.id
    assert "ValueError: boom with a second line" in problem.detail


def test_engine_and_worker_count_are_checked(tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="unknown engine"):
        run_batch(iter(()), str(tmp_path / "s.db"), engine="spark")
    with pytest.raises(SitrepError, match="at least 1"):
        run_batch(iter(()), str(tmp_path / "s.db"), workers=0)


def test_the_pool_pulls_documents_lazily(tmp_path: Path) -> None:
    """Streaming: the pool must not read the whole input before the first result."""
    write_dispatches(tmp_path / "in", 40)
    pulled = 0

    def counting() -> Iterator[Document | Rejected]:
        nonlocal pulled
        for item in read_path(tmp_path / "in"):
            pulled += 1
            yield item

    from sitrep.engines.local import IN_FLIGHT_PER_WORKER, run_local

    outcomes = run_local(counting(), str(tmp_path / "s.db"), 2)
    next(outcomes)
    assert pulled <= 2 * IN_FLIGHT_PER_WORKER + 1
    outcomes.close()


def test_worker_outcome_details_are_one_line() -> None:
    assert work._one_line("a\nb\tc  d") == "a b c d"
    assert len(work._one_line("x" * 1000)) == 300
