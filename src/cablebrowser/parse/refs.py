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

from ..record import Reference
from .ids import canonical_id, normalize_station, split_id
from .refitems import _PAGE_LINE_PATTERN, _block_references, _Citing

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
_PROSE_PARAGRAPH = (
    r"(?<=\s)\d{1,2}\.\s+[A-Z][a-z]+(?![ \t]+\d)(?![ \t]+[A-Z][a-z]+[ \t]+\d)"
)
_BLOCK_END_PATTERN = re.compile(
    r"classified\s+by|\n[ \t]*¶?[ \t]*\d{1,2}[ \t]*\.[ \t]*(?:\(|[A-Za-z])"
    r"|\n[ \t]*(?:BEGIN\s+SUMMARY|SUMMARY|Summary\b|E\.\s?O\.|TAGS\b|SUBJECT\b|SUBJ\b)"
    r"|\bSUMMARY\s*:|SENSITIVE\s+BUT\s+UNCLASSIFIED|PLEASE\s+PROTECT\s+ACCORDINGLY"
    rf"|(?<=\s)\d{{1,2}}\.\s*\(|{_MARKING}|(?-i:{_SHORT_MARKING})|(?-i:{_PROSE_PARAGRAPH})",
    re.IGNORECASE,
)
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
    own = canonical_id(reference_id) if reference_id else None
    parts = split_id(reference_id) if reference_id else None
    station, serial = (parts[1], parts[2]) if parts else (None, None)
    citing = _Citing(
        year % 100 if year is not None else None,
        station,
        serial,
        _day_of_year(created, year),
    )
    found: list[Reference] = []
    seen: set[tuple[str, str]] = {("cable", own)} if own else set()
    for block, strict, truncated in _blocks(text[:_MAX_TEXT]):
        refs = list(_block_references(block, citing, truncated=truncated))
        if strict and not any(ref.kind == "cable" for ref in refs):
            continue
        for ref in refs:
            if (ref.kind, ref.value) not in seen:
                seen.add((ref.kind, ref.value))
                found.append(ref)
    return found


def _day_of_year(created: date | datetime | None, year: int | None) -> int | None:
    """Return the citing cable's day of the year, if its date is known and in ``year``."""
    if not isinstance(created, date) or (year is not None and created.year != year):
        return None
    return created.timetuple().tm_yday


def _blocks(text: str) -> Iterator[tuple[str, bool, bool]]:
    """Yield (block, whether it must cite a cable to count, whether it was cut off)."""
    position = 0
    while match := _next_start(text, position):
        window = text[match.end() : match.end() + _WINDOW]
        end = _BLOCK_END_PATTERN.search(window)
        block, truncated = _drop_truncation(window[: end.start()] if end else window)
        kept = _cut_at_paragraph(block)
        yield (
            kept,
            not (match.group("line") or match.group("glued")),
            truncated and kept == block,
        )
        position = match.end() + max(len(kept), 1)


# Page copies cut long REF lists off with ``...`` (``STATE 2084...``), then append
# metadata; an ellipsis followed by more references is only a gap.
_TRUNCATION_PATTERN = re.compile(r"(\S*)\.\.\.[ \t]*(?:\n\s*|$)")


def _drop_truncation(block: str) -> tuple[str, bool]:
    """Cut the block at a truncation mark; say whether a glued token was lost there."""
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


def _next_start(text: str, position: int) -> re.Match[str] | None:
    """Find the next block start, trying the full pattern only around a ``REF``/``Ref`` hint."""
    for hint in _HINT_PATTERN.finditer(text, position):
        line_start = max(text.rfind("\n", 0, hint.start()) + 1, position)
        line_end = text.find("\n", hint.end())
        end = len(text) if line_end < 0 else line_end
        match = _BLOCK_START_PATTERN.search(
            text, line_start, min(end, hint.end() + 400)
        )
        if match and match.start() <= hint.start():
            return match
    return None


def _cut_at_paragraph(block: str) -> str:
    """Cut the block at a blank line whose next line does not continue the references."""
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
    if _BARE_BULLET_PATTERN.match(line) or _PAGE_LINE_PATTERN.match(line):
        return True
    if _BULLET_LINE_PATTERN.match(line):
        return True
    match = _CONTINUATION_PATTERN.match(line.replace("¶", "").strip())
    return bool(match and normalize_station(match.group(1)))
