"""PostgreSQL: `sitrep ingest --db postgresql://…` stores what SQLite stores, and concurrent
ingests into one database lose and double nothing (SQLite checked the same way).

Needs a real server: ``SITREP_TEST_PG_URL`` (``eval "$(bash dev/services)"`` sets it; dev/test
and CI do). Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from test_engines import (
    SHORT,
    VOLATILE_COLUMNS,
    Snapshot,
    ingest_command,
    snapshot_difference,
    store_snapshot,
    write_dispatches,
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server."""
    base = os.environ.get("SITREP_TEST_PG_URL")
    if not base:
        pytest.fail("SITREP_TEST_PG_URL is not set: run `eval \"$(bash dev/services)\"` first "
                    "(it starts a PostgreSQL server on 127.0.0.1)")
    name = f"sitrep_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _ingest(paths: list[Path], db: str, *flags: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(paths, db, *flags), capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_postgresql_store_holds_exactly_what_sqlite_holds(tmp_path: Path, pg_url: str) -> None:
    write_dispatches(tmp_path / "in", 12, seed=3)
    _ingest([tmp_path / "in"], pg_url)
    _ingest([tmp_path / "in"], str(tmp_path / "s.db"))
    postgres, sqlite = store_snapshot(pg_url), store_snapshot(str(tmp_path / "s.db"))
    assert len(postgres["documents"]) == 12
    assert postgres == sqlite


def test_postgresql_store_reports_an_unreachable_server_in_one_line(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 1)
    done = subprocess.run(ingest_command([tmp_path / "in"], "postgresql://nobody@127.0.0.1:1/x"),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "sitrep: error:" in done.stderr


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot]:
    """Inputs a (40 documents) and b (60, 20 of them a's), and the store of a then b."""
    folder = tmp_path_factory.mktemp("overlapping")
    write_dispatches(folder / "a", 40, seed=11, sentences=SHORT)
    write_dispatches(folder / "b", 40, seed=12, sentences=SHORT)
    for path in sorted((folder / "a").iterdir())[:20]:  # the same 20 documents in both
        (folder / "b" / path.name).write_bytes(path.read_bytes())
    db = str(folder / "sequential.db")
    _ingest([folder / "a"], db)
    _ingest([folder / "b"], db)
    return folder, _without_paths(store_snapshot(db))


def _two_concurrent_ingests(folder: Path, db: str) -> Snapshot:
    """Two processes with 2 workers each, started together, over the overlapping inputs."""
    runs = [subprocess.Popen(ingest_command([folder / name], db, "--workers", "2"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("a", "b")]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err[-2000:]
    return store_snapshot(db)


def _without_paths(snapshot: Snapshot) -> Snapshot:
    """A document in both inputs keeps the path of whichever process stored it first."""
    from sitrep.store import schema

    where = [c.name for c in schema.documents.columns
             if c.name not in VOLATILE_COLUMNS].index("path")
    documents = [row[:where] + row[where + 1:] for row in snapshot["documents"]]
    return {**snapshot, "documents": sorted(documents, key=repr)}


@pytest.mark.slow
def test_two_concurrent_ingests_into_postgresql_lose_and_double_nothing(
    overlapping: tuple[Path, Snapshot], pg_url: str,
) -> None:
    folder, expected = overlapping
    got = _without_paths(_two_concurrent_ingests(folder, pg_url))
    assert len(got["documents"]) == 80
    assert got == expected, snapshot_difference(got, expected)


@pytest.mark.slow
def test_two_concurrent_ingests_into_sqlite_lose_and_double_nothing(
    overlapping: tuple[Path, Snapshot], tmp_path: Path,
) -> None:
    folder, expected = overlapping
    got = _without_paths(_two_concurrent_ingests(folder, str(tmp_path / "shared.db")))
    assert len(got["documents"]) == 80
    assert got == expected, snapshot_difference(got, expected)


def _open_at_once(db: str, processes: int = 4) -> None:
    """Several processes open (and so migrate) the same fresh store at the same moment."""
    script = "import sys; from sitrep.store import Store; Store.open(sys.argv[1]).close()"
    runs = [subprocess.Popen([sys.executable, "-c", script, db], stderr=subprocess.PIPE,
                             text=True) for _ in range(processes)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert all(run.returncode == 0 for run in runs), "\n".join(errors)[-2000:]


def test_processes_opening_a_fresh_postgresql_store_together_all_succeed(pg_url: str) -> None:
    _open_at_once(pg_url)
    assert store_snapshot(pg_url)["schema_version"]


def test_processes_opening_a_fresh_sqlite_store_together_all_succeed(tmp_path: Path) -> None:
    _open_at_once(str(tmp_path / "fresh.db"))
    assert store_snapshot(str(tmp_path / "fresh.db"))["schema_version"]
