"""Tell which published form a file is in, from its name and first bytes."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

FORMATS: tuple[str, ...] = (
    "page",
    "csv",
    "json",
    "fragment",
    "text",
    "pdf",
    "seed",
    "idlist",
)

# Browse pages of the cable site: listings, not cables.
_BROWSE_DIRS = frozenset(
    {"tag", "origin", "date", "reldate", "classification", "articles", "static"}
)

_ID_NAME_PATTERN = re.compile(r"^\d{2}[0-9A-Z]*[A-Z][0-9A-Z]*\d+$")


def looks_like_id(stem: str) -> bool:
    """Return True if a file stem has the shape of a cable reference ID."""
    return bool(_ID_NAME_PATTERN.match(stem))


def detect_format(name: str, head: bytes) -> str | None:
    """Return the form (one of FORMATS) of a file, or None if it is not a cable form.

    ``name`` is the file's path (inside its container if any); ``head`` its
    first few kilobytes.
    """
    path = PurePosixPath(name.replace("\\", "/"))
    head = head.lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-"):
        return "pdf"
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return _detect_html(path, head)
    text = head.decode("latin-1")
    for check in (
        _detect_csv,
        _detect_json,
        _detect_idlist,
        _detect_fragment,
        _detect_seed,
        _detect_text,
    ):
        form = check(text)
        if form:
            return form
    return None


def _detect_html(path: PurePosixPath, head: bytes) -> str | None:
    if _BROWSE_DIRS.intersection(part.lower() for part in path.parts[:-1]):
        return None
    if looks_like_id(path.stem):
        return "page"
    if b"<title>Cable Viewer</title>" in head and path.stem not in {
        "index",
        "cablegate",
    }:
        return "page"
    if head.lstrip().startswith((b"<code><pre>", b"Appears in these articles")):
        return "fragment"
    return None


_CSV_HEAD_PATTERN = re.compile(
    r'^(?:"\r?\n)?"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}","'
)


def _detect_csv(text: str) -> str | None:
    return "csv" if _CSV_HEAD_PATTERN.match(text) else None


_JSON_HEAD_PATTERN = re.compile(r'^\s*\{[^\n]*"(?:reference_id|_id)"\s*:')


def _detect_json(text: str) -> str | None:
    return "json" if _JSON_HEAD_PATTERN.match(text) and '"body"' in text else None


_IDLIST_LINE_PATTERN = re.compile(r"^\d{2}[0-9A-Z]*[A-Z][0-9A-Z]*\d+,\d{1,2}\r?$")


def _detect_idlist(text: str) -> str | None:
    lines = text.split("\n")[:20]
    whole = [line for line in lines[:-1] if line] or lines
    return (
        "idlist"
        if whole and all(_IDLIST_LINE_PATTERN.match(line) for line in whole)
        else None
    )


def _detect_fragment(text: str) -> str | None:
    return (
        "fragment"
        if text.lstrip().startswith(("<code><pre>", "Appears in these articles"))
        else None
    )


_SEED_HEAD_PATTERN = re.compile(r"^US embassy cable - |^Identifier: ", re.MULTILINE)


def _detect_seed(text: str) -> str | None:
    return "seed" if _SEED_HEAD_PATTERN.search(text) and "\nCreated: " in text else None


_TEXT_HEAD_PATTERN = re.compile(
    r"^(?:VZCZC|This record is a partial extract|[OPRZ]{1,2} \d{6}Z [A-Z]{3} \d{2}\b|INFO +LOG-|ACTION [A-Z]+-\d"
    r"|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE"
    r"|C O N F I D E N T I A L|S E C R E T|U N C L A S)",
)


def _detect_text(text: str) -> str | None:
    return "text" if _TEXT_HEAD_PATTERN.match(text.lstrip()) else None
