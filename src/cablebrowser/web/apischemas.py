"""The JSON Schemas (2020-12) of the API's responses, the components of its OpenAPI document.

Tests validate every API response against them.
"""

from __future__ import annotations

from typing import Any

from ..store.base import CHANGE_KINDS

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date-time"}
STRINGS = {"type": "array", "items": {"type": "string"}}


def ref(name: str) -> dict[str, str]:
    """Return a reference to one of the schemas below."""
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
        items={"type": "array", "items": ref("CableSummary")},
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
        versions={"type": "array", "items": ref("Version")},
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
    "CableOrKnown": {"anyOf": [ref("Cable"), ref("KnownCable")]},
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
        versions={"type": "array", "items": ref("Version")},
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
        hits={"type": "array", "items": ref("Hit")},
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
        **{"from": ref("VersionBrief")},
        to=ref("VersionBrief"),
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
        redactions_from={"type": "array", "items": ref("Marker")},
        redactions_to={"type": "array", "items": ref("Marker")},
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
        items={"type": "array", "items": ref("CableSummary")},
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
