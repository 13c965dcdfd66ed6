"""Read what one cable page shows in two statements, and find many linked IDs at once.

A cable's web page shows a few fields of its stored record, its text, its
versions, aliases and citing cables. ``read_page`` takes the record's fields
with SQLite's JSON operators (no decoding of paragraphs and recipients the page
never shows) and the rest in one ``UNION ALL``. ``known_any`` finds the ID-list
entries of a page's links, in whatever form they are written, in two
statements instead of a few per link (the IDs as given, then every lookup key
of the others); it answers as ``resolve`` then ``known`` would, one ID at a time.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from ..record import Form, Reference
from .base import REMOVED, KnownCable, ShownCable, Version
from .queries import (
    known_many,
    lookup_keys,
    parse_iso,
    published_aliases,
    version_row,
)

# The cable is served only when the ID, as a lookup key, resolves to itself
# (the first candidate of ``queries.resolve``); otherwise the caller resolves it.
# One JSON path list: SQLite parses the record once and answers an array of the values.
_RECORD_FIELDS = (
    "reference_id",
    "canonical_id",
    "created",
    "released",
    "release",
    "origin",
    "station",
    "classification",
    "tags",
    "subject",
    "references",
    "is_partial",
    "redactions",
)
SELECT_PAGE = (
    "SELECT json_extract(c.record, "
    + ", ".join(f"'$.{name}'" for name in _RECORD_FIELDS)
    + "), t.body, c.created, c.released, c.origin, c.classification, c.first_published,"
    " c.latest_release, c.latest_released"
    " FROM cables c JOIN texts t ON t.hash = c.text_hash WHERE c.reference_id = ?1 AND ?1 = coalesce("
    "(SELECT reference_id FROM aliases WHERE alias = ?2),"
    " (SELECT reference_id FROM known WHERE upper(reference_id) = ?2),"
    " (SELECT reference_id FROM known WHERE canonical_id = ?2 ORDER BY reference_id LIMIT 1))"
)
# Versions (0), removals (1), aliases (2) and citing cables (3), each by its index.
SELECT_AROUND = (
    "SELECT 0, v.release, r.released, v.form, v.source, v.text_hash, coalesce(ch.change, ''), v.created,"
    " v.page_released, v.classification, v.origin, v.build, v.is_partial, t.redactions"
    " FROM versions v JOIN releases r ON r.name = v.release JOIN texts t ON t.hash = v.text_hash"
    " LEFT JOIN changes ch ON ch.reference_id = v.reference_id AND ch.release = v.release"
    " WHERE v.reference_id = ?1"
    " UNION ALL SELECT 1, ch.release, r.released, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " NULL, NULL FROM changes ch JOIN releases r ON r.name = ch.release"
    " WHERE ch.reference_id = ?1 AND ch.change = ?4"
    " UNION ALL SELECT 2, alias, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
    " FROM aliases WHERE reference_id = ?1 AND alias != ?2"
    " UNION ALL SELECT DISTINCT 3, reference_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " NULL, NULL, NULL FROM refs WHERE cited = ?3"
)


def read_page(
    conn: sqlite3.Connection,
    reference_id: str,
    order: Callable[[list[Version]], list[Version]] = list,
) -> ShownCable | None:
    """Return what the page of a stored cable shows, or None when the ID names no cable itself.

    Versions come as ``order`` (the store's ordering) returns them, unordered by
    default; aliases and citing cables sorted.
    """
    row = conn.execute(
        SELECT_PAGE, (reference_id, reference_id.strip().upper())
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    rid, canonical_id = record[0], record[1]
    versions: list[Version] = []
    aliases: list[str] = []
    cited: list[str] = []
    params = (rid, rid.upper(), canonical_id.upper(), REMOVED)
    for kind, value, *rest in conn.execute(SELECT_AROUND, params):
        if kind == 0:
            versions.append(version_row(rid, (value, *rest)))
        elif kind == 1:
            versions.append(
                Version(rid, value, parse_iso(rest[0]), Form.PAGE, "", "", REMOVED)
            )
        elif kind == 2:
            aliases.append(value)
        else:
            cited.append(value)
    around = (
        tuple(order(versions)),
        tuple(published_aliases(sorted(aliases), canonical_id)),
        sorted(cited),
    )
    return _shown(record, row, *around)


def _shown(
    record: list[Any],
    row: tuple[Any, ...],
    versions: tuple[Version, ...],
    aliases: tuple[str, ...],
    cited: list[str],
) -> ShownCable:
    # As ``queries.cable_of_row``: the displayed columns win over the record's values.
    rid, canonical_id, created, released, release, origin, station, *rest = record
    classification, tags, subject, references, partial, redactions = rest
    body, shown_created, shown_released, shown_origin, shown_class, *published = row[1:]
    return ShownCable(
        reference_id=rid,
        canonical_id=canonical_id,
        body=body,
        created=parse_iso(shown_created) or parse_iso(created),
        released=parse_iso(shown_released) or parse_iso(released),
        release=release,
        origin=shown_origin or origin,
        station=station,
        classification=shown_class or classification,
        tags=tuple(tags or ()),
        subject=subject,
        references=tuple(Reference(**item) for item in references or ()),
        is_partial=bool(partial),
        redactions=len(redactions or ()),
        first_published=parse_iso(published[0]),
        latest_release=published[1],
        latest_released=parse_iso(published[2]),
        versions=versions,
        aliases=aliases,
        cited_by=tuple(cited),
    )


def known_any(conn: sqlite3.Connection, any_ids: list[str]) -> dict[str, KnownCable]:
    """Return the ID-list entry of each ID (any form) that names one, by the ID as given."""
    found = known_many(conn, any_ids)
    missing = [any_id for any_id in dict.fromkeys(any_ids) if any_id not in found]
    if not missing:
        return found
    owners: list[tuple[str, int]] = []  # (ID as given, its rank) of each key looked up
    keys: list[str] = []
    for any_id in missing:
        for rank, key in enumerate(lookup_keys(any_id)):
            owners.append((any_id, rank))
            keys.append(key)
    best: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for index, target, *entry in conn.execute(SELECT_RESOLVED, (json.dumps(keys),)):
        any_id, rank = owners[index]
        if target is not None and (any_id not in best or rank < best[any_id][0]):
            best[any_id] = (rank, tuple(entry))
    for any_id, (_, (rid, canonical_id, year, month, has_text)) in best.items():
        if rid is not None:  # else it names a cable the ID list does not hold
            found[any_id] = KnownCable(rid, canonical_id, year, month, bool(has_text))
    return found


# Each key resolved as ``queries.resolve`` tries it (the three ``queries.LOOKUPS``,
# each served by an index; the first by reference ID of one canonical ID is its
# least), with the ID-list entry of what it names, in one statement.
SELECT_RESOLVED = (
    "WITH r AS MATERIALIZED (SELECT j.key AS n, coalesce("
    "(SELECT reference_id FROM aliases WHERE alias = j.value),"
    " (SELECT reference_id FROM known WHERE upper(reference_id) = j.value),"
    " (SELECT min(reference_id) FROM known WHERE canonical_id = j.value))"
    " AS target FROM json_each(?1) j)"
    " SELECT r.n, r.target, k.reference_id, k.canonical_id, k.year, k.month,"
    " EXISTS (SELECT 1 FROM cables c WHERE c.reference_id = k.reference_id)"
    " FROM r LEFT JOIN known k ON k.reference_id = r.target"
)
