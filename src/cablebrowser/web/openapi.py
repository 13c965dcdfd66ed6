"""The OpenAPI 3.1 description of the JSON API (``/api/openapi.json``).

Schemas are plain JSON Schema (2020-12), so tests validate every API
response against them; the ``/api`` page is rendered from the same document.
"""

from __future__ import annotations

from typing import Any

from ..store.base import CHANGE_KINDS

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date-time"}
STRINGS = {"type": "array", "items": {"type": "string"}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def _counts(key: str = "value") -> dict[str, Any]:
    return {
        "type": "array",
        "items": _object(
            [key, "count"], **{key: {"type": "string"}, "count": {"type": "integer"}}
        ),
    }


SCHEMAS: dict[str, Any] = {
    "Error": _object(
        ["error"],
        error=_object(
            ["status", "message"],
            status={"type": "integer"},
            message={"type": "string"},
        ),
    ),
    "CableSummary": _object(
        [
            "reference_id",
            "canonical_id",
            "url",
            "subject",
            "created",
            "origin",
            "classification",
            "tags",
        ],
        reference_id={"type": "string"},
        canonical_id={"type": "string"},
        url={"type": "string"},
        subject=NULLABLE_STRING,
        created=NULLABLE_DATE,
        origin=NULLABLE_STRING,
        classification=NULLABLE_STRING,
        tags=STRINGS,
        is_partial={"type": "boolean"},
        latest_release=NULLABLE_STRING,
    ),
    "CableList": _object(
        ["total", "page", "per_page", "items"],
        total={"type": "integer"},
        page={"type": "integer"},
        per_page={"type": "integer"},
        items={"type": "array", "items": _ref("CableSummary")},
    ),
    "Cable": _object(
        [
            "reference_id",
            "canonical_id",
            "body",
            "url",
            "wikileaks_url",
            "tags",
            "versions",
            "citations",
        ],
        reference_id={"type": "string"},
        canonical_id={"type": "string"},
        body={"type": "string"},
        subject=NULLABLE_STRING,
        created=NULLABLE_DATE,
        released=NULLABLE_DATE,
        origin=NULLABLE_STRING,
        classification=NULLABLE_STRING,
        tags=STRINGS,
        url={"type": "string"},
        wikileaks_url={"type": "string"},
        aliases=STRINGS,
        is_partial={"type": "boolean"},
        latest_release=NULLABLE_STRING,
        latest_released=NULLABLE_DATE,
        cited_by=STRINGS,
        cited_by_total={"type": "integer"},
        similar=STRINGS,
        versions={"type": "array", "items": _ref("Version")},
        citations={"type": "object", "additionalProperties": {"type": "string"}},
    ),
    "KnownCable": _object(
        ["reference_id", "canonical_id", "year", "month", "has_text", "wikileaks_url"],
        reference_id={"type": "string"},
        canonical_id={"type": "string"},
        year={"type": "integer"},
        month={"type": "integer"},
        has_text={"type": "boolean"},
        wikileaks_url={"type": "string"},
    ),
    "CableOrKnown": {"anyOf": [_ref("Cable"), _ref("KnownCable")]},
    "Version": _object(
        ["release", "released", "change", "form", "content_hash"],
        release={"type": "string"},
        released=NULLABLE_DATE,
        change={"type": "string"},
        form={"type": "string"},
        source={"type": "string"},
        content_hash={"type": "string"},
        created=NULLABLE_DATE,
        classification=NULLABLE_STRING,
        origin=NULLABLE_STRING,
        is_partial={"type": ["boolean", "null"]},
        redactions={"type": "integer"},
    ),
    "Versions": _object(
        ["reference_id", "versions"],
        reference_id={"type": "string"},
        versions={"type": "array", "items": _ref("Version")},
    ),
    "Hit": _object(
        [
            "reference_id",
            "canonical_id",
            "url",
            "subject",
            "created",
            "snippet_html",
            "score",
        ],
        reference_id={"type": "string"},
        canonical_id={"type": "string"},
        url={"type": "string"},
        subject=NULLABLE_STRING,
        created=NULLABLE_DATE,
        origin=NULLABLE_STRING,
        classification=NULLABLE_STRING,
        tags=STRINGS,
        snippet_html={"type": "string"},
        score={"type": "number"},
    ),
    "SearchResult": _object(
        ["query", "total", "page", "per_page", "sort", "hits", "facets", "histogram"],
        query={"type": "string"},
        total={"type": "integer"},
        page={"type": "integer"},
        per_page={"type": "integer"},
        sort={"type": "string"},
        redirect_id=NULLABLE_STRING,
        hits={"type": "array", "items": _ref("Hit")},
        facets={"type": "object", "additionalProperties": _counts()},
        histogram=_counts("month"),
    ),
    "Facet": _object(
        ["field", "values"],
        field={"type": "string"},
        date=NULLABLE_STRING,
        values=_counts(),
    ),
    "Releases": _object(
        ["releases"],
        releases={
            "type": "array",
            "items": _object(
                ["name", "released", "source", "counts"],
                name={"type": "string"},
                released=NULLABLE_DATE,
                source={"type": "string"},
                counts={"type": "object", "additionalProperties": {"type": "integer"}},
            ),
        },
    ),
    "VersionBrief": _object(
        ["release", "released", "change", "form"],
        release={"type": "string"},
        released=NULLABLE_DATE,
        change={"type": "string"},
        form={"type": "string"},
    ),
    "Marker": _object(
        ["number", "marker", "before", "after", "hidden", "exact"],
        number={"type": "integer"},
        marker={"type": "string"},
        before={"type": "string"},
        after={"type": "string"},
        hidden=NULLABLE_STRING,
        exact={"type": "boolean"},
    ),
    "Diff": _object(
        [
            "reference_id",
            "from",
            "to",
            "changed",
            "counts",
            "segments",
            "redactions_from",
            "redactions_to",
        ],
        reference_id={"type": "string"},
        **{"from": _ref("VersionBrief")},
        to=_ref("VersionBrief"),
        changed={"type": "boolean"},
        counts={"type": "object", "additionalProperties": {"type": "integer"}},
        segments={
            "type": "array",
            "items": _object(
                ["kind", "old", "new"],
                kind={
                    "enum": [
                        "equal",
                        "insert",
                        "delete",
                        "replace",
                        "redacted",
                        "unredacted",
                    ]
                },
                old={"type": "string"},
                new={"type": "string"},
            ),
        },
        redactions_from={"type": "array", "items": _ref("Marker")},
        redactions_to={"type": "array", "items": _ref("Marker")},
    ),
    "Release": _object(
        ["name", "released", "source", "counts", "summary"],
        name={"type": "string"},
        released=NULLABLE_DATE,
        source={"type": "string"},
        counts={"type": "object", "additionalProperties": {"type": "integer"}},
        summary={"type": "string"},
        change={"enum": list(CHANGE_KINDS)},
        total={"type": "integer"},
        page={"type": "integer"},
        per_page={"type": "integer"},
        items={"type": "array", "items": _ref("CableSummary")},
    ),
    "Tags": _object(
        ["tags"],
        tags={
            "type": "array",
            "items": _object(
                ["code", "kind", "meaning", "count"],
                code={"type": "string"},
                kind={"type": "string"},
                meaning=NULLABLE_STRING,
                count={"type": "integer"},
            ),
        },
    ),
}


def _param(
    name: str, where: str, description: str, schema: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _get(
    summary: str, schema: str, params: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    ok = {
        "description": "OK",
        "content": {"application/json": {"schema": _ref(schema)}},
    }
    error = {
        "description": "Error",
        "content": {"application/json": {"schema": _ref("Error")}},
    }
    return {
        "get": {
            "summary": summary,
            "parameters": params or [],
            "responses": {"200": ok, "default": error},
        }
    }


PAGE = _param(
    "page", "query", "Page number, from 1.", {"type": "integer", "minimum": 1}
)
PER_PAGE = _param(
    "per_page",
    "query",
    "Rows per page (1-100).",
    {"type": "integer", "minimum": 1, "maximum": 100},
)
LIST_PARAMS = [
    _param("origin", "query", "Exact origin, e.g. US Office Almaty."),
    _param("tag", "query", "One tag, e.g. PGOV."),
    _param("classification", "query", "Exact classification, e.g. CONFIDENTIAL."),
    _param("date", "query", "Creation date prefix: YYYY, YYYY-MM or YYYY-MM-DD."),
    _param("release", "query", "Release name."),
    _param(
        "sort",
        "query",
        "created, -created, id or -id.",
        {"enum": ["created", "-created", "id", "-id"]},
    ),
    PAGE,
    PER_PAGE,
]
CABLE_ID = _param(
    "id", "path", "A cable ID in any form (WikiLeaks ID, canonical ID, malformed ID)."
)
SEARCH_PARAMS = [
    _param("q", "query", "The query (see the search page for the syntax).")
    | {"required": True},
    _param(
        "sort",
        "query",
        "relevance, -date or date.",
        {"enum": ["relevance", "-date", "date"]},
    ),
    PAGE,
    PER_PAGE,
]
FACET_FIELDS = ["origin", "tag", "classification", "release", "year", "month", "day"]


def openapi() -> dict[str, Any]:
    """Return the OpenAPI document of the JSON API."""
    info = {
        "title": "cablebrowser API",
        "version": "1",
        "description": "Read-only JSON API of the US diplomatic cables archive. Errors have one shape: "
        '{"error": {"status": 404, "message": "..."}}.',
    }
    return {
        "openapi": "3.1.0",
        "info": info,
        "paths": _paths(),
        "components": {"schemas": SCHEMAS},
    }


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/cables": _get(
            "List cables, filtered and paginated.", "CableList", LIST_PARAMS
        ),
        "/api/v1/cables/{id}": _get(
            "One cable: text, metadata, versions, links, citations (or, for a cable known only from the ID list, what is known).",
            "CableOrKnown",
            [CABLE_ID],
        ),
        "/api/v1/cables/{id}/versions": _get(
            "Every version of a cable, by release.", "Versions", [CABLE_ID]
        ),
        "/api/v1/cables/{id}/diff": _get(
            "What changed in a cable between two releases, word by word, with every redaction marker "
            "aligned with the text the other version has there.",
            "Diff",
            [
                CABLE_ID,
                _param(
                    "from",
                    "query",
                    "The older release (default: the version before 'to').",
                ),
                _param(
                    "to", "query", "The newer release (default: the latest version)."
                ),
            ],
        ),
        "/api/v1/search": _get("Search the cables.", "SearchResult", SEARCH_PARAMS),
        "/api/v1/facets/{field}": _get(
            "Number of cables per value of one field.",
            "Facet",
            [
                _param("field", "path", "The field.", {"enum": FACET_FIELDS}),
                _param(
                    "date",
                    "query",
                    "Only cables created in this period (YYYY or YYYY-MM).",
                ),
            ],
        ),
        "/api/v1/releases": _get(
            "The releases, oldest first, with change counts.", "Releases"
        ),
        "/api/v1/releases/{name}": _get(
            "One release: its date and what it changed, with counts; with 'change', "
            "also a page of the cables of that change kind (total, page, per_page, items).",
            "Release",
            [
                _param("name", "path", "The release name."),
                _param(
                    "change",
                    "query",
                    "List the cables of this change kind, in reference-ID order.",
                    {"enum": list(CHANGE_KINDS)},
                ),
                PAGE,
                PER_PAGE,
            ],
        ),
        "/api/v1/origins": _get("The origins with their number of cables.", "Facet"),
        "/api/v1/tags": _get(
            "The tags with kind, meaning and number of cables.", "Tags"
        ),
    }
