"""Read the items of a REF block: bullets, cable IDs, and what else an item names.

Follows cable-format.md §3.7 and §4.3: a block found by ``refs`` is cleaned of
page debris, split into bulleted items, and every ``[year] ORIGIN SERIAL [year]``
group is read as a canonical cable ID. Items that are not cables (e-mails,
telcons, DTG messages, reports) are kept with their kind.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..record import Reference
from .ids import normalize_station, valid_id_from_parts
from .refpages import clean_block

# Serials run in sequence within a year and restart in January. No station sends more
# than STATE (at most ~800 cables a day in the archive), so a serial above this many a day
# since 1 January, counted with a margin in days, cannot be from the citing cable's year.
_MAX_SERIALS_PER_DAY = 1500
_MARGIN_DAYS = 10


class _Citing(NamedTuple):
    """What an unyeared reference needs to know about the citing cable."""

    yy: int | None
    station: str | None
    serial: int | None
    day_of_year: int | None = None

    def default_yy(self, station: str, serial: str) -> int | None:
        """Return the citing year, or the year before for a serial too high for it.

        Serials restart every January, so ``HAVANA 639`` cited by ``10HAVANA9`` is from
        2009, and so is ``STATE 130750`` cited on 5 January 2010 by any station.
        """
        if self.yy is None:
            return None
        number = int(serial)
        later = (
            station == self.station and self.serial is not None and number > self.serial
        )
        return (self.yy - 1) % 100 if later or self._too_high(number) else self.yy

    def _too_high(self, number: int) -> bool:
        if self.day_of_year is None:
            return False
        return number > _MAX_SERIALS_PER_DAY * (self.day_of_year + _MARGIN_DAYS)


_BULLET_PATTERN = re.compile(
    r"(?:^|(?<=[\s;,.:)\]]))"
    r"(?:\((?P<a>[A-Z]|\d)\)|\[(?P<b>[A-Z])\]|(?P<c>[A-Z])(?:\.\)|[.):]|\s-)(?=\s|\(|[A-Z0-9'\[])"
    r"|(?P<d>\d)[.)](?=\s))"
)


# An item: its bullet and its text. A plain tuple, built for every item of every block.
_Item = tuple[str | None, str]


# Every bullet holds one of these characters.
_BULLET_HINT_PATTERN = re.compile(r"[(\[.):-]")


def _split_items(block: str) -> list[_Item]:
    """Split a cleaned block on bullets (kept when letters run in order) and ``;``."""
    pieces: list[tuple[str | None, str]] = []
    start, bullet, last = 0, None, ""
    bullets = (
        _BULLET_PATTERN.finditer(block) if _BULLET_HINT_PATTERN.search(block) else ()
    )
    for match in bullets:
        # Each alternative holds one of the four letter groups.
        letter = match[match.lastindex or 0]
        if not _is_bullet(block, match, letter, last):
            continue
        pieces.append((bullet, block[start : match.start()]))
        start, bullet, last = match.end(), letter, letter
    pieces.append((bullet, block[start:]))
    return [
        (bullet, stripped)
        for bullet, text in pieces
        for part in text.split(";")
        if (stripped := part.strip())
    ]


def _is_bullet(block: str, match: re.Match[str], letter: str, last: str) -> bool:
    """Accept a bullet candidate only if it follows the previous one and opens an item."""
    if letter.isdigit():
        # ``(1)``, ``(2)``… in order; ``406 (6)`` is part of an item.
        return int(letter) == (int(last) + 1 if last.isdigit() else 1)
    if last and (last.isdigit() or letter <= last):
        return False
    before = block[: match.start()].rstrip(" ")
    if match.group("c") is None:
        # ``KUWAIT (C)02293``: a portion marking inside an item, not a bullet.
        return not (
            before[-1:].isalpha() and block[match.end() : match.end() + 1].isdigit()
        )
    if match.group(0).endswith(")"):
        return True
    return not before or before[-1] in "\n;,:)]" or before[-1].isdigit()


_INNER_KEYWORD_PATTERN = re.compile(
    r"\b(?:REF(?:TEL)?S?|REFERENCES?|Ref(?:tel)?s?)\b\s*:?"
)
_O_IN_NUMBER_PATTERN = re.compile(r"\b[\dO]*\d[\dO]*\b")
_ZERO_IN_NAME_PATTERN = re.compile(r"\b(?=(?:[A-Z0]*[A-Z]){3})[A-Z]*0[A-Z0]*\b")
_GLUED_PATTERN = re.compile(r"\b(\d{2}|\d{4})?-?([A-Z]{2,})-?(\d+)\b")


def _normalise_item(text: str, bullet: str | None) -> str:
    """Remove stray REF words and a doubled bullet; fix O/0 swaps; unglue ``09CAIRO0561``."""
    # Each substitution is skipped where the letters it needs are absent.
    if "REF" in text or "Ref" in text:
        text = _INNER_KEYWORD_PATTERN.sub(" ", text)
    text = text.strip()
    if bullet:
        text = re.sub(
            rf"^(?:\({bullet}\)|\[{bullet}\]|{bullet}(?:\.\)|[.):]|\s-)|{bullet}(?=\s+[A-Z]))\s*",
            "",
            text,
        )
    if "O" in text:
        text = _O_IN_NUMBER_PATTERN.sub(lambda m: m.group(0).replace("O", "0"), text)
    if "0" in text:
        text = _ZERO_IN_NAME_PATTERN.sub(lambda m: m.group(0).replace("0", "O"), text)
    return _GLUED_PATTERN.sub(
        lambda m: " ".join(part for part in m.groups() if part), text
    )


_ASIDE_PATTERN = re.compile(r"\((?!\d\d\))[^()]{3,}\)|\"[^\"]*\"|“[^”]*”")
# Words are matched possessively: a word cut short is followed by a letter, which
# nothing after it accepts, and backtracking into words made long items very slow.
_CABLE_PATTERN = re.compile(
    r"(?<![\w'])(?:(?P<year>(?:19|20)\d\d|'\d\d|\d\d\d?|\(\d\d\))\s*)?"
    r"(?P<origin>[A-Za-z][A-Za-z.'\-]*+(?:\s+[A-Za-z][A-Za-z.'\-]*+){0,4}?)"
    r"\s*(?:\((?P<mid>\d\d)\)\s*|(?P<midyear>0\d|10|[6-9]\d)\s+(?=\d{3}))?(?:\([A-Z/]{1,6}\)\s*)?\#?\s*"
    r"(?P<serial>\d{1,8})(?![\dA-Za-z])"
    r"(?:[-/](?P<dash>\d\d)(?![\d/])|\s*\((?P<paren>\d\d)\)|\s+(?P<bare>(?:19|20)?\d\d)(?=\s*(?:$|[,;()])))?"
)
_LIST_PATTERN = re.compile(
    r"\s*(?:,|/|&|\band\b|\bAND\b)\s*(?P<serial>\d{1,7})(?![\dA-Za-z])"
    r"(?:[-/](?P<dash>\d\d)(?![\d/])|\s*\((?P<paren>\d\d)\))?"
)


class _Cable(NamedTuple):
    start: int
    value: str
    station: str


def _find_cables(item: str, citing: _Citing) -> list[_Cable]:
    """Return the cables an item cites, with the offset where each group starts."""
    masked = _ASIDE_PATTERN.sub(lambda m: " " * len(m.group(0)), item)
    cables: list[_Cable] = []
    position = 0
    while (start := _search_start(masked, position)) >= 0 and (
        match := _CABLE_PATTERN.search(masked, start)
    ):
        station, offset = _origin(match.group("origin"))
        if station is None:
            position = match.start("serial")
            continue
        start = match.start() if match.group("year") else match.start("origin") + offset
        if offset and 1966 <= int(match.group("serial")) <= 2010:
            # ``INCSR BRAZIL 2008``: a title ending in a place and a year, not a cable.
            position = match.start("serial")
            continue
        yy = _year(
            match.group("year") or match.group("mid") or match.group("midyear"), match
        )
        if yy is None:
            yy = citing.default_yy(station, match.group("serial"))
        serials = [(match.group("serial"), yy)]
        position = match.end()
        while extra := _LIST_PATTERN.match(masked, position):
            extra_yy = _year(None, extra)
            serials.append(
                (extra.group("serial"), yy if extra_yy is None else extra_yy)
            )
            position = extra.end()
        for serial, serial_yy in serials:
            value = _cable_id(serial_yy, station, serial)
            if value:
                cables.append(_Cable(start, value, station))
    return cables


# A cable group spans at most nine runs of non-blanks before its serial: a year, five
# words, a middle year, a marking and ``#``.
_GROUP_CHUNKS = 10
_LETTER_PATTERN = re.compile(r"[A-Za-z]")
_DIGIT_PATTERN = re.compile(r"\d")


def _search_start(masked: str, position: int) -> int:
    """Return where ``_CABLE_PATTERN`` may first match from ``position`` on, or -1 if nowhere.

    Searching prose is slow. A group's serial is a digit after a letter of its
    origin, so a group starts after the first such digit or within
    ``_GROUP_CHUNKS`` runs of non-blanks before it.
    """
    letter = _LETTER_PATTERN.search(masked, position)
    digit = _DIGIT_PATTERN.search(masked, letter.end()) if letter else None
    if digit is None:
        return -1
    head = masked[position : digit.start()].rsplit(None, _GROUP_CHUNKS)
    return position + len(head[0]) if len(head) > _GROUP_CHUNKS else position


def _origin(words: str) -> tuple[str | None, int]:
    """Resolve the longest trailing run of words that names a station; return it and its offset."""
    spans = [m.start() for m in re.finditer(r"\S+", words)]
    for offset in spans:
        station = normalize_station(words[offset:])
        if station:
            return station, offset
    return None, 0


def _year(written: str | None, match: re.Match[str]) -> int | None:
    """Return the two-digit year written with a group (before, inside or after), or None."""
    # ``_LIST_PATTERN`` has no ``bare`` group; a dict of every group is not needed.
    groups = match.re.groupindex
    for token in (
        written,
        *(match.group(name) for name in ("dash", "paren", "bare") if name in groups),
    ):
        yy = _yy(token)
        if yy is not None:
            return yy
    return None


def _yy(token: str | None) -> int | None:
    """Read ``05``, ``2005``, ``'05``, ``(05)`` or ``094`` (taken as 94) as a two-digit year."""
    if not token:
        return None
    digits = token.strip("'() ")
    if len(digits) == 4:
        return int(digits[2:]) if 1960 <= int(digits) <= 2010 else None
    if len(digits) == 3:
        return int(digits[1:]) if digits[0] == "0" else None
    value = int(digits)
    return value if value <= 10 or value >= 60 else None


