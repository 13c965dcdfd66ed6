"""Gather everything one cable page shows, once, and render it as HTML, JSON or text.

The same ``CablePage`` feeds the HTML template, the ``.json`` document and the
``.txt`` page (the plain-text page form of the seed), so the three never disagree.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..errors import CableError
from ..record import PARTIAL_BANNER, Reference
from ..store.base import KnownCable, Store, StoredCable, Version
from .archive import Archive
from .citations import Citation, citations
from .render import (
    cable_path,
    created_path,
    escape_text,
    format_when,
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

MAX_CITED_BY = 200
CITED_BY_SHOWN = 50  # on the HTML page, which links to the full list
SIMILAR = 8
MAX_CACHED = 50_000
NOT_REDACTED = "This cable was not redacted by Wikileaks."
REDACTED = (
    "This cable was redacted by Wikileaks: removed text is marked with runs of X."
)


@dataclass(frozen=True)
class Link:
    """A labelled link to another page; ``url`` is None when there is nowhere to go."""

    label: str
    url: str | None
    note: str = ""


@dataclass(frozen=True)
class TagInfo:
    """One tag of a cable with its kind and meaning."""

    code: str
    kind: str
    meaning: str | None


@dataclass(frozen=True)
class CablePage:
    """Everything a cable page shows."""

    stored: StoredCable
    year: int | None
    month: int | None
    path: str
    url: str  # absolute, permanent
    wikileaks: str
    tags: tuple[TagInfo, ...]
    references: tuple[tuple[str, Link], ...]  # (kind, link)
    cited_by: tuple[Link, ...]
    cited_by_total: int
    versions: tuple[Version, ...]
    similar: tuple[Link, ...]
    citations: dict[str, str]
    release: str | None  # the release asked for, when not the latest
    steps: tuple[Step, ...] = ()  # the versions as a timeline
    diff_path: str = ""  # where this cable's diffs live
    redactions: tuple[tuple[str, int], ...] = ()  # (release, markers), oldest first

    @property
    def redacted_note(self) -> str:
        """Return the sentence on the Redacted line."""
        return REDACTED if self.stored.cable.redactions else NOT_REDACTED

    @property
    def redaction_history(self) -> str:
        """Return which releases were redacted and how many passages each hid ("" if none or one)."""
        return redaction_history(list(self.redactions))

    @property
    def readable_versions(self) -> list[Version]:
        """Return one version per release that holds the cable, oldest first."""
        return readable(list(self.versions))


def gather(
    archive: Archive,
    stored: StoredCable,
    year: int | None,
    month: int | None,
    url: str,
    release: str | None = None,
    with_similar: bool = True,
    cited_by_limit: int = MAX_CITED_BY,
) -> CablePage:
    """Collect the page data of one stored cable (tags, links, versions, similar, citations).

    The HTML page leaves out the similar cables (``with_similar=False``): they
    cost more than the rest of the page and come from their own address. It
    also lists fewer citing cables (``cited_by_limit``) and links to the rest.
    """
    store = archive.store()
    cable = stored.cable
    cited = store.cited_by(cable.canonical_id)
    versions = tuple(stored.versions) or tuple(store.versions(cable.reference_id))
    path = cable_path(cable.reference_id, year, month)
    diff_path = cable_diff_path(cable.reference_id, year, month)
    citation = Citation.of(cable, url)
    return CablePage(
        stored=stored,
        year=year,
        month=month,
        path=path,
        url=url,
        wikileaks=wikileaks_url(cable.reference_id, year, month),
        tags=tuple(tag_info(tag) for tag in cable.tags),
        references=_references(store, cable.references),
        cited_by=tuple(known_links(store, cited[:cited_by_limit])),
        cited_by_total=len(cited),
        versions=versions,
        similar=similar(archive, cable.reference_id) if with_similar else (),
        citations=citations(citation),
        release=release,
        steps=tuple(timeline(list(versions), path, diff_path)),
        diff_path=diff_path,
        redactions=tuple(redaction_counts(versions)),
    )


@functools.lru_cache(maxsize=8192)  # a few thousand tags exist; meanings are constant
def tag_info(code: str) -> TagInfo:
    """Describe one tag: its kind and, when known, its meaning."""
    from ..parse.tags import tag_kind, tag_meaning

    return TagInfo(code, tag_kind(code), tag_meaning(code))


def _references(
    store: Store, references: tuple[Reference, ...]
) -> tuple[tuple[str, Link], ...]:
    cables = iter(
        known_links(store, [ref.value for ref in references if ref.kind == "cable"])
    )
    return tuple(
        (ref.kind, next(cables))
        if ref.kind == "cable"
        else (ref.kind, Link(" ".join(ref.text.split()) or ref.value, None))
        for ref in references
    )


def known_links(store: Store, any_ids: list[str]) -> list[Link]:
    """Return a link per cable ID (any form): to its page, or none when it is unknown.

    All of them are looked up together, in a few reads, whatever their form.
    """
    found = store.known_any(any_ids)
    return [_known_link(any_id, found.get(any_id)) for any_id in any_ids]


def _known_link(any_id: str, known: KnownCable | None) -> Link:
    if known is None:
        return Link(any_id, None, "not in the archive")
    path = cable_path(known.reference_id, known.year, known.month)
    return Link(known.reference_id, path, "" if known.has_text else "known, no text")


def similar(archive: Archive, reference_id: str) -> tuple[Link, ...]:
    """Return links to the cables most like this one (kept until the index changes)."""
    # Finding them costs more than the rest of the page, so the answers are kept.
    key = f"similar:{reference_id}"
    cached = archive.cache.get(key)
    if isinstance(cached, tuple):
        return cached
    index = archive.index()
    if index is None:
        return ()
    try:
        hits = index.similar(reference_id, SIMILAR, leads=False)
    except CableError:
        return ()
    links = tuple(
        Link(
            hit.reference_id,
            created_path(hit.reference_id, hit.created),
            hit.subject or "",
        )
        for hit in hits
    )
    if len(archive.cache) > MAX_CACHED:
        archive.cache.clear()
    archive.cache[key] = links
    return links


# A line start is found as the newline before it (the text gets one in front):
# a pattern opening with a literal is searched for much faster than ``^``. The
# text is split at each numbered line: (blanks, number) between the pieces.
_PARAGRAPH_PATTERN = re.compile(r"\n([ \t]*)(\d{1,3})\.(?=[ \t])")


def body_html(body: str) -> Markup:
    """Escape the cable text and put a ¶ anchor (``id="parN"``) before each numbered paragraph.

    Only paragraph numbers in sequence count, so a line starting "2000." in the
    middle of paragraph 4 is not taken for a paragraph. The text is escaped once,
    as a whole: escaping leaves digits, dots, blanks and line ends in place and
    adds none, so the paragraph numbers are found in the escaped text alike.
    """
    pieces = _PARAGRAPH_PATTERN.split("\n" + escape_text(body))
    parts = [pieces[0]]
    expected = 1
    for index in range(1, len(pieces), 3):
        blanks, digits = pieces[index], pieces[index + 1]
        if int(digits) == expected:
            parts.append(
                f'\n<a class="par" id="par{expected}" href="#par{expected}"'
                f' aria-label="Paragraph {expected}"></a>{blanks}{digits}.'
            )
            expected += 1
        else:
            parts.append(f"\n{blanks}{digits}.")
        parts.append(pieces[index + 2])
    return Markup("".join(parts)[1:])  # without the newline put in front


def page_json(page: CablePage) -> dict[str, Any]:
    """Return the JSON document of a cable page."""
    stored = page.stored
    data = stored.cable.to_dict()
    data.update(
        url=page.url,
        wikileaks_url=page.wikileaks,
        aliases=list(stored.aliases),
        first_published=stored.first_published,
        latest_release=stored.latest_release,
        latest_released=stored.latest_released,
        tag_info=[
            {"code": t.code, "kind": t.kind, "meaning": t.meaning} for t in page.tags
        ],
        cited_by=[link.label for link in page.cited_by],
        cited_by_total=page.cited_by_total,
        versions=[version_json(version) for version in page.versions],
        similar=[link.label for link in page.similar],
        citations=page.citations,
    )
    return data


def version_json(version: Version) -> dict[str, Any]:
    """Return one version as JSON-ready data."""
    return {
        "release": version.release,
        "released": version.released,
        "change": version.change,
        "form": str(version.form),
        "source": version.source,
        "content_hash": version.content_hash,
        "created": version.created,
        "classification": version.classification,
        "origin": version.origin,
        "is_partial": version.is_partial,
        "redactions": version.redactions,
    }


def known_json(known: KnownCable) -> dict[str, Any]:
    """Return the JSON document of a cable known from the ID list only."""
    return {
        "reference_id": known.reference_id,
        "canonical_id": known.canonical_id,
        "year": known.year,
        "month": known.month,
        "has_text": known.has_text,
        "wikileaks_url": wikileaks_url(known.reference_id, known.year, known.month),
    }


def page_text(page: CablePage) -> str:
    """Return the plain-text page of a cable (the seed's page form)."""
    cable = page.stored.cable
    lines = [
        f"US embassy cable - {cable.reference_id}",
        "",
        " ".join((cable.subject or "").split()),
        "",
    ]
    lines += [
        f"Identifier: {cable.reference_id}",
        f"Wikileaks: View {cable.reference_id} at Wikileaks.org",
        f"Origin: {cable.origin or cable.station or ''}",
        f"Created: {format_when(cable.created)}",
        f"Released: {format_when(cable.released)}",
        f"Classification: {cable.classification or ''}",
        f"Tags: {' '.join(cable.tags)}",
        f"Redacted: {page.redacted_note}",
    ]
    if cable.is_partial:
        lines.append(PARTIAL_BANNER)
    lines += ["", cable.body.rstrip("\n"), "", latest_source(page.stored)]
    return "\n".join(lines) + "\n"


def latest_source(stored: StoredCable) -> str:
    """Return the "Latest source of this page is RELEASE, released DATE" line."""
    released = (
        stored.latest_released.strftime("%Y-%m-%d")
        if stored.latest_released
        else "an unknown date"
    )
    return f"Latest source of this page is {stored.latest_release or 'an unnamed release'}, released {released}"
