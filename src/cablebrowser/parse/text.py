"""Clean a cable's stored text and take page-break lines out of it.

``clean_text`` undoes what publishing did to the text (CSV backslashes, HTML
entities, WikiLeaks pilcrows, control characters) and nothing else: wrapping,
spacing and case stay as written. ``strip_page_breaks`` removes the page
headers that multi-page cables repeat inside the text.
"""

from __future__ import annotations

import functools
import html.entities
import re
from collections.abc import Iterator

_ENTITY_PATTERN = re.compile(
    r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));"
)


def _decode_entity(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html.entities.html5.get(f"{name};", match.group(0))
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)


_PILCROW_PATTERN = re.compile(
    r"¶[ \t]*(?=\d{1,3}[.)]|[A-Za-z][.)]|\([A-Za-z0-9]{1,3}\))"
)
_CONTROL_PATTERN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Return ``text`` as every parser function should see it.

    Line breaks become ``\\n``; a backslash right before a line break (pages
    made from the CSV dump) is dropped; HTML entities still present are
    decoded; a pilcrow before a paragraph number or REF bullet is removed;
    control characters other than newline and tab are removed.
    """
    if not text:
        return ""
    if "&" in text:
        text = _ENTITY_PATTERN.sub(_decode_entity, text)
    # One-character membership tests run at memchr speed; most texts need neither.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\\" in text:
        text = text.replace("\\\n", "\n").removesuffix("\\")
    if "¶" in text:
        text = _PILCROW_PATTERN.sub("", text)
    if _is_printable(text):
        return text
    return _CONTROL_PATTERN.sub("", text)


# The ASCII characters ``_CONTROL_PATTERN`` removes: all controls but tab and newline.
_ASCII_CONTROL_BYTES = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_ASCII_CONTROLS = _ASCII_CONTROL_BYTES.decode("ascii")
# The C1 controls (U+0080 to U+009F) in UTF-8; no other character's bytes hold these pairs.
_C1_CONTROL_PATTERN = re.compile(rb"\xc2[\x80-\x9f]")


def _is_printable(text: str) -> bool:
    """Tell whether ``text`` has no control character but newline and tab.

    These C-speed tests rule the controls out much faster than scanning with
    the pattern. In an ASCII text each control is looked for at memchr speed.
    Otherwise the control bytes are deleted from the UTF-8 bytes in one pass:
    there an ASCII control is its own byte, never part of another character,
    and a C1 control is ``C2`` then ``80-9F``.
    """
    if text.isascii():
        return not any(map(text.__contains__, _ASCII_CONTROLS))
    raw = _utf8(text)
    if len(raw.translate(None, _ASCII_CONTROL_BYTES)) != len(raw):
        return False
    return b"\xc2" not in raw or _C1_CONTROL_PATTERN.search(raw) is None


@functools.lru_cache(maxsize=2)
def _utf8(text: str) -> bytes:
    """Return ``text`` in UTF-8 (lone surrogates kept), shared by the control test and ``folded``."""
    return text.encode("utf-8", "surrogatepass")


# Modern page line: ORIGIN, the 8-digit serial, page[.sub] OF total. Early-2011
# pages collapsed it into the running text, and TRIPOLI 00000402 split it in two.
# Matching starts at the digits; the origin is then read backwards.
_MODERN_BREAK_PATTERN = re.compile(
    r"(?P<serial>\d{8})\s+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}\b"
)
_ORIGIN_BEFORE_PATTERN = re.compile(
    r"(?<![A-Za-z])(?P<origin>[A-Z][A-Z.'-]*(?:[ ][A-Z][A-Z.'-]*){0,3})[ \t]+$"
)
# Old page header: PAGE nn ORIGIN(6 chars, truncated) serial [nn OF nn]
# DDHHMMZ, with the classification line above it read backwards.
# The boundary is checked after the literal: a leading ``\b`` would make the
# regex engine try every position instead of jumping to each ``PAGE``.
_OLD_BREAK_PATTERN = re.compile(
    r"PAGE(?<=\bPAGE)[ \t]+\d{2}[ \t]+[A-Z][A-Z .]{0,6}?[ \t]+\d{5}[ \t]+(?:\d{2}[ \t]+OF[ \t]+\d{2}[ \t]+)?\d{6}Z\b"
)
_CLASSIFICATION_ABOVE_PATTERN = re.compile(
    r"\b(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)(?:[ \t]+PTQ\d+)?[ \t]*\n[ \t]*$"
)
_LINE_BREAK_PATTERNS = (
    re.compile(
        r"[ \t]*[A-Z][A-Z.'-]*(?:[ ][A-Z][A-Z.'-]*){0,3}[ \t]+\d{8}(?:[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3})?[ \t]*"
    ),
    re.compile(
        r"[ \t]*\d{3}\.\d[ \t]+OF[ \t]+\d{3}[ \t]*|[ \t]*\d{3}[ \t]+OF[ \t]+\d{3}[ \t]*"
    ),
    re.compile(
        r"[ \t]*PAGE[ \t]+\d{2}[ \t]+[A-Z][A-Z .]{0,6}?[ \t]+\d{5}[ \t]+(?:\d{2}[ \t]+OF[ \t]+\d{2}[ \t]+)?\d{6}Z[ \t]*"
    ),
)


def is_page_break(line: str) -> bool:
    """Tell whether one line is (part of) a page header repeated inside the text."""
    return any(pattern.fullmatch(line) for pattern in _LINE_BREAK_PATTERNS)


@functools.lru_cache(maxsize=8)
def strip_page_breaks(text: str) -> str:
    """Remove modern and old page-break headers, joining the text around them.

    A break on its own line(s) becomes a blank line when the text before it
    ends a sentence and a single line break otherwise; a break inside a line
    (whitespace-collapsed pages) becomes one space.
    """
    if not text:
        return ""
    spans = [span for span in map(_modern_span, _modern_breaks(text)) if span]
    if _may_hold_old_break(text):
        spans += [_old_span(match) for match in _OLD_BREAK_PATTERN.finditer(text)]
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        pieces.append(text[position:start])
        after = _end_of_space(text, end)
        pieces.append(_joint(pieces, text[end:after]))
        position = after
    pieces.append(text[position:])
    return "".join(pieces)


def _may_hold_old_break(text: str) -> bool:
    """Tell cheaply whether an old page header may occur in ``text``; False rules it out.

    An old header ends in a time, digits then ``Z``. The ``Z``s are found at
    memchr speed and are few; only a text with a digit before one is searched
    for ``PAGE``, a search as slow as a regex pass.
    """
    index = text.find("Z", 1)
    while index > 0 and not text[index - 1].isdigit():
        index = text.find("Z", index + 1)
    return index > 0 and "PAGE" in text


_SPACE_PATTERN = re.compile(r"\s+")


def _end_of_space(text: str, position: int) -> int:
    """Return where the whitespace run starting at ``position`` ends."""
    space = _SPACE_PATTERN.match(text, position)
    return space.end() if space else position


# Every modern break ends in ``OF nnn``; finding that literal first and walking
# back to the serial is exact and avoids trying the digits pattern everywhere.
_PAGE_OF_PATTERN = re.compile(r"OF[ \t]+\d{3}\b")


def _modern_breaks(text: str) -> Iterator[re.Match[str]]:
    """Yield what ``_MODERN_BREAK_PATTERN.finditer(text)`` would, much faster."""
    for hit in _PAGE_OF_PATTERN.finditer(text):
        start = _serial_start(text, hit.start())
        if start is not None and (found := _MODERN_BREAK_PATTERN.match(text, start)):
            yield found


def _serial_start(text: str, index: int) -> int | None:
    """Walk back from ``OF`` over the page number and the blanks to the serial's start."""
    end = index
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    if index == end:
        return None
    if index >= 2 and text[index - 2] == "." and text[index - 1].isdecimal():
        index -= 2
    if index < 3 or not text[index - 3 : index].isdecimal():
        return None
    index -= 3
    end = index
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index - 8 if index < end and index >= 8 else None


