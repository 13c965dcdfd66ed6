"""Change kinds, the display rule and release dates, as pure functions."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.store.changes import (
    CSV_PUBLISHED,
    ReleaseFacts,
    ReleaseOrder,
    VersionFacts,
    _display_many,
    change_kinds,
    date_in_name,
    default_release_date,
    display,
    display_in,
    normalized_hash,
    order_releases,
)

R1 = ReleaseFacts("r1", "2010-11-30T17:01:00")
R2 = ReleaseFacts("r2", "2010-12-22T00:00:00")
SNAP = ReleaseFacts("snap", "2011-04-25T00:00:00", is_snapshot=True)
R4 = ReleaseFacts("r4", "2011-08-30T01:44:00")
ORDER = [R1, R2, SNAP, R4]


def facts(
    release: str, text: str = "A", redactions: int = 0, form: str = "page", **kw: object
) -> VersionFacts:
    return VersionFacts(release, form, normalized_hash(text), redactions, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        ([facts("r1")], {"r1": "new"}),
        ([facts("r2")], {"r2": "new"}),
        ([facts("r1"), facts("r2")], {"r1": "new", "r2": "unchanged"}),
        (
            [facts("r1", "A B\nC"), facts("r2", "A  B C \n")],
            {"r1": "new", "r2": "unchanged"},
        ),
        ([facts("r1", "A"), facts("r2", "B")], {"r1": "new", "r2": "modified"}),
        (
            [facts("r1", "A"), facts("r2", "A XXXXXXXXXXXX", 1)],
            {"r1": "new", "r2": "redacted"},
        ),
        (
            [facts("r1", "A XXXXXXXXXXXX", 1), facts("r2", "A secret")],
            {"r1": "new", "r2": "unredacted"},
        ),
        ([facts("r1"), facts("r4", "TAGS: A, B")], {"r1": "new", "r4": "modified"}),
        (
            [facts("r1", "TAGS: PREL, PGOV\nX"), facts("r4", "TAGS: PREL PGOV\nX")],
            {"r1": "new", "r4": "unchanged"},
        ),
    ],
    ids=[
        "first",
        "first-late",
        "same-text",
        "whitespace-only",
        "modified",
        "redacted",
        "unredacted",
        "modified-later",
        "tags-separators",
    ],
)
def test_change_kinds(versions: list[VersionFacts], expected: dict[str, str]) -> None:
    assert change_kinds(versions, [R1, R2, R4]) == expected


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        ([facts("r1"), facts("snap")], {"r1": "new", "snap": "unchanged"}),
        ([facts("r1")], {"r1": "new", "snap": "removed"}),
        ([facts("r2"), facts("r4")], {"r2": "new", "snap": "removed", "r4": "readded"}),
        (
            [facts("r2"), facts("r4", "B")],
            {"r2": "new", "snap": "removed", "r4": "readded"},
        ),
        ([facts("r4")], {"r4": "new"}),
        ([facts("snap")], {"snap": "new"}),
    ],
    ids=[
        "kept",
        "removed",
        "readded",
        "readded-changed",
        "only-after",
        "only-in-snapshot",
    ],
)
def test_change_kinds_with_snapshot(
    versions: list[VersionFacts], expected: dict[str, str]
) -> None:
    assert change_kinds(versions, ORDER) == expected


def test_change_kinds_ignore_ingest_order() -> None:
    versions = [facts("r4", "C"), facts("r1", "A"), facts("r2", "A")]
    assert change_kinds(versions, order_releases([R4, SNAP, R2, R1])) == {
        "r1": "new",
        "r2": "unchanged",
        "snap": "removed",
        "r4": "readded",
    }


def test_tags_separators_compare_equal() -> None:
    assert normalized_hash("TAGS: PREL, PGOV, IR\nBODY") == normalized_hash(
        "TAGS: PREL PGOV IR \nBODY"
    )
    assert normalized_hash("BODY, TEXT") != normalized_hash("BODY TEXT")


def test_release_within_a_release_the_best_form_speaks() -> None:
    versions = [
        facts("r1", "A"),
        facts("r2", "A", form="fragment"),
        facts("r2", "B", form="csv"),
    ]
    assert change_kinds(versions, ORDER)["r2"] == "modified"


def test_display_prefers_csv_and_final_build_over_newer_early_builds() -> None:
    versions = [
        facts(
            "r1",
            created="1966-12-28T18:06:00",
            classification="CONFIDENTIAL",
            origin="Embassy A",
        ),
        facts(
            "r2",
            form="csv",
            created="1966-12-28T18:48:00",
            classification="UNCLASSIFIED",
        ),
        facts(
            "r4",
            created="1966-12-28T18:07:00",
            origin="Embassy B",
            page_released="2011-01-21T16:04:00",
        ),
    ]
    shown = display(versions, ORDER)
    assert shown.created == "1966-12-28T18:48:00"
    assert shown.classification == "UNCLASSIFIED"
    assert (
        shown.origin == "Embassy B"
    )  # the csv row did not state one: the newest release that does
    assert shown.latest_release == "r4"
    assert shown.first_published == "2010-11-30T17:01:00"


def test_display_final_build_wins_and_newest_otherwise() -> None:
    versions = [
        facts("r1", created="1972-02-25T09:30:00", build=251287),
        facts("r2", created="1972-02-25T09:09:00", build=1862),
        facts("r4", created="1972-02-25T09:10:00", build=4033),
    ]
    assert display(versions, ORDER).created == "1972-02-25T09:30:00"
    assert display(versions[1:], ORDER).created == "1972-02-25T09:10:00"


def test_display_latest_takes_partial_and_redactions() -> None:
    versions = [
        facts("r1", "X", 2, is_partial=True),
        facts("r2", "Y", 0, is_partial=False),
    ]
    shown = display(versions, ORDER)
    assert (shown.is_partial, shown.redactions, shown.latest_released) == (
        False,
        0,
        "2010-12-22T00:00:00",
    )


def test_display_text_comes_from_a_dated_release_before_an_undated_one() -> None:
    undated = ReleaseFacts("fragments", None)
    versions = [facts("r1", "A"), facts("fragments", "A", form="fragment")]
    assert display(versions, [R1, undated]).latest_release == "r1"
    assert display(versions[1:], [R1, undated]).latest_release == "fragments"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cablegate-release-2010-11-30_anarchivist", datetime(2010, 11, 30)),
        ("cablegate-201011301701", datetime(2010, 11, 30, 17, 1)),
        ("wikileaks-11-28-10", datetime(2010, 11, 28)),
        ("cablegate-site-2011-09-final_markchips_test-set", None),
        ("data", None),
        ("2010-13-45", None),
    ],
    ids=["iso", "archive-stamp", "us-short", "month-only", "none", "invalid"],
)
def test_date_in_name(name: str, expected: datetime | None) -> None:
    assert date_in_name(name) == expected


@pytest.mark.parametrize(
    ("name", "page_date", "forms", "expected"),
    [
        ("x-2010-12-22", "2010-12-21T10:00:00", ["page"], "2010-12-21T10:00:00"),
        ("x-2010-12-22", None, ["page"], "2010-12-22T00:00:00"),
        ("rows", None, ["csv", "json"], CSV_PUBLISHED.isoformat()),
        ("bodies", None, ["fragment"], None),
    ],
    ids=["page-date", "name-date", "csv", "undated"],
)
def test_default_release_date(
    name: str, page_date: str | None, forms: list[str], expected: str | None
) -> None:
    assert default_release_date(name, page_date, forms) == expected


def test_undated_releases_sort_last() -> None:
    undated = ReleaseFacts("a-undated", None)
    assert [r.name for r in order_releases([undated, R2, R1])] == [
        "r1",
        "r2",
        "a-undated",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "PLAIN TEXT\n",
        "caf\u00e9 \u2019quoted\u2019\n\tend",
        "a\u2003b\u3000c \x1c",
        "TAGS: A, B\n\u00e9 x\xa0y",
    ],
    ids=["ascii", "non-ascii", "unicode-spaces", "tags-and-no-break-space"],
)
def test_normalized_hash_drops_what_str_split_drops(body: str) -> None:
    tags = body.find("TAGS")
    if tags >= 0:
        end = body.find("\n", tags)
        body_seen = body[:tags] + body[tags:end].replace(",", " ") + body[end:]
    else:
        body_seen = body
    expected = hashlib.sha256("".join(body_seen.split()).encode("utf-8")).hexdigest()
    assert normalized_hash(body) == expected


_STATED = st.sampled_from([None, "", "2010-11-28T18:06:00", "2011-01-02T00:00:00"])


@settings(max_examples=300, deadline=None)
@given(
    release=st.sampled_from(["r1", "r2", "undated", "unknown"]),
    form=st.sampled_from(["csv", "page", "text"]),
    redactions=st.integers(0, 3),
    created=_STATED,
    page_released=_STATED,
    classification=st.sampled_from([None, "", "SECRET"]),
    origin=st.sampled_from([None, "", "Embassy Bern"]),
    build=st.sampled_from([None, 1, 251287]),
    is_partial=st.sampled_from([None, False, True]),
)
def test_one_version_is_displayed_as_the_ranking_would(**facts: object) -> None:
    version = VersionFacts(norm_hash="h", **facts)  # type: ignore[arg-type]
    order = ReleaseOrder.of(
        [R1, R2, ReleaseFacts("undated", None), ReleaseFacts("other", "2009-01-01")]
    )
    assert display_in([version], order) == _display_many([version], order)
