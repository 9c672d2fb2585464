"""`sitrep extract` writes GOLD.md's schema: the gold's keys, plus only `x_` extras."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "seed001.json"
ARTICLE = (" date 2025-09-12 Junta troops recaptured Kyaukme town from the TNLA on Tuesday, "
           "a resistance source said. Rumors have circulated that the TNLA may hand over "
           "Hsipaw town. TNLA administrations are still running in Mogoke town, the TNLA said.")


def keys_of(records: list[dict]) -> set[str]:
    return {k for r in records for k in r}


def test_output_has_the_gold_schema(tmp_path: Path) -> None:
    (tmp_path / "dispatch.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "dispatch.txt"),
                                       "--json", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = json.loads((tmp_path / "out" / "dispatch.json").read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert out["id"] == "dispatch" and out["published"] == "2025-09-12"
    assert set(gold) <= set(out)
    for part in ("events", "control", "places", "claims"):
        assert out[part], f"nothing extracted for {part}"
        mine = keys_of(out[part])
        assert keys_of(gold[part]) - {"optional", "notes", "injured"} <= mine, part
        assert all(k.startswith("x_") for k in mine - keys_of(gold[part]) - {"injured"}), part
