"""Cable pages on the crafted archive, where every value is known: HTML, JSON, text, redirects."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import CITING_ID, HOSTILE_ID, KNOWN_ONLY_ID

pytestmark = pytest.mark.slow  # starts a server in a subprocess

HOSTILE = f"/cable/2009/03/{HOSTILE_ID}.html"
CITING = f"/cable/2009/03/{CITING_ID}.html"
KNOWN = f"/cable/2008/07/{KNOWN_ONLY_ID}.html"


@pytest.fixture(scope="module")
def hostile_page(crafted: httpx.Client) -> str:
    response = crafted.get(HOSTILE)
    assert response.status_code == 200
    return response.text


def test_hostile_text_is_inert(hostile_page: str) -> None:
    assert "<script>alert" not in hostile_page
    assert "<b>bold</b>" not in hostile_page
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in hostile_page
    assert (
        "AT&amp;T and &#34;quotes&#34;" in hostile_page
        or "AT&amp;T and &quot;quotes&quot;" in hostile_page
    )


@pytest.mark.parametrize(
    "expected",
    [
        f"<title>US embassy cable - {HOSTILE_ID}</title>",
        "<h1>&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; Tom &amp; Jerry</h1>",
        f'<a href="https://wikileaks.org/cable/2009/03/{HOSTILE_ID}.html" rel="external">View {HOSTILE_ID} at Wikileaks.org</a>',
        '<a href="/origin/Embassy%20%3CEvil%3E%20%26%20Co">Embassy &lt;Evil&gt; &amp; Co</a>',
        '<a href="/tag/%3CIMG%20SRC%3DX%3E" class="tag">&lt;IMG SRC=X&gt;</a>',
        '<a href="/tag/PGOV" class="tag">PGOV</a>',
        "2009-03-04 05:06:00",
        "2011-08-30 01:44:00",
        '<a href="/classification/UNCLASSIFIED">UNCLASSIFIED</a>',
        "This cable was redacted by Wikileaks",
        'id="par1"',
        'id="par3"',
        "Latest source of this page is second, released 2011-08-30",
        f'href="/cable/2009/03/{HOSTILE_ID}.txt"',
        f'href="/cable/2009/03/{HOSTILE_ID}.json"',
        '<link rel="canonical" href="http://127.0.0.1:',
        '<meta property="og:type" content="article">',
        f'<a href="{CITING}">{CITING_ID}</a>',
        'data-copy="cite-1"',
        "@misc{09EVILPOST1,",
        "TY  - GOVDOC",
    ],
    ids=[
        "title",
        "subject",
        "wikileaks",
        "origin",
        "hostile-tag",
        "tag",
        "created",
        "released",
        "classification",
        "redacted",
        "par1",
        "par3",
        "latest-source",
        "txt-link",
        "json-link",
        "canonical",
        "open-graph",
        "cited-by",
        "copy-button",
        "bibtex",
        "ris",
    ],
)
def test_cable_page_shows(hostile_page: str, expected: str) -> None:
    assert expected in hostile_page


def test_tag_meaning_is_shown(hostile_page: str) -> None:
    from cablebrowser.parse.tags import tag_meaning

    meaning = tag_meaning("PGOV")
    assert meaning and meaning.replace("'", "&#39;") in hostile_page


def test_versions_table_lists_both_releases_with_change(hostile_page: str) -> None:
    versions = hostile_page[hostile_page.index('id="versions-h"') :]
    assert (
        versions.index(">first<")
        < versions.index(">new<")
        < versions.index(">second<")
        < versions.index(">modified<")
    )


def test_plusd_alias_is_shown_in_its_published_form(
    crafted: httpx.Client, hostile_page: str
) -> None:
    assert f"<dt>Also known as</dt><dd>{HOSTILE_ID}_a</dd>" in hostile_page
    assert f"{HOSTILE_ID}_A" not in hostile_page
    data = crafted.get(f"/api/v1/cables/{HOSTILE_ID}").json()
    assert data["aliases"] == [f"{HOSTILE_ID}_a"]
    assert crafted.get(f"/cable/{HOSTILE_ID}_a").headers["location"] == HOSTILE


def test_older_version_by_release(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE, params={"release": "first"}).text
    assert "version of release first" in page
    assert "AT and" in page and "AT&amp;T" not in page


def test_unknown_release_is_404(crafted: httpx.Client) -> None:
    assert crafted.get(HOSTILE, params={"release": "nope"}).status_code == 404


def test_references_link_known_cables_and_mark_missing_text(
    crafted: httpx.Client,
) -> None:
    page = crafted.get(CITING).text
    refs = page[page.index('id="refs-h"') : page.index('id="cited-h"')]
    assert f'<a class="ref" href="{HOSTILE}">{HOSTILE_ID}</a>' in refs
    assert f'<a class="ref" href="{KNOWN}">{KNOWN_ONLY_ID}</a>' in refs
    assert "known, no text" in refs


def test_text_form_is_the_seed_page_form(crafted: httpx.Client) -> None:
    response = crafted.get(f"/cable/2009/03/{HOSTILE_ID}.txt")
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == f"US embassy cable - {HOSTILE_ID}"
    assert lines[2] == "<script>alert('subject')</script> Tom & Jerry"
    assert "Identifier: 09EVILPOST1" in lines and "Tags: PGOV <IMG SRC=X>" in lines
    assert (
        "1. (U) Text with <script>alert('body')</script> and AT&T and \"quotes\" and <b>bold</b>."
        in lines
    )
    assert lines[-1] == "Latest source of this page is second, released 2011-08-30"


def test_json_form_carries_the_exact_text(crafted: httpx.Client) -> None:
    data = crafted.get(f"/cable/2009/03/{HOSTILE_ID}.json").json()
    assert data["reference_id"] == HOSTILE_ID
    assert "<script>alert('body')</script> and AT&T" in data["body"]
    assert [(v["release"], v["change"]) for v in data["versions"]] == [
        ("first", "new"),
        ("second", "modified"),
    ]
    assert data["cited_by"] == [CITING_ID]
    assert (
        data["wikileaks_url"]
        == f"https://wikileaks.org/cable/2009/03/{HOSTILE_ID}.html"
    )
    assert set(data["citations"]) == {"BibTeX", "RIS", "CSL-JSON", "Chicago"}


def test_known_without_text(crafted: httpx.Client) -> None:
    response = crafted.get(KNOWN)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.text
    assert (
        f'href="https://wikileaks.org/cable/2008/07/{KNOWN_ONLY_ID}.html"'
        in response.text
    )
    assert "text is not in the archive" in response.text


def test_known_without_text_as_json(crafted: httpx.Client) -> None:
    data = crafted.get(f"/cable/2008/07/{KNOWN_ONLY_ID}.json").json()
    assert data == {
        "reference_id": KNOWN_ONLY_ID,
        "canonical_id": KNOWN_ONLY_ID,
        "year": 2008,
        "month": 7,
        "has_text": False,
        "wikileaks_url": f"https://wikileaks.org/cable/2008/07/{KNOWN_ONLY_ID}.html",
    }


@pytest.mark.parametrize(
    ("path", "location"),
    [
        (f"/plusd/cables/{HOSTILE_ID}_a.html", HOSTILE),
        (f"/cable/{HOSTILE_ID}", HOSTILE),
        (f"/cable/{HOSTILE_ID}.html", HOSTILE),
        (f"/cables/{HOSTILE_ID}", HOSTILE),
        (f"/cable.php?id={HOSTILE_ID}", HOSTILE),
        (f"/cable/2001/01/{HOSTILE_ID}.html", HOSTILE),
        (f"/cable/2001/01/{HOSTILE_ID}.json", f"/cable/2009/03/{HOSTILE_ID}.json"),
        (f"/cable/2009/03/{HOSTILE_ID}", HOSTILE),
        (f"/cable/{HOSTILE_ID.lower()}", HOSTILE),
        (
            f"/cable/2009/03/{HOSTILE_ID}.html?release=first".replace(
                "2009/03", "2010/01"
            ),
            HOSTILE + "?release=first",
        ),
        (f"/cable/{KNOWN_ONLY_ID}", KNOWN),
        (f"/plusd/cables/{KNOWN_ONLY_ID}_a.html", KNOWN),
    ],
    ids=[
        "plusd",
        "bare",
        "bare-html",
        "cables",
        "cable-php",
        "wrong-month",
        "wrong-month-json",
        "no-extension",
        "lower-case",
        "keeps-query",
        "known-bare",
        "known-plusd",
    ],
)
def test_every_old_url_redirects_permanently(
    crafted: httpx.Client, path: str, location: str
) -> None:
    response = crafted.get(path)
    assert response.status_code == 301
    assert response.headers["location"] == location


@pytest.mark.parametrize(
    "path",
    [
        "/cable/09NOSUCH404.html",
        "/cable/2009/03/09NOSUCH404.html",
        "/plusd/cables/09NOSUCH404_a.html",
        "/cable.php?id=09NOSUCH404",
        "/cable.php",
        "/cables/09NOSUCH404",
    ],
    ids=["bare", "canonical", "plusd", "cable-php", "cable-php-empty", "cables"],
)
def test_unknown_cable_is_a_helpful_404(crafted: httpx.Client, path: str) -> None:
    response = crafted.get(path)
    assert response.status_code == 404
    assert 'action="/search"' in response.text and 'id="error-q"' in response.text


def test_unknown_cable_json_is_the_error_shape(crafted: httpx.Client) -> None:
    response = crafted.get("/cable/2009/03/09NOSUCH404.json")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "message": "no cable 09NOSUCH404 is known to the archive",
        }
    }
