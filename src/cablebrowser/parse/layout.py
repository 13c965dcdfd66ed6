"""Find the frame of a cable body: where the caption area ends and the signature starts.

Also reads the paragraph number and portion marking that open a line, which
both the frame and the paragraph splitter need. The line split of a text is
computed once and shared by every field that reads the body.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .signature import trailer_start
from .text import folded, strip_page_breaks

_RULE_PATTERN = re.compile(r"[ \t]*[-=_‐]{3,}[ \t]*")


@dataclass(slots=True)
class _Start:
    """A line accepted as the start of a numbered paragraph."""

    index: int
    number: int
    marking: str | None
    rest: str


@functools.lru_cache(maxsize=8)
def body_lines(text: str) -> tuple[tuple[str, ...], int, int]:
    """Return the text's lines and the [begin, end) range of the body among them.

    Page breaks are removed and inline paragraph numbers put on their own line;
    the range skips the caption area and the signature with its end matter.
    """
    stripped = strip_page_breaks(text)
    joined = _split_inline_numbers(stripped)
    lines = tuple(joined.split("\n"))
    first = _after_header_dump(lines) if _may_hold_header(text, stripped) else 0
    return lines, _body_start(lines, first), trailer_start(lines)


def _may_hold_header(text: str, stripped: str) -> bool:
    """Tell whether ``header`` occurs in the page-stripped text, in any case.

    This keyword test only skips the line scan where no line can match. Taking
    page breaks out only removes text and joins with blanks, so a text whose
    lower-case copy (shared with other fields) lacks the word is ruled out.
    """
    lower = folded(text)
    if lower is not None and "header" not in lower:
        return False
    return "header" in (lower if stripped is text and lower else stripped.lower())


@functools.lru_cache(maxsize=8)
def body_text(text: str) -> str:
    """Return the body between the caption area and the signature, as one string."""
    lines, begin, end = body_lines(text)
    return "\n".join(lines[begin:end])


# Caption keywords, misspellings included (§7.14, §7.17): a block holding
# one of these belongs to the caption area.
_CAPTION_KEYWORD_PATTERN = re.compile(
    r"(?i)^[ \t]*(?:S?UBJECT|SUBJ|REFS?|REFTELS?|REF\(S\)|REFERENCES?|CLASSIFIED[ \t]+BY|E\.?[ \t]?O\.?[ \t]*\d|"
    r"TAGE?S|TABS|TGS|TAS|AGS|TAGS?|DECL)\b[ \t]*[:;,.]?"
)
_CLASSIFICATION_LINE_PATTERN = re.compile(
    r"(?i)^[ \t]*(?:C[ ]?O[ ]?N[ ]?F[ ]?I[ ]?D[ ]?E[ ]?N[ ]?T[ ]?I[ ]?A[ ]?L|S[ ]?E[ ]?C[ ]?R[ ]?E[ ]?T|UNCLAS)"
)


_HEADER_ENDS_PATTERN = re.compile(r"(?i)[ \t]*-*[ \t]*header[ \t]+ends[ \t]*-*[ \t]*")


def _body_start(lines: Sequence[str], first: int) -> int:
    """Return the index of the first line after the caption area, from line ``first`` on."""
    body, after_keyword = first, False
    for count, (block_start, block_end) in enumerate(_blocks(lines, first)):
        block = lines[block_start:block_end]
        numbered = next(
            (
                i
                for i, line in enumerate(block)
                if _DIGIT_FIRST_PATTERN.match(line) and number_match(line)
            ),
            None,
        )
        head = block[:numbered]
        if any(_CAPTION_KEYWORD_PATTERN.match(line) for line in head) or (
            after_keyword and head and _REF_BULLET_PATTERN.match(head[0])
        ):
            body, after_keyword = block_start + len(head), True
        elif numbered == 0 or not _is_caption_block(block) or count > 12:
            break
        if numbered is not None:
            break
    return body


def _after_header_dump(lines: Sequence[str]) -> int:
    """Return the index after the last ``---- header ends ----`` line, or 0.

    A body that carries its own record dump (07LIMA2129, 09QUITO227) is read
    from after that line.
    """
    ends = [
        index + 1
        for index, line in enumerate(lines)
        if _HEADER_ENDS_PATTERN.fullmatch(line)
    ]
    return ends[-1] if ends else 0


# A REF list continued after a blank line: "     B. SAN JOSE 2181" (05SANJOSE2215).
_REF_BULLET_PATTERN = re.compile(r"[ \t]*\(?[A-Z]\s?[.)]\s")


_LOWER_CASE_PATTERN = re.compile("[a-z]")


def _is_caption_block(block: Sequence[str]) -> bool:
    if any(_RULE_PATTERN.fullmatch(line) for line in block) or len(block) > 3:
        return False
    return all(
        _CLASSIFICATION_LINE_PATTERN.match(line) or not _LOWER_CASE_PATTERN.search(line)
        for line in block
    )


def _blocks(lines: Sequence[str], first: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the runs of non-blank lines from index ``first`` on."""
    start = None
    for index in range(first, len(lines) + 1):
        blank = index == len(lines) or not lines[index].strip()
        if not blank and start is None:
            start = index
        elif blank and start is not None:
            yield start, index
            start = None


