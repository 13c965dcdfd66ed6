"""Give each server thread its own connection to the archive and the search index.

Views run in a thread pool and a SQLite connection belongs to one thread, so
the store and the index are opened lazily, once per thread, and all of them
are closed when the application stops. What the process keeps between
requests (rendered pages, search results, similar cables) is forgotten as soon
as the database or the index changes on disk.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CableError, StoreError
from ..settings import Settings
from .pagecache import LRU, PageCache

MAX_RESULTS = 2_000  # search results kept per process

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
        # Values that change only on ingest (sitemap sizes, similar cables).
        self.cache: dict[str, object] = {}
        self.results = LRU(MAX_RESULTS, MAX_RESULTS)
        self.pages = PageCache(self._watched(), self._forget)

    def _watched(self) -> list[Path]:
        db = Path(self.settings.db)
        return [db, Path(f"{db}-wal"), self._index_path() / "meta.json"]

    def _forget(self) -> None:
        self.cache.clear()
        self.results.clear()

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

    def _index_path(self) -> Path:
        from ..search import index_path

        if self.settings.index:
            return Path(self.settings.index)
        return index_path(self.settings.db)

    def _open_index(self) -> SearchIndex | None:
        from ..search import SearchIndex

        path = self._index_path()
        if not path.exists():
            return None
        try:
            return SearchIndex.open(path)
        except CableError:
            return None
