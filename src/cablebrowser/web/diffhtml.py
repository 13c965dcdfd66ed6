"""A diff as HTML: one inline text or side-by-side rows, redactions and revelations marked apart."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..diff import EQUAL, REDACTED, UNREDACTED, Diff, Segment

_CLASSES = {REDACTED: "redacted", UNREDACTED: "revealed"}
_TITLES = {
    REDACTED: "redacted: hidden behind a marker in the newer version",
    UNREDACTED: "revealed: the marker of the older version replaced by text",
}


def _mark(tag: str, segment: Segment, text: str) -> str:
    if not text.strip():
        return str(escape(text))
    kind = _CLASSES.get(segment.kind, "edit")
    title = _TITLES.get(segment.kind, f"{segment.kind}: edited text")
    body, space = text.rstrip(), text[len(text.rstrip()) :]
    return f'<{tag} class="{kind}" data-kind="{segment.kind}" title="{title}">{escape(body)}</{tag}>{escape(space)}'


def inline_html(diff: Diff) -> Markup:
    """Render a diff as one text: deletions then insertions, redactions and revelations apart."""
    parts = []
    for segment in diff.segments:
        if segment.kind == EQUAL:
            parts.append(str(escape(segment.new)))
        else:
            parts.append(
                _mark("del", segment, segment.old) + _mark("ins", segment, segment.new)
            )
    return Markup("".join(parts))


_PARAGRAPH_BREAK_PATTERN = re.compile(r"\n[ \t]*\n\s*")


def side_rows(diff: Diff) -> list[tuple[Markup, Markup]]:
    """Render a diff as (old, new) rows, cut at the paragraph breaks both sides share."""
    rows: list[tuple[Markup, Markup]] = []
    left: list[str] = []
    right: list[str] = []
    for segment in diff.segments:
        if segment.kind != EQUAL:
            left.append(_mark("del", segment, segment.old))
            right.append(_mark("ins", segment, segment.new))
            continue
        old_parts = _PARAGRAPH_BREAK_PATTERN.split(segment.old)
        new_parts = _PARAGRAPH_BREAK_PATTERN.split(segment.new)
        if len(old_parts) != len(new_parts):
            old_parts, new_parts = [segment.old], [segment.new]
        for index, (old, new) in enumerate(zip(old_parts, new_parts, strict=True)):
            if index:
                rows.append((Markup("".join(left)), Markup("".join(right))))
                left, right = [], []
            left.append(str(escape(old)))
            right.append(str(escape(new)))
    if left or right:
        rows.append((Markup("".join(left)), Markup("".join(right))))
    return rows
