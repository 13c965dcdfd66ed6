"""Text PDFs of cables."""

from __future__ import annotations

from pathlib import Path

from cablebrowser.record import Form, Skipped, SourceRecord
from tests.sources.conftest import BROKEN, only_record, read_items

PDFS = "pdf-and-text-sample_paul-mathieu/data-sample/cablegate"


def test_pdf_cable(extracted: Path) -> None:
    record = only_record(extracted / PDFS / "00ATHENS1501.pdf")
    assert record.form is Form.PDF
    assert record.reference_id == "00ATHENS1501"
    assert record.header is not None and "FM AMEMBASSY ATHENS" in record.header
    assert record.body is not None and "ATHENS 001501" in record.body.split("\n", 1)[0]
    assert record.extra["pages"] == "1"


def test_pdf_with_only_a_header_keeps_the_header(extracted: Path) -> None:
    items = read_items(extracted / PDFS / "00DAMASCUS3013.pdf")
    assert len(items) == 1 and isinstance(items[0], SourceRecord)
    record = items[0]
    assert record.reference_id == "00DAMASCUS3013" and record.body == ""
    assert record.header is not None and "FM AMEMBASSY DAMASCUS" in record.header
    assert record.extra["note"] == "only a transmission header"


def test_damaged_pdf_is_skipped() -> None:
    items = read_items(BROKEN / "bad.pdf")
    assert items == [Skipped(str(BROKEN / "bad.pdf"), "unreadable or damaged PDF")]
