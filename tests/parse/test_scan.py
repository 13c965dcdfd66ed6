"""The body scan classifies each body line as the per-line patterns would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.layout import body_lines
from cablebrowser.parse.scan import scan_body

_RULE = re.compile(r"[ \t]*[-=_‐]{3,}[ \t]*")
_DIGIT_FIRST = re.compile(r"[ \t¶]*\d")

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


def test_scan_of_a_cable() -> None:
    scan = scan_body(_CABLE)
    lines = _CABLE.split("\n")
    assert scan.lines == tuple(lines)
    assert (scan.begin, scan.end) == body_lines(_CABLE)[1:]
    assert sorted(scan.rules) == [6, 8, 12]
    assert [lines[i].lstrip()[:2] for i in scan.numbered] == ["1.", "2.", "3."]
    assert scan.is_blank(5) and not scan.is_blank(4)
    assert scan.is_blank(scan.begin - 1) and scan.is_blank(scan.end)


@settings(max_examples=300)
@given(_TEXT)
def test_scan_matches_the_line_patterns(text: str) -> None:
    scan = scan_body(text)
    lines, begin, end = body_lines(text)
    body = range(begin, end)
    assert scan.lines == lines and (scan.begin, scan.end) == (begin, end)
    assert scan.stripped == tuple(line.strip() for line in lines)
    assert scan.rules == {i for i in body if _RULE.fullmatch(lines[i])}
    assert scan.numbered == tuple(i for i in body if _DIGIT_FIRST.match(lines[i]))
    assert [scan.is_blank(i) for i in body] == [not lines[i].strip() for i in body]
