"""Build the HTML cable page's context: its lists rendered once, in Python, as escaped fragments.

A cable page lists tags, references, citing cables, versions and citations;
rendering each item through the template costs more than the rest of the page,
so those lists are joined here (every value passes through ``escape``) and the
template places them as they are. The JSON and text forms keep ``CablePage``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from ..record import Cable, Reference
from ..store.base import ShownCable, Store, Version
from .cablepage import NOT_REDACTED, REDACTED, Link, body_html, known_links, tag_info
from .citations import Citation, citations
from .render import (
    cable_path,
    format_day,
    format_number,
    format_when,
    quote_segment,
    wikileaks_url,
)
from .versions import (
    Step,
    cable_diff_path,
    readable,
    redaction_counts,
    redaction_history,
    timeline,
)


@dataclass(frozen=True)
class Shown:
    """One cable as its HTML page shows it, whichever way it was read."""

    cable: Cable | ShownCable
    aliases: tuple[str, ...]
    latest_release: str | None
    latest_released: datetime | None
    versions: tuple[Version, ...]
    cited_by: list[str]  # every citing cable's reference ID


def html_context(
    store: Store,
    shown: Shown,
    year: int | None,
    month: int | None,
    url: str,
    release: str | None,
    shown_cited: int,
) -> dict[str, Any]:
    """Return the template context of a cable page (``cable.html``) with its lists rendered."""
    cable = shown.cable
    path = cable_path(cable.reference_id, year, month)
    diff_path = cable_diff_path(cable.reference_id, year, month)
    links = known_links(
        store, [*_cited(cable.references), *shown.cited_by[:shown_cited]]
    )
    references = _references_html(cable.references, links)
    cited_html = "".join(
        _link_item(link, "")
        for link in links[len(links) - min(shown_cited, len(shown.cited_by)) :]
    )
    versions = list(shown.versions)
    cited_total = len(shown.cited_by)
    cited_shown = min(shown_cited, cited_total)
    return {
        **_meta(cable),
        "path": path,
        "diff_path": diff_path,
        "release": release,
        "wikileaks": wikileaks_url(cable.reference_id, year, month),
        "tags_html": Markup("".join(map(_tag_item, cable.tags))),
        "redacted_note": REDACTED if cable.redactions else NOT_REDACTED,
        "redaction_history": redaction_history(redaction_counts(versions)),
        "aliases": ", ".join(shown.aliases),
        "body": body_html(cable.body),
        "latest": latest_line(shown.latest_release, shown.latest_released),
        "formats": _formats(cable.reference_id, path, year, month),
        "references_html": references,
        "cited_html": Markup(cited_html),
        "cited_more": format_number(cited_total - cited_shown)
        if cited_total > cited_shown
        else "",
        "cited_total": format_number(cited_total),
        "cited_query": quote_segment("ref:" + cable.reference_id),
        "versions_html": _versions_html(
            versions, path, diff_path, release or cable.release
        ),
        "citations_html": _citations_html(cable, url),
        "canonical": url,
        "similar_path": path.removesuffix(".html") + "/similar.html",
    }


def _meta(cable: Cable | ShownCable) -> dict[str, Any]:
    """Return the cable's own values as the page places them (the template only escapes)."""
    rid, origin, classification = cable.reference_id, cable.origin, cable.classification
    subject = cable.subject or f"Cable {rid}"
    shown_origin = origin or cable.station
    day = format_day(cable.created)
    return {
        "reference_id": rid,
        "canonical_id": cable.canonical_id,
        "subject": subject,
        "description": f"{subject} ({shown_origin or 'unknown origin'}, {day})",
        "origin": shown_origin or "unknown",
        "origin_link": f"/origin/{quote_segment(origin)}" if origin else "",
        "classification": classification,
        "classification_link": f"/classification/{quote_segment(classification)}"
        if classification
        else "",
        "created": _moment(cable.created, True),
        "released": _moment(cable.released, False),
        "is_partial": cable.is_partial,
    }


def _moment(value: datetime | None, dated: bool) -> tuple[str, str, str] | None:
    """Return a timestamp's day page (when ``dated``), ISO form and shown form, or None."""
    if value is None:
        return None
    day = f"/dates/{format_day(value).replace('-', '/')}" if dated else ""
    return day, value.isoformat(), format_when(value)


def _cited(references: Sequence[Reference]) -> list[str]:
    return [ref.value for ref in references if ref.kind == "cable"]


def latest_line(release: str | None, released: datetime | None) -> str:
    """Return the "Latest source of this page is RELEASE, released DATE" line."""
    day = released.strftime("%Y-%m-%d") if released else "an unknown date"
    return f"Latest source of this page is {release or 'an unnamed release'}, released {day}"


