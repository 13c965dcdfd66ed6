"""The whitespace and TAGS debris shortcuts give what the plain readings give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.blocks import _single_spaced
from cablebrowser.parse.tags import _DEBRIS_PATTERN, _without_debris

# Every kind of blank str.split() knows, and characters that only look like one.
_SPACED_TEXTS = st.lists(
    st.sampled_from(
        [
            "word",
            "É",
            "’",
            " ",
            "  ",
            "\n",
            "\t",
            "\r",
            "\x0b",
            "\x0c",
            "\x1c",
            "\x85",
            "\xa0",
            "\u2003",
            "\u2028",
            "\u3000",
            "\u200b",
            "-",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500)
@given(_SPACED_TEXTS)
def test_single_spaced_is_the_split_and_join(text: str) -> None:
    assert _single_spaced(text) == " ".join(text.split())


_FIELD_TEXTS = st.lists(
    st.sampled_from(
        [
            "PREL",
            " ",
            ", ",
            "SIPDIS",
            "TAGS",
            "UNCLASSIFIED",
            "SECRET",
            "CONFIDENTIAL",
            "UNCLAS",
            "12",
            "3A",
            "٣",
            "İ",
            "ſ",
            "(",
            ")",
            "KZ",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=500)
@given(_FIELD_TEXTS)
def test_debris_left_alone_only_where_the_pattern_finds_none(field: str) -> None:
    field = field.upper()
    assert _without_debris(field) == _DEBRIS_PATTERN.sub(" ", field)


def test_single_spaced_examples() -> None:
    assert _single_spaced("  a \n b  c\n") == "a b c"
    assert _single_spaced("a\xa0b") == "a b"
    assert _single_spaced("") == ""
