"""The facets of a search as the pages show them: which values, their links, their markup.

A facet value links the same search narrowed to it by one more clause
(``origin:"Paris"``); a value already in the query is shown as selected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from markupsafe import Markup, escape
from starlette.requests import Request

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
# The facet page lists every value: more than any facet has.
FACET_ALL = 10_000


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
        selected = facet_clause(name, value) in query
        if limit is None or total <= limit or selected:
            chosen.append((value, count, selected))
    return chosen, total


def facet_values(
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


def facet_clause(facet: str, value: str) -> str:
    """Return the query clause that narrows a search to one facet value."""
    if facet in ("year", "month"):
        return f"from:{value} to:{value}"
    return f'{_FACET_FIELDS[facet]}:"{value}"'


def narrowing(request: Request, query: str) -> Narrowing:
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
        clause = facet_clause(facet, value)
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
