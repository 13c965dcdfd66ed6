"""Read the structure of a cable body: paragraphs and the headings they fall under.

The caption area (classification, captions, E.O., TAGS, SUBJECT, REF,
Classified By) is skipped; what follows is cut into numbered paragraphs with
their portion markings and the section heading each falls under. Page-break
lines, lone SIPDIS lines and the signature block never end up in paragraph
text. Everything here is a best reading of free text: no input raises.
The summary, comment and signers are read by ``blocks`` and ``signature``;
they are importable from here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress
from operator import not_

from ..record import Paragraph
from .blocks import parse_comment, parse_summary
from .layout import _NUMBER_PATTERN, _Start, body_text, number_match
from .scan import BodyScan, scan_body
from .signature import ends_sentence, parse_signers

__all__ = ["parse_comment", "parse_paragraphs", "parse_signers", "parse_summary"]

_NOISE_LINE_PATTERN = re.compile(
    r"[ \t]*(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS)(?:[ \t]+(?:SIPDIS|NOFORN))*[ \t]*"
)


def parse_paragraphs(text: str) -> list[Paragraph]:
    """Return the body's paragraphs: number, portion marking, heading and text.

    Text before paragraph 1 becomes a leading paragraph with number None; a
    body without plausible paragraph numbers is one paragraph with number None.
    """
    scan = scan_body(text or "")
    mixed_case = _Once(lambda: _has_lower_case_word(body_text(text or "")))
    headings, rules = _find_headings(scan, mixed_case)
    starts = _paragraph_starts(scan, headings)
    if not starts:
        whole = _join(_kept(scan.lines, scan.begin, scan.end, rules))
        return (
            [Paragraph(number=None, marking=None, heading=None, text=whole)]
            if whole
            else []
        )
    return _assemble(scan, headings, rules, starts)


class _Once:
    """A question about the text, answered on first use and remembered."""

    def __init__(self, answer: Callable[[], bool]) -> None:
        self._answer = answer
        self._value: bool | None = None

    def __call__(self) -> bool:
        if self._value is None:
            self._value = self._answer()
        return self._value


def _assemble(
    scan: BodyScan,
    headings: dict[int, str],
    rules: set[int],
    starts: list[_Start],
) -> list[Paragraph]:
    lines, begin, end = scan.lines, scan.begin, scan.end
    by_index = {start.index: start for start in starts}
    boundaries = sorted({*headings, *by_index})
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    current: _Start | None = None
    collected = _kept(lines, begin, boundaries[0], rules)
    for number, index in enumerate(boundaries):
        _flush(paragraphs, current, heading, collected)
        current = by_index.get(index)
        heading = headings.get(index, heading)
        following = boundaries[number + 1] if number + 1 < len(boundaries) else end
        collected = [current.rest] if current else []
        collected += _kept(lines, index + 1, following, rules)
    _flush(paragraphs, current, heading, collected)
    return paragraphs


def _kept(lines: Sequence[str], start: int, stop: int, rules: set[int]) -> list[str]:
    """Return lines[start:stop] without the rule lines that frame headings."""
    if not rules or not any(start <= index < stop for index in rules):
        return list(lines[start:stop])
    return [lines[index] for index in range(start, stop) if index not in rules]


def _flush(
    paragraphs: list[Paragraph],
    start: _Start | None,
    heading: str | None,
    lines: list[str],
) -> None:
    text = _join(lines)
    if start is None and not text:
        return
    number, marking = (start.number, start.marking) if start else (None, None)
    paragraphs.append(
        Paragraph(number=number, marking=marking, heading=heading, text=text)
    )


def _join(lines: Sequence[str]) -> str:
    """Join paragraph lines as written, minus noise lines and page-gap blank lines.

    A run of blank lines stays one blank line after a finished sentence; after
    an unfinished one it is the gap a removed page break left, and goes.
    """
    stripped = list(map(str.rstrip, lines))
    # No line holds a line break, so stripping the outer ones drops exactly the
    # empty edge lines, and an inner empty line shows as a doubled break.
    joined = "\n".join(stripped).strip("\n")
    # Without inner blank lines or noise words every line is kept as it is.
    if "\n\n" not in joined and "DIS" not in joined and "NOF" not in joined:
        return joined.strip()
    kept: list[str] = []
    gap = False
    for line in stripped:
        # Every noise word holds "DIS" or "NOF": the pattern only runs then.
        if (
            not line.strip()
            or ("DIS" in line or "NOF" in line)
            and _NOISE_LINE_PATTERN.fullmatch(line)
        ):
            gap = gap or bool(kept)
            continue
        if gap and ends_sentence(kept[-1]):
            kept.append("")
        kept.append(line)
        gap = False
    return "\n".join(kept).strip()


def _paragraph_starts(scan: BodyScan, headings: dict[int, str]) -> list[_Start]:
    """Return the paragraph-number lines whose numbering is plausible.

    Numbers must go up by one (a skip of up to three, or a repeated number
    as in 07CAIRO3126, needs a blank line before; a later section may start
    at any marked number); ``1`` may restart after a heading or with a marking.
    A candidate needs a marking, a blank line before it or a finished
    sentence before it, so a date or amount wrapped to a line start is no
    paragraph.
    """
    lines, stripped, begin = scan.lines, scan.stripped, scan.begin
    starts: list[_Start] = []
    heading_since = False
    for index in _number_lines(scan, headings):
        if index in headings:
            heading_since = True
            continue
        candidate = number_match(lines[index])
        if candidate is None:
            continue
        above = stripped[index - 1] if index > begin else ""
        blank = (
            not above.strip("-") or (index - 1) in headings or (index - 1) in scan.rules
        )
        finished = blank or ends_sentence(lines[index - 1].rstrip())
        previous = starts[-1] if starts else None
        if _plausible(candidate, previous, blank, finished, heading_since):
            candidate.index = index
            starts.append(candidate)
            heading_since = False
    return starts


def _number_lines(scan: BodyScan, headings: dict[int, str]) -> list[int]:
    """Return the heading lines and the lines that may open with a paragraph number, in order."""
    begin, end = scan.begin, scan.end
    return sorted(
        {*scan.numbered, *(index for index in headings if begin <= index < end)}
    )


def _plausible(
    candidate: _Start,
    previous: _Start | None,
    blank: bool,
    finished: bool,
    heading_since: bool,
) -> bool:
    number, marked = candidate.number, candidate.marking is not None
    if not (marked or finished):
        return False
    if previous is None:
        return 1 <= number <= 3 or (marked and blank)
    last = previous.number
    if number == last + 1:
        return True
    if (
        number == last
    ):  # a repeated number, but not an unmarked list inside a marked paragraph
        return blank and (marked or previous.marking is None)
    if number == 1:
        return heading_since or (marked and blank)
    return last + 1 < number <= last + 3 and blank


# Same-line headings: "------- SUMMARY -------", "Summary =======" or
# "WHY A NUCLEAR SUBMARINE? -----" (a leading rule alone is a "---" bullet).
_INLINE_HEADING_PATTERN = re.compile(
    r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?P<title>[^-=_‐\s].*?)[ \t]*[-=_‐]{3,}[ \t]*"
)


_MIXED_CASE_PATTERN = re.compile("[a-z]{3}")


def _has_lower_case_word(body: str) -> bool:
    """Tell whether ``body`` holds three lower-case ASCII letters in a row."""
    # An all-capitals body (most old cables) is ruled out without a pattern scan.
    return not body.isupper() and _MIXED_CASE_PATTERN.search(body) is not None


def _find_headings(
    scan: BodyScan, mixed_case: Callable[[], bool]
) -> tuple[dict[int, str], set[int]]:
    """Return the heading lines (index → title) and the rule lines around them.

    ``mixed_case`` tells whether the body has lower-case words; it is only
    asked for a line that could be a bare heading.
    """
    headings: dict[int, str] = {}
    rules: set[int] = set()
    for index in _after_gaps(scan):
        if (
            not scan.stripped[index]
            or index in scan.rules
            or not _may_be_heading(scan, index)
            or _NUMBER_PATTERN.fullmatch(scan.lines[index])
        ):
            continue
        title = _heading_title(scan, index, mixed_case)
        if title:
            headings[index] = title
            rules.update(scan.rules.intersection((index - 1, index + 1)))
    return headings, rules


def _may_be_heading(scan: BodyScan, index: int) -> bool:
    """Tell cheaply whether ``_heading_title`` could accept the line; False rules it out.

    A heading ends with a rule character, has a rule line next to it, or is a
    short line before a blank one; most paragraph lines are none of these.
    """
    lines, line = scan.lines, scan.stripped[index]
    below = lines[index + 1] if index + 1 < scan.end else ""
    if line[-1:] in _RULE_CHARACTERS or below.lstrip(" \t")[:1] in _RULE_CHARACTERS:
        return True
    if not scan.is_blank(index + 1):
        return False
    above = lines[index - 1] if index > scan.begin else ""
    return len(line) <= 81 or above.lstrip(" \t")[:1] in _RULE_CHARACTERS


def _after_gaps(scan: BodyScan) -> list[int]:
    """Return the lines a heading may stand on: the first, and those after a blank or rule line."""
    begin, end = scan.begin, scan.end
    if begin >= end:
        return []
    # Mapping a C function over the lines keeps this scan out of a Python loop.
    blank = compress(range(begin + 1, end), map(not_, scan.stripped[begin : end - 1]))
    ruled = (index + 1 for index in scan.rules if index + 1 < end)
    return [begin, *sorted({*blank, *ruled})]


# An upper-case line alone between blank lines in a mixed-case body (09QUITO227).
_BARE_HEADING_PATTERN = re.compile(
    r"(?!.*\b(?:BEGIN|END|QUOTE|UNQUOTE|TEXT|SIPDIS|NOFORN)\b)(?=.*[A-Z]{2})[^a-z.;,]{2,80}[^a-z.;,:\s]"
)


def _heading_title(
    scan: BodyScan, index: int, mixed_case: Callable[[], bool]
) -> str | None:
    line, rules = scan.stripped[index], scan.rules
    if not scan.is_blank(index - 1) and (index - 1) not in rules:
        return None
    below_blank = scan.is_blank(index + 1)
    # Cheap tests first: an inline heading ends with a rule character, a bare
    # one is at most 81 characters long.
    inline = (
        _INLINE_HEADING_PATTERN.fullmatch(line)
        if line[-1:] in _RULE_CHARACTERS
        else None
    )
    if inline:
        title = inline["title"]
    elif (index + 1) in rules or ((index - 1) in rules and below_blank):
        title = line
    elif (
        below_blank
        and len(line) <= 81
        and mixed_case()
        and _BARE_HEADING_PATTERN.fullmatch(line)
    ):
        title = line
    else:
        return None
    title = title.rstrip(" :")
    return title if _LETTER_PATTERN.search(title) and len(title) <= 100 else None


_LETTER_PATTERN = re.compile("[A-Za-z]")
_RULE_CHARACTERS = ("-", "=", "_", "‐")
