"""The reads of the SQLite archive: every ID lookup is served by an index; aliases as published."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebrowser.store import open_store
from cablebrowser.store.queries import (
    KNOWN,
    KNOWN_BATCH,
    LOOKUPS,
    aliases_of,
    known_sql,
)
from cablebrowser.store.sqlite import SQLiteStore
from tests.store.test_sqlite import cable, record

# (statement, what it serves); every one must search an index, never scan a table.
STATEMENTS = [
    (LOOKUPS[0], "resolve: alias"),
    (LOOKUPS[1], "resolve: known by upper-cased reference ID"),
    (LOOKUPS[2], "resolve: known by canonical ID"),
    (KNOWN, "known() and reference links"),
    (known_sql(3), "known_many(): a page's links at once"),
    (
        "SELECT DISTINCT reference_id FROM refs WHERE cited = ? ORDER BY reference_id",
        "cited_by",
    ),
    (
        "SELECT reference_id FROM changes WHERE release = ? AND change = ?"
        " ORDER BY reference_id LIMIT 50 OFFSET 0",
        "changed_cables",
    ),
]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    opened = open_store(tmp_path / "archive.db")
    # Enough rows that a scan would be the planner's last resort, analysed as in use.
    opened.add_known((f"09STATE{n}", 2009, 1) for n in range(1, 2001))
    opened._conn.execute("ANALYZE")
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "sql", [sql for sql, _ in STATEMENTS], ids=[name for _, name in STATEMENTS]
)
def test_id_lookups_use_an_index(store: SQLiteStore, sql: str) -> None:
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN " + sql, ("X",) * sql.count("?")
    ).fetchall()
    details = [row[3] for row in plan]
    assert details and not any(detail.startswith("SCAN") for detail in details), details
    assert any("INDEX" in detail or "PRIMARY KEY" in detail for detail in details), (
        details
    )


def test_resolve_runs_only_indexed_statements(store: SQLiteStore) -> None:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    assert store.resolve("09state17_A") == "09STATE17"
    assert store.resolve("10NOWHERE1") is None
    store._conn.set_trace_callback(None)
    assert seen and set(seen) <= {
        sql.replace("?", f"'{key}'")
        for sql in LOOKUPS
        for key in ("09STATE17_A", "09STATE17", "10NOWHERE1")
    }


@pytest.mark.parametrize(
    ("reference_id", "expected"),
    [
        ("05ALMATY3603", ["05ALMATY3603_a"]),
        ("7575LIBREVILLE1895", ["75LIBREVILLE1895", "75LIBREVILLE1895_a"]),
    ],
    ids=["plusd-lower-case", "malformed-id"],
)
def test_aliases_are_shown_in_their_published_form(
    store: SQLiteStore, reference_id: str, expected: list[str]
) -> None:
    rec = record(reference_id)
    store.start_release("r1", None, "test")
    store.add_versions("r1", [(rec, cable(rec))])
    store.finish_release("r1", None)
    stored = store.cable(reference_id)
    assert stored is not None and list(stored.aliases) == expected
    assert aliases_of(store._conn, reference_id, stored.cable.canonical_id) == expected
    for alias in expected:
        assert store.resolve(alias) == reference_id
    assert store.resolve(reference_id + "_A") == reference_id


def test_known_many_reads_every_known_id_at_once(store: SQLiteStore) -> None:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    found = store.known_many(["09STATE2", "10NOWHERE1", "09STATE1", "09STATE2"])
    assert len(seen) == 1
    assert sorted(found) == ["09STATE1", "09STATE2"]
    assert found["09STATE1"] == store.known("09STATE1")
    assert store.known_many([]) == {}


def test_known_many_reads_long_lists_in_batches(store: SQLiteStore) -> None:
    ids = [f"09STATE{n}" for n in range(1, KNOWN_BATCH + 11)]
    found = store.known_many(ids)
    assert sorted(found) == sorted(ids)
    assert all(not known.has_text for known in found.values())
