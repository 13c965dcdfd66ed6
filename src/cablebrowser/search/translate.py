"""Turn a query syntax tree into a tantivy query over the index fields.

User text never reaches tantivy's own query parser: every leaf is analysed
here with the analyzer of the field it searches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import cast

import tantivy
from tantivy import FieldType, Occur, Query

from ..errors import QueryError
from .ids import canonical_key, id_candidates
from .query import And, Field, Node, Not, Or, Phrase, Word
from .schema import stemming_analyzer, word_analyzer

SUBJECT_BOOST = 2.0
_STEM = stemming_analyzer()
_WORDS = word_analyzer()


class Translator:
    """Build tantivy queries for one schema."""

    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema
        self._fields: dict[str, Callable[[Field], Query | None]] = {
            "tag": lambda f: self._key("tags", f.value.strip().upper()),
            "origin": self._origin,
            "country": lambda f: self._either(
                self._key("country", f.value.strip()),
                self._words("country_words", f.value),
            ),
            "class": self._classification,
            "subject": lambda f: self._text(f.value, ("subject",)),
            "release": lambda f: self._key("releases", f.value.strip()),
            "ref": lambda f: self._key("refs", canonical_key(f.value)),
            "signer": lambda f: self._words("signers", f.value),
            "caption": lambda f: self._words("captions", f.value),
            "id": lambda f: self._any_key(
                "ids", id_candidates(f.value) or [f.value.strip().upper()]
            ),
            "from": lambda f: Query.range_query(
                self.schema, "created", FieldType.Date, f.start, None
            ),
            "to": lambda f: Query.range_query(
                self.schema, "created", FieldType.Date, None, f.end, include_upper=False
            ),
        }

    def translate(self, node: Node) -> Query:
        """Return the tantivy query of a syntax tree; raise if it searches for nothing."""
        query = self._node(node)
        if query is None:
            raise QueryError(
                "nothing to search for: the query has no words, only punctuation"
            )
        return query

    def _node(self, node: Node) -> Query | None:
        if isinstance(node, Word):
            return self._word(node)
        if isinstance(node, Phrase):
            return self._text(node.text, ("body", "subject"))
        if isinstance(node, Field):
            query = self._fields[node.name](node)
            if query is None or node.name == "subject":
                return query  # a subject filter ranks like words; other filters do not
            return Query.const_score_query(query, 0.0)
        if isinstance(node, Not):
            child = self._node(node.child)
            return None if child is None else _boolean([], [child])
        if isinstance(node, And):
            return self._and(node)
        return _either_of([self._node(child) for child in node.children])

    def _and(self, node: And) -> Query | None:
        must: list[Query] = []
        must_not: list[Query] = []
        for child in node.children:
            target, query = (
                (must_not, self._node(child.child))
                if isinstance(child, Not)
                else (must, self._node(child))
            )
            if query is not None:
                target.append(query)
        if not must and not must_not:
            return None
        return _boolean(must, must_not)

    def _word(self, word: Word) -> Query | None:
        if not word.prefix:
            text = self._text(word.text, ("body", "subject"))
            key = word.text.upper()
            return (
                self._either(text, self._key("ids", key))
                if any(c.isdigit() for c in key)
                else text
            )
        pattern = re.escape(word.text.lower()) + ".*"
        return _either_of(
            [
                Query.regex_query(self.schema, field, pattern)
                for field in ("body", "subject")
            ]
        )

    def _text(self, text: str, fields: tuple[str, ...]) -> Query | None:
        """Match the words of ``text`` (as a phrase when several) in any of ``fields``."""
        words = _STEM.analyze(text)
        if not words:
            return None
        queries = [self._terms(field, words) for field in fields]
        boosted = [
            Query.boost_query(q, SUBJECT_BOOST) if f == "subject" else q
            for f, q in zip(fields, queries, strict=True)
        ]
        return _either_of(boosted)

    def _words(self, field: str, text: str) -> Query | None:
        words = _WORDS.analyze(text)
        return self._terms(field, words) if words else None

    def _terms(self, field: str, words: list[str]) -> Query:
        if len(words) == 1:
            return Query.term_query(self.schema, field, words[0])
        # tantivy's stub takes an invariant list of str or (position, str).
        phrase = cast("list[str | tuple[int, str]]", words)
        return Query.phrase_query(self.schema, field, phrase)

    def _key(self, field: str, value: str) -> Query | None:
        return Query.term_query(self.schema, field, value) if value else None

    def _any_key(self, field: str, values: list[str]) -> Query | None:
        return _either_of([self._key(field, value) for value in values])

    def _either(self, *queries: Query | None) -> Query | None:
        return _either_of(list(queries))

    def _origin(self, field: Field) -> Query | None:
        station = self._key("station", re.sub(r"[^A-Z]", "", field.value.upper()))
        return self._either(station, self._words("origin_words", field.value))

    def _classification(self, field: Field) -> Query | None:
        if field.quoted or "//" in field.value:
            return self._key("classification", field.value.strip().upper())
        return self._words("class_words", field.value)


def _boolean(must: list[Query], must_not: list[Query]) -> Query:
    clauses = [(Occur.Must, query) for query in must] or [
        (Occur.Must, Query.all_query())
    ]
    return Query.boolean_query(clauses + [(Occur.MustNot, query) for query in must_not])


def _either_of(queries: Sequence[Query | None]) -> Query | None:
    present = [query for query in queries if query is not None]
    if len(present) <= 1:
        return present[0] if present else None
    return Query.boolean_query([(Occur.Should, query) for query in present])


def has_words(node: Node) -> bool:
    """Tell whether a query scores documents (has words or phrases outside NOT)."""
    if isinstance(node, Word | Phrase):
        return True
    if isinstance(node, And | Or):
        return any(has_words(child) for child in node.children)
    return isinstance(node, Field) and node.name == "subject"
