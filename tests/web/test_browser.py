"""The site in real headless Chromium: read the seed cable, follow links, search, copy a citation.

Screenshots of the cable, search and home pages at desktop and phone widths go
to test-artifacts/ and must not be blank.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import ROOT, Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
SEED_PATH = "/cable/2005/10/05ALMATY3603.html"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture()
def page(browser, sample_server: Server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=sample_server.url, viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=sample_server.url
    )
    errors: list[str] = []
    opened = context.new_page()
    opened.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    yield opened
    context.close()
    # A CSP violation or a script error shows up as a console error.
    assert errors == []


def test_seed_cable_page(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(SEED_PATH)
    assert page.title() == "US embassy cable - 05ALMATY3603"
    assert "NAZARBAYEV" in page.locator("h1").inner_text()
    assert page.locator("#par1").count() == 1
    link = page.get_by_role("link", name="View 05ALMATY3603 at Wikileaks.org")
    assert (
        link.get_attribute("href")
        == "https://wikileaks.org/cable/2005/10/05ALMATY3603.html"
    )


def test_similar_cables_are_loaded_into_the_cable_page(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(SEED_PATH)
    section = page.locator("section[data-similar]")
    section.locator("#similar-list").wait_for(timeout=10_000)
    assert section.locator(".similar-link").count() == 0
    links = section.locator("#similar-list a")
    assert links.count() >= 1
    assert links.first.get_attribute("href").startswith("/cable/")


def test_follow_a_tag(page, sample) -> None:  # type: ignore[no-untyped-def]
    page.goto(SEED_PATH)
    page.locator("a.tag", has_text="PGOV").first.click()
    page.wait_for_url("**/tag/PGOV")
    assert page.locator("h1").inner_text() == "Cables tagged PGOV"
    total = sample.get("/api/v1/cables", params={"tag": "PGOV"}).json()["total"]
    assert _total(page.locator("p.total").inner_text()) == total
    assert page.locator("table.cables tbody tr").count() == min(total, 50)


def test_search_and_click_a_facet(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("#home-q", "nazarbayev")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=nazarbayev*")
    assert page.locator("li.hit").count() > 0
    assert page.locator("li.hit mark").count() > 0
    before = _total(page.locator("p.total").inner_text())
    facet = page.locator("a.facet").first
    value, count = (
        facet.inner_text(),
        _total(facet.locator("xpath=following-sibling::span[1]").inner_text()),
    )
    facet.click()
    page.wait_for_url("**/search?q=nazarbayev+*")
    assert value.split()[0] in page.input_value("#search-q")
    assert _total(page.locator("p.total").inner_text()) == count <= before


def _total(text: str) -> int:
    return int(text.split()[0].replace(",", ""))


def test_follow_a_ref_link(page, sample) -> None:  # type: ignore[no-untyped-def]
    path = _a_cable_with_a_ref_link(sample)
    page.goto(path)
    target = page.locator("a.ref").first
    href = target.get_attribute("href")
    target.click()
    page.wait_for_url("**" + href)
    assert page.title().startswith("US embassy cable - ")


def _a_cable_with_a_ref_link(sample) -> str:  # type: ignore[no-untyped-def]
    for number in range(1, 6):
        items = sample.get(
            "/api/v1/cables", params={"per_page": 100, "page": number}
        ).json()["items"]
        for item in items:
            if 'class="ref" href=' in sample.get(item["url"]).text:
                return str(item["url"])
    raise AssertionError("no cable of the sample cites another cable of the sample")


def test_copy_a_citation(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(SEED_PATH)
    button = page.locator('button[data-copy="cite-1"]')
    button.click()
    page.wait_for_function(
        "document.querySelector('button[data-copy=\"cite-1\"]').textContent === 'Copied'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{05ALMATY3603,")
    assert copied == page.locator("#cite-1").inner_text()


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
@pytest.mark.parametrize(
    ("name", "path"),
    [("cable", SEED_PATH), ("search", "/search?q=nazarbayev"), ("home", "/")],
    ids=["cable", "search", "home"],
)
def test_screenshot_is_not_blank(page, name: str, path: str, width: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(path)
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=False)
    assert os.path.getsize(target) > 5000
    assert _variance(target) > 100.0
    # No horizontal scrolling on a phone: the layout fits the width.
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width] + 1


def _variance(png: Path) -> float:
    """Return the variance of the grey levels of a PNG (8-bit RGB or RGBA, as Chromium writes it)."""
    width, height, rows = _png_rows(png.read_bytes())
    channels = len(rows[0]) // width
    values = [row[col * channels] for row in rows[::5] for col in range(0, width, 5)]
    mean = sum(values) / len(values)
    return sum((value - mean) ** 2 for value in values) / len(values)


def _png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6), "unexpected PNG format"
    channels = 3 if colour == 2 else 4
    idat, position = b"", 8
    while position < len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        if data[position + 4 : position + 8] == b"IDAT":
            idat += data[position + 8 : position + 8 + length]
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytes(stride)
    for number in range(height):
        start = number * (stride + 1)
        row = _unfilter(
            raw[start],
            bytearray(raw[start + 1 : start + 1 + stride]),
            previous,
            channels,
        )
        rows.append(row)
        previous = row
    return width, height, rows


def _unfilter(kind: int, row: bytearray, above: bytes, bpp: int) -> bytes:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = above[i]
        corner = above[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - corner
            pa, pb, pc = (
                abs(estimate - left),
                abs(estimate - up),
                abs(estimate - corner),
            )
            row[i] = (
                row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
            ) & 0xFF
    return bytes(row)
