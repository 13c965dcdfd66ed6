"""The caption-area and block shortcuts give what the plain searches they stand for give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.blocks import _RULE_LINE_PATTERN, _RULE_PATTERN
from cablebrowser.parse.classification import (
    _CLASSIFIER_END_PATTERN,
    _EO_PATTERN,
    _NAME_PARTICLES,
    _NOT_A_NAME_PATTERN,
    _ZERO_INITIAL_PATTERN,
    _classifier_end,
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
from cablebrowser.parse.subject import (
    _SUBJECT_END_PATTERN,
    _SUBJECT_KEYWORD_PATTERN,
    _subject_span,
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
        "SUBJECT",
        "Subj",
        "UBJECT",
        ":",
        "subjects",
        "REF",
        "Refs:",
        "ref(s):",
        "REFERENCE:",
        "classified by",
        "CLASSIFIED\nBY",
        "1.",
        "1. (C)",
        " 1.(SBU)",
        "\n1 .A",
        "¶",
        "E. O.1234",
        "TAGS:",
        "tags :",
        "E F T O",
        "EFTO",
        "C O R R E C T E D COPY",
        "CORRECTED",
        "COPY",
        "LIMDIS",
        "SIPRDIS",
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


def _plain_subject_span(area: str) -> tuple[int, int] | None:
    """The subject span as the plain searches over all of ``area`` give it."""
    keywords = list(_SUBJECT_KEYWORD_PATTERN.finditer(area))
    if not keywords:
        return None
    start = keywords[-1].end()
    while start < len(area) and area[start].isspace():
        start += 1
    end = _SUBJECT_END_PATTERN.search(area, start)
    return start, end.start() if end else len(area)


@settings(max_examples=600)
@given(_TEXTS)
def test_subject_span_read_at_its_words_is_the_search(area: str) -> None:
    assert _subject_span(area, folded(area)) == _plain_subject_span(area)


@settings(max_examples=300)
@given(_TEXTS)
def test_captions_hinted_by_their_words_match_the_search(area: str) -> None:
    lower = folded(area)
    for _name, pattern, hints, _starts in _CAPTION_PATTERNS:
        if lower is not None and pattern.search(area):
            assert any(hint in lower for hint in hints)


_CLASSIFIER_WORDS = st.sampled_from(
    "Reasons reason RSN rsn: Section sec. sec E.O. EO E. O. 12958 e.o 1.4 1 . 5 "
    "1.5(b) 12.( 3. ( for per under , ; : . ( ) b d people Geo Smith J. ſ İ".split(" ")
)


@settings(max_examples=400)
@given(st.lists(_CLASSIFIER_WORDS, max_size=12).map(" ".join))
def test_classifier_end_is_the_search(rest: str) -> None:
    fast, plain = _classifier_end(rest), _CLASSIFIER_END_PATTERN.search(rest)
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
