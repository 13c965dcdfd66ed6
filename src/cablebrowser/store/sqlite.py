"""The SQLite archive: one file holding every release, version, text and known ID.

Writes go through ``batch()`` transactions (WAL), so a process killed at any
moment leaves the last committed batch and nothing half-written. Change kinds
and displayed values are recomputed per cable at ``finish_release``; the rules
are in ``changes.py`` and docs/schema.md.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..errors import StoreError
from ..record import Cable, SourceRecord
from . import changes, listing, queries
from .base import REMOVED, BatchResult, KnownCable, Page, Release, StoredCable, Version
from .codec import cable_from_json, cable_json
from .migrations import migrate


class SQLiteStore:
    """The archive in one SQLite file (see docs/schema.md)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=30, check_same_thread=False
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            # 64 MB of page cache: each batch touches many pages.
            self._conn.execute("PRAGMA cache_size=-65536")
            migrate(self._conn)
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot open the archive: {error}", source=self.path
            ) from error
        self._depth = 0
        self._release_keys: dict[str, tuple[bool, str, str]] = {}
        self._load_release_keys()

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
                (name, _iso(released), source, int(is_snapshot)),
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
            queries.INSERT_VERSION, queries.version_row(release, record, cable, digest)
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
        for alias in queries.alias_keys(reference_id, ids):
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
        row = queries.cable_row(
            cable, record, release, released, digest, cable_json(cable, release=release)
        )
        self._conn.execute(queries.UPSERT_CABLE, row)
        self._conn.execute(
            "DELETE FROM refs WHERE reference_id = ?", (cable.reference_id,)
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO refs (reference_id, cited, bullet, position) VALUES (?, ?, ?, ?)",
            queries.ref_rows(cable),
        )

    def add_known(self, rows: Iterable[tuple[str, int, int]]) -> int:
        """Record (reference_id, year, month) rows of the ID list; return how many were new."""
        with self.batch():
            before = self._conn.total_changes
            self._conn.executemany(
                "INSERT OR IGNORE INTO known (reference_id, canonical_id, year, month) VALUES (?, ?, ?, ?)",
                (
                    (ref, queries.canonical(ref), year, month)
                    for ref, year, month in rows
                ),
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
            "SELECT is_snapshot FROM releases WHERE name = ?", (release,)
        ).fetchone()
        if info is None:
            raise StoreError(f"no release named {release!r}")
        with self.batch():
            date = _iso(released) or self._default_date(release)
            self._conn.execute(
                "UPDATE releases SET released = ?, is_finished = 1 WHERE name = ?",
                (date, release),
            )
            self._load_release_keys()
            self._recompute(None if info[0] else release)
        return next(item for item in self.releases() if item.name == release)

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
        for reference_id, facts in queries.facts_by_cable(self._conn, release):
            kinds = changes.change_kinds(facts, ordered)
            shown = changes.display(facts, ordered)
            self._conn.execute(
                "DELETE FROM changes WHERE reference_id = ?", (reference_id,)
            )
            self._conn.executemany(
                "INSERT INTO changes (reference_id, release, change) VALUES (?, ?, ?)",
                ((reference_id, name, kind) for name, kind in kinds.items()),
            )
            if queries.update_display(self._conn, reference_id, shown):
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

    # --- reading ----------------------------------------------------------
    def resolve(self, any_id: str) -> str | None:
        """Return the stored reference ID for an ID in any form, or None."""
        return queries.resolve(self._conn, any_id)

    def cable(
        self, reference_id: str, release: str | None = None
    ) -> StoredCable | None:
        """Return a cable with text (latest version, or the one of ``release``)."""
        row = self._conn.execute(
            queries.SELECT_CABLE + " WHERE c.reference_id = ?", (reference_id,)
        ).fetchone()
        if row is None:
            return None
        stored = self._stored(row)
        if release is None or release == stored.cable.release:
            return stored
        return self._stored_for_release(stored, release)

    def _stored_for_release(
        self, stored: StoredCable, release: str
    ) -> StoredCable | None:
        forms = [
            v.form
            for v in stored.versions
            if v.release == release and v.change != REMOVED
        ]
        if not forms:
            return None
        form = max(forms, key=lambda item: changes.FORM_PRIORITY.get(item, 0))
        _, cable, _ = self._parse_version(stored.cable.reference_id, release, form)
        return StoredCable(
            cable=cable,
            first_published=stored.first_published,
            latest_release=stored.latest_release,
            latest_released=stored.latest_released,
            versions=stored.versions,
            aliases=stored.aliases,
        )

    def _stored(self, row: sqlite3.Row | tuple[object, ...]) -> StoredCable:
        cable, first_published, latest_release, latest_released = queries.cable_of_row(
            row, cable_from_json
        )
        return StoredCable(
            cable=cable,
            first_published=first_published,
            latest_release=latest_release,
            latest_released=latest_released,
            versions=tuple(self.versions(cable.reference_id)),
            aliases=tuple(queries.aliases_of(self._conn, cable.reference_id)),
        )

    def known(self, reference_id: str) -> KnownCable | None:
        """Return what the ID list knows of a cable."""
        return queries.known(self._conn, reference_id)

    def versions(self, reference_id: str) -> list[Version]:
        """Return every version of a cable, oldest release first (removals included)."""
        found = sorted(
            queries.versions(self._conn, reference_id),
            key=lambda v: self._version_key(v.release, v.form),
        )
        for index, version in enumerate(found):
            if version.change == REMOVED and index:
                found[index] = dataclasses.replace(version, form=found[index - 1].form)
        return found

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield every cable with text, latest version, in reference-ID order."""
        cursor = self._conn.cursor()
        for row in cursor.execute(queries.SELECT_CABLE + " ORDER BY c.reference_id"):
            yield self._stored(row)

    def releases(self) -> list[Release]:
        """Return the releases, oldest first."""
        found = queries.releases(self._conn)
        return sorted(
            found, key=lambda r: self._release_keys.get(r.name, (True, "", r.name))
        )

    def cited_by(self, canonical_id: str) -> list[str]:
        """Return the reference IDs of cables whose REF block cites this one."""
        rows = self._conn.execute(
            "SELECT DISTINCT reference_id FROM refs WHERE cited = ? ORDER BY reference_id",
            (canonical_id.upper(),),
        )
        return [row[0] for row in rows]

    def stats(self) -> dict[str, object]:
        """Return counts by release, form, classification, origin and decade."""
        result = queries.stats(self._conn)
        result["releases"] = {
            r.name: {"released": _iso(r.released), **r.counts} for r in self.releases()
        }
        return result

    def list_cables(
        self,
        *,
        origin: str | None = None,
        tag: str | None = None,
        classification: str | None = None,
        date: str | None = None,
        release: str | None = None,
        sort: str = "created",
        offset: int = 0,
        limit: int = 50,
    ) -> Page:
        """Return one page of cables with text matching every given filter, and the exact total."""
        where, order, params = listing.list_sql(
            origin=origin,
            tag=tag,
            classification=classification,
            date=date,
            release=release,
            sort=sort,
        )
        ids = listing.page_ids(self._conn, where, order, params, offset, limit)
        items = tuple(stored for stored in map(self.cable, ids) if stored is not None)
        return Page(items, listing.total(self._conn, where, params), offset, limit)

    def counts(self, field: str, *, date: str | None = None) -> list[tuple[str, int]]:
        """Return (value, number of cables with text) for one field, most frequent first."""
        return listing.counts(self._conn, field, date)

    def iter_known(self) -> Iterator[KnownCable]:
        """Yield every cable the archive knows (with text or not), in reference-ID order."""
        return listing.iter_known(self._conn)

    def close(self) -> None:
        """Release the database."""
        self._conn.close()

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Return the archive's content tables as sorted rows (for comparing archives)."""
        return {
            table: queries.dump(self._conn, table) for table in queries.CONTENT_TABLES
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
