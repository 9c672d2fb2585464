"""A batch killed with SIGKILL halfway and run again stores every document exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import psutil
import pytest

from sitrep.store import Store
from test_engines import SHORT, ingest_command, store_snapshot, write_dispatches

DOCUMENTS = 200


def _stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _kill_when_some_are_stored(run: subprocess.Popen[str], db: Path, at_least: int) -> None:
    """SIGKILL the batch (its main process only, as `kill -9 PID` would) mid-way."""
    deadline = time.monotonic() + 240
    while _stored_count(db) < at_least:
        assert run.poll() is None, "the batch ended before it could be killed"
        assert time.monotonic() < deadline, "the batch stored nothing in 4 minutes"
        time.sleep(0.02)
    workers = psutil.Process(run.pid).children(recursive=True)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    _, alive = psutil.wait_procs(workers, timeout=20)
    for orphan in alive:  # do not leave them behind, but fail: they should have stopped
        orphan.kill()
    assert not alive, "worker processes outlived their killed batch"


def _stored_paths(db: Path) -> dict[str, str]:
    with sqlite3.connect(db, timeout=5) as conn:
        return dict(conn.execute("SELECT id, path FROM documents").fetchall())


def _extractions(db: Path, ids: list[str]) -> dict[str, dict[str, object]]:
    with Store.open(str(db)) as store:
        return {x.document.id: x.to_gold_dict() for x in store.load_extractions(ids)}


@pytest.mark.slow
def test_a_batch_killed_halfway_resumes_and_stores_each_document_once(tmp_path: Path) -> None:
    write_dispatches(tmp_path / "in", DOCUMENTS, seed=5, sentences=SHORT)
    db = tmp_path / "killed.db"
    command = ingest_command([tmp_path / "in"], str(db), "--workers", "2")
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           text=True)
    _kill_when_some_are_stored(run, db, at_least=DOCUMENTS // 10)
    before = _stored_paths(db)
    assert 0 < len(before) < DOCUMENTS

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"already present {len(before)}," in rerun.stdout
    assert _stored_count(db) == DOCUMENTS  # ids are primary keys: none can be there twice

    # what was stored before the kill is whole: the same as a clean run of those files
    clean = tmp_path / "clean.db"
    subprocess.run(ingest_command(sorted(map(Path, before.values())), str(clean)),
                   capture_output=True, timeout=600, check=True)
    ids = sorted(before)
    resumed, reference = _extractions(db, ids), _extractions(clean, ids)
    assert resumed.keys() == reference.keys() == set(ids)
    different = [i for i in ids if resumed[i] != reference[i]]
    assert not different, (resumed[different[0]], reference[different[0]])
    assert len(store_snapshot(str(db))["documents"]) == DOCUMENTS
