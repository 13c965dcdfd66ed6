"""Bring a SQLite archive up to the current schema, one named migration at a time.

Each migration is a function ``mNNN_name(conn)``; ``MIGRATIONS`` lists them in
order and ``migrate`` records each applied one in ``_migrations``, so a file
made by an older version is upgraded in place and never migrated twice.
docs/schema.md describes every table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_INITIAL_SCHEMA = """
-- WITHOUT ROWID tables list their key columns first: SQLite 3.40's integrity_check
-- misreports NOT NULL columns placed before the key.
CREATE TABLE releases (
    name TEXT PRIMARY KEY,
    released TEXT,
    source TEXT NOT NULL DEFAULT '',
    is_snapshot INTEGER NOT NULL DEFAULT 0,
    is_finished INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE texts (
    hash TEXT PRIMARY KEY,
    norm_hash TEXT NOT NULL,
    redactions INTEGER NOT NULL DEFAULT 0,
    header TEXT,
    body TEXT NOT NULL
);
CREATE TABLE versions (
    reference_id TEXT NOT NULL,
    release TEXT NOT NULL REFERENCES releases(name),
    form TEXT NOT NULL,
    source TEXT NOT NULL,
    text_hash TEXT NOT NULL REFERENCES texts(hash),
    created TEXT,
    page_released TEXT,
    classification TEXT,
    classification_title TEXT,
    origin TEXT,
    build INTEGER,
    is_partial INTEGER,
    subject TEXT,
    PRIMARY KEY (reference_id, release, form)
) WITHOUT ROWID;
CREATE INDEX versions_release ON versions(release);
CREATE TABLE changes (
    reference_id TEXT NOT NULL,
    release TEXT NOT NULL REFERENCES releases(name),
    change TEXT NOT NULL,
    PRIMARY KEY (reference_id, release)
) WITHOUT ROWID;
CREATE INDEX changes_release ON changes(release, change);
CREATE TABLE cables (
    reference_id TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL,
    subject TEXT,
    created TEXT,
    released TEXT,
    first_published TEXT,
    latest_release TEXT REFERENCES releases(name),
    latest_released TEXT,
    classification TEXT,
    origin TEXT,
    station TEXT,
    country TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    is_partial INTEGER NOT NULL DEFAULT 0,
    redactions INTEGER NOT NULL DEFAULT 0,
    text_hash TEXT NOT NULL REFERENCES texts(hash),
    record_release TEXT NOT NULL,
    record_form TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX cables_created ON cables(created);
CREATE INDEX cables_classification ON cables(classification);
CREATE INDEX cables_origin ON cables(origin);
CREATE INDEX cables_canonical ON cables(canonical_id);
CREATE TABLE known (
    reference_id TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL,
    year INTEGER,
    month INTEGER
);
CREATE INDEX known_canonical ON known(canonical_id);
CREATE TABLE aliases (
    alias TEXT PRIMARY KEY,
    reference_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX aliases_reference ON aliases(reference_id);
CREATE TABLE refs (
    reference_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    cited TEXT NOT NULL,
    bullet TEXT,
    PRIMARY KEY (reference_id, position)
) WITHOUT ROWID;
CREATE INDEX refs_cited ON refs(cited);
CREATE TABLE done (
    release TEXT NOT NULL REFERENCES releases(name),
    source TEXT NOT NULL,
    PRIMARY KEY (release, source)
) WITHOUT ROWID;
"""


def m001_initial(conn: sqlite3.Connection) -> None:
    """Create the tables of the archive."""
    for statement in _INITIAL_SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def m002_known_upper(conn: sqlite3.Connection) -> None:
    """Index the ID list by upper-cased reference ID, so resolving an ID never scans it."""
    conn.execute("CREATE INDEX known_upper ON known(upper(reference_id))")


MIGRATIONS: tuple[Migration, ...] = (m001_initial, m002_known_upper)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"
    )
    applied = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    names = []
    for migration in MIGRATIONS:
        if migration.__name__ in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while this one waited for the lock.
            if conn.execute(
                "SELECT 1 FROM _migrations WHERE name = ?", (migration.__name__,)
            ).fetchone():
                conn.execute("ROLLBACK")
                continue
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied) VALUES (?, datetime('now'))",
                (migration.__name__,),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        names.append(migration.__name__)
    return names
