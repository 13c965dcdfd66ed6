"""Read the caption area of a cable body: classification, captions, the cable's own ID.

The caption area is everything before paragraph 1 (docs/cable-format.md §3). Every
function takes the cleaned body text, never raises, and returns ``None`` or an empty
value when the field is absent. Field detection works on keywords, not on line starts,
because early redacted pages joined the whole caption area into one line (§7.12).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .area import (
    _LEVEL_PATTERN,
    _first_lines,
    _head,
    _origin_serial,
    _spaced,
    caption_area,
    drop_page_breaks,
    folded_area,
)
from .classification import (
    parse_classified_by,
    parse_declassification,
    parse_reason_letters,
    parse_reasons,
)
from .ids import normalize_station
from .subject import _subject_span, parse_subject, parse_subject_marking
from .text import folded

# Subject, classification and the caption area live in their own modules; every
# public name stays importable from here.
__all__ = [
    "caption_area",
    "drop_page_breaks",
    "guess_reference_id",
    "parse_captions",
    "parse_classification_line",
    "parse_classified_by",
    "parse_date_line",
    "parse_declassification",
    "parse_reason_letters",
    "parse_reasons",
    "parse_subject",
    "parse_subject_marking",
]

_ENTIRE_TEXT_PATTERN = re.compile(
    r"\b(?P<level>CONFIDENTIAL|SECRET|UNCLASSIFIED|C|S|U)\s*-+\s*ENTIRE\s+TEXT",
    re.IGNORECASE,
)
_LEVELS = {"C": "CONFIDENTIAL", "S": "SECRET", "U": "UNCLASSIFIED"}


def parse_classification_line(text: str) -> str | None:
    """Return the classification level the cable text states, or ``None``.

    The level only: CONFIDENTIAL, SECRET or UNCLASSIFIED. Qualifiers such as NOFORN
    are captions (``parse_captions``). A line of the caption area's first twelve must
    start with the level; failing that, the old ``1. CONFIDENTIAL - ENTIRE TEXT.``
    form counts.
    """
    match = _LEVEL_PATTERN.search(_first_lines(text))
    if match is None:
        match = _ENTIRE_TEXT_PATTERN.search(_head(text))
    if match is None:
        return None
    return _LEVELS[re.sub(r"\s", "", match["level"])[0].upper()]


# Each caption with the lower-case words one of which it must hold (in any case)
# and the words its matches start with. Without start words the pattern opens
# with a literal and the search jumps to it.
_CAPTION_PATTERNS: tuple[
    tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...
] = tuple(
    (name, re.compile(pattern), hints, starts)
    for name, pattern, hints, starts in (
        ("SIPDIS", r"(?i:SIPDIS)", ("sipdis",), ("sipdis",)),
        ("SIPRDIS", r"\bSIPRDIS\b", ("siprdis",), ("siprdis",)),
        ("NOFORN", r"(?<!\()NOFORN(?!\))", ("noforn",), ("noforn",)),
        ("EXDIS", r"(?<!\()\bEXDIS\b(?!\))", ("exdis",), ("exdis",)),
        ("NODIS", r"(?<!\()\bNODIS\b(?!\))", ("nodis",), ("nodis",)),
        ("LIMDIS", r"(?<!\()\bLIMDIS\b(?!\))", ("limdis",), ("limdis",)),
        ("STADIS", r"(?<!\()\bSTADIS\b(?!\))", ("stadis",), ("stadis",)),
        (
            "SBU",
            r"(?i:\bsensitive\s+but\s+unclassif?i?e?d?)|(?<![(/])\bSBU\b(?![)/])",
            ("sensitive", "sbu"),
            ("sensitive", "sbu"),
        ),
        (
            "SENSITIVE",
            r"\bSENSITIVE\b(?!\s+BUT\b)",
            ("sensitive",),
            ("sensitive",),
        ),
        # The boundary follows the first letter so the search can jump to each E.
        ("EFTO", r"E(?<=\bE) ?F ?T ?O\b", ("ft", "f t"), ()),
        (
            "FOR OFFICIAL USE ONLY",
            r"(?i:\bfor\s+official\s+use\s+only\b)|\bFOUO\b",
            ("official", "fouo"),
            ("for", "fouo"),
        ),
        (
            "CORRECTED COPY",
            rf"C(?<=\bC){_spaced('CORRECTED')[1:]}\s+{_spaced('COPY')}",
            ("py", "p y"),
            (),
        ),
        ("ROGER CHANNEL", r"\bROGER\s+CHANNEL\b", ("roger",), ("roger",)),
        ("EYES ONLY", r"\bEYES\s+ONLY\b", ("eyes",), ("eyes",)),
    )
)
# Each hint word with the indexes of the captions it hints at: one pass over
# them tells which captions can occur at all.
_CAPTION_HINTS = tuple(
    (hint, tuple(i for i, entry in enumerate(_CAPTION_PATTERNS) if hint in entry[2]))
    for hint in dict.fromkeys(hint for entry in _CAPTION_PATTERNS for hint in entry[2])
)
_STRAY_SIPDIS_PATTERN = re.compile(
    r"^[ \t]*SIPDIS[ \t]*$", re.MULTILINE | re.IGNORECASE
)


def parse_captions(text: str) -> list[str]:
    """Return the handling captions, each once, in order of first appearance.

    Captions are read from the caption area with the subject text taken out (so a
    subject word such as SENSITIVE does not count) and never inside parentheses (REF
    captions such as ``(EXDIS)`` belong to the referenced cable). A lone SIPDIS line
    anywhere in the body also counts.
    """
    area = caption_area(text)
    lower = folded_area(text)
    span = _subject_span(area, lower)
    if span is not None:
        blank = " " * (span[1] - span[0])
        area = area[: span[0]] + blank + area[span[1] :]
        if lower is not None:
            lower = lower[: span[0]] + blank + lower[span[1] :]
    found: dict[str, int] = {}
    for name, pattern, _hints, starts in _possible_captions(lower):
        if lower is not None and starts:
            match = _match_at_words(pattern, area, lower, starts)
        else:
            match = pattern.search(area)
        if match is not None:
            found[name] = match.start()
    if "SIPDIS" not in found and _has_sipdis_line(text):
        found["SIPDIS"] = len(area)
    return sorted(found, key=found.__getitem__)


def _possible_captions(
    lower: str | None,
) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...]:
    """Return the entries of ``_CAPTION_PATTERNS`` holding a hint word in ``lower``.

    ``lower`` is ``folded`` of the text searched; where it is None, all entries.
    """
    if lower is None:
        return _CAPTION_PATTERNS
    indexes = [
        index for hint, found in _CAPTION_HINTS if hint in lower for index in found
    ]
    return tuple(_CAPTION_PATTERNS[index] for index in sorted(set(indexes)))


def _match_at_words(
    pattern: re.Pattern[str], text: str, lower: str, words: tuple[str, ...]
) -> re.Match[str] | None:
    """Return ``pattern.search(text)`` for a pattern whose matches start with ``words``.

    ``lower`` is ``folded(text)``; only where a word occurs is the pattern tried.
    """
    places = [index for word in words for index in _occurrences(lower, word)]
    if len(words) > 1:
        places.sort()
    for index in places:
        if match := pattern.match(text, index):
            return match
    return None


def _occurrences(text: str, word: str) -> list[int]:
    """Return every index where ``word`` starts in ``text``."""
    found = []
    index = text.find(word)
    while index >= 0:
        found.append(index)
        index = text.find(word, index + 1)
    return found


def _has_sipdis_line(text: str) -> bool:
    """Tell whether a line of ``text`` holds only SIPDIS (in any case)."""
    lower = folded(text)
    if lower is None:
        return _STRAY_SIPDIS_PATTERN.search(text) is not None
    # A match fills a line: only the lines holding the word are tried.
    return any(
        _STRAY_SIPDIS_PATTERN.match(text, text.rfind("\n", 0, index) + 1)
        for index in _occurrences(lower, "sipdis")
    )


_DE_LINE_PATTERN = re.compile(
    r"^DE[ \t]+[A-Z]{4,6}[ \t]+#(?P<serial>\d{1,7})", re.MULTILINE
)
_FM_LINE_PATTERN = re.compile(r"^FM[ \t]+(?P<origin>[^\n]+?)[ \t]*$", re.MULTILINE)
_DTG_YEAR_PATTERN = re.compile(r"\b\d{6}Z[ \t]+[A-Z]{3}[ \t]+(?P<year>\d{2})\b")
_ORIGINATOR_PREFIX_PATTERN = re.compile(
    r"^(?:AMEMBASSY|AMCONSUL|AMCONGEN|EMBASSY|USMISSION|USINT|USDEL)\s+"
)


def _header_origin_serial(header: str) -> tuple[str, int] | None:
    """Return (originator, serial) from the DE and FM lines of a routing header."""
    de_line = _DE_LINE_PATTERN.search(header)
    fm_line = _FM_LINE_PATTERN.search(header)
    if de_line is None or fm_line is None or int(de_line["serial"]) == 0:
        return None
    origin = _ORIGINATOR_PREFIX_PATTERN.sub("", fm_line["origin"].strip().upper())
    return origin, int(de_line["serial"])


def _station(origin: str) -> str | None:
    code = normalize_station(origin)
    if code:
        return code
    squeezed = re.sub(r"[^A-Z]", "", origin.upper())
    return squeezed if 2 <= len(squeezed) <= 17 else None


def _year_digits(
    header: str | None, body: str, created: datetime | None, written: str | None
) -> str | None:
    """Pick the year: archive date, then DTG, then the line's own year, then DECL - 10."""
    if created is not None:
        return f"{created.year % 100:02d}"
    dtg = _DTG_YEAR_PATTERN.search(header or "")
    if dtg is not None:
        return dtg["year"]
    if written is not None:
        return written
    declassification = parse_declassification(body)
    if declassification is not None and declassification.date is not None:
        return f"{(declassification.date.year - 10) % 100:02d}"
    return None


