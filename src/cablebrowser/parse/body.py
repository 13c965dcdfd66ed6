"""Read the structure of a cable body: paragraphs, headings, summary, comment, signers.

The caption area (classification, captions, E.O., TAGS, SUBJECT, REF,
Classified By) is skipped; what follows is cut into numbered paragraphs with
their portion markings and the section heading each falls under. Page-break
lines, lone SIPDIS lines and the signature block never end up in paragraph
text. Everything here is a best reading of free text: no input raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Paragraph
from .text import strip_page_breaks

_RULE_PATTERN = re.compile(r"[ \t]*[-=_‐]{3,}[ \t]*")
_TERMINAL_PATTERN = re.compile(r"""[.!?:;"')\]]['"]?$""")
_NOISE_LINE_PATTERN = re.compile(
    r"[ \t]*(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS)(?:[ \t]+(?:SIPDIS|NOFORN))*[ \t]*"
)


@dataclass(frozen=True)
class _Start:
    """A line accepted as the start of a numbered paragraph."""

    index: int
    number: int
    marking: str | None
    rest: str


def parse_paragraphs(text: str) -> list[Paragraph]:
    """Return the body's paragraphs: number, portion marking, heading and text.

    Text before paragraph 1 becomes a leading paragraph with number None; a
    body without plausible paragraph numbers is one paragraph with number None.
    """
    lines = _split_inline_numbers(strip_page_breaks(text or "")).split("\n")
    begin, end = _body_start(lines), _trailer_start(lines)
    headings, rules = _find_headings(lines, begin, end)
    starts = _paragraph_starts(lines, begin, end, headings)
    if not starts:
        whole = _join(
            [
                line
                for index, line in enumerate(lines[begin:end], begin)
                if index not in rules
            ]
        )
        return (
            [Paragraph(number=None, marking=None, heading=None, text=whole)]
            if whole
            else []
        )
    return _assemble(lines, begin, end, headings, rules, starts)


def _assemble(
    lines: list[str],
    begin: int,
    end: int,
    headings: dict[int, str],
    rules: set[int],
    starts: list[_Start],
) -> list[Paragraph]:
    by_index = {start.index: start for start in starts}
    paragraphs: list[Paragraph] = []
    heading: str | None = None
    current: _Start | None = None
    collected: list[str] = []
    for index in range(begin, end):
        if index in headings or index in by_index:
            _flush(paragraphs, current, heading, collected)
            current, collected = by_index.get(index), []
            heading = headings.get(index, heading)
            if current:
                collected.append(current.rest)
        elif index not in rules:
            collected.append(lines[index])
    _flush(paragraphs, current, heading, collected)
    return paragraphs


def _flush(
    paragraphs: list[Paragraph],
    start: _Start | None,
    heading: str | None,
    lines: list[str],
) -> None:
    text = _join(lines)
    if start is None and not text:
        return
    number, marking = (start.number, start.marking) if start else (None, None)
    paragraphs.append(
        Paragraph(number=number, marking=marking, heading=heading, text=text)
    )


def _join(lines: list[str]) -> str:
    """Join paragraph lines as written, minus noise lines and page-gap blank lines.

    A run of blank lines stays one blank line after a finished sentence; after
    an unfinished one it is the gap a removed page break left, and goes.
    """
    kept: list[str] = []
    gap = False
    for line in lines:
        line = line.rstrip()
        if _NOISE_LINE_PATTERN.fullmatch(line) or not line.strip():
            gap = gap or bool(kept)
            continue
        if gap and _TERMINAL_PATTERN.search(kept[-1]):
            kept.append("")
        kept.append(line)
        gap = False
    return "\n".join(kept).strip()


# Caption keywords, misspellings included (§7.14, §7.17): a block holding
# one of these belongs to the caption area.
_CAPTION_KEYWORD_PATTERN = re.compile(
    r"(?i)^[ \t]*(?:S?UBJECT|SUBJ|REFS?|REFTELS?|REF\(S\)|REFERENCES?|CLASSIFIED[ \t]+BY|E\.?[ \t]?O\.?[ \t]*\d|"
    r"TAGE?S|TABS|TGS|TAS|AGS|TAGS?|DECL)\b[ \t]*[:;,.]?"
)
_CLASSIFICATION_LINE_PATTERN = re.compile(
    r"(?i)^[ \t]*(?:C[ ]?O[ ]?N[ ]?F[ ]?I[ ]?D[ ]?E[ ]?N[ ]?T[ ]?I[ ]?A[ ]?L|S[ ]?E[ ]?C[ ]?R[ ]?E[ ]?T|UNCLAS)"
)


_HEADER_ENDS_PATTERN = re.compile(r"(?i)[ \t]*-*[ \t]*header[ \t]+ends[ \t]*-*[ \t]*")


def _body_start(lines: list[str]) -> int:
    """Return the index of the first line after the caption area.

    A body that carries its own record dump (07LIMA2129, 09QUITO227) is read
    from after its ``---- header ends ----`` line.
    """
    ends = [
        index + 1
        for index, line in enumerate(lines)
        if _HEADER_ENDS_PATTERN.fullmatch(line)
    ]
    first = ends[-1] if ends else 0
    body, after_keyword = first, False
    for count, (block_start, block_end) in enumerate(_blocks(lines[first:], first)):
        block = lines[block_start:block_end]
        numbered = next(
            (i for i, line in enumerate(block) if _number_match(line)), None
        )
        head = block[:numbered]
        if any(_CAPTION_KEYWORD_PATTERN.match(line) for line in head) or (
            after_keyword and head and _REF_BULLET_PATTERN.match(head[0])
        ):
            body, after_keyword = block_start + len(head), True
        elif numbered == 0 or not _is_caption_block(block) or count > 12:
            break
        if numbered is not None:
            break
    return body


# A REF list continued after a blank line: "     B. SAN JOSE 2181" (05SANJOSE2215).
_REF_BULLET_PATTERN = re.compile(r"[ \t]*\(?[A-Z]\s?[.)]\s")


def _is_caption_block(block: list[str]) -> bool:
    if any(_RULE_PATTERN.fullmatch(line) for line in block) or len(block) > 3:
        return False
    return all(
        _CLASSIFICATION_LINE_PATTERN.match(line) or not re.search("[a-z]", line)
        for line in block
    )


def _blocks(lines: list[str], offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) of the runs of non-blank lines, shifted by ``offset``."""
    blocks, start = [], None
    for index, line in enumerate([*lines, ""], offset):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            blocks.append((start, index))
            start = None
    return blocks


