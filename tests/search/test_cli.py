"""``cablebrowser search`` on an index built from the test archive."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from cablebrowser.cli import main
from cablebrowser.search import build_index, index_path

from .conftest import FakeStore


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory):
    """A database path whose index holds the test archive (the database itself is not read)."""
    path = tmp_path_factory.mktemp("cli") / "archive.db"
    build_index(FakeStore(corpus), index_path(path))
    return path


def run(*arguments: str):
    return CliRunner().invoke(main, ["search", *arguments])


def test_text_output_lists_hits(db):
    result = run("nazarbayev -pipelines", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.split()[0] == "05ALMATY3603"
    assert "1 cables match" in result.stderr


def test_json_output_has_hits_facets_and_histogram(db):
    data = json.loads(run("tag:PGOV", "--db", str(db), "--json").stdout)
    assert data["total"] == 3 and len(data["hits"]) == 3
    assert dict(map(tuple, data["facets"]["tag"]))["PGOV"] == 3
    assert [month for month, _ in data["histogram"]] == [
        "2005-10",
        "2006-01",
        "2010-02",
    ]


def test_csv_output_pages_and_sorts(db):
    out = run(
        "--db",
        str(db),
        "--csv",
        "--limit",
        "2",
        "--page",
        "2",
        "--sort",
        "date",
        "--",
        "-gazprom",
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["reference_id"] for row in rows] == ["06TEHRAN77", "08LONDON2627"]


def test_id_query_names_the_cable(db):
    result = run("05 ALMATY 3603", "--db", str(db))
    assert "names cable 05ALMATY3603" in result.stderr


@pytest.mark.parametrize(
    "query",
    ['"unclosed', "iran AND", "foo:bar", "from:2005-13", "", "(a", "x" * 10_000],
)
def test_malformed_query_is_one_line_without_traceback(db, query):
    result = run("--db", str(db), "--", query)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output and result.stdout == ""


def test_missing_index_is_one_line(tmp_path):
    result = run("iran", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "run `cablebrowser index`" in result.stderr
