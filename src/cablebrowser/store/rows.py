"""The rows the SQLite archive writes: versions, cables, references, aliases, displayed values.

``writing.py`` decides when to write; this module knows how each row looks.
Dates are stored as ISO 8601 text so they sort and read well in any SQLite tool.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime

from ..errors import CableError
from ..record import Cable, SourceRecord
from .changes import Display, VersionFacts

INSERT_TEXT = "INSERT OR IGNORE INTO texts (hash, norm_hash, redactions, header, body) VALUES (?, ?, ?, ?, ?)"
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


def alias_keys(reference_id: str, ids: Iterable[str]) -> set[str]:
    """Return the lookup keys of a cable: its IDs and their PlusD ``_A`` forms."""
    keys: set[str] = set()
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


def stored_display(
    conn: sqlite3.Connection, reference_ids: list[str]
) -> dict[str, tuple[object, ...]]:
    """Return per cable its stored displayed values and record owner (release, form), in one read.

    The IDs fill one IN list: a few hundred at most.
    """
    columns = ", ".join(_DISPLAY_COLUMNS)
    rows = conn.execute(
        f"SELECT reference_id, {columns}, record_release, record_form FROM cables"
        f" WHERE reference_id IN ({', '.join('?' * len(reference_ids))})",
        reference_ids,
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def display_values(shown: Display) -> tuple[object, ...]:
    """Return a cable's displayed values as ``UPDATE_DISPLAY`` writes them (before its ID)."""
    values = tuple(getattr(shown, name) for name in _DISPLAY_COLUMNS)
    return values[:7] + (int(shown.is_partial), shown.redactions)


UPDATE_DISPLAY = (
    "UPDATE cables SET "
    + ", ".join(f"{name} = ?" for name in _DISPLAY_COLUMNS)
    + " WHERE reference_id = ?"
)


def iso(value: datetime | None) -> str | None:
    """Return a date as stored: ISO 8601 text, or None."""
    return value.isoformat() if value else None
