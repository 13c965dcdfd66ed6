"""`cablebrowser ingest`, `show` and `stats`: exit codes, reports, resume after kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablebrowser.cli import main
from cablebrowser.store import open_store
from tests.conftest import SEED
from tests.test_ingest import csv_row, write_csv


def invoke(*args: str | Path):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def dump_csv(tmp_path: Path) -> Path:
    rows = [csv_row(n) for n in range(1, 4)] + [csv_row(4, ref="7575LIBREVILLE1895")]
    return write_csv(tmp_path / "dump-2011-09-01.csv", rows)


@pytest.fixture
def db(tmp_path: Path, dump_csv: Path) -> Path:
    path = tmp_path / "archive.db"
    ids = tmp_path / "ids" / "cable2month.csv"
    ids.parent.mkdir()
    ids.write_text("66BUENOSAIRES1,12\n09STATE4134,1\n")
    result = invoke("ingest", dump_csv, ids, SEED, "--db", path, "--workers", "1")
    assert result.exit_code == 0, result.output
    return path


def test_ingest_reports_on_stderr_and_writes_json(
    tmp_path: Path, dump_csv: Path
) -> None:
    report = tmp_path / "report.json"
    result = invoke(
        "ingest",
        dump_csv,
        "--db",
        tmp_path / "a.db",
        "--report",
        report,
        "--workers",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (
        "csv" in result.stderr
        and "Release dump-2011-09-01 (2011-09-01T00:00:00): new 4" in result.stderr
    )
    data = json.loads(report.read_text())
    assert (
        data["added"] == {"csv": 4}
        and data["skipped"] == []
        and data["unchanged"] is False
    )


def test_second_ingest_says_nothing_changed(tmp_path: Path, dump_csv: Path) -> None:
    invoke("ingest", dump_csv, "--db", tmp_path / "a.db", "--workers", "1")
    result = invoke("ingest", dump_csv, "--db", tmp_path / "a.db", "--workers", "1")
    assert result.exit_code == 0
    assert "Nothing new" in result.stderr and "new 4" in result.stderr
    assert result.stderr.startswith("Ingested 4 cable records")


def test_ingest_updates_the_search_index(tmp_path: Path, dump_csv: Path) -> None:
    db = tmp_path / "a.db"
    result = invoke("ingest", dump_csv, "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert f"Search index {tmp_path / 'a.index'}: 4 cables." in result.stderr
    found = invoke("search", "quoted", "--db", db, "--json", "--sort", "date")
    assert found.exit_code == 0, found.output
    assert {hit["reference_id"] for hit in json.loads(found.stdout)["hits"]} == {
        "66BUENOSAIRES1",
        "66BUENOSAIRES2",
        "66BUENOSAIRES3",
        "7575LIBREVILLE1895",
    }
    # Nothing new stored: the index is left as it is.
    again = invoke("ingest", dump_csv, "--db", db, "--workers", "1")
    assert again.exit_code == 0 and "Search index" not in again.stderr


def test_a_later_ingest_adds_its_cables_to_the_index(
    tmp_path: Path, dump_csv: Path
) -> None:
    db = tmp_path / "a.db"
    invoke("ingest", dump_csv, "--db", db, "--workers", "1")
    later = write_csv(
        tmp_path / "dump-2011-10-01.csv",
        [csv_row(9, body="UNCLASSIFIED\nSUBJECT: HONDURAS\n1. TEGUCIGALPA CALLING.\n")],
    )
    assert invoke("ingest", later, "--db", db, "--workers", "1").exit_code == 0
    found = json.loads(invoke("search", "tegucigalpa", "--db", db, "--json").stdout)
    assert [hit["reference_id"] for hit in found["hits"]] == ["66BUENOSAIRES9"]


def test_no_index_leaves_the_index_alone(tmp_path: Path, dump_csv: Path) -> None:
    db = tmp_path / "a.db"
    result = invoke("ingest", dump_csv, "--db", db, "--workers", "1", "--no-index")
    assert result.exit_code == 0 and "Search index" not in result.stderr
    assert not (tmp_path / "a.index").exists()
    missing = invoke("search", "libreville", "--db", db)
    assert missing.exit_code != 0 and "cablebrowser index" in missing.output


def test_the_id_list_is_no_release(db: Path) -> None:
    stats = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert list(stats["releases"]) == ["dump-2011-09-01", "cablebrowser-2"]
    assert stats["known"] == 2


def test_db_from_environment(tmp_path: Path, dump_csv: Path) -> None:
    path = tmp_path / "env.db"
    result = CliRunner().invoke(
        main,
        ["ingest", str(dump_csv), "--workers", "1"],
        env={"CABLEBROWSER_DB": str(path)},
    )
    assert result.exit_code == 0 and path.is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{tmp}/nowhere.csv"], 2, "does not exist"),
        ([], 2, "Missing argument"),
        (["{csv}", "--released", "yesterday"], 2, "not a date"),
        (["{csv}", "--workers", "0"], 2, "--workers"),
        (["{csv}", "--format", "doc"], 2, "--format"),
        (["{tmp}/junk.txt"], 1, "not a cable form"),
        (
            ["{tmp}/junk.txt", "{csv}", "--strict"],
            1,
            "Stopped at the first skipped input",
        ),
        (["{csv}", "--db", "{tmp}"], 1, "folder"),
    ],
    ids=[
        "missing-path",
        "no-path",
        "bad-date",
        "bad-workers",
        "bad-format",
        "junk-file",
        "strict",
        "db-is-folder",
    ],
)
def test_bad_usage_and_bad_input(
    tmp_path: Path, dump_csv: Path, args: list[str], code: int, message: str
) -> None:
    (tmp_path / "junk.txt").write_text("nothing here resembles a cable\n")
    filled = [arg.format(tmp=tmp_path, csv=dump_csv) for arg in args]
    db_args = [] if "--db" in filled else ["--db", str(tmp_path / "a.db")]
    result = (
        invoke("ingest", *filled, *db_args, "--workers", "1")
        if "--workers" not in filled
        else invoke("ingest", *filled, *db_args)
    )
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_show_text_view(db: Path) -> None:
    result = invoke("show", "66BUENOSAIRES2", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in (
        "Identifier: 66BUENOSAIRES2",
        "Origin: Embassy Buenos Aires",
        "Created: 1966-12-28 18:48:00",
        "Classification: UNCLASSIFIED",
        "Tags: PREL PGOV",
        "Redacted: This cable was not redacted by Wikileaks.",
    ):
        assert line in out
    assert out.rstrip().endswith(
        "Latest source of this page is dump-2011-09-01, released 2011-09-01"
    )


def test_show_seed_page_keeps_its_release_and_partial_note(db: Path) -> None:
    result = invoke("show", "05almaty3603_a", "--db", db)
    assert result.exit_code == 0, result.output
    assert "This record is a partial extract of the original cable." in result.stdout
    assert "Origin: US Office Almaty" in result.stdout
    assert result.stdout.rstrip().endswith(
        "Latest source of this page is cablebrowser-2, released 2011-10-04"
    )


@pytest.mark.parametrize(
    "any_id",
    ["7575LIBREVILLE1895", "75LIBREVILLE1895", "75LIBREVILLE1895_a"],
    ids=["wikileaks", "canonical", "plusd"],
)
def test_show_json_by_any_id(db: Path, any_id: str) -> None:
    result = invoke("show", any_id, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reference_id"] == "7575LIBREVILLE1895"
    assert [
        (v["release"], v["date"], v["form"], v["change"]) for v in data["versions"]
    ] == [("dump-2011-09-01", "2011-09-01T00:00:00", "csv", "new")]


def test_show_known_cable_without_text(db: Path) -> None:
    result = invoke("show", "09STATE4134", "--db", db)
    assert result.exit_code == 0
    assert "known cable, but the archive holds no text" in result.stdout
    data = json.loads(invoke("show", "09STATE4134", "--db", db, "--json").stdout)
    assert data == {
        "reference_id": "09STATE4134",
        "has_text": False,
        "year": 2009,
        "month": 1,
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "10NOWHERE1"], "unknown cable ID"),
        (["show", "66BUENOSAIRES2", "--release", "nope"], "has no version"),
    ],
    ids=["unknown-id", "unknown-release"],
)
def test_show_errors_exit_1(db: Path, args: list[str], message: str) -> None:
    result = invoke(*args, "--db", db)
    assert (
        result.exit_code == 1
        and message in result.output
        and "Traceback" not in result.output
    )


@pytest.mark.parametrize(
    "command", ["show 66BUENOSAIRES2", "stats"], ids=["show", "stats"]
)
def test_no_archive_yet(tmp_path: Path, command: str) -> None:
    result = invoke(*command.split(), "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no archive at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_stats(db: Path) -> None:
    data = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert (data["with_text"], data["known"], data["known_with_text"]) == (5, 2, 1)
    assert data["forms"] == {"csv": 4, "seed": 1}
    assert data["decade"] == {"1960s": 4, "2000s": 1}
    assert data["releases"]["cablebrowser-2"]["new"] == 1
    text = invoke("stats", "--db", db).stdout
    assert "Cables with text: 5" in text and "By classification:" in text


# --- resume after kill -9 ------------------------------------------------------

CONTENT_SQL = {
    "versions": "SELECT reference_id, release, form, source, text_hash, created, classification FROM versions ORDER BY 1, 2, 3",
    "cables": "SELECT * FROM cables ORDER BY reference_id",
    "changes": "SELECT * FROM changes ORDER BY 1, 2",
    "texts": "SELECT hash FROM texts ORDER BY 1",
    "known": "SELECT * FROM known ORDER BY 1",
    "releases": "SELECT name, released, is_finished FROM releases ORDER BY 1",
}


def content(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {name: conn.execute(sql).fetchall() for name, sql in CONTENT_SQL.items()}
    finally:
        conn.close()


def start_ingest(paths: list[Path], db: Path, workers: int) -> subprocess.Popen:
    args = [
        sys.executable,
        "-m",
        "cablebrowser",
        "ingest",
        *map(str, paths),
        "--db",
        str(db),
        "--workers",
        str(workers),
    ]
    return subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stored_versions(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM versions").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_when(process: subprocess.Popen, db: Path, versions: int) -> int:
    """kill -9 the ingest (and its workers) once the archive holds that many versions."""
    deadline = time.monotonic() + 120
    while (
        stored_versions(db) < versions
        and process.poll() is None
        and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    return process.wait()


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("resume")
    first = write_csv(
        root / "dump-2011-09-01.csv", [csv_row(n) for n in range(1, 1201)]
    )
    later_rows = [
        csv_row(n, body="UNCLASSIFIED\n1. CHANGED.\n") if n % 3 == 0 else csv_row(n)
        for n in range(1, 801)
    ]
    later = write_csv(root / "dump-2011-10-01.csv", later_rows)
    ids = root / "ids" / "cable2month.csv"
    ids.parent.mkdir()
    ids.write_text("".join(f"66BUENOSAIRES{n},12\n" for n in range(1, 3001)))
    return [later, ids, first]


@pytest.fixture(scope="module")
def reference_content(
    big_inputs: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict:
    db = tmp_path_factory.mktemp("reference") / "archive.db"
    process = start_ingest(big_inputs, db, workers=2)
    assert process.wait(timeout=300) == 0
    return content(db)


@pytest.mark.slow
@pytest.mark.parametrize(
    "kill_at",
    [0, 1, 400, 900, 1700],
    ids=["at-start", "first-batch", "mid-first", "second-input", "late"],
)
@pytest.mark.parametrize("workers", [1, 2], ids=["inline", "pool"])
def test_resume_after_kill_9(
    tmp_path: Path,
    big_inputs: list[Path],
    reference_content: dict,
    kill_at: int,
    workers: int,
) -> None:
    db = tmp_path / "archive.db"
    assert (
        kill_when(start_ingest(big_inputs, db, workers), db, kill_at) == -signal.SIGKILL
    )
    if db.exists():
        content(db)  # the interrupted archive is valid
    rerun = start_ingest(big_inputs, db, workers)
    assert rerun.wait(timeout=300) == 0
    assert content(db) == reference_content


# --- all of the shared data in one command ------------------------------------------


@pytest.mark.slow
def test_full_ingest_of_shared_data(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "all.db"
    inputs = sorted(
        path
        for path in shared_data.iterdir()
        if path.name not in {"README.md", "SHA256SUMS"}
    )
    result = invoke(
        "ingest", *inputs, SEED, "--db", db, "--report", tmp_path / "report.json"
    )
    report = json.loads((tmp_path / "report.json").read_text())
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    assert all(item["reason"] for item in report["skipped"])
    stats = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert stats["with_text"] == 6782
    assert stats["known"] == 251287
    assert len(stats["releases"]) >= 4
    shown = json.loads(invoke("show", "66BUENOSAIRES2481", "--db", db, "--json").stdout)
    forms = {v["form"] for v in shown["versions"]}
    assert forms >= {"csv", "page", "json", "fragment"}
    assert all(v["release"] and v["change"] for v in shown["versions"])
    assert any(v["date"] for v in shown["versions"])
    assert shown["created"].startswith("1966-12-28T18:48")
    store = open_store(db)
    assert len({v.release for v in store.versions("66BUENOSAIRES2481")}) >= 5
    store.close()
