"""The 219-cable JSON-lines dump of the first release."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cablebrowser.record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from tests.sources.conftest import BROKEN, read_items, records

JSON = "cables-json-and-csv-rows_none-later/wikileaks-11-28-10.json"


def test_all_lines_read(extracted: Path) -> None:
    rows = records(extracted / JSON)
    assert len(rows) == 219
    assert len({row.reference_id for row in rows}) == 219
    assert all(row.form is Form.JSON and row.body for row in rows)
    assert [row.extra["line"] for row in rows[:3]] == ["1", "2", "3"]


def test_record_fields(extracted: Path) -> None:
    rows = {row.reference_id: row for row in records(extracted / JSON)}
    ankara = rows["04ANKARA348"]
    assert ankara.created == datetime(2004, 1, 20, 12, 12)
    assert ankara.classification == "CONFIDENTIAL" and ankara.origin == "Embassy Ankara"
    assert ankara.is_partial is True and ankara.header == PARTIAL_BANNER
    assert ankara.body is not None and ankara.body.startswith(
        "C o n f i d e n t i a l section 01 of 04 ankara"
    )
    cape_town = rows["90CAPETOWN97"]
    assert cape_town.is_partial is False
    assert cape_town.header is not None and cape_town.header.startswith(
        "CONFIDENTIALPAGE 01"
    )
    assert {"08MUSCAT565", "09BERLIN1162", "09MUNICH25", "10ANKARA126"} <= rows.keys()


def test_broken_line_is_skipped_and_reading_goes_on() -> None:
    items = read_items(BROKEN / "broken.json")
    assert [type(item) for item in items] == [SourceRecord, Skipped, SourceRecord]
    assert items[1].reason.startswith("line 2 is not valid JSON")  # type: ignore[union-attr]
    assert items[2].reference_id == "09MUNICH25"
