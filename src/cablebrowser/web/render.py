"""Turn gathered page data into responses: the template environment, URLs and parameters.

Every view gathers its data once and hands it here to become HTML (Jinja2,
autoescaped everywhere), JSON, CSV or plain text. Request parameters are
checked here too, so a bad one is a 400 and never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..settings import Settings

JSON_TYPE = "application/json"
MAX_ID_LENGTH = 64


def make_environment(settings: Settings) -> Environment:
    """Build the Jinja2 environment: autoescape on for every template, strict undefined."""
    env = Environment(
        loader=PackageLoader("cablebrowser.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are package data: no stat() per render
    )

    def absolute(request: Request, path: str) -> str:
        return (
            path
            if path.startswith(("http://", "https://"))
            else absolute_url(request, settings, path)
        )

    env.globals.update(
        site_name=settings.site_name,
        cable_path=cable_path,
        url_with=url_with,
        absolute=absolute,
    )
    env.filters.update(
        when=format_when, day=format_day, number=format_number, q=quote_segment
    )
    from .browse import timeline_svg  # browse renders through this module

    env.globals["timeline_svg"] = timeline_svg
    # The site's frame never changes while the server runs: rendered once, placed as is.
    for name in ("site_links", "site_header", "site_footer"):
        env.globals[name] = Markup(env.get_template(f"_{name}.html").render())
    return env


def cable_path(
    reference_id: str, year: int | None, month: int | None, ext: str = "html"
) -> str:
    """Return the canonical path of a cable: ``/cable/YYYY/MM/ID.ext`` (creation year and month)."""
    if year is None or month is None:
        return f"/cable/{quote_segment(reference_id)}"
    return f"/cable/{year:04d}/{month:02d}/{quote_segment(reference_id)}.{ext}"


def created_path(reference_id: str, created: datetime | None, ext: str = "html") -> str:
    """Return the canonical path of a cable from its creation date."""
    if created is None:
        return cable_path(reference_id, None, None)
    return cable_path(reference_id, created.year, created.month, ext)


def wikileaks_url(reference_id: str, year: int | None, month: int | None) -> str:
    """Return the address of the cable on the original WikiLeaks cable viewer."""
    if year is None or month is None:
        return (
            f"https://wikileaks.org/plusd/cables/{quote_segment(reference_id)}_a.html"
        )
    return f"https://wikileaks.org/cable/{year:04d}/{month:02d}/{quote_segment(reference_id)}.html"


# The characters ``quote`` never changes: most IDs, tags and origins are made of them only.
_UNQUOTED_PATTERN = re.compile(r"[A-Za-z0-9_.~-]*")


def quote_segment(value: object) -> str:
    """Quote a value for use as one path segment."""
    text = str(value)
    if _UNQUOTED_PATTERN.fullmatch(text):
        return text
    return quote(text, safe="")


def escape_text(text: str) -> str:
    """Escape text for HTML exactly as ``markupsafe.escape`` does, as a plain string.

    A cable's text holds few of the five characters, each found by a quick
    scan; markupsafe's own escaping walks every character and takes several
    times longer on a page of text.
    """
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text


def url_with(request: Request, **changes: object) -> str:
    """Return the request's path with some query parameters changed (``None`` removes one)."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    query = urlencode(params)
    return f"{request.url.path}?{query}" if query else request.url.path


def absolute_url(request: Request, settings: Settings, path: str) -> str:
    """Return the public absolute address of a path on this site."""
    if settings.base_url:
        return settings.base_url.rstrip("/") + path
    return _request_base(request) + path


_BASES: dict[tuple[object, ...], str] = {}
MAX_BASES = 64


def _request_base(request: Request) -> str:
    # Building the request's base URL costs more than the rest of a link; it
    # depends only on these parts of the request, which repeat.
    scope = request.scope
    key = (
        scope.get("scheme"),
        tuple(scope.get("server") or ()),  # some ASGI clients pass a list
        scope.get("root_path"),
        scope.get("app_root_path"),
        request.headers.get("host"),
    )
    base = _BASES.get(key)
    if base is None:
        base = str(request.base_url).rstrip("/")
        if len(_BASES) >= MAX_BASES:
            _BASES.clear()
        _BASES[key] = base
    return base


