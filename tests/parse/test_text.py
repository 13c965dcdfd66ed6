"""Text cleaning and page-break removal, on the artefacts the published forms really have."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.text import clean_text, is_page_break, strip_page_breaks

CLEAN_CASES = [
    ("a\r\nb\rc", "a\nb\nc", "crlf-and-cr"),
    # 07BERN881: CSV-derived page, a backslash before every line break
    ("SECRET\\\nSIPDIS\\\n", "SECRET\nSIPDIS\n", "csv-backslash"),
    ("SECRET\\&#x000A;SIPDIS", "SECRET\nSIPDIS", "entity-newline-after-backslash"),
    ("POST&#8217;S VIEW", "POST\u2019S VIEW", "numeric-entity"),
    ("AT&amp;T", "AT&T", "named-entity"),
    ("R&D; AT&T", "R&D; AT&T", "unknown-entity-kept"),
    ("¶1. (C) Text", "1. (C) Text", "pilcrow-paragraph"),
    ("REF: A. X\n¶B. ANKARA 8252", "REF: A. X\nB. ANKARA 8252", "pilcrow-ref-bullet"),
    ("see ¶ above", "see ¶ above", "pilcrow-in-prose-kept"),
    ("a\x00b\x07c\td\x0ce", "abc\tde", "control-characters"),
    (
        "ALMATY 003603 \n \nSIPDIS ",
        "ALMATY 003603 \n \nSIPDIS ",
        "trailing-spaces-kept",
    ),
    ("", "", "empty"),
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [case[:2] for case in CLEAN_CASES],
    ids=[c[2] for c in CLEAN_CASES],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


PAGE_LINES = [
    ("REYKJAVIK 00000195  002 OF 002", True, "08REYKJAVIK195"),
    ("PRETORIA 00000954 001.2 OF 004", True, "08PRETORIA954"),
    ("TRIPOLI 00000402 ", True, "08TRIPOLI402-first-half"),
    ("001.2 OF 003", True, "08TRIPOLI402-second-half"),
    ("SAO PAULO 00000965 003 OF 003", True, "two-word-origin"),
    ("PAGE 02  ROME  01196  01 OF 02  082030Z", True, "02ROME1196"),
    (
        "PAGE 02        VATICA  05693  01 OF 02  021700Z ",
        True,
        "01VATICAN5693-truncated-origin",
    ),
    ("PAGE 02 VATICA 01261 061419Z", True, "01VATICAN1261-no-section"),
    ("1. (C) Text", False, "paragraph"),
    ("SUBJECT: PART 3 OF 3", False, "part-of-subject"),
    ("On October 5, 2005", False, "prose"),
]


@pytest.mark.parametrize(
    ("line", "expected"), [c[:2] for c in PAGE_LINES], ids=[c[2] for c in PAGE_LINES]
)
def test_is_page_break(line: str, expected: bool) -> None:
    assert is_page_break(line) is expected


STRIP_CASES = [
    (
        "economic and  \n\nTRIPOLI 00000402  003.2 OF 003\n\npolitical environment",
        "economic and\npolitical environment",
        "08TRIPOLI402-mid-sentence",
    ),
    (
        '"on an emergency footing".\n\nTRIPOLI 00000402  002.2 OF 003\n\nCONFUSION & CONCERN',
        '"on an emergency footing".\n\nCONFUSION & CONCERN',
        "08TRIPOLI402-between-paragraphs",
    ),
    (
        "B) TRIPOLI 227   TRIPOLI 00000402 \n\n001.2 OF 003\n\nCLASSIFIED BY: Chris",
        "B) TRIPOLI 227\nCLASSIFIED BY: Chris",
        "08TRIPOLI402-split-line",
    ),
    (
        "L) STATE 90303 STATE 00016220 001.2 OF 005 M) STATE 7877",
        "L) STATE 90303 M) STATE 7877",
        "10STATE16220-inside-ref-list",
    ),
    (
        "NEW PRESIDENT\nPRETORIA 00000954 001.2 OF 004\n\nClassified By",
        "NEW PRESIDENT\nClassified By",
        "08PRETORIA954-inside-subject",
    ),
    (
        "UNCLAS SAO PAULO 000965\n\nTHE GROWING SAO PAULO 00000965 003 OF 003 EFFORTS",
        "UNCLAS SAO PAULO 000965\n\nTHE GROWING EFFORTS",
        "origin-learned-from-caption",
    ),
    (
        "REF: A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098",
        "REF: A. STATE 40721\nB. ROME 1098",
        "02ROME1196-old-header-in-refs",
    ),
    (
        "WE  CONFIDENTIAL\nPAGE 04 ROME 01196 01 OF 02 082030Z EMPHASIZED THAT",
        "WE EMPHASIZED THAT",
        "02ROME1196-old-header-mid-sentence",
    ),
    (
        "No break here.\n\n1. (C) Text",
        "No break here.\n\n1. (C) Text",
        "nothing-to-strip",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in STRIP_CASES], ids=[c[2] for c in STRIP_CASES]
)
def test_strip_page_breaks(text: str, expected: str) -> None:
    assert strip_page_breaks(text) == expected


def test_seed_has_no_page_break_lines(sample_dir) -> None:
    seed = clean_text(
        (sample_dir / "seed" / "05ALMATY3603.txt").read_text(encoding="utf-8")
    )
    assert not [line for line in seed.split("\n") if is_page_break(line)]
    assert "ORDWAY" in strip_page_breaks(seed)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_never_raises(text: str) -> None:
    cleaned = clean_text(text)
    assert "\r" not in cleaned
    assert isinstance(strip_page_breaks(cleaned), str)
    for line in cleaned.split("\n")[:50]:
        assert isinstance(is_page_break(line), bool)
