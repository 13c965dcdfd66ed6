"""Release pages by change kind: one paginated list per kind, the kind in the URL.

The crafted archive's release "second" modified one cable and brought one new;
the sample's cablegate-site-2011-04-25 brought 254 new cables (six pages).
"""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.conftest import CITING_ID, HOSTILE_ID

pytestmark = pytest.mark.slow  # starts a server in a subprocess

_CABLE_LINK_PATTERN = re.compile(r'<td><a href="/cable/\d{4}/\d{2}/([^"/]+)\.html">')


def listed(page: str) -> list[str]:
    """Return the reference IDs of a cable table, in order."""
    return _CABLE_LINK_PATTERN.findall(page)


@pytest.mark.parametrize(
    ("query", "title", "expected"),
    [
        ("", "Release second", [HOSTILE_ID, CITING_ID]),
        ("?change=new", "Release second: new cables", [CITING_ID]),
        ("?change=modified", "Release second: modified cables", [HOSTILE_ID]),
        ("?change=redacted", "Release second: redacted cables", []),
    ],
    ids=["all", "new", "modified", "none-redacted"],
)
def test_release_lists_the_cables_of_one_change_kind(
    crafted: httpx.Client, query: str, title: str, expected: list[str]
) -> None:
    response = crafted.get(f"/release/second{query}")
    assert response.status_code == 200
    page = response.text
    assert f"<h1>{title}</h1>" in page
    assert sorted(listed(page)) == sorted(expected)
    if not expected:
        assert "No cables on this page." in page


def test_release_page_links_every_change_kind(crafted: httpx.Client) -> None:
    page = crafted.get("/release/second?change=new").text
    start = page.index('class="change-kinds"')
    nav = page[start : page.index("</nav>", start)]
    assert '<a href="/release/second">all</a>' in nav
    assert '<a href="/release/second?change=new" aria-current="page">new 1</a>' in nav
    assert '<a href="/release/second?change=modified">modified 1</a>' in nav
    assert "redacted" not in nav  # no link to a kind the release does not have


def test_unknown_change_kind_is_a_bad_request(crafted: httpx.Client) -> None:
    response = crafted.get("/release/second?change=deleted")
    assert response.status_code == 400
    assert "unredacted" in response.text  # the message names the kinds


def test_a_change_list_is_paginated_in_id_order(sample: httpx.Client) -> None:
    name = "cablegate-site-2011-04-25"
    first = sample.get(f"/release/{name}", params={"change": "new"}).text
    second = sample.get(f"/release/{name}", params={"change": "new", "page": 2}).text
    assert "254 cables." in first and "Page 2 of 6" in second
    assert 'href="/release/cablegate-site-2011-04-25?change=new&amp;page=3"' in second
    ids = listed(first) + listed(second)
    assert len(ids) == 100 and ids == sorted(ids) and len(set(ids)) == 100
    api = sample.get(
        f"/api/v1/releases/{name}", params={"change": "new", "page": 2}
    ).json()
    assert [item["reference_id"] for item in api["items"]] == listed(second)
