"""Safety: security headers, and nothing a client sends makes a 500."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest

from tests.web.conftest import HOSTILE_ID, Server

pytestmark = pytest.mark.slow  # starts a server in a subprocess

PAGES = [
    "/",
    f"/cable/2009/03/{HOSTILE_ID}.html",
    "/search?q=minister",
    "/api/v1/releases",
    "/tags",
    "/search/facet/tag?q=minister",
]


@pytest.mark.parametrize(
    "path", PAGES, ids=["home", "cable", "search", "api", "tags", "facet"]
)
def test_security_headers(crafted: httpx.Client, path: str) -> None:
    headers = crafted.get(path).headers
    csp = headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "style-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
    )
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_no_inline_script_or_style_in_pages(crafted: httpx.Client) -> None:
    for path in PAGES[:3] + PAGES[5:] + ["/origins", "/dates", "/releases", "/api"]:
        page = crafted.get(path).text
        assert (
            "<script>" not in page and "style=" not in page and "<style" not in page
        ), path
        assert " onclick=" not in page and "javascript:" not in page, path


def test_cors_allows_get_from_anywhere(crafted: httpx.Client) -> None:
    response = crafted.get(
        "/api/v1/releases", headers={"Origin": "https://elsewhere.example"}
    )
    assert response.headers["access-control-allow-origin"] == "*"


def raw_get(server: Server, target: bytes) -> int:
    """Send one GET with an exact, unnormalised request target; return the status code."""
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(
            b"GET " + target + b" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status_line = data.split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


HOSTILE_TARGETS = [
    b"/cable/%00",
    b"/cable/2009/03/%00.html",
    b"/cable/2009/03/09EVIL%00POST1.html",
    b"/cable/" + b"A" * 5000,
    b"/cable/2009/03/" + b"9" * 300 + b".json",
    b"/cable.php?id=%00",
    b"/cable.php?id=" + b"A" * 300,
    b"/cable.php?id=%FF%FE",
    b"/plusd/cables/%FF_a.html",
    b"/cable/%FF%FE%FD",
    b"/cable/a/b/c/d/e",
    b"/search?q=%FF%FE",
    b"/search?q=" + b"a" * 2000,
    b"/search?q=%00",
    b"/search?q=a&page=-1",
    b"/search?q=a&page=abc",
    b"/search?q=a&page=99999999999999999999",
    b"/search?q=a&page=100000",
    b"/search?q=a&sort=%3Cscript%3E",
    b"/search?q=a&per_page=100000",
    b"/search?q=((((",
    b"/search?q=tag%3A",
    b"/search.json?q=from%3A2005-13",
    b"/search/facet/nope?q=a",
    b"/search/facet/%00?q=a",
    b"/search/facet/tag?q=%FF%FE",
    b"/search/facet/tag?q=((((",
    b"/search/facet/tag",
    b"/search.csv?q=",
    b"/origins?page=0",
    b"/origins?sort=bogus",
    b"/tags?page=%FF",
    b"/tag/%00",
    b"/tag/" + b"X" * 500,
    b"/origin/%FF",
    b"/classification/NOPE",
    b"/dates/abcd",
    b"/dates/2009/99/99/99",
    b"/dates/0000",
    b"/release/%00",
    b"/release/nope",
    b"/api/v1/cables?per_page=1000",
    b"/api/v1/cables?sort=%00",
    b"/api/v1/cables?origin=" + b"x" * 1000,
    b"/api/v1/cables/%00",
    b"/api/v1/cables/NOPE/versions",
    b"/api/v1/facets/bogus",
    b"/api/v1/facets/year?date=%3Cx%3E",
    b"/api/v1/search",
    b"/api/v1/nope",
    b"/sitemap-cables-0.xml",
    b"/sitemap-cables-99999.xml",
    b"/sitemap-cables-abc.xml",
    b"/static/../settings.py",
    b"/static/%2e%2e/%2e%2e/settings.py",
    b"/../../../../etc/passwd",
    b"/cable/..%2F..%2F..%2Fetc%2Fpasswd",
    b"/cable/2009/03/09EVILPOST1.html?release=%00",
    b"/cable/2009/03/09EVILPOST1.html?release=" + b"r" * 500,
    b"/%ZZ",
]


@pytest.mark.parametrize(
    "target", HOSTILE_TARGETS, ids=[t[:40].decode("latin-1") for t in HOSTILE_TARGETS]
)
def test_hostile_requests_are_client_errors(
    crafted_server: Server, target: bytes
) -> None:
    assert 400 <= raw_get(crafted_server, target) < 500


def test_post_is_method_not_allowed(crafted: httpx.Client) -> None:
    assert crafted.post("/search", data={"q": "x"}).status_code == 405


def test_query_error_page_says_what_is_wrong(crafted: httpx.Client) -> None:
    response = crafted.get("/search", params={"q": "tag:"})
    assert response.status_code == 400
    assert "The query could not be read:" in response.text and "tag:" in response.text


def test_query_error_json_is_the_error_shape(crafted: httpx.Client) -> None:
    response = crafted.get("/api/v1/search", params={"q": "tag:"})
    assert response.status_code == 400
    body = response.json()
    assert (
        set(body) == {"error"}
        and body["error"]["status"] == 400
        and "tag" in body["error"]["message"]
    )


def test_overlong_query_is_rejected_with_message(crafted: httpx.Client) -> None:
    response = crafted.get("/api/v1/search", params={"q": "a" * 501})
    assert response.json() == {
        "error": {
            "status": 400,
            "message": "parameter 'q' is longer than 500 characters",
        }
    }
