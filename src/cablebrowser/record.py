"""The cable record and the small value types around it.

``Cable`` is what the parser makes of one version of one cable.
``SourceRecord`` is what a reader takes from one published form before parsing;
``Skipped`` is a reader's note about an input it could not use.
All are frozen: a record is a value, never edited in place.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

CLASSIFICATIONS: tuple[str, ...] = (
    "UNCLASSIFIED",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL",
    "CONFIDENTIAL//NOFORN",
    "SECRET",
    "SECRET//NOFORN",
)

PARTIAL_BANNER = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


class Form(enum.StrEnum):
    """The published forms a cable text can come from."""

    PAGE = "page"  # a WikiLeaks cable page (HTML), any site build
    CSV = "csv"  # a row of cables.csv
    JSON = "json"  # a JSON-lines record (the 219-cable first-release dump)
    FRAGMENT = "fragment"  # a body fragment cut out of a cable page
    TEXT = "text"  # a plain-text cable, with or without transmission header
    PDF = "pdf"  # a text PDF of a cable
    SEED = "seed"  # a page in the seed's plain-text page form
    IDLIST = "idlist"  # a line of the ID list: known, no text


@dataclass(frozen=True)
class Reference:
    """One item of a REF block: a cable or another kind of document."""

    kind: str  # cable, email, telcon, dtg, report, other
    value: str  # the canonical ID for cables, else the cleaned text
    bullet: str | None
    text: str  # the raw item text as written


@dataclass(frozen=True)
class Recipient:
    """One addressee of the transmission header (TO or INFO line)."""

    kind: str  # "to" or "info"
    name: str
    route: str | None = None  # routing indicator, e.g. RUEHC
    precedence: str | None = None  # e.g. PRIORITY, IMMEDIATE
    mcn: str | None = None  # message continuity number, e.g. 3787
    excluded: tuple[str, ...] = ()  # XMT lines of a collective


@dataclass(frozen=True)
class Paragraph:
    """A numbered (or leading unnumbered) paragraph of the body."""

    number: int | None
    marking: str | None  # portion marking without parentheses: C, S/NF, SBU
    heading: str | None  # the section heading this paragraph falls under
    text: str


@dataclass(frozen=True)
class Redaction:
    """A redaction marker (a run of X) at ``start:end`` of the body."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Declassification:
    """The E.O. line: order number, the raw DECL value and its date if it is one."""

    raw: str
    order: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class Cable:
    """One version of one cable, parsed."""

    reference_id: str
    canonical_id: str
    body: str
    header: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    release: str | None = None  # name of the release this version comes from
    origin: str | None = None  # as published, e.g. "US Office Almaty"
    station: str | None = None  # canonical station code, e.g. ALMATY
    classification: str | None = None  # one of CLASSIFICATIONS when known
    captions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    subject: str | None = None
    references: tuple[Reference, ...] = ()
    classified_by: tuple[str, ...] = ()
    reasons: str | None = None  # e.g. "1.4 (B) and (D)"
    declassify_on: date | None = None
    declassification: Declassification | None = None
    signers: tuple[str, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    dtg: datetime | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    summary: str | None = None
    comment: str | None = None
    is_partial: bool = False
    redactions: tuple[Redaction, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready data, dates in ISO 8601."""
        data: dict[str, Any] = _jsonable(dataclasses.asdict(self))
        return data


@dataclass(frozen=True)
class SourceRecord:
    """One cable as one published form gives it, before parsing."""

    reference_id: str
    form: Form
    source: str  # file path, with "!member" for a member of an archive
    body: str | None = None  # None when only the ID is known
    header: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    subject: str | None = (
        None  # the page title's subject: a hint, never the record's subject
    )
    release: str | None = None  # release name the input suggests
    build: int | None = None  # site build marker, "N / 251,287"
    is_partial: bool | None = None
    references: tuple[
        str, ...
    ] = ()  # WikiLeaks' own reference list (cables.csv column 6)
    extra: Mapping[str, str] = field(
        default_factory=dict
    )  # anything else the form said

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready data."""
        data: dict[str, Any] = _jsonable(dataclasses.asdict(self))
        return data


@dataclass(frozen=True)
class Skipped:
    """An input a reader could not use, and why."""

    source: str
    reason: str
    reference_id: str | None = None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
