"""Assemble the web application: routes, middleware, error handler and the archive, explicitly.

``create_app(settings)`` is the only way to get an application; nothing is
built at import time. ``app_from_env()`` is the factory the server's worker
processes call (settings from ``CABLEBROWSER_*``).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import CableError
from ..settings import Settings
from .archive import Archive
from .errors import handle_error
from .pagecache import KeptPages
from .render import make_environment
from .routes import routes

VIEW_THREADS = 8
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


class SecurityHeaders:
    """Add the security headers (strict CSP, nosniff, referrer policy, no framing) to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, adding the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings) -> Starlette:
    """Build the web application for one archive."""
    archive = Archive(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Each thread holds its own database connection and page cache: a few
        # threads keep both cores busy (the work holds the GIL) at a bounded memory.
        anyio.to_thread.current_default_thread_limiter().total_tokens = VIEW_THREADS
        yield
        archive.close()

    app = Starlette(
        routes=routes(),
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD"]
            ),
            Middleware(KeptPages, cache=archive.pages),
        ],
        exception_handlers={
            HTTPException: handle_error,
            CableError: handle_error,
            Exception: handle_error,
        },
        lifespan=lifespan,
    )
    app.state.archive = archive
    app.state.page_cache = archive.pages
    app.state.templates = make_environment(settings)
    return app


def app_from_env() -> Starlette:
    """Build the application from ``CABLEBROWSER_*`` variables (the server's factory)."""
    return create_app(Settings.from_env())
