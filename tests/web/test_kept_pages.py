"""Kept pages: similar cables at their own address, ETag/Last-Modified with 304, invalidation."""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest

from cablebrowser.web.pagecache import LRU, Generation, PageCache
from tests.web.conftest import CITING_ID, HOSTILE_ID

HOSTILE = f"/cable/2009/03/{HOSTILE_ID}.html"
SIMILAR = f"/cable/2009/03/{HOSTILE_ID}/similar.html"


@pytest.mark.slow
def test_cable_page_links_to_its_similar_cables(crafted: httpx.Client) -> None:
    page = crafted.get(HOSTILE).text
    assert f'data-similar="{SIMILAR}"' in page
    assert f'<a href="{SIMILAR}">Cables similar to {HOSTILE_ID}</a>' in page


@pytest.mark.slow
def test_similar_page_lists_cables_escaped(crafted: httpx.Client) -> None:
    response = crafted.get(f"/cable/2009/03/{CITING_ID}/similar.html")
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    text = response.text
    assert '<div id="similar-list">' in text
    assert f'href="/cable/2009/03/{CITING_ID}.html"' in text
    assert "<script>alert" not in text


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        f"/cable/2001/01/{HOSTILE_ID}/similar.html",
        f"/cable/{HOSTILE_ID}/similar.html",
        f"/cable/2009/03/{HOSTILE_ID.lower()}/similar.html",
    ],
)
def test_similar_page_redirects_to_its_canonical_address(
    crafted: httpx.Client, path: str
) -> None:
    response = crafted.get(path)
    assert response.status_code == 301
    assert response.headers["location"] == SIMILAR


@pytest.mark.slow
def test_similar_page_of_an_unknown_cable_is_404(crafted: httpx.Client) -> None:
    assert crafted.get("/cable/2009/03/09NOSUCH999/similar.html").status_code == 404


@pytest.mark.slow
@pytest.mark.parametrize("path", [HOSTILE, SIMILAR, "/search?q=minister"])
def test_conditional_get_answers_304(crafted: httpx.Client, path: str) -> None:
    first = crafted.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = crafted.get(path)  # now kept: the same bytes and headers
    assert again.content == first.content and again.headers["etag"] == etag
    assert "default-src 'none'" in again.headers["content-security-policy"]
    for header in ({"if-none-match": etag}, {"if-modified-since": modified}):
        cached = crafted.get(path, headers=header)
        assert cached.status_code == 304 and cached.content == b""
        assert cached.headers["etag"] == etag
        assert cached.headers["x-frame-options"] == "DENY"
    assert crafted.get(path, headers={"if-none-match": '"other"'}).status_code == 200


def test_lru_drops_the_least_recently_used() -> None:
    lru = LRU(max_entries=2, max_bytes=100)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1
    lru.put("c", 3)
    assert lru.get("b") is None and lru.get("a") == 1 and lru.get("c") == 3


def test_lru_is_bounded_by_size() -> None:
    lru = LRU(max_entries=10, max_bytes=100)
    lru.put("a", "x", 60)
    lru.put("b", "y", 60)
    lru.put("huge", "z", 101)
    assert lru.get("a") is None and lru.get("b") == "y" and lru.get("huge") is None


def test_pages_are_forgotten_when_the_database_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"one")
    forgotten: list[bool] = []
    cache = PageCache([db, tmp_path / "a.db-wal"], lambda: forgotten.append(True))
    cache.check()
    cache.pages.put("key", "page")
    forgotten.clear()
    monkeypatch.setattr(time, "monotonic", lambda: 1e12)  # the next check is due
    db.write_bytes(b"changed")
    os.utime(db, ns=(1, 1))
    cache.check()
    assert forgotten == [True] and cache.pages.get("key") is None


def test_generation_is_read_at_most_once_a_second(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"one")
    generation = Generation([db])
    assert generation.changed()
    db.write_bytes(b"changed!")
    assert not generation.changed()  # checked a moment ago
