"""Give each server thread its own connection to the archive and the search index.

Views run in a thread pool and a SQLite connection belongs to one thread, so
the store and the index are opened lazily, once per thread, and all of them
are closed when the application stops.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CableError, StoreError
from ..settings import Settings

if TYPE_CHECKING:
    from ..search import SearchIndex
    from ..store.base import Store


class Archive:
    """The store and the search index as seen from one web application."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []
        self.cache: dict[
            str, object
        ] = {}  # values that change only on ingest (sitemap sizes)

    def store(self) -> Store:
        """Return this thread's store, opening it on first use."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open_store()
            self._local.store = store
        return store

    def index(self) -> SearchIndex | None:
        """Return this thread's search index, or None when no index has been built."""
        if not hasattr(self._local, "index"):
            self._local.index = self._open_index()
        index: SearchIndex | None = self._local.index
        return index

    def close(self) -> None:
        """Close every store opened by any thread."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()

    def _open_store(self) -> Store:
        from ..store import open_store

        if not Path(self.settings.db).is_file():
            raise StoreError(f"no archive database at {self.settings.db}")
        store = open_store(self.settings.db)
        with self._lock:
            self._opened.append(store)
        return store

    def _open_index(self) -> SearchIndex | None:
        from ..search import SearchIndex, index_path

        path = (
            Path(self.settings.index)
            if self.settings.index
            else index_path(self.settings.db)
        )
        if not path.exists():
            return None
        try:
            return SearchIndex.open(path)
        except CableError:
            return None
