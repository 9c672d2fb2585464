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
    VOLATILE_COLUMNS,
    Snapshot,
    ingest_command,
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
    write_dispatches(tmp_path / "in", 20, seed=3)
    _ingest([tmp_path / "in"], pg_url)
    _ingest([tmp_path / "in"], str(tmp_path / "s.db"))
    postgres, sqlite = store_snapshot(pg_url), store_snapshot(str(tmp_path / "s.db"))
    assert len(postgres["documents"]) == 20
    assert postgres == sqlite


def test_postgresql_store_reports_an_unreachable_server_in_one_line(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", 1)
    done = subprocess.run(ingest_command([tmp_path / "in"], "postgresql://nobody@127.0.0.1:1/x"),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "sitrep: error:" in done.stderr


def _two_overlapping_ingests(tmp_path: Path, db: str) -> None:
    """Two processes, started together, over 60 and 90 documents of which 30 are shared."""
    write_dispatches(tmp_path / "a", 60, seed=11)
    write_dispatches(tmp_path / "b", 60, seed=12)
    shared = sorted((tmp_path / "a").iterdir())[:30]
    for path in shared:  # the same 30 documents in both inputs
        (tmp_path / "b" / path.name).write_bytes(path.read_bytes())
    runs = [subprocess.Popen(ingest_command([tmp_path / name], db, "--workers", "2"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("a", "b")]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err[-2000:]


def _expected_snapshot(tmp_path: Path) -> Snapshot:
    db = str(tmp_path / "sequential.db")
    _ingest([tmp_path / "a"], db)
    _ingest([tmp_path / "b"], db)
    return store_snapshot(db)


def _without_paths(snapshot: Snapshot) -> Snapshot:
    from sitrep.store import schema

    where = [c.name for c in schema.documents.columns
             if c.name not in VOLATILE_COLUMNS].index("path")
    documents = [row[:where] + row[where + 1:] for row in snapshot["documents"]]
    return {**snapshot, "documents": sorted(documents, key=repr)}


@pytest.mark.slow
def test_two_concurrent_ingests_into_postgresql_lose_and_double_nothing(
    tmp_path: Path, pg_url: str,
) -> None:
    _two_overlapping_ingests(tmp_path, pg_url)
    snapshot = store_snapshot(pg_url)
    assert len(snapshot["documents"]) == 120
    # a document in both inputs keeps the path of whichever process stored it first
    assert _without_paths(snapshot) == _without_paths(_expected_snapshot(tmp_path))


@pytest.mark.slow
def test_two_concurrent_ingests_into_sqlite_lose_and_double_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    _two_overlapping_ingests(tmp_path, db)
    snapshot = store_snapshot(db)
    assert len(snapshot["documents"]) == 120
    # a document in both inputs keeps the path of whichever process stored it first
    assert _without_paths(snapshot) == _without_paths(_expected_snapshot(tmp_path))


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