def format_when(value: datetime | date | None) -> str:
    """Format a timestamp as ``YYYY-MM-DD HH:MM:SS`` (a date as ``YYYY-MM-DD``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        # isoformat is several times quicker than strftime and writes the same
        # digits, up to its offset and fraction (cut off) and for years from 1000.
        if value.year < 1000:
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return value.isoformat(" ", "seconds")[:19]
    return value.isoformat()


def format_day(value: datetime | date | None) -> str:
    """Format a timestamp's date as ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if value.year < 1000:
        return value.strftime("%Y-%m-%d")
    return value.isoformat()[:10]


def format_number(value: int) -> str:
    """Format a count with thousands separators."""
    return f"{value:,}"


def render_html(
    request: Request, template: str, context: Mapping[str, Any], status: int = 200
) -> HTMLResponse:
    """Render one template with the request and settings in its context."""
    env: Environment = request.app.state.templates
    page = env.get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status)


def render_json(data: Any, status: int = 200) -> Response:
    """Render data as indented UTF-8 JSON."""
    body = json.dumps(jsonable(data), ensure_ascii=False, indent=2)
    return Response(body, status_code=status, media_type=JSON_TYPE)


def render_text(text: str) -> PlainTextResponse:
    """Render plain UTF-8 text."""
    return PlainTextResponse(text)


def render_csv(
    header: Sequence[str], rows: Iterable[Sequence[object]], filename: str
) -> Response:
    """Render rows as a CSV download."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(
        buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers
    )


def jsonable(value: Any) -> Any:
    """Return data with dates as ISO 8601 strings and tuples as lists."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def is_json_request(request: Request) -> bool:
    """Tell whether the client asked for JSON (an API path or a ``.json`` page)."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


def json_error(status: int, message: str) -> JSONResponse:
    """Return the one JSON error shape: ``{"error": {"status", "message"}}``."""
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status
    )


def int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    """Return a whole-number query parameter within ``low..high``, or raise a 400."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise HTTPException(400, f"parameter {name!r} must be a whole number")
    value = int(raw)
    if not low <= value <= high:
        raise HTTPException(400, f"parameter {name!r} must be between {low} and {high}")
    return value


def choice_param(
    request: Request, name: str, choices: Sequence[str], default: str
) -> str:
    """Return a query parameter that must be one of ``choices``, or raise a 400."""
    raw = request.query_params.get(name) or default
    if raw not in choices:
        raise HTTPException(
            400, f"parameter {name!r} must be one of: {', '.join(choices)}"
        )
    return raw


def text_param(request: Request, name: str, max_length: int) -> str:
    """Return a text query parameter, stripped, at most ``max_length`` characters, or raise a 400."""
    raw = request.query_params.get(name, "")
    if len(raw) > max_length:
        raise HTTPException(
            400, f"parameter {name!r} is longer than {max_length} characters"
        )
    if "\x00" in raw or "\ufffd" in raw:
        raise HTTPException(400, f"parameter {name!r} is not valid text")
    return raw.strip()


def page_param(request: Request, settings: Settings, per_page: int) -> int:
    """Return the 1-based page number, bounded so that no listing pages past ``max_offset``."""
    deepest = max(1, settings.max_offset // per_page)
    return int_param(request, "page", 1, 1, deepest)


def check_segment(value: str, what: str = "identifier") -> str:
    """Return a path segment if it is plausible, else raise a 404 (too long, control characters)."""
    if (
        not value
        or len(value) > MAX_ID_LENGTH
        or any(ord(char) < 32 or char == "\ufffd" for char in value)
    ):
        raise HTTPException(404, f"no such {what}")
    return value


def pages(total: int, page: int, per_page: int, settings: Settings) -> dict[str, int]:
    """Return pagination facts: page, last page (bounded by ``max_offset``), total."""
    last = max(1, -(-min(total, settings.max_offset) // per_page))
    return {"page": page, "last": last, "total": total, "per_page": per_page}
