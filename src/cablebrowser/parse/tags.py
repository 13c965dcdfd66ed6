"""Read the TAGS field of a cable and classify its tags (docs/cable-format.md §3.5, §6).

Tags come only from the caption area, never from paragraph text. The line is found by
its keyword (also misspelt, or missing), followed over wrapped lines, cleaned of page
debris and SIPDIS, split into person tags, phrase tags and codes, glued codes are
split against the known lists, typos are fixed, and duplicates dropped in order.
"""

from __future__ import annotations

import functools
import re

from .area import area_without_breaks
from .tagdata import (
    GEO_TAGS,
    LEGACY_SUBJECT_TAGS,
    ORG_TAGS,
    PERSON_FIXES,
    PHRASE_TAGS,
    PROGRAM_TAGS,
    SUBJECT_TAGS,
    TAG_FIXES,
)

_ORG_UPPER = frozenset(org.upper() for org in ORG_TAGS)
_FOUR_LETTER_CODES = (
    frozenset(SUBJECT_TAGS) | frozenset(LEGACY_SUBJECT_TAGS) | frozenset(PROGRAM_TAGS)
)
_KNOWN = _FOUR_LETTER_CODES | frozenset(GEO_TAGS) | _ORG_UPPER
_MULTI_WORD = tuple(
    sorted(
        set(PHRASE_TAGS) | {org for org in _ORG_UPPER if " " in org},
        key=len,
        reverse=True,
    )
)

_TAGS_KEYWORD_PATTERN = re.compile(
    r"(?<![A-Za-z/])(?:TAGS?[ \t]*[:;,]|(?:TAGES|TABS|TGS|TAS|AGS)[ \t]*:)|^[ \t]*TAGS?\b"
    r"|(?<=\s)(?-i:TAGS?)[ \t]+(?=[A-Z]{2,4}\b)",
    re.IGNORECASE | re.MULTILINE,
)
_TAGS_END_PATTERN = re.compile(
    r"(?<![A-Za-z])(?:S?UBJECT|SUBJ)\b|(?:REF|Ref)(?:S|s|TELS?|tels?)?[ \t]*:"
    r"|(?<![A-Za-z])E\.?[ \t]?O\.?[ \t]*1\d{3}|E\.[ \t]?O\.[ \t]*1\d{3}"
    r"|(?i:classified\s+by)|\n[ \t]*\n",
    re.IGNORECASE,
)
_NOT_TAGS_LINE_PATTERN = re.compile(
    r"\b(?:FOR|PASS|INFORM|DEPT|DEPARTMENT|SUBJECT|SUBJ|REFS?|CLASSIFIED|PAGE)\b"
    r"|\b(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS|STADIS|SENSITIVE)\b"
    r"|\bE\.?[ \t]?O\.?[ \t]*1\d{3}|[.:][ \t]*[A-Za-z]{3}|\d{3}",
    re.IGNORECASE,
)
_MAX_CONTINUATION_LINES = 3


def _tags_field(text: str) -> str | None:
    """Return the raw text of the TAGS field, continuation lines included."""
    area, lower = area_without_breaks(text)
    match = _find_keyword(area, lower)
    if match is None:
        return _keywordless_tags_line(area)
    lines = area[match.end() :].split("\n", _MAX_CONTINUATION_LINES + 1)
    field = [lines[0]]
    for line in lines[1 : 1 + _MAX_CONTINUATION_LINES]:
        if not _is_continuation(line, field[-1]):
            break
        field.append(line)
    joined = "\n".join(field)
    end = _TAGS_END_PATTERN.search(joined)
    return joined[: end.start()] if end else joined


# Every spelling of the keyword holds one of these, in some case.
_KEYWORD_HINT_PATTERN = re.compile(r"tag|tab|tgs|tas|ags")


def _find_keyword(area: str, lower: str | None) -> re.Match[str] | None:
    """Find the first TAGS keyword, trying the pattern only on lines that hold a hint.

    A keyword never spans lines and always holds a hint, so this finds the same match
    as searching all of ``area``. ``lower`` is ``folded(area)`` (or a copy that
    serves as well), or None.
    """
    if lower is None:
        return _TAGS_KEYWORD_PATTERN.search(area)
    position = 0
    while hint := _KEYWORD_HINT_PATTERN.search(lower, position):
        line_start = area.rfind("\n", 0, hint.start()) + 1
        line_end = area.find("\n", hint.end())
        position = len(area) if line_end < 0 else line_end
        if match := _TAGS_KEYWORD_PATTERN.search(area, line_start, position):
            return match
    return None


