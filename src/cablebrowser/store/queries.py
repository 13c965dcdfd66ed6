"""SQL of the SQLite archive, and the rows it reads and writes.

``sqlite.py`` decides when to write; this module knows how each row looks.
Dates are stored as ISO 8601 text so they sort and read well in any SQLite tool.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from ..errors import CableError
from ..record import Cable, Form, SourceRecord
from .base import REMOVED, KnownCable, Release, Version
from .changes import Display, VersionFacts

INSERT_VERSION = (
    "INSERT OR IGNORE INTO versions (reference_id, release, form, source, text_hash, created, page_released,"
    " classification, classification_title, origin, build, is_partial, subject)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def version_row(
    release: str, record: SourceRecord, cable: Cable, digest: str
) -> tuple[object, ...]:
    """Return the ``versions`` row of one stored version."""
    return (
        cable.reference_id,
        release,
        str(record.form),
        record.source,
        digest,
        iso(record.created),
        iso(record.released),
        record.classification,
        record.extra.get("classification_title"),
        record.origin,
        record.build,
        int(cable.is_partial),
        record.subject,
    )


_RECORD_COLUMNS = (
    "canonical_id",
    "subject",
    "station",
    "country",
    "tags",
    "is_partial",
    "redactions",
    "text_hash",
    "record_release",
    "record_form",
    "record",
)
UPSERT_CABLE = (
    "INSERT INTO cables (reference_id, created, released, first_published, latest_release, latest_released,"
    " classification, origin, "
    + ", ".join(_RECORD_COLUMNS)
    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    + ", ".join("?" * len(_RECORD_COLUMNS))
    + ") ON CONFLICT(reference_id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _RECORD_COLUMNS)
)


def cable_row(
    cable: Cable,
    record: SourceRecord,
    release: str,
    released: str | None,
    digest: str,
    record_json: str,
) -> tuple[object, ...]:
    """Return the ``cables`` row of a cable's latest parsed version.

    The displayed columns (created … origin) are provisional on a first insert;
    ``finish_release`` settles them and an update never touches them.
    """
    published = iso(record.released) or released
    return (
        cable.reference_id,
        iso(record.created),
        iso(record.released),
        published,
        release,
        released,
        record.classification,
        record.origin,
        cable.canonical_id,
        cable.subject or record.subject,
        cable.station,
        country(cable.station),
        json.dumps(list(cable.tags)),
        int(cable.is_partial),
        len(cable.redactions),
        digest,
        release,
        str(record.form),
        record_json,
    )


def ref_rows(cable: Cable) -> Iterator[tuple[str, str, str | None, int]]:
    """Yield the ``refs`` rows of the cables a cable cites."""
    for position, ref in enumerate(cable.references):
        if ref.kind == "cable":
            yield (cable.reference_id, ref.value.upper(), ref.bullet, position)


_SUFFIX_PATTERN = re.compile(r"_[A-Z]$")


def alias_keys(reference_id: str, ids: tuple[str, ...]) -> set[str]:
    """Return the lookup keys of a cable: its IDs and their PlusD ``_A`` forms."""
    keys = set()
    for value in ids:
        if value:
            key = value.strip().upper()
            keys.update((key, _SUFFIX_PATTERN.sub("", key) + "_A"))
    keys.discard(reference_id.upper())
    return keys


def canonical(reference_id: str) -> str:
    """Return the canonical form of an ID (itself when the parser cannot say)."""
    try:
        from ..parse.ids import canonical_id
    except ImportError:  # the ID grammar is optional for storing
        return reference_id.upper()
    try:
        return canonical_id(reference_id) or reference_id.upper()
    except (ValueError, CableError):
        return reference_id.upper()


def country(station: str | None) -> str | None:
    """Return the country of a station code, or None."""
    if not station:
        return None
    try:
        from ..parse.ids import country_of
    except ImportError:
        return None
    return country_of(station)


_FACTS = (
    "SELECT v.reference_id, v.release, v.form, t.norm_hash, t.redactions, v.created, v.page_released,"
    " v.classification, v.origin, v.build, v.is_partial FROM versions v JOIN texts t ON t.hash = v.text_hash"
)


def facts_by_cable(
    conn: sqlite3.Connection, release: str | None
) -> Iterator[tuple[str, list[VersionFacts]]]:
    """Yield each cable's version facts: of the release's cables, or of all when None."""
    if release is None:
        rows = conn.execute(_FACTS + " ORDER BY v.reference_id")
    else:
        where = " WHERE v.reference_id IN (SELECT reference_id FROM versions WHERE release = ?)"
        rows = conn.execute(_FACTS + where + " ORDER BY v.reference_id", (release,))
    for reference_id, group in itertools.groupby(rows, key=lambda row: row[0]):
        yield reference_id, [VersionFacts(*row[1:]) for row in group]


_DISPLAY_COLUMNS = (
    "created",
    "released",
    "classification",
    "origin",
    "first_published",
    "latest_release",
    "latest_released",
    "is_partial",
    "redactions",
)


def update_display(conn: sqlite3.Connection, reference_id: str, shown: Display) -> bool:
    """Write a cable's displayed values if they changed; tell whether its record is stale."""
    columns = ", ".join(_DISPLAY_COLUMNS)
    row = conn.execute(
        f"SELECT {columns}, record_release, record_form FROM cables WHERE reference_id = ?",
        (reference_id,),
    ).fetchone()
    values = tuple(getattr(shown, name) for name in _DISPLAY_COLUMNS)
    values = values[:7] + (int(shown.is_partial), shown.redactions)
    if tuple(row[:9]) != values:
        assignments = ", ".join(f"{name} = ?" for name in _DISPLAY_COLUMNS)
        conn.execute(
            f"UPDATE cables SET {assignments} WHERE reference_id = ?",
            (*values, reference_id),
        )
    return (row[9], row[10]) != (shown.latest_release, shown.latest_form)


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
    row: tuple[Any, ...], decode: Callable[..., Cable]
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


