"""The body string and paragraph joining agree with the line patterns they stand for.

The body string holds the right-stripped body lines and finds the rule lines
as the line pattern would; paragraph text loses its gaps as the gap pattern would.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.body import _GAP_PATTERN, _gap, _join
from cablebrowser.parse.layout import body_span
from cablebrowser.parse.scan import BodyText, body_string

_RULE = re.compile(r"[ \t]*[-=_‐]{3,}[ \t]*")

_LINE = st.text(alphabet=list(" \t\xa0-=_‐1.(C)SUBJECT:REFa¶"), max_size=12)
_TEXT = st.lists(_LINE, max_size=30).map("\n".join)

_CABLE = """CONFIDENTIAL

SUBJECT: TALKS

1. (C) First paragraph.

----------
 HEADING
----------

2. Second paragraph
\xa0---
   ===
3. Third.

SMITH
"""


def _body_of(text: str) -> BodyText:
    return body_string(*body_span(text))


def _line_starts(body: BodyText) -> list[int]:
    """Return the offsets of the body lines (after the two leading empty lines)."""
    starts, offset = [], 2
    for line in body.text[2 : body.stop - 1].split("\n"):
        starts.append(offset)
        offset += len(line) + 1
    return starts


def test_body_string_of_a_cable() -> None:
    body = _body_of(_CABLE)
    lines = body.text.split("\n")
    # The body opens with the blank line after SUBJECT and ends before SMITH.
    assert body.text.startswith("\n\n\n1. (C) First")
    assert body.text.endswith("3. Third.\n\n\n")
    assert [lines[body.text.count("\n", 0, r)] for r in sorted(body.rules)] == [
        "----------",
        "----------",
        "   ===",
    ]
    assert body.text[body.stop :] == "\n"


@settings(max_examples=300)
@given(_TEXT)
def test_body_string_matches_the_line_patterns(text: str) -> None:
    joined, begin, end = body_span(text)
    if begin >= end:
        return
    body = body_string(joined, begin, end)
    lines = joined[begin : end - 1].split("\n")
    assert body.text == "\n\n" + "\n".join(map(str.rstrip, lines)) + "\n\n"
    starts = _line_starts(body)
    assert len(starts) == len(lines)
    assert body.rules == {
        starts[i] for i, line in enumerate(lines) if _RULE.fullmatch(line)
    }


@settings(max_examples=300)
@given(_TEXT)
def test_body_span_offsets_are_line_starts(text: str) -> None:
    joined, begin, end = body_span(text)
    for offset in (begin, end):
        assert offset == 0 or offset == len(joined) + 1 or joined[offset - 1] == "\n"


_PARAGRAPH_LINE = st.sampled_from(
    [
        "",
        "",
        "Text.",
        "text",
        "SIPDIS",
        "NOFORN",
        "EXDIS SIPDIS",
        "  NODIS",
        'it"',
        "a)",
        "DIS",
    ]
)


@settings(max_examples=300)
@given(st.lists(_PARAGRAPH_LINE, max_size=12).map("\n".join))
def test_paragraph_join_matches_the_gap_pattern(piece: str) -> None:
    # The shortcuts for pieces without noise lines give what the gap
    # substitution gives on every right-stripped piece.
    general = _GAP_PATTERN.sub(_gap, f"\n{piece.strip(chr(10))}\n").strip()
    assert _join(piece) == general
