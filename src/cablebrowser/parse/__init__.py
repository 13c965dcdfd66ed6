"""Pure parsing: cable text in, ``Cable`` out.

Nothing in this package reads files, the network, a database, the clock or a
global that changes. Every function takes text and returns values; missing
optional fields come back as ``None`` or empty, and only an unusable cable
raises ``ParseError``.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from ..errors import ParseError
from ..record import Cable, SourceRecord
from .body import parse_comment, parse_paragraphs, parse_signers, parse_summary
from .header import (
    guess_reference_id,
    parse_captions,
    parse_classified_by,
    parse_date_line,
    parse_declassification,
    parse_reasons,
    parse_subject,
)
from .ids import canonical_id, station_of
from .redactions import find_redactions
from .refs import parse_references
from .routing import is_partial_header, parse_dtg, parse_recipients
from .tags import parse_tags, tag_kind
from .text import clean_text

__all__ = [
    "canonical_id",
    "find_redactions",
    "parse_cable",
    "parse_captions",
    "parse_classified_by",
    "parse_comment",
    "parse_declassification",
    "parse_dtg",
    "parse_paragraphs",
    "parse_record",
    "parse_reasons",
    "parse_recipients",
    "parse_references",
    "parse_signers",
    "parse_subject",
    "parse_summary",
    "parse_tags",
    "station_of",
    "tag_kind",
]


def parse_cable(
    body: str,
    *,
    header: str | None = None,
    reference_id: str | None = None,
    created: datetime | None = None,
    released: datetime | None = None,
    release: str | None = None,
    origin: str | None = None,
    classification: str | None = None,
    paragraphs: bool = True,
) -> Cable:
    """Parse one cable's body (and routing header, if any) into a ``Cable``.

    The keyword arguments carry the archive metadata a published form gave
    alongside the text; the parser never overrides them with text values.
    ``paragraphs=False`` leaves ``paragraphs`` empty, for a caller that keeps
    the body and cuts it into paragraphs when it is read: the costliest field.
    """
    text = clean_text(body)
    head = clean_text(header) if header else None
    ref_id = reference_id or guess_reference_id(head, text, created)
    if not ref_id and not text.strip():
        raise ParseError("no reference ID and no text")
    ref_id = ref_id or "UNKNOWN"
    declassification = parse_declassification(text)
    dtg = parse_dtg(head) if head else None
    return Cable(
        reference_id=ref_id,
        canonical_id=canonical_id(ref_id),
        body=text,
        header=head,
        created=created,
        released=released,
        release=release,
        origin=origin,
        station=station_of(ref_id),
        classification=classification,
        captions=tuple(parse_captions(text)),
        tags=tuple(parse_tags(text)),
        subject=parse_subject(text),
        references=tuple(
            parse_references(
                text,
                _year(ref_id, created),
                reference_id=ref_id,
                created=created or dtg or parse_date_line(text),
            )
        ),
        classified_by=tuple(parse_classified_by(text)),
        reasons=parse_reasons(text),
        declassify_on=declassification.date if declassification else None,
        declassification=declassification,
        signers=tuple(parse_signers(text)),
        recipients=tuple(parse_recipients(head)) if head else (),
        dtg=dtg,
        paragraphs=tuple(parse_paragraphs(text)) if paragraphs else (),
        summary=parse_summary(text),
        comment=parse_comment(text),
        is_partial=is_partial_header(head) or _has_banner(text),
        redactions=tuple(find_redactions(text)),
    )


def _year(reference_id: str, created: datetime | None) -> int | None:
    if created is not None:
        return created.year
    prefix = reference_id[:2]
    if not prefix.isdigit():
        return None
    yy = int(prefix)
    return 1900 + yy if yy > 10 else 2000 + yy


def _has_banner(text: str) -> bool:
    return "partial extract of the original cable" in text[:400]


def parse_record(record: SourceRecord, *, paragraphs: bool = True) -> Cable:
    """Parse what a reader took from one published form, keeping its metadata.

    ``paragraphs`` as for ``parse_cable``.
    """
    if record.body is None:
        raise ParseError(
            "no text in this form",
            reference_id=record.reference_id,
            source=record.source,
        )
    cable = parse_cable(
        record.body,
        header=record.header,
        reference_id=record.reference_id,
        created=record.created,
        released=record.released,
        release=record.release,
        origin=record.origin,
        classification=record.classification,
        paragraphs=paragraphs,
    )
    if record.is_partial and not cable.is_partial:
        cable = dataclasses.replace(cable, is_partial=True)
    return cable
