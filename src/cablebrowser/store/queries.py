"""The reads of the SQLite archive: stored versions, cables, ID lookups, releases, stats.

``sqlite.py`` turns what these return into the Store interface's values; the
rows written are built in ``rows.py``. Every lookup of an ID is served by an
index (``tests/store/test_queries.py`` checks the query plans).
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from ..record import Cable, Form, SourceRecord
from .base import REMOVED, KnownCable, Release, SearchFields, Version
from .codec import SEARCH_KEYS, search_values
from .rows import canonical


def source_record(
    conn: sqlite3.Connection, reference_id: str, release: str, form: str
) -> tuple[SourceRecord, str]:
    """Return a stored version as its reader gave it, and its text hash."""
    row = conn.execute(
        "SELECT v.source, v.text_hash, v.created, v.page_released, v.classification, v.origin, v.build,"
        " v.is_partial, v.subject, t.header, t.body FROM versions v JOIN texts t ON t.hash = v.text_hash"
        " WHERE v.reference_id = ? AND v.release = ? AND v.form = ?",
        (reference_id, release, form),
    ).fetchone()
    (
        source,
        digest,
        created,
        released,
        classification,
        origin,
        build,
        partial,
        subject,
        header,
        body,
    ) = row
    record = SourceRecord(
        reference_id=reference_id,
        form=Form(form),
        source=source,
        body=body,
        header=header,
        created=parse_iso(created),
        released=parse_iso(released),
        classification=classification,
        origin=origin,
        subject=subject,
        release=release,
        build=build,
        is_partial=bool(partial),
    )
    return record, digest


SELECT_CABLE = (
    "SELECT c.created, c.released, c.classification, c.origin, c.first_published, c.latest_release,"
    " c.latest_released, c.record, t.header, t.body FROM cables c JOIN texts t ON t.hash = c.text_hash"
)


def cable_of_row(
    row: sqlite3.Row | tuple[Any, ...], decode: Callable[..., Cable]
) -> tuple[Cable, datetime | None, str | None, datetime | None]:
    """Return the displayed cable of a ``SELECT_CABLE`` row, with its publication facts."""
    (
        created,
        released,
        classification,
        origin,
        first,
        latest,
        latest_date,
        record,
        header,
        body,
    ) = row
    cable = decode(record, body=body, header=header)
    cable = _with_display(
        cable, parse_iso(created), parse_iso(released), classification, origin
    )
    return cable, parse_iso(first), latest, parse_iso(latest_date)


def _with_display(
    cable: Cable, created: Any, released: Any, classification: Any, origin: Any
) -> Cable:
    return dataclasses.replace(
        cable,
        created=created or cable.created,
        released=released or cable.released,
        classification=classification or cable.classification,
        origin=origin or cable.origin,
    )


_PLUSD_SUFFIX_PATTERN = re.compile(r"_[A-Z]$")


def aliases_of(
    conn: sqlite3.Connection, reference_id: str, canonical_id: str
) -> list[str]:
    """Return the other IDs that name a cable, in their published forms.

    Lookup keys are upper case; the PlusD form of the canonical ID is shown as
    PlusD writes it (``05ALMATY3603_a``). The ``_A`` keys of other IDs only help
    resolving and are left out.
    """
    rows = conn.execute(
        "SELECT alias FROM aliases WHERE reference_id = ? AND alias != ? ORDER BY alias",
        (reference_id, reference_id.upper()),
    )
    return published_aliases((alias for (alias,) in rows), canonical_id)


def published_aliases(keys: Iterable[str], canonical_id: str) -> list[str]:
    """Return the published forms of a cable's alias keys (see ``aliases_of``), in their order."""
    plusd = canonical_id.upper() + "_A"
    found = []
    for alias in keys:
        if alias == plusd:
            found.append(canonical_id + "_a")
        elif not _PLUSD_SUFFIX_PATTERN.search(alias):
            found.append(alias)
    return found


def resolve(conn: sqlite3.Connection, any_id: str) -> str | None:
    """Return the reference ID an ID in any form names, or None."""
    for candidate in lookup_keys(any_id):
        found = _lookup(conn, candidate)
        if found:
            return found
    return None


def lookup_keys(any_id: str) -> tuple[str, ...]:
    """Return the keys an ID in any form is looked up by, in order: as given, bare, canonical."""
    key = any_id.strip().upper()
    if not key:
        return ()
    bare = _PLUSD_SUFFIX_PATTERN.sub("", key)
    return tuple(dict.fromkeys((key, bare, canonical(bare).upper())))