def guess_reference_id(
    header: str | None, body: str, created: datetime | None
) -> str | None:
    """Return the cable ID the text itself implies (``05ALMATY3603``), or ``None``.

    The classification line gives origin and serial (``ALMATY 003603``); failing
    that, the header's DE line gives the serial and its FM line the origin. The
    year comes from ``created``, the header DTG, a year written in the line
    (``75 LIBREVILLE 1895``) or, last, the declassify-on date minus ten years.
    """
    found = _origin_serial(body)
    written = found[2] if found else None
    origin_serial = found[:2] if found else None
    if origin_serial is None and header:
        origin_serial = _header_origin_serial(header)
    if origin_serial is None:
        return None
    station = _station(origin_serial[0])
    year = _year_digits(header, body, created, written)
    if station is None or year is None:
        return None
    return f"{year}{station}{origin_serial[1]}"


_DATE_LINE_PATTERN = re.compile(
    r"\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),[ \t]+"
    r"(?P<day>\d{1,2})[ \t]+(?P<month>[A-Z][a-z]+)[ \t]+(?P<year>(?:19|20)\d\d)\b"
)
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def parse_date_line(text: str) -> date | None:
    """Return the date of a leading ``Tuesday, 20 January 2004, 09:44`` line, or ``None``."""
    match = _DATE_LINE_PATTERN.match(text)
    if match is None or match["month"] not in _MONTH_NAMES:
        return None
    try:
        return date(
            int(match["year"]),
            _MONTH_NAMES.index(match["month"]) + 1,
            int(match["day"]),
        )
    except ValueError:
        return None
