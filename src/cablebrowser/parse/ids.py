"""Cable reference IDs: validate, canonicalise and recognise them.

A canonical ID is ``YY`` + station code + serial without leading zeros
(cable-format.md §4.1). ``canonical_id`` turns any WikiLeaks ID, including the
malformed ones of §4.4, and most ways a person writes one into that form. The
stored WikiLeaks ID is never rewritten; the canonical ID is kept next to it.
"""

from __future__ import annotations

import functools
import re

from .stations import (
    GLUED_CAPTIONS,
    INVALID_IDS,
    MALFORMED_IDS,
    OTHER_ORIGINS,
    STATION_COUNTRY,
    STATION_MERGES,
    STATION_PREFIXES,
    STATION_VARIANTS,
    STATIONS,
)

__all__ = [
    "canonical_id",
    "country_of",
    "id_from_text",
    "is_valid_id",
    "normalize_station",
    "split_id",
    "station_of",
    "valid_id_from_parts",
    "year_of",
]

_KNOWN_CODES = STATIONS | OTHER_ORIGINS
_PREFIXES = tuple(dict.fromkeys(GLUED_CAPTIONS + STATION_PREFIXES))


def _resolve_station(code: str, *, written: bool) -> str | None:
    """Map a squashed origin to its canonical code; ``written`` prefers the variant table."""
    if written and code in STATION_VARIANTS:
        return STATION_VARIANTS[code]
    if code in STATION_MERGES:
        return STATION_MERGES[code]
    if code in _KNOWN_CODES:
        return code
    if code in STATION_VARIANTS:
        return STATION_VARIANTS[code]
    for prefix in _PREFIXES:
        if code.startswith(prefix) and len(code) > len(prefix):
            return _resolve_station(code[len(prefix) :], written=written)
    return None


_NAME_NOISE_PATTERN = re.compile(r"[^A-Z]")


def normalize_station(name: str) -> str | None:
    """Return the station code for an origin as written in a cable, or None.

    Spaces and punctuation are removed and a digit zero is read as the letter O
    (``0TTAWA``); ``AMEMBASSY``/``EMBASSY``/``USMISSION`` prefixes are dropped.
    """
    if not isinstance(name, str) or len(name) > 60:
        return None
    return _station_of_name(name)


# Origins and IDs repeat across cables (every REF names a few); lookups are pure.
@functools.lru_cache(maxsize=4096)
def _station_of_name(name: str) -> str | None:
    squashed = _NAME_NOISE_PATTERN.sub("", name.upper().replace("0", "O"))
    if not squashed or any(ch.isdigit() for ch in name.replace("0", "")):
        return None
    return _resolve_station(squashed, written=True)


def country_of(station: str) -> str | None:
    """Return the English country name of a station code (or written origin name)."""
    if not isinstance(station, str):
        return None
    code = station.strip().upper()
    if code in STATION_COUNTRY:
        return STATION_COUNTRY[code]
    resolved = normalize_station(station)
    return STATION_COUNTRY.get(resolved) if resolved else None


_SUFFIX_PATTERN = re.compile(r"_[A-Z]$")
_SEPARATOR_PATTERN = re.compile(r"[\s\-./#]+")
_LONG_YEAR_PATTERN = re.compile(r"^(?:19|20)(\d\d)(?=[A-Z])")
_DOUBLED_YEAR_PATTERN = re.compile(r"^(\d\d)\1(?=[A-Z])")


def _clean(reference_id: str) -> str:
    """Upper-case, drop the PlusD suffix, separators and a doubled or 4-digit year."""
    text = reference_id.strip().upper()
    # Each pattern needs what its guard tests; most IDs need none of them.
    if "_" in text:
        text = _SUFFIX_PATTERN.sub("", text)
    if not text.isalnum():  # separators are never alphanumeric
        text = _SEPARATOR_PATTERN.sub("", text)
    if text[:2] in ("19", "20"):
        text = _LONG_YEAR_PATTERN.sub(r"\1", text)
    if text[:2] == text[2:4]:
        text = _DOUBLED_YEAR_PATTERN.sub(r"\1", text)
    return text


# ``SECTION nn OF mm`` glued in after the year, misspelt in every way (§4.4).
_SECTION_PATTERN = re.compile(
    r"^(\d\d)[A-Z]{0,8}?[0-9Q]{1,2}[A-Z]{1,2}\d{1,2}(?=[A-Z]{3})"
)
# A trailing operating signal or TOSEC number after the real serial (``ZFR2585``).
_TRAILER_PATTERN = re.compile(r"^(\d\d[A-Z]+\d+?)(?:Z[A-Z]{2}|TOSEC)\d+$")
_LOOSE_PATTERN = re.compile(r"^(\d\d)([A-Z]{2,30})0*([1-9]\d{0,6})$")


def _parts(cleaned: str) -> tuple[int, str, int] | None:
    """Split a cleaned ID into (yy, canonical station, serial), applying the glue rules."""
    text = MALFORMED_IDS.get(cleaned) or INVALID_IDS.get(cleaned) or cleaned
    match = _LOOSE_PATTERN.match(text)
    if match is None:
        text = _TRAILER_PATTERN.sub(r"\1", _SECTION_PATTERN.sub(r"\1", text))
        text = MALFORMED_IDS.get(text) or INVALID_IDS.get(text) or text
        match = _LOOSE_PATTERN.match(text)
    return None if match is None else _matched_parts(match)


def _matched_parts(match: re.Match[str]) -> tuple[int, str, int] | None:
    """Return the parts of an ID matched by ``_LOOSE_PATTERN``, if its station resolves."""
    station = _resolve_station(match.group(2), written=False)
    if station is None:
        return None
    return int(match.group(1)), station, int(match.group(3))


