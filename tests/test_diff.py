"""Word-level diffs between cable versions."""

from __future__ import annotations

import pytest

from cablebrowser.diff import (
    DELETE,
    EQUAL,
    INSERT,
    REDACTED,
    REPLACE,
    UNREDACTED,
    align_redactions,
    diff_texts,
    opcodes,
    tokenize,
    unified_lines,
)

WRAPPED_A = "1. (C) Assistant Secretary Fried met with Kazakhstani \nPresident Nazarbayev in Astana. \n"
WRAPPED_B = "1. (C) Assistant Secretary Fried met\nwith Kazakhstani President Nazarbayev   in Astana.\n\n"


def test_whitespace_and_line_breaks_are_not_changes() -> None:
    diff = diff_texts(WRAPPED_A, WRAPPED_B)
    assert not diff.is_changed
    assert [s.kind for s in diff.segments] == [EQUAL]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("met the minister today", "met the minister yesterday", REPLACE),
        ("met the minister today", "met the minister", DELETE),
        ("met the minister", "met the minister today", INSERT),
        ("met John Smith today", "met XXXXXXXXXXXX today", REDACTED),
        ("met XXXXXXXXXXXX today", "met John Smith today", UNREDACTED),
    ],
    ids=["replace", "delete", "insert", "redacted", "unredacted"],
)
def test_change_kinds(old: str, new: str, kind: str) -> None:
    kinds = [s.kind for s in diff_texts(old, new).segments if s.kind != EQUAL]
    assert kinds == [kind]


def test_revelation_aligns_marker_with_hidden_text() -> None:
    old = "Point of contact is Tom Mancinelli, xxxxxxxxxxxx or xxxxxxxxxxxx.\n"
    new = "Point of contact is Tom Mancinelli, 202-555-0100 or mancinellit@state.gov.\n"
    assert diff_texts(old, new).revelations() == [
        ("xxxxxxxxxxxx", "202-555-0100"),
        ("xxxxxxxxxxxx", "mancinellit@state.gov"),
    ]


def test_marker_glued_to_a_word_is_its_own_token() -> None:
    words = [(t.word, t.is_marker) for t in tokenize("XXXNEED A MILLION")]
    assert words[:2] == [("XXX", True), ("NEED", False)]


def test_unified_lines_mark_revelations() -> None:
    lines = list(
        unified_lines(diff_texts("met XXXXXXXXXXXX today", "met John Smith today"))
    )
    assert lines == ["met [-XXXXXXXXXXXX-]{+John Smith+}<revealed> today"]


def test_unified_lines_keep_line_breaks() -> None:
    lines = list(
        unified_lines(diff_texts("one two\nthree four\n", "one 2\nthree four\n"))
    )
    assert lines == ["one [-two-]{+2+}", "three four"]


def test_punctuation_is_a_token_of_its_own() -> None:
    words = [t.word for t in tokenize("Kazakhstan's E.O. 12958: (C)")]
    assert words == [
        "Kazakhstan",
        "'",
        "s",
        "E",
        ".",
        "O",
        ".",
        "12958",
        ":",
        "(",
        "C",
        ")",
    ]


def test_tokens_rebuild_the_text_from_the_first_word() -> None:
    text = "  1. (C) met XXXXXXXXXXXX,\n\tbusinessmanXXXXXXXXXXXX today.\n"
    assert "".join(t.word + t.space for t in tokenize(text)) == text.lstrip()


def test_curly_quote_change_is_one_small_replacement() -> None:
    diff = diff_texts(
        "political elites of Kazakhstan’s leaders",
        "political elites of Kazakhstan's leaders",
    )
    assert [(s.kind, s.old, s.new) for s in diff.segments if s.kind != EQUAL] == [
        (REPLACE, "’", "'")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a b c d e", "a b c d e"),
        ("a b c d e", "a x c y e z"),
        ("", "a b"),
        ("a b", ""),
        ("the the the cat the the", "the cat the the the the"),
        ("a b c a b c a b c", "c b a c b a"),
    ],
    ids=["same", "scattered", "from-empty", "to-empty", "repeated-words", "reversed"],
)
def test_opcodes_rebuild_the_new_sequence(old: str, new: str) -> None:
    a, b = old.split(), new.split()
    rebuilt: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        assert (tag == EQUAL) == (a[i1:i2] == b[j1:j2] and i2 > i1)
        rebuilt += b[j1:j2]
    assert rebuilt == b


@pytest.mark.parametrize(
    ("redacted", "other", "expected"),
    [
        ("met XXXXXXXXXXXX today", "met John Smith today", [("John Smith", True)]),
        ("met XXXXXXXXXXXX today", "met XXXXXXXXXXXX today", [(None, False)]),
        (
            "call xxxxxxxxxxxx or xxxxxxxxxxxx.",
            "call 202-555-0100 or tom@state.gov.",
            [("202-555-0100", True), ("tom@state.gov", True)],
        ),
        ("XXXNEED A MILLION", "WE NEED A MILLION", [("WE", True)]),
        (
            "told XXXXXXXXXXXX XXXXXXXXXXXX that",
            "told the Minister of Oil that",
            [("the Minister of Oil", False)] * 2,
        ),
        ("the source XXXXXXXXXXXX said", "the source said", [(None, False)]),
    ],
    ids=[
        "one",
        "still-redacted",
        "two-anchored",
        "glued",
        "two-in-one-stretch",
        "nothing-there",
    ],
)
def test_align_redactions(
    redacted: str, other: str, expected: list[tuple[str | None, bool]]
) -> None:
    found = align_redactions(redacted, other)
    assert [(a.hidden, a.exact) for a in found] == expected
    assert all(redacted[a.start : a.end] == a.marker for a in found)


def test_whitespace_around_punctuation_is_not_a_change() -> None:
    assert not diff_texts("Nazarbayev , said ( C )", "Nazarbayev, said (C)").is_changed
