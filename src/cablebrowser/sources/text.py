"""Read plain-text cables and pages in the seed's plain-text page form.

A plain-text cable is the whole telegram: an optional transmission header
(``VZCZC…``, ``DE``, DTG, ``FM``, ``TO``, ``INFO`` lines) and then the text,
which starts at the classification line. Files are UTF-8 or Latin-1 (the
fallback is stated in ``extra["encoding"]``), CRLF or LF. The ID comes from
the file name when it is one, else from the classification line and the DTG.

A seed-form page has a title, "Identifier:", "Origin:", "Created:",
"Classification:", "Tags:", "Redacted:" lines, an optional partial-extract
note, the text, and "Latest source of this page is <release>, released
<date>".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath

from ..record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from .container import Member
from .decode import decode_utf8, decode_utf8_or_latin1, read_all
from .detect import looks_like_id

_BANNER_START = "This record is a partial extract"


def read_text(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield the cable of a plain-text file (full telegram or text only)."""
    data = read_all(member.stream, member.source)
    if isinstance(data, Skipped):
        yield Skipped(data.source, data.reason, id_from_name(member.name))
        return
    text, encoding = decode_utf8_or_latin1(data)
    yield telegram_record(
        member, normalise_newlines(text), Form.TEXT, {"encoding": encoding}
    )


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def id_from_name(name: str) -> str | None:
    """Return the file stem if it is a cable reference ID."""
    stem = PurePosixPath(name).stem
    return stem if looks_like_id(stem) else None


def telegram_record(
    member: Member, text: str, form: Form, extra: dict[str, str]
) -> SourceRecord | Skipped:
    """Build a record from a whole telegram's text: banner, header, body, ID."""
    is_partial, text = _strip_banner(text)
    header, body = split_telegram(text)
    reference_id = id_from_name(member.name) or guess_id(header, body)
    if reference_id is None:
        return Skipped(member.source, "no reference ID in the file name or the text")
    if not body.strip() and not (header or "").strip():
        return Skipped(member.source, "no cable text", reference_id)
    if not body.strip():
        # Some copies hold only the transmission header; it is still that cable's text.
        extra = {**extra, "note": "only a transmission header"}
    if is_partial:
        header = PARTIAL_BANNER + ("\n" + header if header else "")
    return SourceRecord(
        reference_id=reference_id,
        form=form,
        source=member.source,
        body=body,
        header=header,
        release=member.release,
        is_partial=is_partial,
        extra=extra,
    )


def _strip_banner(text: str) -> tuple[bool, str]:
    stripped = text.lstrip()
    if not stripped.startswith(_BANNER_START):
        return False, text
    _, _, rest = stripped.partition("\n")
    return True, rest


_BODY_START_PATTERN = re.compile(
    r"^\s*(?:UNCLAS\b|UNCLASSIFIED\b|CONFIDENTIAL\b|SECRET\b|LIMITED OFFICIAL USE\b"
    r"|C O N F I D E N T I A L|S E C R E T|U N C L A S)",
)
_HEADER_START_PATTERN = re.compile(
    r"^(?:VZCZC|[OPRZ]{1,2} \d{6}Z [A-Z]{3} \d{2}\b|FM |INFO +LOG-|ACTION [A-Z]+-\d)"
)
_HEADER_LINES = 150


def split_telegram(text: str) -> tuple[str | None, str]:
    """Split a telegram into (transmission header or None, body).

    The body starts at the first classification line after an ``FM`` line
    near the top; text that opens with its classification line is all body,
    and text that opens like a header but never reaches a body is all header.
    """
    lines = text.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if _BODY_START_PATTERN.match(lines[first]):
        return None, text.strip("\n")
    seen_from = False
    for index in range(first, min(len(lines), first + _HEADER_LINES)):
        seen_from = seen_from or lines[index].startswith("FM ")
        if seen_from and _BODY_START_PATTERN.match(lines[index]):
            return "\n".join(lines[first:index]).rstrip() or None, "\n".join(
                lines[index:]
            ).strip("\n")
    if _HEADER_START_PATTERN.match(lines[first].strip()):
        return text.strip("\n"), ""
    return None, text.strip("\n")


