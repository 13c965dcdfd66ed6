"""Decide, per cable, what each release changed and which stated values the archive displays.

Pure functions over the facts of a cable's stored versions: no database here.
The rules are described in docs/schema.md ("Change kinds", "Display rule",
"Release dates").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from ..record import Form
from .base import MODIFIED, NEW, READDED, REDACTED, REMOVED, UNCHANGED, UNREDACTED

# Which version of one release speaks for a cable when a release holds several forms.
FORM_PRIORITY: dict[str, int] = {
    Form.CSV: 7,
    Form.PAGE: 6,
    Form.SEED: 5,
    Form.TEXT: 4,
    Form.PDF: 3,
    Form.JSON: 2,
    Form.FRAGMENT: 1,
}
FINAL_BUILD = 251287  # "251287 / 251,287": the final site build of 2011-08-30
# cables.csv circulated openly from 2011-09-01 (cable-format.md §5.5).
CSV_PUBLISHED = datetime(2011, 9, 1)


@dataclass(frozen=True)
class ReleaseFacts:
    """A release as ordering needs it."""

    name: str
    released: str | None  # ISO 8601
    is_snapshot: bool = False


class VersionFacts(NamedTuple):
    """What one stored version of a cable stated, as compared and displayed.

    A named tuple rather than a dataclass: settling a release builds one per stored version.
    """

    release: str
    form: str
    norm_hash: str
    redactions: int = 0
    created: str | None = None
    page_released: str | None = None
    classification: str | None = None
    origin: str | None = None
    build: int | None = None
    is_partial: bool | None = None


class Display(NamedTuple):
    """The values a cable's page and lists show, chosen from its versions."""

    created: str | None
    released: str | None
    classification: str | None
    origin: str | None
    first_published: str | None
    latest_release: str
    latest_released: str | None
    latest_form: str
    is_partial: bool
    redactions: int


def release_key(release: ReleaseFacts) -> tuple[bool, str, str]:
    """Return the sort key of a release: by date, undated last, then by name."""
    return (release.released is None, release.released or "", release.name)


def order_releases(releases: Iterable[ReleaseFacts]) -> list[ReleaseFacts]:
    """Return releases oldest first."""
    return sorted(releases, key=release_key)


# What str.split() counts as whitespace among ASCII characters.
_ASCII_WHITESPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
# The other characters str.split() counts as whitespace.
_OTHER_WHITESPACE = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


def normalized_hash(body: str) -> str:
    """Return a digest of a body that ignores whitespace, line breaks and TAGS separators.

    Cable pages render the TAGS as links without the commas of the original line,
    so "TAGS: PREL PGOV" and "TAGS: PREL, PGOV" count as the same text.
    """
    start = _tags_line_start(body)
    if start >= 0:
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        body = body[:start] + body[start:end].replace(",", " ") + body[end:]
    if body.isascii() or not any(space in body for space in _OTHER_WHITESPACE):
        # The same bytes as below, several times faster: bytes.translate runs in C,
        # and UTF-8 never uses an ASCII byte inside a longer character.
        data = body.encode("utf-8").translate(None, _ASCII_WHITESPACE)
        return hashlib.sha256(data).hexdigest()
    # str.split() without arguments drops every kind of whitespace, fast.
    return hashlib.sha256("".join(body.split()).encode("utf-8")).hexdigest()


def _tags_line_start(body: str) -> int:
    start = body.find("TAGS")
    while start >= 0:
        line_start = body.rfind("\n", 0, start) + 1
        if not body[line_start:start].strip():
            return start
        start = body.find("TAGS", start + 4)
    return -1


def text_hash(header: str | None, body: str) -> str:
    """Return the content address of a (header, body) pair."""
    data = (header or "") + "\x00" + body
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def representatives(versions: Iterable[VersionFacts]) -> dict[str, VersionFacts]:
    """Return, per release, the version that speaks for the cable (best form)."""
    best: dict[str, VersionFacts] = {}
    for version in versions:
        current = best.get(version.release)
        if current is None or _form_rank(version) > _form_rank(current):
            best[version.release] = version
    return best


def change_kinds(
    versions: Sequence[VersionFacts], ordered: Sequence[ReleaseFacts]
) -> dict[str, str]:
    """Return the change kind of a cable in every release that holds or removed it."""
    held = representatives(versions)
    kinds: dict[str, str] = {}
    previous: VersionFacts | None = None
    removed = False
    for release in ordered:
        current = held.get(release.name)
        if current is not None:
            kinds[release.name] = _kind(previous, current, removed)
            previous, removed = current, False
        elif release.is_snapshot and previous is not None and not removed:
            kinds[release.name] = REMOVED
            removed = True
    return kinds


