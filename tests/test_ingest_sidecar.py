"""A folder's SOURCES.tsv fills the metadata its plain-text and HTML files lack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.ingest import Rejected, read_path
from sitrep.model import Document

STORY = ("Gunmen attacked a supply convoy near Menaka on Tuesday, killing four soldiers, "
         "a local official said.")
OTHER = "Drone strikes hit two villages outside Kupiansk overnight, regional officials said."
SIDECAR = ("id\tsource\turl\tdate\n"
           "menaka\tSahel Desk\thttps://s.org/menaka\t2024-11-05\n"
           "kupiansk\tEast Wire\thttps://e.org/k\tnot a date\n"
           "prefixed\tEast Wire\t\t2020-01-01\n")


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "SOURCES.tsv").write_text(SIDECAR, encoding="utf-8")
    (tmp_path / "menaka.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "kupiansk.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "prefixed.txt").write_text(f" date 2024-12-01 {OTHER} Again.", encoding="utf-8")
    (tmp_path / "unlisted.txt").write_text(STORY + " More.", encoding="utf-8")
    return tmp_path


def _by_name(folder: Path) -> dict[str, Document | Rejected]:
    return {Path(item.path).stem: item for item in read_path(folder)}


def test_sidecar_fills_source_url_and_date(tmp_path: Path) -> None:
    docs = _by_name(_folder(tmp_path))
    assert "SOURCES" not in docs  # metadata, not an article
    menaka = docs["menaka"]
    assert isinstance(menaka, Document)
    assert (menaka.source, menaka.url) == ("Sahel Desk", "https://s.org/menaka")
    assert menaka.published == date(2024, 11, 5) and menaka.published_precision == "day"


def test_own_date_wins_and_bad_sidecar_values_are_ignored(tmp_path: Path) -> None:
    docs = _by_name(_folder(tmp_path))
    prefixed, kupiansk, unlisted = docs["prefixed"], docs["kupiansk"], docs["unlisted"]
    assert isinstance(prefixed, Document) and prefixed.published == date(2024, 12, 1)
    assert prefixed.source == "East Wire" and prefixed.url is None
    assert isinstance(kupiansk, Document) and kupiansk.published is None
    assert isinstance(unlisted, Document) and unlisted.source is None


def test_a_tsv_without_id_column_is_not_a_sidecar(tmp_path: Path) -> None:
    (tmp_path / "sources.tsv").write_text("name\tsource\nmenaka\tX\n", encoding="utf-8")
    (tmp_path / "menaka.txt").write_text(STORY, encoding="utf-8")
    [doc] = list(read_path(tmp_path))
    assert isinstance(doc, Document) and doc.source is None


def test_an_edited_sidecar_is_read_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert _by_name(folder)["menaka"].source == "Sahel Desk"  # type: ignore[union-attr]
    edited = SIDECAR.replace("Sahel Desk", "Sahel Desk (updated)")
    (folder / "SOURCES.tsv").write_text(edited + "\n", encoding="utf-8")
    assert _by_name(folder)["menaka"].source == "Sahel Desk (updated)"  # type: ignore[union-attr]
