"""Find the signature block at the end of a cable and read the signer names.

The end matter (NNNN, a trailing classification, review stamps, closing
quotes) is skipped from the bottom up; up to two name lines above it form the
signature. Everything here is a best reading of free text: no input raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import strip_page_breaks

_TERMINAL_PATTERN = re.compile(r"""[.!?:;"')\]]['"]?$""")


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with sentence-closing punctuation (a quote may follow)."""
    # A match is two characters and a final newline at most: only the tail is searched.
    return _TERMINAL_PATTERN.search(text, max(0, len(text) - 3)) is not None


# Lines that may follow the signature: end of message, classification,
# review stamps, closing quotes, rendering debris.
_TRAILER_LINE_PATTERN = re.compile(
    r"(?i)[ \t]*(?:NNNN|BT|#\d+|[\"'>.]+|END[ \t]+QUOTE\.?|UNQUOTE\.?|LIMITED|END[ \t]+CABLE[ \t]+TEXT|"
    r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|SIPDIS|SENSITIVE)(?:[ \t/]+\w+)*|"
    r"C[ ]O[ ]N[ ]F[ ]I[ ]D[ ]E[ ]N[ ]T[ ]I[ ]A[ ]L|S[ ]E[ ]C[ ]R[ ]E[ ]T|"
    r"Declassified/Released.*|Systematic[ \t]+Review.*|NOTE[ \t]+BY.*|=+[ \t]*CABLE ENDS[ \t]*=+|[-=_]{3,}|"
    r"\d{4}[A-Z]+\d+[ \t]+-[ \t]+Classification:.*)[ \t]*"
)
_STOP_WORDS = frozenset(
    "END COMMENT SUMMARY NOTE QUOTE UNQUOTE SIPDIS NOFORN CONFIDENTIAL SECRET UNCLASSIFIED UNCLAS NNNN BT "
    "LIMITED OFFICIAL USE FOR THE AND OF ACTION REQUEST PARA REF REFTEL USG EXDIS NODIS SENSITIVE SBU FOUO "
    "DECL TAGS SUBJECT ENTIRE TEXT CABLE ENDS US UK UN EU OK NO AN AT IN ON TO BY IS IT WE".split()
)
_PARTICLES = frozenset("VAN VON DE DEL DER DA DI LA LE DU AL EL BIN DOS DAS".split())
_KNOWN_SPLITS = {
    "KEEGANPAAL": ("KEEGAN", "PAAL"),
    "BIGUSBELL": ("BIGUS", "BELL"),
}  # 04TAIPEI3991, 06KIRKUK112
_SIGNER_WINDOW = 300


def trailer_start(lines: Sequence[str]) -> int:
    """Return the index of the first line of the signature and end matter."""
    end = _skip_trailer(lines, len(lines))
    return _signature_top(lines, end, len(_names_above(lines, end)))


def _skip_trailer(lines: Sequence[str], index: int) -> int:
    while index > 0 and (
        not lines[index - 1].strip()
        or _TRAILER_LINE_PATTERN.fullmatch(lines[index - 1])
    ):
        index -= 1
    return index


_CLOSING_PATTERN = re.compile(
    r"(?i)(?:\bEND\s+(?:COMMENT|TEXT|NOTE|SUMMARY|QUOTE)|UNQUOTE|Classified\s+Web\s?site\b.*|[xX]{3,}"
    r"|[.!?,]8|^\s*GP-\d)\W*$"
)


# ``_CLOSING_PATTERN`` but for its website line, read on the reversed line: all
# its other branches end the line, so they are tried at one place, not at each.
_CLOSING_REVERSED_PATTERN = re.compile(
    r"(?i)\W*(?:(?:TNEMMOC|TXET|ETON|YRAMMUS|ETOUQ)\s+DNE\b|ETOUQNU|[xX]{3}|8[.!?,]|\d-PG\s*\Z)"
)
_WEBSITE_LINE_PATTERN = re.compile(r"(?i)Classified\s+Web\s?site\b")


def _closes_block(line: str) -> bool:
    """Tell whether ``_CLOSING_PATTERN`` matches in ``line``, much faster on long lines."""
    if "\n" in line:
        return _CLOSING_PATTERN.search(line) is not None
    if _CLOSING_REVERSED_PATTERN.match(line[::-1]):
        return True
    # In ASCII only letters and their own other case match when case is ignored.
    if line.isascii() and "classified" not in line.lower():
        return False
    return _WEBSITE_LINE_PATTERN.search(line) is not None


