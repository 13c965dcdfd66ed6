"""Turn a stored cable into the field values of one search-index document.

Redaction markers (runs of X) are masked with control characters of the same
length, so they are not indexed as words but still show as X in snippets.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..record import Cable
from ..store.base import REMOVED, SearchFields, StoredCable
from .ids import country_for

_REDACTION_PATTERN = re.compile(r"[Xx]{3,}")
# Whether a text holds "XXX" or "xxx": a literal pattern finds its first letter
# with memchr, twice as fast as ``in`` for a needle that repeats one letter.
_UPPER_RUN_PATTERN = re.compile("XXX")
_LOWER_RUN_PATTERN = re.compile("xxx")


def _mask(marker: str) -> str:
    return marker.replace("X", "\x0e").replace("x", "\x0f")


def mask_redactions(text: str, cable: Cable | None = None) -> str:
    """Replace redaction markers by non-word characters of the same length.

    Each X becomes a control character (one byte, like the X), so snippet
    offsets stay right and ``unmask`` shows the marker again.
    """
    spans = [(r.start, r.end) for r in cable.redactions] if cable is not None else []
    return _masked(text, spans)


def _masked(
    text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]
) -> str:
    if "\x0e" in text or "\x0f" in text:
        text = text.replace("\x0e", " ").replace("\x0f", " ")
    if spans:
        text = _mask_spans(text, spans)
    if (
        _UPPER_RUN_PATTERN.search(text) is None
        and _LOWER_RUN_PATTERN.search(text) is None
    ):
        return text  # the usual case, found without the slower regex
    return _REDACTION_PATTERN.sub(lambda match: _mask(match.group()), text)


def _mask_spans(
    text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]
) -> str:
    """Mask the spans that fit in ``text`` in one join rather than a copy each."""
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            continue
        if start < done:  # overlapping or out of order: one span after the other
            return _mask_each(text, spans)
        pieces += (text[done:start], _mask(text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_each(
    text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]
) -> str:
    for start, end in spans:
        if 0 <= start <= end <= len(text):
            text = text[:start] + _mask(text[start:end]) + text[end:]
    return text


def unmask(text: str) -> str:
    """Show masked redaction markers as X again."""
    return text.replace("\x0e", "X").replace("\x0f", "x")


def cable_document(stored: StoredCable) -> dict[str, Any]:
    """Return the index fields of one cable (latest version)."""
    return search_document(search_fields(stored))


def search_fields(stored: StoredCable) -> SearchFields:
    """Return what the index reads of a stored cable (as ``Store.iter_search_fields`` gives it)."""
    cable = stored.cable
    return SearchFields(
        reference_id=cable.reference_id,
        canonical_id=cable.canonical_id,
        body=cable.body,
        subject=cable.subject,
        created=cable.created,
        classification=cable.classification,
        origin=cable.origin,
        station=cable.station,
        tags=cable.tags,
        cited=tuple(ref.value for ref in cable.references if ref.kind == "cable"),
        signers=cable.signers,
        captions=cable.captions,
        redactions=tuple((r.start, r.end) for r in cable.redactions),
        releases=tuple(
            sorted({v.release for v in stored.versions if v.change != REMOVED})
        ),
        latest_release=stored.latest_release,
        release=cable.release,
        aliases=stored.aliases,
    )


def search_document(cable: SearchFields) -> dict[str, Any]:
    """Return the index fields of one cable from what the index reads of it."""
    station = cable.station.upper() if cable.station else ""
    country = country_for(station) or ""
    classification = cable.classification or ""
    fields: dict[str, Any] = {
        "reference_id": cable.reference_id,
        "canonical_id": cable.canonical_id,
        "ids": _ids(cable),
        "subject": _masked(cable.subject or "", ()),
        "body": _masked(cable.body, cable.redactions),
        "tags": sorted({tag.upper() for tag in cable.tags}),
        "classification": classification,
        "class_words": classification,
        "origin": cable.origin or station,
        "origin_words": " ".join(filter(None, (cable.origin, station))),
        "station": station,
        "country": country,
        "country_words": country,
        "releases": _releases(cable),
        "refs": sorted({value.upper() for value in cable.cited}),
        "signers": " ; ".join(cable.signers),
        "captions": " ; ".join(cable.captions),
    }
    _add_dates(fields, cable)
    return {name: value for name, value in fields.items() if value not in ("", [])}


def _add_dates(fields: dict[str, Any], cable: SearchFields) -> None:
    created = cable.created
    if created is None:
        year = _year_of_id(cable.canonical_id)
        if year is not None:
            # One month key serves the histogram and the year facet: a bare
            # year counts for the year only.
            fields["year"], fields["ym"] = year, f"{year:04d}"
        return
    fields["created"] = (
        created if created.tzinfo is None else created.replace(tzinfo=None)
    )
    # As ``f"{created:%Y-%m}"`` gives it, without the cost of strftime.
    fields["year"], fields["ym"] = created.year, f"{created.year}-{created.month:02d}"


def signature(fields: dict[str, Any]) -> str:
    """Return a digest of a document's fields: equal digests mean nothing to reindex.

    Each value is hashed as its ``repr`` (exact for str, int, list and datetime),
    which costs a fraction of a JSON encoding of the body.
    """
    return signed_body(fields)[0]


def signed_body(fields: dict[str, Any]) -> tuple[str, bytes | None]:
    """Return a document's ``signature`` and its body in UTF-8 (None without a body).

    The digest is of the UTF-8 of name, length and text of every field in name
    order, each part NUL-separated; the body is encoded once, for both the
    digest and the bodies file, and hashed without being copied into the rest.
    """
    digest = hashlib.blake2b(digest_size=12)
    body = None
    parts: list[str] = []
    for name in sorted(fields):
        value = fields[name]
        text = value if isinstance(value, str) else repr(value)
        parts += (name, "\x00", str(len(text)), "\x00")
        if name == "body" and text is value:
            body = text.encode("utf-8", "surrogatepass")
            digest.update("".join(parts).encode("utf-8", "surrogatepass"))
            digest.update(body)
            parts.clear()
        else:
            parts.append(text)
    digest.update("".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest(), body


def _ids(cable: SearchFields) -> list[str]:
    return sorted(
        {
            value.upper()
            for value in (cable.reference_id, cable.canonical_id, *cable.aliases)
            if value
        }
    )


def _releases(cable: SearchFields) -> list[str]:
    if cable.releases:
        return list(cable.releases)
    return sorted({name for name in (cable.latest_release, cable.release) if name})


_ID_YEAR_PATTERN = re.compile(r"^(\d{2})[A-Z]")


def _year_of_id(reference_id: str) -> int | None:
    match = _ID_YEAR_PATTERN.match(reference_id)
    if not match:
        return None
    yy = int(match.group(1))
    return 1900 + yy if yy > 10 else 2000 + yy