def _cable_id(yy: int | None, station: str, serial: str) -> str | None:
    """Build and validate a canonical ID, or None."""
    if yy is None or int(serial) == 0 or len(serial.lstrip("0")) > 7:
        return None
    return valid_id_from_parts(yy, station, int(serial))


def _block_references(
    block: str, citing: _Citing, *, truncated: bool = False
) -> list[Reference]:
    """Return the references of one REF block, item by item."""
    station = citing.station
    found: list[Reference] = []
    items = _split_items(clean_block(block))
    last = len(items) - 1
    for index, item in enumerate(items):
        refs, station = _item_references(item, citing, station)
        if truncated and index == last:
            # The cut-off last item keeps only what is still whole.
            refs = [ref for ref in refs if ref.kind != "other"]
        found.extend(refs)
    return found


def _item_references(
    item: _Item, citing: _Citing, station: str | None
) -> tuple[list[Reference], str | None]:
    """Return the references of one item and the origin a bare serial would inherit next."""
    bullet, written = item
    raw = " ".join(written.split())
    if simple := _simple_cable(raw, bullet, citing):
        value, station = simple
        return [Reference("cable", value, bullet, raw.strip(" ,;:&"))], station
    text = _normalise_item(raw, bullet)
    cables = _find_cables(text, citing) or _fallback_cables(text, citing, station)
    if not cables:
        named = _join_wrapped_date(_drop_doubled_bullet(raw, bullet), bullet)
        return (
            [Reference(_kind(named), _clean_value(named), bullet, named)]
            if _is_document(named)
            else []
        ), station
    starts = [cable.start for cable in cables] + [len(text)]
    refs = [
        Reference(
            "cable",
            cable.value,
            bullet,
            _segment(text, cable.start, starts) or raw,
        )
        for cable in cables
    ]
    return refs, cables[-1].station


