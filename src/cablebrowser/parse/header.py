"""Read the caption area of a cable body: classification, captions, subject and E.O. lines.

The caption area is everything before paragraph 1 (docs/cable-format.md §3). Every
function takes the cleaned body text, never raises, and returns ``None`` or an empty
value when the field is absent. Field detection works on keywords, not on line starts,
because early redacted pages joined the whole caption area into one line (§7.12).
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime

from ..record import Declassification
from .ids import normalize_station
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


@functools.lru_cache(maxsize=16)
def _other_cable_start(text: str, end: int) -> int:
    """Return where a different cable's classification line starts, else ``end``.

    Some archive records have a second cable glued on (73TEHRAN2077). A repeated
    block of the same cable (08RIGA472) or a corrected copy does not count.
    """
    lower = folded(text)
    if lower is not None and not any(
        lower.find(level, 1, end) >= 0 for level in _SPACED_LEVELS
    ):
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


_SUBJECT_KEYWORD_PATTERN = re.compile(
    r"(?<![A-Za-z])(?:SUBJECT|SUBJ|UBJECT)[ \t]*:|^[ \t]*(?-i:SUBJECT)[ \t]+(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)
_SUBJECT_END_PATTERN = re.compile(
    r"\n[ \t]*\n"
    r"|(?:REF|Ref|ref)(?:ERENCE|erence|TELS?|tels?|S|s|\([Ss]\))?[ \t]*:"
    r"|\n[ \t]*REFS?\b"
    r"|(?i:classified\s+by)"
    r"|\n[ \t]*¶?1[ \t]*\.[ \t]*(?=\(|[A-Za-z])"
    r"|\s1\.[ \t]*\((?:U|C|S|SBU)(?:/+[A-Z ]+)?\)"
    r"|(?<![A-Za-z])(?i:TAGS)[ \t]*:|E\.[ \t]?O\.[ \t]*1\d{3}"
    r"|\n[ \t]*(?:SENSITIVE\s+BUT\s+UNCLASSIFIED|SIPDIS|NOFORN)\b"
)


def _subject_span(area: str) -> tuple[int, int] | None:
    """Return where the last SUBJECT's text starts and ends in ``area``."""
    keywords = list(_SUBJECT_KEYWORD_PATTERN.finditer(area, *_subject_lines(area)))
    if not keywords:
        return None
    start = keywords[-1].end()
    while start < len(area) and area[start].isspace():
        start += 1
    end = _SUBJECT_END_PATTERN.search(area, start)
    return start, end.start() if end else len(area)


def _subject_lines(area: str) -> tuple[int, int]:
    """Return the span from the first to the last line holding ``ubj`` in any case.

    Every subject keyword holds it and none spans two lines, so scanning only
    there finds the same keywords as scanning all of ``area``.
    """
    lower = folded(area)
    if lower is None:
        return 0, len(area)
    first = lower.find("ubj")
    if first < 0:
        return 0, 0
    last_line_end = lower.find("\n", lower.rfind("ubj"))
    return area.rfind("\n", 0, first) + 1, (
        len(area) if last_line_end < 0 else last_line_end
    )


_PORTION_MARKING_PATTERN = re.compile(
    r"^\(\s*(?P<marking>(?:U|C|S|SBU|TS|FOUO)(?:\s*/{1,2}\s*[A-Z][A-Z ]{0,12})?)\s*\)\s*",
    re.IGNORECASE,
)
_TRAILING_MARKING_PATTERN = re.compile(r"\s*(?:\d\.\s*)?\((?:U|C|S|SBU)\)\s*$")
_LINE_END_BACKSLASH_PATTERN = re.compile(r"[ \t]*\\[ \t]*(?=\n|$)")
_LINE_END_HYPHEN_PATTERN = re.compile(r"(?<=[A-Za-z0-9])-[ \t]*\n\s*")


def _subject_text(text: str) -> str | None:
    """Return the subject with whitespace joined, page breaks dropped, entities decoded."""
    area = drop_page_breaks(caption_area(text))
    span = _subject_span(area)
    if span is None:
        return None
    raw = _LINE_END_BACKSLASH_PATTERN.sub("", area[span[0] : span[1]])
    raw = _LINE_END_HYPHEN_PATTERN.sub("-", raw)
    subject = " ".join(html.unescape(raw).split())
    subject = _TRAILING_MARKING_PATTERN.sub("", subject).removesuffix(" ...")
    return subject or None


def parse_subject(text: str) -> str | None:
    """Return the cable's subject as written, without a leading portion marking.

    The last SUBJECT keyword before paragraph 1 wins (a corrected copy repeats the
    caption block, §7.37). The subject ends at a blank line, REF, Classified By,
    TAGS, an E.O. line or paragraph 1, even when glued to the previous word.
    Redacted subjects (``XXXXXXXXXXXX``) are kept as they are.
    """
    subject = _subject_text(text)
    if subject is None:
        return None
    return _PORTION_MARKING_PATTERN.sub("", subject) or None