def aliases_of(conn: sqlite3.Connection, reference_id: str) -> list[str]:
    """Return the other IDs that resolve to a cable."""
    rows = conn.execute(
        "SELECT alias FROM aliases WHERE reference_id = ? AND alias != ? ORDER BY alias",
        (reference_id, reference_id.upper()),
    )
    return [row[0] for row in rows]


def resolve(conn: sqlite3.Connection, any_id: str) -> str | None:
    """Return the reference ID an ID in any form names, or None."""
    key = any_id.strip().upper()
    if not key:
        return None
    bare = _SUFFIX_PATTERN.sub("", key)
    for candidate in dict.fromkeys((key, bare, canonical(bare).upper())):
        found = _lookup(conn, candidate)
        if found:
            return found
    return None


def _lookup(conn: sqlite3.Connection, key: str) -> str | None:
    for sql in (
        "SELECT reference_id FROM aliases WHERE alias = ?",
        "SELECT reference_id FROM known WHERE upper(reference_id) = ?",
        "SELECT reference_id FROM known WHERE canonical_id = ? ORDER BY reference_id",
    ):
        row = conn.execute(sql, (key,)).fetchone()
        if row:
            return str(row[0])
    return None


def known(conn: sqlite3.Connection, reference_id: str) -> KnownCable | None:
    """Return what the ID list knows of a cable."""
    row = conn.execute(
        "SELECT k.reference_id, k.canonical_id, k.year, k.month,"
        " EXISTS (SELECT 1 FROM cables c WHERE c.reference_id = k.reference_id)"
        " FROM known k WHERE k.reference_id = ?",
        (reference_id,),
    ).fetchone()
    if row is None:
        return None
    return KnownCable(row[0], row[1], row[2], row[3], bool(row[4]))


def versions(conn: sqlite3.Connection, reference_id: str) -> list[Version]:
    """Return a cable's versions and removals, unordered (removals carry no form yet)."""
    rows = conn.execute(
        "SELECT v.release, r.released, v.form, v.source, v.text_hash, coalesce(ch.change, ''), v.created,"
        " v.page_released, v.classification, v.origin, v.build, v.is_partial"
        " FROM versions v JOIN releases r ON r.name = v.release"
        " LEFT JOIN changes ch ON ch.reference_id = v.reference_id AND ch.release = v.release"
        " WHERE v.reference_id = ?",
        (reference_id,),
    )
    found = [_version(reference_id, row) for row in rows]
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


def _version(reference_id: str, row: tuple[Any, ...]) -> Version:
    release, released, form, source, digest, change, created, page_released, *rest = row
    classification, origin, build, partial = rest
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
    )


def releases(conn: sqlite3.Connection) -> list[Release]:
    """Return every release with its counts of change kinds, unordered."""
    counts: dict[str, dict[str, int]] = {}
    for release, change, number in conn.execute(
        "SELECT release, change, count(*) FROM changes GROUP BY 1, 2"
    ):
        counts.setdefault(release, {})[change] = number
    rows = conn.execute("SELECT name, released, source FROM releases")
    return [
        Release(name, parse_iso(date), source, counts.get(name, {}))
        for name, date, source in rows
    ]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Return counts of the archive by form, classification, origin and decade."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    group = lambda sql: {str(key): number for key, number in conn.execute(sql)}  # noqa: E731
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


def iso(value: datetime | None) -> str | None:
    """Return a date as stored: ISO 8601 text, or None."""
    return value.isoformat() if value else None


def parse_iso(value: str | None) -> datetime | None:
    """Return a stored date as a datetime, or None."""
    return datetime.fromisoformat(value) if value else None