_NUMBER_PATTERN = re.compile(
    r"[ \t]*¶?[ \t]*(?P<number>\d{1,3})[ \t]*\.(?!\d)[ \t]*(?P<rest>.*)"
)
_MARKING = (
    r"(?:TS|S|C|U|SBU|FOUO|LOU|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED[ \t]+OFFICIAL[ \t]+USE|"
    r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED)(?:[ \t]*(?:/{1,2}|-)[ \t]*[A-Z][A-Z ,]*?)*"
)
_MARKING_PATTERN = re.compile(
    rf"(?i)(?:\([ \t]*(?P<open>{_MARKING})|(?P<bare>{_MARKING}))[ \t]*\)[ \t]*\.?[ \t]*"
)
_OLD_MARKING_PATTERN = re.compile(
    r"(?P<old>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)[ \t]*\.?[ \t]*"
)


# A marked paragraph number inside a line, after a finished sentence or a
# parenthesis (whitespace-collapsed pages: "Reason: 1.4 (d) 1. (C) Summary", 08RIGA472).
_INLINE_NUMBER_PATTERN = re.compile(
    rf"(?<=[.!?)\"'])[ \t]+(?=\d{{1,3}}[ \t]*\.[ \t]*\((?i:{_MARKING})\))"
)


def _split_inline_numbers(text: str) -> str:
    """Put each inline marked paragraph number at the start of its own line."""
    return _INLINE_NUMBER_PATTERN.sub("\n", text)


def _number_match(line: str) -> _Start | None:
    """Read a paragraph number and marking at the start of ``line`` (index unset)."""
    found = _NUMBER_PATTERN.fullmatch(line)
    if (
        found is None
        or not found["rest"].strip()
        or found["rest"].lstrip().startswith((")", "%"))
    ):
        return None
    rest, marking = found["rest"], None
    if mark := _MARKING_PATTERN.match(rest) or _OLD_MARKING_PATTERN.match(rest):
        raw = mark.groupdict().get("old") or mark["open"] or mark["bare"]
        marking, rest = " ".join(raw.upper().split()), rest[mark.end() :]
    return _Start(index=-1, number=int(found["number"]), marking=marking, rest=rest)


