"""Redaction placeholders: runs of X, glued or not, but never Roman numerals or real words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.redactions import (
    REDACTION_TOKEN,
    find_redactions,
    mask_redactions,
    redaction_count,
)

FIND_CASES = [
    ("Source: XXXXXXXXXXXX said", ["XXXXXXXXXXXX"], "08LONDON2627-upper"),
    (
        "Point of contact is Tom Mancinelli, xxxxxxxxxxxx or xxxxxxxxxxxx.",
        ["xxxxxxxxxxxx", "xxxxxxxxxxxx"],
        "10STATE284-lower",
    ),
    ("SUBJECT: XXXXXXXXXXXX: ELECTIONS", ["XXXXXXXXXXXX"], "09CAIRO1468-subject"),
    ("XXXNEED A MILLION", ["XXX"], "07HAVANA252-glued-after"),
    ("XXXXXXXXXXXXDISCUSSES TIBET", ["XXXXXXXXXXXX"], "09BEIJING1176-glued-after"),
    ("a businessmanXXXXXXXXXXXX said", ["XXXXXXXXXXXX"], "04RANGOON88-glued-before"),
    ("EULEXXXXXXXXXXXXX staff", ["XXXXXXXXXXXX"], "09PRISTINA148-word-ending-in-x"),
    ("ZeromaxXXXXXXXXXXXX", ["XXXXXXXXXXXX"], "05TASHKENT284-word-ending-in-x"),
    (
        "spent XXXXXXXXXXXX\u0425 days",
        ["XXXXXXXXXXXX\u0425"],
        "05ISTANBUL38-cyrillic-tail",
    ),
    ("meeting with xxxxx", ["xxxxx"], "short-run"),
    ("XXX", ["XXX"], "bare-xxx"),
    ("Xinjiang and Max and the XXth century", [], "real-words"),
    ("Pope Pius XI, Olympiad XXXI, year MCMXXX, LXXX", [], "roman-numerals"),
    ("", [], "empty"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in FIND_CASES], ids=[c[2] for c in FIND_CASES]
)
def test_find_redactions(text: str, expected: list[str]) -> None:
    found = find_redactions(text)
    assert [item.text for item in found] == expected
    assert all(text[item.start : item.end] == item.text for item in found)
    assert redaction_count(text) == len(expected)


MASK_CASES = [
    ("XXXNEED A MILLION", f"{REDACTION_TOKEN} NEED A MILLION", "glued-split"),
    ("said XXXXXXXXXXXX.", f"said {REDACTION_TOKEN}.", "standalone"),
    ("Max Xinjiang", "Max Xinjiang", "untouched"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in MASK_CASES], ids=[c[2] for c in MASK_CASES]
)
def test_mask_redactions(text: str, expected: str) -> None:
    assert mask_redactions(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("xXХab IV.\n"), max_size=300)
    | st.text(max_size=500)
)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for item in find_redactions(text):
        assert text[item.start : item.end] == item.text
        assert len(item.text) >= 3
    masked = find_redactions(mask_redactions(text))
    assert all(item.text == REDACTION_TOKEN for item in masked)
