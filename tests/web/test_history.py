"""Release history on the site: the versions timeline, diff pages, the diff API, the releases feed.

The crafted archive has one cable in two releases ("AT" became "AT&T"); the
sample has 09BERLIN1162, whose 2011-04 page hid six names behind markers. A
real Chromium opens that cable, follows its timeline to the diff and checks that
the redactions are marked as redactions.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import httpx
import pytest

from cablebrowser.record import Form
from cablebrowser.store.base import Version
from cablebrowser.web.history import redaction_counts
from tests.web.conftest import HOSTILE_ID, Server

pytestmark = pytest.mark.slow  # starts a server in a subprocess

HOSTILE = f"/cable/2009/03/{HOSTILE_ID}.html"
HOSTILE_DIFF = f"/cable/2009/03/{HOSTILE_ID}/diff"
BERLIN = "/cable/2009/09/09BERLIN1162.html"
BERLIN_DIFF = "/cable/2009/09/09BERLIN1162/diff"
BERLIN_NAMES = ["Heinrich", "Erika", "Stefan", "Henrik", "Kai", "Kai"]
ATOM = "{http://www.w3.org/2005/Atom}"


def test_cable_page_shows_the_timeline_with_permalinks(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE).text
    history = page[page.index('id="versions-h"') :]
    assert f'href="{HOSTILE}?version=first">first</a>' in history
    assert f'href="{HOSTILE}?version=second">second</a>' in history
    assert (
        f'class="diff-link" href="{HOSTILE_DIFF}?from=first&amp;to=second"' in history
    )
    assert f'<form class="compare" action="{HOSTILE_DIFF}" method="get">' in history


@pytest.mark.parametrize("parameter", ["version", "release"])
def test_a_version_has_a_permalink(crafted: httpx.Client, parameter: str) -> None:
    response = crafted.get(HOSTILE, params={parameter: "first"})
    assert response.status_code == 200
    assert "version of release first" in response.text
    assert "AT and" in response.text and "AT&amp;T" not in response.text
    assert f'href="{HOSTILE_DIFF}?from=first"' in response.text


def test_unknown_version_is_404(crafted: httpx.Client) -> None:
    assert crafted.get(HOSTILE, params={"version": "nope"}).status_code == 404


def test_diff_page_marks_the_edit_and_escapes_the_text(crafted: httpx.Client) -> None:
    response = crafted.get(HOSTILE_DIFF)
    assert response.status_code == 200
    page = response.text
    assert "<script>alert" not in page
    assert (
        '<ins class="edit" data-kind="insert" title="insert: edited text">&amp;T</ins>'
        in page
    )
    assert 'data-kind="redacted"' not in page and 'data-kind="unredacted"' not in page
    assert (
        f'<link rel="canonical" href="http://127.0.0.1:{crafted.base_url.port}{HOSTILE_DIFF}?from=first&amp;to=second">'
        in page
    )
    assert 'class="diff-side"' in page


def test_inline_view(crafted: httpx.Client) -> None:
    page = crafted.get(
        HOSTILE_DIFF, params={"view": "inline", "from": "first", "to": "second"}
    ).text
    assert '<pre class="body diff-inline">' in page
    assert 'class="diff-side"' not in page


def test_same_version_on_both_sides(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE_DIFF, params={"from": "second", "to": "second"}).text
    assert "Both sides are the same version." in page


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"view": "sideways"}, 400),
        ({"from": "nope"}, 404),
        ({"to": "x" * 100}, 404),
    ],
    ids=["bad-view", "unknown-release", "overlong-release"],
)
def test_bad_diff_parameters(
    crafted: httpx.Client, params: dict[str, str], status: int
) -> None:
    assert crafted.get(HOSTILE_DIFF, params=params).status_code == status


@pytest.mark.parametrize(
    "path",
    [
        f"/cable/2001/01/{HOSTILE_ID}/diff",
        f"/cable/2009/03/{HOSTILE_ID.lower()}/diff",
        f"/cable/{HOSTILE_ID}/diff",
    ],
    ids=["wrong-month", "lower-case", "undated"],
)
def test_diff_addresses_redirect_to_the_canonical_one(
    crafted: httpx.Client, path: str
) -> None:
    response = crafted.get(path, params={"from": "first"})
    assert response.status_code == 301
    assert response.headers["location"] == f"{HOSTILE_DIFF}?from=first"


def test_diff_api(crafted: httpx.Client) -> None:
    data = crafted.get(
        f"/api/v1/cables/{HOSTILE_ID.lower()}/diff", params={"from": "first"}
    ).json()
    assert (data["from"]["release"], data["to"]["release"], data["to"]["change"]) == (
        "first",
        "second",
        "modified",
    )
    assert data["changed"] is True
    assert data["counts"] == {"insert": 1}
    assert [(s["old"], s["new"]) for s in data["segments"] if s["kind"] != "equal"] == [
        ("", "&T ")
    ]
    assert [m["hidden"] for m in data["redactions_from"]] == [None]


def test_release_api(crafted: httpx.Client) -> None:
    data = crafted.get("/api/v1/releases/second").json()
    assert data["counts"] == {"modified": 1, "new": 1}
    assert data["summary"] == "2 cables: new 1, modified 1"


def test_releases_feed(crafted: httpx.Client) -> None:
    response = crafted.get("/releases.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Release second",
        "Release first",
    ]
    assert [entry.findtext(f"{ATOM}updated") for entry in entries] == [
        "2011-08-30T00:00:00Z",
        "2010-12-01T00:00:00Z",
    ]
    assert entries[0].findtext(f"{ATOM}summary") == "2 cables: new 1, modified 1"
    assert entries[0].find(f"{ATOM}link").get("href").endswith("/release/second")  # type: ignore[union-attr]


def test_real_redactions_are_marked_and_aligned(sample: httpx.Client) -> None:
    page = sample.get(BERLIN_DIFF).text
    assert page.count('<ins class="redacted" data-kind="redacted"') == 6
    hidden = [
        line.split(">")[1].split("<")[0]
        for line in page.split('<del class="redacted" data-kind')[1:]
    ]
    assert hidden == BERLIN_NAMES
    table = page[page.index('id="redactions-h"') :]
    assert [
        cell.split("</span>")[0]
        for cell in table.split('<span class="revealed-text">')[1:]
    ] == BERLIN_NAMES


# --- in a real browser -------------------------------------------------------------------


@pytest.mark.browser
def test_browser_follows_the_timeline_to_a_marked_redaction(
    browser, sample_server: Server
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=sample_server.url, viewport={"width": 1280, "height": 900}
    )
    errors: list[str] = []
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.goto(BERLIN)
    steps = page.locator("ol.history li")
    assert steps.count() == 4
    redacting = page.locator("ol.history li.change-redacted")
    assert redacting.locator(".change").inner_text().lower() == "redacted"
    redacting.locator("a.diff-link").click()
    page.wait_for_url("**/09BERLIN1162/diff?*")
    marks = page.locator(".diff-new ins.redacted")
    assert marks.count() == 6
    assert marks.first.inner_text() == "XXXXX"
    assert "redacted" in (marks.first.get_attribute("title") or "")
    assert page.locator(".diff-old del.redacted").all_inner_texts() == BERLIN_NAMES
    # A redaction looks different from an ordinary edit.
    colour = "getComputedStyle(document.querySelector('{}')).backgroundColor"
    assert page.evaluate(colour.format(".diff-new ins.redacted")) != page.evaluate(
        colour.format(".diff-new ins.edit")
    )
    page.get_by_label("inline").check()
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**view=inline*")
    assert page.locator("pre.diff-inline ins.redacted").count() == 6
    context.close()
    assert errors == []


def test_redacted_status_names_the_redacted_releases(sample: httpx.Client) -> None:
    page = sample.get(BERLIN).text
    assert (
        '<span class="redaction-history">Redacted in cablegate-site-2011-04-25 (6 passages); not redacted in '
        "cables-first-release-2010-11-28, cablegate-201011301701, cablegate-2010-12-22.</span>"
    ) in page


def test_redacted_status_counts_every_release(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE).text
    assert (
        '<span class="redaction-history">Redacted in first (1 passage), second (1 passage).</span>'
        in page
    )
    # The plain-text page keeps the one sentence of the seed's page form.
    text = crafted.get(HOSTILE.replace(".html", ".txt")).text
    assert (
        "Redacted: This cable was redacted by Wikileaks: removed text is marked with runs of X.\n"
        in text
    )


def test_redacted_status_is_quiet_for_a_single_version(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE.replace("POST1", "POST2")).text
    assert "This cable was not redacted by Wikileaks." in page
    assert 'class="redaction-history"' not in page


def test_redaction_counts_come_from_the_versions_without_parsing() -> None:
    def version(release: str, form: Form, change: str, redactions: int) -> Version:
        return Version(
            reference_id="09BERLIN1162",
            release=release,
            released=datetime(2011, 1, 1),
            form=form,
            source="",
            content_hash="",
            change=change,
            redactions=redactions,
        )

    versions = [
        version("a", Form.FRAGMENT, "new", 0),
        version("a", Form.PAGE, "new", 2),  # the page speaks for release a
        version("b", Form.PAGE, "removed", 0),
        version("c", Form.CSV, "unredacted", 0),
    ]
    assert redaction_counts(versions) == [("a", 2), ("c", 0)]
