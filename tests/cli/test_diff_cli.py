"""`cablebrowser diff` on a small archive of three releases: redacted, rewrapped, revealed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablebrowser.cli import main
from cablebrowser.parse import parse_record
from cablebrowser.record import Form, SourceRecord
from cablebrowser.store import open_store

CABLE_ID = "09TESTPOST3"
FULL = """CONFIDENTIAL TESTPOST 000003

SUBJECT: A MEETING

1. (C) The minister met Ivan Petrov and his deputy in Sofia
on 12 May. Petrov asked for help.
"""
REDACTED = FULL.replace("Ivan Petrov", "XXXXXXXXXXXX").replace(
    "Petrov asked", "XXXXXXXXXXXX asked"
)
REWRAPPED = REDACTED.replace("deputy in Sofia\non", "deputy\nin Sofia on")
RELEASES = [
    ("first", datetime(2010, 11, 30), FULL),
    ("second", datetime(2010, 12, 22), REDACTED),
    ("third", datetime(2011, 4, 25), REWRAPPED),
    ("fourth", datetime(2011, 9, 1), FULL.replace("12 May", "14 May")),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("diff-cli") / "cables.db"
    store = open_store(path)
    for name, released, body in RELEASES:
        record = SourceRecord(
            CABLE_ID,
            Form.TEXT,
            f"{name}/{CABLE_ID}.txt",
            body=body,
            created=datetime(2009, 5, 12),
        )
        store.start_release(name, released, "tests")
        store.add_versions(name, [(record, parse_record(record))])
        store.finish_release(name, released)
    store.close()
    return str(path)


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args, "--db", db])
    return result.exit_code, result.output


def test_default_is_the_last_change(db: str) -> None:
    code, output = run(db, CABLE_ID)
    assert code == 0
    lines = output.splitlines()
    assert lines[:3] == [
        "--- third (text, unchanged)",
        "+++ fourth (text, unredacted)",
        "@@ 2 revealed, 1 changed @@",
    ]
    assert (
        "1. (C) The minister met [-XXXXXXXXXXXX-]{+Ivan Petrov+}<revealed> and his deputy in Sofia"
        in lines
    )
    assert (
        "on [-12-]{+14+} May. [-XXXXXXXXXXXX-]{+Petrov+}<revealed> asked for help."
        in lines
    )
    assert lines[-3:] == [
        "Redactions in third, and what fourth says there:",
        "  1. XXXXXXXXXXXX: Ivan Petrov",
        "  2. XXXXXXXXXXXX: Petrov",
    ]


def test_redacting_release(db: str) -> None:
    code, output = run(db, CABLE_ID.lower(), "--from", "first", "--to", "second")
    assert code == 0
    assert "met [-Ivan Petrov-]{+XXXXXXXXXXXX+}<redacted> and" in output
    assert "Redactions in second, and what first says there:" in output


def test_rewrapped_release_has_no_differences(db: str) -> None:
    code, output = run(db, CABLE_ID, "--from", "second", "--to", "third")
    assert (code, output.splitlines()[-1]) == (
        0,
        "no differences (whitespace and line breaks aside)",
    )


def test_json(db: str) -> None:
    code, output = run(db, CABLE_ID, "--from", "second", "--to", "fourth", "--json")
    assert code == 0
    data = json.loads(output)
    assert (data["from"]["release"], data["to"]["release"], data["to"]["change"]) == (
        "second",
        "fourth",
        "unredacted",
    )
    assert data["counts"] == {"unredacted": 2, "replace": 1}
    assert "".join(s["new"] for s in data["segments"]) == FULL.replace(
        "12 May", "14 May"
    )
    assert [(m["hidden"], m["exact"]) for m in data["redactions_from"]] == [
        ("Ivan Petrov", True),
        ("Petrov", True),
    ]
    assert all(
        REDACTED[m["start"] : m["end"]] == m["marker"] for m in data["redactions_from"]
    )
    assert data["redactions_to"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["09NOSUCH1"], "no cable with text has the ID '09NOSUCH1'"),
        (
            [CABLE_ID, "--from", "nope"],
            "09TESTPOST3 has no version in release 'nope'; it has: first, second, third, fourth",
        ),
    ],
    ids=["unknown-cable", "unknown-release"],
)
def test_errors_are_one_line(db: str, args: list[str], message: str) -> None:
    code, output = run(db, *args)
    assert code == 1
    assert output.strip() == f"Error: {message}"


def test_missing_archive_is_an_error(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "none.db"), CABLE_ID)
    assert code == 1
    assert "no archive at" in output
    assert not (tmp_path / "none.db").exists()
