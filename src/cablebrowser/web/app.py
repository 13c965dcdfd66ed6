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

from ..errors import CableError
from ..settings import Settings
from . import views
from .archive import Archive
from .errors import handle_error
from .front import Front
from .render import make_environment
from .routes import routes

VIEW_THREADS = 8


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
            Middleware(Front, cache=archive.pages, quick=views.quick_cable_page)
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