def _formats(
    reference_id: str, path: str, year: int | None, month: int | None
) -> tuple[str, str]:
    if year is None:
        return path + ".txt", path + ".json"
    return cable_path(reference_id, year, month, "txt"), cable_path(
        reference_id, year, month, "json"
    )


# A few thousand tags exist and their items never change.
@functools.lru_cache(maxsize=8192)
def _tag_item(code: str) -> str:
    tag = tag_info(code)
    return (
        f'<li><a href="/tag/{escape(quote_segment(tag.code))}" class="tag">{escape(tag.code)}</a>'
        f' <span class="tag-meaning">{escape(tag.meaning or tag.kind)}</span></li>\n'
    )


def _link_item(link: Link, kind: str) -> str:
    label = escape(link.label)
    css = ' class="ref"' if kind else ""
    text = f'<a{css} href="{escape(link.url)}">{label}</a>' if link.url else label
    # A reference's note follows it without a blank, a citing cable's after one.
    space = "" if kind else " "
    if kind and kind != "cable":
        note = f'<span class="note">({escape(kind)})</span>'
    elif link.note:
        note = f'{space}<span class="note">({escape(link.note)})</span>'
    else:
        note = ""
    return f"<li>{text}{note}</li>\n"


def _references_html(references: Sequence[Reference], links: list[Link]) -> Markup:
    cables = iter(links)
    items = []
    for ref in references:
        if ref.kind == "cable":
            items.append(_link_item(next(cables), "cable"))
        else:
            label = " ".join(ref.text.split()) or ref.value
            items.append(_link_item(Link(label, None), ref.kind))
    return Markup("".join(items))


def _versions_html(
    versions: list[Version], path: str, diff_path: str, current: str | None
) -> Markup:
    steps = timeline(versions, path, diff_path)
    parts = ['<ol class="history">\n']
    parts += [_step_item(step, current) for step in steps]
    parts.append("</ol>\n")
    shown = readable(versions)
    if len(shown) > 1:
        parts.append(
            f'<p><a class="diff-link" href="{escape(diff_path)}">What changed in the last release</a></p>\n'
        )
        parts.append(_compare_form(diff_path, shown))
    return Markup("".join(parts))


def _step_item(step: Step, current: str | None) -> str:
    change = escape(step.change)
    mark = " current" if step.release == current else ""
    when = f' datetime="{step.released.isoformat()}"' if step.released else ""
    release = escape(step.release)
    name = (
        f'<a href="{escape(step.url)}">{release}</a>'
        if step.url
        else f"<span>{release}</span>"
    )
    diff = (
        f'\n    <a class="diff-link" href="{escape(step.diff_url)}">what changed</a>'
        if step.diff_url
        else ""
    )
    return (
        f'  <li class="step change-{change}{mark}">\n'
        f"    <time{when}>{escape(format_day(step.released) or 'undated')}</time>\n"
        f"    {name}\n"
        f'    <span class="change change-{change}">{change}</span>\n'
        f'    <span class="note">{escape(", ".join(step.forms))}</span>{diff}\n'
        "  </li>\n"
    )


def _compare_form(diff_path: str, versions: list[Version]) -> str:
    old, new = versions[-2].release, versions[-1].release

    def options(selected: str) -> str:
        return "".join(
            f'<option value="{escape(v.release)}"{" selected" if v.release == selected else ""}>'
            f"{escape(format_day(v.released))} {escape(v.release)}</option>"
            for v in versions
        )

    return (
        f'<form class="compare" action="{escape(diff_path)}" method="get">\n'
        f'  <label>From <select name="from">\n    {options(old)}\n  </select></label>\n'
        f'  <label>to <select name="to">\n    {options(new)}\n  </select></label>\n'
        '  <fieldset class="view-choice"><legend class="visually-hidden">Layout</legend>\n'
        '    <label><input type="radio" name="view" value="side" checked> side by side</label>\n'
        '    <label><input type="radio" name="view" value="inline"> inline</label>\n'
        "  </fieldset>\n"
        '  <button type="submit">Compare</button>\n'
        "</form>\n"
    )


def _citations_html(cable: Cable | ShownCable, url: str) -> Markup:
    citation = Citation.of(cable, url)
    parts = []
    for n, (name, text) in enumerate(citations(citation).items(), start=1):
        parts.append(
            '<div class="citation">\n'
            f'  <div class="citation-head"><h3 id="cite-{n}-h">{escape(name)}</h3>\n'
            f'    <button type="button" class="copy" data-copy="cite-{n}" aria-describedby="cite-{n}-h">Copy</button></div>\n'
            f'  <pre id="cite-{n}" class="citation-text">{escape(text)}</pre>\n'
            "</div>\n"
        )
    return Markup("".join(parts))
