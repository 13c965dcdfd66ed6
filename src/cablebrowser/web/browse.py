"""Browse pages: home, origins, tags, classifications, dates and releases, and their listings.

Every listing is paginated and sortable, with all its state in the query
string (``?sort=-created&page=3``), so any view of the archive has an address.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..store.base import CHANGE_KINDS, Release
from .archive import Archive
from .cablepage import tag_info
from .render import (
    check_segment,
    choice_param,
    page_param,
    pages,
    quote_segment,
    render_html,
)

LIST_SORTS = ("created", "-created", "id", "-id")
COUNT_SORTS = ("count", "name")
COUNTS_TTL = 300.0  # seconds; counts change only when a release is ingested
TOP = 20


# Not frozen: a frozen dataclass sets each field through object.__setattr__,
# and a search page's timeline builds a hundred bars or more.
@dataclass(slots=True)
class Bar:
    """One bar of a timeline: its label, count, link and geometry in the SVG."""

    label: str
    count: int
    url: str | None
    x: float
    y: float
    width: float
    height: float


def timeline(
    points: list[tuple[str, int]],
    link: Callable[[str], str | None],
    height: float = 120.0,
) -> list[Bar]:
    """Lay out (label, count) points as bars of an SVG 1000 units wide and ``height`` high."""
    if not points:
        return []
    points = fill_gaps(points)
    top = max(count for _, count in points) or 1
    width = 1000.0 / len(points)
    bars = []
    for position, (label, count) in enumerate(points):
        bar_height = max(1.0, height * count / top) if count else 0.0
        bars.append(
            Bar(
                label,
                count,
                link(label) if count else None,
                position * width,
                height - bar_height,
                min(width * 0.85, 40.0),
                bar_height,
            )
        )
    return bars


def timeline_svg(bars: list[Bar], label: str) -> Markup:
    """Render bars as the timeline figure: an SVG of one rect per bar, linked when it has a page.

    A search page's timeline has a hundred bars or more: joined here, they cost
    a small part of a template loop.
    """
    if not bars:
        return Markup("")
    name = escape(label)
    parts = [
        '<figure class="timeline">\n'
        '  <svg viewBox="0 0 1000 130" preserveAspectRatio="none" role="img"'
        f' aria-label="{name}">\n'
    ]
    for bar in bars:
        rect = (
            f'    <rect x="{bar.x:.2f}" y="{bar.y:.2f}" width="{bar.width:.2f}"'
            f' height="{bar.height:.2f}"><title>{escape(bar.label)}: {bar.count:,}</title></rect>\n'
        )
        parts.append(f'<a href="{escape(bar.url)}">{rect}</a>' if bar.url else rect)
    first, last = escape(bars[0].label), escape(bars[-1].label)
    parts.append(
        f"  </svg>\n  <figcaption>{name}: {first} to {last}</figcaption>\n</figure>\n"
    )
    return Markup("".join(parts))


def fill_gaps(points: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Add zero counts for the missing years (``YYYY``) or months (``YYYY-MM``) of a series."""
    labels = [label for label, _ in points]
    if (
        not all(_is_period(label) for label in labels)
        or len({len(label) for label in labels}) != 1
    ):
        return points
    counts = dict(points)
    first, last = _month_number(min(labels)), _month_number(max(labels))
    step = 12 if len(labels[0]) == 4 else 1
    filled = [_month_label(number, step) for number in range(first, last + 1, step)]
    return [(label, counts.get(label, 0)) for label in filled]


def _is_period(label: str) -> bool:
    return (
        len(label) in (4, 7)
        and label[:4].isdigit()
        and (len(label) == 4 or label[5:].isdigit())
    )


def _month_number(label: str) -> int:
    return int(label[:4]) * 12 + (int(label[5:7]) - 1 if len(label) == 7 else 0)


def _month_label(number: int, step: int) -> str:
    year, month = divmod(number, 12)
    return f"{year:04d}" if step == 12 else f"{year:04d}-{month + 1:02d}"


def cached_counts(
    archive: Archive, field: str, date: str | None = None
) -> list[tuple[str, int]]:
    """Return ``store.counts(field, date=date)``, kept for a few minutes."""
    key = f"counts:{field}:{date}"
    entry = archive.cache.get(key)
    if isinstance(entry, tuple) and time.monotonic() - entry[0] < COUNTS_TTL:
        return entry[1]  # type: ignore[no-any-return]
    value = archive.store().counts(field, date=date)
    archive.cache[key] = (time.monotonic(), value)
    return value


def home(request: Request) -> Response:
    """Show the home page: counts, releases, search box, timeline, top origins and tags."""
    archive: Archive = request.app.state.archive
    years = cached_counts(archive, "year")
    context = {
        "total": sum(count for _, count in years),
        "releases": archive.store().releases(),
        "bars": timeline(years, lambda year: f"/dates/{year}"),
        "origins": cached_counts(archive, "origin")[:TOP],
        "tags": [
            (tag_info(code), count)
            for code, count in cached_counts(archive, "tag")[:TOP]
        ],
        "canonical": "/",
    }
    return render_html(request, "home.html", context)


def _counts_page(
    request: Request, field: str, title: str, link: str, template: str = "counts.html"
) -> Response:
    archive: Archive = request.app.state.archive
    settings = archive.settings
    rows = cached_counts(archive, field)
    if choice_param(request, "sort", COUNT_SORTS, "count") == "name":
        rows = sorted(rows, key=lambda row: row[0])
    per_page = settings.per_page * 4
    page = page_param(request, settings, per_page)
    shown = rows[(page - 1) * per_page : page * per_page]
    context: dict[str, Any] = {
        "title": title,
        "rows": shown,
        "link": link,
        "pages": pages(len(rows), page, per_page, settings),
    }
    if field == "tag":
        context["rows"] = [(tag_info(code), count) for code, count in shown]
    return render_html(request, template, context)


