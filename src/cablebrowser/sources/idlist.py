"""Read the list of all cable IDs with their month (``ID,MM`` lines, no header).

The list gives no text: each line becomes a record with ``body=None`` and the
month in ``extra["month"]``, so ingest knows the cable exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..record import Form, Skipped, SourceRecord
from .container import Member

_LINE_PATTERN = re.compile(r"^([0-9A-Z]+),(\d{1,2})$")


def read_idlist(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield one ID-only record (or Skipped) per line of an ID list."""
    for number, raw in enumerate(member.stream, start=1):
        line = raw.decode("latin-1").strip()
        if not line:
            continue
        match = _LINE_PATTERN.match(line)
        if match is None or not 1 <= int(match.group(2)) <= 12:
            yield Skipped(
                member.source, f"line {number} is not 'ID,month': {line[:60]!r}"
            )
            continue
        yield SourceRecord(
            reference_id=match.group(1),
            form=Form.IDLIST,
            source=member.source,
            release=member.release,
            extra={"month": f"{int(match.group(2)):02d}"},
        )
