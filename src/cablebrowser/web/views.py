"""Cable pages: the canonical page in three renderings, and every older URL redirected to it.

A cable lives at ``/cable/YYYY/MM/ID.html`` (creation year and month, the
WikiLeaks reference ID as is), with ``.json`` and ``.txt`` beside it. Every
other address a cable ever had answers 301 to that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import unquote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..store.base import KnownCable, StoredCable
from .archive import Archive
from .cablehtml import Shown, cable_frame, html_context
from .cablepage import (
    CITED_BY_SHOWN,
    MAX_CITED_BY,
    gather,
    known_json,
    page_json,
    page_text,
    similar,
)
from .render import (
    absolute_url,
    cable_path,
    check_segment,
    render_html,
    render_json,
    render_text,
    wikileaks_url,
)

EXTENSIONS = ("html", "json", "txt")


@dataclass(frozen=True)
class Located:
    """A cable found from an ID in any form: its stored ID, its text (if any), its ID-list entry."""

    reference_id: str
    stored: StoredCable | None
    known: KnownCable | None

    @property
    def year_month(self) -> tuple[int | None, int | None]:
        """Return the creation year and month that place the canonical URL."""
        created = self.stored.cable.created if self.stored else None
        if created is not None:
            return created.year, created.month
        if self.known is not None:
            return self.known.year, self.known.month
        return None, None

    def path(self, ext: str = "html") -> str:
        """Return the canonical path of the cable."""
        year, month = self.year_month
        if year is None:
            return f"{cable_path(self.reference_id, None, None)}.{ext}"
        return cable_path(self.reference_id, year, month, ext)

    def similar_path(self) -> str:
        """Return the address of the page of cables similar to this one."""
        return self.path().removesuffix(".html") + "/similar.html"


def locate(archive: Archive, any_id: str) -> Located | None:
    """Find a cable from an ID in any form (canonical, malformed, lower case), or None."""
    store = archive.store()
    reference_id = store.resolve(any_id) or store.resolve(any_id.upper())
    if reference_id is None:
        known = store.known(any_id) or store.known(any_id.upper())
        return Located(known.reference_id, None, known) if known else None
    stored = store.cable(reference_id)
    # The ID-list entry only places a cable without a creation date, or without text.
    placed = stored is not None and stored.cable.created is not None
    return Located(reference_id, stored, None if placed else store.known(reference_id))


_CANONICAL_PATTERN = re.compile(r"^(\d{4})/(\d{2})/([^/]+)$")
_EXTENSION_PATTERN = re.compile(r"^(.*?)(?:\.(html|json|txt))?$", re.DOTALL)


def cable_route(request: Request) -> Response:
    """Serve ``/cable/...``: the canonical page, or a 301 from ``/cable/ID`` and wrong year/month."""
    rest = request.path_params["rest"]
    match = _CANONICAL_PATTERN.match(rest)
    if match:
        name = match.group(3)
    elif "/" not in rest:
        name = rest
    else:
        raise HTTPException(404, "no such page")
    any_id, ext = _split_extension(name)
    return _serve(request, any_id, ext)


def _split_extension(name: str) -> tuple[str, str]:
    match = _EXTENSION_PATTERN.match(name)
    assert match is not None  # the pattern matches every string
    return check_segment(match.group(1)), match.group(2) or "html"


def _serve(request: Request, any_id: str, ext: str) -> Response:
    archive: Archive = request.app.state.archive
    if ext == "html" and not request.scope["query_string"]:
        quick = _render_canonical(request, archive, any_id)
        if quick is not None:
            return quick
    found = locate(archive, any_id)
    if found is None:
        return not_found(request, any_id)
    canonical = found.path(ext)
    if unquote(canonical) != request.scope["path"]:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(canonical + query, status_code=301)
    return _render(request, found, ext)


def _render(request: Request, found: Located, ext: str) -> Response:
    archive: Archive = request.app.state.archive
    stored = found.stored
    # ?version= is the permalink form of a version; ?release= the older spelling.
    release = request.query_params.get("version") or request.query_params.get("release")
    if release and stored is not None:
        stored = archive.store().cable(
            found.reference_id, check_segment(release, "release")
        )
        if stored is None:
            raise HTTPException(
                404, f"cable {found.reference_id} is not in release {release}"
            )
    if stored is None:
        return _render_known(request, found)
    year, month = found.year_month
    url = absolute_url(request, archive.settings, found.path())
    if ext == "html":
        store = archive.store()
        versions = stored.versions or tuple(store.versions(found.reference_id))
        cited = store.cited_by(stored.cable.canonical_id)
        shown = Shown(
            stored.cable,
            stored.aliases,
            stored.latest_release,
            stored.latest_released,
            versions,
            cited,
        )
        context = html_context(store, shown, year, month, url, release, CITED_BY_SHOWN)
        return _cable_html(request, context)
    page = gather(archive, stored, year, month, url, release, True, MAX_CITED_BY)
    if ext == "json":
        return render_json(page_json(page))
    return render_text(page_text(page))


_QUICK_PATTERN = re.compile(r"/cable/\d{4}/\d{2}/([^/]+)\.html")


def quick_cable_page(request: Request) -> Response | None:
    """Render the latest version's page at its canonical address, before routing; else None.

    Most requests are for these pages: rendered here, they skip the routing
    and the endpoint's wrappers. Anything else (a query, another form of the
    address, an error) answers None and takes the route, which decides.
    """
    match = _QUICK_PATTERN.fullmatch(request.scope["path"])
    if match is None or request.scope["query_string"]:
        return None
    any_id = check_segment(match.group(1))  # a 404 takes the route, which explains it
    return _render_canonical(request, request.app.state.archive, any_id)


def _render_canonical(
    request: Request, archive: Archive, any_id: str
) -> Response | None:
    """Render the latest version's page in one read when the address is its canonical one.

    Anything else (another ID form, a wrong year or month, an undated cable)
    answers None and takes the general way, which redirects or explains.
    """
    store = archive.store()
    cable = store.cable_page(any_id)
    if cable is None or cable.created is None:
        return None
    year, month = cable.created.year, cable.created.month
    path = cable_path(cable.reference_id, year, month)
    if unquote(path) != request.scope["path"]:
        return None
    url = absolute_url(request, archive.settings, path)
    shown = Shown(
        cable,
        cable.aliases,
        cable.latest_release,
        cable.latest_released,
        cable.versions,
        list(cable.cited_by),
    )
    context = html_context(store, shown, year, month, url, None, CITED_BY_SHOWN)
    return _cable_html(request, context)


def _cable_html(request: Request, context: dict[str, str]) -> Response:
    """Return the HTML page of a cable from its slots (``cablehtml.html_context``)."""
    page = cable_frame(request.app.state.templates).render(context)
    return HTMLResponse(page)


def similar_page(request: Request) -> Response:
    """Serve ``/cable/YYYY/MM/ID/similar.html``: the cables most like one cable.

    The cable page loads this page's list into itself (static/app.js); without
    script it is a link to here.
    """
    any_id = check_segment(request.path_params["name"])
    archive: Archive = request.app.state.archive
    found = locate(archive, any_id)
    if found is None or found.stored is None:
        return not_found(request, any_id)
    canonical = found.similar_path()
    if unquote(canonical) != request.scope["path"]:
        return RedirectResponse(canonical, status_code=301)
    context = {
        "cable": found.stored.cable,
        "path": found.path(),
        "links": similar(archive, found.reference_id),
        "canonical": absolute_url(request, archive.settings, canonical),
    }
    return render_html(request, "similar.html", context)


def _render_known(request: Request, found: Located) -> Response:
    known = found.known
    if known is None:
        return not_found(request, found.reference_id)
    if request.url.path.endswith(".json"):
        return render_json(known_json(known))
    if request.url.path.endswith(".txt"):
        raise HTTPException(
            404, f"no text of cable {known.reference_id} is in the archive"
        )
    context = {
        "known": known,
        "wikileaks": wikileaks_url(known.reference_id, known.year, known.month),
    }
    return render_html(request, "known.html", context)


def not_found(request: Request, any_id: str) -> NoReturn:
    """Raise the helpful 404 of an unknown cable ID (the error page offers a search box)."""
    raise HTTPException(404, f"no cable {any_id} is known to the archive")


def plusd_redirect(request: Request) -> Response:
    """Redirect a PlusD address ``/plusd/cables/ID_a.html`` to the cable page."""
    name = request.path_params["name"]
    any_id = re.sub(r"(_a)?(\.html)?$", "", name)
    return _redirect(request, any_id)


def cables_redirect(request: Request) -> Response:
    """Redirect a mirror address ``/cables/ID`` to the cable page."""
    return _redirect(request, _split_extension(request.path_params["name"])[0])


def cable_php_redirect(request: Request) -> Response:
    """Redirect a search-site address ``/cable.php?id=ID`` to the cable page."""
    return _redirect(request, request.query_params.get("id", "").strip())


def _redirect(request: Request, any_id: str) -> Response:
    found = locate(request.app.state.archive, check_segment(any_id))
    if found is None:
        return not_found(request, any_id)
    return RedirectResponse(found.path(), status_code=301)
