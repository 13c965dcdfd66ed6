"""The Store interface: what the rest of cablebrowser may ask of the archive.

Nothing above ``store/`` knows which database is behind it. ``open_store(url)``
picks the backend by URL: a plain path or ``sqlite:///path`` is SQLite (the
store of record on one machine); ``postgresql://`` is reserved for the
PostgreSQL backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from ..record import Cable, Form, Reference, SourceRecord

# Change kinds of one cable in one release, relative to the previous release
# (ordered by release date) that had the cable.
NEW = "new"
MODIFIED = "modified"
UNCHANGED = "unchanged"
REMOVED = "removed"
REDACTED = "redacted"
UNREDACTED = "unredacted"
READDED = "readded"
CHANGE_KINDS = (NEW, MODIFIED, REDACTED, UNREDACTED, REMOVED, READDED, UNCHANGED)


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
    redactions: int = 0  # redaction markers in this version's text (0 for a removal)


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
class ShownCable:
    """What a cable's web page shows of its latest version, read at once (``Store.cable_page``).

    The fields named as ``Cable``'s hold the same values; ``redactions`` counts
    the redacted passages; ``cited_by`` lists the citing cables' reference IDs.
    """

    reference_id: str
    canonical_id: str
    body: str
    created: datetime | None
    released: datetime | None
    release: str | None
    origin: str | None
    station: str | None
    classification: str | None
    tags: tuple[str, ...]
    subject: str | None
    references: tuple[Reference, ...]
    is_partial: bool
    redactions: int
    first_published: datetime | None
    latest_release: str | None
    latest_released: datetime | None
    versions: tuple[Version, ...]
    aliases: tuple[str, ...]
    cited_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchFields:
    """What the search index reads of a cable with text (``Store.iter_search_fields``).

    The fields named as ``Cable``'s hold the latest version's displayed values;
    ``cited`` lists the canonical IDs of its REF items that are cables;
    ``redactions`` the (start, end) spans of its redaction markers in ``body``;
    ``releases`` the releases with a version of it that is not a removal;
    ``release`` the release its latest version was stored under.
    """

    reference_id: str
    canonical_id: str
    body: str
    subject: str | None
    created: datetime | None
    classification: str | None
    origin: str | None
    station: str | None
    tags: tuple[str, ...]
    cited: tuple[str, ...]
    signers: tuple[str, ...]
    captions: tuple[str, ...]
    redactions: tuple[tuple[int, int], ...]
    releases: tuple[str, ...]
    latest_release: str | None
    release: str | None
    aliases: tuple[str, ...]  # other IDs that resolve to it, as ``StoredCable.aliases``


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
    def start_release(
        self,
        name: str,
        released: datetime | None,
        source: str,
        *,
        is_snapshot: bool = False,
    ) -> None:
        """Create the release, or reopen it to resume an interrupted ingest.

        ``is_snapshot`` flags a complete site snapshot: cables it lacks are ``removed``.
        """

    def batch(self) -> AbstractContextManager[None]:
        """Group the writes inside into one transaction (nested calls join it)."""

    def has_version(self, release: str, reference_id: str, form: str) -> bool:
        """Tell whether this release already holds this cable in this form."""

    def add_versions(
        self, release: str, items: Sequence[tuple[SourceRecord, Cable]]
    ) -> BatchResult:
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

    def cable(
        self, reference_id: str, release: str | None = None
    ) -> StoredCable | None:
        """Return a cable with text (latest version, or the one of ``release``)."""

    def known(self, reference_id: str) -> KnownCable | None:
        """Return what the ID list knows of a cable."""

    def known_many(self, reference_ids: list[str]) -> dict[str, KnownCable]:
        """Return what the ID list knows of each given reference ID found there, by ID.

        One read for a whole list (a page's references and citing cables); IDs not
        in the ID list as given are left out (``resolve`` finds other forms).
        """

    def cable_page(self, reference_id: str) -> ShownCable | None:
        """Return what the web page of a cable with text shows, in one read, or None.

        None also when ``reference_id``, looked up as any ID would be, names
        another cable first: ``resolve`` then says which.
        """

    def known_any(self, any_ids: list[str]) -> dict[str, KnownCable]:
        """Return the ID-list entry of each ID, in any form, that names one, by the ID as given.

        As ``resolve`` then ``known`` for each ID, in a few reads for the whole list.
        """

    def versions(self, reference_id: str) -> list[Version]:
        """Return every version of a cable, oldest release first."""

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield every cable with text, latest version, in reference-ID order."""

    def iter_search_fields(self) -> Iterator[SearchFields]:
        """Yield what the search index reads of every cable with text, in reference-ID order.

        The same values as ``iter_cables`` gives, read without the rest of each cable.
        """

    def releases(self) -> list[Release]:
        """Return the releases, oldest first."""

    def cited_by(self, canonical_id: str) -> list[str]:
        """Return the reference IDs of cables whose REF block cites this one."""

    def stats(self) -> dict[str, object]:
        """Return counts by release, form, classification, origin and decade."""

    # --- browsing (web listings) -------------------------------------------
    def list_cables(
        self,
        *,
        origin: str | None = None,
        tag: str | None = None,
        classification: str | None = None,
        date: str | None = None,
        release: str | None = None,
        sort: str = "created",
        offset: int = 0,
        limit: int = 50,
    ) -> Page:
        """Return one page of cables with text matching every given filter, and the exact total.

        ``origin`` and ``classification`` match the displayed values exactly; ``tag``
        matches one of the cable's tags; ``date`` is a prefix of the creation date
        (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ``release`` keeps the cables that have
        a version in that release (their latest version is shown). ``sort`` is one of
        ``created``, ``-created``, ``id``, ``-id``; ties break by reference ID.
        """

    def changed_cables(
        self, release: str, change: str, *, offset: int = 0, limit: int = 50
    ) -> Page:
        """Return one page of the cables whose version in ``release`` has this change kind.

        ``change`` is one of ``CHANGE_KINDS``; cables come in reference-ID order and
        show their latest version (a ``removed`` cable shows its last text).
        """

    def counts(self, field: str, *, date: str | None = None) -> list[tuple[str, int]]:
        """Return (value, number of cables with text) for one field, most frequent first.

        ``field`` is one of ``origin``, ``tag``, ``classification``, ``release``,
        ``year`` (``YYYY``), ``month`` (``YYYY-MM``) or ``day`` (``YYYY-MM-DD``); the
        three date fields come in ascending date order instead. ``date`` keeps only
        cables whose creation date starts with that prefix (e.g. months of one year).
        """

    def iter_known(self) -> Iterator[KnownCable]:
        """Yield every cable the archive knows (with text or not), in reference-ID order."""

    def close(self) -> None:
        """Release the database."""
