"""The tantivy schema of the search index and the analyzers its text fields use.

Field kinds:
- full text (``body``, ``subject``): English stemming, positions for phrases; the
  body's text is kept beside the index (``body_at``, ``body_size``: where), not in it;
- words (``signers``, ``captions``, ``class_words``, ``origin_words``, ``country_words``):
  lower-cased words without stemming, for filters such as ``signer:ordway``;
- keys (``ids``, ``tags``, ``station``, ``classification``, ``country``, ``releases``,
  ``refs``, ``ym``): exact values, fast fields for facets where listed in ``AGGREGATED``.
"""

from __future__ import annotations

import tantivy

# Bump when the schema or the document layout changes: an old index is rebuilt.
SCHEMA_VERSION = 3

STEMMED = "en_stem"
WORDS = "default"
RAW = "raw"

# The facets a search returns (the public API), in this order.
FACETS = ("origin", "country", "tag", "classification", "year", "release")

# Aggregation name -> fast field it counts. Each aggregation costs a pass over
# the matches, so ``country`` is summed from the stations and ``year`` from the
# month keys (``ym``: "YYYY-MM", or "YYYY" when only the year is known).
AGGREGATED: dict[str, str] = {
    "origin": "station",
    "tag": "tags",
    "classification": "classification",
    "release": "releases",
    "months": "ym",
}


def build_schema() -> tantivy.Schema:
    """Return the schema of the search index."""
    builder = tantivy.SchemaBuilder()
    for name in ("reference_id", "canonical_id"):
        builder.add_text_field(name, stored=True, tokenizer_name=RAW, fast=True)
    builder.add_text_field("ids", tokenizer_name=RAW, index_option="basic")
    builder.add_text_field("subject", stored=True, tokenizer_name=STEMMED)
    # Stored, the body made two thirds of every segment: each merge read and
    # rewrote it. It lives in a file of its own (see ``index.BODIES``).
    builder.add_text_field("body", tokenizer_name=STEMMED)
    for name in ("body_at", "body_size"):
        builder.add_unsigned_field(name, stored=True)
    for name in ("tags", "station", "classification", "country", "releases", "ym"):
        builder.add_text_field(
            name, stored=True, tokenizer_name=RAW, fast=True, index_option="basic"
        )
    builder.add_text_field("origin", stored=True, tokenizer_name=RAW)
    builder.add_text_field("refs", tokenizer_name=RAW, index_option="basic")
    for name in ("signers", "captions", "class_words", "origin_words", "country_words"):
        builder.add_text_field(name, tokenizer_name=WORDS)
    builder.add_date_field("created", stored=True, fast=True, indexed=True)
    builder.add_unsigned_field("year", fast=True, indexed=True)
    return builder.build()


def stemming_analyzer() -> tantivy.TextAnalyzer:
    """Return an analyzer equal to tantivy's ``en_stem`` (for query words)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def word_analyzer() -> tantivy.TextAnalyzer:
    """Return an analyzer equal to tantivy's ``default`` (lower-cased words)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .build()
    )