def _modern_span(match: re.Match[str]) -> tuple[int, int] | None:
    text = match.string
    # The origin and its blanks hold no line break: the search starts after the last one.
    start = max(0, match.start() - 80, text.rfind("\n", 0, match.start()) + 1)
    before = _ORIGIN_BEFORE_PATTERN.search(text, start, match.start())
    if before is None:
        return None
    origin = before["origin"]
    if " " not in origin:
        # A one-word origin is all the break's: no running text to keep.
        return before.start(), match.end()
    kept = _origin_overshoot(origin.split(" "), match["serial"], text)
    return before.start() + len(kept), match.end()


def _old_span(match: re.Match[str]) -> tuple[int, int]:
    text = match.string
    above = _CLASSIFICATION_ABOVE_PATTERN.search(
        text, max(0, match.start() - 60), match.start()
    )
    return (above.start() if above else match.start()), match.end()


def _origin_overshoot(words: list[str], serial: str, text: str) -> str:
    """Return the leading words of a break's origin that belong to the running text.

    The origin is sure only when the same words precede the serial elsewhere
    (caption line, other page lines); otherwise the nearest word is taken.
    """
    number = str(int(serial))
    for start in range(len(words) - 1):
        if _seen_twice(" ".join(words[start:]), number, text):
            return " ".join(words[:start]) + (" " if start else "")
    return " ".join(words[:-1]) + (" " if len(words) > 1 else "")