def origins(request: Request) -> Response:
    """List the origins (sending posts) with their number of cables."""
    return _counts_page(request, "origin", "Origins", "/origin/")


def tags(request: Request) -> Response:
    """Show the tag glossary: code, kind, meaning and number of cables."""
    return _counts_page(request, "tag", "Tags", "/tag/", "tags.html")


def classifications(request: Request) -> Response:
    """List the classifications with their number of cables."""
    return _counts_page(
        request, "classification", "Classifications", "/classification/"
    )


def cable_list(
    request: Request,
    title: str,
    intro: dict[str, Any] | None = None,
    *,
    empty_ok: bool = False,
    **filters: str,
) -> Response:
    """Show one page of cables matching ``filters`` (see ``Store.list_cables``)."""
    archive: Archive = request.app.state.archive
    settings = archive.settings
    sort = choice_param(request, "sort", LIST_SORTS, "created")
    page = page_param(request, settings, settings.per_page)
    offset = (page - 1) * settings.per_page
    result = archive.store().list_cables(
        sort=sort, offset=offset, limit=settings.per_page, **filters
    )
    if result.total == 0 and not empty_ok:
        raise HTTPException(404, f"no cables for {title}")
    context = {
        "title": title,
        "items": result.items,
        "sort": sort,
        "pages": pages(result.total, page, settings.per_page, settings),
        **(intro or {}),
    }
    return render_html(request, "list.html", context)


def origin(request: Request) -> Response:
    """List the cables of one origin."""
    name = check_segment(request.path_params["name"], "origin")
    return cable_list(request, f"Cables from {name}", origin=name)


def tag(request: Request) -> Response:
    """List the cables with one tag, under the tag's meaning."""
    code = check_segment(request.path_params["name"], "tag")
    info = tag_info(code)
    return cable_list(request, f"Cables tagged {code}", {"tag": info}, tag=code)


def classification(request: Request) -> Response:
    """List the cables of one classification."""
    name = check_segment(request.path_params["name"], "classification")
    return cable_list(request, f"{name} cables", classification=name)


def dates(request: Request) -> Response:
    """Show the years, and for ``/dates/YYYY[/MM]`` the months or days with the cables."""
    archive: Archive = request.app.state.archive
    parts = [part for part in request.path_params.get("rest", "").split("/") if part]
    if len(parts) > 3 or not all(part.isascii() and part.isdigit() for part in parts):
        raise HTTPException(404, "no such date")
    prefix = "-".join(parts) or None
    field = ("year", "month", "day", "day")[len(parts)]
    rows = cached_counts(archive, field, prefix) if len(parts) < 3 else []
    bars = timeline(rows, lambda label: "/dates/" + label.replace("-", "/"))
    intro = {"bars": bars, "crumbs": _crumbs(parts)}
    if not parts:
        return render_html(request, "dates.html", {"title": "Dates", **intro})
    if not rows and len(parts) < 3:
        raise HTTPException(404, f"no cables dated {prefix}")
    return cable_list(request, f"Cables of {prefix}", intro, date=prefix or "")


def _crumbs(parts: list[str]) -> list[tuple[str, str]]:
    return [
        ("-".join(parts[: depth + 1]), "/dates/" + "/".join(parts[: depth + 1]))
        for depth in range(len(parts))
    ]


def releases(request: Request) -> Response:
    """List the releases with their dates and change counts."""
    archive: Archive = request.app.state.archive
    return render_html(
        request, "releases.html", {"releases": archive.store().releases()}
    )


def release(request: Request) -> Response:
    """Show one release and its cables: all of them, or those of one change kind (``?change=``)."""
    archive: Archive = request.app.state.archive
    name = check_segment(request.path_params["name"], "release")
    found = find_release(archive, name)
    change = change_param(request)
    intro = {
        "release": found,
        "change": change,
        "kinds": [
            (kind, found.counts[kind])
            for kind in CHANGE_KINDS
            if found.counts.get(kind)
        ],
    }
    if change is None:
        return cable_list(
            request, f"Release {name}", intro, empty_ok=True, release=name
        )
    settings = archive.settings
    page = page_param(request, settings, settings.per_page)
    result = archive.store().changed_cables(
        name, change, offset=(page - 1) * settings.per_page, limit=settings.per_page
    )
    context = {
        "title": f"Release {name}: {change} cables",
        "items": result.items,
        "sort": None,  # a change list is in reference-ID order
        "pages": pages(result.total, page, settings.per_page, settings),
        **intro,
    }
    return render_html(request, "list.html", context)


def find_release(archive: Archive, name: str) -> Release:
    """Return the release of this name, or raise a 404."""
    for item in archive.store().releases():
        if item.name == name:
            return item
    raise HTTPException(404, f"no release {name}")


def change_param(request: Request) -> str | None:
    """Return the ``change`` query parameter (a change kind), None when absent, or raise a 400."""
    if not request.query_params.get("change"):
        return None
    return choice_param(request, "change", CHANGE_KINDS, "")


def link_to(prefix: str, value: str) -> str:
    """Return the address of a browse page for one value (``/origin/NAME``)."""
    return prefix + quote_segment(value)
