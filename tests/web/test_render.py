"""Pure helpers of the web layer: URLs, paragraph anchors, the text page."""

from __future__ import annotations

import pytest
from markupsafe import escape
from starlette.requests import Request

from cablebrowser.settings import Settings
from cablebrowser.web.browse import fill_gaps, timeline
from cablebrowser.web.cablehtml import TEMPLATE, CableFrame
from cablebrowser.web.cablepage import body_html
from cablebrowser.web.render import (
    absolute_url,
    cable_path,
    escape_text,
    make_environment,
    wikileaks_url,
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("05ALMATY3603", 2005, 10), "/cable/2005/10/05ALMATY3603.html"),
        (("05ALMATY3603", 2005, 10, "json"), "/cable/2005/10/05ALMATY3603.json"),
        (
            ("66BUENOSAIRES2481", 1966, 12, "txt"),
            "/cable/1966/12/66BUENOSAIRES2481.txt",
        ),
        (("10STATE284", None, None), "/cable/10STATE284"),
        (("A/B?C", 2001, 1), "/cable/2001/01/A%2FB%3FC.html"),
    ],
    ids=["html", "json", "old-txt", "no-date", "quoted"],
)
def test_cable_path(args: tuple, expected: str) -> None:
    assert cable_path(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("05ALMATY3603", 2005, 10),
            "https://wikileaks.org/cable/2005/10/05ALMATY3603.html",
        ),
        (
            ("10STATE284", None, None),
            "https://wikileaks.org/plusd/cables/10STATE284_a.html",
        ),
    ],
    ids=["viewer", "plusd"],
)
def test_wikileaks_url(args: tuple, expected: str) -> None:
    assert wikileaks_url(*args) == expected


def test_body_html_escapes_and_anchors_paragraphs_in_sequence() -> None:
    body = "SUBJECT: <x>\n\n1. (C) A & B.\n2000. not a paragraph\n2. (C) <script>\n 3.  (U) end\n5. skipped"
    html = str(body_html(body))
    assert "&lt;x&gt;" in html and "A &amp; B" in html and "&lt;script&gt;" in html
    assert [html.count(f'id="par{n}"') for n in (1, 2, 3, 5)] == [1, 1, 1, 0]
    assert "<script>" not in html
    assert (
        html.index('id="par1"')
        < html.index("1. (C)")
        < html.index('id="par2"')
        < html.index("2. (C)")
    )


def test_body_html_anchors_a_first_line_paragraph() -> None:
    html = str(body_html("1. (C) One.\n\t2.\tTwo."))
    assert html.startswith('<a class="par" id="par1" href="#par1"')
    assert (
        '\n<a class="par" id="par2" href="#par2" aria-label="Paragraph 2"></a>\t2.'
        in html
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "<script>alert('x')</script>",
        'AT&T "quoted" &amp; <>',
        "caf\u00e9 \u2019 &",
    ],
)
def test_escape_text_is_markupsafe_escape(text: str) -> None:
    assert escape_text(text) == str(escape(text))


def test_the_cable_frame_fills_every_slot_as_given() -> None:
    env = make_environment(Settings())
    source = env.loader.get_source(env, TEMPLATE)[0] if env.loader else ""
    assert "{%" not in source  # slots only: a condition would see the slot's marker
    frame = CableFrame(env)
    names = {name for name, _ in frame.slots}
    page = frame.render({name: f"[{name}]" for name in names}).decode()
    assert "reference_id" in names and "body" in names
    assert '<pre class="body">[body]</pre>' in page
    assert "\x00" not in page and page.startswith("<!doctype html>")


def test_body_html_keeps_the_text() -> None:
    body = "1. (C) One.\n2. (C) Two.\n"
    html = str(body_html(body))
    stripped = html.replace(
        '<a class="par" id="par1" href="#par1" aria-label="Paragraph 1"></a>', ""
    )
    stripped = stripped.replace(
        '<a class="par" id="par2" href="#par2" aria-label="Paragraph 2"></a>', ""
    )
    assert stripped == body


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([("2001", 3), ("2003", 1)], [("2001", 3), ("2002", 0), ("2003", 1)]),
        (
            [("2008-11", 1), ("2009-02", 2)],
            [("2008-11", 1), ("2008-12", 0), ("2009-01", 0), ("2009-02", 2)],
        ),
        (
            [("2009-03-04", 1), ("2009-03-09", 2)],
            [("2009-03-04", 1), ("2009-03-09", 2)],
        ),
        ([("PGOV", 1)], [("PGOV", 1)]),
    ],
    ids=["years", "months-across-year", "days-unchanged", "not-dates"],
)
def test_fill_gaps(points: list, expected: list) -> None:
    assert fill_gaps(points) == expected


def test_timeline_bars_scale_to_the_highest() -> None:
    bars = timeline(
        [("2001", 4), ("2002", 0), ("2003", 2)], lambda label: f"/dates/{label}"
    )
    assert [bar.height for bar in bars] == [120.0, 0.0, 60.0]
    assert [bar.y for bar in bars] == [0.0, 120.0, 60.0]
    assert bars[2].url == "/dates/2003"


@pytest.mark.parametrize(
    "server",
    [("example.org", 8000), ["example.org", 8000], None],
    ids=["tuple", "list", "none"],
)
def test_absolute_url_whatever_form_the_server_address_takes(server: object) -> None:
    scope = {
        "type": "http",
        "scheme": "http",
        "server": server,
        "path": "/",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"example.org:8000")],
    }
    url = absolute_url(Request(scope), Settings.from_env(db="x.db"), "/cable/a.html")
    assert url == "http://example.org:8000/cable/a.html"
