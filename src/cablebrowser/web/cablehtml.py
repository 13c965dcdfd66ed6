"""Build the HTML cable page: its slots filled in Python, each escaped once, in a frame rendered once.

A cable page is most of the traffic. ``cable.html`` holds only slots; it is
rendered once per process into constant pieces (``CableFrame``), and each page
fills the slots with HTML built here: every value passes through
``escape_text``, the lists (tags, references, citing cables, versions,
citations) are joined here. The JSON and text forms keep ``CablePage``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from jinja2 import Environment, meta
from markupsafe import Markup

from ..record import PARTIAL_BANNER, Cable, Reference
from ..store.base import ShownCable, Store, Version
from .cablepage import NOT_REDACTED, REDACTED, Link, body_html, known_links, tag_info
from .citations import Citation, citations
from .render import (
    cable_path,
    escape_text,
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

TEMPLATE = "cable.html"


@dataclass(frozen=True)
class Shown:
    """One cable as its HTML page shows it, whichever way it was read."""

    cable: Cable | ShownCable
    aliases: tuple[str, ...]
    latest_release: str | None
    latest_released: datetime | None
    versions: tuple[Version, ...]
    cited_by: list[str]  # every citing cable's reference ID


# A slot as the frame is rendered: its name between two NUL characters, which
# no template text holds.
_SLOT_PATTERN = re.compile(r"\x00(\w+)\x00")


class CableFrame:
    """The cable page's template rendered once: constant bytes between named slots."""

    def __init__(self, env: Environment) -> None:
        assert env.loader is not None  # the site's environment loads its package
        source = env.loader.get_source(env, TEMPLATE)[0]
        names = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
        markers = {name: Markup(f"\x00{name}\x00") for name in names}
        pieces = _SLOT_PATTERN.split(env.get_template(TEMPLATE).render(markers))
        self.head = pieces[0].encode()
        self.slots = [
            (name, tail.encode())
            for name, tail in zip(pieces[1::2], pieces[2::2], strict=True)
        ]

    def render(self, values: Mapping[str, str]) -> bytes:
        """Return the page in UTF-8, each slot filled with its (escaped) value."""
        # Encoding the pieces one by one keeps the long ASCII ones as they are.
        out = [self.head]
        for name, tail in self.slots:
            out.append(values[name].encode())
            out.append(tail)
        return b"".join(out)


@functools.lru_cache(maxsize=4)  # one environment per application
def cable_frame(env: Environment) -> CableFrame:
    """Return the cable page's frame of a template environment."""
    return CableFrame(env)


def html_context(
    store: Store,
    shown: Shown,
    year: int | None,
    month: int | None,
    url: str,
    release: str | None,
    shown_cited: int,
) -> dict[str, str]:
    """Return the slots of a cable page (``cable.html``), each as escaped HTML."""
    cable = shown.cable
    path = cable_path(cable.reference_id, year, month)
    diff_path = cable_diff_path(cable.reference_id, year, month)
    links = known_links(
        store, [*_cited(cable.references), *shown.cited_by[:shown_cited]]
    )
    versions = list(shown.versions)
    history = redaction_history(redaction_counts(versions))
    text_path, json_path = _formats(path, year, month)
    similar_path = escape_text(path.removesuffix(".html") + "/similar.html")
    return {
        **_meta(cable),
        "canonical": escape_text(url),
        "notice": _notice(release, path, diff_path),
        "wikileaks": escape_text(wikileaks_url(cable.reference_id, year, month)),
        "tags": _tags_html(cable.tags),
        "redacted": _redacted_html(bool(cable.redactions), history),
        "aliases": _aliases_html(shown.aliases),
        "body": body_html(cable.body),
        "latest": escape_text(latest_line(shown.latest_release, shown.latest_released)),
        "text_path": escape_text(text_path),
        "json_path": escape_text(json_path),
        "references": _references_html(cable.references, links),
        "cited": _cited_html(
            cable.reference_id, links, len(shown.cited_by), shown_cited
        ),
        "versions": _versions_html(versions, path, diff_path, release or cable.release),
        "citations": _citations_html(cable, url),
        "similar_path": similar_path,
    }


