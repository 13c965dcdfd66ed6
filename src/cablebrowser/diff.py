"""Word-level differences between two versions of a cable's text, and what redactions hid.

Whitespace and line breaks never count as a change: two versions that differ
only in how the text is wrapped have no edits. Words and punctuation are
tokens of their own, and so are redaction markers (runs of X), even when glued
to a word. A difference says what it is: text hidden behind a marker
(``redacted``), a marker replaced by text (``unredacted``, with the text it
revealed), or an ordinary edit.

The matching is a patience diff (unique words as anchors, exact on the stretches
between them), so two full-length cables compare in milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

from .parse.redactions import find_redactions

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"
REPLACE = "replace"
REDACTED = "redacted"
UNREDACTED = "unredacted"
KINDS = (EQUAL, INSERT, DELETE, REPLACE, REDACTED, UNREDACTED)

# A gap between anchors larger than this (old x new tokens) is one replacement:
# exact matching there would cost more than it could show.
_MAX_GAP_CELLS = 4_000_000

Opcode = tuple[str, int, int, int, int]


class Token(NamedTuple):
    """One word or punctuation mark of a text, the whitespace after it, and where it starts."""

    word: str
    space: str
    is_marker: bool
    start: int = 0


@dataclass(frozen=True)
class Segment:
    """One stretch of the diff: what the old and the new version say there."""

    kind: str  # one of KINDS
    old: str
    new: str


@dataclass(frozen=True)
class Alignment:
    """One redaction marker of a text and what the other version says in its place.

    ``hidden`` is None when the other version is redacted there too (or says
    nothing); ``exact`` is False when several markers, or a marker and words,
    share one stretch of replaced text, so the text is the whole stretch.
    """

    marker: str
    start: int  # character offsets of the marker in the redacted text
    end: int
    hidden: str | None
    exact: bool


@dataclass(frozen=True)
class Diff:
    """The differences between two texts, in order."""

    segments: tuple[Segment, ...]
    old_markers: tuple[
        Alignment, ...
    ] = ()  # markers of the old text, aligned with the new
    new_markers: tuple[
        Alignment, ...
    ] = ()  # markers of the new text, aligned with the old

    @property
    def is_changed(self) -> bool:
        """Tell whether any word differs."""
        return any(segment.kind != EQUAL for segment in self.segments)

    def count(self, kind: str) -> int:
        """Return how many segments are of one kind."""
        return sum(1 for segment in self.segments if segment.kind == kind)

    def counts(self) -> dict[str, int]:
        """Return the number of segments of every kind that is not ``equal``."""
        return dict(Counter(s.kind for s in self.segments if s.kind != EQUAL))

    def revelations(self) -> list[tuple[str, str]]:
        """Return (marker, revealed text) for every redaction the new version lifted."""
        return [
            (s.old.strip(), s.new.strip())
            for s in self.segments
            if s.kind == UNREDACTED
        ]


_TOKEN_PATTERN = re.compile(r"(\w+|[^\w\s])(\s*)")
_SPACE_PATTERN = re.compile(r"\s*")


def tokenize(text: str) -> list[Token]:
    """Split a text into words and punctuation, cutting redaction markers out as tokens."""
    tokens: list[Token] = []
    position = 0
    for redaction in find_redactions(text):
        tokens += _words(text, position, redaction.start)
        space = _SPACE_PATTERN.match(text, redaction.end)
        tokens.append(
            Token(redaction.text, space.group() if space else "", True, redaction.start)
        )
        position = redaction.end
    tokens += _words(text, position, len(text))
    return tokens


def _words(text: str, start: int, end: int) -> list[Token]:
    # tuple.__new__ skips the Python-level constructor: tokenizing is most of a diff's time.
    new = tuple.__new__
    return [
        new(Token, (m[1], m[2], False, m.start()))
        for m in _TOKEN_PATTERN.finditer(text, start, end)
    ]


def diff_texts(old: str, new: str) -> Diff:
    """Compare two versions word by word; whitespace-only differences are not changes."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    codes = opcodes([t.word for t in old_tokens], [t.word for t in new_tokens])
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in codes:
        left, right = old_tokens[i1:i2], new_tokens[j1:j2]
        same = tag == EQUAL or _squeezed(left, old) == _squeezed(right, new)
        segment = _segment(EQUAL if same else tag, left, right)
        if segments and segment.kind == EQUAL and segments[-1].kind == EQUAL:
            segment = Segment(
                EQUAL, segments[-1].old + segment.old, segments[-1].new + segment.new
            )
            segments.pop()
        segments.append(segment)
    old_markers = _aligned(old_tokens, new_tokens, codes)
    new_markers = _aligned(
        new_tokens, old_tokens, [(tag, j1, j2, i1, i2) for tag, i1, i2, j1, j2 in codes]
    )
    return Diff(tuple(segments), tuple(old_markers), tuple(new_markers))


_TAGS_LINE_PATTERN = re.compile(r"[ \t]*TAGS\b")


def _squeezed(tokens: Sequence[Token], text: str) -> str:
    """Return the words of a stretch glued together, without the commas of a TAGS line.

    This is what the archive compares to tell ``modified`` from ``unchanged``: words
    split or joined by a line break ("ARSUBJECT" in the JSON dump) and the commas
    that cable pages drop from the TAGS line are not changes.
    """
    return "".join(
        t.word for t in tokens if t.word != "," or not _on_tags_line(text, t.start)
    )


