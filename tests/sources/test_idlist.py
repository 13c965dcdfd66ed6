"""The list of all cable IDs with their month."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

from cablebrowser.record import Form, Skipped, SourceRecord
from cablebrowser.sources import read
from tests.sources.conftest import read_items

CABLE2MONTH = "cable2month_heuer-cablemap.csv.gz"


def test_first_ids_of_the_real_list(shared_data: Path) -> None:
    first = list(itertools.islice(read(shared_data / CABLE2MONTH), 3))
    assert all(
        isinstance(item, SourceRecord) and item.form is Form.IDLIST for item in first
    )
    assert all(item.body is None and len(item.extra["month"]) == 2 for item in first)  # type: ignore[union-attr]
    assert all(item.source == str(shared_data / CABLE2MONTH) for item in first)


@pytest.mark.slow
def test_whole_real_list(shared_data: Path) -> None:
    items = list(read(shared_data / CABLE2MONTH))
    assert len(items) == 251_287
    assert all(isinstance(item, SourceRecord) for item in items)
    found = {
        item.reference_id: item.extra["month"]
        for item in items
        if item.reference_id == "66BUENOSAIRES2481"
    }  # type: ignore[union-attr]
    assert found == {"66BUENOSAIRES2481": "12"}


def test_small_list_with_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv.gz"
    path.write_bytes(
        gzip.compress(
            b"66BUENOSAIRES2481,12\n72TEHRAN1164,2\nnot a line\n09PARIS1007,13\n"
        )
    )
    items = read_items(path, format="idlist")
    assert [item.reference_id for item in items if isinstance(item, SourceRecord)] == [
        "66BUENOSAIRES2481",
        "72TEHRAN1164",
    ]
    assert items[1].extra["month"] == "02"  # type: ignore[union-attr]
    reasons = [item.reason for item in items if isinstance(item, Skipped)]
    assert [reason.split(" is ")[0] for reason in reasons] == ["line 3", "line 4"]
