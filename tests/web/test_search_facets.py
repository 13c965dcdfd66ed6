"""Search facets in HTML: the top values on the search page, every value on the facet's own page."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from cablebrowser.search.searcher import FACET_SIZES
from cablebrowser.web.facets import FACET_PLURALS, FACET_TOP, pick_facet_values
from cablebrowser.web.searchpage import _all_text

QUERY = "government"
_SECTION_PATTERN = re.compile(
    r'<section aria-labelledby="facet-(\w+)">(.*?)</section>', re.S
)
_LINK_PATTERN = re.compile(r'<a class="facet" href="([^"]*)">([^<]*)</a>')
_SELECTED_PATTERN = re.compile(r'<strong class="facet-on" aria-current="true">([^<]*)<')
_ALL_PATTERN = re.compile(r'<p class="facet-all"><a href="([^"]*)">([^<]*)</a>')


def _rows(count: int) -> list[tuple[str, int]]:
    return [(f"V{number:02d}", 100 - number) for number in range(count)]


def test_a_facet_shows_its_first_values_and_counts_them_all() -> None:
    chosen, total = pick_facet_values("oil", "tag", _rows(25), FACET_TOP)
    assert [value for value, _, _ in chosen] == [f"V{n:02d}" for n in range(10)]
    assert total == 25
    assert not any(selected for _, _, selected in chosen)


def test_a_selected_value_past_the_top_stays_in_its_place() -> None:
    chosen, total = pick_facet_values('oil OR tag:"V17"', "tag", _rows(25), 10)
    assert [value for value, _, _ in chosen][-2:] == ["V09", "V17"]
    assert chosen[-1] == ("V17", 83, True) and total == 25


def test_values_that_cannot_narrow_are_left_out() -> None:
    rows = [("", 9), ('say "no"', 8), ("2005", 7)]
    chosen, total = pick_facet_values("from:2005 to:2005", "year", rows)
    assert chosen == [("2005", 7, True)] and total == 1


def test_without_a_limit_every_value_is_chosen() -> None:
    chosen, total = pick_facet_values("oil", "origin", _rows(40))
    assert len(chosen) == total == 40


slow = pytest.mark.slow  # the tests below start a server in a subprocess


def _facets_html(page: str) -> dict[str, str]:
    return dict(_SECTION_PATTERN.findall(page))


def _json_values(sample: httpx.Client, query: str, name: str) -> list[str]:
    facets = sample.get("/search.json", params={"q": query}).json()["facets"]
    return [
        row["value"] for row in facets[name] if row["value"] and '"' not in row["value"]
    ]


@slow
def test_search_page_shows_the_top_ten_and_links_to_all(sample: httpx.Client) -> None:
    page = sample.get("/search", params={"q": QUERY, "sort": "-date"}).text
    sections = _facets_html(page)
    assert "origin" in sections and "tag" in sections
    for name, html in sections.items():
        values = _json_values(sample, QUERY, name)
        links = _LINK_PATTERN.findall(html)
        assert [unescape(text) for _, text in links] == values[:FACET_TOP], name
        found = _ALL_PATTERN.search(html)
        if len(values) <= FACET_TOP:
            assert found is None, name
            continue
        assert found is not None, name
        cut = len(values) >= FACET_SIZES[name]
        count = "" if cut else f"{len(values):,} "
        assert unescape(found.group(2)) == f"All {count}{FACET_PLURALS[name]}…"
        parts = urlsplit(unescape(found.group(1)))
        assert parts.path == f"/search/facet/{name}"
        assert parse_qs(parts.query) == {"q": [QUERY], "sort": ["-date"]}


@slow
def test_facet_page_lists_every_value(sample: httpx.Client) -> None:
    response = sample.get("/search/facet/origin", params={"q": QUERY, "page": "2"})
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["etag"]
    page = response.text
    assert '<meta name="robots" content="noindex">' in page
    links = _LINK_PATTERN.findall(page)
    values = _json_values(sample, QUERY, "origin")
    assert len(values) > FACET_TOP
    assert [unescape(text) for _, text in links] == values
    first = urlsplit(unescape(links[0][0]))
    assert first.path == "/search"
    assert parse_qs(first.query) == {"q": [f'{QUERY} origin:"{values[0]}"']}
    assert 'href="/search?q=government&amp;page=2">Back to the search' in page


@slow
def test_facet_page_lists_values_past_the_search_pages_cut(
    sample: httpx.Client,
) -> None:
    # The search results count the top 100 tags; the facet page counts them all.
    assert len(_json_values(sample, QUERY, "tag")) == FACET_SIZES["tag"]
    page = sample.get("/search/facet/tag", params={"q": QUERY}).text
    tags = [unescape(text) for _, text in _LINK_PATTERN.findall(page)]
    assert len(tags) > FACET_SIZES["tag"] and len(set(tags)) == len(tags)
    assert tags[: FACET_SIZES["tag"]] == _json_values(sample, QUERY, "tag")


@slow
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/search/facet/bogus", {"q": QUERY}),
        ("/search/facet/%3Cscript%3E", {"q": QUERY}),
        ("/search/facet/month", {"q": QUERY}),
        ("/search/facet/origin", {}),
        ("/search/facet/origin", {"q": "(((("}),
        ("/search/facet/origin", {"q": QUERY, "sort": "bogus"}),
    ],
    ids=["unknown", "markup", "month", "no-query", "bad-query", "bad-sort"],
)
def test_facet_page_rejects_bad_requests(
    sample: httpx.Client, path: str, params: dict[str, str]
) -> None:
    response = sample.get(path, params=params)
    assert response.status_code == 400
    assert "<script>" not in response.text


@slow
def test_a_selected_value_past_the_top_ten_stays_visible(sample: httpx.Client) -> None:
    tag = _json_values(sample, QUERY, "tag")[-1]  # the rarest
    query = f'{QUERY} OR tag:"{tag}"'
    # The selected tag stays past the top ten in the wider search too.
    assert _json_values(sample, query, "tag").index(tag) >= FACET_TOP
    html = _facets_html(sample.get("/search", params={"q": query}).text)["tag"]
    assert _SELECTED_PATTERN.findall(html) == [tag]
    assert tag not in [text for _, text in _LINK_PATTERN.findall(html)]
    assert len(_LINK_PATTERN.findall(html)) == FACET_TOP


def test_a_cut_facet_list_does_not_claim_a_count() -> None:
    assert _all_text("tag", FACET_SIZES["tag"]) == "All tags…"
    assert _all_text("tag", 12) == "All 12 tags…"
