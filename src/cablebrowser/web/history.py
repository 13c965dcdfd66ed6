"""Diffs between two versions of a cable, as a page and in the API, and the Atom feed of the releases.

A diff lives at ``/cable/YYYY/MM/ID/diff?from=RELEASE&to=RELEASE&view=side``
(both releases default to the last change), so every comparison has a
permanent address. Redactions and revelations are marked apart from other
edits, and every marker is aligned with the text the other version has there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape as xml_escape

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..diff import Alignment, Diff, diff_texts
from ..store.base import CHANGE_KINDS, NEW, UNCHANGED, Release, Store, Version
from .archive import Archive
from .diffhtml import inline_html, side_rows
from .render import (
    absolute_url,
    check_segment,
    choice_param,
    quote_segment,
    render_html,
    render_json,
)
from .versions import diff_link, readable, timeline
from .versions import redaction_counts as redaction_counts  # still importable from here
from .views import locate, not_found

VIEWS = ("side", "inline")
CONTEXT_CHARS = 40  # characters of text shown on each side of a marker


@dataclass(frozen=True)
class Marked:
    """One marker of a redacted version, with its context and the text another version has there."""

    number: int
    before: str
    marker: str
    after: str
    hidden: str | None
    exact: bool


@dataclass(frozen=True)
class Comparison:
    """Two versions of one cable and their differences."""

    reference_id: str
    old: Version
    new: Version
    diff: Diff
    redacted_in_old: tuple[Marked, ...]
    redacted_in_new: tuple[Marked, ...]


def pick_pair(
    versions: list[Version], old: str | None, new: str | None
) -> tuple[Version, Version]:
    """Choose the two versions to compare: by release name, else the last change and the version before."""
    present = readable(versions)
    by_release = {version.release: version for version in present}
    for name in (old, new):
        if name is not None and name not in by_release:
            raise HTTPException(
                404,
                f"no version of release {name[:80]} (it has: {', '.join(by_release)})",
            )
    if not present:
        raise HTTPException(404, "this cable has no stored version")
    changed = [v for v in present if v.change not in (NEW, UNCHANGED)]
    last = by_release[new] if new else (changed or present)[-1]
    if old:
        return by_release[old], last
    earlier = [
        v
        for v in present
        if v.release != last.release and present.index(v) < present.index(last)
    ]
    return (earlier[-1] if earlier else present[0]), last


def version_body(store: Store, reference_id: str, release: str) -> str:
    """Return the text of one release's version of a cable."""
    stored = store.cable(reference_id, release=release)
    if stored is None:
        raise HTTPException(
            404, f"cable {reference_id} is not in release {release[:80]}"
        )
    return stored.cable.body


def compare(store: Store, reference_id: str, old: Version, new: Version) -> Comparison:
    """Diff two versions of a cable and align the markers of each with the other's text."""
    old_body = version_body(store, reference_id, old.release)
    new_body = version_body(store, reference_id, new.release)
    diff = diff_texts(old_body, new_body)
    return Comparison(
        reference_id,
        old,
        new,
        diff,
        tuple(marked(old_body, list(diff.old_markers))),
        tuple(marked(new_body, list(diff.new_markers))),
    )


def marked(text: str, alignments: list[Alignment]) -> list[Marked]:
    """Return every marker of a text with a little context and what it hides elsewhere."""
    return [
        Marked(
            number,
            _clip(text[max(0, a.start - CONTEXT_CHARS) : a.start], left=True),
            a.marker,
            _clip(text[a.end : a.end + CONTEXT_CHARS], left=False),
            a.hidden,
            a.exact,
        )
        for number, a in enumerate(alignments, 1)
    ]


def _clip(text: str, *, left: bool) -> str:
    words = " ".join(text.split())
    return ("…" + words if left else words + "…") if words else ""


# --- views ---------------------------------------------------------------------------


