"""Cable pages of every site build, and body fragments, read from real files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.record import PARTIAL_BANNER, Form, Skipped
from tests.sources.conftest import only_record, read_items

AVILAROMAN = "cablegate-site-2011-04-25_avilaroman_cable-pages/cable"
NOV30 = "cablegate-release-2010-11-30_anarchivist/cable"
DEC22 = "cablegate-release-2010-12-22_anarchivist/cable"
FINAL = "cablegate-site-2011-09-final_markchips_test-set/test-set"
CABLEMAP = "cablemap-test-data_heuer/cablemap.core/tests/data-subject/in"

# (page, reference ID, created, released, classification, origin, build)
PAGES = [
    (
        f"{NOV30}/1966/12/66BUENOSAIRES2481.html",
        "66BUENOSAIRES2481",
        datetime(1966, 12, 28, 18, 6),
        datetime(2010, 11, 28, 18, 6),
        "UNCLASSIFIED",
        "Embassy Buenos Aires",
        290,
    ),
    (
        f"{DEC22}/1966/12/66BUENOSAIRES2481.html",
        "66BUENOSAIRES2481",
        datetime(1966, 12, 28, 18, 6),
        datetime(2010, 11, 28, 18, 6),
        "UNCLASSIFIED",
        "Embassy Buenos Aires",
        1862,
    ),
    (
        f"{AVILAROMAN}/1966/12/66BUENOSAIRES2481.html",
        "66BUENOSAIRES2481",
        datetime(1966, 12, 28, 18, 6),
        datetime(2011, 1, 21, 16, 4),
        "UNCLASSIFIED",
        "Embassy Buenos Aires",
        6693,
    ),
    (
        f"{FINAL}/1966/12/66BUENOSAIRES2481.html",
        "66BUENOSAIRES2481",
        datetime(1966, 12, 28, 18, 48),
        datetime(2011, 8, 30, 1, 44),
        "UNCLASSIFIED",
        "Embassy Buenos Aires",
        251287,
    ),
    (
        f"{CABLEMAP}/07BERN881.html",
        "07BERN881",
        datetime(2007, 9, 11, 9, 9),
        datetime(2011, 3, 14, 6, 6),
        "SECRET",
        "Embassy Bern",
        5529,
    ),
    (
        f"{FINAL}/1975/11/7575LIBREVILLE1895.html",
        "7575LIBREVILLE1895",
        datetime(1975, 11, 18, 12, 5),
        datetime(2011, 8, 30, 1, 44),
        "CONFIDENTIAL",
        "Embassy Libreville",
        251287,
    ),
]


@pytest.mark.parametrize(
    (
        "page",
        "reference_id",
        "created",
        "released",
        "classification",
        "origin",
        "build",
    ),
    PAGES,
    ids=[
        "2010-11-30",
        "2010-12-22",
        "2011-04",
        "2011-09-final",
        "cablemap-2011-03",
        "malformed-id",
    ],
)
def test_page_metadata(
    extracted: Path,
    page,
    reference_id,
    created,
    released,
    classification,
    origin,
    build,
) -> None:
    record = only_record(extracted / page)
    assert record.form is Form.PAGE
    assert record.reference_id == reference_id
    assert record.created == created
    assert record.classification == classification
    assert record.origin == origin
    assert record.released == released
    assert record.build == build


def test_page_text_is_clean(extracted: Path) -> None:
    record = only_record(extracted / AVILAROMAN / "1966/12/66BUENOSAIRES2481.html")
    assert record.header is not None and record.header.startswith(
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n"
    )
    assert record.body is not None and record.body.startswith(
        "UNCLASSIFIED BUENOS AIRES 2481 \n"
    )
    assert "TAGS: EFIS PBTS AR\n" in record.body
    assert "\n1.  PRESS REPORTS AND VARIETY EMBASSY SOURCES CONFIRM" in record.body
    assert '"PREFERENTIAL JURISDICTION"' in record.body
    for residue in ("¶", "<a", "&#x000A;", "&quot;", "href"):
        assert residue not in record.body
    assert record.body.rstrip().endswith("SACCIO")


def test_page_subject_and_provenance(extracted: Path) -> None:
    path = extracted / AVILAROMAN / "1966/12/66BUENOSAIRES2481.html"
    record = only_record(path)
    assert record.subject == "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS"
    assert record.source == str(path)
    assert record.release == "12"  # a loose file: its directory's name
    assert record.is_partial is False


def test_classification_title_kept_when_it_disagrees(extracted: Path) -> None:
    bern = only_record(extracted / CABLEMAP / "07BERN881.html")
    assert bern.classification == "SECRET"
    assert bern.extra["classification_title"] == "confidential"
    state = only_record(extracted / CABLEMAP / "10STATE284.html")
    assert state.classification == "CONFIDENTIAL"
    assert state.extra["classification_title"] == "unclassified"


def test_article_links_and_empty_subject(extracted: Path) -> None:
    bern = only_record(extracted / CABLEMAP / "07BERN881.html")
    assert bern.extra["articles"] == "http://www.letemps.ch/swiss_papers"
    assert bern.subject == 'FM CALMY-REY "TAKES NOTE" OF USG CONCERNS \\'
    assert only_record(extracted / CABLEMAP / "10STATE284.html").subject is None


def test_partial_page_banner(extracted: Path) -> None:
    record = only_record(extracted / AVILAROMAN / "2006/03/06SANJOSE612.html")
    assert record.is_partial is True
    assert record.header == PARTIAL_BANNER
    assert record.body is not None and record.body.startswith(
        "UNCLAS SECTION 01 OF 04 SAN JOSE 000612"
    )


def test_fragment(extracted: Path) -> None:
    path = extracted / "cable-bodies_tathagata-reveal/cables/66BUENOSAIRES2481.txt"
    record = only_record(path)
    assert record.form is Form.FRAGMENT
    assert record.reference_id == "66BUENOSAIRES2481"
    assert record.header is None and record.created is None
    assert record.body is not None and "TAGS: EFIS PBTS AR\n" in record.body
    assert "\n1.  PRESS REPORTS" in record.body and "¶" not in record.body
    assert "<pre>" not in record.body and record.body.rstrip().endswith("SACCIO")


def test_fragment_without_text_is_skipped(extracted: Path) -> None:
    items = read_items(
        extracted / "cable-bodies_tathagata-reveal/cables/04OTTAWA3115.txt"
    )
    assert items == [
        Skipped(
            str(extracted / "cable-bodies_tathagata-reveal/cables/04OTTAWA3115.txt"),
            "fragment holds no cable text",
            "04OTTAWA3115",
        )
    ]


def test_page_forced_on_a_text_file_is_skipped(extracted: Path) -> None:
    items = read_items(
        extracted / "cables-json-and-csv-rows_none-later/wikileaks/aa", format="page"
    )
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert "truncated page" in items[0].reason or "not a cable page" in items[0].reason
