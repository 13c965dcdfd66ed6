"""Find the section headings of a cable body and the rule lines that frame them.

A heading stands after a blank or rule line and is an inline one
(``------- SUMMARY -------``), one framed by rule lines, or a bare
upper-case line alone between blank lines in a mixed-case body. Only the
lines the body scan (``scan``) picks out are read one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .scan import TITLE_START_PATTERN, BodyText

_RULE_CHARACTERS = ("-", "=", "_", "‐")


def find_headings(body: BodyText) -> tuple[dict[int, str], frozenset[int]]:
    """Return the heading lines (offset → title) and the rule lines around them."""
    text, rules = body.text, body.rules
    candidates: Iterable[int] = body.titles
    if rules:
        below = (text.index("\n", offset) + 1 for offset in rules)
        ruled = (i for i in below if TITLE_START_PATTERN.match(text, i))
        candidates = sorted({*candidates, *ruled})
    headings: dict[int, str] = {}
    framing: set[int] = set()
    mixed_case = _Once(lambda: _has_lower_case_word(text))
    for offset in candidates:
        end = text.index("\n", offset)
        title = _heading_title(body, offset, end, mixed_case)
        if title:
            headings[offset] = title
            above = text.rfind("\n", 0, offset - 1) + 1
            framing.update(rules.intersection((above, end + 1)))
    return headings, frozenset(framing)


class _Once:
    """A question about the text, answered on first use and remembered."""

    def __init__(self, answer: Callable[[], bool]) -> None:
        self._answer = answer
        self._value: bool | None = None

    def __call__(self) -> bool:
        if self._value is None:
            self._value = self._answer()
        return self._value


_MIXED_CASE_PATTERN = re.compile("[a-z]{3}")


def _has_lower_case_word(body: str) -> bool:
    """Tell whether ``body`` holds three lower-case ASCII letters in a row."""
    # An all-capitals body (most old cables) is ruled out without a pattern scan.
    return not body.isupper() and _MIXED_CASE_PATTERN.search(body) is not None


# Same-line headings: "------- SUMMARY -------", "Summary =======" or
# "WHY A NUCLEAR SUBMARINE? -----" (a leading rule alone is a "---" bullet).
_INLINE_HEADING_PATTERN = re.compile(
    r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?P<title>[^-=_‐\s].*?)[ \t]*[-=_‐]{3,}[ \t]*"
)
# An upper-case line alone between blank lines in a mixed-case body (09QUITO227).
# The characters are tested first: most lines fail at their first lower-case
# letter, before the costlier search for a word that rules a heading out.
_BARE_HEADING_PATTERN = re.compile(
    r"(?=[^a-z.;,]{2,80}[^a-z.;,:\s]\Z)"
    r"(?!.*\b(?:BEGIN|END|QUOTE|UNQUOTE|TEXT|SIPDIS|NOFORN)\b)(?=.*[A-Z]{2}).*"
)
_LETTER_PATTERN = re.compile("[A-Za-z]")


def _heading_title(
    body: BodyText, offset: int, end: int, mixed_case: Callable[[], bool]
) -> str | None:
    """Return the title of the heading on the line at ``offset:end``, or None."""
    text, rules = body.text, body.rules
    line = text[offset:end].strip()
    if not line or offset in rules:
        return None
    above_start = text.rfind("\n", 0, offset - 1) + 1
    above = text[above_start : offset - 1]
    below = text[end + 1 : text.index("\n", end + 1)]
    if not _may_be_heading(line, above, below):
        return None
    # No candidate opens with a paragraph number (see ``scan._TITLE_START``); one
    # under a text line is no heading.
    if above and above_start not in rules:
        return None
    # Cheap tests first: an inline heading ends with a rule character, a bare
    # one is at most 81 characters long.
    inline = (
        _INLINE_HEADING_PATTERN.fullmatch(line)
        if line[-1] in _RULE_CHARACTERS
        else None
    )
    if inline:
        title = inline["title"]
    elif end + 1 in rules or (above_start in rules and not below):
        title = line
    elif (
        not below
        and len(line) <= 81
        and mixed_case()
        and _BARE_HEADING_PATTERN.fullmatch(line)
    ):
        title = line
    else:
        return None
    title = title.rstrip(" :")
    return title if _LETTER_PATTERN.search(title) and len(title) <= 100 else None


def _may_be_heading(line: str, above: str, below: str) -> bool:
    """Tell cheaply whether the line could be a heading; False rules it out.

    A heading ends with a rule character, has a rule line next to it, or is a
    short line before a blank one; most paragraph lines are none of these.
    """
    if line[-1] in _RULE_CHARACTERS or below.lstrip(" \t")[:1] in _RULE_CHARACTERS:
        return True
    if below:
        return False
    return len(line) <= 81 or above.lstrip(" \t")[:1] in _RULE_CHARACTERS
