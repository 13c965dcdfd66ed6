"""Pages for machines: ``/sitemap.xml`` (an index of sitemaps of at most 50,000 URLs) and ``/robots.txt``."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from .archive import Archive
from .render import absolute_url, cable_path

SITEMAP_SIZE = 50_000
XML_TYPE = "application/xml"
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
BROWSE_PAGES = (
    "/",
    "/origins",
    "/tags",
    "/classifications",
    "/dates",
    "/releases",
    "/search",
    "/api",
)


def _text_ids(archive: Archive) -> Iterator[tuple[str, int, int]]:
    for known in archive.store().iter_known():
        if known.has_text:
            yield known.reference_id, known.year, known.month


def _cable_count(archive: Archive) -> int:
    count = archive.cache.get("sitemap:count")
    if not isinstance(count, int):
        count = sum(1 for _ in _text_ids(archive))
        archive.cache["sitemap:count"] = count
    return count


def sitemap_index(request: Request) -> Response:
    """List the sitemaps: the browse pages, then the cables in chunks of 50,000."""
    archive: Archive = request.app.state.archive
    chunks = max(1, -(-_cable_count(archive) // SITEMAP_SIZE))
    paths = ["/sitemap-pages.xml"] + [
        f"/sitemap-cables-{number}.xml" for number in range(1, chunks + 1)
    ]
    urls = (absolute_url(request, archive.settings, path) for path in paths)
    return Response(_xml("sitemapindex", "sitemap", urls), media_type=XML_TYPE)


def sitemap_pages(request: Request) -> Response:
    """List the browse pages."""
    settings = request.app.state.archive.settings
    urls = (absolute_url(request, settings, path) for path in BROWSE_PAGES)
    return Response(_xml("urlset", "url", urls), media_type=XML_TYPE)


def sitemap_cables(request: Request) -> Response:
    """List the canonical pages of one chunk of 50,000 cables with text."""
    archive: Archive = request.app.state.archive
    raw = request.path_params["number"]
    if not raw.isascii() or not raw.isdigit() or len(raw) > 4 or int(raw) < 1:
        raise HTTPException(404, "no such sitemap")
    start = (int(raw) - 1) * SITEMAP_SIZE
    if start and start >= _cable_count(archive):
        raise HTTPException(404, "no such sitemap")
    rows = itertools.islice(_text_ids(archive), start, start + SITEMAP_SIZE)
    urls = (
        absolute_url(request, archive.settings, cable_path(rid, year, month))
        for rid, year, month in rows
    )
    return Response(_xml("urlset", "url", urls), media_type=XML_TYPE)


def _xml(root: str, item: str, urls: Iterable[str]) -> str:
    body = "".join(f"<{item}><loc>{escape(url)}</loc></{item}>\n" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{_NAMESPACE}">\n{body}</{root}>\n'


def robots(request: Request) -> Response:
    """Allow crawling of the pages, not of search results or the API, and name the sitemap."""
    sitemap = absolute_url(request, request.app.state.archive.settings, "/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /search",
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {sitemap}",
    ]
    return PlainTextResponse("\n".join(lines) + "\n")
