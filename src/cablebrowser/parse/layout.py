"""Find the frame of a cable body: where the caption area ends and the signature starts.

Also reads the paragraph number and portion marking that open a line, which
both the frame and the paragraph splitter need. The frame is computed once
per text, as offsets into its page-stripped string, and shared by every field
that reads the body; only the lines near its head and end are read one by one.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
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
def body_span(text: str) -> tuple[str, int, int]:
    """Return the text's lines as one string and the [begin, end) offsets of the body.

    Page breaks are removed and inline paragraph numbers put on their own line.
    The body runs from the line starting at ``begin`` up to the line break
    before ``end``: it skips the caption area and the signature with its end
    matter. An offset past the last line is ``len(text) + 1``.
    """
    stripped = strip_page_breaks(text)
    joined = _split_inline_numbers(stripped)
    first = _after_header_dump(joined) if _may_hold_header(text, stripped) else 0
    return joined, _body_start(joined, first), _trailer_offset(joined)


# Lines enough above the end for ``trailer_start`` to stop inside them.
_TAIL_LINES = 8


def _trailer_offset(text: str) -> int:
    """Return the offset of the line where ``trailer_start`` puts the signature.

    The signature reader walks up from the end and looks at most three lines
    above where it stops, so a start at the fourth line of a tail or later
    is final; only then are the other lines left unsplit.
    """
    head, *tail = text.rsplit("\n", _TAIL_LINES)
    if len(tail) == _TAIL_LINES and (start := trailer_start(tail)) >= 3:
        return len(head) + 1 + sum(map(len, tail[:start])) + start
    lines = text.split("\n")
    start = trailer_start(lines)
    return sum(map(len, lines[:start])) + start


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
    joined, begin, end = body_span(text)
    return joined[begin : end - 1] if begin < end else ""


# Caption keywords, misspellings included (§7.14, §7.17): a block holding
# one of these belongs to the caption area.
_CAPTION_KEYWORD = (
    r"[ \t]*+(?:S?UBJECT|SUBJ|REFS?|REFTELS?|REF\(S\)|REFERENCES?|CLASSIFIED[ \t]+BY|E\.?[ \t]?O\.?[ \t]*\d|"
    r"TAGE?S|TABS|TGS|TAS|AGS|TAGS?|DECL)\b"
)
_CLASSIFICATION_LINE_PATTERN = re.compile(
    r"(?i)^[ \t]*(?:C[ ]?O[ ]?N[ ]?F[ ]?I[ ]?D[ ]?E[ ]?N[ ]?T[ ]?I[ ]?A[ ]?L|S[ ]?E[ ]?C[ ]?R[ ]?E[ ]?T|UNCLAS)"
)


_HEADER_ENDS_PATTERN = re.compile(r"(?i)[ \t]*-*[ \t]*header[ \t]+ends[ \t]*-*[ \t]*")


def _body_start(text: str, first: int) -> int:
    """Return the offset of the first line after the caption area, from offset ``first`` on.

    Each run of non-blank lines (block) is read as one slice of ``text`` by
    line-start patterns; past the text's end the offset is ``len(text) + 1``.
    """
    body, after_keyword = first, False
    # Each block is searched from the end of the one before, where it matches at once.
    for count, block in enumerate(_BLOCK_PATTERN.finditer(text, first)):
        start, end = block.span(1)
        numbered = _line_starting(_NUMBER_LINE_PATTERNS, text, start, end)
        if numbered == start:
            break
        head_end = numbered - 1 if numbered >= 0 else end
        keyword = _line_starting(_CAPTION_KEYWORD_LINE_PATTERNS, text, start, head_end)
        if keyword >= 0 or (
            after_keyword and _REF_BULLET_PATTERN.match(text, start, head_end)
        ):
            body, after_keyword = head_end + 1, True
        elif count > 12 or not _is_caption_block(text[start:end]):
            break
        if numbered >= 0:
            break
    return body


def _after_header_dump(text: str) -> int:
    """Return the offset after the last ``---- header ends ----`` line, or 0.

    A body that carries its own record dump (07LIMA2129, 09QUITO227) is read
    from after that line. Only lines holding ``header`` are tried.
    """
    lower = text.lower()
    if len(lower) != len(text):
        # Offsets must agree: fall back to trying every line, named by its end.
        ends = itertools.chain((len(text),), _occurrences_backwards(text, "\n"))
        return _after_header_line(text, ends)
    return _after_header_line(text, _occurrences_backwards(lower, "header"))


def _occurrences_backwards(text: str, word: str) -> Iterator[int]:
    """Yield the offsets where ``word`` occurs in ``text``, last first."""
    index = text.rfind(word)
    while index >= 0:
        yield index
        index = text.rfind(word, 0, index)


def _after_header_line(text: str, offsets: Iterable[int]) -> int:
    """Return the offset after the first line at ``offsets`` (descending) that ends a dump."""
    tried = len(text) + 1
    for offset in offsets:
        if offset >= tried:
            continue
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if _HEADER_ENDS_PATTERN.fullmatch(text, start, end):
            return end + 1
        tried = start
    return 0


# A REF list continued after a blank line: "     B. SAN JOSE 2181" (05SANJOSE2215).
# Blanks within the line only, as the head is read as one string.
_REF_BULLET_PATTERN = re.compile(r"[ \t]*\(?[A-Z][^\S\n]?[.)][^\S\n]")


_LOWER_CASE_PATTERN = re.compile("[a-z]")


def _is_caption_block(block: str) -> bool:
    """Tell whether a block of up to three lines reads as part of the caption area."""
    if block.count("\n") > 2:
        return False
    # One-character tests run at memchr speed; a rule line holds one of these.
    may_hold_rule = "-" in block or "=" in block or "_" in block or "‐" in block
    if may_hold_rule and any(map(_RULE_PATTERN.fullmatch, block.split("\n"))):
        return False
    # Most caption blocks have no lower-case letter at all.
    return not _LOWER_CASE_PATTERN.search(block) or all(
        _CLASSIFICATION_LINE_PATTERN.match(line) or not _LOWER_CASE_PATTERN.search(line)
        for line in block.split("\n")
    )


# A run of non-blank lines after any blank ones (group 1), read from a line
# break or line start; possessive repeats never step back into a line.
_BLOCK_PATTERN = re.compile(r"(?:[^\S\n]*+\n)*+([^\S\n]*+\S.*+(?:\n[^\S\n]*+\S.*+)*+)")


def _line_starting(
    patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str, start: int, end: int
) -> int:
    """Return the offset of the first line of text[start:end] a pattern opens, or -1.

    ``start`` is a line start. After a line break the second pattern (the
    first, after a line break) finds the first line and the later ones in one
    search; at the text's start the first pattern is tried there first.
    """
    first, later = patterns
    if not start and first.match(text, start, end):
        return start
    found = later.search(text, start - 1 if start else start, end)
    return found.start() + 1 if found else -1


def _line_patterns(
    core: str, flags: int = 0
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile ``core`` for ``_line_starting``: as is, and after a line break."""
    return re.compile(core, flags), re.compile("\n" + core, flags)


