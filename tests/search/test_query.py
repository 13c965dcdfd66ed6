"""The query language: syntax trees of good queries, messages for malformed ones."""

from __future__ import annotations

from datetime import datetime

import pytest

from cablebrowser.errors import QueryError
from cablebrowser.search.query import (
    MAX_LENGTH,
    And,
    Field,
    Not,
    Or,
    Phrase,
    Word,
    parse_query,
)

PARSED = [
    ("iran", Word("iran")),
    ("iran nuclear", And((Word("iran"), Word("nuclear")))),
    ("iran AND nuclear", And((Word("iran"), Word("nuclear")))),
    ("iran OR iraq", Or((Word("iran"), Word("iraq")))),
    ("iran or iraq", And((Word("iran"), Word("or"), Word("iraq")))),
    ("iran NOT iraq", And((Word("iran"), Not(Word("iraq"))))),
    ("iran -iraq", And((Word("iran"), Not(Word("iraq"))))),
    ("a OR b c", Or((Word("a"), And((Word("b"), Word("c")))))),
    ("(a OR b) c", And((Or((Word("a"), Word("b"))), Word("c")))),
    ('"free and fair"', Phrase("free and fair")),
    ("nazarb*", Word("nazarb", prefix=True)),
    ("tag:PGOV", Field("tag", "PGOV")),
    ("TAGS:pgov", Field("tag", "pgov")),
    ('subject:"free trade"', Field("subject", "free trade", quoted=True)),
    ('class:"secret//noforn"', Field("class", "secret//noforn", quoted=True)),
    ("-tag:PGOV", Not(Field("tag", "PGOV"))),
    (
        "from:2005",
        Field("from", "2005", start=datetime(2005, 1, 1), end=datetime(2006, 1, 1)),
    ),
    (
        "to:2006-02",
        Field("to", "2006-02", start=datetime(2006, 2, 1), end=datetime(2006, 3, 1)),
    ),
    (
        "from:2008-02-29",
        Field(
            "from", "2008-02-29", start=datetime(2008, 2, 29), end=datetime(2008, 3, 1)
        ),
    ),
    ("al-qaida 12:30", And((Word("al-qaida"), Word("12:30")))),
]


@pytest.mark.parametrize(("text", "tree"), PARSED, ids=[text for text, _ in PARSED])
def test_parse(text, tree):
    assert parse_query(text) == tree


MALFORMED = [
    ("", "empty query"),
    ("   ", "empty query"),
    ('"free and fair', "unbalanced quotes"),
    ('subject:"free', "unbalanced quotes"),
    ("(iran OR iraq", "'(' at position 1 is never closed"),
    ("iran)", "')' at position 5 has no '('"),
    (")", "has no '('"),
    ("()", "empty parentheses"),
    ("iran AND", "AND at position 6 has nothing on its right"),
    ("iran OR", "OR at position 6 has nothing on its right"),
    ("AND iran", "AND at position 1 has nothing on its left"),
    ("iran OR OR iraq", "OR at position 6 has nothing on its right"),
    ("iran NOT", "NOT at position 6 has nothing on its right"),
    ("(iran AND)", "has nothing on its right"),
    (
        "foo:bar",
        "unknown field 'foo:'; the fields are: caption, class, country, from, id, origin, ref, release, signer, subject, tag, to",
    ),
    ("tag:", "needs a value"),
    ("from:2005-13", "bad date 'from:2005-13'"),
    ("to:2005-02-30", "bad date 'to:2005-02-30'"),
    ("from:yesterday", "bad date"),
    ("from:05", "bad date"),
    ("*", "bad wildcard"),
    ("a*", "bad wildcard"),
    ("ir*n", "bad wildcard"),
    ("x" * (MAX_LENGTH + 1), "query too long: 1001 characters"),
    ("word " * 2048, "query too long"),
    (" ".join(f"w{i}" for i in range(60)), "too many terms: 60"),
]


@pytest.mark.parametrize(
    ("text", "message"), MALFORMED, ids=[text[:24] or "blank" for text, _ in MALFORMED]
)
def test_malformed_query_says_what_is_wrong(text, message):
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