_NUMBER_PATTERN = re.compile(
    r"[ \t]*¶?[ \t]*(?P<number>\d{1,3})[ \t]*\.(?!\d)[ \t]*(?P<rest>.*)"
)
_MARKING = (
    r"(?:TS|S|C|U|SBU|FOUO|LOU|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED[ \t]+OFFICIAL[ \t]+USE|"
    r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED)(?:[ \t]*(?:/{1,2}|-)[ \t]*[A-Z][A-Z ,]*?)*"
)

# A marked paragraph number inside a line, after a finished sentence or a
# parenthesis (whitespace-collapsed pages: "Reason: 1.4 (d) 1. (C) Summary", 08RIGA472).
_INLINE_NUMBER_PATTERN = re.compile(
    rf"(?<=[.!?)\"'])[ \t]+(?=\d{{1,3}}[ \t]*\.[ \t]*\((?i:{_MARKING})\))"
)


_MARKING_IN_PARENTHESES_PATTERN = re.compile(rf"\((?i:{_MARKING})\)")
_DOT_PARENTHESIS_PATTERN = re.compile(r"\.[ \t]*\(")


def _split_inline_numbers(text: str) -> str:
    """Put each inline marked paragraph number at the start of its own line.

    Same result as ``_INLINE_NUMBER_PATTERN.sub("\\n", text)``, found faster:
    each ``. (`` may close a number before a marking; the number and the
    blanks before it are read backwards, as a pattern over the reversed text.
    """
    pieces: list[str] = []
    position = 0
    reverse = ""
    for dot in _DOT_PARENTHESIS_PATTERN.finditer(text):
        reverse = reverse or text[::-1]
        gap = _REVERSED_GAP_PATTERN.match(reverse, len(text) - dot.start())
        if gap is None:
            continue
        start, digits = len(text) - gap.end(1), len(text) - gap.start(1)
        if start >= position and _MARKING_IN_PARENTHESES_PATTERN.match(
            text, dot.end() - 1
        ):
            pieces += (text[position:start], "\n")
            position = digits
    return "".join(pieces) + text[position:] if pieces else text


# Read on the reversed text from just before a ``.``: blanks, one to three
# digits (a fourth is no blank, so fails), the blanks before the number (the
# group) and the end of the sentence before them.
_REVERSED_GAP_PATTERN = re.compile(r"[ \t]*+\d{1,3}+([ \t]++)[.!?)\"']")


# What every paragraph-number line starts with: a cheap test before ``number_match``.
_DIGIT_FIRST_PATTERN = re.compile(r"[ \t¶]*\d")


# ``_NUMBER_PATTERN`` without its ``rest`` group, then the marking that may follow:
# one match reads the whole line start. The rest is read by position, as copying a
# long line several times cost more than the match itself. The look-ahead asks for a
# first non-blank that is no ``)`` or ``%`` (``1.)``, ``5. %`` are no paragraphs).
_NUMBER_START_PATTERN = re.compile(
    r"[ \t]*¶?[ \t]*(?P<number>\d{1,3})[ \t]*\.(?!\d)[ \t]*(?=\s*[^\s)%])"
    rf"(?:(?i:\([ \t]*(?P<open>{_MARKING})|(?P<bare>{_MARKING}))[ \t]*\)[ \t]*\.?[ \t]*"
    r"|(?P<old>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)"
    r"[ \t]*\.?[ \t]*)?"
)


def number_match(line: str) -> _Start | None:
    """Read a paragraph number and marking at the start of ``line`` (index unset)."""
    if "\n" in line:
        return None
    found = _NUMBER_START_PATTERN.match(line)
    if found is None:
        return None
    raw = found["old"] or found["open"] or found["bare"]
    return _Start(
        index=-1,
        number=int(found["number"]),
        marking=" ".join(raw.upper().split()) if raw else None,
        rest=line[found.end() :],
    )