def _meta(cable: Cable | ShownCable) -> dict[str, str]:
    """Return the slots of the cable's own values."""
    rid, origin, classification = cable.reference_id, cable.origin, cable.classification
    subject = cable.subject or f"Cable {rid}"
    shown_origin = origin or cable.station
    day = format_day(cable.created)
    description = f"{subject} ({shown_origin or 'unknown origin'}, {day})"
    return {
        "reference_id": escape_text(rid),
        "canonical_id": escape_text(cable.canonical_id),
        "subject": escape_text(subject),
        "description": escape_text(description),
        "origin": _facet_link("origin", origin, shown_origin or "unknown"),
        "classification": _facet_link("classification", classification, "unknown"),
        "created": _moment(cable.created, True),
        "released": _moment(cable.released, False),
        "partial": _PARTIAL if cable.is_partial else "",
    }


_PARTIAL = f'  <p class="partial" role="note">{PARTIAL_BANNER}</p>\n'


# A few hundred origins and classifications exist; their links never change.
@functools.lru_cache(maxsize=4096)
def _facet_link(facet: str, value: str | None, label: str) -> str:
    """Return the link to a facet's page, or the label alone when there is no value."""
    if not value:
        return escape_text(label)
    href = escape_text(f"/{facet}/{quote_segment(value)}")
    return f'<a href="{href}">{escape_text(value)}</a>'


def _moment(value: datetime | None, dated: bool) -> str:
    """Return a timestamp as a ``time`` element (linked to its day's page when ``dated``)."""
    if value is None:
        return "unknown"
    shown = f'<time datetime="{escape_text(value.isoformat())}">{escape_text(format_when(value))}</time>'
    if not dated:
        return shown
    day = escape_text(f"/dates/{format_day(value).replace('-', '/')}")
    return f'<a href="{day}">{shown}</a>'


def _notice(release: str | None, path: str, diff_path: str) -> str:
    """Return the note that an older release's version is shown ("" for the latest)."""
    if not release:
        return ""
    since = escape_text(f"{diff_path}?from={quote_segment(release)}")
    return (
        f'  <p class="notice">You are reading the version of release {escape_text(release)}.'
        f' <a href="{escape_text(path)}">Read the latest version</a>\n'
        f'    or <a href="{since}">see what changed since</a>.</p>\n'
    )


def _redacted_html(redacted: bool, history: str) -> str:
    note = escape_text(REDACTED if redacted else NOT_REDACTED)
    if not history:
        return note
    return f'{note} <span class="redaction-history">{escape_text(history)}</span>'


def _tags_html(tags: Sequence[str]) -> str:
    if not tags:
        return "none"
    return f'      <ul class="tags">\n{"".join(map(_tag_item, tags))}      </ul>\n'


def _cited_html(rid: str, links: list[Link], total: int, shown: int) -> str:
    """Return the list of citing cables (the last links), and a link to all when some are left out."""
    shown = min(shown, total)
    if not shown:
        return "<p>No cable in the archive cites this one.</p>"
    items = "".join(_link_item(link, "") for link in links[len(links) - shown :])
    more = ""
    if total > shown:
        query = escape_text(quote_segment("ref:" + rid))
        more = (
            f"<p>and {format_number(total - shown)} more: "
            f'<a class="cited-all" href="/search?q={query}">all {format_number(total)}'
            f" cables citing {escape_text(rid)}</a>.</p>"
        )
    return f'    <ul class="links">\n{items}    </ul>\n{more}'


def _aliases_html(aliases: tuple[str, ...]) -> str:
    if not aliases:
        return ""
    return f"<dt>Also known as</dt><dd>{escape_text(', '.join(aliases))}</dd>"


def _cited(references: Sequence[Reference]) -> list[str]:
    return [ref.value for ref in references if ref.kind == "cable"]


def latest_line(release: str | None, released: datetime | None) -> str:
    """Return the "Latest source of this page is RELEASE, released DATE" line."""
    day = format_day(released) if released else "an unknown date"
    return f"Latest source of this page is {release or 'an unnamed release'}, released {day}"


def _formats(path: str, year: int | None, month: int | None) -> tuple[str, str]:
    """Return the addresses of the text and JSON forms, beside the page's ``path``."""
    if year is None:
        return path + ".txt", path + ".json"
    if (
        month is None
    ):  # as ``cable_path``: an address without the month has no extension
        return path, path
    stem = path.removesuffix(".html")
    return stem + ".txt", stem + ".json"


# A few thousand tags exist and their items never change.
@functools.lru_cache(maxsize=8192)
def _tag_item(code: str) -> str:
    tag = tag_info(code)
    return (
        f'<li><a href="/tag/{escape_text(quote_segment(tag.code))}" class="tag">{escape_text(tag.code)}</a>'
        f' <span class="tag-meaning">{escape_text(tag.meaning or tag.kind)}</span></li>\n'
    )