def _is_continuation(line: str, previous: str) -> bool:
    """Tell whether a line after the TAGS line still holds tags.

    It must hold only known codes, only code-shaped words (``BL, IS``), or finish
    a phrase tag begun on the line before (``COUNTRY`` / ``CLEARANCE``).
    """
    if not line.strip() or _NOT_TAGS_LINE_PATTERN.search(line):
        return False
    words = _words(line)
    if all(
        word in _KNOWN or word in TAG_FIXES or re.fullmatch(r"[A-Z]{2,4}", word)
        for word in words
    ):
        return True
    joined = " ".join(_words(previous) + words)
    return any(
        phrase in joined and phrase.split()[-1] in words for phrase in _MULTI_WORD
    )


def _words(line: str) -> list[str]:
    return [
        word for word in _SEPARATOR_PATTERN.split(line.upper().strip(" \t,;.")) if word
    ]


_SEPARATOR_PATTERN = re.compile(r"[\s,;]+")


_SUBJECT_OR_REF_PATTERN = re.compile(
    r"\b(?:S?UBJECT|SUBJ|REFS?|REFTELS?)\b|classified\s+by", re.IGNORECASE
)


def _keywordless_tags_line(area: str) -> str | None:
    """Return a caption-area line made of known codes (08BEIJING3662: ``EFIN, …``)."""
    for line in area.split("\n")[1:]:
        if _SUBJECT_OR_REF_PATTERN.search(line):
            break
        if re.search(r"E\.?[ \t]?O\.?[ \t]*1\d{3}", line):
            continue
        words = _words(line)
        codes = [word for word in words if word in _FOUR_LETTER_CODES]
        known = [word for word in words if word in _KNOWN]
        if codes and len(words) >= 2 and len(known) * 2 > len(words) and "," in line:
            return line
    return None


_DEBRIS_PATTERN = re.compile(
    r"\b(?:SIPDIS|TAGS|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS)\b"
    r"|(?<![^\s,;(])\d+[A-Z]?(?![^\s,;)])",
    re.IGNORECASE,
)
_PARENTHESES_PATTERN = re.compile(r"\(([^()]*)\)")


def parse_tags(text: str) -> list[str]:
    """Return the cable's TAGS, upper case, normalised and de-duplicated in order.

    Seed 05ALMATY3603: ``TAGS: KZ, PGOV, PHUM, PREL, POLITICAL`` gives
    ``["KZ", "PGOV", "PHUM", "PREL", "POLITICAL"]``.
    """
    field = _tags_field(text)
    if field is None:
        return []
    return list(_field_tags(field))


# TAGS lines repeat across cables (a post reports on the same subjects); reading one
# is pure.
@functools.lru_cache(maxsize=4096)
def _field_tags(field: str) -> tuple[str, ...]:
    """Return the tags of a raw TAGS field, normalised and de-duplicated in order."""
    field = _without_debris(field.upper())
    tags: list[str] = []
    for chunk, is_group in _chunks(field):
        tags.extend(_group_tags(chunk) if is_group else _plain_tags(chunk))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


# Debris is a number or holds one of these; an ASCII field has no other case forms.
_DEBRIS_WORDS = ("SIPDIS", "TAGS", "UNCLAS", "CONFIDENTIAL", "SECRET")
_DIGIT_PATTERN = re.compile(r"\d")


def _without_debris(field: str) -> str:
    """Return ``_DEBRIS_PATTERN.sub(" ", field)`` for an upper-case field.

    Most fields hold no debris, and tests for a digit and the words show it
    faster than the pattern tried at every position.
    """
    if (
        field.isascii()
        and not _DIGIT_PATTERN.search(field)
        and not any(word in field for word in _DEBRIS_WORDS)
    ):
        return field
    return _DEBRIS_PATTERN.sub(" ", field)


def _chunks(field: str) -> list[tuple[str, bool]]:
    """Split the field into parenthesised groups and the plain text between them."""
    if "(" not in field:
        return [(field, False)]
    chunks: list[tuple[str, bool]] = []
    position = 0
    for match in _PARENTHESES_PATTERN.finditer(field):
        chunks.append((field[position : match.start()], False))
        chunks.append((match.group(1), True))
        position = match.end()
    chunks.append((field[position:], False))
    return chunks


def _group_tags(group: str) -> list[str]:
    """Read a parenthesised group: a person (``STEINBERG, JAMES B.``) or plain tags."""
    words = group.replace(",", " ").split()
    if "," in group and words and not all(word in _KNOWN for word in words):
        return [_person(words)]
    return _plain_tags(group)


def _person(words: list[str]) -> str:
    name = f"{words[0]}, {' '.join(words[1:])}" if len(words) > 1 else words[0]
    name = " ".join(name.split()).strip(" ,")
    return PERSON_FIXES.get(name, name)