# Each served by an index: aliases' key, known_upper (m002), known_canonical.
LOOKUPS = (
    "SELECT reference_id FROM aliases WHERE alias = ?",
    "SELECT reference_id FROM known WHERE upper(reference_id) = ?",
    "SELECT reference_id FROM known WHERE canonical_id = ? ORDER BY reference_id",
)


def _lookup(conn: sqlite3.Connection, key: str) -> str | None:
    for sql in LOOKUPS:
        row = conn.execute(sql, (key,)).fetchone()
        if row:
            return str(row[0])
    return None


KNOWN = (
    "SELECT k.reference_id, k.canonical_id, k.year, k.month,"
    " EXISTS (SELECT 1 FROM cables c WHERE c.reference_id = k.reference_id)"
    " FROM known k WHERE k.reference_id = ?"
)


def known(conn: sqlite3.Connection, reference_id: str) -> KnownCable | None:
    """Return what the ID list knows of a cable."""
    row = conn.execute(KNOWN, (reference_id,)).fetchone()
    if row is None:
        return None
    return KnownCable(row[0], row[1], row[2], row[3], bool(row[4]))


def known_sql(count: int) -> str:
    """Return the statement reading the ID-list entries of ``count`` reference IDs at once."""
    return KNOWN.removesuffix("= ?") + f"IN ({', '.join('?' * count)})"


KNOWN_BATCH = 500  # IDs per statement, well under SQLite's bound on parameters


def known_many(
    conn: sqlite3.Connection, reference_ids: list[str]
) -> dict[str, KnownCable]:
    """Return what the ID list knows of each given reference ID found there, by ID."""
    found: dict[str, KnownCable] = {}
    unique = list(dict.fromkeys(reference_ids))
    for start in range(0, len(unique), KNOWN_BATCH):
        chunk = unique[start : start + KNOWN_BATCH]
        for row in conn.execute(known_sql(len(chunk)), chunk):
            found[row[0]] = KnownCable(row[0], row[1], row[2], row[3], bool(row[4]))
    return found


def versions(conn: sqlite3.Connection, reference_id: str) -> list[Version]:
    """Return a cable's versions and removals, unordered (removals carry no form yet)."""
    rows = conn.execute(
        "SELECT v.release, r.released, v.form, v.source, v.text_hash, coalesce(ch.change, ''), v.created,"
        " v.page_released, v.classification, v.origin, v.build, v.is_partial, t.redactions"
        " FROM versions v JOIN releases r ON r.name = v.release JOIN texts t ON t.hash = v.text_hash"
        " LEFT JOIN changes ch ON ch.reference_id = v.reference_id AND ch.release = v.release"
        " WHERE v.reference_id = ?",
        (reference_id,),
    )
    found = [version_row(reference_id, row) for row in rows]
    removals = conn.execute(
        "SELECT ch.release, r.released FROM changes ch JOIN releases r ON r.name = ch.release"
        " WHERE ch.reference_id = ? AND ch.change = ?",
        (reference_id, REMOVED),
    )
    for release, released in removals:
        found.append(
            Version(
                reference_id, release, parse_iso(released), Form.PAGE, "", "", REMOVED
            )
        )
    return found


def version_row(reference_id: str, row: tuple[Any, ...]) -> Version:
    """Return a version from its row: release, released, form, source, hash, change, …."""
    release, released, form, source, digest, change, created, page_released, *rest = row
    classification, origin, build, partial, redactions = rest
    return Version(
        reference_id=reference_id,
        release=release,
        released=parse_iso(released),
        form=Form(form),
        source=source,
        content_hash=digest,
        change=change,
        created=parse_iso(created),
        page_released=parse_iso(page_released),
        classification=classification,
        origin=origin,
        build=build,
        is_partial=None if partial is None else bool(partial),
        redactions=redactions,
    )


