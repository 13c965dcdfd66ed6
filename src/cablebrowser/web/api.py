"""The read-only JSON API under ``/api/v1/``, described by ``/api/openapi.json``.

Each endpoint gathers the same data as its HTML page and answers JSON; errors
use the one shape ``{"error": {"status", "message"}}`` (see ``web/errors.py``).
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..store.base import Release, StoredCable
from . import history
from .archive import Archive
from .browse import LIST_SORTS, cached_counts, change_param, find_release
from .cablepage import gather, known_json, page_json, tag_info, version_json
from .openapi import FACET_FIELDS, openapi
from .render import (
    absolute_url,
    check_segment,
    choice_param,
    created_path,
    int_param,
    render_html,
    render_json,
    text_param,
)
from .searchpage import result_json, run_search, search_params
from .views import locate

MAX_PER_PAGE = 100
_FILTERS = ("origin", "tag", "classification", "date", "release")


def cables(request: Request) -> Response:
    """List cables, filtered by origin, tag, classification, date or release."""
    archive: Archive = request.app.state.archive
    filters = {name: text_param(request, name, 200) for name in _FILTERS}
    sort = choice_param(request, "sort", LIST_SORTS, "created")
    per_page, page = _paging(request)
    result = archive.store().list_cables(
        sort=sort,
        offset=(page - 1) * per_page,
        limit=per_page,
        **{k: v for k, v in filters.items() if v},
    )
    items = [summary_json(stored) for stored in result.items]
    return render_json(
        {"total": result.total, "page": page, "per_page": per_page, "items": items}
    )


def summary_json(stored: StoredCable) -> dict[str, Any]:
    """Return the short description of a cable used in listings."""
    cable = stored.cable
    return {
        "reference_id": cable.reference_id,
        "canonical_id": cable.canonical_id,
        "url": created_path(cable.reference_id, cable.created),
        "subject": cable.subject,
        "created": cable.created,
        "origin": cable.origin,
        "classification": cable.classification,
        "tags": list(cable.tags),
        "is_partial": cable.is_partial,
        "latest_release": stored.latest_release,
    }


def cable(request: Request) -> Response:
    """Return one cable (any ID form): text, metadata, versions, links and citations."""
    archive: Archive = request.app.state.archive
    found = locate(archive, check_segment(request.path_params["id"]))
    if found is None:
        raise HTTPException(
            404, f"no cable {request.path_params['id']} is known to the archive"
        )
    if found.stored is None:
        if found.known is None:
            raise HTTPException(
                404, f"no cable {found.reference_id} is known to the archive"
            )
        return render_json(known_json(found.known))
    year, month = found.year_month
    url = absolute_url(request, archive.settings, found.path())
    return render_json(page_json(gather(archive, found.stored, year, month, url)))


def versions(request: Request) -> Response:
    """Return every version of one cable, oldest release first."""
    archive: Archive = request.app.state.archive
    found = locate(archive, check_segment(request.path_params["id"]))
    if found is None:
        raise HTTPException(
            404, f"no cable {request.path_params['id']} is known to the archive"
        )
    rows = [
        version_json(version)
        for version in archive.store().versions(found.reference_id)
    ]
    return render_json({"reference_id": found.reference_id, "versions": rows})


def diff(request: Request) -> Response:
    """Return what changed in one cable between two releases (``?from=&to=``, both optional)."""
    archive: Archive = request.app.state.archive
    found = locate(archive, check_segment(request.path_params["id"]))
    if found is None or found.stored is None:
        raise HTTPException(
            404, f"no cable {request.path_params['id']} with text is in the archive"
        )
    return history.diff_json(request, found.reference_id)


def release(request: Request) -> Response:
    """Return one release: date, change counts, summary; with ``?change=KIND``, a page of those cables."""
    archive: Archive = request.app.state.archive
    name = check_segment(request.path_params["name"], "release")
    found = find_release(archive, name)
    data = release_json(found) | {"summary": history.release_summary(found)}
    change = change_param(request)
    if change is not None:
        per_page, page = _paging(request)
        result = archive.store().changed_cables(
            name, change, offset=(page - 1) * per_page, limit=per_page
        )
        data |= {
            "change": change,
            "total": result.total,
            "page": page,
            "per_page": per_page,
            "items": [summary_json(stored) for stored in result.items],
        }
    return render_json(data)


def _paging(request: Request) -> tuple[int, int]:
    """Return (per_page, page) of an API listing, bounded by the deepest offset allowed."""
    settings = request.app.state.archive.settings
    per_page = int_param(request, "per_page", settings.per_page, 1, MAX_PER_PAGE)
    page = int_param(request, "page", 1, 1, max(1, settings.max_offset // per_page))
    return per_page, page


def search(request: Request) -> Response:
    """Search the cables (same parameters as ``/search``)."""
    params = search_params(request)
    if not params.query:
        raise HTTPException(400, "parameter 'q' is required")
    return render_json(result_json(run_search(request, params)))


def facets(request: Request) -> Response:
    """Return the number of cables per value of one field, optionally within a period."""
    field = request.path_params["field"]
    if field not in FACET_FIELDS:
        raise HTTPException(
            404, f"no facet {field[:40]!r}; one of: {', '.join(FACET_FIELDS)}"
        )
    date = text_param(request, "date", 10) or None
    if date is not None and not date.replace("-", "").isdigit():
        raise HTTPException(400, "parameter 'date' must be YYYY or YYYY-MM")
    rows = cached_counts(request.app.state.archive, field, date)
    return render_json({"field": field, "date": date, "values": _values(rows)})


def releases(request: Request) -> Response:
    """Return the releases, oldest first, with change counts."""
    archive: Archive = request.app.state.archive
    return render_json(
        {"releases": [release_json(item) for item in archive.store().releases()]}
    )


def release_json(release: Release) -> dict[str, Any]:
    """Return one release as JSON-ready data."""
    return {
        "name": release.name,
        "released": release.released,
        "source": release.source,
        "counts": dict(release.counts),
    }


def origins(request: Request) -> Response:
    """Return the origins with their number of cables."""
    rows = cached_counts(request.app.state.archive, "origin")
    return render_json({"field": "origin", "date": None, "values": _values(rows)})


def tags(request: Request) -> Response:
    """Return the tags with kind, meaning and number of cables."""
    rows = cached_counts(request.app.state.archive, "tag")
    items = []
    for code, count in rows:
        info = tag_info(code)
        items.append(
            {"code": code, "kind": info.kind, "meaning": info.meaning, "count": count}
        )
    return render_json({"tags": items})


def openapi_json(request: Request) -> Response:
    """Return the OpenAPI description of this API."""
    return render_json(openapi())


def docs(request: Request) -> Response:
    """Show the API documentation page, rendered from the OpenAPI document."""
    return render_html(request, "api.html", {"spec": openapi(), "canonical": "/api"})


def _values(rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"value": value, "count": count} for value, count in rows]
