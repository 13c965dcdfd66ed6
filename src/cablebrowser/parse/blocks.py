"""Find the summary and comment blocks of a cable body.

Markers are read in any spelling and wrap (``Summary:``, ``BEGIN SUMMARY``,
``End Comment``, a COMMENT heading); a block without an end marker ends with
its paragraph or section. Everything here is a best reading of free text: no
input raises.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .layout import _RULE_PATTERN, body_span, body_text, number_match
from .signature import _TERMINAL_PATTERN
from .text import folded

# What may stand before a block marker on its line: a rule, a paragraph number, a marking.
_LINE_PREFIX = r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?:\d{1,3}[ \t]*\.[ \t]*)?(?:\(?[A-Z/ -]{1,24}\)[ \t]*\.?[ \t]*)?"


class _Body(NamedTuple):
    """The body text, ``folded`` of it, and where ``comment`` occurs in that.

    A non-ASCII body that is not a slice of the text gets a copy with only its
    ASCII letters lowered: it finds the ASCII words sought here as ``folded`` would.
    """

    text: str
    lower: str | None
    comments: tuple[int, ...]


@functools.lru_cache(maxsize=8)
def _read_body(text: str) -> _Body:
    """Return the body of ``text`` with its lower-case copy and comment word places."""
    body = body_text(text)
    lower = _lower_body(text, body)
    if lower is None:
        return _Body(body, None, ())
    # Every comment marker is looked at, and a search for the word runs through
    # the whole body (its letters are common): the places are found once.
    return _Body(body, lower, tuple(_occurrences(lower, "comment", 0)))


def _lower_body(text: str, body: str) -> str | None:
    """Return the body's lower-case copy (see ``_Body``) or None.

    It is cut from the text's copy where the body is a slice of it: other fields
    lower-case the whole text too. Only a capital sigma lowers by its
    neighbours, so without one a slice of the copy is the copy of the slice.
    """
    offset = body_span(text)[1]
    if text.startswith(body, offset):
        lower = folded(text)
        if lower is not None and (text.isascii() or "Σ" not in text):
            return lower[offset : offset + len(body)]
    # No other field asks for this copy: caching it would only cost a hash.
    return body.lower() if body.isascii() else _ascii_lowered(body)


# The characters for which ``folded`` gives None.
_CASE_SPECIALS = "İıſ"


def _ascii_lowered(body: str) -> str | None:
    """Return ``body`` with its ASCII letters lower-cased, or None where ``folded`` is None.

    The copy only serves to find ASCII words without a ``k`` (the one letter a
    non-ASCII character, the Kelvin sign, lowers to), and their places and
    blanks, where it agrees with ``folded``. In UTF-16 ``bytes.lower`` lowers every
    ASCII letter, leaves every other character non-ASCII and touches no blank:
    several times faster than ``str.lower`` on a text with curly quotes.
    """
    if any(char in body for char in _CASE_SPECIALS):
        return None
    lower = (
        body.encode("utf-16-le", "surrogatepass")
        .lower()
        .decode("utf-16-le", "surrogatepass")
    )
    # Lone surrogates in a row decode as one character.
    return lower if len(lower) == len(body) else folded.__wrapped__(body)


def _occurrences(lower: str, word: str, position: int) -> Iterator[int]:
    """Yield every index from ``position`` on where ``word`` starts in ``lower``."""
    index = lower.find(word, position)
    while index >= 0:
        yield index
        index = lower.find(word, index + 1)


_SUMMARY_START_PATTERN = re.compile(
    r"(?im)^"
    + _LINE_PREFIX
    + r"(?P<marker>(?:BEGIN[ \t]+)?SUMMA?R?Y(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|"
    r"INTRODUCTION|TABLE[ \t]+OF[ \t]+CONTENTS))?)[ \t]*(?:[:.\-–]+|$)"
)
_SUMMARY_END_PATTERN = re.compile(
    r"(?i)\bEND\s+(?:OF\s+)?SUMMA?R?Y\b(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|INTRODUCTION))?[ \t]*[.:]?"
)


def parse_summary(text: str) -> str | None:
    """Return the summary block of the body, whitespace-normalised, or None.

    Starts at any spelling of the summary marker (``Summary:``, ``BEGIN
    SUMMARY``, ``Summay``, a SUMMARY heading…) and ends at ``End Summary`` in
    any spelling or wrap, else at the end of its paragraph. ``End Summary``
    without a start marker takes the body from the first paragraph on.
    """
    body, lower, _ = _read_body(text or "")
    if lower is not None and "summ" not in lower:
        return None  # one pass instead of one for each marker kind
    start = next(
        (
            m
            for m in _summary_starts(body, lower)
            if not _after_end(body, m.start("marker"))
        ),
        None,
    )
    position = start.end() if start else 0
    places = _occurrences(lower, "summ", position) if lower is not None else ()
    end = _end_marker(_SUMMARY_END_PATTERN, body, lower, places, position)
    if start is None and end is None:
        return None
    if start is None:
        content = _NON_SPACE_PATTERN.search(body)
        offset = content.start() if content else len(body)
        line = _first_line(body, offset)
        first = number_match(line)
        begin = offset + (len(line) - len(first.rest) if first else 0)
        return _tidy(body[begin : end.start()]) if end else None
    finish = (
        end.start()
        if end
        else _block_end(body, start.end(), heading=_heading_follows(body, start.end()))
    )
    return _tidy(body[start.end() : finish])


def _summary_starts(body: str, lower: str | None) -> Iterator[re.Match[str]]:
    """Yield what ``_SUMMARY_START_PATTERN.finditer(body)`` would.

    A match fills one line and holds ``summ`` in some case, so only the lines
    holding it are tried (``lower`` is ``folded(body)``).
    """
    if lower is None:
        yield from _SUMMARY_START_PATTERN.finditer(body)
        return
    found = lower.find("summ")
    while found >= 0:
        line_start = body.rfind("\n", 0, found) + 1
        if match := _SUMMARY_START_PATTERN.match(body, line_start):
            yield match
        line_end = body.find("\n", found)
        found = lower.find("summ", line_end) if line_end >= 0 else -1


def _end_marker(
    pattern: re.Pattern[str],
    body: str,
    lower: str | None,
    places: Iterable[int],
    position: int,
) -> re.Match[str] | None:
    """Return ``pattern.search(body, position)`` for an ``END [OF] <word>`` pattern.

    Only the ``places`` from ``position`` on where ``word`` occurs in ``lower``
    (``folded(body)``) are tried: the match starts at the ``END`` that stands
    before it.
    """
    if lower is None:
        return pattern.search(body, position)
    for found in places:
        start = _word_before(lower, found, "of")
        start = _word_before(lower, found if start is None else start, "end")
        if start is not None and start >= position:
            if match := pattern.match(body, start):
                return match
    return None


def _word_before(lower: str, index: int, word: str) -> int | None:
    """Return where ``word`` starts if it stands before ``index`` with whitespace between."""
    start = _skip_space_back(lower, index)
    if start == index or not lower.endswith(word, 0, start):
        return None
    return start - len(word)


_SPACE_WINDOW = 32


def _skip_space_back(text: str, index: int, chars: str | None = None) -> int:
    """Return where the run of whitespace (or of ``chars``) ending at ``index`` starts.

    Collapsed pages hold long blank runs: they are stripped a window at a time.
    """
    while index > 0:
        window = text[max(0, index - _SPACE_WINDOW) : index]
        kept = window.rstrip(chars)
        index -= len(window) - len(kept)
        if kept:
            break
    return index


_END_BEFORE_PATTERN = re.compile(r"(?i)\bEND\s*$")


def _after_end(body: str, position: int) -> bool:
    return (
        _END_BEFORE_PATTERN.search(body[max(0, position - 12) : position]) is not None
    )


_COMMENT_START_PATTERN = re.compile(
    r"(?i)\b(?:BEGIN\s+)?COMMENT\b[ \t]*(?P<punct>:|\.|-{1,2}|–|—|$)", re.MULTILINE
)
_COMMENT_END_PATTERN = re.compile(r"(?i)\bEND\s+(?:OF\s+)?COMMENTS?\b[ \t]*[.:]?")


def parse_comment(text: str) -> str | None:
    """Return the post's comment block(s), whitespace-normalised, or None.

    A ``Comment:`` marker must open a line, a paragraph, a parenthesis or a
    sentence; the block ends at ``End Comment`` (any wrap), at the closing
    parenthesis of ``(Comment: …)``, or at the end of its paragraph (of its
    section for a COMMENT heading). Several blocks are joined by a blank line.
    """
    body, lower, places = _read_body(text or "")
    # Each block ends before the next opening marker at the latest: the markers
    # are found once, not again from every block.
    openings = [
        start
        for start in _comment_starts(body, lower, places, 0)
        if _opens_comment(body, start)
    ]
    blocks: list[str] = []
    position = 0
    for index, start in enumerate(openings):
        if start.start() < position:
            continue
        following = (
            openings[index + 1].start() if index + 1 < len(openings) else len(body)
        )
        finish = _comment_end(body, lower, places, start, following)
        if block := _tidy(body[start.end() : finish]):
            blocks.append(block)
        position = finish
    return "\n\n".join(blocks) or None


def _comment_starts(
    body: str, lower: str | None, places: tuple[int, ...], position: int
) -> Iterator[re.Match[str]]:
    """Yield what ``_COMMENT_START_PATTERN.finditer(body, position)`` would.

    Only the places where ``comment`` occurs (in any case, ``lower`` being
    ``folded(body)``) are tried, with a ``BEGIN`` before it first.
    """
    if lower is None:
        yield from _COMMENT_START_PATTERN.finditer(body, position)
        return
    index = bisect_left(places, position)
    while index < len(places):
        found = places[index]
        begin = _word_before(lower, found, "begin")
        match = None
        if begin is not None and begin >= position:
            match = _COMMENT_START_PATTERN.match(body, begin)
        if match := match or _COMMENT_START_PATTERN.match(body, found):
            yield match
            position = match.end()
        index = bisect_left(places, max(found + 1, position), index + 1)


_LINE_PREFIX_PATTERN = re.compile(_LINE_PREFIX, re.IGNORECASE)
_OPENER_PATTERN = re.compile(r"""(?:\(|[.!?]['")]?[ \t]+)$""")


def _opens_comment(body: str, start: re.Match[str]) -> bool:
    line = body[body.rfind("\n", 0, start.start()) + 1 : start.start()]
    blank = not line or line.isspace()
    if start["punct"] == "" and (
        not blank or not _heading_follows(body, start.end(), bare=True)
    ):
        return False
    if blank or _LINE_PREFIX_PATTERN.fullmatch(line):
        return True
    # An opener match ends the line and holds two characters before its blanks:
    # only the tail is searched (collapsed pages make lines long).
    tail = len(line.rstrip(" \t")) - 2
    return _OPENER_PATTERN.search(line, max(0, tail)) is not None


def _comment_end(
    body: str,
    lower: str | None,
    places: tuple[int, ...],
    start: re.Match[str],
    following: int,
) -> int:
    """Return where the comment opened by ``start`` ends; ``following`` opens the next."""
    after = places[bisect_left(places, start.end()) :]
    end = _end_marker(_COMMENT_END_PATTERN, body, lower, after, start.end())
    limit = end.start() if end and end.start() < following else None
    if _in_parenthesis(body, start.start()):
        close = body.find(")", start.end())
        candidates = [
            value
            for value in (limit, close if close >= 0 else None)
            if value is not None
        ]
        return (
            min(candidates)
            if candidates
            else _block_end(body, start.end(), heading=False)
        )
    return (
        limit
        if limit is not None
        else _block_end(body, start.end(), heading=_heading_follows(body, start.end()))
    )


def _in_parenthesis(body: str, position: int) -> bool:
    """Tell whether ``(`` stands right before ``position``, blanks aside."""
    position = _skip_space_back(body, position, " \t")
    return position > 0 and body[position - 1] == "("


_NEXT_LINE_PATTERN = re.compile(r"[ \t]*\n([^\n]*)")


def _heading_follows(body: str, position: int, *, bare: bool = False) -> bool:
    """Tell whether the marker line ending at ``position`` is a heading.

    That is: a rule line follows, or (``bare``) a blank line.
    """
    next_line = _NEXT_LINE_PATTERN.match(body, position)
    if next_line is None:
        return False
    following = next_line.group(1)
    return _RULE_PATTERN.match(following) is not None or (
        bare and not following.strip()
    )


_BLANK_PATTERN = re.compile(r"\n[ \t]*\n")
# The title line is "blanks, then a non-blank, then anything": one way to match it.
_NEXT_HEADING_PATTERN = re.compile(r"\n[ \t]*\n[^\S\n]*\S[^\n]*\n[ \t]*[-=_‐]{3,}")
_NON_SPACE_PATTERN = re.compile(r"\S")


def _block_end(body: str, position: int, *, heading: bool) -> int:
    """Return where the block starting at ``position`` ends.

    Under a heading: at the next heading. Otherwise: at the first blank line
    after a finished sentence (a blank line mid-sentence is a page gap).
    """
    if heading:
        following = _NEXT_HEADING_PATTERN.search(body, position + 1)
        return following.start() if following else len(body)
    content = _NON_SPACE_PATTERN.search(body, position)
    for blank in _BLANK_PATTERN.finditer(
        body, content.start() if content else position
    ):
        if _ends_sentence(body, blank.start()):
            return blank.start()
    return len(body)


def _ends_sentence(body: str, position: int) -> bool:
    """Tell whether the text before ``position``, trailing whitespace aside, ends a sentence."""
    position = _skip_space_back(body, position)
    return _TERMINAL_PATTERN.search(body, max(0, position - 2), position) is not None


# A line of ``"\n" + text`` that ``_RULE_PATTERN`` fills; the opening line break
# lets the search jump from line to line.
_RULE_LINE_PATTERN = re.compile(r"\n[ \t]*[-=_‐]{3,}[ \t]*(?:\n|\Z)")


def _tidy(block: str) -> str | None:
    """Normalise whitespace inside paragraphs, keep blank lines between them."""
    # Hyphens are common: one search over the block's line starts tells whether
    # a rule line is there (in some paragraph) before lines are split.
    rules = _may_hold_rule(block) and _RULE_LINE_PATTERN.search("\n" + block)
    parts = []
    for part in _BLANK_PATTERN.split(block):
        if rules and _RULE_LINE_PATTERN.search("\n" + part):
            part = "\n".join(
                line for line in part.split("\n") if not _RULE_PATTERN.fullmatch(line)
            )
        if words := _single_spaced(part):
            parts.append(words)
    tidy = "\n\n".join(parts).lstrip(" :.-–—")
    line = _first_line(tidy, 0)
    if lead := number_match(line):
        tidy = tidy[len(line) - len(lead.rest) :]
    return _strip_end(tidy) or None


_BLANKS_PATTERN = re.compile("  +")


def _single_spaced(text: str) -> str:
    """Return ``" ".join(text.split())``, without a string for every word.

    Printable text holds no whitespace but the blank, so once line breaks are
    blanks, squeezing runs of blanks is all that is left to do.
    """
    spaced = text.replace("\n", " ")
    if not spaced.isprintable():
        return " ".join(spaced.split())
    if "  " in spaced:
        spaced = _BLANKS_PATTERN.sub(" ", spaced)
    return spaced.strip(" ")


def _first_line(text: str, start: int) -> str:
    """Return ``text[start:].split("\\n", 1)[0]`` without copying the rest."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _may_hold_rule(text: str) -> bool:
    """Tell cheaply whether a line of ``text`` may be a rule line; False rules it out."""
    # One-character tests run at memchr speed; a rule line holds one of these.
    return "-" in text or "=" in text or "_" in text or "‐" in text


def _strip_end(text: str) -> str:
    """Drop trailing whitespace and opening parentheses (``re.sub(r"[\\s(]+$", "", …)``)."""
    end = len(text)
    while end > 0 and (text[end - 1].isspace() or text[end - 1] == "("):
        end -= 1
    return text[:end]