def _link_item(link: Link, kind: str) -> str:
    label = escape_text(link.label)
    css = ' class="ref"' if kind else ""
    text = f'<a{css} href="{escape_text(link.url)}">{label}</a>' if link.url else label
    # A reference's note follows it without a blank, a citing cable's after one.
    space = "" if kind else " "
    if kind and kind != "cable":
        note = f'<span class="note">({escape_text(kind)})</span>'
    elif link.note:
        note = f'{space}<span class="note">({escape_text(link.note)})</span>'
    else:
        note = ""
    return f"<li>{text}{note}</li>\n"


def _references_html(references: Sequence[Reference], links: list[Link]) -> str:
    if not references:
        return "<p>This cable cites no other document.</p>"
    cables = iter(links)
    items = []
    for ref in references:
        if ref.kind == "cable":
            items.append(_link_item(next(cables), "cable"))
        else:
            label = " ".join(ref.text.split()) or ref.value
            items.append(_link_item(Link(label, None), ref.kind))
    return f'    <ul class="links">\n{"".join(items)}    </ul>\n'


def _versions_html(
    versions: list[Version], path: str, diff_path: str, current: str | None
) -> str:
    steps = timeline(versions, path, diff_path)
    parts = ['<ol class="history">\n']
    parts += [_step_item(step, current) for step in steps]
    parts.append("</ol>\n")
    shown = readable(versions)
    if len(shown) > 1:
        parts.append(
            f'<p><a class="diff-link" href="{escape_text(diff_path)}">What changed in the last release</a></p>\n'
        )
        parts.append(_compare_form(diff_path, shown))
    return "".join(parts)


def _step_item(step: Step, current: str | None) -> str:
    change = escape_text(step.change)
    mark = " current" if step.release == current else ""
    when = f' datetime="{step.released.isoformat()}"' if step.released else ""
    release = escape_text(step.release)
    name = (
        f'<a href="{escape_text(step.url)}">{release}</a>'
        if step.url
        else f"<span>{release}</span>"
    )
    diff = (
        f'\n    <a class="diff-link" href="{escape_text(step.diff_url)}">what changed</a>'
        if step.diff_url
        else ""
    )
    return (
        f'  <li class="step change-{change}{mark}">\n'
        f"    <time{when}>{escape_text(format_day(step.released) or 'undated')}</time>\n"
        f"    {name}\n"
        f'    <span class="change change-{change}">{change}</span>\n'
        f'    <span class="note">{escape_text(", ".join(step.forms))}</span>{diff}\n'
        "  </li>\n"
    )


def _compare_form(diff_path: str, versions: list[Version]) -> str:
    old, new = versions[-2].release, versions[-1].release

    def options(selected: str) -> str:
        return "".join(
            f'<option value="{escape_text(v.release)}"{" selected" if v.release == selected else ""}>'
            f"{escape_text(format_day(v.released))} {escape_text(v.release)}</option>"
            for v in versions
        )

    return (
        f'<form class="compare" action="{escape_text(diff_path)}" method="get">\n'
        f'  <label>From <select name="from">\n    {options(old)}\n  </select></label>\n'
        f'  <label>to <select name="to">\n    {options(new)}\n  </select></label>\n'
        '  <fieldset class="view-choice"><legend class="visually-hidden">Layout</legend>\n'
        '    <label><input type="radio" name="view" value="side" checked> side by side</label>\n'
        '    <label><input type="radio" name="view" value="inline"> inline</label>\n'
        "  </fieldset>\n"
        '  <button type="submit">Compare</button>\n'
        "</form>\n"
    )


def _citations_html(cable: Cable | ShownCable, url: str) -> str:
    citation = Citation.of(cable, url)
    parts = []
    for n, (name, text) in enumerate(citations(citation).items(), start=1):
        parts.append(
            '<div class="citation">\n'
            f'  <div class="citation-head"><h3 id="cite-{n}-h">{escape_text(name)}</h3>\n'
            f'    <button type="button" class="copy" data-copy="cite-{n}" aria-describedby="cite-{n}-h">Copy</button></div>\n'
            f'  <pre id="cite-{n}" class="citation-text">{escape_text(text)}</pre>\n'
            "</div>\n"
        )
    return "".join(parts)