def split_id(reference_id: str) -> tuple[int, str, int] | None:
    """Return (two-digit year, canonical station, serial) of an ID, or None if unparseable."""
    if not isinstance(reference_id, str):
        return None
    return _split(reference_id)


@functools.lru_cache(maxsize=4096)
def _split(reference_id: str) -> tuple[int, str, int] | None:
    # Most IDs are already clean, which ``_clean`` would leave as they are.
    match = _LOOSE_PATTERN.fullmatch(reference_id)
    if (
        match
        and len(reference_id) <= 60
        and reference_id not in MALFORMED_IDS
        and reference_id not in INVALID_IDS
    ):
        return _matched_parts(match)
    cleaned = _clean(reference_id)
    return _parts(cleaned) if len(cleaned) <= 60 else None


def canonical_id(reference_id: str) -> str:
    """Return the canonical form of a cable ID; an unparseable ID comes back upper-cased.

    Idempotent and total: ``canonical_id(canonical_id(x)) == canonical_id(x)``.
    """
    if not isinstance(reference_id, str):
        return ""
    return _canonical(reference_id)


# Every REF names a few IDs and the same ones recur across cables.
@functools.lru_cache(maxsize=4096)
def _canonical(reference_id: str) -> str:
    parts = _split(reference_id)
    if parts is None:
        return reference_id.strip().upper().strip()
    yy, station, serial = parts
    return f"{yy:02d}{station}{serial}"


def valid_id_from_parts(yy: int, station: str, serial: int) -> str | None:
    """Return ``canonical_id`` of the ID written as ``yy``, ``station`` and ``serial``.

    None unless that ID is valid (``is_valid_id``). REF items name the parts
    separately; for a station code the answer needs only the code resolved (which
    repeats), not the whole ID cleaned and split again.
    """
    text = f"{yy:02d}{station}{serial}"
    known = _station_in_id(station) if 0 <= yy <= 99 else None
    if (
        known is None
        or not 0 < serial <= 9_999_999
        or text in MALFORMED_IDS
        or text in INVALID_IDS
    ):
        value = canonical_id(text)
        return value if is_valid_id(value) else None
    resolved, valid = known
    return f"{yy:02d}{resolved}{serial}" if valid else None


_ID_STATION_PATTERN = re.compile(r"[A-Z]{2,30}")


@functools.lru_cache(maxsize=1024)
def _station_in_id(station: str) -> tuple[str, bool] | None:
    """Return the code ``_parts`` reads for ``station`` in a clean ID, and if it is valid.

    Such an ID (two digits, the letters, a serial from 1 to 9,999,999) is left as it
    is by ``_clean`` and matched whole by ``_LOOSE_PATTERN``; whether the ID it
    becomes is valid depends on the code alone. None when unsure.
    """
    if not _ID_STATION_PATTERN.fullmatch(station):
        return None
    resolved = _resolve_station(station, written=False)
    if resolved is None:
        return None
    return resolved, is_valid_id(f"00{resolved}1")


def station_of(reference_id: str) -> str | None:
    """Return the canonical station code of a cable ID, or None."""
    parts = split_id(reference_id)
    return parts[1] if parts else None


def year_of(reference_id: str) -> int | None:
    """Return the four-digit year a cable was sent (``66`` → 1966, ``05`` → 2005)."""
    parts = split_id(reference_id)
    if parts is None:
        return None
    yy = parts[0]
    return 1900 + yy if yy > 10 else 2000 + yy


_VALID_PATTERN = re.compile(r"^(\d{2})([A-Z]{4,17})([1-9]\d{0,6})$")


def is_valid_id(text: str) -> bool:
    """Return whether ``text`` is a well-formed ID with a known station code, as is."""
    if not isinstance(text, str):
        return False
    match = _VALID_PATTERN.match(text)
    return match is not None and match.group(2) in _KNOWN_CODES


_URL_QUERY_PATTERN = re.compile(r"[?&]id=([^&#]+)", re.IGNORECASE)
_URL_PATH_PATTERN = re.compile(r"/([^/?#]+?)(?:\.html?)?(?:[?#].*)?$", re.IGNORECASE)
_TYPED_ID_PATTERN = re.compile(r"^[\w' .\-#]{4,60}$")
_BARE_ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z' .\-]*?[\s\-#]*\d{1,8}(?:_[A-Za-z])?$")
_HAS_YEAR_PATTERN = re.compile(r"^\d{2}")


def id_from_text(text: str, *, year: int | None = None) -> str | None:
    """Return the canonical ID if ``text`` is a cable ID as a user would type it, else None.

    Accepts ``05ALMATY3603``, ``05 almaty 3603``, ``05ALMATY003603``, ``05ALMATY3603_a``,
    malformed WikiLeaks IDs and cable-page URLs; ``ALMATY 3603`` only with ``year``.
    """
    if not isinstance(text, str) or len(text) > 300:
        return None
    candidate = text.strip()
    if "/" in candidate:
        url = _URL_QUERY_PATTERN.search(candidate) or _URL_PATH_PATTERN.search(
            candidate
        )
        candidate = url.group(1) if url else candidate
    if not _TYPED_ID_PATTERN.match(candidate):
        return None
    if not _HAS_YEAR_PATTERN.match(candidate):
        if year is None or not _BARE_ID_PATTERN.match(candidate):
            return None
        candidate = f"{year % 100:02d}{candidate}"
    result = canonical_id(candidate)
    return result if is_valid_id(result) else None