def releases(conn: sqlite3.Connection, only: str | None = None) -> list[Release]:
    """Return the releases that hold cables (or only the named one), with counts of change kinds.

    A release without any version or change (an input that held no cable, such as
    an ID list read by an older version) is left out. The order is undefined.
    """
    counts: dict[str, dict[str, int]] = {}
    for release, change, number in conn.execute(
        "SELECT release, change, count(*) FROM changes WHERE ?1 IS NULL OR release = ?1 GROUP BY 1, 2",
        (only,),
    ):
        counts.setdefault(release, {})[change] = number
    rows = conn.execute(
        "SELECT name, released, source FROM releases r WHERE (?1 IS NULL OR name = ?1) AND"
        " (EXISTS (SELECT 1 FROM versions v WHERE v.release = r.name)"
        " OR EXISTS (SELECT 1 FROM changes ch WHERE ch.release = r.name))",
        (only,),
    )
    return [
        Release(name, parse_iso(date), source, counts.get(name, {}))
        for name, date, source in rows
    ]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Return counts of the archive by form, classification, origin and decade."""

    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    def group(sql: str) -> dict[str, Any]:
        return {str(key): number for key, number in conn.execute(sql)}

    return {
        "with_text": one("SELECT count(*) FROM cables"),
        "known": one("SELECT count(*) FROM known"),
        "known_with_text": one(
            "SELECT count(*) FROM known k JOIN cables c ON c.reference_id = k.reference_id"
        ),
        "versions": one("SELECT count(*) FROM versions"),
        "texts": one("SELECT count(*) FROM texts"),
        "forms": group(
            "SELECT form, count(DISTINCT reference_id) FROM versions GROUP BY 1 ORDER BY 1"
        ),
        "classification": group(
            "SELECT coalesce(classification, 'unknown'), count(*) FROM cables GROUP BY 1 ORDER BY 2 DESC"
        ),
        "origin": group(
            "SELECT coalesce(origin, 'unknown'), count(*) FROM cables GROUP BY 1 ORDER BY 2 DESC"
        ),
        "decade": group(
            "SELECT coalesce(substr(created, 1, 3) || '0s', 'unknown'), count(*) FROM cables GROUP BY 1 ORDER BY 1"
        ),
    }


CONTENT_TABLES = (
    "releases",
    "texts",
    "versions",
    "changes",
    "cables",
    "known",
    "aliases",
    "refs",
    "done",
)


def dump(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """Return every row of a table in a stable order."""
    width = len(conn.execute(f"PRAGMA table_info({table})").fetchall())
    order = ", ".join(str(index) for index in range(1, width + 1))
    return [
        tuple(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
    ]


def parse_iso(value: str | None) -> datetime | None:
    """Return a stored date as a datetime, or None."""
    return datetime.fromisoformat(value) if value else None


# One statement for the whole search index: the record's indexed parts only
# (``codec.SEARCH_KEYS``), the body, and per cable its releases (those of
# versions that are not removals) and alias keys, each joined by a unit separator.
SELECT_SEARCH_FIELDS = (
    "SELECT c.reference_id, c.created, c.classification, c.origin, c.latest_release,"
    " json_extract(c.record, {paths}), t.body,"
    " (SELECT group_concat(v.release, char(31)) FROM versions v LEFT JOIN changes ch"
    " ON ch.reference_id = v.reference_id AND ch.release = v.release"
    " WHERE v.reference_id = c.reference_id AND coalesce(ch.change, '') != '{removed}'),"
    " (SELECT group_concat(a.alias, char(31)) FROM aliases a WHERE a.reference_id = c.reference_id)"
    " FROM cables c JOIN texts t ON t.hash = c.text_hash ORDER BY c.reference_id"
).format(paths=", ".join(f"'$.{key}'" for key in SEARCH_KEYS), removed=REMOVED)


def search_fields_of_row(row: tuple[Any, ...]) -> SearchFields:
    """Return the ``SearchFields`` of a ``SELECT_SEARCH_FIELDS`` row (displayed values as ``cable``)."""
    key, created, classification, origin, latest, extracted, body, releases, aliases = (
        row
    )
    values = search_values(extracted)
    return SearchFields(
        reference_id=values["reference_id"],
        canonical_id=values["canonical_id"],
        body=body,
        subject=values["subject"],
        created=datetime.fromisoformat(created) if created else values["created"],
        classification=classification or values["classification"],
        origin=origin or values["origin"],
        station=values["station"],
        tags=values["tags"],
        cited=values["cited"],
        signers=values["signers"],
        captions=values["captions"],
        redactions=values["redactions"],
        releases=tuple(sorted(set(releases.split("\x1f")))) if releases else (),
        latest_release=latest,
        release=values["release"],
        aliases=_published_of(key, aliases, values["canonical_id"]) if aliases else (),
    )


def _published_of(key: str, joined: str, canonical_id: str) -> tuple[str, ...]:
    """Return the published aliases of a cable from its alias keys joined by unit separators."""
    upper = key.upper()
    keys = sorted([alias for alias in joined.split("\x1f") if alias != upper])
    return tuple(published_aliases(keys, canonical_id))
