"""The caption-area, routing and redaction shortcuts give what the plain readings give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.area import (
    _PAGE_BREAK_PATTERN,
    _SPACED_LEVEL_PATTERN,
    _head_end,
    _spaced_levels,
    drop_page_breaks,
)
from cablebrowser.parse.redactions import (
    _is_roman_numeral,
    _runs,
    _word_around,
    find_redactions,
)
from cablebrowser.parse.routing import (
    _DTG_PATTERN,
    _MONTHS,
    _ROUTE_PATTERN,
    _dtg_match,
    _recipient,
    _take_precedence,
)
from cablebrowser.record import Recipient, Redaction


def _texts(words: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=max_size).map("".join)


_BREAK_TEXTS = _texts(
    [
        "PRETORIA",
        "CAPE TOWN",
        "O'BRIEN",
        "A-B",
        " ",
        "\t",
        "\n",
        "00000954",
        "000954",
        "00",
        "1",
        "001",
        "001.2",
        "OF",
        "004",
        "PAGE",
        "02",
        "ROME",
        "12345",
        "231234Z",
        "CONFIDENTIAL",
        "SECRET",
        "UNCLASSIFIED",
        "x",
        "é",
    ]
)


@settings(max_examples=400)
@given(_BREAK_TEXTS)
def test_page_breaks_tried_at_their_starts_are_the_substitution(text: str) -> None:
    assert drop_page_breaks.__wrapped__(text) == _PAGE_BREAK_PATTERN.sub("", text)


_LEVEL_TEXTS = _texts(
    [
        "C O N F I D E N T I A L",
        "c o n f i d e n t i a l",
        "S E C R E T",
        "s E c R e T",
        "S E C R E T A B",
        "U N C L A S",
        "u n c l a s",
        " ",
        "\n",
        "A",
        "x",
        "1. (C)",
        "İ",
        "ſ",
        "Σ",
    ]
)


@settings(max_examples=300)
@given(_LEVEL_TEXTS, st.integers(min_value=0, max_value=400))
def test_spaced_levels_tried_at_their_words_are_the_search(text: str, cut: int) -> None:
    end = min(cut, _head_end(text))
    fast = [match.span() for match in _spaced_levels(text, end)]
    plain = [match.span() for match in _SPACED_LEVEL_PATTERN.finditer(text, 1, end)]
    assert fast == plain


def _plain_recipient(kind: str, line: str) -> Recipient | None:
    """The addressee line read in one go, MCN included."""
    route = None
    if found := _ROUTE_PATTERN.match(line):
        route, line = found["route"], line[found.end() :]
    words = line.split()
    mcn = words.pop() if words and words[-1].isdigit() else None
    precedence = _take_precedence(words)
    if mcn is None and precedence and len(words) > 1 and words[-1].isdigit():
        mcn = words.pop()
    name = " ".join(words).rstrip("/ ")
    if not name:
        return None
    return Recipient(kind=kind, name=name, route=route, precedence=precedence, mcn=mcn)


_ADDRESSEE_LINES = st.lists(
    st.sampled_from(
        [
            "RUEHC/",
            "RUEHC/SECSTATE",
            "SECSTATE",
            "WASHDC",
            "AMEMBASSY",
            "IMMEDIATE",
            "PRIOITY",
            "NIACT",
            "ROUTINE",
            "1234",
            "0",
            "²",
            "/",
            "//",
            " ",
            "\t",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=400)
@given(st.sampled_from(["to", "info"]), _ADDRESSEE_LINES)
def test_addressee_read_without_its_mcn_is_the_plain_reading(
    kind: str, line: str
) -> None:
    assert _recipient(kind, line) == _plain_recipient(kind, line)


_HEADER_TEXTS = _texts(
    ["O ", "P ", "R R ", "211435Z ", "351435Z ", "JAN ", "FOO ", "05", "\n", " ", "Z"]
)


@settings(max_examples=300)
@given(_HEADER_TEXTS)
def test_dtg_line_found_early_is_the_plain_choice(header: str) -> None:
    matches = [
        match
        for match in _DTG_PATTERN.finditer(header)
        if match["month"].upper() in _MONTHS
    ]
    candidates = [match for match in matches if match["action"]] or matches
    expected = candidates[0].span() if candidates else None
    found = _dtg_match.__wrapped__(header)
    assert (found.span() if found else None) == expected


_REDACTED_TEXTS = _texts(
    ["XXX", "xxxx", "XXXXXXXXXXXX", "Х", "I", "V", "L", "C", "M", "EULE", " ", "_", "9"]
)


def _plain_redactions(text: str) -> list[Redaction]:
    """The placeholders found reading every run's word."""
    found = []
    for start, end in _runs(text):
        if _is_roman_numeral(_word_around(text, start, end)):
            continue
        if end - start > 12 and start > 0 and text[start - 1].isalpha():
            start += 1
        found.append(Redaction(start=start, end=end, text=text[start:end]))
    return found


@settings(max_examples=300)
@given(_REDACTED_TEXTS)
def test_only_glued_runs_need_their_word_read(text: str) -> None:
    assert find_redactions(text) == _plain_redactions(text)
