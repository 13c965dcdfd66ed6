"""Browse the SQLite archive: filtered, sorted pages of cables and facet counts.

Only SQL is built here; ``sqlite.py`` runs it and turns rows into cables.
Filters match the displayed values of ``cables`` (docs/schema.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..errors import QueryError
from .base import CHANGE_KINDS, KnownCable

_SORTS = {
    "created": "c.created IS NULL, c.created, c.reference_id",
    "-created": "c.created IS NULL, c.created DESC, c.reference_id",
    "id": "c.reference_id",
    "-id": "c.reference_id DESC",
}


def list_sql(
    *,
    origin: str | None,
    tag: str | None,
    classification: str | None,
    date: str | None,
    release: str | None,
    sort: str,
) -> tuple[str, str, list[object]]:
    """Return (WHERE clause, ORDER BY clause, parameters) of a cable listing."""
    if sort not in _SORTS:
        raise QueryError(
            f"unknown sort {sort!r}; use one of {', '.join(_SORTS)}", field="sort"
        )
    clauses: list[str] = []
    params: list[object] = []
    for column, value in (("c.origin", origin), ("c.classification", classification)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if tag is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM json_each(c.tags) WHERE json_each.value = ?)"
        )
        params.append(tag)
    if date is not None:
        clauses.append("substr(c.created, 1, ?) = ?")
        params += [len(date), date]
    if release is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM versions v WHERE v.reference_id = c.reference_id AND v.release = ?)"
        )
        params.append(release)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return where, " ORDER BY " + _SORTS[sort], params


def page_ids(
    conn: sqlite3.Connection,
    where: str,
    order: str,
    params: list[object],
    offset: int,
    limit: int,
) -> list[str]:
    """Return the reference IDs of one page of a listing."""
    rows = conn.execute(
        f"SELECT c.reference_id FROM cables c{where}{order} LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [row[0] for row in rows]


def total(conn: sqlite3.Connection, where: str, params: list[object]) -> int:
    """Return the number of cables a listing matches."""
    return int(
        conn.execute(f"SELECT count(*) FROM cables c{where}", params).fetchone()[0]
    )


def changed_ids(
    conn: sqlite3.Connection, release: str, change: str, offset: int, limit: int
) -> tuple[list[str], int]:
    """Return one page of the cables with this change kind in a release, and their total."""
    if change not in CHANGE_KINDS:
        raise QueryError(
            f"unknown change kind {change[:40]!r}; use one of {', '.join(CHANGE_KINDS)}",
            field="change",
        )
    # Served by the index changes_release(release, change), which is in reference-ID order.
    where = " FROM changes WHERE release = ? AND change = ?"
    rows = conn.execute(
        "SELECT reference_id" + where + " ORDER BY reference_id LIMIT ? OFFSET ?",
        (release, change, limit, offset),
    )
    total = conn.execute("SELECT count(*)" + where, (release, change)).fetchone()[0]
    return [row[0] for row in rows], int(total)


_DATE_FIELDS = {"year": 4, "month": 7, "day": 10}
_VALUE_SQL = {
    "origin": "SELECT c.origin, count(*) FROM cables c{where} AND c.origin IS NOT NULL GROUP BY 1",
    "classification": "SELECT c.classification, count(*) FROM cables c{where} AND c.classification IS NOT NULL GROUP BY 1",
    "tag": "SELECT t.value, count(DISTINCT c.reference_id) FROM cables c, json_each(c.tags) t{where} GROUP BY 1",
    "release": "SELECT v.release, count(DISTINCT c.reference_id) FROM cables c JOIN versions v"
    " ON v.reference_id = c.reference_id{where} GROUP BY 1",
}


def counts(
    conn: sqlite3.Connection, field: str, date: str | None
) -> list[tuple[str, int]]:
    """Return (value, cables) for one facet field (see ``Store.counts``)."""
    where = " WHERE 1 = 1"
    params: list[object] = []
    if date is not None:
        where += " AND substr(c.created, 1, ?) = ?"
        params = [len(date), date]
    if field in _DATE_FIELDS:
        sql = "SELECT substr(c.created, 1, ?), count(*) FROM cables c{where} AND c.created IS NOT NULL GROUP BY 1 ORDER BY 1"
        rows = conn.execute(sql.format(where=where), [_DATE_FIELDS[field], *params])
        return [(str(value), int(number)) for value, number in rows]
    if field not in _VALUE_SQL:
        raise QueryError(f"cannot count by {field!r}", field="field")
    rows = conn.execute(
        _VALUE_SQL[field].format(where=where) + " ORDER BY 2 DESC, 1", params
    )
    return [(str(value), int(number)) for value, number in rows]


def iter_known(conn: sqlite3.Connection) -> Iterator[KnownCable]:
    """Yield every known cable (from the ID list or with text), in reference-ID order."""
    rows = conn.cursor().execute(
        "SELECT k.reference_id, k.canonical_id, k.year, k.month, c.reference_id IS NOT NULL"
        " FROM known k LEFT JOIN cables c ON c.reference_id = k.reference_id"
        " UNION ALL SELECT c.reference_id, c.canonical_id, CAST(substr(c.created, 1, 4) AS INTEGER),"
        " CAST(substr(c.created, 6, 2) AS INTEGER), 1 FROM cables c"
        " WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.reference_id = c.reference_id)"
        " ORDER BY 1"
    )
    for reference_id, canonical_id, year, month, has_text in rows:
        yield KnownCable(
            reference_id, canonical_id, year or 0, month or 0, bool(has_text)
        )
