"""Read who classified a cable, for which reasons, and when it is to be declassified.

``Classified By`` names, the 1.4/1.5 reason letters and the E.O. line with its
DECL value (docs/cable-format.md §3.4, §3.8). Nothing here raises.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from ..record import Declassification
from .area import _head, caption_area, folded_area, folded_head
from .text import folded

_CLASSIFIED_BY_PATTERN = re.compile(
    r"(?<![Dd][Ee])(?<!-)classi[a-z]{0,3}ed\s+by\s*[:;.,-]?\s*(?:classified\s+by\s*[:;.,-]?\s*)?",
    re.IGNORECASE,
)
_CLASSIFIER_END_KEYWORDS = (
    r"\breasons?\b|\brsn\b|\bsection\b|\bsec\.|\bE\.?\s?O\.?\s*\d|\b1\s?\.\s?[45]\b"
    r"|\b\d{1,2}\.\s*\("
)
_CLASSIFIER_END_PATTERN = re.compile(
    rf"\s*[,;:.]?\s*(?:\b(?:for|per|under)\s+)?(?:{_CLASSIFIER_END_KEYWORDS})",
    re.IGNORECASE,
)
_CLASSIFIER_KEYWORD_PATTERN = re.compile(_CLASSIFIER_END_KEYWORDS, re.IGNORECASE)
# In text whose blanks are single spaces, what the end pattern matches before
# its keyword (" , under ") is at most nine characters long.
_KEYWORD_LEAD = 9


@functools.lru_cache(maxsize=8)
def _classified_by(text: str) -> re.Match[str] | None:
    """Return the first ``Classified By`` in the head of ``text``."""
    head = _head(text)
    lower = folded_head(text)
    if lower is None:
        return _CLASSIFIED_BY_PATTERN.search(head)
    # Every match starts with "classi": trying only there finds the same first match.
    # The lower-case copy may run past the head: the word must lie wholly inside it.
    found = lower.find("classi", 0, len(head))
    while found >= 0:
        if match := _CLASSIFIED_BY_PATTERN.match(head, found):
            return match
        found = lower.find("classi", found + 1, len(head))
    return None


_BLANK_LINE_PATTERN = re.compile(r"\n[ \t]*\n")


def _classifier_text(text: str) -> str | None:
    """Return what follows the first ``Classified By`` up to its reasons."""
    head = _head(text)
    match = _classified_by(text)
    if match is None:
        return None
    rest = head[match.end() : match.end() + 300]
    if blank := _BLANK_LINE_PATTERN.search(rest):
        rest = rest[: blank.start()]
    rest = " ".join(rest.split())
    end = _classifier_end(rest)
    return rest[: end.start()] if end else rest


def _classifier_end(rest: str) -> re.Match[str] | None:
    """Return ``_CLASSIFIER_END_PATTERN.search(rest)`` for ``rest`` with single spaces.

    The first match starts at most ``_KEYWORD_LEAD`` characters before the first
    keyword, and the keywords alone are found far faster than with what may
    precede them tried at every position.
    """
    keyword = _CLASSIFIER_KEYWORD_PATTERN.search(rest)
    if keyword is None:
        return None
    return _CLASSIFIER_END_PATTERN.search(rest, max(0, keyword.start() - _KEYWORD_LEAD))


_TITLE_WORDS = frozenset(
    """
    a.i. a.i acting adviser advisor affairs amb amb. ambassador assistant attache cda
    cdm charge chargé charge' chief com commander consul coordinator couns counsel
    counselor counsellor d'affaires d’affaires dcm deputy desk director econ econcouns
    econoff economic envoy exec for general head leader m-c manager mc mincouns minister
    minister-counselor mission of officer pao pol polcouns polecon political polmc
    polmincouns poloff principal regional representative rso secretary section senior
    specialist state u.s.
    af das drl eap eeb eur inr io isn nea oes pdas pm sca wha
    """.split()
)
_NAME_PARTICLES = frozenset(
    "al bin da das de del della der di do dos du la le ten van von y".split()
)
_NOT_A_NAME_PATTERN = re.compile(
    r"derived\s+from|multiple\s+sources|X{3,}", re.IGNORECASE
)
_ZERO_INITIAL_PATTERN = re.compile(r"\b0\.")


def _is_title(word: str, all_caps: bool) -> bool:
    bare = word.strip(",;:").lower()
    if bare in _TITLE_WORDS or "/" in bare:
        return True
    # Abbreviated titles (DCM, CDA, EUR) stand out only in mixed-case text.
    return not all_caps and word.isupper() and len(word) <= 5 and "." not in word


def _name_in(part: str, all_caps: bool) -> str | None:
    """Return the words after the last title word, if they look like a name.

    Leading stray words (lower-case, neither title nor name particle: ``by``,
    ``for``) are skipped; a later one ends the name: "Josiah Rosenblatt for
    reaso ns" (05PARIS104).
    """
    words = part.split()
    titles = [_is_title(word, all_caps) for word in words]
    strays = [
        word[0].islower() and word not in _NAME_PARTICLES and not title
        for word, title in zip(words, titles, strict=True)
    ]
    first = strays.index(False) if False in strays else len(words)
    stop = strays.index(True, first) if True in strays[first:] else len(words)
    # The name runs to the last non-title word and starts after the title before it.
    last = next((i for i in range(stop - 1, first - 1, -1) if not titles[i]), None)
    if last is None:
        return None
    begin = first
    for index in range(last - 1, first - 1, -1):
        if titles[index]:
            begin = index + 1
            break
    words = words[begin : last + 1]
    if _NOT_A_NAME_PATTERN.search(part) or not any(
        len(word.strip(".")) > 1 for word in words
    ):
        return None
    name = " ".join(words)
    if len(words[-1].rstrip(".")) > 2:
        name = name.rstrip(".")
    return _ZERO_INITIAL_PATTERN.sub("O.", name)


_PART_SEPARATOR_PATTERN = re.compile(r"\s*[,;]\s*")
_SUFFIX_PATTERN = re.compile(r"^(?:JR|SR|II|III|IV)\.?$", re.IGNORECASE)


def _first_name(classifier: str, all_caps: bool) -> str | None:
    """Return the first comma-separated part holding a name, with a JR./III suffix."""
    parts = _PART_SEPARATOR_PATTERN.split(classifier)
    for index, part in enumerate(parts):
        name = _name_in(part, all_caps)
        if name is None:
            continue
        following = parts[index + 1] if index + 1 < len(parts) else ""
        return f"{name}, {following}" if _SUFFIX_PATTERN.match(following) else name
    return None


_AND_PATTERN = re.compile(r"\s+(?:and|AND|&)\s+")


def parse_classified_by(text: str) -> list[str]:
    """Return the name(s) of who classified the cable, best effort.

    Titles (Ambassador, DCM, Charge d'Affaires, PolOff, A/DCM, …) are dropped; names
    keep the case and word order they are written in: the SMART form
    ``Bodde Peter, Ambassador`` gives ``Bodde Peter``, since the text alone cannot
    tell a surname-first name from a given-name-first one. In comma forms the first
    part holding a name wins (later parts are offices). Names joined by ``and`` come
    back separately; no name (``CLASSIFIED BY SECTION 1.5 …``) gives [].
    """
    classifier = _classifier_text(text)
    return list(_names(classifier)) if classifier else []


# The same officer classifies many cables of a post, in the same words.
@functools.lru_cache(maxsize=4096)
def _names(classifier: str) -> tuple[str, ...]:
    """Return the names in a ``Classified By`` text (see ``parse_classified_by``)."""
    all_caps = classifier.upper() == classifier
    names = []
    for group in _AND_PATTERN.split(classifier):
        name = _first_name(group, all_caps)
        if name is not None:
            names.append(name)
    return tuple(names)


_CONJUNCTION = r"\b(?:a ?nd|an ?d|or)\b"
# Separators may wrap a line but never cross a blank line into the next block.
_REASONS_PATTERN = re.compile(
    r"1[ \t]*[./][ \t]*[45](?:(?:[ \t,;:/&()\[\]-]|\n(?![ \t]*\n)|\.(?!\s)|"
    + _CONJUNCTION
    + r")*[a-h](?![a-z0-9]))+(?:[ \t]*\))?",
    re.IGNORECASE,
)


def _reasons_match(text: str) -> re.Match[str] | None:
    head = _head(text)
    start = _classified_by(text)
    if start is None:
        return None
    return _REASONS_PATTERN.search(head, start.end(), start.end() + 400)


def parse_reasons(text: str) -> str | None:
    """Return the classification reasons as written, e.g. ``1.4 (B) and (D)``."""
    match = _reasons_match(text)
    return " ".join(match.group().split()) if match else None


def parse_reason_letters(text: str) -> tuple[str, ...]:
    """Return the E.O. category letters of the reasons, e.g. ``("b", "d")``."""
    match = _reasons_match(text)
    if match is None:
        return ()
    letters = re.sub(_CONJUNCTION, " ", match.group()[3:], flags=re.IGNORECASE)
    found = re.findall(r"(?<![a-z])[a-h](?![a-z])", letters, re.IGNORECASE)
    return tuple(dict.fromkeys(letter.lower() for letter in found))


_EO_PATTERN = re.compile(
    r"(?:(?<![A-Za-z])E\.?[ \t]?O\.?|E\.[ \t]?[O0]\.)[ \t]*:?[ \t]*(?P<order>\d{4,5})?[ \t]*[:;,.]?[ \t]*"
    r"(?P<value>(?(order)|(?=DECL))[^\n]*)",
    re.IGNORECASE,
)
_EO_VALUE_END_PATTERN = re.compile(
    r"\s*(?<![A-Za-z])(?:TAGS?|TAGES|SUBJECT|SUBJ)\b\s*[:;,]?|[ \t]*\\[ \t]*$",
    re.IGNORECASE,
)
# Every E.O. match starts at an E followed by these: a case-sensitive search of
# the lower-cased area finds the places to try at C speed.
_EO_START_PATTERN = re.compile(r"e\.?[ \t]?[o0]")


def _eo_match(area: str, lower: str | None = None) -> re.Match[str] | None:
    """Return ``_EO_PATTERN.search(area)``, trying only where an E.O. may start.

    ``lower`` is ``folded(area)`` where the caller has it.
    """
    lower = folded(area) if lower is None else lower
    if lower is None:
        return _EO_PATTERN.search(area)
    for start in _EO_START_PATTERN.finditer(lower):
        if match := _EO_PATTERN.match(area, start.start()):
            return match
    return None


_DECL_PREFIX_PATTERN = re.compile(r"^DECL\s*[:;.]?\s*", re.IGNORECASE)
_ORDER_TYPOS = {"1295": "12958"}


@functools.lru_cache(maxsize=8)
def parse_declassification(text: str) -> Declassification | None:
    """Return the E.O. line: order number, raw DECL value and declassify-on date.

    ``raw`` is the value after ``DECL:`` (or after the order when there is no
    DECL), e.g. ``10/03/2015``, ``OADR``, ``N/A``. ``date`` is set only when the
    value is a declassify-on date; archive notes such as ``DECLASSIFIED BY NARA
    09/02/2009`` record a past event, so their date is ``None``. The typo order
    ``1295`` is read as 12958.
    """
    match = _eo_match(caption_area(text), folded_area(text))
    if match is None:
        return None
    return _declassification(match["order"], match["value"])


# Many cables share an E.O. line (same order, same DECL date or OADR).
@functools.lru_cache(maxsize=4096)
def _declassification(order: str | None, line: str) -> Declassification:
    """Return the ``Declassification`` of an E.O. line's order and the text after it."""
    value = _EO_VALUE_END_PATTERN.split(line, maxsplit=1)[0]
    raw = " ".join(_DECL_PREFIX_PATTERN.sub("", value.strip()).split())
    return Declassification(
        raw=raw,
        order=_ORDER_TYPOS.get(order, order) if order else None,
        date=_decl_date(raw),
    )


_DATE_PATTERN = re.compile(
    r"\b(?:(?P<y1>\d{4})[/.-](?P<m1>\d{1,2})[/.-](?P<d1>\d{1,2})"
    r"|(?P<m2>\d{1,2})[/.-](?P<d2>\d{1,2})[/.-](?P<y2>\d{4}|\d{2})"
    r"|(?P<d3>\d{1,2})\s+(?P<month>[A-Z]{3})[A-Z]*\.?,?\s+(?P<y3>\d{4}))\b",
    re.IGNORECASE,
)
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()


def _decl_date(raw: str) -> date | None:
    """Read MM/DD/YYYY, M/D/YY, YYYY/MM/DD or DD MONTH YYYY; month over 12 means day-first."""
    match = _DATE_PATTERN.search(raw)
    if match is None or "DECLASSIFIED" in raw.upper():
        return None
    if match["y1"]:
        year, month, day = int(match["y1"]), int(match["m1"]), int(match["d1"])
    elif match["y3"]:
        name = match["month"].upper()
        if name not in _MONTHS:
            return None
        year, month, day = int(match["y3"]), _MONTHS.index(name) + 1, int(match["d3"])
    else:
        year, month, day = int(match["y2"]), int(match["m2"]), int(match["d2"])
        if year < 100:
            year += 2000 if year <= 50 else 1900
    for first, second in ((month, day), (day, month)):
        try:
            return date(year, first, second)
        except ValueError:
            continue
    return None
