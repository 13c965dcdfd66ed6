"""Every page type on the ingested sample, checked against the seed page and the JSON API."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import httpx
import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.slow  # starts a server in a subprocess

SEED_ID = "05ALMATY3603"
SEED_PATH = f"/cable/2005/10/{SEED_ID}.html"


@pytest.fixture(scope="module")
def seed_page(sample: httpx.Client) -> str:
    response = sample.get(SEED_PATH)
    assert response.status_code == 200
    return response.text


@pytest.fixture(scope="module")
def seed_json(sample: httpx.Client) -> dict:
    return sample.get(f"/cable/2005/10/{SEED_ID}.json").json()


@pytest.mark.parametrize(
    "expected",
    [
        "<title>US embassy cable - 05ALMATY3603</title>",
        "<h1>KAZAKHSTAN: A/S FRIED&#39;S MEETING WITH PRESIDENT NAZARBAYEV</h1>",
        '<a href="https://wikileaks.org/cable/2005/10/05ALMATY3603.html" rel="external">View 05ALMATY3603 at Wikileaks.org</a>',
        "<dt>Identifier</dt>",
        "US Office Almaty</a>",
        ">2005-10-05 08:34:00</time>",
        '<a href="/classification/CONFIDENTIAL">CONFIDENTIAL</a>',
        '<a href="/tag/KZ" class="tag">KZ</a>',
        '<a href="/tag/PGOV" class="tag">PGOV</a>',
        "This cable was not redacted by Wikileaks.",
        '<pre class="body">',
        'id="par1"',
        'id="par23"',
        "Dushanbe minimize considered.",
        "Cite this cable",
        f'href="/cable/2005/10/{SEED_ID}.txt"',
    ],
    ids=[
        "title",
        "subject",
        "wikileaks",
        "identifier",
        "origin",
        "created",
        "classification",
        "tag-kz",
        "tag-pgov",
        "redacted",
        "pre",
        "par1",
        "par23",
        "text-end",
        "cite",
        "txt",
    ],
)
def test_seed_page_carries_what_the_seed_does(seed_page: str, expected: str) -> None:
    assert expected in seed_page


def test_seed_page_agrees_with_its_json(seed_page: str, seed_json: dict) -> None:
    released = (seed_json["latest_released"] or "")[:10] or "an unknown date"
    assert (
        f"Latest source of this page is {seed_json['latest_release']}, released {released}"
        in seed_page
    )
    assert ("partial extract of the original cable" in seed_page) == seed_json[
        "is_partial"
    ]
    for version in seed_json["versions"]:
        assert f">{version['release']}</a>" in seed_page
    for alias in seed_json["aliases"]:
        assert alias in seed_page


def test_seed_page_names_its_plusd_form_as_plusd_writes_it(seed_page: str) -> None:
    assert f"<dt>Also known as</dt><dd>{SEED_ID}_a</dd>" in seed_page
    assert f"{SEED_ID}_A" not in seed_page


def test_the_id_list_is_not_a_release(sample: httpx.Client) -> None:
    names = [r["name"] for r in sample.get("/api/v1/releases").json()["releases"]]
    assert names and "cable2month" not in names
    for path in ("/", "/releases"):
        assert "cable2month" not in sample.get(path).text, path
    assert sample.get("/release/cable2month").status_code == 404


def test_seed_text_form_has_the_seed_body(sample: httpx.Client) -> None:
    text = sample.get(f"/cable/2005/10/{SEED_ID}.txt").text
    seed_lines = [
        line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()
    ]
    for wanted in (
        "Identifier: 05ALMATY3603",
        "Origin: US Office Almaty",
        "Classification: CONFIDENTIAL",
        "1. (C) Assistant Secretary Dan Fried met with Kazakhstani",
        "23. (U) Dushanbe minimize considered.",
    ):
        assert wanted in seed_lines
        assert wanted in [line.strip() for line in text.splitlines()]


@pytest.mark.parametrize(
    "path",
    [
        f"/cable/{SEED_ID}",
        f"/cable/{SEED_ID}.html",
        f"/plusd/cables/{SEED_ID}_a.html",
        f"/cables/{SEED_ID}",
        f"/cable.php?id={SEED_ID}",
        f"/cable/2010/01/{SEED_ID}.html",
        f"/cable/{SEED_ID.lower()}",
        f"/cable/2005/10/{SEED_ID}",
    ],
    ids=[
        "bare",
        "bare-html",
        "plusd",
        "cables",
        "cable-php",
        "wrong-month",
        "lower-case",
        "no-extension",
    ],
)
def test_seed_redirects(sample: httpx.Client, path: str) -> None:
    response = sample.get(path)
    assert response.status_code == 301
    assert response.headers["location"] == SEED_PATH


def test_home(sample: httpx.Client) -> None:
    page = sample.get("/").text
    years = sample.get("/api/v1/facets/year").json()["values"]
    total = sum(row["count"] for row in years)
    assert f"{total:,} cables" in page
    assert "<svg" in page and 'href="/dates/2005"' in page
    assert 'id="home-q"' in page
    for release in sample.get("/api/v1/releases").json()["releases"]:
        assert f'href="/release/{release["name"]}"' in page


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("/origins", "US Office Almaty"),
        ("/tags", "PGOV"),
        ("/classifications", "CONFIDENTIAL"),
        ("/dates", "2005"),
        ("/releases", "Releases"),
        ("/api", "GET /api/v1/cables"),
    ],
    ids=["origins", "tags", "classifications", "dates", "releases", "api"],
)
def test_browse_pages(sample: httpx.Client, path: str, wanted: str) -> None:
    response = sample.get(path)
    assert response.status_code == 200
    assert wanted in response.text


def test_tag_glossary_shows_meaning_kind_and_count(sample: httpx.Client) -> None:
    from cablebrowser.parse.tags import tag_kind, tag_meaning

    page = unescape(sample.get("/tags", params={"sort": "name"}).text)
    count = {
        row["code"]: row["count"] for row in sample.get("/api/v1/tags").json()["tags"]
    }["PGOV"]
    assert (
        f'>PGOV</a></td><td>{tag_meaning("PGOV")}</td><td>{tag_kind("PGOV")}</td><td class="num">{count:,}</td>'
        in page
    )


@pytest.mark.parametrize(
    "path",
    [
        "/dates/2005",
        "/dates/2005/10",
        "/dates/2005/10/05",
        "/tag/PGOV",
        "/origin/US%20Office%20Almaty",
        "/classification/CONFIDENTIAL",
    ],
    ids=["year", "month", "day", "tag", "origin", "classification"],
)
def test_listings_include_the_seed(sample: httpx.Client, path: str) -> None:
    pages = [sample.get(path, params={"page": number}).text for number in range(1, 4)]
    assert any(f'<a href="{SEED_PATH}">{SEED_ID}</a>' in page for page in pages)


def test_listing_sort_is_in_the_url(sample: httpx.Client) -> None:
    ids_up = re.findall(
        r'<td><a href="/cable/[^"]+">([^<]+)</a>', sample.get("/tag/PGOV?sort=id").text
    )
    ids_down = re.findall(
        r'<td><a href="/cable/[^"]+">([^<]+)</a>', sample.get("/tag/PGOV?sort=-id").text
    )
    assert (
        ids_up == sorted(ids_up)
        and ids_down == sorted(ids_down, reverse=True)
        and len(ids_up) > 1
    )


def test_every_release_page(sample: httpx.Client) -> None:
    for release in sample.get("/api/v1/releases").json()["releases"]:
        response = sample.get(f"/release/{release['name']}")
        assert response.status_code == 200, release["name"]


def test_search_page(sample: httpx.Client) -> None:
    page = sample.get("/search", params={"q": "nazarbayev"}).text
    assert f'href="{SEED_PATH}"' in page
    assert "<mark>" in page and 'class="facet"' in page and "<svg" in page
    assert "How to search" in page


def test_search_for_an_id_goes_to_the_cable(sample: httpx.Client) -> None:
    response = sample.get("/search", params={"q": SEED_ID})
    assert response.status_code == 302
    assert response.headers["location"] == SEED_PATH


def test_sitemap_and_robots(sample: httpx.Client) -> None:
    index = sample.get("/sitemap.xml")
    assert index.headers["content-type"].startswith("application/xml")
    assert (
        "/sitemap-cables-1.xml</loc>" in index.text
        and "/sitemap-pages.xml</loc>" in index.text
    )
    cables = sample.get("/sitemap-cables-1.xml").text
    assert f"{SEED_PATH}</loc>" in cables
    assert "Sitemap: http://127.0.0.1:" in sample.get("/robots.txt").text


@pytest.mark.parametrize(
    ("alias", "stored"),
    [
        ("75LIBREVILLE1895", "7575LIBREVILLE1895"),
        ("08SAOPAULO335", "08SCTION02OF02SAOPAULO335"),
        ("09LONDON2240", "09EFTOLONDON2240"),
    ],
    ids=["doubled-year", "section-glued", "efto"],
)
def test_canonical_form_of_a_malformed_id_redirects(
    sample: httpx.Client, alias: str, stored: str
) -> None:
    canonical = urlsplit(sample.get(f"/api/v1/cables/{stored}").json()["url"]).path
    assert canonical.endswith(f"/{stored}.html")
    for path in (
        f"/cable/{alias}",
        f"/plusd/cables/{alias}_a.html",
        f"/cable.php?id={alias}",
    ):
        response = sample.get(path)
        assert (response.status_code, response.headers["location"]) == (
            301,
            canonical,
        ), path
    assert sample.get(canonical).status_code == 200
