"""Find the redaction placeholders (runs of X) that media partners put into cables.

The rule, from what the published texts contain:

* a placeholder is a run of three or more ``x``/``X`` letters (Latin, or the
  Cyrillic look-alike ``Х``/``х`` that 05ISTANBUL38 has glued after each run);
* it counts even when glued to a word on either side (``XXXNEED`` 07HAVANA252,
  ``XXXXXXXXXXXXDISCUSSES`` 09BEIJING1176, ``businessmanXXXXXXXXXXXX``);
* a word that is a valid Roman numeral with a letter other than X (``XXXI``,
  ``LXXX``, ``MCMXXX``) is a number, not a placeholder; words with fewer than
  three X in a row (``Xinjiang``, ``Max``, ``XXth``) never match;
* a run longer than 12 glued after a word ending in x gives that x back
  (``EULEXXXXXXXXXXXXX`` is ``EULEX`` + 12 X, ``ZeromaxXXXXXXXXXXXX``).
"""

from __future__ import annotations

import re

from ..record import Redaction
from .text import folded

REDACTION_TOKEN = "xxx"  # what search indexes in place of every placeholder
_USUAL_LENGTH = 12

_RUN_PATTERN = re.compile(r"[xXХх]{3,}")
_ROMAN_PATTERN = re.compile(
    r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)
_WORD_CHARS = re.compile(r"\w")


def find_redactions(text: str) -> list[Redaction]:
    """Return every redaction placeholder in ``text`` with its position."""
    if not text:
        return []
    found = []
    for start, end in _runs(text):
        if _is_glued(text, start, end) and _is_roman_numeral(
            _word_around(text, start, end)
        ):
            continue
        if end - start > _USUAL_LENGTH and start > 0 and text[start - 1].isalpha():
            start += 1
        found.append(Redaction(start=start, end=end, text=text[start:end]))
    return found


_LATIN_RUN_PATTERN = re.compile(r"x+")


def _runs(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``_RUN_PATTERN`` in ``text``.

    Without the Cyrillic look-alikes a run is three or more ``x`` once lower-cased,
    which ``str.find`` reaches far faster than the pattern's character-class scan.
    """
    lower = folded(text)  # shared with other fields, computed once per text
    if lower is None or (not text.isascii() and ("Х" in text or "х" in text)):
        return [match.span() for match in _RUN_PATTERN.finditer(text)]
    spans = []
    start = lower.find("xxx")
    while start >= 0:
        run = _LATIN_RUN_PATTERN.match(lower, start)
        end = run.end() if run else start + 3
        spans.append((start, end))
        start = lower.find("xxx", end)
    return spans


def _is_glued(text: str, start: int, end: int) -> bool:
    """Tell whether a word character touches the run ``text[start:end]``.

    A run standing alone is its own word, and a word of only x letters is never
    a Roman numeral: only glued runs need their word read.
    """
    return bool(
        (start > 0 and _WORD_CHARS.match(text, start - 1))
        or (end < len(text) and _WORD_CHARS.match(text, end))
    )


def _word_around(text: str, start: int, end: int) -> str:
    while start > 0 and _WORD_CHARS.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHARS.match(text[end]):
        end += 1
    return text[start:end]


def _is_roman_numeral(word: str) -> bool:
    return set(word) - {"X"} != set() and _ROMAN_PATTERN.fullmatch(word) is not None


def redaction_count(text: str) -> int:
    """Return how many redaction placeholders ``text`` contains."""
    return len(find_redactions(text))


def mask_redactions(text: str) -> str:
    """Replace every placeholder by ``REDACTION_TOKEN``, split from glued words.

    Search then sees ``xxx`` as a word of its own and never indexes the run of
    X or the word it was glued to as one token.
    """
    if not text:
        return ""
    pieces = []
    position = 0
    for redaction in find_redactions(text):
        pieces.append(text[position : redaction.start])
        before = (
            " " if redaction.start > 0 and text[redaction.start - 1].isalnum() else ""
        )
        after = (
            " " if redaction.end < len(text) and text[redaction.end].isalnum() else ""
        )
        pieces.append(f"{before}{REDACTION_TOKEN}{after}")
        position = redaction.end
    pieces.append(text[position:])
    return "".join(pieces)