# Most items are a bare ``[YY] ORIGIN SERIAL``, perhaps followed by words without digits
# (``NOTAL``, ``(EXDIS)``) and a comma: normalising leaves them as they are, and the
# general search reads one group at the start and nothing after it.
_SIMPLE_ITEM_PATTERN = re.compile(
    r"(?:(\d\d\d?|(?:19|20)\d\d) )?([A-Za-z]+(?: [A-Za-z]+){0,4}) (\d{1,8})"
    r"(?: [A-Za-z]+| \([A-Z]{3,}\))*,?"
)


def _simple_cable(
    raw: str, bullet: str | None, citing: _Citing
) -> tuple[str, str] | None:
    """Read an item of the bare form as its (ID, station); None if not one or no cable."""
    if "REF" in raw or "Ref" in raw:
        return None
    match = _SIMPLE_ITEM_PATTERN.fullmatch(raw)
    if match is None:
        return None
    if bullet and raw.startswith(bullet + " "):
        return None  # normalising would drop a doubled bullet
    station = normalize_station(match.group(2))
    if station is None:
        return None
    written, serial = match.group(1, 3)
    yy = _yy(written) if written else None
    value = _cable_id(
        citing.default_yy(station, serial) if yy is None else yy, station, serial
    )
    return (value, station) if value else None


