"""The caption-area and block shortcuts give what the plain searches they stand for give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.blocks import _RULE_LINE_PATTERN, _RULE_PATTERN
from cablebrowser.parse.classification import (
    _EO_PATTERN,
    _NAME_PARTICLES,
    _NOT_A_NAME_PATTERN,
    _ZERO_INITIAL_PATTERN,
    _eo_match,
    _is_title,
    _name_in,
)
from cablebrowser.parse.header import (
    _CAPTION_PATTERNS,
    _STRAY_SIPDIS_PATTERN,
    _has_sipdis_line,
    _match_at_words,
)
from cablebrowser.parse.text import folded

_WORDS = st.sampled_from(
    [
        "E.O.",
        "e.o.",
        "EO",
        "E. O.",
        "E.0.",
        "12958",
        "DECL:",
        "DECL",
        "geo",
        " ",
        " ",
        "\n",
        "\t",
        "(",
        ")",
        "/",
        "SIPDIS",
        "sipdis",
        "SiPdIs",
        "NOFORN",
        "(NOFORN)",
        "EXDIS",
        "SENSITIVE",
        "BUT",
        "UNCLASSIFIED",
        "sensitive but unclassified",
        "SBU",
        "(SBU)",
        "FOR",
        "for",
        "OFFICIAL",
        "official",
        "USE",
        "ONLY",
        "FOUO",
        "ROGER",
        "CHANNEL",
        "EYES",
        "X",
        "İ",
        "é",
        "-",
        "---",
        "===",
        "_",
        "‐‐‐",
    ]
)
_TEXTS = st.lists(_WORDS, max_size=30).map("".join)


@settings(max_examples=300)
@given(_TEXTS)
def test_eo_match_is_the_search(area: str) -> None:
    fast, plain = _eo_match(area), _EO_PATTERN.search(area)
    assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=300)
@given(_TEXTS)
def test_captions_tried_at_their_words_match_the_search(area: str) -> None:
    lower = folded(area)
    for _name, pattern, _hints, starts in _CAPTION_PATTERNS:
        if not starts or lower is None:
            continue
        fast, plain = (
            _match_at_words(pattern, area, lower, starts),
            pattern.search(area),
        )
        assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=300)
@given(_TEXTS)
def test_sipdis_line_test_is_the_search(text: str) -> None:
    assert _has_sipdis_line(text) == bool(_STRAY_SIPDIS_PATTERN.search(text))


@settings(max_examples=300)
@given(_TEXTS)
def test_rule_line_search_finds_every_rule_line(part: str) -> None:
    lines = any(_RULE_PATTERN.fullmatch(line) for line in part.split("\n"))
    assert bool(_RULE_LINE_PATTERN.search("\n" + part)) == lines


def _name_in_by_steps(part: str, all_caps: bool) -> str | None:
    """The name reading as a sequence of word-dropping steps."""

    def stray(word: str) -> bool:
        return (
            word[0].islower()
            and word not in _NAME_PARTICLES
            and not _is_title(word, all_caps)
        )

    words = part.split()
    while words and stray(words[0]):
        words.pop(0)
    strays = [index for index, word in enumerate(words) if stray(word)]
    words = words[: strays[0]] if strays else words
    while words and _is_title(words[-1], all_caps):
        words.pop()
    titles = [i for i, word in enumerate(words) if _is_title(word, all_caps)]
    words = words[titles[-1] + 1 :] if titles else words
    if _NOT_A_NAME_PATTERN.search(part) or not any(
        len(word.strip(".")) > 1 for word in words
    ):
        return None
    name = " ".join(words)
    if len(words[-1].rstrip(".")) > 2:
        name = name.rstrip(".")
    return _ZERO_INITIAL_PATTERN.sub("O.", name)


_NAME_WORDS = st.sampled_from(
    "Ambassador DCM A/DCM for by reasons John J. Smith SMITH de la van Poloff ,".split()
)


@settings(max_examples=400)
@given(st.lists(_NAME_WORDS, max_size=8).map(" ".join), st.booleans())
def test_name_reading_is_the_stepwise_reading(part: str, all_caps: bool) -> None:
    assert _name_in(part, all_caps) == _name_in_by_steps(part, all_caps)
