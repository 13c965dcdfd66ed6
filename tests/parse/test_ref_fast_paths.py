"""The REF, TAGS and ID shortcuts give what the plain searches they stand for give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse import parse_references
from cablebrowser.parse.ids import canonical_id, is_valid_id, valid_id_from_parts
from cablebrowser.parse.refpages import _ANY_PAGE_LINE_PATTERN, PAGE_LINE_PATTERN
from cablebrowser.parse.refs import (
    _END_AT_WORD_PATTERN,
    _MARKING,
    _OUTSIDE_TITLE,
    _SHORT_MARKING,
    _block_end,
)
from cablebrowser.parse.stations import (
    INVALID_IDS,
    MALFORMED_IDS,
    STATION_MERGES,
    STATION_VARIANTS,
    STATIONS,
)
from cablebrowser.parse.tags import _TAGS_KEYWORD_PATTERN, _find_keyword
from cablebrowser.parse.text import folded

# The block end as one alternation, the form the shortcut in ``_block_end`` replaces.
_PLAIN_END_PATTERN = re.compile(
    r"classified\s+by|\n[ \t]*¶?[ \t]*\d{1,2}[ \t]*\.[ \t]*(?:\(|[A-Za-z])"
    r"|\n[ \t]*(?:BEGIN\s+SUMMARY|SUMMARY|Summary\b|E\.\s?O\.|TAGS\b|SUBJECT\b|SUBJ\b)"
    r"|\bSUMMARY\s*:|SENSITIVE\s+BUT\s+UNCLASSIFIED|PLEASE\s+PROTECT\s+ACCORDINGLY"
    rf"|(?<=\s)\d{{1,2}}\.\s*\(|{_OUTSIDE_TITLE}(?:{_MARKING}|(?-i:{_SHORT_MARKING}))"
    r"|(?-i:(?<=\s)\d{1,2}\.\s+[A-Z][a-z]+(?![ \t]+\d)(?![ \t]+[A-Z][a-z]+[ \t]+\d))",
    re.IGNORECASE,
)
_BLOCK_PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            "\n",
            "\n\n",
            "\t",
            "1.",
            "12.",
            " 3. ",
            "(",
            ")",
            "(C)",
            "(S) The",
            "(SBU)",
            "(C/NF)",
            "UKRAINE (SBU) PRESS",
            "(U) Embassy officials met",
            "Summary",
            "SUMMARY:",
            "summary :",
            "Classified by",
            "CLASSIFIED  BY",
            "please protect accordingly",
            "SENSITIVE BUT",
            " UNCLASSIFIED",
            "E.O.",
            "TAGS",
            "SUBJ",
            "Rome",
            " Rome 1902",
            "STATE 1234",
            "A.",
            "B)",
            "ſ",
            "a",
            "Z",
            "9",
        ]
    ),
    max_size=40,
)


@settings(max_examples=400)
@given(_BLOCK_PIECES)
def test_block_end_is_the_first_end_mark(pieces: list[str]) -> None:
    window = "".join(pieces)
    plain = _PLAIN_END_PATTERN.search(window)
    text = "REF: " + window
    lower = folded(text)
    assert _block_end(window, lower, 5) == (plain.start() if plain else len(window))
    assert _block_end(window, None, 5) == (plain.start() if plain else len(window))


def test_word_end_mark_is_found_case_blind() -> None:
    window = "STATE 1234\nPLEASE Protect Accordingly"
    assert _END_AT_WORD_PATTERN.search(window)
    assert _block_end(window, folded("REF: " + window), 5) == window.index("PLEASE")


@given(
    st.lists(
        st.sampled_from(
            [
                "PAGE 02 ROME 01234 041234Z",
                "ROME 00001234 001.2 OF 003",
                "SECRET",
                "SECRET SECTION 01 OF 02",
                "STATE 12345",
                " ",
                "\t",
                "\n",
                "A.",
                "123",
            ]
        ),
        max_size=12,
    )
)
def test_page_line_gate_finds_every_page_line(pieces: list[str]) -> None:
    block = "".join(pieces)
    by_line = any(PAGE_LINE_PATTERN.match(line) for line in block.split("\n"))
    assert bool(_ANY_PAGE_LINE_PATTERN.search(block)) == by_line


_TABLE_STATIONS = sorted(
    STATIONS
    | set(STATION_VARIANTS)
    | set(STATION_VARIANTS.values())
    | set(STATION_MERGES)
)


@pytest.mark.parametrize("station", [*_TABLE_STATIONS, "XX", "ABC", "Rome", "A"])
def test_valid_id_from_parts_is_canonical_id_validated(station: str) -> None:
    for yy, serial in ((0, 1), (5, 3603), (9, 692), (66, 2481), (99, 9_999_999)):
        value = canonical_id(f"{yy:02d}{station}{serial}")
        expected = value if is_valid_id(value) else None
        assert valid_id_from_parts(yy, station, serial) == expected


_THREE_PARTS = re.compile(r"(\d\d)([A-Z]+)([1-9]\d{0,6})")


@pytest.mark.parametrize(
    "written",
    [key for key in sorted(MALFORMED_IDS | INVALID_IDS) if _THREE_PARTS.fullmatch(key)],
)
def test_valid_id_from_parts_applies_the_correction_tables(written: str) -> None:
    match = _THREE_PARTS.fullmatch(written)
    assert match is not None
    value = canonical_id(written)
    expected = value if is_valid_id(value) else None
    assert valid_id_from_parts(int(match[1]), match[2], int(match[3])) == expected


@given(
    st.lists(
        st.sampled_from(
            [
                "TAGS:",
                "TAGS ",
                "tags;",
                "TABS:",
                "STAGE ",
                "Tag",
                "AGS:",
                " PGOV",
                "\n",
                " ",
                "/",
                "x",
                "E.O. 12958",
                "İ",
                "SUBJECT: TAGS",
            ]
        ),
        max_size=15,
    )
)
def test_tags_keyword_is_sought_only_on_hinted_lines(pieces: list[str]) -> None:
    area = "".join(pieces)
    plain = _TAGS_KEYWORD_PATTERN.search(area)
    found = _find_keyword(area, folded(area))
    assert (found.span() if found else None) == (plain.span() if plain else None)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("REF: STATE 12345", ["05STATE12345"]),
        ("REF: 2004 STATE 12345", ["04STATE12345"]),
        ("REF: STATE 12345 (NOTAL),", ["05STATE12345"]),
        ("REF: 04 CAPE TOWN 179 NOTAL", ["04CAPETOWN179"]),
        ("REF: A. STATE 12345 B. ROME 678", ["05STATE12345", "05ROME678"]),
    ],
)
def test_bare_items_read_as_before(item: str, expected: list[str]) -> None:
    refs = parse_references(item + "\n\n1. (C) Text.", 2005, reference_id="05ROME9999")
    assert [ref.value for ref in refs] == expected
