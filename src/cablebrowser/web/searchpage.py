"""The search page on the search index, in HTML, JSON and CSV by the same query string.

``/search?q=…&sort=…&page=…`` shows hits with highlighted snippets, the top
values of each facet as links that narrow the query, and a timeline;
``/search/facet/NAME`` lists every value of one facet for the same query;
``/search.json`` and ``/search.csv`` answer the same parameters with data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import QueryError
from ..search.searcher import FACET_SIZES
from .archive import Archive
from .browse import timeline
from .facets import (
    FACET_ALL,
    FACET_LABELS,
    FACET_PLURALS,
    FACET_TOP,
    FacetBox,
    Narrowing,
    facet_items,
    facet_values,
    narrowing,
    pick_facet_values,
)
from .render import (
    choice_param,
    created_path,
    int_param,
    pages,
    render_csv,
    render_html,
    render_json,
    text_param,
)
from .views import locate

if TYPE_CHECKING:
    from ..search import Hit, SearchResult

SORTS = ("relevance", "-date", "date")
PER_PAGE = 20
MAX_PER_PAGE = 100
CSV_COLUMNS = (
    "reference_id",
    "created",
    "origin",
    "classification",
    "subject",
    "tags",
    "url",
)


@dataclass(frozen=True)
class SearchParams:
    """The state of one search, all of it from the query string."""

    query: str
    sort: str
    page: int
    per_page: int


def search_params(request: Request) -> SearchParams:
    """Read and bound the search parameters, or raise a 400."""
    settings = request.app.state.archive.settings
    query = text_param(request, "q", settings.max_query_length)
    sort = choice_param(request, "sort", SORTS, "relevance")
    per_page = int_param(request, "per_page", PER_PAGE, 1, MAX_PER_PAGE)
    page = int_param(request, "page", 1, 1, max(1, settings.max_offset // per_page))
    return SearchParams(query, sort, page, per_page)


def run_search(
    request: Request, params: SearchParams, every_value_of: str | None = None
) -> SearchResult:
    """Run a search on this thread's index; a malformed query raises ``QueryError``.

    ``every_value_of`` names a facet to count in full rather than its top values.
    """
    archive: Archive = request.app.state.archive
    archive.pages.check()
    # Results are kept per normalised query until the index changes; a malformed
    # query raises again each time (it is cheap to reject).
    query = " ".join(params.query.split())
    key = (query, params.sort, params.page, params.per_page, every_value_of)
    kept = archive.results.get(key)
    if kept is not None:
        return replace(cast("SearchResult", kept), query=params.query)
    index = archive.index()
    if index is None:
        raise HTTPException(503, "the search index has not been built yet")
    sizes = {every_value_of: FACET_ALL} if every_value_of else None
    result = index.search(
        params.query,
        page=params.page,
        per_page=params.per_page,
        sort=params.sort,
        facet_sizes=sizes,
    )
    archive.results.put(key, result)
    return result


def search(request: Request) -> Response:
    """Show the search page: help when empty, else hits, facets and timeline."""
    params = search_params(request)
    if not params.query:
        return render_html(
            request,
            "search.html",
            {"params": params, "result": None, "canonical": "/search"},
        )
    try:
        result = run_search(request, params)
    except QueryError as error:
        context = {
            "params": params,
            "result": None,
            "error": error.message,
            "canonical": "/search",
        }
        return render_html(request, "search.html", context, status=400)
    if result.redirect_id and params.page == 1:
        found = locate(request.app.state.archive, result.redirect_id)
        if found is not None:
            return RedirectResponse(found.path(), status_code=302)
    return render_html(
        request, "search.html", _results_context(request, params, result)
    )


def _results_context(
    request: Request, params: SearchParams, result: SearchResult
) -> dict[str, Any]:
    settings = request.app.state.archive.settings
    narrow = narrowing(request, params.query)
    return {
        "params": params,
        "result": result,
        "hits": [
            (hit, created_path(hit.reference_id, hit.created)) for hit in result.hits
        ],
        "facets": _facet_links(request, params.query, result, narrow),
        "bars": timeline(result.histogram, lambda month: narrow("month", month)),
        "pages": pages(result.total, params.page, params.per_page, settings),
        "canonical": "/search",
    }


def search_json(request: Request) -> Response:
    """Answer a search as JSON: total, hits, facets and histogram."""
    params = search_params(request)
    if not params.query:
        raise HTTPException(400, "parameter 'q' is required")
    return render_json(result_json(run_search(request, params)))


def search_csv(request: Request) -> Response:
    """Answer a search as CSV, one hit per row."""
    params = search_params(request)
    if not params.query:
        raise HTTPException(400, "parameter 'q' is required")
    result = run_search(request, params)
    rows = (_csv_row(request, hit) for hit in result.hits)
    return render_csv(CSV_COLUMNS, rows, "search.csv")


def result_json(result: SearchResult) -> dict[str, Any]:
    """Return a search result as JSON-ready data."""
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "sort": result.sort,
        "redirect_id": result.redirect_id,
        "hits": [hit_json(hit) for hit in result.hits],
        "facets": {
            name: [{"value": value, "count": count} for value, count in rows]
            for name, rows in result.facets.items()
        },
        "histogram": [
            {"month": month, "count": count} for month, count in result.histogram
        ],
    }


def hit_json(hit: Hit) -> dict[str, Any]:
    """Return one hit as JSON-ready data (the snippet is escaped HTML with <mark>)."""
    return {
        "reference_id": hit.reference_id,
        "canonical_id": hit.canonical_id,
        "url": created_path(hit.reference_id, hit.created),
        "subject": hit.subject,
        "created": hit.created,
        "origin": hit.origin,
        "classification": hit.classification,
        "tags": list(hit.tags),
        "snippet_html": hit.snippet_html,
        "score": hit.score,
    }


def _csv_row(request: Request, hit: Hit) -> list[object]:
    url = str(request.base_url).rstrip("/") + created_path(
        hit.reference_id, hit.created
    )
    created = hit.created.isoformat() if hit.created else ""
    return [
        hit.reference_id,
        created,
        hit.origin or "",
        hit.classification or "",
        hit.subject or "",
        " ".join(hit.tags),
        url,
    ]


def facet_page(request: Request) -> Response:
    """List every value of one facet for a search: ``/search/facet/NAME?q=…``."""
    name = request.path_params["name"]
    if name not in FACET_LABELS:
        raise HTTPException(400, f"unknown facet {name!r}")
    params = search_params(request)
    if not params.query:
        raise HTTPException(400, "parameter 'q' is required")
    # A malformed query is a 400 page.
    result = run_search(request, params, every_value_of=name)
    rows, _ = pick_facet_values(params.query, name, result.facets.get(name) or [])
    values = facet_values(narrowing(request, params.query), name, rows)
    context = {
        "params": params,
        "result": result,
        "label": FACET_LABELS[name],
        "plural": FACET_PLURALS[name],
        "values": values,
        "values_html": facet_items(values),
        "back_url": _search_url(request, "/search"),
        "canonical": "/search",
    }
    return render_html(request, "search_facet.html", context)


def _facet_links(
    request: Request, query: str, result: SearchResult, narrow: Narrowing
) -> list[FacetBox]:
    facets = []
    for name, label in FACET_LABELS.items():
        rows = result.facets.get(name) or []
        chosen, total = pick_facet_values(query, name, rows, FACET_TOP)
        if not chosen:
            continue
        hidden = total > len(chosen)
        facets.append(
            FacetBox(
                name=name,
                label=label,
                values=facet_values(narrow, name, chosen),
                total=total,
                all_url=_search_url(request, f"/search/facet/{name}")
                if hidden
                else None,
                all_text=_all_text(name, total),
            )
        )
    return facets


def _all_text(name: str, total: int) -> str:
    """Name the link to all of a facet's values; its count is known unless the list was cut."""
    plural = FACET_PLURALS[name]
    if total >= FACET_SIZES[name]:
        return f"All {plural}…"
    return f"All {total:,} {plural}…"


def _search_url(request: Request, path: str, **changes: str | None) -> str:
    """Return ``path`` with the request's query parameters, some changed (None removes one)."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    query = urlencode(params)
    return f"{path}?{query}" if query else path
