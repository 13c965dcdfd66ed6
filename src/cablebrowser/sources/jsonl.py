"""Read the JSON-lines dump of the first release (one cable object per line).

Each line is ``{"_id", "reference_id", "origin", "date_time", "classification",
"header", "body"}``, scraped from the cable pages: the body's newlines are
collapsed and the header is the page's header box. A line that is not a JSON
object with an ID and a body becomes a Skipped naming its line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from .container import Member


def read_jsonl(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield one record (or Skipped) per line of a JSON-lines file."""
    for number, raw in enumerate(member.stream, start=1):
        if raw.strip():
            yield _line_item(member, number, raw)


def _line_item(member: Member, number: int, raw: bytes) -> SourceRecord | Skipped:
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Skipped(member.source, f"line {number} has invalid UTF-8")
    except json.JSONDecodeError as error:
        return Skipped(member.source, f"line {number} is not valid JSON: {error.msg}")
    if not isinstance(value, dict):
        return Skipped(member.source, f"line {number} is not a JSON object")
    reference_id = _text(value.get("reference_id")) or _text(value.get("_id"))
    body = value.get("body")
    if not reference_id or not isinstance(body, str):
        return Skipped(
            member.source, f"line {number} lacks a reference ID or a body", reference_id
        )
    return _record(member, number, reference_id, body, value)


def _record(
    member: Member, number: int, reference_id: str, body: str, value: dict[str, Any]
) -> SourceRecord:
    header = _text(value.get("header"))
    is_partial = bool(header and header.startswith("This record is a partial extract"))
    return SourceRecord(
        reference_id=reference_id,
        form=Form.JSON,
        source=member.source,
        body=body,
        header=PARTIAL_BANNER if is_partial else header,
        created=_json_datetime(value.get("date_time")),
        classification=_text(value.get("classification")),
        origin=_text(value.get("origin")),
        release=member.release,
        is_partial=is_partial,
        extra={"line": str(number)},
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_datetime(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        return None