def _kind(previous: VersionFacts | None, current: VersionFacts, removed: bool) -> str:
    if previous is None:
        return NEW
    if removed:
        return READDED
    if previous.norm_hash == current.norm_hash:
        return UNCHANGED
    if current.redactions > previous.redactions:
        return REDACTED
    if current.redactions < previous.redactions:
        return UNREDACTED
    return MODIFIED


def display(
    versions: Sequence[VersionFacts], ordered: Sequence[ReleaseFacts]
) -> Display:
    """Choose the displayed values of a cable from its versions (the display rule)."""
    return display_in(versions, ReleaseOrder.of(ordered))


class ReleaseOrder(NamedTuple):
    """Releases oldest first, as the display rule looks them up: position and date by name."""

    position: dict[str, int]
    dates: dict[str, str | None]

    @classmethod
    def of(cls, ordered: Sequence[ReleaseFacts]) -> ReleaseOrder:
        """Return the lookups of releases ordered by ``order_releases``."""
        return cls(
            {release.name: index for index, release in enumerate(ordered)},
            {release.name: release.released for release in ordered},
        )


def display_in(versions: Sequence[VersionFacts], order: ReleaseOrder) -> Display:
    """Return ``display`` of a cable's versions, with the release lookups made once for many cables."""
    if len(versions) == 1:
        return _display_one(versions[0], order.dates)
    return _display_many(versions, order)


def _display_one(version: VersionFacts, dates: dict[str, str | None]) -> Display:
    """Return ``_display_many([version])``: a first ingest settles every cable so."""
    released = dates.get(version.release)
    published = [value for value in (version.page_released, released) if value]
    return Display(
        created=version.created or None,
        released=version.page_released or None,
        classification=version.classification or None,
        origin=version.origin or None,
        first_published=min(published) if published else None,
        latest_release=version.release,
        latest_released=released,
        latest_form=version.form,
        is_partial=bool(version.is_partial),
        redactions=version.redactions,
    )


def _display_many(versions: Sequence[VersionFacts], order: ReleaseOrder) -> Display:
    """Return ``display_in`` of any number of versions, ranking them."""
    position, dates = order
    held = representatives(versions)
    # An undated release (e.g. loose body fragments) never hides a dated release's text.
    latest = max(
        held.values(),
        key=lambda v: (dates.get(v.release) is not None, position.get(v.release, -1)),
    )
    published = [v.page_released for v in versions if v.page_released]
    published += [dates[name] for name in held if dates.get(name)]  # type: ignore[misc]
    return Display(
        created=_stated(versions, position, "created"),
        released=_stated(versions, position, "page_released"),
        classification=_stated(versions, position, "classification"),
        origin=_stated(versions, position, "origin"),
        first_published=min(published) if published else None,
        latest_release=latest.release,
        latest_released=dates.get(latest.release),
        latest_form=latest.form,
        is_partial=bool(latest.is_partial),
        redactions=latest.redactions,
    )


def _stated(
    versions: Sequence[VersionFacts], position: dict[str, int], name: str
) -> str | None:
    stating = [version for version in versions if getattr(version, name)]
    if not stating:
        return None
    best = max(
        stating,
        key=lambda v: (
            _is_authoritative(v),
            position.get(v.release, -1),
            _form_rank(v),
        ),
    )
    value: str | None = getattr(best, name)
    return value


def _is_authoritative(version: VersionFacts) -> bool:
    # Early site builds rounded or shifted the Created minutes; cables.csv and the
    # final build carry the values of the original database.
    return version.form == Form.CSV or version.build == FINAL_BUILD


def _form_rank(version: VersionFacts) -> int:
    return FORM_PRIORITY.get(version.form, 0)


_NAME_DATE_PATTERNS = (
    (re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?!\d)"), (0, 1, 2, 3, 4)),
    (re.compile(r"(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)"), (0, 1, 2)),
    (re.compile(r"(?<!\d)(\d\d)-(\d\d)-(\d\d)(?!\d)"), (2, 0, 1)),
)


def date_in_name(name: str) -> datetime | None:
    """Return the date a release or file name carries (2010-11-30, 201011301701, 11-28-10)."""
    for pattern, order in _NAME_DATE_PATTERNS:
        for match in pattern.finditer(name):
            parts = [int(match.group(index + 1)) for index in order]
            if parts[0] < 100:
                parts[0] += 2000
            year, month, day, hour, minute = [*parts, 0, 0][:5]
            try:
                return datetime(year, month, day, hour, minute)
            except ValueError:
                continue
    return None


def default_release_date(
    name: str, latest_page_date: str | None, forms: Iterable[str]
) -> str | None:
    """Return a release's date when none was given (see "Release dates" in docs/schema.md)."""
    if latest_page_date:
        return latest_page_date
    named = date_in_name(name)
    if named is not None:
        return named.isoformat()
    if Form.CSV in set(forms):
        return CSV_PUBLISHED.isoformat()
    return None
