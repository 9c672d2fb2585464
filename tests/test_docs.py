"""The README and `sitrep --help` name every command (datasette's habit: undocumented fails)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_command_is_in_the_readme_and_the_help() -> None:
    readme = README.read_text(encoding="utf-8")
    help_text = CliRunner().invoke(main, ["--help"]).output
    for name in main.commands:
        assert f"sitrep {name}" in readme, f"README does not show `sitrep {name}`"
        assert name in help_text


def test_readme_gives_the_two_commands() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "bash dev/demo" in readme and "bash dev/test" in readme
