"""Release history on the site: a cable's versions as a timeline, diffs between them, release feeds.

A diff lives at ``/cable/YYYY/MM/ID/diff?from=RELEASE&to=RELEASE&view=side``
(both releases default to the last change), so every comparison has a
permanent address. Redactions and revelations are marked apart from other
edits, and every marker is aligned with the text the other version has there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape as xml_escape

from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..diff import EQUAL, REDACTED, UNREDACTED, Alignment, Diff, Segment, diff_texts
from ..store.base import (
    CHANGE_KINDS,
    NEW,
    REMOVED,
    UNCHANGED,
    Release,
    Store,
    Version,
)
from ..store.changes import FORM_PRIORITY
from .archive import Archive
from .render import (
    absolute_url,
    cable_path,
    check_segment,
    choice_param,
    quote_segment,
    render_html,
    render_json,
)

VIEWS = ("side", "inline")
CONTEXT_CHARS = 40  # characters of text shown on each side of a marker


@dataclass(frozen=True)
class Step:
    """One release of a cable's timeline: its version (or its removal) and where to read it."""

    release: str
    released: datetime | None
    change: str
    forms: tuple[str, ...]
    url: str | None  # None for a removal
    diff_url: str | None  # the diff with the previous version, if any


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


def timeline(versions: list[Version], path: str, diff_path: str) -> list[Step]:
    """Return a cable's releases oldest first: one step per release, with reading and diff links."""
    steps: list[Step] = []
    previous: str | None = None
    for version in versions:
        if steps and steps[-1].release == version.release:
            last = steps[-1]
            steps[-1] = Step(
                last.release,
                last.released,
                last.change,
                (*last.forms, str(version.form)),
                last.url,
                last.diff_url,
            )
            continue
        removed = version.change == REMOVED
        url = None if removed else f"{path}?{urlencode({'version': version.release})}"
        diff_url = (
            diff_link(diff_path, previous, version.release)
            if previous and not removed
            else None
        )
        steps.append(
            Step(
                version.release,
                version.released,
                version.change,
                (str(version.form),),
                url,
                diff_url,
            )
        )
        previous = previous if removed else version.release
    return steps


def diff_link(
    diff_path: str, old: str | None, new: str | None, view: str | None = None
) -> str:
    """Return the permanent address of a diff between two releases of a cable."""
    params = {
        name: value
        for name, value in (("from", old), ("to", new), ("view", view))
        if value
    }
    return f"{diff_path}?{urlencode(params)}" if params else diff_path


def readable(versions: list[Version]) -> list[Version]:
    """Return one version per release that holds the cable (removals left out), oldest first."""
    seen: dict[str, Version] = {}
    for version in versions:
        if version.change != REMOVED:
            seen.setdefault(version.release, version)
    return list(seen.values())


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


def redaction_counts(
    versions: list[Version] | tuple[Version, ...],
) -> list[tuple[str, int]]:
    """Return (release, markers) for every release that holds the cable, oldest first.

    A release holding several forms counts the markers of its best form, the one
    its page shows.
    """
    best: dict[str, Version] = {}
    for version in versions:
        if version.change == REMOVED:
            continue
        held = best.get(version.release)
        if held is None or _priority(version) > _priority(held):
            best[version.release] = version
    return [(release, version.redactions) for release, version in best.items()]


def _priority(version: Version) -> int:
    return FORM_PRIORITY.get(str(version.form), 0)


def redaction_history(counts: list[tuple[str, int]]) -> str:
    """Return the sentence saying which releases were redacted and how many passages each hid."""
    if len(counts) < 2 or not any(number for _, number in counts):
        return ""
    redacted = [
        f"{name} ({number} passage{'' if number == 1 else 's'})"
        for name, number in counts
        if number
    ]
    clean = [name for name, number in counts if not number]
    sentence = "Redacted in " + ", ".join(redacted)
    return sentence + (f"; not redacted in {', '.join(clean)}." if clean else ".")


# --- HTML of a diff ---------------------------------------------------------------

_CLASSES = {REDACTED: "redacted", UNREDACTED: "revealed"}
_TITLES = {
    REDACTED: "redacted: hidden behind a marker in the newer version",
    UNREDACTED: "revealed: the marker of the older version replaced by text",
}


def _mark(tag: str, segment: Segment, text: str) -> str:
    if not text.strip():
        return str(escape(text))
    kind = _CLASSES.get(segment.kind, "edit")
    title = _TITLES.get(segment.kind, f"{segment.kind}: edited text")
    body, space = text.rstrip(), text[len(text.rstrip()) :]
    return f'<{tag} class="{kind}" data-kind="{segment.kind}" title="{title}">{escape(body)}</{tag}>{escape(space)}'


def inline_html(diff: Diff) -> Markup:
    """Render a diff as one text: deletions then insertions, redactions and revelations apart."""
    parts = []
    for segment in diff.segments:
        if segment.kind == EQUAL:
            parts.append(str(escape(segment.new)))
        else:
            parts.append(
                _mark("del", segment, segment.old) + _mark("ins", segment, segment.new)
            )
    return Markup("".join(parts))


_PARAGRAPH_BREAK_PATTERN = re.compile(r"\n[ \t]*\n\s*")


def side_rows(diff: Diff) -> list[tuple[Markup, Markup]]:
    """Render a diff as (old, new) rows, cut at the paragraph breaks both sides share."""
    rows: list[tuple[Markup, Markup]] = []
    left: list[str] = []
    right: list[str] = []
    for segment in diff.segments:
        if segment.kind != EQUAL:
            left.append(_mark("del", segment, segment.old))
            right.append(_mark("ins", segment, segment.new))
            continue
        old_parts = _PARAGRAPH_BREAK_PATTERN.split(segment.old)
        new_parts = _PARAGRAPH_BREAK_PATTERN.split(segment.new)
        if len(old_parts) != len(new_parts):
            old_parts, new_parts = [segment.old], [segment.new]
        for index, (old, new) in enumerate(zip(old_parts, new_parts, strict=True)):
            if index:
                rows.append((Markup("".join(left)), Markup("".join(right))))
                left, right = [], []
            left.append(str(escape(old)))
            right.append(str(escape(new)))
    if left or right:
        rows.append((Markup("".join(left)), Markup("".join(right))))
    return rows


# --- views ---------------------------------------------------------------------------


def diff_page(request: Request) -> Response:
    """Show two versions of a cable side by side or inline (``?from=&to=&view=``)."""
    # views imports the cable page, which imports this module: look it up at call time.
    from .views import locate, not_found

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


def cable_diff_path(reference_id: str, year: int | None, month: int | None) -> str:
    """Return the diff address of a cable (beside its canonical page)."""
    return cable_path(reference_id, year, month).removesuffix(".html") + "/diff"
