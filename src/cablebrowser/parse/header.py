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


# Each caption with the words one of which it must hold: upper-case hints as
# written, lower-case hints in any case. They let a search be skipped cheaply.
_CAPTION_PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (name, re.compile(pattern), hints)
    for name, pattern, hints in (
        ("SIPDIS", r"(?i:SIPDIS)", ("sipdis",)),
        ("SIPRDIS", r"\bSIPRDIS\b", ("SIPRDIS",)),
        ("NOFORN", r"(?<!\()NOFORN(?!\))", ("NOFORN",)),
        ("EXDIS", r"(?<!\()\bEXDIS\b(?!\))", ("EXDIS",)),
        ("NODIS", r"(?<!\()\bNODIS\b(?!\))", ("NODIS",)),
        ("LIMDIS", r"(?<!\()\bLIMDIS\b(?!\))", ("LIMDIS",)),
        ("STADIS", r"(?<!\()\bSTADIS\b(?!\))", ("STADIS",)),
        (
            "SBU",
            r"(?i:\bsensitive\s+but\s+unclassif?i?e?d?)|(?<![(/])\bSBU\b(?![)/])",
            ("sensitive", "SBU"),
        ),
        ("SENSITIVE", r"\bSENSITIVE\b(?!\s+BUT\b)", ("SENSITIVE",)),
        # The boundary follows the first letter so the search can jump to each E.
        ("EFTO", r"E(?<=\bE) ?F ?T ?O\b", ()),
        (
            "FOR OFFICIAL USE ONLY",
            r"(?i:\bfor\s+official\s+use\s+only\b)|\bFOUO\b",
            ("official", "FOUO"),
        ),
        (
            "CORRECTED COPY",
            rf"C(?<=\bC){_spaced('CORRECTED')[1:]}\s+{_spaced('COPY')}",
            (),
        ),
        ("ROGER CHANNEL", r"\bROGER\s+CHANNEL\b", ("ROGER",)),
        ("EYES ONLY", r"\bEYES\s+ONLY\b", ("EYES",)),
    )
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
    span = _subject_span(area)
    if span is not None:
        area = area[: span[0]] + " " * (span[1] - span[0]) + area[span[1] :]
    found: dict[str, int] = {}
    for name, pattern, hints in _CAPTION_PATTERNS:
        if not _may_hold(area, hints):
            continue
        match = pattern.search(area)
        if match is not None:
            found[name] = match.start()
    if (
        "SIPDIS" not in found
        and _may_hold(text, ("sipdis",))
        and _STRAY_SIPDIS_PATTERN.search(text)
    ):
        found["SIPDIS"] = len(area)
    return sorted(found, key=found.__getitem__)


def _may_hold(text: str, hints: tuple[str, ...]) -> bool:
    """Tell whether ``text`` holds a hint (lower-case hints in any case); no hints: True."""
    if not hints:
        return True
    lower = None
    for hint in hints:
        if not hint.islower():
            if hint in text:
                return True
            continue
        lower = lower or folded(text)
        if lower is None or hint in lower:
            return True
    return False


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
