"""Tests that stop drift between the code and its documentation."""

from __future__ import annotations

import click
from click.testing import CliRunner

import cablebrowser
from cablebrowser.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return sorted(main.commands)


def test_every_command_has_help() -> None:
    for name in _commands():
        command = main.commands[name]
        assert command.help, name
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name


def test_every_command_is_in_the_readme() -> None:
    for name in _commands():
        assert f"cablebrowser {name}" in README, name


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:600]
    assert "bash scripts/serve" in head
    assert "bash scripts/test" in head


def test_ci_runs_the_readme_test_command() -> None:
    assert "bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_all_is_sorted_and_exported() -> None:
    assert cablebrowser.__all__ == sorted(cablebrowser.__all__)
    for name in cablebrowser.__all__:
        assert hasattr(cablebrowser, name), name


def test_commands_are_click_commands() -> None:
    assert all(isinstance(main.commands[name], click.Command) for name in _commands())