def diff_page(request: Request) -> Response:
    """Show two versions of a cable side by side or inline (``?from=&to=&view=``)."""
    archive: Archive = request.app.state.archive
    name = check_segment(request.path_params["name"])
    found = locate(archive, name)
    if found is None or found.stored is None:
        return not_found(request, name)
    path = found.path()
    diff_path = path.removesuffix(".html") + "/diff"
    if request.url.path != diff_path:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(diff_path + query, status_code=301)
    view = choice_param(request, "view", VIEWS, "side")
    old_name, new_name = _release_param(request, "from"), _release_param(request, "to")
    store = archive.store()
    versions = store.versions(found.reference_id)
    old, new = pick_pair(versions, old_name, new_name)
    comparison = compare(store, found.reference_id, old, new)
    context = {
        "cable": found.stored.cable,
        "path": path,
        "diff_path": diff_path,
        "comparison": comparison,
        "view": view,
        "versions": readable(versions),
        "steps": timeline(versions, path, diff_path),
        "inline": inline_html(comparison.diff) if view == "inline" else None,
        "rows": side_rows(comparison.diff) if view == "side" else [],
        "counts": comparison.diff.counts(),
        "permalink": diff_link(diff_path, old.release, new.release, view),
        "other_view": diff_link(
            diff_path, old.release, new.release, "inline" if view == "side" else "side"
        ),
        "canonical": diff_link(diff_path, old.release, new.release),
        "api": f"/api/v1/cables/{found.reference_id}/diff?{urlencode({'from': old.release, 'to': new.release})}",
    }
    return render_html(request, "diff.html", context)


def _release_param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return check_segment(value, "release") if value else None


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """Return a diff as JSON-ready data: the two versions, the segments, the aligned markers."""

    def markers(items: tuple[Marked, ...]) -> list[dict[str, Any]]:
        return [
            {
                "number": m.number,
                "marker": m.marker,
                "before": m.before,
                "after": m.after,
                "hidden": m.hidden,
                "exact": m.exact,
            }
            for m in items
        ]

    return {
        "reference_id": comparison.reference_id,
        "from": _version_brief(comparison.old),
        "to": _version_brief(comparison.new),
        "changed": comparison.diff.is_changed,
        "counts": comparison.diff.counts(),
        "segments": [
            {"kind": s.kind, "old": s.old, "new": s.new}
            for s in comparison.diff.segments
        ],
        "redactions_from": markers(comparison.redacted_in_old),
        "redactions_to": markers(comparison.redacted_in_new),
    }


def _version_brief(version: Version) -> dict[str, Any]:
    return {
        "release": version.release,
        "released": version.released,
        "change": version.change,
        "form": str(version.form),
    }


def diff_json(request: Request, reference_id: str) -> Response:
    """Answer the API's diff of one cable (``?from=&to=``, both optional)."""
    store = request.app.state.archive.store()
    versions = store.versions(reference_id)
    old, new = pick_pair(
        versions, _release_param(request, "from"), _release_param(request, "to")
    )
    return render_json(comparison_json(compare(store, reference_id, old, new)))


# --- releases: the Atom feed -----------------------------------------------------------

FEED_ENTRIES = 50


def releases_feed(request: Request) -> Response:
    """Return the Atom feed of the releases, newest first, with what each changed."""
    archive: Archive = request.app.state.archive
    found = [
        release
        for release in archive.store().releases()
        if release.released is not None
    ]
    found.sort(key=lambda release: release.released or datetime.min, reverse=True)
    site = absolute_url(request, archive.settings, "")
    updated = _atom_date(found[0].released if found else None)
    entries = "".join(_atom_entry(site, release) for release in found[:FEED_ENTRIES])
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>{xml_escape(archive.settings.site_name)}: releases</title>\n"
        f"<id>{xml_escape(site)}/releases.atom</id>\n<updated>{updated}</updated>\n"
        f'<link rel="self" href="{xml_escape(site)}/releases.atom"/>\n<link href="{xml_escape(site)}/releases"/>\n'
        f"<author><name>{xml_escape(archive.settings.site_name)}</name></author>\n{entries}</feed>\n"
    )
    return Response(feed, media_type="application/atom+xml; charset=utf-8")


def _atom_entry(site: str, release: Release) -> str:
    url = f"{site}/release/{quote_segment(release.name)}"
    summary = release_summary(release)
    return (
        f"<entry><title>Release {xml_escape(release.name)}</title><id>{xml_escape(url)}</id>"
        f'<link href="{xml_escape(url)}"/><updated>{_atom_date(release.released)}</updated>'
        f"<summary>{xml_escape(summary)}</summary></entry>\n"
    )


def release_summary(release: Release) -> str:
    """Return one sentence saying what a release changed, with counts."""
    counts = release.counts
    parts = [f"{kind} {counts[kind]:,}" for kind in CHANGE_ORDER if counts.get(kind)]
    return (
        f"{sum(counts.values()):,} cables: " + ", ".join(parts)
        if parts
        else "No cables with text."
    )


CHANGE_ORDER = CHANGE_KINDS


def _atom_date(value: datetime | None) -> str:
    return (value or datetime(2010, 11, 28)).strftime("%Y-%m-%dT%H:%M:%SZ")