def _paragraph_starts(
    lines: list[str], begin: int, end: int, headings: dict[int, str]
) -> list[_Start]:
    """Return the paragraph-number lines whose numbering is plausible.

    Numbers must go up by one (a skip of up to three, or a repeated number
    as in 07CAIRO3126, needs a blank line before; a later section may start
    at any marked number); ``1`` may restart after a heading or with a marking.
    A candidate needs a marking, a blank line before it or a finished
    sentence before it, so a date or amount wrapped to a line start is no
    paragraph.
    """
    starts: list[_Start] = []
    heading_since = False
    for index in range(begin, end):
        heading_since = heading_since or index in headings
        candidate = _number_match(lines[index]) if index not in headings else None
        if candidate is None:
            continue
        above = lines[index - 1] if index > begin else ""
        blank = (
            not above.strip().strip("-")
            or (index - 1) in headings
            or bool(_RULE_PATTERN.fullmatch(above))
        )
        finished = blank or bool(_TERMINAL_PATTERN.search(lines[index - 1].rstrip()))
        previous = starts[-1] if starts else None
        if _plausible(candidate, previous, blank, finished, heading_since):
            starts.append(
                _Start(index, candidate.number, candidate.marking, candidate.rest)
            )
            heading_since = False
    return starts


def _plausible(
    candidate: _Start,
    previous: _Start | None,
    blank: bool,
    finished: bool,
    heading_since: bool,
) -> bool:
    number, marked = candidate.number, candidate.marking is not None
    if not (marked or finished):
        return False
    if previous is None:
        return 1 <= number <= 3 or (marked and blank)
    last = previous.number
    if number == last + 1:
        return True
    if (
        number == last
    ):  # a repeated number, but not an unmarked list inside a marked paragraph
        return blank and (marked or previous.marking is None)
    if number == 1:
        return heading_since or (marked and blank)
    return last + 1 < number <= last + 3 and blank


# Same-line headings: "------- SUMMARY -------", "Summary =======" or
# "WHY A NUCLEAR SUBMARINE? -----" (a leading rule alone is a "---" bullet).
_INLINE_HEADING_PATTERN = re.compile(
    r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?P<title>[^-=_‐\s].*?)[ \t]*[-=_‐]{3,}[ \t]*"
)


def _find_headings(
    lines: list[str], begin: int, end: int
) -> tuple[dict[int, str], set[int]]:
    """Return the heading lines (index → title) and the rule lines around them."""
    headings: dict[int, str] = {}
    rules: set[int] = set()
    mixed_case = re.search("[a-z]{3}", "\n".join(lines[begin:end])) is not None
    for index in range(begin, end):
        line = lines[index]
        if (
            not line.strip()
            or _RULE_PATTERN.fullmatch(line)
            or _NUMBER_PATTERN.fullmatch(line)
        ):
            continue
        title = _heading_title(lines, index, begin, end, mixed_case)
        if title:
            headings[index] = title
            rules.update(
                i
                for i in (index - 1, index + 1)
                if begin <= i < end and _RULE_PATTERN.fullmatch(lines[i])
            )
    return headings, rules


# An upper-case line alone between blank lines in a mixed-case body (09QUITO227).
_BARE_HEADING_PATTERN = re.compile(
    r"(?!.*\b(?:BEGIN|END|QUOTE|UNQUOTE|TEXT|SIPDIS|NOFORN)\b)(?=.*[A-Z]{2})[^a-z.;,]{2,80}[^a-z.;,:\s]"
)


def _heading_title(
    lines: list[str], index: int, begin: int, end: int, mixed_case: bool
) -> str | None:
    line = lines[index].strip()
    above = lines[index - 1] if index > begin else ""
    below = lines[index + 1] if index + 1 < end else ""
    if above.strip() and not _RULE_PATTERN.fullmatch(above):
        return None
    if inline := _INLINE_HEADING_PATTERN.fullmatch(line):
        title = inline["title"]
    elif _RULE_PATTERN.fullmatch(below) or (
        _RULE_PATTERN.fullmatch(above) and not below.strip()
    ):
        title = line
    elif mixed_case and not below.strip() and _BARE_HEADING_PATTERN.fullmatch(line):
        title = line
    else:
        return None
    title = title.rstrip(" :")
    return title if re.search("[A-Za-z]", title) and len(title) <= 100 else None