def _signature(lines: Sequence[str]) -> tuple[int, list[str]]:
    """Return where the signature block starts and the names on its lines."""
    end = _skip_trailer(lines, len(lines))
    above = _names_above(lines, end)
    top = _signature_top(lines, end, len(above))
    # ``above`` runs bottom up; the block keeps its lower ``end - top`` lines.
    return top, [name for names in reversed(above[: end - top]) for name in names]


def _names_above(lines: Sequence[str], end: int) -> list[list[str]]:
    """Return the names of the up to two name lines directly above ``end``, bottom up."""
    found: list[list[str]] = []
    while len(found) < 2 and len(found) < end:
        names = _name_words(lines[end - len(found) - 1])
        if not names:
            break
        found.append(names)
    return found


def _signature_top(lines: Sequence[str], end: int, name_lines: int) -> int:
    """Return where the signature block above the end matter (from ``end`` on) starts.

    Up to two name lines directly above the end matter (``name_lines`` of them)
    count when the line above them is blank, ends a sentence or closes a block
    (``END COMMENT``, the post's "Classified Website" line, a redaction).
    """
    top = end - name_lines
    while top < end:
        above = lines[top - 1].rstrip() if top > 0 else ""
        if not above.strip() or ends_sentence(above) or _closes_block(above):
            return top
        top += 1
    return end


def parse_signers(text: str) -> list[str]:
    """Return the signer name(s) at the end of the cable, top to bottom.

    Looks only at the last ~300 characters: name lines after the last
    finished sentence and before NNNN, a trailing classification, a review
    stamp or a closing quote; else an upper-case name glued after the last
    sentence. Glued pairs stay one token unless listed in ``_KNOWN_SPLITS``.
    """
    lines = strip_page_breaks(text or "")[-_SIGNER_WINDOW:].split("\n")
    start, names = _signature(lines)
    if not names and start > 0:
        names = _inline_signer(lines[start - 1])
    return [part for name in names for part in _KNOWN_SPLITS.get(name, (name,))]


_NAME_TOKEN_PATTERN = re.compile(r"[A-Z][A-Za-z'’.-]*[A-Za-z]|[A-Z]\.?")


def _name_words(line: str) -> list[str]:
    """Return the names on ``line`` if it reads as a signature line, else []."""
    # At most five pieces: a long sentence line is not split up to its end.
    words = line.strip(' \t"').split(None, 4)
    if not 1 <= len(words) <= 4 or any(
        word.upper().strip(".") in _STOP_WORDS for word in words
    ):
        return []
    if not all(
        _NAME_TOKEN_PATTERN.fullmatch(word) or word.upper() in _PARTICLES
        for word in words
    ):
        return []
    if all(word.isupper() for word in words):
        return _split_upper(words)
    return [" ".join(words)] if len(words) <= 3 and words[-1][0].isupper() else []


def _split_upper(words: list[str]) -> list[str]:
    """Split an upper-case line into names, keeping particles with the next word."""
    names: list[str] = []
    pending = ""
    for word in words:
        if word in _PARTICLES:
            pending += word + " "
        else:
            names.append(pending + word)
            pending = ""
    return names


_INLINE_SIGNER_PATTERN = re.compile(
    r"""(?:[.!?]['")]?|[xX]{3,}|\*{3,}|MINIMIZE\s+CONSIDERED|Classified\s+Web\s?site:?.*?)[ \t]+"""
    r"""(?P<name>[A-Z][A-Z'-]+|[A-Z][a-z]+(?:[A-Z][a-z]+)?)\.?[ \t]*$"""
)


def _inline_signer(line: str) -> list[str]:
    """Return a name glued after the last sentence (collapsed pages), if any.

    Upper-case names may carry a period; a capitalised word only counts when
    it ends the text bare, as a last one-word sentence would not.
    """
    if not _ends_in_name(line):
        return []  # the pattern's search is slow on the long lines that fail here
    found = _INLINE_SIGNER_PATTERN.search(line)
    if found is None or found["name"].upper() in _STOP_WORDS:
        return []
    if not found["name"].isupper() and line.rstrip().endswith("."):
        return []
    return [found["name"]]


_NAME_END_PATTERN = re.compile(r"(?:[A-Z][A-Z'-]+|[A-Z][a-z]+(?:[A-Z][a-z]+)?)\.?")


def _ends_in_name(line: str) -> bool:
    """Tell whether ``line`` ends as ``_INLINE_SIGNER_PATTERN`` requires: blanks, a name.

    The name holds no blank, so it is the last word (with a period, perhaps).
    """
    stripped = line.rstrip(" \t")
    blank = max(stripped.rfind(" "), stripped.rfind("\t"))
    return blank >= 0 and _NAME_END_PATTERN.fullmatch(stripped, blank + 1) is not None
