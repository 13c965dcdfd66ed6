"""The search page on the search index, in HTML, JSON and CSV by the same query string.

``/search?q=…&sort=…&page=…`` shows hits with highlighted snippets, the top
values of each facet as links that narrow the query, and a timeline;
``/search/facet/NAME`` lists every value of one facet for the same query;
``/search.json`` and ``/search.csv`` answer the same parameters with data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote_plus, urlencode

from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import QueryError
from .archive import Archive
from .browse import timeline
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
FACET_LABELS = {
    "origin": "Origin",
    "country": "Country",
    "tag": "Tag",
    "classification": "Classification",
    "year": "Year",
    "release": "Release",
}
FACET_PLURALS = {
    "origin": "origins",
    "country": "countries",
    "tag": "tags",
    "classification": "classifications",
    "year": "years",
    "release": "releases",
}
# The search page shows this many values per facet (and any selected one);
# the rest are on the facet's own page, so the page stays short to render and to tab through.
FACET_TOP = 10
# Facet name -> the query field that narrows to one of its values.
_FACET_FIELDS = {
    "origin": "origin",
    "country": "country",
    "tag": "tag",
    "classification": "class",
    "release": "release",
}
Narrowing = Callable[[str, str], "str | None"]  # (facet, value) -> address
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
class FacetValue:
    """One shown value of a facet; ``url`` narrows the search to it, None when already selected."""

    value: str
    count: int
    url: str | None


@dataclass(frozen=True)
class FacetBox:
    """One facet as shown: its values, how many it has, and the page listing them all."""

    name: str
    label: str
    values: list[FacetValue]
    total: int
    all_url: str | None
    all_text: str

    @property
    def html(self) -> Markup:
        """Return the facet's values as list items."""
        return facet_items(self.values)


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


def run_search(request: Request, params: SearchParams) -> SearchResult:
    """Run a search on this thread's index; a malformed query raises ``QueryError``."""
    archive: Archive = request.app.state.archive
    archive.pages.check()
    # Results are kept per normalised query until the index changes; a malformed
    # query raises again each time (it is cheap to reject).
    key = (" ".join(params.query.split()), params.sort, params.page, params.per_page)
    kept = archive.results.get(key)
    if kept is not None:
        return replace(cast("SearchResult", kept), query=params.query)
    index = archive.index()
    if index is None:
        raise HTTPException(503, "the search index has not been built yet")
    result = index.search(
        params.query, page=params.page, per_page=params.per_page, sort=params.sort
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
    narrow = _narrowing(request, params.query)
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
    result = run_search(request, params)  # a malformed query is a 400 page
    rows, _ = pick_facet_values(params.query, name, result.facets.get(name) or [])
    values = _facet_values(_narrowing(request, params.query), name, rows)
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


def pick_facet_values(
    query: str, name: str, rows: list[tuple[str, int]], limit: int | None = None
) -> tuple[list[tuple[str, int, bool]], int]:
    """Choose the values of a facet to show, in the order given, each marked if selected.

    A value that cannot narrow the query (empty, or holding a quote) is left
    out. With a ``limit``, the first ``limit`` values are shown and, after them,
    every selected value (already in the query), so a selection never vanishes.
    Return the chosen values and how many values the facet has in all.
    """
    chosen: list[tuple[str, int, bool]] = []
    total = 0
    for value, count in rows:
        if '"' in value or not value:
            continue
        total += 1
        selected = _clause(name, value) in query
        if limit is None or total <= limit or selected:
            chosen.append((value, count, selected))
    return chosen, total


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
                values=_facet_values(narrow, name, chosen),
                total=total,
                all_url=_search_url(request, f"/search/facet/{name}")
                if hidden
                else None,
                all_text=f"All {total:,} {FACET_PLURALS[name]}…",
            )
        )
    return facets


def _facet_values(
    narrow: Narrowing, name: str, chosen: list[tuple[str, int, bool]]
) -> list[FacetValue]:
    return [
        FacetValue(value, count, None if selected else narrow(name, value))
        for value, count, selected in chosen
    ]


def facet_items(values: list[FacetValue]) -> Markup:
    """Render facet values as list items: a narrowing link, or the value marked as in the query."""
    items = []
    for item in values:
        value, count = escape(item.value), f"{item.count:,}"
        if item.url:
            shown = f'<a class="facet" href="{escape(item.url)}">{value}</a>'
        else:
            shown = (
                f'<strong class="facet-on" aria-current="true">{value}'
                '<span class="visually-hidden"> (in the query)</span></strong>'
            )
        items.append(f'<li>{shown} <span class="count">{count}</span></li>\n')
    return Markup("".join(items))


def _clause(facet: str, value: str) -> str:
    """Return the query clause that narrows a search to one facet value."""
    if facet in ("year", "month"):
        return f"from:{value} to:{value}"
    return f'{_FACET_FIELDS[facet]}:"{value}"'


def _narrowing(request: Request, query: str) -> Narrowing:
    """Return the function giving the search address narrowed to one facet value.

    It answers None when the value cannot narrow the query or already does. The
    request's other parameters are encoded once: a search page links a hundred
    narrowed searches or more (its timeline's months and its facets' values).
    """
    params = dict(request.query_params)
    params.pop("page", None)
    names = list(params)
    at = names.index("q") if "q" in names else len(names)
    before = urlencode({name: params[name] for name in names[:at]})
    after = urlencode({name: params[name] for name in names[at + 1 :]})
    start = f"/search?{before}&q=" if before else "/search?q="
    end = f"&{after}" if after else ""
    quoted = quote_plus(query)

    def narrow(facet: str, value: str) -> str | None:
        if '"' in value or not value:
            return None
        clause = _clause(facet, value)
        if clause in query:
            return None
        # quote_plus works character by character: the parts quote apart.
        return start + quoted + _quote_plus(" " + clause) + end

    return narrow


# The characters quote_plus keeps, and the two that clauses of months and
# most facet values add (a blank becomes "+", a colon "%3A").
_PLAIN_CLAUSE_PATTERN = re.compile(r"[A-Za-z0-9_.~ :-]*")


def _quote_plus(text: str) -> str:
    if _PLAIN_CLAUSE_PATTERN.fullmatch(text):
        return text.replace(":", "%3A").replace(" ", "+")
    return quote_plus(text)


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