def parse_subject_marking(text: str) -> str | None:
    """Return the portion marking in front of the subject (``C/NF`` for ``(C/NF)``)."""
    match = _PORTION_MARKING_PATTERN.match(_subject_text(text) or "")
    if match is None:
        return None
    return re.sub(r"\s*/+\s*", "/", match["marking"].upper())


_CLASSIFIED_BY_PATTERN = re.compile(
    r"(?<![Dd][Ee])(?<!-)classi[a-z]{0,3}ed\s+by\s*[:;.,-]?\s*(?:classified\s+by\s*[:;.,-]?\s*)?",
    re.IGNORECASE,
)
_CLASSIFIER_END_PATTERN = re.compile(
    r"\s*[,;:.]?\s*(?:\b(?:for|per|under)\s+)?"
    r"(?:\breasons?\b|\brsn\b|\bsection\b|\bsec\.|\bE\.?\s?O\.?\s*\d|\b1\s?\.\s?[45]\b"
    r"|\b\d{1,2}\.\s*\()",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8)
def _classified_by(text: str) -> re.Match[str] | None:
    """Return the first ``Classified By`` in the head of ``text``."""
    head = _head(text)
    lower = folded(head)
    if lower is None:
        return _CLASSIFIED_BY_PATTERN.search(head)
    # Every match starts with "classi": trying only there finds the same first match.
    found = lower.find("classi")
    while found >= 0:
        if match := _CLASSIFIED_BY_PATTERN.match(head, found):
            return match
        found = lower.find("classi", found + 1)
    return None


def _classifier_text(text: str) -> str | None:
    """Return what follows the first ``Classified By`` up to its reasons."""
    head = _head(text)
    match = _classified_by(text)
    if match is None:
        return None
    rest = re.split(r"\n[ \t]*\n", head[match.end() : match.end() + 300], maxsplit=1)[0]
    rest = " ".join(rest.split())
    end = _CLASSIFIER_END_PATTERN.search(rest)
    return rest[: end.start()] if end else rest


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


def _is_stray(word: str, all_caps: bool) -> bool:
    """Tell a lower-case word that is neither a title nor a name particle (``by``, ``for``)."""
    return (
        word[0].islower()
        and word not in _NAME_PARTICLES
        and not _is_title(word, all_caps)
    )


def _name_in(part: str, all_caps: bool) -> str | None:
    """Return the words after the last title word, if they look like a name."""
    words = part.split()
    while words and _is_stray(words[0], all_caps):
        words.pop(0)
    # A later stray word ends the name: "Josiah Rosenblatt for reaso ns" (05PARIS104).
    stray = [index for index, word in enumerate(words) if _is_stray(word, all_caps)]
    words = words[: stray[0]] if stray else words
    while words and _is_title(words[-1], all_caps):
        words.pop()
    titles = [index for index, word in enumerate(words) if _is_title(word, all_caps)]
    words = words[titles[-1] + 1 :] if titles else words
    if _NOT_A_NAME_PATTERN.search(part) or not any(
        len(word.strip(".")) > 1 for word in words
    ):
        return None
    name = " ".join(words)
    if len(words[-1].rstrip(".")) > 2:
        name = name.rstrip(".")
    return _ZERO_INITIAL_PATTERN.sub("O.", name)


_SUFFIX_PATTERN = re.compile(r"^(?:JR|SR|II|III|IV)\.?$", re.IGNORECASE)


def _first_name(classifier: str, all_caps: bool) -> str | None:
    """Return the first comma-separated part holding a name, with a JR./III suffix."""
    parts = re.split(r"\s*[,;]\s*", classifier)
    for index, part in enumerate(parts):
        name = _name_in(part, all_caps)
        if name is None:
            continue
        following = parts[index + 1] if index + 1 < len(parts) else ""
        return f"{name}, {following}" if _SUFFIX_PATTERN.match(following) else name
    return None


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
    if not classifier:
        return []
    all_caps = classifier.upper() == classifier
    names = []
    for group in re.split(r"\s+(?:and|AND|&)\s+", classifier):
        name = _first_name(group, all_caps)
        if name is not None:
            names.append(name)
    return names


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
    match = _EO_PATTERN.search(caption_area(text))
    if match is None:
        return None
    value = _EO_VALUE_END_PATTERN.split(match["value"], maxsplit=1)[0]
    raw = " ".join(_DECL_PREFIX_PATTERN.sub("", value.strip()).split())
    order = match["order"]
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
