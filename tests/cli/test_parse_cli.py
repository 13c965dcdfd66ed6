"""`cablebrowser parse` on the seed page and on bad input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cablebrowser.cli import main
from tests.conftest import SEED

SEED_HEADINGS = [
    "Democratization",
    "Elections",
    "Security",
    "Regional Issues",
    "Partnership with the U.S.",
    "Other Issues",
]


def _seed_record() -> dict:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_metadata() -> None:
    record = _seed_record()
    assert record["reference_id"] == "05ALMATY3603"
    assert record["canonical_id"] == "05ALMATY3603"
    assert record["origin"] == "US Office Almaty"
    assert record["station"] == "ALMATY"
    assert record["created"] == "2005-10-05T08:34:00"
    assert record["classification"] == "CONFIDENTIAL"
    assert record["release"] == "cablebrowser-2"
    assert record["released"].startswith("2011-10-04")


def test_seed_caption_area() -> None:
    record = _seed_record()
    assert record["tags"] == ["KZ", "PGOV", "PHUM", "PREL", "POLITICAL"]
    assert (
        record["subject"] == "KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV"
    )
    assert record["classified_by"] == ["John Ordway"]
    assert record["reasons"] == "1.4 (B) and (D)"
    assert record["declassify_on"] == "2015-10-03"
    assert record["captions"] == ["SIPDIS"]


def test_seed_body_structure() -> None:
    record = _seed_record()
    numbered = [p for p in record["paragraphs"] if p["number"] is not None]
    assert [p["number"] for p in numbered] == list(range(1, 24))
    assert [p["marking"] for p in numbered] == ["C"] * 21 + ["U", "U"]
    headings = list(dict.fromkeys(p["heading"] for p in numbered if p["heading"]))
    assert headings == SEED_HEADINGS
    assert record["signers"] == ["ORDWAY"]
    assert record["is_partial"] is True
    assert record["redactions"] == []


def test_seed_summary_text() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED)])
    assert result.exit_code == 0
    assert "05ALMATY3603" in result.stdout
    assert "Paragraphs:     23" in result.stdout


def test_missing_file_is_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_unreadable_input_exits_1(tmp_path) -> None:
    bad = tmp_path / "junk.bin"
    bad.write_bytes(b"\x00\xff\xfe" * 100)
    result = CliRunner().invoke(main, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.output
