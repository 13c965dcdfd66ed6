"""The Store interface: what the rest of cablebrowser may ask of the archive.

Nothing above ``store/`` knows which database is behind it. ``open_store(url)``
picks the backend by URL: a plain path or ``sqlite:///path`` is SQLite (the
store of record on one machine); ``postgresql://`` is reserved for the
PostgreSQL backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from ..record import Cable, Form, SourceRecord

# Change kinds of one cable in one release, relative to the previous release
# (ordered by release date) that had the cable.
NEW = "new"
MODIFIED = "modified"
UNCHANGED = "unchanged"
REMOVED = "removed"
REDACTED = "redacted"
UNREDACTED = "unredacted"
READDED = "readded"


@dataclass(frozen=True)
class Release:
    """A named import: one ingest of one or more inputs."""

    name: str
    released: datetime | None
    source: str
    counts: dict[str, int] = field(default_factory=dict)  # change kind -> cables


@dataclass(frozen=True)
class Version:
    """One stored version of one cable: what one release said of it."""

    reference_id: str
    release: str
    released: datetime | None  # the release's date
    form: Form
    source: str
    content_hash: str
    change: str  # one of the change kinds above
    created: datetime | None = None  # as this version said
    page_released: datetime | None = None  # the page's own Released field
    classification: str | None = None
    origin: str | None = None
    build: int | None = None
    is_partial: bool | None = None


@dataclass(frozen=True)
class StoredCable:
    """A cable as the archive displays it: its latest version plus its history."""

    cable: Cable  # the latest version, parsed, with the displayed metadata
    first_published: datetime | None
    latest_release: str | None
    latest_released: datetime | None
    versions: tuple[Version, ...] = ()
    aliases: tuple[str, ...] = ()  # other IDs that resolve to it


@dataclass(frozen=True)
class KnownCable:
    """A cable known from the ID list, with or without text."""

    reference_id: str
    canonical_id: str
    year: int
    month: int
    has_text: bool


@dataclass(frozen=True)
class BatchResult:
    """What one batch of versions did to the archive."""

    counts: dict[str, int]  # change kind -> number of cables


@dataclass(frozen=True)
class Page:
    """One page of a listing, with the exact total."""

    items: tuple[StoredCable, ...]
    total: int
    offset: int
    limit: int


class Store(Protocol):
    """The archive: cables, their versions per release, and what is known without text."""

    # --- writing (ingest) -------------------------------------------------
    def start_release(self, name: str, released: datetime | None, source: str) -> None:
        """Create the release, or reopen it to resume an interrupted ingest."""

    def add_versions(self, release: str, items: Sequence[tuple[SourceRecord, Cable]]) -> BatchResult:
        """Store one batch of versions in one transaction; identical texts stored once."""

    def add_known(self, rows: Iterable[tuple[str, int, int]]) -> int:
        """Record (reference_id, year, month) rows of the ID list; return how many were new."""

    def finish_release(self, release: str, released: datetime | None) -> Release:
        """Settle the release date and recompute change kinds for every release."""

    def is_done(self, release: str, source: str) -> bool:
        """Tell whether an input (file or archive member) was fully ingested already."""

    def mark_done(self, release: str, sources: Iterable[str]) -> None:
        """Record inputs as fully ingested (committed with their batch)."""

    # --- reading ----------------------------------------------------------
    def resolve(self, any_id: str) -> str | None:
        """Return the stored reference ID for an ID in any form, or None."""

    def cable(self, reference_id: str, release: str | None = None) -> StoredCable | None:
        """Return a cable with text (latest version, or the one of ``release``)."""

    def known(self, reference_id: str) -> KnownCable | None:
        """Return what the ID list knows of a cable."""

    def versions(self, reference_id: str) -> list[Version]:
        """Return every version of a cable, oldest release first."""

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield every cable with text, latest version, in reference-ID order."""

    def releases(self) -> list[Release]:
        """Return the releases, oldest first."""

    def cited_by(self, canonical_id: str) -> list[str]:
        """Return the reference IDs of cables whose REF block cites this one."""

    def stats(self) -> dict[str, object]:
        """Return counts by release, form, classification, origin and decade."""

    def close(self) -> None:
        """Release the database."""
