"""The shortcuts in REF items and summary/comment blocks give what they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.blocks import _ascii_lowered
from cablebrowser.parse.refitems import _CABLE_PATTERN, _search_start
from cablebrowser.parse.text import folded

_ITEM_PIECES = st.lists(
    st.sampled_from(
        [
            "STATE",
            "Rome",
            "SAO PAULO",
            "the",
            "embassy",
            "note",
            "of",
            "July",
            "05",
            "2008",
            "'07",
            "(06)",
            "123",
            "4567",
            "#",
            "(NOTAL)",
            "(C)",
            "-",
            "/",
            ",",
            ";",
            "&",
            "and",
            " ",
            "  ",
            "\t",
            "\u2028",
            "x",
            "12/03",
        ]
    ),
    max_size=24,
)


@settings(max_examples=400, deadline=None)
@given(_ITEM_PIECES, st.integers(min_value=0, max_value=40))
def test_cable_search_start_finds_the_same_group(
    pieces: list[str], position: int
) -> None:
    text = "".join(piece + " " * (index % 2) for index, piece in enumerate(pieces))
    position = min(position, len(text))
    start = _search_start(text, position)
    plain = _CABLE_PATTERN.search(text, position)
    found = _CABLE_PATTERN.search(text, start) if start >= 0 else None
    assert (found and (found.span(), found.groupdict())) == (
        plain and (plain.span(), plain.groupdict())
    )


_BODY_PIECES = st.lists(
    st.sampled_from(
        [
            "Summary",
            "SUMM",
            "COMMENT",
            "Comment",
            "end",
            "END",
            "Of",
            "BEGIN",
            "begin",
            " ",
            "\n",
            "\u2028",
            "\xa0",
            "’",
            "“",
            "Ł",
            "ŁA",
            "É",
            "K",
            "\U0001d400",
            "Σ",
            "x",
            ".",
            "-",
        ]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_BODY_PIECES)
def test_ascii_lowered_copy_finds_words_and_blanks_as_folded(pieces: list[str]) -> None:
    body = "".join(pieces)
    lower, reference = _ascii_lowered(body), folded.__wrapped__(body)
    assert (lower is None) == (reference is None)
    if lower is None or reference is None:
        return
    assert len(lower) == len(reference)
    for word in ("summ", "comment", "of", "end", "begin"):
        assert [i for i in range(len(lower)) if lower.startswith(word, i)] == [
            i for i in range(len(reference)) if reference.startswith(word, i)
        ]
    assert [c.isspace() for c in lower] == [c.isspace() for c in reference]


def test_ascii_lowered_gives_none_for_special_letters() -> None:
    assert _ascii_lowered("’ İstanbul") is None
    assert _ascii_lowered("’ \ud800\udc00 END") == folded.__wrapped__(
        "’ \ud800\udc00 END"
    )
