"""Find the summary and comment blocks of a cable body.

Markers are read in any spelling and wrap (``Summary:``, ``BEGIN SUMMARY``,
``End Comment``, a COMMENT heading); a block without an end marker ends with
its paragraph or section. Everything here is a best reading of free text: no
input raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .layout import _RULE_PATTERN, body_text, number_match
from .signature import _TERMINAL_PATTERN
from .text import folded

# What may stand before a block marker on its line: a rule, a paragraph number, a marking.
_LINE_PREFIX = r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?:\d{1,3}[ \t]*\.[ \t]*)?(?:\(?[A-Z/ -]{1,24}\)[ \t]*\.?[ \t]*)?"
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
    body = body_text(text or "")
    start = next(
        (m for m in _summary_starts(body) if not _after_end(body, m.start("marker"))),
        None,
    )
    end = _end_marker(_SUMMARY_END_PATTERN, "summ", body, start.end() if start else 0)
    if start is None and end is None:
        return None
    if start is None:
        first = number_match(body.lstrip().split("\n", 1)[0])
        offset = len(body) - len(body.lstrip())
        begin = offset + (
            len(body.lstrip().split("\n", 1)[0]) - len(first.rest) if first else 0
        )
        return _tidy(body[begin : end.start()]) if end else None
    finish = (
        end.start()
        if end
        else _block_end(body, start.end(), heading=_heading_follows(body, start.end()))
    )
    return _tidy(body[start.end() : finish])


def _summary_starts(body: str) -> Iterator[re.Match[str]]:
    """Yield what ``_SUMMARY_START_PATTERN.finditer(body)`` would.

    A match fills one line and holds ``summ`` in some case, so only the lines
    holding it are tried.
    """
    lower = folded(body)
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
    pattern: re.Pattern[str], word: str, body: str, position: int
) -> re.Match[str] | None:
    """Return ``pattern.search(body, position)`` for an ``END [OF] <word>`` pattern.

    Only the places where ``word`` occurs (in any case) are tried: the match
    starts at the ``END`` that stands before it.
    """
    lower = folded(body)
    if lower is None:
        return pattern.search(body, position)
    found = lower.find(word, position)
    while found >= 0:
        start = _word_before(lower, found, "of")
        start = _word_before(lower, found if start is None else start, "end")
        if start is not None and start >= position:
            if match := pattern.match(body, start):
                return match
        found = lower.find(word, found + 1)
    return None


def _word_before(lower: str, index: int, word: str) -> int | None:
    """Return where ``word`` starts if it stands before ``index`` with whitespace between."""
    start = index
    while start > 0 and lower[start - 1].isspace():
        start -= 1
    if start == index or not lower.endswith(word, 0, start):
        return None
    return start - len(word)


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
    body = body_text(text or "")
    blocks: list[str] = []
    position = 0
    for start in _comment_starts(body, 0):
        if start.start() < position or not _opens_comment(body, start):
            continue
        finish = _comment_end(body, start)
        if block := _tidy(body[start.end() : finish]):
            blocks.append(block)
        position = finish
    return "\n\n".join(blocks) or None


def _comment_starts(body: str, position: int) -> Iterator[re.Match[str]]:
    """Yield what ``_COMMENT_START_PATTERN.finditer(body, position)`` would.

    Only the places where ``comment`` occurs (in any case) are tried, with a
    ``BEGIN`` before it first.
    """
    lower = folded(body)
    if lower is None:
        yield from _COMMENT_START_PATTERN.finditer(body, position)
        return
    found = lower.find("comment", position)
    while found >= 0:
        begin = _word_before(lower, found, "begin")
        match = None
        if begin is not None and begin >= position:
            match = _COMMENT_START_PATTERN.match(body, begin)
        if match := match or _COMMENT_START_PATTERN.match(body, found):
            yield match
            position = match.end()
        found = lower.find("comment", max(found + 1, position))


_LINE_PREFIX_PATTERN = re.compile(_LINE_PREFIX, re.IGNORECASE)
_OPENER_PATTERN = re.compile(r"""(?:\(|[.!?]['")]?[ \t]+)$""")


def _opens_comment(body: str, start: re.Match[str]) -> bool:
    line = body[body.rfind("\n", 0, start.start()) + 1 : start.start()]
    if start["punct"] == "" and (
        line.strip() or not _heading_follows(body, start.end(), bare=True)
    ):
        return False
    if not line.strip() or _LINE_PREFIX_PATTERN.fullmatch(line):
        return True
    return _OPENER_PATTERN.search(line) is not None


def _comment_end(body: str, start: re.Match[str]) -> int:
    end = _end_marker(_COMMENT_END_PATTERN, "comment", body, start.end())
    following = next(
        (
            m.start()
            for m in _comment_starts(body, start.end())
            if _opens_comment(body, m)
        ),
        len(body),
    )
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
    while position > 0 and body[position - 1] in " \t":
        position -= 1
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
    while position > 0 and body[position - 1].isspace():
        position -= 1
    return _TERMINAL_PATTERN.search(body, max(0, position - 2), position) is not None


def _tidy(block: str) -> str | None:
    """Normalise whitespace inside paragraphs, keep blank lines between them."""
    parts = []
    for part in _BLANK_PATTERN.split(block):
        if _may_hold_rule(part):
            part = "\n".join(
                line for line in part.split("\n") if not _RULE_PATTERN.fullmatch(line)
            )
        if words := " ".join(part.split()):
            parts.append(words)
    tidy = "\n\n".join(parts).lstrip(" :.-–—")
    if lead := number_match(tidy.split("\n", 1)[0]):
        tidy = tidy[len(tidy.split("\n", 1)[0]) - len(lead.rest) :]
    return _strip_end(tidy) or None


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
