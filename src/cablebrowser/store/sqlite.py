"""The SQLite archive: one file holding every release, version, text and known ID.

``SQLiteStore`` opens the file and answers reads; its writing half (transactions,
ingest, settling releases) is ``SQLiteWriting`` in ``writing.py``. The tables are
described in docs/schema.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import StoreError
from . import changes, listing, pageread, queries
from .base import (
    REMOVED,
    KnownCable,
    Page,
    Release,
    SearchFields,
    ShownCable,
    StoredCable,
    Version,
)
from .codec import cable_from_json
from .migrations import migrate
from .rows import iso
from .writing import SQLiteWriting

# Page cache of a full scan, in KiB (negative: SQLite's unit for a size in KiB).
_SCAN_CACHE_SIZE = -2048


class SQLiteStore(SQLiteWriting):
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
            # Checkpoint every 64 MB of WAL rather than every 4 MB: a batch of cables
            # writes megabytes, and each checkpoint copies pages and syncs the file.
            self._conn.execute("PRAGMA wal_autocheckpoint=16384")
            migrate(self._conn)
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot open the archive: {error}", source=self.path
            ) from error
        self._depth = 0
        self._release_keys = {}
        self._load_release_keys()

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
            aliases=tuple(
                queries.aliases_of(self._conn, cable.reference_id, cable.canonical_id)
            ),
        )

    def known(self, reference_id: str) -> KnownCable | None:
        """Return what the ID list knows of a cable."""
        return queries.known(self._conn, reference_id)

    def known_many(self, reference_ids: list[str]) -> dict[str, KnownCable]:
        """Return what the ID list knows of each given reference ID found there, by ID."""
        return queries.known_many(self._conn, reference_ids)

    def cable_page(self, reference_id: str) -> ShownCable | None:
        """Return what the web page of a cable with text shows, in one read, or None."""
        return pageread.read_page(self._conn, reference_id, self._ordered)

    def known_any(self, any_ids: list[str]) -> dict[str, KnownCable]:
        """Return the ID-list entry of each ID, in any form, that names one, by the ID as given."""
        return pageread.known_any(self._conn, any_ids)

    def versions(self, reference_id: str) -> list[Version]:
        """Return every version of a cable, oldest release first (removals included)."""
        return self._ordered(queries.versions(self._conn, reference_id))

    def _ordered(self, versions: list[Version]) -> list[Version]:
        found = sorted(versions, key=lambda v: self._version_key(v.release, v.form))
        for index, version in enumerate(found):
            if version.change == REMOVED and index:
                found[index] = dataclasses.replace(version, form=found[index - 1].form)
        return found

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield every cable with text, latest version, in reference-ID order."""
        cursor = self._conn.cursor()
        for row in cursor.execute(queries.SELECT_CABLE + " ORDER BY c.reference_id"):
            yield self._stored(row)

    def iter_search_fields(self) -> Iterator[SearchFields]:
        """Yield what the search index reads of every cable with text, in reference-ID order."""
        # One pass reads each page once: a small page cache keeps its memory flat.
        size = self._conn.execute("PRAGMA cache_size").fetchone()[0]
        self._conn.execute(f"PRAGMA cache_size={_SCAN_CACHE_SIZE}")
        try:
            rows = self._conn.cursor().execute(queries.SELECT_SEARCH_FIELDS)
            yield from map(queries.search_fields_of_row, rows)
        finally:
            with contextlib.suppress(sqlite3.Error):  # closed before the scan ended
                self._conn.execute(f"PRAGMA cache_size={int(size)}")

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
            r.name: {"released": iso(r.released), **r.counts} for r in self.releases()
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

    def changed_cables(
        self, release: str, change: str, *, offset: int = 0, limit: int = 50
    ) -> Page:
        """Return one page of the cables whose version in ``release`` has this change kind."""
        ids, total = listing.changed_ids(self._conn, release, change, offset, limit)
        items = tuple(stored for stored in map(self.cable, ids) if stored is not None)
        return Page(items, total, offset, limit)

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
