"""Lay out a cable body as one string and pick out the lines worth a closer look.

The paragraph splitter asks of many lines whether they are blank, a rule line,
a possible heading or open with a paragraph number. With the body as one string
of right-stripped lines, a blank line is an empty one, and one pattern that
starts with the line break finds the lines of every kind in one pass that runs in C.
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
    ``rules`` holds the rule lines (``---``, ``===``) of the body, ``titles``
    the lines after a blank one that may be headings, and ``numbered`` the
    lines opening with a paragraph number, as matches of ``_NUMBER``.
    """

    text: str
    rules: frozenset[int]
    titles: tuple[int, ...]
    numbered: tuple[re.Match[str], ...]

    @property
    def stop(self) -> int:
        """Return the offset of the empty line after the body."""
        return len(self.text) - 1


_MARKING = (
    r"(?:TS|S|C|U|SBU|FOUO|LOU|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED[ \t]+OFFICIAL[ \t]+USE|"
    r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED)(?:[ \t]*(?:/{1,2}|-)[ \t]*[A-Z][A-Z ,]*?)*"
)
# ``layout.number_match`` at a line start: the number, then the marking, if any.
_NUMBER = (
    r"[ \t]*¶?[ \t]*(?P<number>\d{1,3})[ \t]*\.(?!\d)[ \t]*(?=[^\S\n]*[^\s)%])"
    rf"(?:(?i:\([ \t]*(?P<open>{_MARKING})|(?P<bare>{_MARKING}))[ \t]*\)[ \t]*\.?[ \t]*"
    r"|(?P<old>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)"
    r"[ \t]*\.?[ \t]*)?"
)
# What a heading line opens with: no paragraph number (``_NUMBER``), and a
# letter somewhere, as a title needs one.
_TITLE_START = r"(?![ \t]*+¶?[ \t]*+\d{1,3}+[ \t]*+\.(?!\d))(?=[^A-Za-z\n]*+[A-Za-z])"
TITLE_START_PATTERN = re.compile(_TITLE_START)
# A line after a blank one that may be a heading (see ``headings``): it ends
# with a rule character, the line below opens with one, or it is a short line
# with a blank line below and none of the characters a bare heading lacks.
# Possessive repeats keep the engine from backtracking along each line.
_TITLE = (
    rf"(?<=\n\n){_TITLE_START}(?=[^\n]++\n(?:(?<=[-=_‐]\n)|[ \t]*+[-=_‐])"
    r"|[^\S\n]*+[^\sa-z.;,][^\na-z.;,]{0,80}+\n\n)"
)
# One pass over the line starts (the line break comes first, so the search
# jumps from line to line). Most lines follow a text line ending in no space
# character and open with a letter: the guard turns them down before any
# kind is tried. The kinds exclude each other; the named group that closes
# last tells which one matched. ``unstripped``: the line above ends in a
# space character.
_LINE_PATTERN = re.compile(
    r"\n(?:(?=[ \t¶\d\-=_‐])|(?<=\s\n))"
    r"(?:(?P<unstripped>(?<=[^\S\n]\n))"
    rf"|(?P<numbered>{_NUMBER})"
    r"|(?P<rule>(?=[ \t]*+[-=_‐]{3,}+\n))"
    rf"|(?P<title>{_TITLE}))"
)


def body_string(text: str, begin: int, end: int) -> BodyText:
    """Return the lines of ``text`` from offset ``begin`` to the one before ``end`` as a ``BodyText``.

    ``begin`` is a line start and ``end`` one past a line break (or past the
    text's end), as ``layout.body_span`` gives them.
    """
    # Most lines end in at most one space, which one replace takes off;
    # the scan tells whether that was all.
    body = f"\n\n{text[begin : end - 1]}\n\n".replace(" \n", "\n")
    found = _scan(body)
    if found is not None:
        # Only spaces were taken off, so every rule-like line is a rule line.
        rules, titles, numbered = found
        return BodyText(body, frozenset(rules), tuple(titles), tuple(numbered))
    lines = text[begin : end - 1].split("\n")
    body = "\n".join(["", "", *map(str.rstrip, lines), "", ""])
    rules, titles, numbered = _scan(body) or ([], [], [])
    return BodyText(
        body, _rule_lines(body, lines, rules), tuple(titles), tuple(numbered)
    )


_Lines = tuple[list[int], list[int], list[re.Match[str]]]


def _scan(body: str) -> _Lines | None:
    """Return the rule-like, title and paragraph-number lines of ``body``.

    Rule-like and title lines are given by offset, number lines as matches.
    None: a line of ``body`` still ends in a space character.
    """
    rules: list[int] = []
    titles: list[int] = []
    numbered: list[re.Match[str]] = []
    for found in _LINE_PATTERN.finditer(body, 1):
        kind = found.lastgroup
        if kind == "numbered":
            numbered.append(found)
        elif kind == "title":
            titles.append(found.end())
        elif kind == "rule":
            rules.append(found.end())
        else:
            return None
    return rules, titles, numbered


def _rule_lines(
    text: str, lines: Sequence[str], candidates: list[int]
) -> frozenset[int]:
    """Return the ``candidates`` (offsets of rule-like lines of ``text``) that are rule lines.

    ``lines`` are the lines of ``text`` after its two leading empty ones, as
    they were before right-stripping: a line ending in a non-breaking space is
    no rule line.
    """
    rules = []
    # Counting line breaks from the previous candidate on reads the text once.
    index, counted = -2, 0
    for offset in candidates:
        index += text.count("\n", counted, offset)
        counted = offset
        if _RULE_PATTERN.fullmatch(lines[index]):
            rules.append(offset)
    return frozenset(rules)