# Lines that may follow the signature: end of message, classification,
# review stamps, closing quotes, rendering debris.
_TRAILER_LINE_PATTERN = re.compile(
    r"(?i)[ \t]*(?:NNNN|BT|#\d+|[\"'>.]+|END[ \t]+QUOTE\.?|UNQUOTE\.?|LIMITED|END[ \t]+CABLE[ \t]+TEXT|"
    r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|SIPDIS|SENSITIVE)(?:[ \t/]+\w+)*|"
    r"C[ ]O[ ]N[ ]F[ ]I[ ]D[ ]E[ ]N[ ]T[ ]I[ ]A[ ]L|S[ ]E[ ]C[ ]R[ ]E[ ]T|"
    r"Declassified/Released.*|Systematic[ \t]+Review.*|NOTE[ \t]+BY.*|=+[ \t]*CABLE ENDS[ \t]*=+|[-=_]{3,}|"
    r"\d{4}[A-Z]+\d+[ \t]+-[ \t]+Classification:.*)[ \t]*"
)
_STOP_WORDS = frozenset(
    "END COMMENT SUMMARY NOTE QUOTE UNQUOTE SIPDIS NOFORN CONFIDENTIAL SECRET UNCLASSIFIED UNCLAS NNNN BT "
    "LIMITED OFFICIAL USE FOR THE AND OF ACTION REQUEST PARA REF REFTEL USG EXDIS NODIS SENSITIVE SBU FOUO "
    "DECL TAGS SUBJECT ENTIRE TEXT CABLE ENDS US UK UN EU OK NO AN AT IN ON TO BY IS IT WE".split()
)
_PARTICLES = frozenset("VAN VON DE DEL DER DA DI LA LE DU AL EL BIN DOS DAS".split())
_KNOWN_SPLITS = {
    "KEEGANPAAL": ("KEEGAN", "PAAL"),
    "BIGUSBELL": ("BIGUS", "BELL"),
}  # 04TAIPEI3991, 06KIRKUK112
_SIGNER_WINDOW = 300


def _trailer_start(lines: list[str]) -> int:
    """Return the index of the first line of the signature and end matter."""
    return _signature(lines)[0]


def _skip_trailer(lines: list[str], index: int) -> int:
    while index > 0 and (
        not lines[index - 1].strip()
        or _TRAILER_LINE_PATTERN.fullmatch(lines[index - 1])
    ):
        index -= 1
    return index


_CLOSING_PATTERN = re.compile(
    r"(?i)(?:\bEND\s+(?:COMMENT|TEXT|NOTE|SUMMARY|QUOTE)|UNQUOTE|Classified\s+Web\s?site\b.*|[xX]{3,}"
    r"|[.!?,]8|^\s*GP-\d)\W*$"
)


def _signature(lines: list[str]) -> tuple[int, list[str]]:
    """Return where the signature block starts and the names on its lines.

    Up to two name lines directly above the end matter count when the line
    above them is blank, ends a sentence or closes a block (``END COMMENT``,
    the post's "Classified Website" line, a redaction).
    """
    end = _skip_trailer(lines, len(lines))
    top = end
    while top > 0 and end - top < 2 and _name_words(lines[top - 1]):
        top -= 1
    while top < end:
        above = lines[top - 1].rstrip() if top > 0 else ""
        if (
            not above.strip()
            or _TERMINAL_PATTERN.search(above)
            or _CLOSING_PATTERN.search(above)
        ):
            return top, [name for line in lines[top:end] for name in _name_words(line)]
        top += 1
    return end, []


def parse_signers(text: str) -> list[str]:
    """Return the signer name(s) at the end of the cable, top to bottom.

    Looks only at the last ~300 characters: name lines after the last
    finished sentence and before NNNN, a trailing classification, a review
    stamp or a closing quote; else an upper-case name glued after the last
    sentence. Glued pairs stay one token unless listed in ``_KNOWN_SPLITS``.
    """
    lines = strip_page_breaks(text or "")[-_SIGNER_WINDOW:].split("\n")
    start, names = _signature(lines)
    if not names and start > 0:
        names = _inline_signer(lines[start - 1])
    return [part for name in names for part in _KNOWN_SPLITS.get(name, (name,))]


_NAME_TOKEN_PATTERN = re.compile(r"[A-Z][A-Za-z'’.-]*[A-Za-z]|[A-Z]\.?")


