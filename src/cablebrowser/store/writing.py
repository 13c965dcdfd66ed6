"""The writing half of the SQLite archive: transactions, versions, the ID list, settling releases.

``SQLiteStore`` (``sqlite.py``) inherits it and adds reading. Writes go through
``batch()`` transactions (WAL), so a process killed at any moment leaves the last
committed batch and nothing half-written. Change kinds and displayed values are
recomputed per cable at ``finish_release``; the rules are in ``changes.py`` and
docs/schema.md.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from ..errors import StoreError
from ..record import Cable, SourceRecord
from . import changes, queries
from .base import BatchResult, Release
from .encoding import EncodedVersion, dated_cable_row, encode_version
from .rows import (
    INSERT_TEXT,
    INSERT_VERSION,
    UPDATE_DISPLAY,
    UPSERT_CABLE,
    canonical,
    display_values,
    facts_by_cable,
    iso,
    stored_display,
)

# Host parameters per IN (...) list: well under SQLite's limit of 32,766.
_IN_LIMIT = 500


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
        return self.add_encoded(
            release, [encode_version(release, record, cable) for record, cable in items]
        )

    def add_encoded(
        self, release: str, versions: Sequence[EncodedVersion]
    ) -> BatchResult:
        """Store one batch of versions already turned into rows (``encode_version``).

        Same effect and counts as ``add_versions``; ingest encodes in its parser processes.
        """
        counts = {"added": 0, "present": 0}
        with self.batch():
            self._conn.executemany(INSERT_TEXT, [version.text for version in versions])
            owners = self._record_owners({version.reference_id for version in versions})
            added: list[EncodedVersion] = []
            for version in versions:
                if self._conn.execute(INSERT_VERSION, version.version).rowcount == 0:
                    counts["present"] += 1
                    continue
                counts["added"] += 1
                added.append(version)
                owner = owners.get(version.reference_id)
                if self._wins_record(owner, release, version.form):
                    self._write_cable(version, release, replacing=owner is not None)
                    owners[version.reference_id] = (release, version.form)
            self._add_aliases(added)
        return BatchResult(counts)

    def _record_owners(self, reference_ids: set[str]) -> dict[str, tuple[str, str]]:
        """Return, per cable already stored, the release and form its record comes from."""
        owners: dict[str, tuple[str, str]] = {}
        ids = sorted(reference_ids)
        for start in range(0, len(ids), _IN_LIMIT):
            chunk = ids[start : start + _IN_LIMIT]
            rows = self._conn.execute(
                "SELECT reference_id, record_release, record_form FROM cables"
                f" WHERE reference_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            owners.update((ref, (rel, form)) for ref, rel, form in rows)
        return owners

    def _add_aliases(self, versions: Sequence[EncodedVersion]) -> None:
        # Every own key first, then the other keys: the same final rows as
        # writing each cable's keys in turn, since own keys always win.
        self._conn.executemany(
            "INSERT OR REPLACE INTO aliases VALUES (?, ?)",
            [(v.reference_id.upper(), v.reference_id) for v in versions],
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO aliases VALUES (?, ?)",
            [(alias, v.reference_id) for v in versions for alias in v.aliases],
        )

    def _wins_record(
        self, owner: tuple[str, str] | None, release: str, form: str
    ) -> bool:
        if owner is None:
            return True
        # As in changes.display: a dated release's text wins over an undated one's.
        new, old = self._version_key(release, form), self._version_key(*owner)
        return (not new[0][0], new) >= (not old[0][0], old)

    def _version_key(
        self, release: str, form: str
    ) -> tuple[tuple[bool, str, str], int]:
        # An undated release sorts after every dated one (False < True in the key).
        return (
            self._release_keys.get(release, (True, "", release)),
            changes.FORM_PRIORITY.get(form, 0),
        )

    def _write_cable(
        self, version: EncodedVersion, release: str, *, replacing: bool
    ) -> None:
        released = self._release_keys.get(release, (True, "", ""))[1] or None
        self._conn.execute(UPSERT_CABLE, dated_cable_row(version, released))
        if replacing:
            self._conn.execute(
                "DELETE FROM refs WHERE reference_id = ?", (version.reference_id,)
            )
        if version.refs:
            self._conn.executemany(
                "INSERT OR IGNORE INTO refs (reference_id, cited, bullet, position) VALUES (?, ?, ?, ?)",
                version.refs,
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
        order = changes.ReleaseOrder.of(ordered)
        facts = facts_by_cable(self._conn, release)
        stale: list[tuple[str, str, str]] = []
        # Settled in groups: a few statements per group instead of several per cable.
        while group := list(itertools.islice(facts, _IN_LIMIT)):
            stale += self._settle(group, ordered, order)
        for reference_id, latest_release, latest_form in stale:
            # The latest version was stored before a newer-dated one won: parse it again.
            record, cable, digest = self._parse_version(
                reference_id, latest_release, latest_form
            )
            version = encode_version(latest_release, record, cable, digest)
            self._write_cable(version, latest_release, replacing=True)

    def _settle(
        self,
        group: list[tuple[str, list[changes.VersionFacts]]],
        ordered: list[changes.ReleaseFacts],
        order: changes.ReleaseOrder,
    ) -> list[tuple[str, str, str]]:
        """Write the change kinds and displayed values of some cables; return those whose record is stale."""
        stored = stored_display(self._conn, [reference_id for reference_id, _ in group])
        kinds: list[tuple[str, str, str]] = []
        updates: list[tuple[object, ...]] = []
        stale: list[tuple[str, str, str]] = []
        for reference_id, facts in group:
            for name, kind in changes.change_kinds(facts, ordered).items():
                kinds.append((reference_id, name, kind))
            shown = changes.display_in(facts, order)
            row, values = stored[reference_id], display_values(shown)
            if row[:9] != values:
                updates.append((*values, reference_id))
            if (row[9], row[10]) != (shown.latest_release, shown.latest_form):
                stale.append((reference_id, shown.latest_release, shown.latest_form))
        self._conn.executemany(
            "DELETE FROM changes WHERE reference_id = ?", [(ref,) for ref, _ in group]
        )
        self._conn.executemany(
            "INSERT INTO changes (reference_id, release, change) VALUES (?, ?, ?)",
            kinds,
        )
        self._conn.executemany(UPDATE_DISPLAY, updates)
        return stale

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