_CAPTION_KEYWORD_LINE_PATTERNS = _line_patterns(_CAPTION_KEYWORD, re.IGNORECASE)
# A line that ``number_match`` reads: the part of its pattern that must match.
_NUMBER_LINE_PATTERNS = _line_patterns(
    r"[ \t]*+¶?[ \t]*+\d{1,3}[ \t]*\.(?!\d)[ \t]*(?=[^\S\n]*[^\s)%])"
)


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
# A ``. (`` after a blank or after a blank and up to three digits: the other
# dots (sentence ends, numbers at a line start) are passed over in C. The
# look-ahead comes first as most dots fail it at once, before any look-behind.
_DOT_PARENTHESIS_PATTERN = re.compile(
    r"\.(?=[ \t]*+\()(?:(?<=[ \t]\d\.)|(?<=[ \t]\d\d\.)|(?<=[ \t]\d\d\d\.)|(?<=[ \t]\.))[ \t]*\("
)


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
        if not _may_close_number(text, dot.start()):
            continue
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


def _may_close_number(text: str, dot: int) -> bool:
    """Tell cheaply whether blanks, up to three digits and a blank stand before ``dot``.

    A necessary condition for ``_REVERSED_GAP_PATTERN``, settled here without
    reversing the text. ``_DOT_PARENTHESIS_PATTERN`` already asks it of a dot
    right after the digits, but of a dot after blanks only the blank.
    """
    index = dot
    while index and text[index - 1] in " \t":
        index -= 1
    digits = index
    while digits and index - digits < 3 and text[digits - 1].isdigit():
        digits -= 1
    return index > digits > 0 and text[digits - 1] in " \t"


# Read on the reversed text from just before a ``.``: blanks, one to three
# digits (a fourth is no blank, so fails), the blanks before the number (the
# group) and the end of the sentence before them.
_REVERSED_GAP_PATTERN = re.compile(r"[ \t]*+\d{1,3}+([ \t]++)[.!?)\"']")


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
