"""The body string holds the right-stripped body lines and finds the rule lines as the line pattern would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.layout import body_lines
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
    lines, begin, end = body_lines(text)
    return body_string(lines, begin, end)


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
    lines, begin, end = body_lines(text)
    if begin >= end:
        return
    body = body_string(lines, begin, end)
    assert body.text == "\n\n" + "\n".join(map(str.rstrip, lines[begin:end])) + "\n\n"
    starts = _line_starts(body)
    assert len(starts) == end - begin
    assert body.rules == {
        starts[i - begin] for i in range(begin, end) if _RULE.fullmatch(lines[i])
    }
