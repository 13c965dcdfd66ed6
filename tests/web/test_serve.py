"""The ``serve`` command: options, settings, a clear error without a database."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from cablebrowser.cli import main


def test_serve_without_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert (
        "no archive database at" in result.output and "Traceback" not in result.output
    )


def test_serve_rejects_a_bad_port() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_serve_help_names_every_option() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    for option in ("--db", "--host", "--port", "--workers", "Example:"):
        assert option in result.output


def test_serve_on_a_taken_port_is_a_one_line_error(sample_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", "--db", str(sample_db), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert "address already in use" in result.output.lower()
    assert "Traceback" not in result.output
