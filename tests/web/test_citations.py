"""Citations of one cable in four formats."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from cablebrowser.web.citations import (
    Citation,
    bibtex,
    chicago,
    citations,
    csl_json,
    ris,
)

SEED = Citation(
    reference_id="05ALMATY3603",
    subject="KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV",
    origin="US Office Almaty",
    created=datetime(2005, 10, 5, 8, 34),
    classification="CONFIDENTIAL",
    url="https://example.org/cable/2005/10/05ALMATY3603.html",
)
BARE = Citation(
    "10STATE284", None, None, None, None, "https://example.org/cable/10STATE284.html"
)


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (SEED, "@misc{05ALMATY3603,\n  author = {{US Office Almaty}},"),
        (
            SEED,
            "  title = {{KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV}},",
        ),
        (SEED, "  month = oct,"),
        (SEED, "  date = {2005-10-05},"),
        (SEED, "  url = {https://example.org/cable/2005/10/05ALMATY3603.html}\n}"),
        (BARE, "  title = {{Cable 10STATE284}},"),
        (
            Citation("X1", "50% & $5 #1 {a}_b", None, None, None, "u"),
            r"{{50\% \& \$5 \#1 \{a\}\_b}}",
        ),
        (Citation("08A/B 1", None, None, None, None, "u"), "@misc{08AB1,"),
    ],
    ids=["author", "title", "month", "date", "url", "no-subject", "escapes", "key"],
)
def test_bibtex(citation: Citation, expected: str) -> None:
    assert expected in bibtex(citation)


@pytest.mark.parametrize(
    ("citation", "line"),
    [
        (SEED, "TY  - GOVDOC"),
        (SEED, "AU  - US Office Almaty"),
        (SEED, "DA  - 2005/10/05/"),
        (SEED, "M1  - 05ALMATY3603"),
        (SEED, "N1  - Classification: CONFIDENTIAL"),
        (SEED, "UR  - https://example.org/cable/2005/10/05ALMATY3603.html"),
        (BARE, "AU  - United States Department of State"),
    ],
    ids=["type", "author", "date", "number", "classification", "url", "default-author"],
)
def test_ris_lines(citation: Citation, line: str) -> None:
    assert line in ris(citation).splitlines()


def test_ris_ends_with_end_of_record() -> None:
    assert ris(SEED).splitlines()[-1] == "ER  -"


def test_csl_json_is_one_item_with_date_parts() -> None:
    (item,) = json.loads(csl_json(SEED))
    assert item["id"] == "05ALMATY3603"
    assert item["issued"] == {"date-parts": [[2005, 10, 5]]}
    assert item["author"] == [{"literal": "US Office Almaty"}]
    assert item["URL"] == SEED.url


def test_csl_json_without_date_has_no_issued() -> None:
    (item,) = json.loads(csl_json(BARE))
    assert "issued" not in item


def test_chicago() -> None:
    assert chicago(SEED) == (
        "US Office Almaty. \u201cKAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV.\u201d "
        "Diplomatic cable 05ALMATY3603, October 5, 2005. Confidential. Released by WikiLeaks. "
        "https://example.org/cable/2005/10/05ALMATY3603.html."
    )


def test_citations_has_the_four_formats() -> None:
    assert list(citations(SEED)) == ["BibTeX", "RIS", "CSL-JSON", "Chicago"]


def test_subject_whitespace_is_collapsed() -> None:
    assert Citation("X1", "A\n  B", None, None, None, "u").title == "A B"
