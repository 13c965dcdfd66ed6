"""One exception handler, one JSON error shape.

Every failure becomes ``{"error": {"status": N, "message": "..."}}`` for the
JSON API and ``.json`` pages, and the ``error.html`` page (with a search box)
for everything else. Expected failures keep their status; anything else is
logged and shown as a plain 500.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..errors import CableError, QueryError, StoreError
from .render import is_json_request, json_error, render_html

logger = logging.getLogger("cablebrowser.web")


def status_and_message(error: Exception) -> tuple[int, str]:
    """Return the HTTP status and the user-facing message of an exception."""
    if isinstance(error, HTTPException):
        return error.status_code, error.detail or HTTPStatus(error.status_code).phrase
    if isinstance(error, QueryError):
        return 400, error.message
    if isinstance(error, StoreError):
        return 503, f"the archive is not available: {error.message}"
    if isinstance(error, CableError):
        return 400, error.message
    return 500, "internal server error"


async def handle_error(request: Request, error: Exception) -> Response:
    """Render any exception as the JSON error shape or the HTML error page."""
    status, message = status_and_message(error)
    if status >= 500 and not isinstance(error, HTTPException | CableError):
        logger.error("error serving %s", request.url.path, exc_info=error)
    headers = getattr(error, "headers", None) or {}
    if is_json_request(request):
        response: Response = json_error(status, message)
    else:
        context = {
            "status": status,
            "title": _title(status),
            "message": message,
            "query": "",
        }
        response = render_html(request, "error.html", context, status=status)
    response.headers.update(headers)
    return response


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
