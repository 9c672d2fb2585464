"""`sitrep places`: each mention with its resolution, identifiers and reasons."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

DISPATCH = """ date 2025-03-04 Junta troops shelled Kyaukme town in northern Shan State on Monday,
residents said. Fighters also clashed near Zee Kone, some 5 kilometers from Hohko in
Nawnghkio Township, a Myanmar resistance group said.
"""
ABROAD = """ date 2025-03-05 Sudan's army said on Tuesday it had pushed the Rapid Support Forces
out of parts of Khartoum, the capital.
"""


def _run(tmp_path: Path, *args: str) -> str:
    article = tmp_path / "dispatch.txt"
    article.write_text(DISPATCH, encoding="utf-8")
    (tmp_path / "abroad.txt").write_text(ABROAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    paths = [str(article), str(tmp_path / "abroad.txt"), str(tmp_path / "empty.txt")]
    result = CliRunner().invoke(main, ["places", *args, *paths])
    assert result.exit_code == 0, result.output
    return result.output


def test_places_lists_each_mention_with_its_reason(tmp_path: Path) -> None:
    out = _run(tmp_path)
    assert "dispatch.txt (published 2025-03-04)" in out
    assert "Kyaukme → Kyaukme (town): Shan / Kyaukme / Kyaukme, Myanmar" in out
    assert "why: MIMU town Kyaukme" in out
    assert "estimated" in out  # Zee Kone, in no gazetteer, placed from Hohko
    assert "skipped" in out and "empty.txt" in out


def test_places_json_carries_identifiers_and_admin_levels(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in _run(tmp_path, "--json").splitlines()
            if line.startswith("{")]
    by_name = {row["name"]: row for row in rows}
    kyaukme = by_name["Kyaukme"]
    assert kyaukme["gazetteer_id"].startswith("MIMU MMR015")  # northern Shan's p-codes
    assert (kyaukme["admin1"], kyaukme["admin2"], kyaukme["admin3"]) == (
        "Shan", "Kyaukme", "Kyaukme")
    township = by_name["Nawnghkio"]
    assert township["kind"] == "township" and township["admin2"] == "Kyaukme"
    zee_kone = by_name["Zee Kone"]
    assert zee_kone["estimated"] and zee_kone["near"] == ["Hohko"]
    khartoum = by_name["Khartoum"]
    assert khartoum["country"] == "Sudan" and khartoum["gazetteer_id"].startswith("GeoNames ")
    assert {Path(row["document"]).name for row in rows} == {"dispatch.txt", "abroad.txt"}
    assert all(row["spans"] for row in rows)