def _name_words(line: str) -> list[str]:
    """Return the names on ``line`` if it reads as a signature line, else []."""
    words = line.strip(' \t"').split()
    if not 1 <= len(words) <= 4 or any(
        word.upper().strip(".") in _STOP_WORDS for word in words
    ):
        return []
    if not all(
        _NAME_TOKEN_PATTERN.fullmatch(word) or word.upper() in _PARTICLES
        for word in words
    ):
        return []
    if all(word.isupper() for word in words):
        return _split_upper(words)
    return [" ".join(words)] if len(words) <= 3 and words[-1][0].isupper() else []


def _split_upper(words: list[str]) -> list[str]:
    """Split an upper-case line into names, keeping particles with the next word."""
    names: list[str] = []
    pending = ""
    for word in words:
        if word in _PARTICLES:
            pending += word + " "
        else:
            names.append(pending + word)
            pending = ""
    return names


_INLINE_SIGNER_PATTERN = re.compile(
    r"""(?:[.!?]['")]?|[xX]{3,}|\*{3,}|MINIMIZE\s+CONSIDERED|Classified\s+Web\s?site:?.*?)[ \t]+"""
    r"""(?P<name>[A-Z][A-Z'-]+|[A-Z][a-z]+(?:[A-Z][a-z]+)?)\.?[ \t]*$"""
)


def _inline_signer(line: str) -> list[str]:
    """Return a name glued after the last sentence (collapsed pages), if any.

    Upper-case names may carry a period; a capitalised word only counts when
    it ends the text bare, as a last one-word sentence would not.
    """
    found = _INLINE_SIGNER_PATTERN.search(line)
    if found is None or found["name"].upper() in _STOP_WORDS:
        return []
    if not found["name"].isupper() and line.rstrip().endswith("."):
        return []
    return [found["name"]]


# What may stand before a block marker on its line: a rule, a paragraph number, a marking.
_LINE_PREFIX = r"[ \t]*(?:[-=_‐]{3,}[ \t]*)?(?:\d{1,3}[ \t]*\.[ \t]*)?(?:\(?[A-Z/ -]{1,24}\)[ \t]*\.?[ \t]*)?"
_SUMMARY_START_PATTERN = re.compile(
    r"(?im)^"
    + _LINE_PREFIX
    + r"(?P<marker>(?:BEGIN[ \t]+)?SUMMA?R?Y(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|"
    r"INTRODUCTION|TABLE[ \t]+OF[ \t]+CONTENTS))?)[ \t]*(?:[:.\-–]+|$)"
)
_SUMMARY_END_PATTERN = re.compile(
    r"(?i)\bEND\s+(?:OF\s+)?SUMMA?R?Y\b(?:[ \t]+AND[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUESTS?|INTRODUCTION))?[ \t]*[.:]?"
)


def parse_summary(text: str) -> str | None:
    """Return the summary block of the body, whitespace-normalised, or None.

    Starts at any spelling of the summary marker (``Summary:``, ``BEGIN
    SUMMARY``, ``Summay``, a SUMMARY heading…) and ends at ``End Summary`` in
    any spelling or wrap, else at the end of its paragraph. ``End Summary``
    without a start marker takes the body from the first paragraph on.
    """
    body = _body_text(text)
    start = next(
        (
            m
            for m in _SUMMARY_START_PATTERN.finditer(body)
            if not _after_end(body, m.start("marker"))
        ),
        None,
    )
    end = _SUMMARY_END_PATTERN.search(body, start.end() if start else 0)
    if start is None and end is None:
        return None
    if start is None:
        first = _number_match(body.lstrip().split("\n", 1)[0])
        offset = len(body) - len(body.lstrip())
        begin = offset + (
            len(body.lstrip().split("\n", 1)[0]) - len(first.rest) if first else 0
        )
        return _tidy(body[begin : end.start()]) if end else None
    finish = (
        end.start()
        if end
        else _block_end(body, start.end(), heading=_heading_follows(body, start.end()))
    )
    return _tidy(body[start.end() : finish])


def _after_end(body: str, position: int) -> bool:
    return (
        re.search(r"(?i)\bEND\s*$", body[max(0, position - 12) : position]) is not None
    )


_COMMENT_START_PATTERN = re.compile(
    r"(?i)\b(?:BEGIN\s+)?COMMENT\b[ \t]*(?P<punct>:|\.|-{1,2}|–|—|$)", re.MULTILINE
)
_COMMENT_END_PATTERN = re.compile(r"(?i)\bEND\s+(?:OF\s+)?COMMENTS?\b[ \t]*[.:]?")


