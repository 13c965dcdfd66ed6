"""The writing half of the SQLite archive: transactions, versions, the ID list, settling releases.

``SQLiteStore`` (``sqlite.py``) inherits it and adds reading. Writes go through
``batch()`` transactions (WAL), so a process killed at any moment leaves the last
committed batch and nothing half-written. Change kinds and displayed values are
recomputed per cable at ``finish_release``; the rules are in ``changes.py`` and
docs/schema.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from ..errors import StoreError
from ..record import Cable, SourceRecord
from . import changes, queries
from .base import BatchResult, Release
from .codec import cable_json
from .rows import (
    INSERT_VERSION,
    UPSERT_CABLE,
    alias_keys,
    cable_row,
    canonical,
    facts_by_cable,
    iso,
    ref_rows,
    update_display,
    version_row,
)


class SQLiteWriting:
    """Everything that writes to the archive file; the connection is opened by ``SQLiteStore``."""

    path: str
    _conn: sqlite3.Connection
    _depth: int
    _release_keys: dict[str, tuple[bool, str, str]]

    # --- transactions -----------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group the writes inside into one transaction (nested calls join it)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot write to the archive: {error}", source=self.path
            ) from error
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot write to the archive: {error}", source=self.path
            ) from error

    # --- writing ----------------------------------------------------------
    def start_release(
        self,
        name: str,
        released: datetime | None,
        source: str,
        *,
        is_snapshot: bool = False,
    ) -> None:
        """Create the release, or reopen it to resume an interrupted ingest."""
        with self.batch():
            self._conn.execute(
                "INSERT INTO releases (name, released, source, is_snapshot) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET is_snapshot = max(is_snapshot, excluded.is_snapshot), "
                "released = coalesce(released, excluded.released)",
                (name, iso(released), source, int(is_snapshot)),
            )
        self._load_release_keys()

    def add_versions(
        self, release: str, items: Sequence[tuple[SourceRecord, Cable]]
    ) -> BatchResult:
        """Store one batch of versions in one transaction; identical texts stored once.

        The counts are ``added`` (new versions) and ``present`` (stored already);
        change kinds are settled by ``finish_release``.
        """
        counts = {"added": 0, "present": 0}
        with self.batch():
            for record, cable in items:
                added = self._add_version(release, record, cable)
                counts["added" if added else "present"] += 1
        return BatchResult(counts)

    def _add_version(self, release: str, record: SourceRecord, cable: Cable) -> bool:
        digest = changes.text_hash(cable.header, cable.body)
        self._conn.execute(
            "INSERT OR IGNORE INTO texts (hash, norm_hash, redactions, header, body) VALUES (?, ?, ?, ?, ?)",
            (
                digest,
                changes.normalized_hash(cable.body),
                len(cable.redactions),
                cable.header,
                cable.body,
            ),
        )
        cursor = self._conn.execute(
            INSERT_VERSION, version_row(release, record, cable, digest)
        )
        if cursor.rowcount == 0:
            return False
        self._add_aliases(cable.reference_id, (record.reference_id, cable.canonical_id))
        if self._wins_record(cable.reference_id, release, record.form):
            self._write_record(cable, record, release, digest)
        return True

    def _add_aliases(self, reference_id: str, ids: Iterable[str]) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO aliases VALUES (?, ?)",
            (reference_id.upper(), reference_id),
        )
        for alias in alias_keys(reference_id, ids):
            self._conn.execute(
                "INSERT OR IGNORE INTO aliases VALUES (?, ?)", (alias, reference_id)
            )

    def _wins_record(self, reference_id: str, release: str, form: str) -> bool:
        row = self._conn.execute(
            "SELECT record_release, record_form FROM cables WHERE reference_id = ?",
            (reference_id,),
        ).fetchone()
        if row is None:
            return True
        # As in changes.display: a dated release's text wins over an undated one's.
        new, old = self._version_key(release, form), self._version_key(row[0], row[1])
        return (not new[0][0], new) >= (not old[0][0], old)

    def _version_key(
        self, release: str, form: str
    ) -> tuple[tuple[bool, str, str], int]:
        # An undated release sorts after every dated one (False < True in the key).
        return (
            self._release_keys.get(release, (True, "", release)),
            changes.FORM_PRIORITY.get(form, 0),
        )

    def _write_record(
        self, cable: Cable, record: SourceRecord, release: str, digest: str
    ) -> None:
        released = self._release_keys.get(release, (True, "", ""))[1] or None
        row = cable_row(
            cable, record, release, released, digest, cable_json(cable, release=release)
        )
        self._conn.execute(UPSERT_CABLE, row)
        self._conn.execute(
            "DELETE FROM refs WHERE reference_id = ?", (cable.reference_id,)
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO refs (reference_id, cited, bullet, position) VALUES (?, ?, ?, ?)",
            ref_rows(cable),
        )

    def add_known(self, rows: Iterable[tuple[str, int, int]]) -> int:
        """Record (reference_id, year, month) rows of the ID list; return how many were new."""
        with self.batch():
            # Canonicalising costs more than looking up: skip the IDs known already.
            known = "SELECT 1 FROM known WHERE reference_id = ?"
            new = [
                row for row in rows if not self._conn.execute(known, row[:1]).fetchone()
            ]
            before = self._conn.total_changes
            self._conn.executemany(
                "INSERT OR IGNORE INTO known (reference_id, canonical_id, year, month) VALUES (?, ?, ?, ?)",
                ((ref, canonical(ref), year, month) for ref, year, month in new),
            )
            return self._conn.total_changes - before

    def is_done(self, release: str, source: str) -> bool:
        """Tell whether an input (file or archive member) was fully ingested already."""
        row = self._conn.execute(
            "SELECT 1 FROM done WHERE release = ? AND source = ?", (release, source)
        )
        return row.fetchone() is not None

    def mark_done(self, release: str, sources: Iterable[str]) -> None:
        """Record inputs as fully ingested (committed with their batch)."""
        with self.batch():
            self._conn.executemany(
                "INSERT OR IGNORE INTO done (release, source) VALUES (?, ?)",
                ((release, s) for s in sources),
            )

    def has_version(self, release: str, reference_id: str, form: str) -> bool:
        """Tell whether this release already holds this cable in this form."""
        row = self._conn.execute(
            "SELECT 1 FROM versions WHERE reference_id = ? AND release = ? AND form = ?",
            (reference_id, release, form),
        )
        return row.fetchone() is not None

    def finish_release(self, release: str, released: datetime | None) -> Release:
        """Settle the release date and recompute change kinds for every release."""
        info = self._conn.execute(
            "SELECT is_snapshot, source FROM releases WHERE name = ?", (release,)
        ).fetchone()
        if info is None:
            raise StoreError(f"no release named {release!r}")
        with self.batch():
            date = iso(released) or self._default_date(release)
            self._conn.execute(
                "UPDATE releases SET released = ?, is_finished = 1 WHERE name = ?",
                (date, release),
            )
            self._load_release_keys()
            self._recompute(None if info[0] else release)
        found = queries.releases(self._conn, release)
        return (
            found[0]
            if found
            else Release(release, queries.parse_iso(date), info[1], {})
        )

    def _default_date(self, release: str) -> str | None:
        latest, forms = self._conn.execute(
            "SELECT max(page_released), group_concat(DISTINCT form) FROM versions WHERE release = ?",
            (release,),
        ).fetchone()
        return changes.default_release_date(release, latest, (forms or "").split(","))

    def _recompute(self, release: str | None) -> None:
        """Recompute change kinds and displayed values of a release's cables (None: all)."""
        ordered = changes.order_releases(
            changes.ReleaseFacts(name, date, bool(snap))
            for name, date, snap in self._conn.execute(
                "SELECT name, released, is_snapshot FROM releases"
            )
        )
        stale: list[tuple[str, str, str]] = []
        for reference_id, facts in facts_by_cable(self._conn, release):
            kinds = changes.change_kinds(facts, ordered)
            shown = changes.display(facts, ordered)
            self._conn.execute(
                "DELETE FROM changes WHERE reference_id = ?", (reference_id,)
            )
            self._conn.executemany(
                "INSERT INTO changes (reference_id, release, change) VALUES (?, ?, ?)",
                ((reference_id, name, kind) for name, kind in kinds.items()),
            )
            if update_display(self._conn, reference_id, shown):
                stale.append((reference_id, shown.latest_release, shown.latest_form))
        for reference_id, latest_release, latest_form in stale:
            # The latest version was stored before a newer-dated one won: parse it again.
            record, cable, digest = self._parse_version(
                reference_id, latest_release, latest_form
            )
            self._write_record(cable, record, latest_release, digest)

    def _parse_version(
        self, reference_id: str, release: str, form: str
    ) -> tuple[SourceRecord, Cable, str]:
        # Imported late: only out-of-order ingests and old-release views parse here.
        from ..parse import parse_record

        record, digest = queries.source_record(self._conn, reference_id, release, form)
        return record, parse_record(record), digest

    def _load_release_keys(self) -> None:
        rows = self._conn.execute("SELECT name, released FROM releases")
        self._release_keys = {
            name: changes.release_key(changes.ReleaseFacts(name, date))
            for name, date in rows
        }
