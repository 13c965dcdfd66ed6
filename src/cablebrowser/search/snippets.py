"""Snippets: the passage of a cable around the words a query matched, as safe HTML.

tantivy's own snippet generator stems every word of the body, which costs
milliseconds per long cable; here a regex finds candidate words by the start
of each query stem, and only those candidates are stemmed to confirm them.
A quoted phrase is marked as a whole, and only where its words stand in order.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from .document import unmask
from .query import And, Node, Or, Phrase, Word
from .schema import stemming_analyzer

SNIPPET_CHARS = 240
_LEAD_CHARS = 60  # context shown before the first marked word
_MAX_MATCHES = 40
_STEM = stemming_analyzer()
_WHITESPACE_PATTERN = re.compile(r"\s+")


@dataclass(frozen=True)
class Highlighter:
    """The words of one query, ready to be found in cable texts."""

    stems: frozenset[str]
    prefixes: tuple[str, ...]
    # How a matching word begins: a prefix, or a stem less its last letter.
    starts: tuple[str, ...]
    # The stems of each quoted phrase of two words or more, in order.
    phrases: tuple[tuple[str, ...], ...] = ()

    def snippet(self, body: str) -> str:
        """Return the best passage of ``body``, escaped, with <mark> around matched words."""
        spans = self._spans(body) if self.starts else []
        if not spans:
            return lead_html(body)
        start, end = _window(body, spans)
        inside = [(s, e) for s, e in spans if s >= start and e <= end]
        return (
            ("… " if start > 0 else "")
            + marked_html(body[start:end], [(s - start, e - start) for s, e in inside])
            + (" …" if end < len(body) else "")
        )

    def _spans(self, body: str) -> list[tuple[int, int]]:
        """Find the matched words: a find on the case-folded text, then confirm by stemming."""
        folded = _folded(body, self.starts)
        spans: list[tuple[int, int]] = []
        for start in self.starts:
            needle = start.encode("ascii") if isinstance(folded, bytes) else start
            at = folded.find(needle)  # type: ignore[arg-type]
            while at >= 0 and len(spans) < _MAX_MATCHES:
                word = _WORD_PATTERN.match(body, at)
                end = word.end() if word else at + len(start)
                if at == 0 or not body[at - 1].isalnum():
                    spans += self._matches(body, at, end)
                at = folded.find(needle, end)  # type: ignore[arg-type]
        return _merged(spans)

    def _matches(self, body: str, at: int, end: int) -> list[tuple[int, int]]:
        """Return the spans marked from the word at ``at:end``: the word, whole phrases."""
        word = body[at:end].lower()
        found = [(at, end)] if self._wanted(word) else []
        for phrase in self.phrases:
            if phrase[0] in _stems(word):
                stop = _phrase_end(body, end, phrase[1:])
                found += [(at, stop)] if stop else []
        return found

    def _wanted(self, word: str) -> bool:
        return word.startswith(self.prefixes) or bool(_stems(word) & self.stems)


_WORD_PATTERN = re.compile(r"\w+")
# The next word as tantivy's tokenizer cuts them: letters and digits only.
_NEXT_WORD_PATTERN = re.compile(r"[\W_]+([^\W_]+)")


def _phrase_end(body: str, at: int, stems: tuple[str, ...]) -> int | None:
    """Return where the words after ``at`` end if their stems are ``stems`` in order."""
    for stem in stems:
        word = _NEXT_WORD_PATTERN.match(body, at)
        if word is None or stem not in _stems(word[1].lower()):
            return None
        at = word.end()
    return at


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans sorted, overlapping ones joined (a word inside a marked phrase)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _folded(body: str, starts: tuple[str, ...]) -> str | bytes:
    """Return ``body`` lower-cased with every offset kept, cheaply where possible.

    ``str.lower`` costs ~20 ns a character on text with any non-ASCII letter;
    for ASCII query words the ASCII bytes (non-ASCII shown as ``?``, one byte
    each) lower-case ten times faster and keep the offsets.
    """
    if body.isascii():
        return body.lower()
    if all(start.isascii() for start in starts):
        return body.encode("ascii", "replace").lower()
    lower = body.lower()
    # Case folding changed offsets: search case-sensitively.
    return lower if len(lower) == len(body) else body


@functools.lru_cache(maxsize=20_000)
def _stems(word: str) -> frozenset[str]:
    return frozenset(_STEM.analyze(word))


def highlighter(tree: Node) -> Highlighter:
    """Collect the words a query looks for in the text (not those under NOT)."""
    stems: set[str] = set()
    prefixes: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    _collect(tree, stems, prefixes, phrases)
    firsts = {phrase[0] for phrase in phrases}
    starts = {stem[: max(3, len(stem) - 1)] for stem in stems | firsts} | prefixes
    return Highlighter(
        frozenset(stems),
        tuple(sorted(prefixes)),
        tuple(sorted(starts)),
        tuple(sorted(phrases)),
    )


def _collect(
    node: Node, stems: set[str], prefixes: set[str], phrases: set[tuple[str, ...]]
) -> None:
    if isinstance(node, Word) and node.prefix:
        prefixes.add(node.text.lower())
    elif isinstance(node, Phrase) and len(words := _STEM.analyze(node.text)) > 1:
        phrases.add(tuple(words))
    elif isinstance(node, Word | Phrase):
        stems.update(_STEM.analyze(node.text))
    elif isinstance(node, And | Or):
        for child in node.children:
            _collect(child, stems, prefixes, phrases)
    # NOT and field filters add nothing to highlight.


def _window(body: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Return the passage of SNIPPET_CHARS holding the most matches, cut at spaces."""
    reach = SNIPPET_CHARS - _LEAD_CHARS
    best, best_count, last = spans[0][0], 0, 0
    for first, (start, _) in enumerate(spans):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] <= start + reach:
            last += 1
        if last - first + 1 > best_count:
            best, best_count = start, last - first + 1
    start = max(0, best - _LEAD_CHARS)
    if start > 0:
        space = body.find(" ", start, best)
        start = space + 1 if space >= 0 else start
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        space = body.rfind(" ", best, end)
        end = space if space > best else end
    return start, end


def _clean(text: str) -> str:
    return html.escape(_WHITESPACE_PATTERN.sub(" ", unmask(text)), quote=True)


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` HTML-escaped, with <mark> around the (character-offset) spans."""
    pieces: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at or end > len(text):
            continue
        pieces += [_clean(text[at:start]), "<mark>", _clean(text[start:end]), "</mark>"]
        at = end
    pieces.append(_clean(text[at:]))
    return "".join(pieces).strip()


def lead_html(body: str) -> str:
    """Return the start of a body as an escaped snippet (when no word matched it)."""
    text = _WHITESPACE_PATTERN.sub(" ", body).strip()
    return _clean(text[:SNIPPET_CHARS]) + (" …" if len(text) > SNIPPET_CHARS else "")
