"""cables.csv rows: quoting, dates, references, bad rows, and lazy reading."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.record import Form, Skipped, SourceRecord
from cablebrowser.sources import read
from cablebrowser.sources.container import Member
from cablebrowser.sources.csvdump import parse_csv_datetime, read_csv, write_csv
from tests.sources.conftest import BROKEN, read_items, records

GAVIN = "cables-csv-first-rows_gavinmendelgleason-mapper.csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/28/1966 18:48", datetime(1966, 12, 28, 18, 48)),
        ("2/25/1972 9:30", datetime(1972, 2, 25, 9, 30)),
        ("3/4/1975 11:25", datetime(1975, 3, 4, 11, 25)),
        ("not a date", None),
        ("", None),
    ],
    ids=["padded-hour", "no-padding", "single-digit-day", "garbage", "empty"],
)
def test_csv_dates(text: str, expected: datetime | None) -> None:
    assert parse_csv_datetime(text) == expected


def test_first_rows_file(shared_data: Path) -> None:
    rows = records(shared_data / GAVIN)
    assert [row.reference_id for row in rows] == ["66BUENOSAIRES2481", "72TEHRAN1164"]
    first, second = rows
    assert first.form is Form.CSV
    assert first.created == datetime(1966, 12, 28, 18, 48)
    assert second.created == datetime(1972, 2, 25, 9, 30)
    assert (
        first.classification == "UNCLASSIFIED"
        and first.origin == "Embassy Buenos Aires"
    )
    assert first.references == ("66STATE106206",)
    assert second.references == ("72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263")
    assert first.header is not None and first.header.startswith(
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES"
    )
    assert (
        first.body is not None
        and 'OF "PREFERENTIAL JURISDICTION" FOR FISHING' in first.body
    )
    assert "\\" not in first.body
    assert first.released is None and first.build is None


def test_rows_with_stray_first_line_and_cut_off_end(extracted: Path) -> None:
    path = extracted / "cables-json-and-csv-rows_none-later/wikileaks/aa"
    items = read_items(path)
    rows = [item for item in items if isinstance(item, SourceRecord)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert len(rows) == 37 and not skipped
    assert rows[0].reference_id == "66BUENOSAIRES2481" and rows[0].extra["row"] == "1"
    assert [row.extra["row"] for row in rows] == [
        str(number) for number in range(1, 38)
    ]
    assert {"73TEHRAN8233", "79TEHRAN11319", "85BEIRUT172", "85GABORONE97"} <= {
        row.reference_id for row in rows
    }
    last = rows[-1]
    assert last.reference_id == "85CAIRO6360" and last.extra["cut_off"] == "true"
    assert last.body and "cut_off" not in rows[-2].extra


def test_wrong_field_count_row_is_skipped_with_its_line() -> None:
    items = read_items(BROKEN / "wrong_fields.csv")
    assert [type(item) for item in items] == [SourceRecord, Skipped, SourceRecord]
    assert items[1] == Skipped(
        str(BROKEN / "wrong_fields.csv"),
        "row ending at line 5 has 7 fields, not 8",
        "72TEHRAN1164",
    )
    assert items[0].body == 'UNCLASSIFIED BUENOS AIRES 2481 "QUOTED" \nSACCIO \n'  # type: ignore[union-attr]
    assert items[2].references == ("72TEHRAN1091", "72MOSCOW1603")  # type: ignore[union-attr]


class _RowSource(io.RawIOBase):
    """A CSV file made on demand, row by row, counting how many rows were produced."""

    def __init__(self, total: int) -> None:
        self.produced = 0
        self._rows = self._generate(total)
        self._pending = b""

    def _generate(self, total: int) -> Iterator[bytes]:
        for number in range(1, total + 1):
            self.produced = number
            yield (
                f'"{number}","1/2/2005 3:04","05TEST{number}","Embassy Test","UNCLASSIFIED","",'
                f'"HEADER","UNCLAS TEST {number} \\"Q\\" \nLINE TWO \n"\n'
            ).encode()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            self._pending = next(self._rows, b"")
            if not self._pending:
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def test_csv_reading_is_lazy() -> None:
    source = _RowSource(20_000)
    member = Member(
        "cables.csv", "generated.csv", None, io.BufferedReader(source), True
    )
    items = read_csv(member)
    first = next(items)
    assert isinstance(first, SourceRecord) and first.reference_id == "05TEST1"
    assert first.body == 'UNCLAS TEST 1 "Q" \nLINE TWO \n'
    assert source.produced < 200  # only a buffer's worth of 20,000 rows has been made
    rest = list(items)
    assert source.produced == 20_000
    assert len(rest) == 19_999 and all(isinstance(item, SourceRecord) for item in rest)


def test_generated_csv_file_reads_lazily_through_read(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    with path.open("wb") as handle:
        source = _RowSource(20_000)
        while chunk := source.read(1 << 16):
            handle.write(chunk)
    iterator = read(path)
    first = next(iterator)
    assert isinstance(first, SourceRecord) and first.reference_id == "05TEST1"
    assert sum(1 for _ in iterator) == 19_999


def _member(data: bytes) -> Member:
    return Member(
        "cables.csv", "memory.csv", None, io.BufferedReader(io.BytesIO(data)), True
    )


_ROW = (
    '"1","1/2/2005 3:04","05TEST1","Embassy Test","UNCLASSIFIED","","HEADER","BODY \n'
)


@pytest.mark.parametrize(
    ("ending", "cut_off"),
    [
        ('"\n', False),
        ('"\n\n\n', False),
        ('"\r\n', False),
        ('"  \n', True),
        ("MORE TEXT\n", True),
        ("MORE TEXT", True),
    ],
    ids=[
        "closed",
        "closed-then-blank-lines",
        "crlf",
        "trailing-spaces",
        "open",
        "open-no-newline",
    ],
)
def test_last_row_is_cut_off_only_without_its_closing_quote(
    ending: str, cut_off: bool
) -> None:
    items = list(read_csv(_member((_ROW + ending).encode())))
    assert len(items) == 1 and isinstance(items[0], SourceRecord)
    assert ("cut_off" in items[0].extra) is cut_off


def test_cut_off_is_seen_across_read_chunks() -> None:
    # The closing quote ends the last of many 64 KiB chunks, blank lines after it.
    body = "X" * 200_000
    data = (_ROW.replace("BODY \n", body) + '"' + "\n" * 70_000).encode()
    (item,) = read_csv(_member(data))
    assert isinstance(item, SourceRecord) and "cut_off" not in item.extra
    assert item.body == body


def test_row_with_non_ascii_text_is_kept_and_bad_bytes_are_not() -> None:
    good = _ROW.replace("BODY", "BODY É ¶").encode() + b'"\n'
    bad = (
        _ROW.replace("05TEST1", "05TEST2").encode().replace(b"BODY", b"BODY \xff")
        + b'"\n'
    )
    items = list(read_csv(_member(good + bad)))
    assert isinstance(items[0], SourceRecord) and "É ¶" in (items[0].body or "")
    assert isinstance(items[1], Skipped) and "invalid UTF-8" in items[1].reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  12/28/1966 18:48 ", datetime(1966, 12, 28, 18, 48)),
        ("1/2/1966 3:5", datetime(1966, 1, 2, 3, 5)),
        ("13/2/1966 3:05", None),
        ("2/30/1966 3:05", None),
    ],
)
def test_csv_dates_fast_path_agrees_with_strptime(
    text: str, expected: datetime | None
) -> None:
    assert parse_csv_datetime(text) == expected


def test_written_rows_read_back_unchanged(tmp_path: Path) -> None:
    body = 'SUBJECT: "QUOTED" \\ BACKSLASH\n\n1. A, B;\r\nC "D"\n'
    rows = [
        ["1", "1/2/2005 3:04", "05TEST1", "Embassy Test", "SECRET", "", "HEAD", body],
        ["2", "1/2/2005 3:05", "05TEST2", "Embassy Test", "UNCLASSIFIED", "", "", "X"],
    ]
    path = tmp_path / "cables.csv"
    assert write_csv(path, rows) == path.stat().st_size
    items = list(read(path))
    assert [item.reference_id for item in items] == ["05TEST1", "05TEST2"]
    first = items[0]
    assert isinstance(first, SourceRecord)
    assert (first.body, first.header, first.classification) == (body, "HEAD", "SECRET")


def _csv_module_rows(data: str) -> list[list[str]]:
    return [
        row for row in csv.reader(io.StringIO(data, newline=""), escapechar="\\") if row
    ]


def _row(*fields: str) -> str:
    return ",".join(f'"{field}"' for field in fields) + "\n"


_PLAIN = _row(
    "1", "1/2/2003 4:05", "03ROME1", "Embassy Rome", "SECRET", "", "H", "body"
)


@pytest.mark.parametrize(
    "data",
    [
        _PLAIN * 3,
        "\n" + _PLAIN + "\n\n" + _PLAIN,
        _row("1", "d", "03ROME1", "O", "C", "", "H", 'a \\"q\\" b\\\\') + _PLAIN,
        _row("1", "d", "03ROME1", "O", "C", "", "H", 'x\\\\\\"y\\n\\\nz') + _PLAIN,
        _PLAIN
        + _row("1", "2", "3")
        + _PLAIN,  # another width: the csv module from there on
        _PLAIN + _PLAIN.replace("\n", "\r\n") + _PLAIN,
        _PLAIN + _row("1", "d", "03ROME1", "O", "C", "", "H", 'a""b') + _PLAIN,
        _PLAIN + _PLAIN[:-12],  # cut off
    ],
    ids=[
        "plain",
        "blank-lines",
        "escapes",
        "escaped-backslashes",
        "width",
        "crlf",
        "doubled-quote",
        "cut-off",
    ],
)
def test_rows_cut_directly_match_the_csv_module(data: str) -> None:
    member = Member("cables.csv", "x.csv", None, io.BytesIO(data.encode()), True)
    items = list(read_csv(member))
    expected = _csv_module_rows(data)
    assert len(items) == len(expected)
    for item, row in zip(items, expected, strict=True):
        if isinstance(item, SourceRecord):
            assert (item.reference_id, item.body, item.extra["row"]) == (
                row[2],
                row[7],
                row[0],
            )
        else:
            assert item.reference_id == (row[2] if len(row) > 2 else None)


def test_rows_cut_directly_keep_their_line_numbers() -> None:
    data = (
        _PLAIN + "\n" + _row("2", "d", "03ROME2", "O", "C", "", "H", "a\nb\nc") + _PLAIN
    )
    lines = [
        item.extra["line"]
        for item in read_csv(
            Member("c.csv", "c.csv", None, io.BytesIO(data.encode()), True)
        )
        if isinstance(item, SourceRecord)
    ]
    assert lines == ["1", "5", "6"]
