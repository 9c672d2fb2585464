"""`sitrep ingest --engine ray` on a local Ray with 2 CPUs stores exactly what the local engine
stores: every row of every table."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from test_engines import (
    SHORT,
    ingest_command,
    snapshot_difference,
    store_snapshot,
    write_dispatches,
)


def _ray_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")}
    env["RAY_USAGE_STATS_ENABLED"] = "0"  # never phone home
    return env


@pytest.mark.slow
def test_ray_engine_stores_exactly_what_the_local_engine_stores(tmp_path: Path) -> None:
    """One Ray start checks both: equality with a local run, and resuming a local run."""
    write_dispatches(tmp_path / "in", 30, seed=9, sentences=SHORT)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    ray_db, local_db = str(tmp_path / "ray.db"), str(tmp_path / "local.db")
    _ingest([tmp_path / "in"], local_db)
    _ingest(sorted((tmp_path / "in").glob("dispatch-*"))[:10], ray_db)  # Ray resumes this

    ray = _ingest([tmp_path / "in"], ray_db, "--engine", "ray", "--workers", "2")
    assert "empty.txt" in ray.stderr  # the rejected input is reported by the Ray run too

    from_ray = store_snapshot(ray_db)
    assert len(from_ray["documents"]) == 30
    from_local = store_snapshot(local_db)
    assert from_ray == from_local, snapshot_difference(from_ray, from_local)


def _ingest(paths: list[Path], db: str, *flags: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(paths, db, *flags), capture_output=True, text=True,
                          timeout=400, env=_ray_environment(), check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done
