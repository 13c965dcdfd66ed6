"""Migrations: an archive made by an older version is upgraded in place, its rows kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cablebrowser.store import open_store
from cablebrowser.store.migrations import m001_initial


def old_archive(path: Path) -> None:
    """Write an archive as the first schema made it, with one known ID."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"
    )
    m001_initial(conn)
    conn.execute("INSERT INTO _migrations VALUES ('m001_initial', '2024-01-01')")
    conn.execute("INSERT INTO known VALUES ('09STATE4134', '09STATE4134', 2009, 1)")
    conn.close()


def test_m002_indexes_known_ids_of_an_old_archive(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_archive(path)
    store = open_store(path)
    assert store.resolve("09state4134") == "09STATE4134"
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT reference_id FROM known WHERE upper(reference_id) = ?",
        ("X",),
    ).fetchall()
    store.close()
    assert [row[3] for row in plan] == [
        "SEARCH known USING INDEX known_upper (<expr>=?)"
    ]
    conn = sqlite3.connect(path)
    applied = [
        row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY 1")
    ]
    conn.close()
    assert applied == ["m001_initial", "m002_known_upper"]
