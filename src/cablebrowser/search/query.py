"""The query language: user text to a small syntax tree, with a clear error for every mistake.

Grammar (operators are upper case; lower-case ``and``/``or``/``not`` are words)::

    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*
    unary   := ("NOT" | "-") unary | primary
    primary := "(" or ")" | WORD | WORD* | "PHRASE" | FIELD:VALUE | FIELD:"VALUE"

``docs/search.md`` describes the language for users.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime

from ..errors import QueryError

MAX_LENGTH = 1000
MAX_TERMS = 50

# Field name as typed -> field name in the syntax tree.
FIELDS: dict[str, str] = {
    "tag": "tag",
    "tags": "tag",
    "origin": "origin",
    "country": "country",
    "class": "class",
    "classification": "class",
    "subject": "subject",
    "from": "from",
    "to": "to",
    "release": "release",
    "ref": "ref",
    "signer": "signer",
    "caption": "caption",
    "id": "id",
}
_OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class Word:
    """A word, or a prefix when ``prefix`` (``nazarb*``)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words in this order (``"free and fair"``)."""

    text: str


@dataclass(frozen=True)
class Field:
    """A field filter; ``quoted`` asks for an exact value; dates carry their span."""

    name: str
    value: str
    quoted: bool = False
    start: datetime | None = None  # from:/to: the first instant of the period
    end: datetime | None = None  # from:/to: the first instant after the period


@dataclass(frozen=True)
class Not:
    """Documents that do not match ``child``."""

    child: Node


@dataclass(frozen=True)
class And:
    """Documents that match every child."""

    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Documents that match any child."""

    children: tuple[Node, ...]


Node = Word | Phrase | Field | Not | And | Or


@dataclass(frozen=True)
class _Token:
    kind: str  # ( ) AND OR NOT - WORD PHRASE FIELD
    value: str
    position: int
    field: str = ""
    quoted: bool = False


def parse_query(text: str) -> Node:
    """Parse a query into a syntax tree; raise ``QueryError`` saying what is wrong."""
    if len(text) > MAX_LENGTH:
        raise QueryError(
            f"query too long: {len(text)} characters, at most {MAX_LENGTH}"
        )
    tokens = _tokens(text)
    if not tokens:
        raise QueryError(
            'empty query: type words, a "phrase", a field such as tag:PGOV, or a cable ID'
        )
    terms = sum(1 for token in tokens if token.kind in ("WORD", "PHRASE", "FIELD"))
    if terms > MAX_TERMS:
        raise QueryError(f"too many terms: {terms}, at most {MAX_TERMS}")
    return _Parser(tokens).parse()


_SPACE_PATTERN = re.compile(r"\s+")
_CHUNK_PATTERN = re.compile(r'[^\s()"]+')
_FIELD_PATTERN = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    at = 0
    while at < len(text):
        space = _SPACE_PATTERN.match(text, at)
        if space:
            at = space.end()
        elif text[at] in "()":
            tokens.append(_Token(text[at], text[at], at))
            at += 1
        elif text[at] == '"':
            value, at = _quoted(text, at)
            tokens.append(_Token("PHRASE", value, at))
        elif text[at] == "-" and at + 1 < len(text) and not text[at + 1].isspace():
            tokens.append(_Token("-", "-", at))
            at += 1
        else:
            chunk = _CHUNK_PATTERN.match(text, at)
            assert chunk is not None  # any other character starts a chunk
            token, at = _chunk_token(text, chunk.group(), at)
            if token is not None:
                tokens.append(token)
    return tokens


def _quoted(text: str, at: int) -> tuple[str, int]:
    close = text.find('"', at + 1)
    if close < 0:
        raise QueryError(
            f'unbalanced quotes: the " at position {at + 1} is never closed'
        )
    return text[at + 1 : close], close + 1


def _chunk_token(text: str, chunk: str, at: int) -> tuple[_Token | None, int]:
    end = at + len(chunk)
    if chunk in _OPERATORS:
        return _Token(chunk, chunk, at), end
    match = _FIELD_PATTERN.match(chunk)
    if match is None:
        return (_Token("WORD", chunk, at) if chunk != "-" else None), end
    name = _field_name(match.group(1))
    if match.group(2):
        return _Token("FIELD", match.group(2), at, field=name), end
    if end < len(text) and text[end] == '"':
        value, end = _quoted(text, end)
        return _Token("FIELD", value, at, field=name, quoted=True), end
    raise QueryError(
        f'{match.group(1)}: needs a value right after the colon, e.g. tag:PGOV or subject:"free trade"'
    )


