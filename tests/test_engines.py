"""Batch engines: the local process pool, its streaming, resumability and failure handling.

Also home of ``write_dispatches``, the generator of invented news dispatches that
the resume, Ray, PostgreSQL and robustness tests share.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest

import sitrep.batch
from sitrep.batch import BatchSummary
from sitrep.engines import ingest_paths
from sitrep.engines.local import IN_FLIGHT_PER_WORKER, PoolDispatcher
from sitrep.engines.work import DocumentWorker, Job, one_line
from sitrep.errors import SitrepError
from sitrep.ingest import Rejected, read_path
from sitrep.model import Document, Extraction
from sitrep.store import Store

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


def dispatch_text(number: int, rng: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    """One invented dispatch, distinct from every other (its number is in it)."""
    lines = []
    for template in rng.sample(SENTENCES, rng.randint(*sentences)):
        a, b = rng.sample(ARMED, 2)
        sentence = template.format(a=a, b=b, p=rng.choice(PLACES), day=rng.choice(DAYS),
                                   n=rng.randint(2, 90))
        lines.append(sentence[0].upper() + sentence[1:])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    body = "\n\n".join(lines)
    return f" date 2025-{month:02d}-{day:02d}\n{body}\n\nReport number {number} from our desk.\n"


def write_dispatches(folder: Path, count: int, seed: int = 1,
                     sentences: tuple[int, int] = (3, 6)) -> list[Path]:
    """``count`` dispatch files in ``folder``, reproducible from ``seed``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"dispatch-{seed}-{number:05d}.txt"
        path.write_text(dispatch_text(number, rng, sentences), encoding="utf-8")
        paths.append(path)
    return paths


#: small dispatches, for tests that need many documents rather than much text
SHORT = (1, 2)

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


def snapshot_difference(left: Snapshot, right: Snapshot) -> str:
    """The first rows that differ between two snapshots, for an assertion message."""
    for table in sorted(set(left) | set(right)):
        only_left = set(left.get(table, [])) - set(right.get(table, []))
        only_right = set(right.get(table, [])) - set(left.get(table, []))
        if only_left or only_right:
            return (f"{table}: only left {sorted(only_left, key=repr)[:2]}; "
                    f"only right {sorted(only_right, key=repr)[:2]}")
    return "no difference"


def ingest_command(paths: list[Path], db: str, *flags: str) -> list[str]:
    """The command line of a real ``sitrep ingest`` run (this venv's console script)."""
    sitrep = Path(sys.executable).with_name("sitrep")
    return [str(sitrep), "ingest", *map(str, paths), "--db", db, *flags]


def _documents(folder: Path) -> list[Document]:
    return [item for item in read_path(folder) if isinstance(item, Document)]


def _ingest(folder: Path, db: Path, workers: int = 1, **options: Any) -> BatchSummary:
    with Store.open(str(db)) as store:
        return ingest_paths([folder], store, workers=workers, **options)


def test_dispatches_are_distinct_documents(tmp_path: Path) -> None:
    write_dispatches(tmp_path, 50)
    docs = _documents(tmp_path)
    assert len({d.id for d in docs}) == 50
    assert all(d.published is not None for d in docs)
    assert not _ingest(tmp_path, tmp_path / "s.db").near_duplicates


def test_two_workers_store_exactly_what_one_stores_and_skip_it_all_on_rerun(
    tmp_path: Path,
) -> None:
    write_dispatches(tmp_path / "in", 24)
    copy = tmp_path / "in" / "copy-of-first.txt"  # a republished near-copy: linked, not extracted
    first = sorted((tmp_path / "in").iterdir())[0].read_text(encoding="utf-8")
    copy.write_text(first.replace("from our desk", "from our correspondent"), encoding="utf-8")
    two = _ingest(tmp_path / "in", tmp_path / "two.db", workers=2)
    assert (two.stored, two.near_duplicates, two.skipped) == (24, 1, [])
    one = _ingest(tmp_path / "in", tmp_path / "one.db")
    assert (one.stored, one.near_duplicates, one.events) == (24, 1, two.events)
    assert store_snapshot(str(tmp_path / "two.db")) == store_snapshot(str(tmp_path / "one.db"))
    again = _ingest(tmp_path / "in", tmp_path / "two.db", workers=2)
    assert (again.stored, again.existing) == (0, 25)


