"""Every kind of bad input becomes a Skipped with its reason, and reading goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebrowser.record import Skipped, SourceRecord
from tests.sources.conftest import BROKEN, read_items

# (file in broken/, reasons expected in order, number of records still read)
CASES = [
    ("truncated.tar.xz", ["cannot read file", "archive is corrupt or truncated"], 1),
    ("corrupt.7z", ["cannot read file", "archive is corrupt or truncated"], 0),
    ("not_an_archive.zip", ["archive is corrupt or truncated: BadZipFile"], 0),
    ("10KUWAIT161_truncated.html", ["truncated page"], 0),
    ("10KUWAIT999.html", ["not a cable page"], 0),
    ("PGOV_0.html", ["not a cable page"], 0),
    ("10KUWAIT161_bad_utf8.html", ["invalid UTF-8 at byte"], 0),
    ("wrong_fields.csv", ["row ending at line 5 has 7 fields, not 8"], 2),
    ("cut_off.csv", [], 2),
    ("cut_off_early.csv", ["row ending at line 5 is cut off"], 1),
    ("bad_utf8.csv", ["row ending at line 7 has invalid UTF-8"], 1),
    ("broken.json", ["line 2 is not valid JSON"], 2),
    ("bad.pdf", ["unreadable or damaged PDF"], 1 - 1),
    ("empty.txt", ["empty file"], 0),
    ("latin1_cable.txt", [], 1),
]


@pytest.mark.parametrize(
    ("name", "reasons", "count"), CASES, ids=[name for name, _, _ in CASES]
)
def test_broken_input(name: str, reasons: list[str], count: int) -> None:
    items = read_items(BROKEN / name)
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [
        item.reason[: len(reason)]
        for item, reason in zip(skipped, reasons, strict=True)
    ] == reasons
    assert all(item.source.startswith(str(BROKEN / name)) for item in skipped)
    assert sum(isinstance(item, SourceRecord) for item in items) == count


def test_truncated_archive_keeps_members_before_the_damage() -> None:
    (record,) = [
        item
        for item in read_items(BROKEN / "truncated.tar.xz")
        if isinstance(item, SourceRecord)
    ]
    assert record.reference_id == "10KUWAIT161"
    assert (
        record.source == f"{BROKEN / 'truncated.tar.xz'}!cable/2010/02/10KUWAIT161.html"
    )
    assert record.release == "truncated"


def test_latin1_text_is_decoded_with_a_stated_fallback() -> None:
    (record,) = read_items(BROKEN / "latin1_cable.txt")
    assert isinstance(record, SourceRecord)
    assert record.extra["encoding"] == "latin-1"
    assert record.body is not None and "¶1. (C) Café text." in record.body


def test_whole_broken_folder_reads_to_the_end() -> None:
    items = read_items(BROKEN)
    named = {Path(item.source.split("!")[0]).name for item in items}
    # Inside a container an empty file is reported only when it is named like a cable.
    assert named == {name for name, _, _ in CASES} - {"empty.txt"}


def test_empty_cable_file_in_a_tree_is_reported(tmp_path: Path) -> None:
    (tmp_path / "cables").mkdir()
    (tmp_path / "cables" / "09PARIS1007.txt").write_bytes(b"")
    (tmp_path / "cables" / "notes.txt").write_bytes(b"")
    items = read_items(tmp_path)
    assert items == [
        Skipped(str(tmp_path / "cables" / "09PARIS1007.txt"), "empty file")
    ]
