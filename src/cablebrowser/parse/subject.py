"""Read the SUBJECT line of a cable and the portion marking that opens it.

The last SUBJECT keyword in the caption area wins; the subject ends at the next
caption or a blank line (docs/cable-format.md §3.6). Nothing here raises.
"""

from __future__ import annotations

import functools
import html
import re

from .area import area_without_breaks

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


# Captions and the subject both need the span of the same caption area.
@functools.lru_cache(maxsize=8)
def _subject_span(area: str, lower: str | None) -> tuple[int, int] | None:
    """Return where the last SUBJECT's text starts and ends in ``area``.

    ``lower`` is ``folded(area)`` (or a copy that serves as well), or None.
    """
    keyword = _last_keyword(area, lower)
    if keyword is None:
        return None
    start = keyword.end()
    while start < len(area) and area[start].isspace():
        start += 1
    if lower is not None:
        return start, _subject_end(area, lower, start)
    end = _SUBJECT_END_PATTERN.search(area, start)
    return start, end.start() if end else len(area)


def _last_keyword(area: str, lower: str | None) -> re.Match[str] | None:
    """Return the last match of ``_SUBJECT_KEYWORD_PATTERN`` in ``area``.

    Every keyword holds ``ubj`` in any case and none spans two lines, so the
    lines holding it are read from the last one back: the first line with a
    keyword gives the last one.
    """
    if lower is None:
        keywords = list(_SUBJECT_KEYWORD_PATTERN.finditer(area))
        return keywords[-1] if keywords else None
    index = lower.rfind("ubj")
    while index >= 0:
        line_start = area.rfind("\n", 0, index) + 1
        if keyword := _last_keyword_in_line(area, lower, line_start):
            return keyword
        index = lower.rfind("ubj", 0, line_start)
    return None


def _last_keyword_in_line(
    area: str, lower: str, line_start: int
) -> re.Match[str] | None:
    """Return the last keyword ``finditer`` finds in the line starting at ``line_start``.

    A keyword starts at the line start, at ``ubj`` or just before it: the
    pattern is tried only there, left to right and past each match.
    """
    line_end = area.find("\n", line_start)
    line_end = len(area) if line_end < 0 else line_end
    last = _SUBJECT_KEYWORD_PATTERN.match(area, line_start, line_end)
    position = last.end() if last else line_start
    index = lower.find("ubj", line_start, line_end)
    while index >= 0:
        for start in (index - 1, index):
            if start >= position and (
                match := _SUBJECT_KEYWORD_PATTERN.match(area, start, line_end)
            ):
                last, position = match, match.end()
        index = lower.find("ubj", index + 1, line_end)
    return last


# The alternatives of ``_SUBJECT_END_PATTERN`` that start at a line break; the
# others start at one of these words (in any case where ``lower`` is searched),
# at "E." or at the blank before "1.": (word, search lower?, offset of the start).
_NEWLINE_END_PATTERN = re.compile(
    r"\n[ \t]*(?:\n|REFS?\b|¶?1[ \t]*\.[ \t]*(?=\(|[A-Za-z])"
    r"|(?:SENSITIVE\s+BUT\s+UNCLASSIFIED|SIPDIS|NOFORN)\b)"
)
_END_WORDS = (
    ("ref", True, 0),
    ("classi", True, 0),
    ("tags", True, 0),
    ("E.", False, 0),
    ("1.", False, 1),
)


def _subject_end(area: str, lower: str, start: int) -> int:
    """Return where ``_SUBJECT_END_PATTERN`` first matches from ``start``, else the end.

    ``lower`` is ``folded(area)``. The line-break alternatives are searched
    at C speed; the full pattern is tried only where another may start.
    """
    found = _NEWLINE_END_PATTERN.search(area, start)
    end = found.start() if found else len(area)
    for word, in_lower, back in _END_WORDS:
        haystack = lower if in_lower else area
        index = haystack.find(word, start + back)
        while 0 <= index < end + back:
            if _SUBJECT_END_PATTERN.match(area, index - back):
                end = index - back
                break
            index = haystack.find(word, index + 1)
    return end


_PORTION_MARKING_PATTERN = re.compile(
    r"^\(\s*(?P<marking>(?:U|C|S|SBU|TS|FOUO)(?:\s*/{1,2}\s*[A-Z][A-Z ]{0,12})?)\s*\)\s*",
    re.IGNORECASE,
)
_TRAILING_MARKING_PATTERN = re.compile(r"\s*(?:\d\.\s*)?\((?:U|C|S|SBU)\)\s*$")
_LINE_END_BACKSLASH_PATTERN = re.compile(r"[ \t]*\\[ \t]*(?=\n|$)")
_LINE_END_HYPHEN_PATTERN = re.compile(r"(?<=[A-Za-z0-9])-[ \t]*\n\s*")


def _subject_text(text: str) -> str | None:
    """Return the subject with whitespace joined, page breaks dropped, entities decoded."""
    area, lower = area_without_breaks(text)
    span = _subject_span(area, lower)
    if span is None:
        return None
    # Each rewrite is skipped where the character it needs is absent.
    raw = area[span[0] : span[1]]
    if "\\" in raw:
        raw = _LINE_END_BACKSLASH_PATTERN.sub("", raw)
    if "-" in raw:
        raw = _LINE_END_HYPHEN_PATTERN.sub("-", raw)
    subject = " ".join((html.unescape(raw) if "&" in raw else raw).split())
    if subject.endswith(")"):  # the marking pattern ends at the end
        subject = _TRAILING_MARKING_PATTERN.sub("", subject)
    subject = subject.removesuffix(" ...")
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
    if not subject.startswith("("):  # the marking opens the subject
        return subject
    return _PORTION_MARKING_PATTERN.sub("", subject) or None


def parse_subject_marking(text: str) -> str | None:
    """Return the portion marking in front of the subject (``C/NF`` for ``(C/NF)``)."""
    match = _PORTION_MARKING_PATTERN.match(_subject_text(text) or "")
    if match is None:
        return None
    return re.sub(r"\s*/+\s*", "/", match["marking"].upper())
