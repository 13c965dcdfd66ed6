"""The search index on disk: build it from the store, keep it current, open it.

The index is a tantivy directory beside the database (``index_path``). A
``signatures.json`` file in it records a digest of every indexed document, so
a later build rewrites only the cables whose fields changed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import tantivy

from ..errors import StoreError
from ..store.base import Store, StoredCable
from .document import cable_document, signature
from .schema import SCHEMA_VERSION, build_schema

Progress = Callable[[int, int | None], None]

SIGNATURES = "signatures.json"
# Two indexing threads share the heap; 128 MB keeps a full build near 300 MB
# of resident memory (each thread flushes a segment of ~6,000 cables when its
# half is full, and tantivy merges them in the background).
WRITER_HEAP = 128_000_000
WRITER_THREADS = 2
_PROGRESS_EVERY = 500


def index_path(db_path: str | Path) -> Path:
    """Return the index directory of a database: ``x.db`` -> ``x.index``."""
    path = Path(str(db_path).removeprefix("sqlite:///"))
    return (
        path.with_suffix(".index")
        if path.suffix == ".db"
        else path.with_name(path.name + ".index")
    )


def build_index(
    store: Store, path: Path, *, progress: Progress | None = None, rebuild: bool = False
) -> int:
    """Bring the index at ``path`` up to date with the store; return documents in it.

    Changed cables are rewritten and vanished ones deleted; a missing or
    outdated index (or ``rebuild``) is built afresh beside it and swapped in.
    """
    path = Path(path)
    known = None if rebuild else _read_signatures(path)
    if known is None:
        return _fresh_build(store, path, progress)
    index = open_tantivy(path)
    signatures = _write(index, _cables(store, progress), known)
    _save_signatures(path, signatures)
    return len(signatures)


def _fresh_build(store: Store, path: Path, progress: Progress | None) -> int:
    staging = path.with_name(path.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    index = tantivy.Index(build_schema(), path=str(staging))
    signatures = _write(index, _cables(store, progress), {})
    _save_signatures(staging, signatures)
    old = path.with_name(path.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    staging.rename(path)
    shutil.rmtree(old, ignore_errors=True)
    return len(signatures)


def _cables(store: Store, progress: Progress | None) -> Iterator[StoredCable]:
    total = _total(store)
    done = 0
    for stored in store.iter_cables():
        yield stored
        done += 1
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None:
        progress(done, total)


def _total(store: Store) -> int | None:
    """Return the number of cables with text if the store's stats say it."""
    try:
        stats = store.stats()
    except Exception:  # stats are only a nicety for the progress bar
        return None
    for key in ("cables", "with_text", "texts"):
        value = stats.get(key)
        if isinstance(value, int):
            return int(value)
    return None


def _write(
    index: tantivy.Index, cables: Iterator[StoredCable], known: dict[str, str]
) -> dict[str, str]:
    """Add changed documents, delete vanished ones, commit; return the new signatures."""
    schema = index.schema
    try:
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)
    except ValueError as error:
        raise StoreError(
            f"the search index is busy (another build is running?): {error}"
        ) from error
    signatures: dict[str, str] = {}
    for stored in cables:
        fields = cable_document(stored)
        reference_id = fields["reference_id"]
        signatures[reference_id] = digest = signature(fields)
        if known.get(reference_id) == digest:
            continue
        if reference_id in known:
            writer.delete_documents_by_term("reference_id", reference_id)
        writer.add_document(tantivy.Document.from_dict(fields, schema))
    for reference_id in known.keys() - signatures.keys():
        writer.delete_documents_by_term("reference_id", reference_id)
    writer.commit()
    writer.wait_merging_threads()
    return signatures


def _read_signatures(path: Path) -> dict[str, str] | None:
    """Return the recorded signatures, or None when the index must be built afresh."""
    try:
        data: dict[str, Any] = json.loads(
            (path / SIGNATURES).read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return None
    if data.get("schema") != SCHEMA_VERSION or not isinstance(data.get("docs"), dict):
        return None
    return dict(data["docs"])


def _save_signatures(path: Path, signatures: dict[str, str]) -> None:
    data = {"schema": SCHEMA_VERSION, "docs": signatures}
    temporary = path / (SIGNATURES + ".tmp")
    temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    temporary.replace(path / SIGNATURES)


def open_tantivy(path: Path) -> tantivy.Index:
    """Open the tantivy index at ``path``; a missing or broken one is a ``StoreError``."""
    if not (path / "meta.json").is_file():
        raise StoreError(
            f"no search index at {path}: run `cablebrowser index` to build it"
        )
    try:
        return tantivy.Index.open(str(path))
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot open the search index at {path}: {error}") from error
