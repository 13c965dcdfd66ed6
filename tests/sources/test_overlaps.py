"""66BUENOSAIRES2481 comes out of every form it is published in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.record import Form, SourceRecord
from tests.sources.conftest import records

CABLE = "66BUENOSAIRES2481"

# (file, form, created as that form gives it)
FORMS = [
    (
        "cablegate-release-2010-11-30_anarchivist/cable/1966/12/66BUENOSAIRES2481.html",
        Form.PAGE,
        datetime(1966, 12, 28, 18, 6),
    ),
    (
        "cablegate-release-2010-12-22_anarchivist/cable/1966/12/66BUENOSAIRES2481.html",
        Form.PAGE,
        datetime(1966, 12, 28, 18, 6),
    ),
    (
        "cablegate-site-2011-04-25_avilaroman_cable-pages/cable/1966/12/66BUENOSAIRES2481.html",
        Form.PAGE,
        datetime(1966, 12, 28, 18, 6),
    ),
    (
        "cablegate-site-2011-09-final_markchips_test-set/test-set/1966/12/66BUENOSAIRES2481.html",
        Form.PAGE,
        datetime(1966, 12, 28, 18, 48),
    ),
    (
        "cables-json-and-csv-rows_none-later/wikileaks-11-28-10.json",
        Form.JSON,
        datetime(1966, 12, 28, 18, 6),
    ),
    (
        "cables-json-and-csv-rows_none-later/wikileaks/aa",
        Form.CSV,
        datetime(1966, 12, 28, 18, 48),
    ),
    ("cable-bodies_tathagata-reveal/cables/66BUENOSAIRES2481.txt", Form.FRAGMENT, None),
]


def _the_cable(path: Path) -> SourceRecord:
    found = [record for record in records(path) if record.reference_id == CABLE]
    assert len(found) == 1, path
    return found[0]


@pytest.mark.parametrize(
    ("name", "form", "created"),
    FORMS,
    ids=[
        "page-2010-11-30",
        "page-2010-12-22",
        "page-2011-04",
        "page-2011-09",
        "json",
        "csv",
        "fragment",
    ],
)
def test_cable_in_every_form(
    extracted: Path, name: str, form: Form, created: datetime | None
) -> None:
    record = _the_cable(extracted / name)
    assert record.form is form
    assert record.created == created
    assert record.body is not None
    assert "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS" in record.body
    assert "SACCIO" in record.body[-40:]


def test_cable_in_the_first_rows_csv(shared_data: Path) -> None:
    record = _the_cable(
        shared_data / "cables-csv-first-rows_gavinmendelgleason-mapper.csv"
    )
    assert record.form is Form.CSV and record.created == datetime(1966, 12, 28, 18, 48)


@pytest.mark.slow
def test_cable_in_the_id_list(shared_data: Path) -> None:
    record = _the_cable(shared_data / "cable2month_heuer-cablemap.csv.gz")
    assert (
        record.form is Form.IDLIST
        and record.body is None
        and record.extra["month"] == "12"
    )


def test_page_bodies_agree_across_builds(extracted: Path) -> None:
    bodies = {
        _the_cable(extracted / name).body
        for name, form, _ in FORMS
        if form is Form.PAGE
    }
    assert len(bodies) == 1
