"""The OpenAPI 3.1 description of the JSON API (``/api/openapi.json``): its paths and parameters.

The response schemas are in ``apischemas``; the ``/api`` page is rendered
from the same document.
"""

from __future__ import annotations

from typing import Any

from ..store.base import CHANGE_KINDS
from .apischemas import SCHEMAS, ref


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
        "content": {"application/json": {"schema": ref(schema)}},
    }
    error = {
        "description": "Error",
        "content": {"application/json": {"schema": ref("Error")}},
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
