"""Settings: precedence flag > environment > config file > default, and all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import settings
from sitrep.errors import ConfigError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_CONFIG", str(tmp_path / "config.toml"))
    for setting in settings.SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    settings._file_values.cache_clear()


def test_every_setting_is_documented() -> None:
    page = DOCS.read_text(encoding="utf-8")
    for setting in settings.SETTINGS:
        assert f"`{setting.name}`" in page and setting.env in page, setting.name


def test_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert settings.get("workers") == 1
    (tmp_path / "config.toml").write_text("workers = 3\n")
    settings._file_values.cache_clear()
    assert settings.get("workers") == 3
    monkeypatch.setenv("SITREP_WORKERS", "4")
    assert settings.get("workers") == 4
    assert settings.get("workers", 5) == 5


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("colour = 'red'\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        settings.get("db")
