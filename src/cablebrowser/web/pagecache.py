"""Keep rendered pages per process and answer conditional GETs with 304.

A page depends only on its URL and on the archive as it is on disk, so a
rendered response is kept under its URL until the database or the search index
changes (their files' sizes and times form the *generation*). Every kept
response carries an ETag and a Last-Modified date; a client that sends them
back gets a 304 without a body. A kept page is answered before routing; views
stay synchronous and run only when the page is not kept: in the thread pool, or
on the event loop for the quick ones (``inline``).
"""

from __future__ import annotations

import functools
import os
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

MAX_PAGE_BYTES = 64 * 1024 * 1024  # per process
MAX_ENTRIES = 20_000
GENERATION_CHECK_SECONDS = 1.0
CACHEABLE_STATUSES = frozenset({200, 301})
_DROPPED_HEADERS = frozenset({b"etag", b"last-modified", b"cache-control"})


class LRU:
    """A thread-safe least-recently-used map bounded by entry count and by total size."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        """Return the value under ``key`` (marking it recently used), or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: object, size: int = 1) -> None:
        """Keep ``value`` under ``key``, dropping the least recently used past the bounds."""
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes += size - (old[1] if old else 0)
            self._items[key] = (value, size)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


class Generation:
    """The state of the archive files on disk, re-read at most once a second."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self._checked = float("-inf")
        self.stamp: tuple[tuple[int, int], ...] = ()
        self.modified = 0.0  # newest modification time, seconds since the epoch

    def changed(self) -> bool:
        """Re-read the files' state when due; tell whether it differs from the last one."""
        now = time.monotonic()
        if now - self._checked < GENERATION_CHECK_SECONDS:
            return False
        self._checked = now
        stats = [_stat(path) for path in self.paths]
        stamp = tuple((mtime, size) for mtime, size in stats)
        if stamp == self.stamp:
            return False
        self.stamp = stamp
        self.modified = max((mtime for mtime, _ in stats), default=0) / 1e9
        return True


def _stat(path: Path) -> tuple[int, int]:
    try:
        result = os.stat(path)
    except OSError:
        return (0, 0)
    return (result.st_mtime_ns, result.st_size)


@dataclass(frozen=True)
class Kept:
    """A rendered response as kept: status, headers, body and validators."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    modified: float

    def respond(self, headers: Headers) -> Response:
        """Answer a request from the kept response, or with a 304 if the client has it."""
        if self.etag and _not_modified(headers, self.etag, self.modified):
            return _Raw(304, validators(self.etag, self.modified), b"")
        return _Raw(self.status, self.headers, self.body)


def validators(etag: str, modified: float) -> list[tuple[bytes, bytes]]:
    """Return the ETag and Last-Modified headers, and ask clients to revalidate."""
    return [
        (b"etag", etag.encode("latin-1")),
        (b"last-modified", _http_date(modified)),
        (b"cache-control", b"no-cache"),
    ]


@functools.lru_cache(maxsize=16)  # one modification time per generation
def _http_date(modified: float) -> bytes:
    return formatdate(modified, usegmt=True).encode()


def content_tag(body: bytes) -> str:
    """Return the ETag of a body: two checksums and the length, which any change alters.

    An ETag only tells two versions of one address apart, so checksums do
    (several times quicker than a cryptographic hash over a page).
    """
    return f'"{zlib.crc32(body):08x}{zlib.adler32(body):08x}-{len(body):x}"'


class _Raw(Response):
    """A response from bytes that are ready to send (no header processing)."""

    def __init__(
        self, status: int, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        self.status_code = status
        self.raw_headers = list(headers)
        self.body = body
        self.background = None


def _not_modified(headers: Headers, etag: str, modified: float) -> bool:
    match = headers.get("if-none-match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or etag in tags
    since = headers.get("if-modified-since")
    if since is None:
        return False
    try:
        return int(modified) <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False


class PageCache:
    """The rendered pages of one process, forgotten whenever the archive changes."""

    def __init__(self, paths: list[Path], on_change: Callable[[], None]) -> None:
        self.pages = LRU(MAX_ENTRIES, MAX_PAGE_BYTES)
        self.generation = Generation(paths)
        self._on_change = on_change

    def check(self) -> None:
        """Forget every kept page (and call back) when the archive files changed."""
        if self.generation.changed():
            self.pages.clear()
            self._on_change()

    def get(self, key: Hashable) -> Kept | None:
        """Return the kept response under ``key``, or None."""
        self.check()
        kept = self.pages.get(key)
        return kept if isinstance(kept, Kept) else None

    def keep(self, key: Hashable, response: Response) -> Kept | None:
        """Keep a fully rendered response if it may be kept; return it, or None."""
        body = getattr(response, "body", None)
        if response.status_code not in CACHEABLE_STATUSES or not isinstance(
            body, bytes
        ):
            return None
        headers = [h for h in response.raw_headers if h[0] not in _DROPPED_HEADERS]
        if any(name == b"set-cookie" for name, _ in headers):
            return None
        modified = self.generation.modified
        etag = ""  # a redirect keeps its own caching rules
        if response.status_code == 200:
            etag = content_tag(body)
            headers += validators(etag, modified)
        kept = Kept(response.status_code, headers, body, etag, modified)
        self.pages.put(key, kept, len(body) + 512)
        return kept


def page_key(scope: Scope) -> Hashable:
    """Return what a page depends on: the host (absolute links) and the path with its query."""
    host = b""
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
            break
    return (host, scope["path"], scope.get("query_string", b""))


def kept_page(
    view: Callable[[Request], Response], *, inline: bool = False
) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a synchronous view so that its responses are kept per URL and validated.

    An ``inline`` view runs on the event loop itself: it must be quick (a few
    indexed reads and a render, about a millisecond), since the hop to a worker
    thread would cost a good part of that and the work holds the GIL anyway.
    """

    async def endpoint(request: Request) -> Response:
        cache: PageCache = request.app.state.page_cache
        key = page_key(request.scope)
        kept = cache.get(key)
        if kept is None:
            if inline:
                response = view(request)
            else:
                response = await run_in_threadpool(view, request)
            kept = cache.keep(key, response)
            if kept is None:
                return response
        return kept.respond(request.headers)

    endpoint.__name__ = view.__name__
    endpoint.__doc__ = view.__doc__
    return endpoint
