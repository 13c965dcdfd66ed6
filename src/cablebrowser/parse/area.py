"""Find the caption area of a cable body: the text before paragraph 1, and its first lines.

Every field read from the captions (classification, captions, subject, Classified
By, E.O. line) looks only here (docs/cable-format.md §3). The area stops early where
a different cable was glued on; the classification line's origin and serial tell.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .text import folded

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


def _head_end(text: str) -> int:
    """Return the end of the longest head the caption readers look at (see ``_head``)."""
    start = _paragraph_one(text)
    return _CAPTION_AREA_LIMIT if start is None else start + _HEAD_EXTRA


@functools.lru_cache(maxsize=8)
def folded_head(text: str) -> str | None:
    """Return ``folded`` of the text up to ``_head_end``, or None where that is None.

    Every caption reader works on a prefix of this span, so one lower-case copy
    serves them all: a slice of it keeps every index and every case-blind match
    of an ASCII word in that prefix (only a capital sigma lowers by its
    neighbours, and no ASCII word matches either of its lower forms).
    """
    return folded.__wrapped__(text[: _head_end(text)])


def _occurrences(lower: str, word: str, start: int, end: int) -> list[int]:
    """Return every index where ``word`` lies wholly in ``lower[start:end]``."""
    found = []
    index = lower.find(word, start, end)
    while index >= 0:
        found.append(index)
        index = lower.find(word, index + 1, end)
    return found


def _spaced_levels(text: str, end: int) -> Iterator[re.Match[str]]:
    """Yield what ``_SPACED_LEVEL_PATTERN.finditer(text, 1, end)`` yields, faster.

    ``end`` is at most ``_head_end(text)``. Each match starts where its level's
    lower-case letters stand in the lower-case copy, so the pattern is tried
    only there.
    """
    lower = folded_head(text)
    if lower is None:
        yield from _SPACED_LEVEL_PATTERN.finditer(text, 1, end)
        return
    starts = [
        index
        for level in _SPACED_LEVELS
        for index in _occurrences(lower, level, 1, end)
    ]
    position = 0
    for index in sorted(starts):
        if index >= position and (
            match := _SPACED_LEVEL_PATTERN.match(text, index, end)
        ):
            position = match.end()
            yield match


@functools.lru_cache(maxsize=16)
def _other_cable_start(text: str, end: int) -> int:
    """Return where a different cable's classification line starts, else ``end``.

    Some archive records have a second cable glued on (73TEHRAN2077). A repeated
    block of the same cable (08RIGA472) or a corrected copy does not count.
    """
    lower = folded_head(text)
    # Most texts hold no spaced level at all: three finds tell.
    if lower is not None and all(
        lower.find(level, 1, end) < 0 for level in _SPACED_LEVELS
    ):
        return end
    first = None
    for match in _spaced_levels(text, end):
        first = first or _origin_serial(text)
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
def folded_area(text: str) -> str | None:
    """Return a lower-case copy of ``caption_area(text)`` as ``folded`` would, or None.

    It is cut from ``folded_head`` (see there), so it serves every case-blind
    search for an ASCII word exactly as ``folded(caption_area(text))`` does.
    """
    lower = folded_head(text)
    return None if lower is None else lower[: len(caption_area(text))]


@functools.lru_cache(maxsize=8)
def _head(text: str) -> str:
    """Return the caption area plus the start of paragraph 1 (old cables put lines there)."""
    return text[: _other_cable_start(text, _head_end(text))]


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
    pieces = []
    position = 0
    for index in _break_starts(text):
        if index >= position and (match := _PAGE_BREAK_PATTERN.match(text, index)):
            pieces.append(text[position:index])
            position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


# Words a break of the second kind starts with.
_BREAK_WORDS = ("PAGE", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
# A break of the first kind starts with a capital followed by 1 to 30 of these
# and then this tail, which starts at a blank before "00".
_ORIGIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ .'-")
_ORIGIN_REACH = 31
_SERIAL_TAIL_PATTERN = re.compile(
    r"[ \t]0{2,}\d{3,6}\s+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}"
)


def _break_starts(text: str) -> list[int]:
    """Return, in order, every index where ``_PAGE_BREAK_PATTERN`` may match.

    Trying the pattern only there, left to right and past each match, removes
    what ``_PAGE_BREAK_PATTERN.sub`` removes without trying every capital.
    """
    end = len(text)
    starts = {
        index for word in _BREAK_WORDS for index in _occurrences(text, word, 0, end)
    }
    for blank in (
        *_occurrences(text, " 00", 0, end),
        *_occurrences(text, "\t00", 0, end),
    ):
        if not _SERIAL_TAIL_PATTERN.match(text, blank):
            continue
        start = blank
        while (
            start > max(0, blank - _ORIGIN_REACH) and text[start - 1] in _ORIGIN_CHARS
        ):
            start -= 1
        starts.update(
            index for index in range(start, blank - 1) if "A" <= text[index] <= "Z"
        )
    return sorted(starts)


def area_without_breaks(text: str) -> tuple[str, str | None]:
    """Return ``drop_page_breaks(caption_area(text))`` and ``folded`` of it.

    Most caption areas hold no page break; theirs is the shared lower-case copy.
    """
    area = caption_area(text)
    dropped = drop_page_breaks(area)
    return dropped, folded_area(text) if dropped is area else folded(dropped)


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
