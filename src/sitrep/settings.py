"""sitrep's settings: one table with defaults, types and help.

Precedence: command-line flag > environment variable > user config file
(``~/.config/sitrep/config.toml``, or ``$SITREP_CONFIG``) > default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str

    @property
    def env(self) -> str:
        return "SITREP_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sitrep.db", str,
            "Database: a SQLite file path or an SQLAlchemy URL (sqlite:///…, postgresql://…)."),
    Setting("cache_dir", str(Path.home() / ".cache" / "sitrep"), str,
            "Where compiled indexes (gazetteer) are kept; built on first use."),
    Setting("workers", 1, int, "Processes used by `sitrep ingest`."),
    Setting("near_duplicate_threshold", 0.8, float,
            "MinHash Jaccard estimate above which a document is a republished near-copy."),
    Setting("article_timeout", 300.0, float,
            "Seconds `sitrep ingest` may spend extracting one article before it skips it "
            "(0: no limit)."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def config_path() -> Path:
    return Path(os.environ.get("SITREP_CONFIG", Path.home() / ".config" / "sitrep" / "config.toml"))


@cache
def _file_values() -> dict[str, Any]:
    path = config_path()
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    unknown = set(data) - set(_BY_NAME)
    if unknown:
        raise ConfigError(f"config file {path}: unknown setting(s) {', '.join(sorted(unknown))}")
    return data


def get(name: str, flag: Any = None) -> Any:
    """The value of setting ``name``; ``flag`` is the command-line value, if given."""
    setting = _BY_NAME[name]
    if flag is not None:
        return setting.type(flag)
    raw = os.environ.get(setting.env)
    if raw is None:
        raw = _file_values().get(name)
    if raw is None:
        return setting.default
    try:
        return setting.type(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name}={raw!r} is not a valid {setting.type.__name__}") from exc
