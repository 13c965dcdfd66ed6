"""What a search returns: hits with safe HTML snippets, facet counts and a histogram."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .document import unmask


@dataclass(frozen=True)
class Hit:
    """One matching cable, as a results page shows it."""

    reference_id: str
    canonical_id: str
    subject: str | None
    created: datetime | None
    origin: str | None
    classification: str | None
    tags: tuple[str, ...]
    snippet_html: str  # HTML-escaped cable text, <mark>…</mark> around matched terms
    score: float


@dataclass(frozen=True)
class SearchResult:
    """One page of results with the exact total, facet counts and a histogram."""

    query: str
    total: int
    page: int
    per_page: int
    sort: str
    hits: tuple[Hit, ...]
    facets: dict[
        str, list[tuple[str, int]]
    ]  # origin, country, tag, classification, year, release
    histogram: list[tuple[str, int]]  # ("YYYY-MM", count), ascending
    redirect_id: str | None = None  # set when the query names one cable in the index


def hit_from_fields(fields: dict[str, list[Any]], snippet: str, score: float) -> Hit:
    """Build a hit from a stored document's fields."""

    def first(name: str) -> Any:
        values = fields.get(name) or [None]
        return values[0]

    created = first("created")
    subject = first("subject")
    return Hit(
        reference_id=first("reference_id") or "",
        canonical_id=first("canonical_id") or "",
        subject=unmask(subject) if subject else None,
        created=created.replace(tzinfo=None) if isinstance(created, datetime) else None,
        origin=first("origin"),
        classification=first("classification"),
        tags=tuple(fields.get("tags") or ()),
        snippet_html=snippet,
        score=float(score),
    )


def facet_counts(
    aggregations: dict[str, Any], names: dict[str, str]
) -> dict[str, list[tuple[str, int]]]:
    """Turn tantivy terms aggregations into (value, count) lists, most frequent first."""
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in names:
        buckets = aggregations.get(name, {}).get("buckets", [])
        facets[name] = [
            (_key(bucket["key"]), int(bucket["doc_count"])) for bucket in buckets
        ]
    return facets


def histogram(aggregation: dict[str, Any]) -> list[tuple[str, int]]:
    """Turn the month terms aggregation into ascending ("YYYY-MM", count) pairs."""
    buckets = aggregation.get("buckets", [])
    return sorted((_key(bucket["key"]), int(bucket["doc_count"])) for bucket in buckets)


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
