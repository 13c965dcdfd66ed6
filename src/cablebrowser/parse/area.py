"""Find the caption area of a cable body: the text before paragraph 1, and its first lines.

Every field read from the captions (classification, captions, subject, Classified
By, E.O. line) looks only here (docs/cable-format.md §3). The area stops early where
a different cable was glued on; the classification line's origin and serial tell.
"""

from __future__ import annotations

import functools
import re

# Without a numbered paragraph the caption area is capped: captions never run this long.
_CAPTION_AREA_LIMIT = 3000
_HEAD_EXTRA = 800

_PARAGRAPH_ONE_PATTERN = re.compile(
    r"(?:^|\n)[ \t]*¶?[ \t]*1[ \t]*\.[ \t]*(?=\(|[A-Za-z])"
    r"|(?<=\s)1\.[ \t]*\((?:U|C|S|SBU|TS)(?:/+[A-Z ]+)?\)"
)


# Every paragraph one holds this literal; searching it first is much faster
# than trying the full pattern at every position.
_ONE_DOT_PATTERN = re.compile(r"1[ \t]*\.")


@functools.lru_cache(maxsize=8)
def _paragraph_one(text: str) -> int | None:
    """Return where ``_PARAGRAPH_ONE_PATTERN`` first matches in the head of ``text``."""
    limit = _CAPTION_AREA_LIMIT * 4
    for hit in _ONE_DOT_PATTERN.finditer(text, 0, limit):
        for start in (_line_break_before(text, hit.start()), hit.start()):
            if start is not None and (
                match := _PARAGRAPH_ONE_PATTERN.match(text, start, limit)
            ):
                return match.start()
    return None


def _line_break_before(text: str, index: int) -> int | None:
    """Return the line break (or text start) before ``index`` if only blanks and ¶ lie between."""
    index = _skip_blanks_back(text, index)
    if index > 0 and text[index - 1] == "¶":
        index = _skip_blanks_back(text, index - 1)
    if index == 0:
        return 0
    return index - 1 if text[index - 1] == "\n" else None


def _skip_blanks_back(text: str, index: int) -> int:
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index


_SPACED_LEVEL_PATTERN = re.compile(
    r"C O N F I D E N T I A L|S E C R E T(?! [A-Z] )|U N C L A S", re.IGNORECASE
)


_SPACED_LEVELS = ("c o n f i d e n t i a l", "s e c r e t", "u n c l a s")


def _may_hold_spaced_level(text: str, end: int) -> bool:
    """Tell cheaply whether a spaced level may start in text[1:end]; False rules it out.

    Only the head is lower-cased: lowering the whole text cost more than the search.
    """
    head = text[:end]
    lower = head.lower()
    # Dotted/dotless i and long s match ASCII letters when case is ignored.
    if len(lower) != len(head) or (
        not head.isascii() and any(char in head for char in "İıſ")
    ):
        return True
    return any(lower.find(level, 1) >= 0 for level in _SPACED_LEVELS)


@functools.lru_cache(maxsize=16)
def _other_cable_start(text: str, end: int) -> int:
    """Return where a different cable's classification line starts, else ``end``.

    Some archive records have a second cable glued on (73TEHRAN2077). A repeated
    block of the same cable (08RIGA472) or a corrected copy does not count.
    """
    if not _may_hold_spaced_level(text, end):
        return end
    first = _origin_serial(text)
    for match in _SPACED_LEVEL_PATTERN.finditer(text, 1, end):
        found = _ORIGIN_LINE_PATTERN.match(
            text[match.end() : match.end() + 200].lstrip()
        )
        # Compare serials only: page headers truncate origins (CAPE T, VATICA).
        if first and found and int(found["serial"]) != first[1]:
            return match.start()
    return end


@functools.lru_cache(maxsize=8)
def caption_area(text: str) -> str:
    """Return the text before paragraph 1 (or its first 3,000 characters)."""
    end = _paragraph_one(text)
    end = _CAPTION_AREA_LIMIT if end is None else end
    return text[: _other_cable_start(text, end)]


@functools.lru_cache(maxsize=8)
def _head(text: str) -> str:
    """Return the caption area plus the start of paragraph 1 (old cables put lines there)."""
    start = _paragraph_one(text)
    end = _CAPTION_AREA_LIMIT if start is None else start + _HEAD_EXTRA
    return text[: _other_cable_start(text, end)]


_PAGE_BREAK_PATTERN = re.compile(
    r"[A-Z][A-Z .'-]{1,30}?[ \t]0{2,}\d{3,6}\s+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}[ \t]*"
    r"|(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+)?PAGE[ \t]+\d{2}[ \t]+[A-Z][A-Z ]*?[ \t]+\d+"
    r"(?:[ \t]+\d{2}[ \t]+OF[ \t]+\d{2})?[ \t]+\d{6}Z[ \t]*"
)


_PAGE_OF_PATTERN = re.compile(r"OF[ \t]+\d{3}")


@functools.lru_cache(maxsize=8)
def drop_page_breaks(text: str) -> str:
    """Remove page-break lines (``PRETORIA 00000954 001.2 OF 004``, ``PAGE 02 ROME …``)."""
    # Each break holds "OF nnn" or "PAGE": without them the slow pattern cannot match.
    if "PAGE" not in text and not _PAGE_OF_PATTERN.search(text):
        return text
    return _PAGE_BREAK_PATTERN.sub("", text)


def _spaced(word: str) -> str:
    return " ?".join(word)


@functools.lru_cache(maxsize=8)
def _first_lines(text: str) -> str:
    """Return the first non-empty lines before paragraph 1, where the classification is."""
    end = _paragraph_one(text)
    lines = [line for line in text[:end].splitlines() if line.strip()]
    return "\n".join(lines[:_CLASSIFICATION_LINES])


_CLASSIFICATION_LINES = 12
_LEVEL_PATTERN = re.compile(
    rf"^[ \t]*(?P<level>{_spaced('CONFIDENTIAL')}|{_spaced('SECRET')}"
    rf"|{_spaced('UNCLAS')}(?: ?S ?I ?F ?I ?E ?D| ?S ?I ?F ?E ?D)?)(?![A-Za-z])",
    re.IGNORECASE | re.MULTILINE,
)
_CAPTION_WORDS = (
    r"(?:(?:E ?F ?T ?O|SENSITIVE|NOFORN|LIMDIS|EXDIS|NODIS|SIPDIS|STADIS)\s+)*"
)
_ORIGIN_LINE_PATTERN = re.compile(
    rf"^(?:PAGE\s+\d+\s+)?{_CAPTION_WORDS}(?:S?E?CTION\s+\d+\s+OF\s+\d+\s+)?{_CAPTION_WORDS}"
    r"(?:(?P<year>\d{2})\s+)?(?!SECTION\b)(?P<origin>[A-Z][A-Z .'-]*?[A-Z])\s+(?P<serial>\d{1,7})(?!\d)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8)
def _origin_serial(body: str) -> tuple[str, int, str | None] | None:
    """Return (origin as written, serial, year digits) from the classification line."""
    first_lines = _first_lines(body)
    for level in _LEVEL_PATTERN.finditer(first_lines):
        match = _ORIGIN_LINE_PATTERN.match(first_lines[level.end() :].lstrip())
        if match is not None and int(match["serial"]) > 0:
            return match["origin"].upper(), int(match["serial"]), match["year"]
    return None
