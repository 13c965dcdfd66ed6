"""Classify the lines of a cable body once, for every reader of its paragraphs.

The paragraph splitter asks of many lines whether they are blank, a rule line,
or open with a digit; ``scan_body`` answers these for the whole body in a few
passes that run in C, and the readers look the answers up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import not_

from .layout import _DIGIT_FIRST_PATTERN, _RULE_PATTERN, body_lines

_RULE_CHARACTERS = "-=_‐"


@dataclass(frozen=True, slots=True)
class BodyScan:
    """The lines of a text, the body range among them, and what each body line is.

    Indices count in ``lines``; ``stripped`` holds every line without its outer
    whitespace (empty for a blank line).
    """

    lines: tuple[str, ...]
    begin: int
    end: int
    stripped: tuple[str, ...]
    rules: frozenset[int]
    numbered: tuple[int, ...]

    def is_blank(self, index: int) -> bool:
        """Tell whether line ``index`` is blank; a line outside the body counts as blank."""
        return not (self.begin <= index < self.end and self.stripped[index])


@functools.lru_cache(maxsize=8)
def scan_body(text: str) -> BodyScan:
    """Return the classified body lines of ``text`` (see ``body_lines``)."""
    lines, begin, end = body_lines(text)
    stripped = tuple(map(str.strip, lines))
    return BodyScan(
        lines=lines,
        begin=begin,
        end=end,
        stripped=stripped,
        rules=frozenset(_rule_lines(lines, stripped, begin, end)),
        numbered=tuple(
            compress(
                range(begin, end), map(_DIGIT_FIRST_PATTERN.match, lines[begin:end])
            )
        ),
    )


def _rule_lines(
    lines: Sequence[str], stripped: Sequence[str], begin: int, end: int
) -> list[int]:
    """Return the rule lines among lines[begin:end].

    A rule line is left empty when stripped of whitespace and rule characters;
    that C-speed test leaves the pattern only blank lines and true candidates.
    """
    emptied = map(str.strip, stripped[begin:end], repeat(_RULE_CHARACTERS))
    return [
        index
        for index in compress(range(begin, end), map(not_, emptied))
        if stripped[index] and _RULE_PATTERN.fullmatch(lines[index])
    ]
