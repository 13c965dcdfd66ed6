"""Turn a file's bytes into text, with one stated fallback for Latin-1 forms."""

from __future__ import annotations

from typing import IO

from ..record import Skipped

# Whole-file forms are read into memory; anything larger is not a single cable.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_all(stream: IO[bytes], source: str) -> bytes | Skipped:
    """Read a whole file, refusing files too large to be one cable."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return Skipped(
            source,
            f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MB for a one-cable form",
        )
    if not data.strip():
        return Skipped(source, "empty file")
    return data


def decode_utf8(data: bytes, source: str) -> str | Skipped:
    """Decode UTF-8 (a BOM is dropped); report invalid bytes as a Skipped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Skipped(source, f"invalid UTF-8 at byte {error.start}")


def decode_utf8_or_latin1(data: bytes) -> tuple[str, str]:
    """Decode UTF-8, else Latin-1 (which never fails); return (text, encoding)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