def test_a_text_in_two_files_is_sent_once_even_while_the_first_is_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker may not have saved the first copy when the second is read: the second must
    not be sent too (as a near-copy of itself, it could be saved first, without events)."""
    import sitrep.engines

    first, *_ = write_dispatches(tmp_path / "in", 3, sentences=SHORT)
    (tmp_path / "in" / "z-same-text.txt").write_text(first.read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    sent: list[Job] = []

    class Holding:
        """Keeps every job until the end, as busy workers would."""

        def __enter__(self) -> Holding:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, job: Job) -> list[Any]:
            sent.append(job)
            return []

        def finish(self) -> list[Any]:
            return []

    monkeypatch.setattr(sitrep.engines, "_dispatcher", lambda *_: Holding())
    summary = _ingest(tmp_path / "in", tmp_path / "s.db", workers=2)
    assert summary.existing == 1
    assert len(sent) == 3 and all(job.doc.near_duplicate_of is None for job in sent)


def test_rejected_inputs_are_reported_with_a_reason_and_neighbours_stored(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("   \n", encoding="utf-8")
    reported: list[Rejected] = []
    summary = _ingest(tmp_path / "in", tmp_path / "s.db", workers=2, on_skip=reported.append)
    assert summary.stored == 3
    (problem,) = reported
    assert problem.path.endswith("empty.txt")
    assert problem.reason and "\n" not in problem.reason


def test_a_document_that_crashes_the_pipeline_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_dispatches(tmp_path / "in", 4)
    docs = _documents(tmp_path / "in")
    worker = DocumentWorker(str(tmp_path / "s.db"), warm=False)
    real = sitrep.batch.extract_document

    def flaky(doc: Document) -> Extraction:
        if doc.id == docs[1].id:
            raise ValueError("boom\nwith a second line")
        return real(doc)

    monkeypatch.setattr(sitrep.batch, "extract_document", flaky)
    outcomes = [worker.run(Job(doc)) for doc in docs]
    assert [o.status for o in outcomes] == ["stored", "failed", "stored", "stored"]
    assert outcomes[1].detail == "extraction failed: ValueError: boom with a second line"
    assert outcomes[1].where == docs[1].path
    assert worker.run(Job(docs[0])).status == "existing"
    worker.close()


def test_engine_and_worker_count_are_checked(tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="unknown engine"):
        _ingest(tmp_path, tmp_path / "s.db", engine="spark")
    with pytest.raises(SitrepError, match="at least 1"):
        _ingest(tmp_path, tmp_path / "s.db", workers=0)


def test_the_pool_keeps_a_bounded_number_of_documents_in_flight(tmp_path: Path) -> None:
    """Streaming: however long the input, only a few documents are queued at a time."""
    write_dispatches(tmp_path / "in", 20, sentences=SHORT)
    jobs = [Job(doc) for doc in _documents(tmp_path / "in")]
    limit = 2 * IN_FLIGHT_PER_WORKER
    seen = 0
    Store.open(str(tmp_path / "s.db")).close()  # as the batch does before it starts workers
    with PoolDispatcher(str(tmp_path / "s.db"), 2) as pool:
        for job in jobs:
            seen += len(list(pool.submit(job)))
            assert len(pool._pending) < limit
        seen += len(list(pool.finish()))
    assert seen == 20


def test_a_worker_that_cannot_open_the_store_stops_the_batch_with_one_line(
    tmp_path: Path,
) -> None:
    write_dispatches(tmp_path / "in", 2)
    with pytest.raises(SitrepError, match="worker could not start"), \
            PoolDispatcher(str(tmp_path / "in"), 2) as pool:  # a folder is no database
        list(pool.submit(Job(_documents(tmp_path / "in")[0])))
        list(pool.finish())


def test_one_line_flattens_and_shortens() -> None:
    assert one_line("a\nb\tc  d") == "a b c d"
    assert len(one_line("x" * 1000)) == 300


def test_ray_workers_get_an_absolute_sqlite_path(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.engines.ray_engine import absolute_sqlite

    monkeypatch.chdir(tmp_path)
    assert absolute_sqlite("sqlite:///rel.db") == f"sqlite:///{tmp_path / 'rel.db'}"
    assert absolute_sqlite("sqlite:////abs/x.db") == "sqlite:////abs/x.db"
    url = "postgresql://u:secret@h/db"
    assert absolute_sqlite(url) == url
