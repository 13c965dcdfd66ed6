"""The one layer every request passes before routing: kept pages, CORS and the security headers.

A single pure-ASGI layer costs one call and one wrapped ``send`` per request,
where a layer per concern cost three of each (a good part of a page that is
answered from what the process keeps). It answers a GET or HEAD for a kept
page itself; otherwise it passes the request on and adds the headers to the
response start. CORS answers as Starlette's ``CORSMiddleware`` with every
origin allowed for GET and HEAD, without credentials; its preflight answer is
that middleware's own.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .pagecache import PageCache, page_key

# A view that renders the commonest pages before routing, or answers None to leave
# the request to the routes (which also explain every error).
QuickView = Callable[[Request], Response | None]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
]
ALLOWED_METHODS = ("GET", "HEAD")
_ANY_ORIGIN = (b"access-control-allow-origin", b"*")


class Front:
    """Answer kept pages, and give every response its CORS and security headers."""

    def __init__(
        self, app: ASGIApp, cache: PageCache, quick: QuickView | None = None
    ) -> None:
        self.app = app
        self.cache = cache
        self.quick = quick
        self.preflight = CORSMiddleware(
            app, allow_origins=["*"], allow_methods=ALLOWED_METHODS
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send the kept response or the preflight answer, else pass the request on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        method = scope["method"]
        if method in ALLOWED_METHODS:
            response = self._answer(scope)
            if response is not None:
                await response(scope, receive, _sender(send, origin, True))
                return
        elif method == "OPTIONS" and origin is not None:
            if _header(scope, b"access-control-request-method") is not None:
                answer = self.preflight.preflight_response(Headers(scope=scope))
                await answer(scope, receive, _sender(send, None, False))
                return
        await self.app(scope, receive, _sender(send, origin, True))

    def _answer(self, scope: Scope) -> Response | None:
        """Answer from the kept page, else by the quick view (keeping its page), else None."""
        key = page_key(scope)
        kept = self.cache.get(key)
        if kept is None and self.quick is not None:
            try:
                fresh = self.quick(Request(scope))
            except Exception:  # noqa: BLE001 - the routes render it again and explain the error
                return None
            if fresh is None:
                return None
            kept = self.cache.keep(key, fresh)
            if kept is None:
                return fresh
        return None if kept is None else kept.respond(Headers(scope=scope))


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


def _sender(send: Send, origin: bytes | None, cors: bool) -> Send:
    """Wrap ``send`` to add the headers to the response start."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", ()))
            if cors:
                headers = _cors_headers(headers, origin is not None)
            message["headers"] = headers + SECURITY_HEADERS
        await send(message)

    return send_with_headers


def _cors_headers(
    headers: list[tuple[bytes, bytes]], with_origin: bool
) -> list[tuple[bytes, bytes]]:
    """Return the headers as ``CORSMiddleware`` leaves them: ``Origin`` in Vary, any origin allowed."""
    if with_origin:
        headers = _set(headers, *_ANY_ORIGIN)
    varies = [value for name, value in headers if name == b"vary"]
    return _set(headers, b"vary", b", ".join([*varies, b"Origin"]))


def _set(
    headers: list[tuple[bytes, bytes]], name: bytes, value: bytes
) -> list[tuple[bytes, bytes]]:
    # As MutableHeaders: the first header of the name takes the value, later ones go.
    found = [i for i, (key, _) in enumerate(headers) if key == name]
    if not found:
        return [*headers, (name, value)]
    first = found[0]
    return [
        (name, value) if i == first else header
        for i, header in enumerate(headers)
        if i == first or header[0] != name
    ]