# Each multi-word tag, longest first: its first word (which any match holds),
# its pattern over any whitespace, and the one-token form it is replaced by.
_PHRASE_PATTERNS = tuple(
    (
        phrase.split()[0],
        re.compile(
            r"(?<![A-Z])"
            + r"\s+".join(re.escape(word) for word in phrase.split())
            + r"(?![A-Z])"
        ),
        phrase.replace(" ", "_"),
    )
    for phrase in _MULTI_WORD
)


# Every phrase match starts with one of these first words and whitespace.
_PHRASE_START_PATTERN = re.compile(
    r"(?<![A-Z])(?:"
    + "|".join(sorted({re.escape(first) for first, _, _ in _PHRASE_PATTERNS}))
    + r")\s"
)


def _plain_tags(chunk: str) -> list[str]:
    """Read tags from text without parentheses: phrases, person names, then codes."""
    if _PHRASE_START_PATTERN.search(chunk):
        for first, pattern, token in _PHRASE_PATTERNS:
            if first in chunk:
                chunk = pattern.sub(token, chunk)
    words = [word for word in _SEPARATOR_PATTERN.split(chunk) if word]
    tags: list[str] = []
    index = 0
    while index < len(words):
        if tags and tags[-1] in {"OVIP", "OREP"}:
            taken = _name_words(words[index:])
            if len(taken) >= 2:
                tags.append(_person(taken))
                index += len(taken)
                continue
        tags.extend(_token_tags(words[index]))
        index += 1
    return tags


def _name_words(words: list[str]) -> list[str]:
    """Return the leading words that are not known tags (a visitor's name)."""
    taken: list[str] = []
    for word in words:
        bare = word.strip(".:;'\"")
        if not bare or bare in _KNOWN or bare in TAG_FIXES or not bare[0].isalpha():
            break
        if "_" in bare or _split_glued(bare):
            break
        taken.append(word)
    return taken[:4]


# The same few hundred tokens recur in every cable's TAGS line.
@functools.lru_cache(maxsize=4096)
def _token_tags(token: str) -> tuple[str, ...]:
    """Return the tags of one token of a TAGS line (see ``_code_tags``)."""
    return tuple(_code_tags(token.strip(".:;'\"").replace("_", " ")))


def _code_tags(word: str) -> list[str]:
    """Normalise one token: typo fixes, glued codes, else the token as written."""
    word = word.strip(" -/")
    # Fixes and known tags all hold a letter, so they may be looked up first.
    if word in TAG_FIXES:
        return list(TAG_FIXES[word])
    if word in _KNOWN:
        return [word]
    if not any(map(str.isalpha, word)):
        return []
    return list(_split_glued(word) or (word,))


def _split_glued(word: str) -> tuple[str, ...]:
    """Split glued codes (``MASSMNUC``, ``VTPREL``) if known codes cover the word.

    Four-letter subject/program codes are preferred to two-letter country codes, and
    a split needs at least as many four-letter codes as country codes, so ordinary
    words are not cut into country codes.
    """
    if len(word) < 6 or not word.isalpha():
        return ()
    pieces = _cover(word)
    four = sum(len(piece) == 4 for piece in pieces)
    return pieces if pieces and four >= len(pieces) - four else ()


def _cover(word: str) -> tuple[str, ...]:
    """Return known codes that exactly cover ``word``, trying four letters first."""
    covers: dict[int, tuple[str, ...]] = {len(word): ()}
    for start in range(len(word) - 1, -1, -1):
        for size, known in ((4, _FOUR_LETTER_CODES), (2, GEO_TAGS)):
            head, rest = word[start : start + size], start + size
            if len(head) == size and head in known and rest in covers:
                covers[start] = (head, *covers[rest])
                break
    return covers.get(0, ())


def tag_kind(tag: str) -> str:
    """Return the kind of a tag: subject, program, geo, org, person or other."""
    code = tag.upper().strip()
    if code in SUBJECT_TAGS or code in LEGACY_SUBJECT_TAGS:
        return "subject"
    if code in PROGRAM_TAGS:
        return "program"
    if code in GEO_TAGS:
        return "geo"
    if code in _ORG_UPPER:
        return "org"
    if "," in code and re.fullmatch(r"[A-Z'’ .-]+,[A-Z'’ .-]+", code):
        return "person"
    if len(code) == 2 and code.isalpha():
        return "geo"
    if len(code) == 4 and code.startswith("K") and code.isalpha():
        return "program"
    return "other"


def tag_meaning(tag: str) -> str | None:
    """Return what a tag stands for, or ``None`` when no source we trust says so."""
    code = tag.upper().strip()
    for table in (SUBJECT_TAGS, LEGACY_SUBJECT_TAGS, PROGRAM_TAGS):
        if code in table:
            return table[code]
    return GEO_TAGS.get(code)
