"""cablebrowser: a versioned, searchable, citable archive of the US diplomatic cables."""

from __future__ import annotations

from .errors import CableError, ParseError, QueryError, SourceError, StoreError
from .parse import canonical_id, parse_cable, parse_record
from .record import Cable, Paragraph, Recipient, Redaction, Reference, SourceRecord

__all__ = [
    "Cable",
    "CableError",
    "Paragraph",
    "ParseError",
    "QueryError",
    "Recipient",
    "Redaction",
    "Reference",
    "SourceError",
    "SourceRecord",
    "StoreError",
    "canonical_id",
    "parse_cable",
    "parse_record",
]