def _segment(text: str, start: int, starts: list[int]) -> str:
    """Return the text of one cable group: up to the next group that starts later."""
    end = (
        min(other for other in starts if other > start)
        if start < len(text)
        else len(text)
    )
    return text[start:end].strip(" ,;:&")


# ``REF: A) STATE SECURITY SERVICE…`` after the bullet ``A.``. A bare repeated letter
# is left alone: in ``A. A NEW YORK TIMES ARTICLE`` it is a word.
_LEADING_REPEAT_PATTERN = re.compile(
    r"(?:(?:REF(?:TEL)?S?|REFERENCES?|Ref(?:tel)?s?)\b\s*:?\s*)?"
    r"(?:\((?P<a>[A-Z0-9])\)|\[(?P<b>[A-Z])\]|(?P<c>[A-Z0-9])(?:\.\)|[.):]|\s-))(?=\s)\s*"
    r"|(?:REF(?:TEL)?S?|REFERENCES?|Ref(?:tel)?s?)\b\s*:?\s*"
)


def _drop_doubled_bullet(text: str, bullet: str | None) -> str:
    """Drop a stray REF word and a repeat of the item's bullet from the start of ``text``."""
    if not text or text[0] not in "R([" and text[0] != bullet:
        return text
    match = _LEADING_REPEAT_PATTERN.match(text)
    if match is None:
        return text
    repeated = match.group("a") or match.group("b") or match.group("c")
    if repeated is not None and repeated != bullet:
        return text
    return text[match.end() :] or text


# ``…NEW YORK TIMES G. 4/14/09``: the item's date wrapped onto a line that was then
# lettered as the next item.
_WRAPPED_DATE_PATTERN = re.compile(
    r" (?P<letter>[A-Z])\. (?P<date>\d{1,2}/\d{1,2}/\d{2,4})$"
)


def _join_wrapped_date(text: str, bullet: str | None) -> str:
    """Drop the next item's letter from a date that ends ``text``."""
    if not bullet or "/" not in text:
        return text
    match = _WRAPPED_DATE_PATTERN.search(text)
    if match is None or ord(match.group("letter")) != ord(bullet) + 1:
        return text
    return f"{text[: match.start()]} {match.group('date')}"


