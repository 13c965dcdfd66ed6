"""The parser's shortcuts give what the plain patterns and loops they stand for give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse import canonical_id
from cablebrowser.parse.blocks import _RULE_PATTERN, _may_hold_rule
from cablebrowser.parse.body import _join
from cablebrowser.parse.headings import _BARE_HEADING_PATTERN, _has_lower_case_word
from cablebrowser.parse.layout import (
    _INLINE_NUMBER_PATTERN,
    _split_inline_numbers,
    number_match,
)
from cablebrowser.parse.signature import ends_sentence
from cablebrowser.parse.text import _CONTROL_PATTERN, _is_printable

_LINE_ALPHABET = st.sampled_from(list(" \t¶0123456789.()/-%,:CSUNFBOTXREaclnsuxé"))
_MARKING = (
    r"(?:TS|S|C|U|SBU|FOUO|LOU|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED[ \t]+OFFICIAL[ \t]+USE|"
    r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED)(?:[ \t]*(?:/{1,2}|-)[ \t]*[A-Z][A-Z ,]*?)*"
)
_START = re.compile(r"[ \t]*¶?[ \t]*(?P<number>\d{1,3})[ \t]*\.(?!\d)[ \t]*")
_MARK = re.compile(
    rf"(?i)(?:\([ \t]*(?P<open>{_MARKING})|(?P<bare>{_MARKING}))[ \t]*\)[ \t]*\.?[ \t]*"
)
_OLD_MARK = re.compile(
    r"(?P<old>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)"
    r"[ \t]*\.?[ \t]*"
)


def _number_match_by_steps(line: str) -> tuple[int, str | None, str] | None:
    """Number, marking and rest read with one pattern per step."""
    found = _START.match(line)
    if found is None or "\n" in line:
        return None
    first = re.compile(r"\s*(\S)").match(line, found.end())
    if first is None or first[1] in ")%":
        return None
    rest, marking = found.end(), None
    if mark := _MARK.match(line, found.end()) or _OLD_MARK.match(line, found.end()):
        raw = mark.groupdict().get("old") or mark["open"] or mark["bare"]
        marking, rest = " ".join(raw.upper().split()), mark.end()
    return int(found["number"]), marking, line[rest:]


@pytest.mark.parametrize(
    "line",
    [
        "1. (C) Summary: talks went well.",
        " 12.(S/NF) Text",
        "3. CONFIDENTIAL - ENTIRE TEXT. The minister",
        "4. (SBU) - text",
        "5. )",
        "6. % of the vote",
        "7.5 million",
        "8. ",
        "¶ 9. (u//fouo) lower-case marking",
        "10. (LIMITED OFFICIAL USE) text",
    ],
)
def test_number_match_cases(line: str) -> None:
    found = number_match(line)
    read = (found.number, found.marking, found.rest) if found else None
    assert read == _number_match_by_steps(line)


@settings(max_examples=400, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=40))
def test_number_match_is_the_stepwise_reading(line: str) -> None:
    found = number_match(line)
    read = (found.number, found.marking, found.rest) if found else None
    assert read == _number_match_by_steps(line)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_printable_test_matches_the_control_pattern(text: str) -> None:
    # Other unprintable characters only cost a needless substitution.
    if _is_printable(text):
        assert _CONTROL_PATTERN.search(text) is None
    if text.isascii():
        assert _is_printable(text) == (_CONTROL_PATTERN.search(text) is None)


@pytest.mark.parametrize("char", [chr(code) for code in [*range(0x20), 0x7F, 0x85]])
def test_printable_test_on_each_control_character(char: str) -> None:
    text = f"ABC{char}DEF"
    assert _is_printable(text) == (_CONTROL_PATTERN.search(text) is None)


def _join_by_lines(lines: list[str]) -> str:
    stripped = [line.rstrip() for line in lines]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    return "\n".join(stripped).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list(" \tAbc.")), max_size=6), max_size=8))
def test_join_without_gaps_keeps_the_lines(lines: list[str]) -> None:
    inner = [line.rstrip() for line in lines]
    while inner and not inner[0]:
        inner.pop(0)
    while inner and not inner[-1]:
        inner.pop()
    if "" not in inner:
        assert _join("\n".join(line.rstrip() for line in lines)) == _join_by_lines(
            lines
        )


_NOISE = re.compile(
    r"[ \t]*(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS)(?:[ \t]+(?:SIPDIS|NOFORN))*[ \t]*"
)


def _join_line_by_line(lines: list[str]) -> str:
    kept: list[str] = []
    gap = False
    for line in lines:
        if not line.strip() or _NOISE.fullmatch(line):
            gap = gap or bool(kept)
            continue
        if gap and ends_sentence(kept[-1]):
            kept.append("")
        kept.append(line)
        gap = False
    return "\n".join(kept).strip()


_JOIN_LINE = st.sampled_from(
    [
        "",
        "",
        "a",
        "b.",
        " c",
        "SIPDIS",
        " NOFORN",
        "SIPDIS NOFORN",
        "EXDIS.",
        "x NODIS",
        "y?",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JOIN_LINE, max_size=10))
def test_join_drops_noise_lines_and_page_gaps_as_a_line_loop_would(
    lines: list[str],
) -> None:
    assert _join("\n".join(lines)) == _join_line_by_line(lines)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ABCabc é\n")), max_size=40))
def test_lower_case_word_test(body: str) -> None:
    assert _has_lower_case_word(body) == (re.search("[a-z]{3}", body) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(" \t-=_‐a\n")), max_size=30))
def test_rule_hint_never_misses_a_rule_line(text: str) -> None:
    if any(_RULE_PATTERN.fullmatch(line) for line in text.split("\n")):
        assert _may_hold_rule(text)


_BARE_HEADING = re.compile(
    r"(?!.*\b(?:BEGIN|END|QUOTE|UNQUOTE|TEXT|SIPDIS|NOFORN)\b)(?=.*[A-Z]{2})[^a-z.;,]{2,80}[^a-z.;,:\s]"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["END", "TEXT", "SUMMARY", "A", "b", ".", ":", " ", "\t", "-"]),
        max_size=30,
    )
)
def test_bare_heading_pattern_tested_characters_first(words: list[str]) -> None:
    line = "".join(words)
    assert bool(_BARE_HEADING_PATTERN.fullmatch(line)) == bool(
        _BARE_HEADING.fullmatch(line)
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [" ", "\t", "\n", ".", "!", "(C)", "(s)", "(", "a", "1", "12", "²"]
        ),
        max_size=30,
    )
)
def test_inline_numbers_split_as_the_plain_pattern_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _split_inline_numbers(text) == _INLINE_NUMBER_PATTERN.sub("\n", text)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2005ALMATY3603", "05ALMATY3603"),
        ("0505ALMATY3603", "05ALMATY3603"),
        ("05ALMATY3603_a", "05ALMATY3603"),
        ("05 almaty 003603", "05ALMATY3603"),
        ("05ALMATY3603", "05ALMATY3603"),
    ],
)
def test_canonical_id_with_and_without_guarded_rewrites(
    written: str, expected: str
) -> None:
    assert canonical_id(written) == expected
    assert canonical_id(written) == expected  # a cached answer is the same