def _field_name(typed: str) -> str:
    name = FIELDS.get(typed.lower())
    if name is None:
        known = ", ".join(sorted(set(FIELDS.values())))
        raise QueryError(f"unknown field '{typed}:'; the fields are: {known}")
    return name


class _Parser:
    """Recursive descent over the tokens; one method per grammar rule."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def parse(self) -> Node:
        node = self._or()
        if self.at < len(self.tokens):
            token = self.tokens[self.at]
            raise QueryError(
                f"unbalanced parentheses: the ')' at position {token.position + 1} has no '('"
            )
        return node

    def _peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _or(self) -> Node:
        children = [self._and()]
        while (token := self._peek()) is not None and token.kind == "OR":
            self.at += 1
            self._expect_operand(token)
            children.append(self._and())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def _and(self) -> Node:
        children = [self._unary()]
        while (token := self._peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.at += 1
                self._expect_operand(token)
            children.append(self._unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def _unary(self) -> Node:
        token = self._peek()
        if token is not None and token.kind in ("NOT", "-"):
            self.at += 1
            self._expect_operand(token)
            return Not(self._unary())
        return self._primary()

    def _primary(self) -> Node:
        token = self._peek()
        if token is None:
            raise QueryError("the query ends where a word was expected")
        self.at += 1
        if token.kind == "(":
            return self._group(token)
        if token.kind in ("AND", "OR"):
            raise QueryError(
                f"{token.value} at position {token.position + 1} has nothing on its left"
            )
        if token.kind == ")":
            raise QueryError(
                f"unbalanced parentheses: the ')' at position {token.position + 1} has no '('"
            )
        return _leaf(token)

    def _group(self, opening: _Token) -> Node:
        if (token := self._peek()) is not None and token.kind == ")":
            raise QueryError(f"empty parentheses at position {opening.position + 1}")
        node = self._or()
        token = self._peek()
        if token is None or token.kind != ")":
            raise QueryError(
                f"unbalanced parentheses: the '(' at position {opening.position + 1} is never closed"
            )
        self.at += 1
        return node

    def _expect_operand(self, operator: _Token) -> None:
        token = self._peek()
        if token is None or token.kind in ("AND", "OR", ")"):
            raise QueryError(
                f"{operator.value} at position {operator.position + 1} has nothing on its right"
            )


_PREFIX_PATTERN = re.compile(r"^\w{2,}\*$")


def _leaf(token: _Token) -> Node:
    if token.kind == "PHRASE":
        return Phrase(token.value)
    if token.kind == "FIELD":
        return _field(token)
    if "*" not in token.value:
        return Word(token.value)
    if not _PREFIX_PATTERN.match(token.value):
        raise QueryError(
            f"bad wildcard '{token.value}': put * at the end of a word of 2 or more letters, e.g. nazarb*"
        )
    return Word(token.value[:-1], prefix=True)


def _field(token: _Token) -> Field:
    if token.field not in ("from", "to"):
        if not token.value.strip():
            raise QueryError(f"{token.field}: needs a value")
        return Field(token.field, token.value, quoted=token.quoted)
    start, end = _period(token.field, token.value)
    return Field(token.field, token.value, quoted=token.quoted, start=start, end=end)


_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _period(name: str, value: str) -> tuple[datetime, datetime]:
    """Return [start, end) of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    match = _DATE_PATTERN.match(value.strip())
    bad = QueryError(
        f"bad date '{name}:{value}': write YYYY, YYYY-MM or YYYY-MM-DD, e.g. {name}:2005-10"
    )
    if match is None:
        raise bad
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    try:
        if month is None:
            return datetime(year, 1, 1), datetime(year + 1, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return datetime(year, month, 1), _next_day(datetime(year, month, last))
        return datetime(year, month, day), _next_day(datetime(year, month, day))
    except (ValueError, OverflowError, calendar.IllegalMonthError):
        raise bad from None


def _next_day(day: datetime) -> datetime:
    return datetime.fromordinal(day.toordinal() + 1)