_NUMBER_FIRST_PATTERN = re.compile(
    r"^(?:(?P<year>(?:19|20)?\d\d)\s+)?(?P<serial>\d{3,7})\s+(?P<origin>[A-Za-z][A-Za-z'\-]+)\b(?!\s*\d)"
)
_FILLER_PATTERN = re.compile(
    r"\b(?:AND|PREVIOUS|NOTAL|ALSO)\b|\([^()]*\)", re.IGNORECASE
)
_SERIALS_ONLY_PATTERN = re.compile(r"^[#\s]*\d{2,7}(?:[\s,&#]+\d{2,7})*[\s.,]*$")


def _fallback_cables(text: str, citing: _Citing, station: str | None) -> list[_Cable]:
    """Read ``870 Ulaanbaatar`` (number first), or bare serials continuing the last origin."""
    match = _NUMBER_FIRST_PATTERN.match(text)
    if match and (named := normalize_station(match.group("origin"))):
        serial = match.group("serial")
        written = _yy(match.group("year"))
        value = _cable_id(
            citing.default_yy(named, serial) if written is None else written,
            named,
            serial,
        )
        return [_Cable(0, value, named)] if value else []
    rest = _FILLER_PATTERN.sub(" ", text)
    if station is None or not _SERIALS_ONLY_PATTERN.match(rest):
        return []
    # A lone 1966-2010 is more likely a year than a serial (``C. 2006``).
    serials = [
        number for number in re.findall(r"\d+", rest) if not 1966 <= int(number) <= 2010
    ]
    values = (
        _cable_id(citing.default_yy(station, serial), station, serial)
        for serial in serials
    )
    return [_Cable(0, value, station) for value in values if value]


_CAPTION_ONLY_PATTERN = re.compile(
    r"^\W*(?:NOTAL|EXDIS|NODIS|STADIS|LIMDIS|SIPDIS|REF|REFS|REFTELS?)?\W*$",
    re.IGNORECASE,
)


_PROSE_WORD_PATTERN = re.compile(r"\b[a-z]{3,}\b")
_CONJUNCTION_PATTERN = re.compile(r"\b(?:AND|ALSO)\b", re.IGNORECASE)


def _is_document(text: str) -> bool:
    """Return whether an item without a cable still names something (not just a caption)."""
    rest = _CONJUNCTION_PATTERN.sub(" ", text)
    if len(_PROSE_WORD_PATTERN.findall(rest)) >= 5:
        return False  # a sentence of the body that ran on after the list
    return bool(re.search(r"[A-Za-z0-9]{2}", rest)) and not _CAPTION_ONLY_PATTERN.match(
        rest
    )


_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"\bE-?MAILS?\b", re.IGNORECASE)),
    (
        "telcon",
        re.compile(r"\bTELE?CONS?\b|\bTELEPHONE\b|\bPHONE\s+CALL\b", re.IGNORECASE),
    ),
    ("dtg", re.compile(r"\b[A-Z]?\d{6}Z\b|\bDTG\b", re.IGNORECASE)),
    (
        "report",
        re.compile(
            r"\bREPORTS?\b|\bIIR\b|\bTD-\d|\bOSC\b|\bFBIS\b|\bFAM\b|\bUNSCR\b|\bRESOLUTION\b"
            r"|\bMEMO(?:RANDUM)?\b|\bCRS\b|\bINR\b|\bSTUDY\b|\bASSESSMENT\b",
            re.IGNORECASE,
        ),
    ),
)


def _kind(text: str) -> str:
    """Classify a non-cable item: email, telcon, dtg, report or other."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return "other"


def _clean_value(text: str) -> str:
    """Collapse whitespace, drop stray REF words and trailing separators."""
    text = _INNER_KEYWORD_PATTERN.sub(" ", text)
    return " ".join(text.split()).strip(" ,;:.-")
