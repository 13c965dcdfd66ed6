"""Fixtures shared by the whole suite: the data folders, and the bundled sample ingested once.

``sample_db`` ingests the bundled sample with the command line into a session
temporary folder and builds its search index beside it. Tests that only read
the sample archive share it; a test that writes to an archive works on its own
copy (see ``copy_archive``) so that nothing it does reaches the other tests.
Hypothesis runs derandomized and without its example database, so two runs of
the suite test the same examples, and keeps its caches out of the checkout.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from cablebrowser.search import index_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample"
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "sample" / "seed" / "05ALMATY3603.txt"

# Hypothesis caches (Unicode tables, constants of the code under test) go outside the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "cablebrowser-hypothesis")
settings.register_profile(
    "repeatable", derandomize=True, database=None, deadline=None, print_blob=True
)
# `pytest --hypothesis-profile=explore` draws fresh random examples.
settings.register_profile("explore", database=None, deadline=None, print_blob=True)
settings.load_profile("repeatable")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The full real-data folder beside the checkout (always present in CI)."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_DATA} is missing: CI must run beside ../shared/data")
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The bundled sample of real cables."""
    return SAMPLE


def run_cli(*args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess, failing the test on an unexpected exit status."""
    result = subprocess.run(
        [sys.executable, "-m", "cablebrowser", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode in ok, (
        f"cablebrowser {' '.join(args)} exited {result.returncode}: {result.stderr[-2000:]}"
    )
    return result


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """The bundled sample, ingested and indexed by the command line (read it, never write it)."""
    db = tmp_path_factory.mktemp("sample") / "cablebrowser.db"
    # Exit status 1 means some inputs were skipped (the sample holds a few broken ones on purpose).
    ingest = run_cli("ingest", str(sample_dir), "--db", str(db), ok=(0, 1))
    assert "Ingested" in ingest.stderr, ingest.stderr[-2000:]
    run_cli("index", "--db", str(db))
    assert db.is_file() and index_path(db).is_dir()
    return db


def copy_archive(db: Path, folder: Path) -> Path:
    """Copy an archive database with its search index into ``folder`` and return the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / db.name
    # SQLite's backup API copies a consistent database even while a server reads it.
    source, copy = sqlite3.connect(db), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    shutil.copytree(index_path(db), index_path(target))
    return target
