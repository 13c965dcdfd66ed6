"""Answer queries against an open search index: pages of hits, facets, ID lookup, similar cables."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Order, Query

from ..errors import QueryError
from .ids import id_candidates
from .index import BodyFile, open_bodies, open_tantivy
from .likeness import like_query
from .query import And, Field, Node, Word, parse_query
from .results import (
    Hit,
    SearchResult,
    facet_counts,
    histogram,
    hit_from_fields,
)
from .schema import AGGREGATED
from .snippets import Highlighter, highlighter, lead_html
from .translate import Translator, has_words

SORTS = ("relevance", "date", "-date")
MAX_PER_PAGE = 100
FACET_SIZES = {
    "origin": 400,
    "country": 250,
    "tag": 100,
    "classification": 10,
    "year": 100,
    "release": 100,
}
# Terms aggregations are exact when every segment reports all its values;
# stations and months come back whole, as countries and years are summed from them.
_SEGMENT_SIZE = 100_000
_ALL = 10_000
_AGGREGATION_SIZES = {
    "origin": _ALL,
    "tag": FACET_SIZES["tag"],
    "classification": FACET_SIZES["classification"],
    "release": FACET_SIZES["release"],
    "months": _ALL,
}


class SearchIndex:
    """A read-only view of the search index; safe to share between requests."""

    def __init__(self, index: tantivy.Index, path: Path | None = None) -> None:
        self._index = index
        self._translator = Translator(index.schema)
        self._path = path
        self._meta = path / "meta.json" if path is not None else None
        self._seen: tuple[int, int, int] | None = None
        self._bodies: BodyFile | None = None  # opened anew with each reload

    @classmethod
    def open(cls, path: Path) -> SearchIndex:
        """Open the index directory at ``path`` (see ``index_path``)."""
        return cls(open_tantivy(Path(path)), Path(path))

    def count(self) -> int:
        """Return the number of indexed cables."""
        return int(self._searcher().num_docs)

    def search(
        self,
        query: str,
        *,
        page: int = 1,
        per_page: int = 20,
        sort: str = "relevance",
        facets: bool = True,
        facet_sizes: Mapping[str, int] | None = None,
    ) -> SearchResult:
        """Run a query; return one page of hits, the exact total, facets and a histogram.

        Each facet lists its most frequent values, as many as ``FACET_SIZES``
        says unless ``facet_sizes`` asks for more (or fewer) of some.
        """
        if sort not in SORTS:
            raise QueryError(f"unknown sort '{sort}': use one of {', '.join(SORTS)}")
        if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
            raise QueryError(f"page must be 1 or more and per_page 1 to {MAX_PER_PAGE}")
        tree = parse_query(query)
        searcher = self._searcher()
        redirect = self._redirect(searcher, tree)
        target = (
            self._id_query([redirect]) if redirect else self._translator.translate(tree)
        )
        effective = sort if sort != "relevance" or has_words(tree) else "-date"
        found = self._top(searcher, target, page, per_page, effective)
        marker = highlighter(tree) if not redirect else highlighter(And(()))
        hits = tuple(self._hits(searcher, marker, found.hits))
        sizes = {**FACET_SIZES, **(facet_sizes or {})}
        counts, months = self._facets(searcher, target, sizes) if facets else ({}, [])
        return SearchResult(
            query,
            int(found.count or 0),
            page,
            per_page,
            sort,
            hits,
            counts,
            months,
            redirect,
        )

    def similar(
        self, reference_id: str, limit: int = 10, *, leads: bool = True
    ) -> list[Hit]:
        """Return cables like this one (more-like-this on its text), best first.

        ``leads=False`` leaves each hit's ``snippet_html`` empty, for callers that
        show only subjects.
        """
        searcher = self._searcher()
        own = self._id_query(
            id_candidates(reference_id) or [reference_id.strip().upper()]
        )
        found = searcher.search(own, 1).hits
        if not found:
            return []
        like = like_query(
            searcher,
            self._index.schema,
            self._documents(searcher, [found[0][1]])[0],
        )
        if like is None:
            return []
        query = Query.boolean_query([(Occur.Must, like), (Occur.MustNot, own)])
        hits = searcher.search(query, max(1, limit), count=False).hits
        documents = self._documents(searcher, [address for _, address in hits])
        return [
            hit_from_fields(fields, _lead(fields) if leads else "", score)
            for (score, _), fields in zip(hits, documents, strict=True)
        ]

    def _documents(
        self, searcher: tantivy.Searcher, addresses: list[Any]
    ) -> list[dict[str, list[Any]]]:
        """Return the stored fields of documents, each with its ``body`` read back in."""
        documents = [_fields(searcher, address) for address in addresses]
        places = [_place(fields) for fields in documents]
        bodies = self._bodies
        if bodies is None or not any(places):
            return documents
        for fields, body in zip(documents, bodies.read(places), strict=True):
            if body:
                fields["body"] = [body]
        return documents

    def _searcher(self) -> tantivy.Searcher:
        """Return a searcher on the latest commit (a reload costs ~0.2 ms, a stat ~4 µs)."""
        stamp = self._stamp()
        if stamp is None or stamp != self._seen:
            self._index.reload()
            if self._path is not None:
                self._bodies = open_bodies(self._path)
            self._seen = stamp
        return self._index.searcher()

    def _stamp(self) -> tuple[int, int, int] | None:
        """Return what changes whenever a commit or a rebuild rewrites meta.json."""
        if self._meta is None:
            return None
        try:
            found = self._meta.stat()
        except OSError:
            return None
        return found.st_ino, found.st_mtime_ns, found.st_size

    def _id_query(self, keys: list[str]) -> Query:
        terms = [
            (Occur.Should, Query.term_query(self._index.schema, "ids", key))
            for key in keys
        ]
        return Query.boolean_query(terms)

    def _redirect(self, searcher: tantivy.Searcher, tree: Node) -> str | None:
        """Return the reference ID when the whole query names one indexed cable."""
        text, year = _id_text(tree)
        if not text:
            return None
        for key in id_candidates(text, year):
            hits = searcher.search(self._id_query([key]), 1).hits
            if hits:
                return str(_fields(searcher, hits[0][1])["reference_id"][0])
        return None

    def _top(
        self,
        searcher: tantivy.Searcher,
        query: Query,
        page: int,
        per_page: int,
        sort: str,
    ) -> Any:
        offset = (page - 1) * per_page
        if sort == "relevance":
            return searcher.search(query, per_page, count=True, offset=offset)
        order = Order.Asc if sort == "date" else Order.Desc
        return searcher.search(
            query,
            per_page,
            count=True,
            offset=offset,
            order_by_field="created",
            order=order,
        )

    def _hits(
        self,
        searcher: tantivy.Searcher,
        marker: Highlighter,
        found: list[tuple[Any, Any]],
    ) -> list[Hit]:
        hits = []
        documents = self._documents(searcher, [address for _, address in found])
        for (score, _), fields in zip(found, documents, strict=True):
            snippet = marker.snippet(str((fields.get("body") or [""])[0]))
            hits.append(
                hit_from_fields(
                    fields, snippet, score if isinstance(score, float) else 0.0
                )
            )
        return hits

    def _facets(
        self, searcher: tantivy.Searcher, query: Query, sizes: dict[str, int]
    ) -> tuple[dict[str, list[tuple[str, int]]], list[tuple[str, int]]]:
        """Count every facet and the months in one aggregation pass over the matches."""
        spec = {
            name: {
                "terms": {
                    "field": field,
                    "size": max(_AGGREGATION_SIZES[name], sizes.get(name, 0)),
                    "segment_size": _SEGMENT_SIZE,
                }
            }
            for name, field in AGGREGATED.items()
        }
        result = searcher.aggregate(query, spec)
        return facet_counts(result, sizes), histogram(result)


def _fields(searcher: tantivy.Searcher, address: Any) -> dict[str, list[Any]]:
    return dict(searcher.doc(address).to_dict())


def _place(fields: dict[str, list[Any]]) -> tuple[int, int] | None:
    """Return where a document's body is in the bodies file (and drop the pointers)."""
    at, size = fields.pop("body_at", None), fields.pop("body_size", None)
    return (int(at[0]), int(size[0])) if at and size else None


def _lead(fields: dict[str, list[Any]]) -> str:
    return lead_html(str((fields.get("body") or [""])[0]))


def _id_text(tree: Node) -> tuple[str, int | None]:
    """Return the words of a query made only of plain words (plus a year), and the year."""
    nodes = tree.children if isinstance(tree, And) else (tree,)
    words = [node.text for node in nodes if isinstance(node, Word) and not node.prefix]
    years = [
        node.start.year
        for node in nodes
        if isinstance(node, Field) and node.name == "from" and node.start
    ]
    others = [
        node
        for node in nodes
        if not isinstance(node, Word | Field)
        or (isinstance(node, Field) and node.name not in ("from", "to"))
    ]
    if others or not words or len(words) > 3:
        return "", None
    return " ".join(words), years[0] if years else None