@functools.lru_cache(maxsize=64)
def _seen_twice(origin: str, number: str, text: str) -> bool:
    """Tell whether ``origin`` precedes serial ``number`` at least twice in ``text``.

    An occurrence counts when no capital letter comes right before it and
    blanks, optional zeros and ``number`` as a whole word follow it. Two such
    stretches cannot overlap, as the origin holds no digit and ends in no blank.
    """
    if text.count(origin) < 2:
        return False
    seen = 0
    index = text.find(origin)
    while index >= 0:
        free = index == 0 or not "A" <= text[index - 1] <= "Z"
        if free and _serial_follows(text, index + len(origin), number):
            seen += 1
            if seen == 2:
                return True
        index = text.find(origin, index + 1)
    return False


_BLANKS_ZEROS_PATTERN = re.compile(r"\s+0*")


def _serial_follows(text: str, position: int, number: str) -> bool:
    """Tell whether ``\\s+0*`` then ``number`` as a whole word match at ``position``."""
    blanks = _BLANKS_ZEROS_PATTERN.match(text, position)
    if blanks is None:
        return False
    start = blanks.end()
    if number.startswith("0"):
        # Only "0" starts so; the greedy zeros give one back if they took any.
        if text[start - 1] != "0":
            return False
        start -= 1
    end = start + len(number)
    if not text.startswith(number, start):
        return False
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


_SENTENCE_ENDS = tuple(".!?:;\"')]")


def _joint(pieces: list[str], trailing: str) -> str:
    """Trim the whitespace before a removed break and return what joins the two sides."""
    before = pieces[-1]
    trimmed = before.rstrip()
    pieces[-1] = trimmed
    if "\n" not in before[len(trimmed) :] and "\n" not in trailing:
        return " "
    # A trimmed piece that is not empty holds more than whitespace.
    if not trimmed and all(not piece or piece.isspace() for piece in pieces):
        return ""
    return "\n\n" if trimmed.endswith(_SENTENCE_ENDS) else "\n"


# Besides upper-case ASCII, only these characters match an ASCII letter when
# case is ignored (dotted and dotless i, long s); Kelvin K lower-cases to k.
_CASE_SPECIALS = "İıſ"


@functools.lru_cache(maxsize=16)
def folded(text: str) -> str | None:
    """Return ``text.lower()`` if it keeps every index and every case-blind match.

    Then an ASCII word matches ``text`` case-insensitively at an index exactly
    where the lower-case word occurs in the result, so a fast ``str.find``
    can show where a case-insensitive pattern may match. Otherwise None.
    """
    if text.isascii():
        return text.lower()
    lower = _lowered(text)
    if lower is None or len(lower) != len(text):
        return None
    return lower


# Every byte of an ASCII character: deleting them leaves a text's other characters.
_ASCII_BYTES = bytes(range(0x80))


def _lowered(text: str) -> str | None:
    """Return ``text.lower()`` for a non-ASCII text, or None if it holds a case special.

    ``str.lower`` is slow on such texts. Where every non-ASCII character is its
    own lower case (curly quotes, accented small letters), it only lowers the
    ASCII letters, which ``bytes.lower`` does on the UTF-8 bytes. Capital sigma,
    the one character lowered by its context, is not its own lower case.
    """
    raw = _utf8(text)
    others = raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if any(char in others for char in _CASE_SPECIALS):
        return None
    if others.lower() != others:
        return text.lower()
    lower = raw.lower().decode("utf-8", "surrogatepass")
    # Only a decoder joining surrogates could change the length: then fall back.
    return lower if len(lower) == len(text) else text.lower()
