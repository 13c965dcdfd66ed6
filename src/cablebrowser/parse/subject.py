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
    keywords = list(
        _SUBJECT_KEYWORD_PATTERN.finditer(area, *_subject_lines(area, lower))
    )
    if not keywords:
        return None
    start = keywords[-1].end()
    while start < len(area) and area[start].isspace():
        start += 1
    end = _SUBJECT_END_PATTERN.search(area, start)
    return start, end.start() if end else len(area)


def _subject_lines(area: str, lower: str | None) -> tuple[int, int]:
    """Return the span from the first to the last line holding ``ubj`` in any case.

    Every subject keyword holds it and none spans two lines, so scanning only
    there finds the same keywords as scanning all of ``area``.
    """
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
