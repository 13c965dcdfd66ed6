"""Plain-text cables (full telegrams) and seed-form pages."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.record import PARTIAL_BANNER, Form
from cablebrowser.sources.text import guess_id, split_telegram
from tests.conftest import SEED
from tests.sources.conftest import BROKEN, only_record

CONVERTED = "pdf-and-text-sample_paul-mathieu/data-sample/cablegate-converted"


def test_latin1_crlf_telegram(extracted: Path) -> None:
    record = only_record(extracted / CONVERTED / "09PARIS1007.txt")
    assert record.form is Form.TEXT
    assert record.reference_id == "09PARIS1007"
    assert record.extra["encoding"] == "latin-1"
    assert record.header is not None and record.header.startswith(
        "VZCZCXRO5911\nOO RUEHDBU"
    )
    assert record.header.endswith("RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY")
    assert "FM AMEMBASSY PARIS\n" in record.header
    assert record.body is not None and record.body.startswith(
        "CONFIDENTIAL PARIS 001007 \n"
    )
    assert "\n¶1. (C) Summary:" in record.body
    assert "\r" not in record.body and record.body.rstrip().endswith("PEKALA")


def test_telegram_with_acp126_header(extracted: Path) -> None:
    record = only_record(extracted / CONVERTED / "09USEUBRUSSELS1177.txt")
    assert record.header is not None and record.header.startswith("INFO  LOG-00")
    assert record.header.endswith("US CUSTOMS AND BORDER PROTECTION WASHINGTON DC")
    assert record.body is not None and record.body.startswith(
        "UNCLAS USEU BRUSSELS 001177"
    )


TELEGRAMS = [
    (
        "O 241555Z JUL 09\nFM AMEMBASSY PARIS\nTO SECSTATE\nCONFIDENTIAL PARIS 001007\nTEXT",
        "O 241555Z JUL 09\nFM AMEMBASSY PARIS\nTO SECSTATE",
        "CONFIDENTIAL PARIS 001007\nTEXT",
        "09PARIS1007",
    ),
    ("UNCLAS NEW DELHI 005135\nTEXT", None, "UNCLAS NEW DELHI 005135\nTEXT", None),
    (
        "R 131830Z JUN 00\nFM AMEMBASSY DAMASCUS\nTO SECSTATE",
        "R 131830Z JUN 00\nFM AMEMBASSY DAMASCUS\nTO SECSTATE",
        "",
        None,
    ),
    (
        "VZCZC\nP 211200Z FEB 07\nFM AMEMBASSY BOGOTA\nC O N F I D E N T I A L SECTION 01 OF 02 BOGOTA 001232\nX",
        "VZCZC\nP 211200Z FEB 07\nFM AMEMBASSY BOGOTA",
        "C O N F I D E N T I A L SECTION 01 OF 02 BOGOTA 001232\nX",
        "07BOGOTA1232",
    ),
]


@pytest.mark.parametrize(
    ("text", "header", "body", "reference_id"),
    TELEGRAMS,
    ids=["header-and-body", "body-only", "header-only", "spaced-classification"],
)
def test_split_telegram(
    text: str, header: str | None, body: str, reference_id: str | None
) -> None:
    assert split_telegram(text) == (header, body)
    assert guess_id(header, body) == reference_id


def test_id_guessed_from_text_when_name_is_not_an_id(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    path.write_bytes((BROKEN / "latin1_cable.txt").read_bytes())
    record = only_record(path)
    assert record.reference_id == "09PARIS1007"
    assert record.release == "cable"  # not named like an ID: a release of its own


def test_seed_page() -> None:
    record = only_record(SEED)
    assert record.form is Form.SEED
    assert record.reference_id == "05ALMATY3603"
    assert record.origin == "US Office Almaty"
    assert record.created == datetime(2005, 10, 5, 8, 34)
    assert record.classification == "CONFIDENTIAL"
    assert record.release == "cablebrowser-2"
    assert record.released == datetime(2011, 10, 4)
    assert record.is_partial is True and record.header == PARTIAL_BANNER
    assert record.subject == "KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV"
    assert record.extra["tags"] == "KZ PGOV PHUM PREL POLITICAL"
    assert record.extra["redacted"] == "This cable was not redacted by Wikileaks."
    assert record.body is not None and record.body.startswith(
        "C O N F I D E N T I A L  ALMATY 003603"
    )
    assert record.body.rstrip().endswith("NNNN")
    assert "Latest source" not in record.body and "Identifier:" not in record.body
