"""Read ``cables.csv`` (the September 2011 dump) row by row, in constant memory; write one.

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
import itertools
import operator
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Literal

from ..record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from .container import Member

_COLUMNS = 8

# Some bodies exceed csv's default 128 KiB field limit.
csv.field_size_limit(sys.maxsize)


# The line ends of a file opened with newline="", as csv sees them.
_LINE_END_PATTERN = re.compile(r"\r\n|\r|\n")


class _TailKeeper(io.RawIOBase):
    """Pass a byte stream through, keeping its end from the last non-blank chunk on.

    Watching the bytes in chunks rather than every decoded line keeps the
    cost of spotting an unclosed last quote out of the per-row loop.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._tail = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        # Blank chunks after the last non-blank one stay: they end its last line.
        self._tail = data if data.strip() else self._tail + data[:64]
        return len(data)

    def last_line(self) -> str:
        """Return the last non-blank line read so far (its end at least), without line break."""
        text = self._tail.decode("utf-8", "surrogateescape")
        lines = _LINE_END_PATTERN.split(text)
        return next((line for line in reversed(lines) if line.strip()), "")


def read_csv(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield one record (or Skipped) per row of a cables.csv file."""
    # surrogateescape keeps bad bytes visible per row instead of failing the whole file.
    tail = _TailKeeper(member.stream)
    text = io.TextIOWrapper(
        io.BufferedReader(tail, buffer_size=1 << 16),
        encoding="utf-8",
        errors="surrogateescape",
        newline="",
    )
    first = text.readline()
    offset = 1 if first.strip() == '"' else 0
    held: tuple[int, list[str]] | None = None
    # Hold one row back: only at the end is it known whether the last row was cut off.
    for line, row in _plain_rows(text, "" if offset else first, offset):
        if isinstance(row, str):
            yield Skipped(member.source, f"unreadable CSV at line {line}: {row}")
            continue
        if held is not None:
            yield _row_item(member, *held)
        held = (line, row)
    if held is not None:
        yield _last_row_item(member, held[0], held[1], tail.last_line())


_READ_SIZE, _READ_LIMIT = 1 << 14, 1 << 18  # characters per read of the plain-row path
_MORE = None  # the buffer ends inside the row


def _plain_rows(
    text: IO[str], buffer: str, offset: int
) -> Iterator[tuple[int, list[str] | str]]:
    """Yield (line, row) as ``csv.reader`` would, splitting the rows of the dump's plain shape directly.

    A row of eight quoted fields, separated by commas and ended by ``\\n``, is cut
    with ``str.find``: several times cheaper than the csv module's walk over
    every character. At the first thing of another shape (a carriage return,
    a NUL, a row of another width, a cut-off end) the rest goes to ``csv.reader``,
    from the start of that row.
    """
    position = lines = 0
    size = _READ_SIZE // 2
    plain = _is_plain(buffer)
    while plain:
        found = _plain_row(buffer, position)
        if found is _MORE:
            # Reads grow, so that few rows are cut by a read and split again, and
            # the first row still comes after a small read.
            buffer = buffer[position:]
            size = min(2 * size, _READ_LIMIT)
            chunk = text.read(max(size, len(buffer)))
            buffer += chunk
            position, plain = 0, bool(chunk) and _is_plain(chunk)
            continue
        if found is False:
            break
        row, end = found
        lines += buffer.count("\n", position, end)
        if row:
            yield lines + offset, row
        position = end
    # Completed to a line end: csv.reader must be given whole lines.
    rest = io.StringIO(buffer[position:] + text.readline(), newline="")
    reader = csv.reader(itertools.chain(rest, text), escapechar="\\")
    yield from _rows(reader, offset + lines)


_ESCAPE_PATTERN = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = operator.itemgetter(1)  # the escaped character of an _ESCAPE_PATTERN match


def _is_plain(text: str) -> bool:
    # Carriage returns change how lines are counted; csv.reader handles them.
    return "\r" not in text and "\0" not in text


def _plain_row(
    buffer: str, start: int
) -> tuple[list[str], int] | None | Literal[False]:
    """Return the fields of the row at ``start`` and where it ends, ``_MORE``, or False for another shape."""
    if buffer.startswith("\n", start):
        return [], start + 1  # a blank line: csv.reader gives an empty row
    row: list[str] = []
    position = start
    while len(row) < _COLUMNS:
        if position >= len(buffer):
            return _MORE
        if buffer[position] != '"':
            return False
        after = "," if len(row) < _COLUMNS - 1 else "\n"
        close = _closing_quote(buffer, position + 1)
        if close < 0 or close + 1 >= len(buffer):
            return _MORE
        if buffer[close + 1] != after:
            return False
        value = buffer[position + 1 : close]
        row.append(_unescaped(value) if "\\" in value else value)
        position = close + 2
    return row, position


def _unescaped(value: str) -> str:
    """Return a field's text with each backslash escape replaced by the character it escapes."""
    if "\\\\" not in value:
        # The usual escape, an escaped quote, replaced without a call per escape.
        plain = value.replace('\\"', '"')
        if "\\" not in plain:
            return plain
    return _ESCAPE_PATTERN.sub(_ESCAPED, value)


def _closing_quote(buffer: str, start: int) -> int:
    """Return the index of the first quote from ``start`` not escaped by a backslash, or -1."""
    quote = buffer.find('"', start)
    while quote >= 0:
        backslash = quote
        while buffer[backslash - 1] == "\\":
            backslash -= 1
        if (quote - backslash) % 2 == 0:
            return quote
        quote = buffer.find('"', quote + 1)
    return -1


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


def _last_row_item(
    member: Member, line: int, row: list[str], last_line: str
) -> SourceRecord | Skipped:
    item = _row_item(member, line, row)
    if last_line.endswith('"'):
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


_BAD_BYTE_PATTERN = re.compile("[\udc80-\udcff]")


def _has_bad_bytes(value: str) -> bool:
    # Bytes that are not UTF-8 come through as lone surrogates (surrogateescape).
    if value.isascii():
        return False
    try:
        # Encoding runs in C and fails on any surrogate: far cheaper than a pattern search.
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _BAD_BYTE_PATTERN.search(value) is not None
    return False


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


_DATETIME_PATTERN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})")


def parse_csv_datetime(value: str) -> datetime | None:
    """Parse a cables.csv date, ``M/D/YYYY H:MM`` (no zero padding), or return None."""
    value = value.strip()
    # The usual shape is read directly: strptime costs more than the rest of a row.
    found = _DATETIME_PATTERN.fullmatch(value)
    try:
        if found is not None:
            month, day, year, hour, minute = map(int, found.groups())
            return datetime(year, month, day, hour, minute)
        return datetime.strptime(value, "%m/%d/%Y %H:%M")
    except ValueError:
        return None


def write_csv(path: Path, rows: Iterable[list[str]]) -> int:
    """Write eight-field rows in the dump's quoting to ``path``; return the file size.

    The inverse of ``read_csv``: every field quoted, quotes escaped with a
    backslash rather than doubled, ``\\n`` line ends.
    """
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(
            handle,
            quoting=csv.QUOTE_ALL,
            escapechar="\\",
            doublequote=False,
            lineterminator="\n",
        )
        writer.writerows(rows)
    return path.stat().st_size
