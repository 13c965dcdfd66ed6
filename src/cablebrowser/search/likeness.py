"""Build the more-like-this query of a cable: its telling terms, picked in a fixed order.

tantivy's own more-like-this query keeps its best terms in a heap fed from a
hash map: among terms of equal score, which ones made the cut changed from one
process to the next, and so did a cable's similar cables. Here the terms are
scored the same way (frequency in the cable times the BM25 idf of the index)
and a tie goes to the term that sorts first, so a page lists the same similar
cables on every worker and every day until the index changes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

import tantivy
from tantivy import Occur, Query

from .schema import stemming_analyzer

# Fields whose words are read (stemmed as the index stems them), and fields
# whose values are whole terms.
TEXT_FIELDS = ("subject", "body")
KEY_FIELDS = ("tags",)
MAX_TERMS = 30
MIN_WORD_LENGTH = 3
MIN_DOC_FREQUENCY = 2
# Terms in more than 5% of cables say little and cost the most.
MAX_DOC_SHARE = 20

_Term = tuple[str, str]
_STEM = stemming_analyzer()


def like_query(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    fields: Mapping[str, list[Any]],
) -> Query | None:
    """Return a query for cables sharing the telling terms of ``fields``, or None.

    ``fields`` are a cable's stored fields with its body, as the index gives them.
    """
    terms = telling_terms(searcher, term_counts(fields))
    if not terms:
        return None
    return Query.boolean_query(
        [(Occur.Should, Query.term_query(schema, field, term)) for field, term in terms]
    )


def term_counts(fields: Mapping[str, list[Any]]) -> Counter[_Term]:
    """Count the terms of a cable's fields, as the index holds them."""
    counts: Counter[_Term] = Counter()
    for name in TEXT_FIELDS:
        for value in fields.get(name, ()):
            words = _STEM.analyze(str(value))
            counts.update(
                (name, word) for word in words if len(word) >= MIN_WORD_LENGTH
            )
    for name in KEY_FIELDS:
        counts.update((name, str(value)) for value in fields.get(name, ()))
    return counts


def telling_terms(
    searcher: tantivy.Searcher, counts: Mapping[_Term, int]
) -> list[_Term]:
    """Return the best-scoring terms, best first; equal scores in term order."""
    total = searcher.num_docs
    most = max(MIN_DOC_FREQUENCY, total // MAX_DOC_SHARE)
    scored = []
    for (field, term), frequency in counts.items():
        documents = searcher.doc_freq(field, term)
        if MIN_DOC_FREQUENCY <= documents <= most:
            scored.append((-frequency * _idf(documents, total), field, term))
    return [(field, term) for _, field, term in sorted(scored)[:MAX_TERMS]]


def _idf(documents: int, total: int) -> float:
    """Return the BM25 inverse document frequency tantivy scores with."""
    return math.log(1 + (total - documents + 0.5) / (documents + 0.5))
