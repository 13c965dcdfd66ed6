"""The shared text helpers' shortcuts give what the plain patterns and methods give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.signature import (
    _CLOSING_PATTERN,
    _closes_block,
    parse_signers,
    trailer_start,
)
from cablebrowser.parse.text import (
    _CASE_SPECIALS,
    _CONTROL_PATTERN,
    _is_printable,
    _seen_twice,
    clean_text,
    folded,
    strip_page_breaks,
)

_TEXT_ALPHABET = st.sampled_from(
    list("aAzZkKsSiI \t\n.0'’“é√â°§ΣσςÉΩ\x00\x07\x0b\x1f\x7f\x80\x85\x9f\ud800\udc00")
    + ["K", "İ", "ı", "ſ", "ß", "😀", "\u00a0"]
)


def _folded_by_lower(text: str) -> str | None:
    """What ``folded`` stands for: the lower-case copy where it keeps every index."""
    if any(char in text for char in _CASE_SPECIALS):
        return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT_ALPHABET, max_size=40).map("".join))
def test_folded_is_the_lower_case_copy(text: str) -> None:
    assert folded.__wrapped__(text) == _folded_by_lower(text)


@pytest.mark.parametrize(
    "text",
    [
        "POST’S VIEW: “NO”",  # curly quotes: every other character is its own lower case
        "ÉTAT DU SÉNÉGAL",  # accented capitals
        "ΟΔΟΣ ΣΑΣ",  # capital sigma, lowered by its context
        "50 K AND 1 °C",  # the Kelvin sign lowers to an ASCII k
        "İSTANBUL",  # lowers to two characters
        "A\ud800B",  # a lone surrogate
        "\ud83d\ude00 SMILE",  # two lone surrogates in a row
    ],
)
def test_folded_on_non_ascii_texts(text: str) -> None:
    assert folded.__wrapped__(text) == _folded_by_lower(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT_ALPHABET, max_size=40).map("".join))
def test_control_test_agrees_with_the_pattern(text: str) -> None:
    assert _is_printable(text) == (_CONTROL_PATTERN.search(text) is None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A\x85B ’", "AB ’"),  # C1 control in a non-ASCII text
        ("20° § ¶ ’", "20° § ¶ ’"),  # other characters encoded after C2 are kept
        ("A\x7fB\x1bC\n\tD", "ABC\n\tD"),
    ],
)
def test_clean_text_removes_controls(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


_LINE_ALPHABET = st.sampled_from(
    [" ", "\t", ".", ",", "!", "8", "1", "-", "_", "'", "x", "X", "é", "İ", "ı", "ſ"]
    + ["END", "end", " COMMENT", " TEXT", " note", " SUMMARY", " QUOTE", "UNQUOTE"]
    + ["GP", "GP-1", "Classified", " Web", "site", "Website", "CLASSIFIED WEBSITE"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_ALPHABET, max_size=12).map("".join))
def test_closing_line_test_agrees_with_the_pattern(line: str) -> None:
    assert _closes_block(line) == (_CLOSING_PATTERN.search(line) is not None)


@pytest.mark.parametrize(
    "line",
    [
        "END COMMENT.",
        "xEND TEXT",
        "AENDNOTE",
        "  GP-1.",
        "A GP-1",
        "ClaſſIfied Website: www",
        "Classıfied Website",
        "END\u00a0NOTE --",
        "ab.8 ",
        "END QUOTE_",
        "END\nNOTE",
        "WORDS " * 400 + "END SUMMARY.",
    ],
)
def test_closing_line_examples(line: str) -> None:
    assert _closes_block(line) == (_CLOSING_PATTERN.search(line) is not None)


def _seen_twice_by_pattern(origin: str, number: str, text: str) -> bool:
    candidate = re.escape(origin)
    pattern = re.compile(
        candidate + r"(?<![A-Z]" + candidate + r")\s+0*" + number + r"\b"
    )
    return len(pattern.findall(text)) >= 2


_SERIAL_TEXT_ALPHABET = st.sampled_from(
    ["STATE", "STATE 12", "STATE 0012", "XSTATE 12", "A A", "A A 0", " ", "\n", "0"]
    + ["1", "12", "2", "x", "_", "٣", "\u2003", "-"]
)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(["STATE", "A A", "A"]),
    st.sampled_from(["0", "1", "12"]),
    st.lists(_SERIAL_TEXT_ALPHABET, max_size=12).map("".join),
)
def test_origin_seen_twice_agrees_with_the_pattern(
    origin: str, number: str, text: str
) -> None:
    assert _seen_twice.__wrapped__(origin, number, text) == _seen_twice_by_pattern(
        origin, number, text
    )


def test_old_page_header_without_time_letter_is_kept() -> None:
    text = "TEXT GOES ON\nPAGE 02 RUEHC 12345 010203\nMORE TEXT"
    assert strip_page_breaks.__wrapped__(text) == text


def test_modern_break_on_its_own_line_takes_the_origin() -> None:
    text = "STATE 00012345 001 OF 002\nFIRST PART.\nSTATE 00012345 002 OF 002\nREST"
    assert strip_page_breaks.__wrapped__(text) == "FIRST PART.\n\nREST"


def test_trailer_start_after_a_long_last_sentence_line() -> None:
    lines = ["WORDS " * 300 + "END COMMENT.", "SMITH", "", "NNNN"]
    assert trailer_start(lines) == 1
    assert parse_signers("\n".join(lines)) == ["SMITH"]


def test_trailer_start_skips_a_particle_only_line() -> None:
    lines = ["THE TALKS WENT WELL.", "DE LA", "NNNN"]
    assert trailer_start(lines) == 2
