"""Lay out a cable body as one string, for the readers of its paragraphs.

The paragraph splitter asks of many lines whether they are blank, a rule line,
or open with a paragraph number. With the body as one string of right-stripped
lines, a blank line is an empty one, and patterns that start with the line
break find the lines worth a closer look in one pass that runs in C.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .layout import _RULE_PATTERN


@dataclass(frozen=True, slots=True)
class BodyText:
    """The body lines, right-stripped and joined, with two empty lines on each side.

    A line is named by the offset where it starts in ``text``; the first body
    line starts at 2 and ``stop`` is where the empty line after the last starts.
    ``rules`` holds the rule lines (``---``, ``===``) of the body.
    """

    text: str
    rules: frozenset[int]

    @property
    def stop(self) -> int:
        """Return the offset of the empty line after the body."""
        return len(self.text) - 1


def body_string(text: str, begin: int, end: int) -> BodyText:
    """Return the lines of ``text`` from offset ``begin`` to the one before ``end`` as a ``BodyText``.

    ``begin`` is a line start and ``end`` one past a line break (or past the
    text's end), as ``layout.body_span`` gives them.
    """
    lines = text[begin : end - 1].split("\n")
    body = "\n".join(["", "", *map(str.rstrip, lines), "", ""])
    return BodyText(text=body, rules=_rule_lines(body, lines))


# A right-stripped rule line; the line itself is then tested, since a line
# ending in a non-breaking space is no rule line.
_RULE_LINE_PATTERN = re.compile(r"\n(?=[ \t]*+[-=_‐]{3,}+\n)")


def _rule_lines(text: str, lines: Sequence[str]) -> frozenset[int]:
    """Return the offsets of the lines of ``text`` that are rule lines.

    ``lines`` are the lines of ``text`` after its two leading empty ones, as
    they were before right-stripping.
    """
    rules = []
    # Counting line breaks from the previous candidate on reads the text once.
    index, counted = -2, 0
    for found in _RULE_LINE_PATTERN.finditer(text):
        offset = found.end()
        index += text.count("\n", counted, offset)
        counted = offset
        if _RULE_PATTERN.fullmatch(lines[index]):
            rules.append(offset)
    return frozenset(rules)
