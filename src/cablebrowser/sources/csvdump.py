"""Read ``cables.csv`` (the September 2011 dump) row by row, in constant memory.

Eight columns, every field double-quoted, quotes and newlines escaped with a
backslash, no header: number, created (``M/D/YYYY H:MM``), reference ID,
origin, classification, references (``|``-separated), header, body. Some
copies start with a stray ``"`` line, which is skipped. A row with the wrong
number of fields or invalid UTF-8 becomes a Skipped naming its line. A file
cut off mid-row ends in an unterminated last field: when that row still has
all eight fields its text is kept, flagged ``extra["cut_off"]``, because the
part that survived is real text; a row cut off earlier is a Skipped.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sys
from collections.abc import Iterator
from datetime import datetime

from ..record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from .container import Member

_COLUMNS = 8

# Some bodies exceed csv's default 128 KiB field limit.
csv.field_size_limit(sys.maxsize)


class _LineCounter:
    """Iterate text lines, remembering the last non-blank one (to spot an unclosed quote)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.last = ""

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if line.strip():
            self.last = line
        return line


def read_csv(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield one record (or Skipped) per row of a cables.csv file."""
    # surrogateescape keeps bad bytes visible per row instead of failing the whole file.
    text = io.TextIOWrapper(
        member.stream, encoding="utf-8", errors="surrogateescape", newline=""
    )
    first = text.readline()
    lines = _LineCounter(_chain_first(first, text))
    offset = 1 if first.strip() == '"' else 0
    reader = csv.reader(lines, escapechar="\\")
    held: tuple[int, list[str]] | None = None
    # Hold one row back: only at the end is it known whether the last row was cut off.
    for line, row in _rows(reader, offset):
        if isinstance(row, str):
            yield Skipped(member.source, f"unreadable CSV at line {line}: {row}")
            continue
        if held is not None:
            yield _row_item(member, *held)
        held = (line, row)
    if held is not None:
        yield _last_row_item(member, held[0], held[1], lines.last)


def _rows(
    reader: Iterator[list[str]], offset: int
) -> Iterator[tuple[int, list[str] | str]]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield reader.line_num + offset, str(error)  # type: ignore[attr-defined]
            continue
        if row:
            yield reader.line_num + offset, row  # type: ignore[attr-defined]


def _chain_first(first: str, rest: io.TextIOWrapper) -> Iterator[str]:
    if first.strip() != '"':
        yield first
    yield from rest


def _last_row_item(
    member: Member, line: int, row: list[str], last_line: str
) -> SourceRecord | Skipped:
    item = _row_item(member, line, row)
    if last_line.rstrip("\r\n").endswith('"'):
        return item
    if isinstance(item, Skipped):
        reason = f"row ending at line {line} is cut off (unterminated quote)"
        return Skipped(member.source, reason, item.reference_id)
    return dataclasses.replace(item, extra={**item.extra, "cut_off": "true"})


def _row_item(member: Member, line: int, row: list[str]) -> SourceRecord | Skipped:
    reference_id = row[2] if len(row) > 2 else None
    if len(row) != _COLUMNS:
        return Skipped(
            member.source,
            f"row ending at line {line} has {len(row)} fields, not {_COLUMNS}",
            reference_id,
        )
    if any(_has_bad_bytes(value) for value in row):
        return Skipped(
            member.source, f"row ending at line {line} has invalid UTF-8", reference_id
        )
    if not reference_id:
        return Skipped(member.source, f"row ending at line {line} has no reference ID")
    return _record(member, line, row)


def _has_bad_bytes(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def _record(member: Member, line: int, row: list[str]) -> SourceRecord:
    number, created, reference_id, origin, classification, references, header, body = (
        row
    )
    is_partial = header.strip().startswith("This record is a partial extract")
    return SourceRecord(
        reference_id=reference_id.strip(),
        form=Form.CSV,
        source=member.source,
        body=body,
        header=PARTIAL_BANNER if is_partial else (header or None),
        created=parse_csv_datetime(created),
        classification=classification.strip() or None,
        origin=origin.strip() or None,
        release=member.release,
        is_partial=is_partial,
        references=tuple(ref.strip() for ref in references.split("|") if ref.strip()),
        extra={"row": number, "line": str(line)},
    )


def parse_csv_datetime(value: str) -> datetime | None:
    """Parse a cables.csv date, ``M/D/YYYY H:MM`` (no zero padding), or return None."""
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y %H:%M")
    except ValueError:
        return None