def parse_comment(text: str) -> str | None:
    """Return the post's comment block(s), whitespace-normalised, or None.

    A ``Comment:`` marker must open a line, a paragraph, a parenthesis or a
    sentence; the block ends at ``End Comment`` (any wrap), at the closing
    parenthesis of ``(Comment: …)``, or at the end of its paragraph (of its
    section for a COMMENT heading). Several blocks are joined by a blank line.
    """
    body = _body_text(text)
    blocks: list[str] = []
    position = 0
    for start in _COMMENT_START_PATTERN.finditer(body):
        if start.start() < position or not _opens_comment(body, start):
            continue
        finish = _comment_end(body, start)
        if block := _tidy(body[start.end() : finish]):
            blocks.append(block)
        position = finish
    return "\n\n".join(blocks) or None


def _opens_comment(body: str, start: re.Match[str]) -> bool:
    before = body[: start.start()]
    line = before[before.rfind("\n") + 1 :]
    if start["punct"] == "" and (
        line.strip() or not _heading_follows(body, start.end(), bare=True)
    ):
        return False
    if not line.strip() or re.fullmatch(_LINE_PREFIX, line, re.IGNORECASE):
        return True
    return re.search(r"""(?:\(|[.!?]['")]?[ \t]+)$""", line) is not None


def _comment_end(body: str, start: re.Match[str]) -> int:
    end = _COMMENT_END_PATTERN.search(body, start.end())
    following = next(
        (
            m.start()
            for m in _COMMENT_START_PATTERN.finditer(body, start.end())
            if _opens_comment(body, m)
        ),
        len(body),
    )
    limit = end.start() if end and end.start() < following else None
    if body[: start.start()].rstrip(" \t").endswith("("):
        close = body.find(")", start.end())
        candidates = [
            value
            for value in (limit, close if close >= 0 else None)
            if value is not None
        ]
        return (
            min(candidates)
            if candidates
            else _block_end(body, start.end(), heading=False)
        )
    return (
        limit
        if limit is not None
        else _block_end(body, start.end(), heading=_heading_follows(body, start.end()))
    )


def _body_text(text: str) -> str:
    lines = _split_inline_numbers(strip_page_breaks(text or "")).split("\n")
    return "\n".join(lines[_body_start(lines) : _trailer_start(lines)])


def _heading_follows(body: str, position: int, *, bare: bool = False) -> bool:
    """Tell whether the marker line ending at ``position`` is a heading.

    That is: a rule line follows, or (``bare``) a blank line.
    """
    rest = body[position:].lstrip(" \t")
    if not rest.startswith("\n"):
        return False
    following = rest[1:].split("\n", 1)[0]
    return _RULE_PATTERN.match(following) is not None or (
        bare and not following.strip()
    )


_BLANK_PATTERN = re.compile(r"\n[ \t]*\n")
_NEXT_HEADING_PATTERN = re.compile(r"\n[ \t]*\n[^\n]*\S[^\n]*\n[ \t]*[-=_‐]{3,}")


def _block_end(body: str, position: int, *, heading: bool) -> int:
    """Return where the block starting at ``position`` ends.

    Under a heading: at the next heading. Otherwise: at the first blank line
    after a finished sentence (a blank line mid-sentence is a page gap).
    """
    if heading:
        following = _NEXT_HEADING_PATTERN.search(body, position + 1)
        return following.start() if following else len(body)
    content = re.search(r"\S", body[position:])
    for blank in _BLANK_PATTERN.finditer(
        body, position + (content.start() if content else 0)
    ):
        if _TERMINAL_PATTERN.search(body[: blank.start()].rstrip()):
            return blank.start()
    return len(body)


def _tidy(block: str) -> str | None:
    """Normalise whitespace inside paragraphs, keep blank lines between them."""
    parts = []
    for part in _BLANK_PATTERN.split(block):
        lines = [line for line in part.split("\n") if not _RULE_PATTERN.fullmatch(line)]
        if words := " ".join(" ".join(lines).split()):
            parts.append(words)
    tidy = "\n\n".join(parts).lstrip(" :.-–—")
    if lead := _number_match(tidy.split("\n", 1)[0]):
        tidy = tidy[len(tidy.split("\n", 1)[0]) - len(lead.rest) :]
    return re.sub(r"[\s(]+$", "", tidy) or None
