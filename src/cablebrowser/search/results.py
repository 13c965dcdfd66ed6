"""What a search returns: hits with safe HTML snippets, facet counts and a histogram."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .document import unmask
from .ids import country_for
from .schema import FACETS


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
    aggregations: dict[str, Any], sizes: dict[str, int]
) -> dict[str, list[tuple[str, int]]]:
    """Turn the terms aggregations into (value, count) lists, most frequent first.

    ``country`` is summed from the station counts and ``year`` from the month
    keys, so both need the complete ``origin`` and ``months`` aggregations.
    """
    stations = _buckets(aggregations, "origin")
    months = _buckets(aggregations, "months")
    counts = {
        "origin": stations,
        "country": _summed(stations, country_for),
        "tag": _buckets(aggregations, "tag"),
        "classification": _buckets(aggregations, "classification"),
        "year": _summed(months, lambda key: key[:4]),
        "release": _buckets(aggregations, "release"),
    }
    return {name: sorted(counts[name], key=_by_count)[: sizes[name]] for name in FACETS}


def histogram(aggregations: dict[str, Any]) -> list[tuple[str, int]]:
    """Return the ascending ("YYYY-MM", count) pairs of the month aggregation."""
    return sorted(
        (key, count) for key, count in _buckets(aggregations, "months") if "-" in key
    )


def _buckets(aggregations: dict[str, Any], name: str) -> list[tuple[str, int]]:
    buckets = aggregations.get(name, {}).get("buckets", [])
    return [(_key(bucket["key"]), int(bucket["doc_count"])) for bucket in buckets]


def _summed(
    counts: list[tuple[str, int]], group: Callable[[str], str | None]
) -> list[tuple[str, int]]:
    sums: dict[str, int] = {}
    for key, count in counts:
        name = group(key)
        if name:
            sums[name] = sums.get(name, 0) + count
    return list(sums.items())


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
