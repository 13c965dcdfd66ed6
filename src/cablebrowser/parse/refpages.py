"""Page debris inside REF blocks: page-break lines and inline page headers.

Page copies of long cables repeat a header line at every page break, and a REF list
that runs over a break carries it (cable-format.md §3.7). ``refs`` asks whether a line
is such debris; ``refitems`` drops it before reading the items.
"""

from __future__ import annotations

import re

__all__ = ["PAGE_LINE_PATTERN", "clean_block"]

PAGE_LINE_PATTERN = re.compile(
    r"^\s*(?:PAGE\s+\d+\s+[^\n]*?\d{6}Z"
    r"|[A-Z][A-Z ]*\s+\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}"
    r"|\d{3}(?:\.\d)?\s+OF\s+\d{3}"
    r"|[A-Z][A-Z ]*\s+\d{8}"
    r"|(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SIPDIS|NOFORN)(?:\s+SECTION.*)?"
    r")\s*$"
)
_INLINE_PAGE_PATTERN = re.compile(
    r"\bPAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{4,8}(?:\s+\d\d\s+OF\s+\d\d)?\s+\d{6}Z\b|"
    r"\b[A-Z][A-Z ]*?\s+\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b"
)


# ``PAGE_LINE_PATTERN`` over a whole block: finds a match exactly if some line has one.
_ANY_PAGE_LINE_PATTERN = re.compile(
    PAGE_LINE_PATTERN.pattern.replace(r"\s", r"[^\S\n]"), re.MULTILINE
)
# Every inline page break holds ``PAGE`` or this.
_PAGE_OF_PATTERN = re.compile(r"OF\s+\d{3}")


def clean_block(block: str) -> str:
    """Drop page-break and caption lines and pilcrows; keep line breaks as item hints."""
    if _ANY_PAGE_LINE_PATTERN.search(block):
        lines = block.split("\n")
        block = "\n".join(line for line in lines if not PAGE_LINE_PATTERN.match(line))
    text = block.replace("¶", " ")
    if "PAGE" in text or _PAGE_OF_PATTERN.search(text):
        text = _INLINE_PAGE_PATTERN.sub(" ", text)
    return text.replace("\t", " ")
