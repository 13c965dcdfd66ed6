"""REF blocks: find them in a cable's text; ``refitems`` turns each item into a ``Reference``.

Follows cable-format.md §3.7: locate each REF/REFS/REFTEL block, cut it at the
next caption or paragraph (a blank line followed by more references does not end
it), drop a truncated tail, and hand the block to ``refitems``. References come
back in order, without duplicates or the citing cable itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain

from ..record import Reference
from .ids import canonical_id, normalize_station, split_id
from .refitems import _block_references, _Citing
from .refpages import PAGE_LINE_PATTERN
from .text import folded

__all__ = ["parse_references"]

_WINDOW = 1200
_MAX_TEXT = 2_000_000

_KEYWORD = r"(?:PROGRAM\s+)?(?:REF(?:TEL)?S?|Ref(?:tel)?s?|REF\(S\)|Ref\(s\)|REFERENCES?|References?)"
_LINE_BULLET = r"(?:\(?[A-Z][.)][ \t]*)?"
# A block opens at the start of a line (``REF:``, ``A. REF AMMAN 222``) or glued to
# the subject (``PRIMEREF:``). Elsewhere, and without a colon, the keyword may be
# prose (``SEE REFTEL: Ref A provided``): such a block counts only if it cites a cable.
_BLOCK_START_PATTERN = re.compile(
    rf"(?P<line>(?m:^)[ \t]*{_LINE_BULLET}{_KEYWORD}[ \t]*[:.])"
    rf"|(?P<glued>(?<=[A-Z)\"']){_KEYWORD}[ \t]*:)"
    rf"|(?P<inline>(?<![A-Za-z]){_KEYWORD}[ \t]*:)"
    rf"|(?m:^)[ \t]*{_LINE_BULLET}(?:REF(?:TEL)?S?|Ref(?:tel)?s?)[ \t]+(?=[^\n]*\d)"
)
# Multi-letter portion markings never serve as bullets; ``(C)``, ``(S)``, ``(U)`` may, so
# they end a block only when prose follows.
_MARKING = r"\((?:SBU|[CS]//?NF|SBU//?NF|U//FOUO|[CS]/REL[^)]*|[CS]/NOFORN)\)"
_SHORT_MARKING = (
    r"\([UCS]\)\s+(?:(?:[A-Za-z/'\-]+\s+){0,2}[a-z]{3,}\s+[a-z]{2,}\b"
    r"|[A-Z][A-Za-z/'\-]*\s+[a-z]{4,}[ \t]+[A-Za-z])"
)
# ``1. Summary. The…`` glued after the list; ``1. Rome 1902`` is a numbered item.
# Written here from after the dot of a number that follows whitespace.
_PROSE_PARAGRAPH = r"\s+[A-Z][a-z]+(?![ \t]+\d)(?![ \t]+[A-Z][a-z]+[ \t]+\d)"
# The end of a block is the first of these four families; each is searched on its
# own because one alternation of them all has no first character to skip to.
_END_AT_LINE_PATTERN = re.compile(
    r"\n[ \t]*(?:¶?[ \t]*\d{1,2}[ \t]*\.[ \t]*(?:\(|[A-Za-z])"
    r"|BEGIN\s+SUMMARY|SUMMARY|Summary\b|E\.\s?O\.|TAGS\b|SUBJECT\b|SUBJ\b)",
    re.IGNORECASE,
)
# ``SECURITY SERVICE OF UKRAINE (SBU) PRESS CONFERENCE``: a marking between a word
# (one or two blanks before it) and a word in capitals is part of an item's title. A
# paragraph starts at a line break or after a serial: ``STATE 57598 (SBU) On June 10``.
_OUTSIDE_TITLE = (
    r"(?-i:(?<![A-Za-z])(?<![A-Za-z][ \t])(?<![A-Za-z][ \t][ \t])"
    r"|(?!\([^)]*\)[ \t]+[A-Z]{2,}\b))"
)
_END_AT_MARKING_PATTERN = re.compile(
    rf"{_OUTSIDE_TITLE}\((?:{_MARKING[2:]}|(?-i:{_SHORT_MARKING[2:]}))", re.IGNORECASE
)
# A number after whitespace (``1.``, ``12.``), matched from its dot, which is much rarer
# than the whitespace; ``_block_end`` steps back to the number.
_END_AT_NUMBER_PATTERN = re.compile(
    rf"\.(?:(?<=\s\d\d\.)|(?<=\s\d\.))(?=\s*\(|{_PROSE_PARAGRAPH})"
)
_END_AT_WORD_PATTERN = re.compile(
    r"classified\s+by|\bSUMMARY\s*:|SENSITIVE\s+BUT\s+UNCLASSIFIED"
    r"|PLEASE\s+PROTECT\s+ACCORDINGLY",
    re.IGNORECASE,
)
# Lower-case first words of ``_END_AT_WORD_PATTERN``, found with ``str.find``.
_END_WORDS = ("classified", "summary", "sensitive", "please")
_BLANK_LINE_PATTERN = re.compile(r"\n[ \t]*\n\s*")


def parse_references(
    text: str,
    year: int | None,
    *,
    reference_id: str | None = None,
    created: date | datetime | None = None,
) -> list[Reference]:
    """Return every reference in the REF blocks of ``text``, in order, without duplicates.

    ``year`` is the citing cable's year, used for references written without one;
    a reference to ``reference_id`` itself is dropped. An unyeared serial is taken
    from the year before when it is higher than the citing station's own serial, or
    (given ``created``, the citing cable's date, in ``year``) higher than 1,500 cables
    a day since 1 January plus ten days allow. Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    blocks = _blocks(text[:_MAX_TEXT])
    first = next(blocks, None)
    if first is None:
        return []  # most cables: nothing about the citing cable is needed
    own = canonical_id(reference_id) if reference_id else None
    found: list[Reference] = []
    seen: set[tuple[str, str]] = {("cable", own)} if own else set()
    citing = _citing(reference_id, year, created)
    for block, strict, truncated in chain((first,), blocks):
        refs = _block_references(block, citing, truncated=truncated)
        if strict and not any(ref.kind == "cable" for ref in refs):
            continue
        for ref in refs:
            if (ref.kind, ref.value) not in seen:
                seen.add((ref.kind, ref.value))
                found.append(ref)
    return found


def _citing(
    reference_id: str | None, year: int | None, created: date | datetime | None
) -> _Citing:
    """Describe the citing cable for references written without a year."""
    parts = split_id(reference_id) if reference_id else None
    station, serial = (parts[1], parts[2]) if parts else (None, None)
    return _Citing(
        year % 100 if year is not None else None,
        station,
        serial,
        _day_of_year(created, year),
    )


def _day_of_year(created: date | datetime | None, year: int | None) -> int | None:
    """Return the citing cable's day of the year, if its date is known and in ``year``."""
    if not isinstance(created, date) or (year is not None and created.year != year):
        return None
    return created.toordinal() - date(created.year, 1, 1).toordinal() + 1


def _blocks(text: str) -> Iterator[tuple[str, bool, bool]]:
    """Yield (block, whether it must cite a cable to count, whether it was cut off)."""
    position = 0
    while match := _next_start(text, position):
        window = text[match.end() : match.end() + _WINDOW]
        end = _block_end(window, folded(text), match.end())
        block, truncated = _drop_truncation(window[:end])
        kept = _cut_at_paragraph(block)
        yield (
            kept,
            not (match.group("line") or match.group("glued")),
            truncated and kept == block,
        )
        position = match.end() + max(len(kept), 1)


def _block_end(window: str, lower: str | None, offset: int) -> int:
    """Return where the earliest end mark starts in ``window``, else its length.

    ``lower`` is the folded text the window was cut from at ``offset``, or None.
    Blocks are short, so once one end is known the others are sought only before it.
    """
    found = _END_AT_LINE_PATTERN.search(window)
    best = found.start() if found else len(window)
    if found := _match_at(window, "(", _END_AT_MARKING_PATTERN, best):
        best = found.start()
    # The number mark starts one or two characters before its dot. The pattern starts
    # with the dot, so its own search skips to each dot faster than ``_match_at``.
    found = _END_AT_NUMBER_PATTERN.search(window)
    if found and found.start() < best + 2:
        dot = found.start()
        best = min(best, dot - 1 if window[dot - 2].isspace() else dot - 2)
    return _word_end(window, lower, offset, best)


def _match_at(
    window: str, first: str, pattern: re.Pattern[str], limit: int
) -> re.Match[str] | None:
    """Return the first match of ``pattern`` (which starts with ``first``) before ``limit``."""
    index = window.find(first, 0, limit)
    while index >= 0:
        if found := pattern.match(window, index):
            return found
        index = window.find(first, index + 1, limit)
    return None


def _word_end(window: str, lower: str | None, offset: int, best: int) -> int:
    """Return where ``_END_AT_WORD_PATTERN`` first matches in ``window`` before ``best``.

    Without a match there, return ``best``.
    """
    if lower is None:
        found = _END_AT_WORD_PATTERN.search(window)
        return min(found.start(), best) if found else best
    for word in _END_WORDS:
        # A word starting before ``best`` may run past it.
        index = lower.find(word, offset, offset + best + len(word) - 1)
        while index >= 0:
            if _END_AT_WORD_PATTERN.match(window, index - offset):
                best = index - offset
                break
            index = lower.find(word, index + 1, offset + best + len(word) - 1)
    return best


# Page copies cut long REF lists off with ``...`` (``STATE 2084...``), then append
# metadata; an ellipsis followed by more references is only a gap.
_TRUNCATION_PATTERN = re.compile(r"(\S*)\.\.\.[ \t]*(?:\n\s*|$)")


def _drop_truncation(block: str) -> tuple[str, bool]:
    """Cut the block at a truncation mark; say whether a glued token was lost there."""
    if "..." not in block:
        return block, False
    position = 0
    while cut := _TRUNCATION_PATTERN.search(block, position):
        following = block[cut.end() :].split("\n", 1)[0]
        if not following or not _continues_refs(following):
            return block[: cut.start()], bool(cut.group(1))
        block = block[: cut.start()] + "\n" + block[cut.end() :]
        position = cut.start() + 1
    return block, False


# Only what a keyword can continue with: ``Reform`` or ``Refugee`` never opens a block.
_HINT_PATTERN = re.compile(r"REF(?=[TSE(\s:.]|$)|Ref(?=[tse(\s:.]|$)")
# Every block start begins at its line's start or at one of these words.
_CANDIDATE_PATTERN = re.compile(r"PROGRAM|REF|Ref")
_HINT_REACH = 400


def _next_start(text: str, position: int) -> re.Match[str] | None:
    """Find the next block start, trying the full pattern only around a ``REF``/``Ref`` hint."""
    for found in _HINT_PATTERN.finditer(text, position):
        hint = found.start()
        line_start = max(text.rfind("\n", 0, hint) + 1, position)
        line_end = text.find("\n", hint + 3)
        end = len(text) if line_end < 0 else line_end
        match = _start_up_to(text, line_start, hint, min(end, hint + 3 + _HINT_REACH))
        if match:
            return match
    return None


def _start_up_to(
    text: str, line_start: int, hint: int, limit: int
) -> re.Match[str] | None:
    """Return the first block start at or before ``hint`` (searching no further than ``limit``).

    A start opens its line or a keyword, so only those places need trying.
    """
    if match := _BLOCK_START_PATTERN.match(text, line_start, limit):
        return match
    for candidate in _CANDIDATE_PATTERN.finditer(text, line_start, hint + 3):
        if match := _BLOCK_START_PATTERN.match(text, candidate.start(), limit):
            return match
    return None


def _cut_at_paragraph(block: str) -> str:
    """Cut the block at a blank line whose next line does not continue the references."""
    if block.count("\n") < 2:
        return block  # a blank line takes two line breaks
    for blank in _BLANK_LINE_PATTERN.finditer(block):
        line = block[blank.end() :].split("\n", 1)[0]
        if not _continues_refs(line):
            return block[: blank.start()]
    return block


_CONTINUATION_PATTERN = re.compile(
    r"^(?:[\[(]?[A-Z0-9]{1,2}[\])]?[.):]?\s*)?(?:'?\d{2,4}\s+)?([A-Za-z][A-Za-z.' \-]{0,30}?)\s*#?\d"
)
_BARE_BULLET_PATTERN = re.compile(r"^\s*(?:[\[(]?[A-Z][\])]?[.):]?|[\dO]+)\s*$")
# ``B. GUHA-CARTER E-MAIL`` after a blank line; ``(C) The…`` is a marked paragraph instead.
_BULLET_LINE_PATTERN = re.compile(
    r"^\s*¶?\s*(?:[A-Z][.)]|\([ABD-RT-Z]\)|\[[A-Z]\])\s+\S"
)


def _continues_refs(line: str) -> bool:
    """Return whether a line after a blank line still belongs to the REF list."""
    if _BARE_BULLET_PATTERN.match(line) or PAGE_LINE_PATTERN.match(line):
        return True
    if _BULLET_LINE_PATTERN.match(line):
        return True
    match = _CONTINUATION_PATTERN.match(line.replace("¶", "").strip())
    return bool(match and normalize_station(match.group(1)))
