"""Read the structure of a cable body: paragraphs and the headings they fall under.

The caption area (classification, captions, E.O., TAGS, SUBJECT, REF,
Classified By) is skipped; what follows is cut into numbered paragraphs with
their portion markings and the section heading each falls under. Page-break
lines, lone SIPDIS lines and the signature block never end up in paragraph
text. Everything here is a best reading of free text: no input raises.
The summary, comment and signers are read by ``blocks`` and ``signature``;
they are importable from here too.

The body is read as one string of right-stripped lines (see ``scan``): the
paragraph-number lines and the lines that may be headings are found by
patterns over the whole string, and a paragraph's text is a slice of it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from itertools import count

from ..record import Paragraph
from .blocks import parse_comment, parse_summary
from .headings import find_headings
from .layout import body_span
from .scan import BodyText, body_string
from .signature import ends_sentence, parse_signers

__all__ = ["parse_comment", "parse_paragraphs", "parse_signers", "parse_summary"]


def parse_paragraphs(text: str) -> list[Paragraph]:
    """Return the body's paragraphs: number, portion marking, heading and text.

    Text before paragraph 1 becomes a leading paragraph with number None; a
    body without plausible paragraph numbers is one paragraph with number None.
    """
    joined, begin, end = body_span(text or "")
    if begin >= end:
        return []
    body = body_string(joined, begin, end)
    headings, framing = find_headings(body)
    starts = _paragraph_starts(body, headings)
    cut, filler = _without_lines(body.text, framing) if framing else (body.text, "")
    # A piece is followed by a line break, so a noise line in it shows in the body.
    noise = "DIS\n" in body.text or "NOFORN\n" in body.text
    if not starts:
        whole = _join(cut[2 : body.stop - 1], filler, noise)
        return (
            [Paragraph(number=None, marking=None, heading=None, text=whole)]
            if whole
            else []
        )
    return _assemble(cut, filler, noise, headings, starts)


# A paragraph start: line offset, number, marking, offset of the text after them.
_Start = tuple[int, int, str | None, int]


def _assemble(
    text: str,
    filler: str,
    noise: bool,
    headings: dict[int, str],
    starts: list[_Start],
) -> list[Paragraph]:
    """Cut the body string at every paragraph start and heading line.

    A paragraph's text runs from after its number (or heading line) to the
    line break before the next start or heading; ``filler`` and ``noise``
    are passed on to ``_join``.
    """
    events = (
        sorted([*starts, *((offset, 0, None, -1) for offset in headings)])
        if headings
        else starts
    )
    paragraphs: list[Paragraph] = []
    if lead := _join(text[2 : events[0][0] - 1], filler, noise):
        paragraphs.append(Paragraph(None, None, None, lead))
    heading: str | None = None
    stops = [event[0] - 1 for event in events[1:]]
    stops.append(len(text) - 2)
    for (offset, number, marking, rest), stop in zip(events, stops, strict=True):
        if rest < 0:
            heading = headings[offset]
            piece = _join(text[text.index("\n", offset) + 1 : stop], filler, noise)
            if piece:
                paragraphs.append(Paragraph(None, None, heading, piece))
        else:
            piece = _join(text[rest:stop], filler, noise)
            paragraphs.append(Paragraph(number, marking, heading, piece))
    return paragraphs


def _without_lines(text: str, offsets: frozenset[int]) -> tuple[str, str]:
    """Overwrite the lines at ``offsets`` and the line breaks before them with a filler.

    Every offset stays valid; taking the filler (a character the text lacks)
    out of a slice then leaves the slice as if the lines had never been there.
    """
    filler = next(char for char in map(chr, count()) if char not in text)
    pieces: list[str] = []
    position = 0
    for offset in sorted(offsets):
        end = text.index("\n", offset)
        pieces += (text[position : offset - 1], filler * (end - offset + 1))
        position = end
    pieces.append(text[position:])
    return "".join(pieces), filler


def _join(piece: str, filler: str = "", noise: bool = True) -> str:
    """Return right-stripped paragraph lines as written, minus noise lines and page gaps.

    A run of blank lines stays one blank line after a finished sentence; after
    an unfinished one it is the gap a removed page break left, and goes. The
    ``filler`` character (see ``_without_lines``) is taken out first. With
    ``noise`` False the caller knows the piece holds no noise line.
    """
    if filler and filler in piece:
        piece = piece.replace(filler, "")
    joined = piece.strip("\n")
    if not noise:
        if "\n\n" not in joined:
            return joined.strip()
    # Most pieces hold neither a blank line nor a noise line; one pass rules both out.
    elif _GAP_OR_NOISE_PATTERN.search(joined) is None and not joined.endswith(
        ("DIS", "NOFORN")
    ):
        return joined.strip()
    # The lines are right-stripped, so a noise line ends in ``DIS`` or
    # ``NOFORN`` before a line break or at the end.
    elif (
        "DIS\n" in joined or "NOFORN\n" in joined or joined.endswith(("DIS", "NOFORN"))
    ):
        return _GAP_PATTERN.sub(_gap, f"\n{joined}\n").strip()
    # Only blank-line gaps: each becomes one blank line, then the ones after
    # an unfinished sentence (see ``ends_sentence``) a line break.
    if "\n\n\n" in joined:
        joined = _BLANK_RUN_PATTERN.sub("\n\n", joined)
    return _OPEN_GAP_PATTERN.sub("\n", joined).strip()


# A blank line, or a line ending in ``DIS`` or ``NOFORN``: the line break comes
# first so the search jumps from line to line.
_GAP_OR_NOISE_PATTERN = re.compile(r"\n(?:\n|(?<=DIS\n)|(?<=NOFORN\n))")
_BLANK_RUN_PATTERN = re.compile(r"\n\n\n+")
# The line break comes first so the search jumps from line to line.
_OPEN_GAP_PATTERN = re.compile(r"\n(?<![.!?:;\"')\]]\n)\n")


# A run of blank and noise lines, with the line breaks around it.
_GAP_PATTERN = re.compile(
    r"\n(?:(?:[ \t]*(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS)(?:[ \t]+(?:SIPDIS|NOFORN))*[ \t]*)?\n)+"
)


def _gap(found: re.Match[str]) -> str:
    """Return what replaces a gap: nothing at an edge, else one or two line breaks."""
    text, start = found.string, found.start()
    if start == 0 or found.end() == len(text):
        return ""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return "\n\n" if ends_sentence(line) else "\n"


def _paragraph_starts(body: BodyText, headings: dict[int, str]) -> list[_Start]:
    """Return the paragraph-number lines whose numbering is plausible.

    Numbers must go up by one (a skip of up to three, or a repeated number
    as in 07CAIRO3126, needs a blank line before; a later section may start
    at any marked number); ``1`` may restart after a heading or with a marking.
    A candidate needs a marking, a blank line before it or a finished
    sentence before it, so a date or amount wrapped to a line start is no
    paragraph.
    """
    text = body.text
    starts: list[_Start] = []
    last, last_marked, seen = -1, False, 0
    ordered = sorted(headings)
    for found in body.numbered:
        digits, opened, bare, old = found.group("number", "open", "bare", "old")
        raw = old or opened or bare
        offset = found.start() + 1
        # Most numbers follow an empty line, which needs no closer look.
        blank = text[offset - 2] == "\n" or _blank_above(body, headings, offset)
        if not (raw or blank or ends_sentence(_line_above(text, offset))):
            continue
        number = int(digits)
        # The next number in sequence, the common case, is always plausible.
        if (last < 0 or number != last + 1) and not _plausible(
            number,
            raw is not None,
            last,
            last_marked,
            blank,
            _heading_between(ordered, seen, offset),
        ):
            continue
        marking = _marking(raw) if raw else None
        starts.append((offset, number, marking, found.end()))
        last, last_marked, seen = number, raw is not None, offset
    return starts


def _heading_between(ordered: list[int], seen: int, offset: int) -> bool:
    """Tell whether a heading line lies after ``seen`` and before ``offset``.

    A heading since the last start lets the numbering restart at 1.
    """
    return bool(ordered) and bisect_right(ordered, seen) < bisect_left(ordered, offset)


def _line_above(text: str, offset: int) -> str:
    """Return the line above the one starting at ``offset``."""
    return text[text.rfind("\n", 0, offset - 1) + 1 : offset - 1]


def _blank_above(body: BodyText, headings: dict[int, str], offset: int) -> bool:
    """Tell whether the line above ``offset`` is blank, dashes, a heading or a rule line."""
    text = body.text
    above_start = text.rfind("\n", 0, offset - 1) + 1
    return (
        not text[above_start : offset - 1].lstrip().strip("-")
        or above_start in headings
        or above_start in body.rules
    )


@functools.lru_cache(maxsize=64)
def _marking(raw: str) -> str:
    """Return a portion marking as stored: upper case, single spaces."""
    return " ".join(raw.upper().split())


def _plausible(
    number: int,
    marked: bool,
    last: int,
    last_marked: bool,
    blank: bool,
    heading_since: bool,
) -> bool:
    """Tell whether ``number`` may follow paragraph ``last`` (-1: none yet)."""
    if last < 0:
        return 1 <= number <= 3 or (marked and blank)
    if number == last + 1:
        return True
    if number == last:
        # a repeated number, but not an unmarked list inside a marked paragraph
        return blank and (marked or not last_marked)
    if number == 1:
        return heading_since or (marked and blank)
    return last + 1 < number <= last + 3 and blank
