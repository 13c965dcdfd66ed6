"""Open the archive behind a URL: ``open_store(url) -> Store``.

A plain path or ``sqlite:///path`` opens (or creates) a SQLite file;
``postgresql://`` is reserved for a PostgreSQL backend not shipped yet.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import Store
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(url: str | Path) -> SQLiteStore:
    """Open the archive at ``url`` (a SQLite path or ``sqlite:///path``)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            "the PostgreSQL backend is not available in this version", source=text
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise StoreError(
            "unknown archive URL; use a file path or sqlite:///path", source=text
        )
    if text != ":memory:" and Path(text).is_dir():
        raise StoreError("the archive path is a folder; give a file name", source=text)
    return SQLiteStore(text)