def _on_tags_line(text: str, position: int) -> bool:
    return _TAGS_LINE_PATTERN.match(text, text.rfind("\n", 0, position) + 1) is not None


def opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """Return difflib-style opcodes (equal, replace, delete, insert) turning ``old`` into ``new``."""
    pairs: list[tuple[int, int]] = []
    _match(old, new, 0, len(old), 0, len(new), pairs)
    codes: list[Opcode] = []
    i = j = 0
    for a, b in [*pairs, (len(old), len(new))]:
        if i < a or j < b:
            tag = REPLACE if i < a and j < b else DELETE if i < a else INSERT
            codes.append((tag, i, a, j, b))
        if a < len(old):
            if codes and codes[-1][0] == EQUAL:
                codes[-1] = (EQUAL, codes[-1][1], a + 1, codes[-1][3], b + 1)
            else:
                codes.append((EQUAL, a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    return codes


def _match(
    a: Sequence[str],
    b: Sequence[str],
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    out: list[tuple[int, int]],
) -> None:
    """Append the matched (i, j) pairs of a[a0:a1] and b[b0:b1], in order."""
    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        out.append((a0, b0))
        a0, b0 = a0 + 1, b0 + 1
    tail = []
    while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
        tail.append((a1, b1))
    if a0 < a1 and b0 < b1:
        anchors = _unique_anchors(a, b, a0, a1, b0, b1)
        if anchors:
            for i, j in anchors:
                _match(a, b, a0, i, b0, j, out)
                out.append((i, j))
                a0, b0 = i + 1, j + 1
            _match(a, b, a0, a1, b0, b1, out)
        elif (a1 - a0) * (b1 - b0) <= _MAX_GAP_CELLS:
            matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
            for i, j, size in matcher.get_matching_blocks():
                out.extend((a0 + i + k, b0 + j + k) for k in range(size))
    out.extend(reversed(tail))


def _unique_anchors(
    a: Sequence[str], b: Sequence[str], a0: int, a1: int, b0: int, b1: int
) -> list[tuple[int, int]]:
    """Return the longest in-order run of tokens found exactly once on each side."""
    count_a = Counter(a[a0:a1])
    count_b = Counter(b[b0:b1])
    where_b = {b[j]: j for j in range(b0, b1) if count_b[b[j]] == 1}
    candidates = [
        (i, where_b[a[i]])
        for i in range(a0, a1)
        if count_a[a[i]] == 1 and a[i] in where_b
    ]
    return _longest_increasing(candidates)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest subsequence of pairs whose second items increase (patience sorting)."""
    tops: list[int] = []  # second item at the top of each pile
    top_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        back.append(top_index[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[pile], top_index[pile] = j, index
    chain = []
    index = top_index[-1] if top_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def _segment(tag: str, old: list[Token], new: list[Token]) -> Segment:
    old_text, new_text = _join(old), _join(new)
    if tag == EQUAL:
        return Segment(EQUAL, old_text, new_text)
    old_marked, new_marked = (
        any(t.is_marker for t in old),
        any(t.is_marker for t in new),
    )
    if old_marked and not new_marked and new:
        return Segment(UNREDACTED, old_text, new_text)
    if new_marked and not old_marked and old:
        return Segment(REDACTED, old_text, new_text)
    return Segment(tag, old_text, new_text)


def _join(tokens: Sequence[Token]) -> str:
    return "".join(token.word + token.space for token in tokens)


def align_redactions(redacted: str, other: str) -> list[Alignment]:
    """Align every marker of ``redacted`` with the text ``other`` has in its place."""
    return list(diff_texts(redacted, other).old_markers)


def _aligned(
    mine: list[Token], theirs: list[Token], codes: list[Opcode]
) -> list[Alignment]:
    """Align the markers of one side of a diff with the other side's text."""
    found: list[Alignment] = []
    for tag, i1, i2, j1, j2 in codes:
        markers = [t for t in mine[i1:i2] if t.is_marker]
        if not markers:
            continue
        hidden = None if tag == EQUAL else _join(theirs[j1:j2]).strip() or None
        if hidden is not None and any(t.is_marker for t in theirs[j1:j2]):
            hidden = None  # the other version hides something here too
        exact = hidden is not None and i2 - i1 == 1
        found += [
            Alignment(t.word, t.start, t.start + len(t.word), hidden, exact)
            for t in markers
        ]
    return found


def unified_lines(diff: Diff) -> Iterator[str]:
    """Render a diff as readable text: changed stretches marked [-old-]{+new+}, labelled when redactions."""
    labels = {REDACTED: "<redacted>", UNREDACTED: "<revealed>"}
    parts: list[str] = []
    for segment in diff.segments:
        if segment.kind == EQUAL:
            parts.append(segment.new)
            continue
        old, new = segment.old.rstrip(), segment.new.rstrip()
        space = segment.new[len(new) :] or segment.old[len(old) :]
        parts.append(
            (f"[-{old}-]" if old else "")
            + (f"{{+{new}+}}" if new else "")
            + labels.get(segment.kind, "")
            + space
        )
    yield from "".join(parts).splitlines()
