"""Full-text search over the archive: an embedded tantivy index beside the database.

``build_index`` fills or updates the index from a store; ``SearchIndex.open``
answers queries in the language described in ``docs/search.md``.
"""

from __future__ import annotations

from .index import build_index, index_path
from .query import parse_query
from .results import Hit, SearchResult
from .searcher import SearchIndex

__all__ = [
    "Hit",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "index_path",
    "parse_query",
]