_CLASS_LINE_PATTERN = re.compile(
    r"^\s*(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)"
    r"(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+([A-Z][A-Z ]*?[A-Z])\s+0*(\d+)\s*$",
    re.MULTILINE,
)
_DTG_YEAR_PATTERN = re.compile(r"\b\d{6}Z\s+[A-Z]{3}\s+(\d{2})\b")


def guess_id(header: str | None, body: str) -> str | None:
    """Guess the reference ID from the classification line and the DTG year."""
    line = _CLASS_LINE_PATTERN.search(body[:2000])
    year = _DTG_YEAR_PATTERN.search(header or "")
    if line is None or year is None:
        return None
    return f"{year.group(1)}{line.group(1).replace(' ', '')}{int(line.group(2))}"


def read_seed(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield the cable of a page in the seed's plain-text page form."""
    data = read_all(member.stream, member.source)
    text = data if isinstance(data, Skipped) else decode_utf8(data, member.source)
    if isinstance(text, Skipped):
        yield Skipped(text.source, text.reason, id_from_name(member.name))
        return
    yield _seed_record(member, normalise_newlines(text))


_SEED_FIELD_PATTERN = re.compile(
    r"^(Identifier|Wikileaks|Origin|Created|Classification|Tags|Redacted): ?(.*)$"
)
_SEED_FOOTER_PATTERN = re.compile(
    r"\n?Latest source of this page is (\S+?),? released (\d{4}-\d{2}-\d{2})\s*$"
)


def _seed_record(member: Member, text: str) -> SourceRecord | Skipped:
    footer = _SEED_FOOTER_PATTERN.search(text)
    if footer is not None:
        text = text[: footer.start()]
    lines = text.split("\n")
    fields, start = _seed_fields(lines)
    reference_id = fields.get("Identifier") or id_from_name(member.name)
    if not reference_id:
        return Skipped(member.source, "seed-form page without an Identifier line")
    is_partial = start < len(lines) and lines[start].startswith(_BANNER_START)
    body = "\n".join(lines[start + int(is_partial) :]).strip("\n")
    if not body.strip():
        return Skipped(member.source, "seed-form page without cable text", reference_id)
    return SourceRecord(
        reference_id=reference_id,
        form=Form.SEED,
        source=member.source,
        body=body,
        header=PARTIAL_BANNER if is_partial else None,
        created=_seed_datetime(fields.get("Created", "")),
        released=_seed_datetime(footer.group(2)) if footer else None,
        classification=fields.get("Classification") or None,
        origin=fields.get("Origin") or None,
        subject=_seed_subject(lines),
        release=footer.group(1) if footer else member.release,
        is_partial=is_partial,
        extra={
            key.lower(): fields[key] for key in ("Tags", "Redacted") if fields.get(key)
        },
    )


def _seed_fields(lines: list[str]) -> tuple[dict[str, str], int]:
    """Return the metadata fields and the index of the first line after them."""
    fields: dict[str, str] = {}
    end = 0
    for index, line in enumerate(lines):
        match = _SEED_FIELD_PATTERN.match(line)
        if match:
            fields[match.group(1)] = match.group(2).strip()
            end = index + 1
        elif fields:
            break
    return fields, end


def _seed_subject(lines: list[str]) -> str | None:
    """Return the title line: the last non-blank line before the Identifier line."""
    before: list[str] = []
    for line in lines:
        if line.startswith("Identifier:"):
            break
        if line.strip() and not line.startswith(("US embassy cable", "Disclaimer:")):
            before.append(line.strip())
    return before[-1] if before else None


def _seed_datetime(value: str) -> datetime | None:
    for layout in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), layout)
        except ValueError:
            continue
    return None
