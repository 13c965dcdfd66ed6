"""The search index on disk: build it from the store, keep it current, open it.

The index is a tantivy directory beside the database (``index_path``). A
``signatures.json`` file in it records a digest of every indexed document, so
a later build rewrites only the cables whose fields changed. The bodies, which
snippets show, are appended to ``bodies.bin`` in it; each document stores where
its body is (``body_at``, ``body_size``) rather than the text.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import tantivy

from ..errors import StoreError
from ..store.base import SearchFields, Store
from .document import search_document, search_fields, signed_body
from .schema import SCHEMA_VERSION, build_schema

Progress = Callable[[int, int | None], None]

SIGNATURES = "signatures.json"
BODIES = "bodies.bin"
# Two indexing threads share the heap: each flushes a segment of ~9,000 cables
# (~25 MB on disk) when its half is full, and tantivy merges eight such segments
# into one in the background. Measured on 100,000 cables: at most ~330 MB of
# anonymous memory (the heap, plus up to 10,000 documents queued for the
# threads), while a merge maps its eight input segments (~210 MB of file pages,
# page cache that counts in RSS; ~580 MB when the segments held the bodies). A
# smaller heap makes smaller segments and merges, but past 64 flushes tantivy
# merges eight merged segments at once.
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
    return _write_recorded(open_tantivy(path), path, _cables(store, progress), known)


def _fresh_build(store: Store, path: Path, progress: Progress | None) -> int:
    staging = path.with_name(path.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    index = tantivy.Index(build_schema(), path=str(staging))
    count = _write_recorded(index, staging, _cables(store, progress), {})
    old = path.with_name(path.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    staging.rename(path)
    shutil.rmtree(old, ignore_errors=True)
    return count


def _write_recorded(
    index: tantivy.Index,
    path: Path,
    cables: Iterator[SearchFields],
    known: dict[str, str],
) -> int:
    """Write the documents and record their signatures beside them; return how many."""
    signatures = _SignatureFile(path)
    try:
        with (path / BODIES).open("ab") as bodies:
            _write(index, cables, known, _Recorder(signatures.add, bodies))
        signatures.save()
    finally:
        signatures.close()
    return signatures.count


def _cables(store: Store, progress: Progress | None) -> Iterator[SearchFields]:
    total = _total(store)
    done = 0
    for cable in _read(store):
        yield cable
        done += 1
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None:
        progress(done, total)


def _read(store: Store) -> Iterator[SearchFields]:
    """Read what the index needs: the store's lean read if it has one, else whole cables."""
    lean = getattr(store, "iter_search_fields", None)
    if lean is not None:
        return iter(lean())
    return map(search_fields, store.iter_cables())


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


class _Recorder:
    """What a build keeps beside the index: signatures, and the bodies it writes."""

    def __init__(self, sign: Callable[[str, str], None], bodies: BinaryIO) -> None:
        self.sign = sign
        self._bodies = bodies
        self._end = bodies.seek(0, os.SEEK_END)

    def place_body(self, fields: dict[str, Any], data: bytes | None) -> None:
        """Append a document's body, ``data`` (its UTF-8); leave where it is in ``fields``."""
        if data is None:
            return
        self._bodies.write(data)
        fields["body_at"], fields["body_size"] = self._end, len(data)
        self._end += len(data)

    def flush(self) -> None:
        """Put the bodies written so far on disk, before the documents naming them."""
        self._bodies.flush()


class BodyFile:
    """The bodies file of an index, open for reading; closed when no reader holds it.

    An open file outlives a rebuild that swaps the index directory, so a searcher
    and the bodies file opened with it stay a pair.
    """

    def __init__(self, path: Path) -> None:
        flags = os.O_RDONLY | getattr(
            os, "O_BINARY", 0
        )  # no newline translation on Windows
        self._descriptor = os.open(path / BODIES, flags)
        self._lock = threading.Lock()

    def read(self, places: list[tuple[int, int] | None]) -> list[str]:
        """Return the bodies at the (offset, size) ``places``; "" where there is none."""
        return [_decoded(self._pread(place)) if place else "" for place in places]

    def _pread(self, place: tuple[int, int]) -> bytes:
        offset, size = place
        if hasattr(os, "pread"):
            return os.pread(self._descriptor, size, offset)
        with self._lock:  # where there is no pread (Windows), seek and read as one step
            os.lseek(self._descriptor, offset, os.SEEK_SET)
            return os.read(self._descriptor, size)

    def __del__(self) -> None:
        if hasattr(self, "_descriptor"):  # not when the open failed
            os.close(self._descriptor)


def open_bodies(path: Path) -> BodyFile | None:
    """Open the bodies file of the index at ``path`` (None when it has none)."""
    try:
        return BodyFile(path)
    except FileNotFoundError:
        return None


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # a file changed under the reader; never an error page
        return data.decode("utf-8", "replace")


def _write(
    index: tantivy.Index,
    cables: Iterator[SearchFields],
    known: dict[str, str],
    record: _Recorder,
) -> None:
    """Add changed documents, delete vanished ones (what ``known`` keeps), commit.

    Each document's signature is handed to ``record`` as it is made, and the
    body of each added one is written beside the index.
    """
    schema = index.schema
    try:
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)
    except ValueError as error:
        raise StoreError(
            f"the search index is busy (another build is running?): {error}"
        ) from error
    for cable in cables:
        fields = search_document(cable)
        reference_id = fields["reference_id"]
        digest, body = signed_body(fields)
        record.sign(reference_id, digest)
        before = known.pop(reference_id, None)
        if before == digest:
            continue
        if before is not None:
            writer.delete_documents_by_term("reference_id", reference_id)
        record.place_body(fields, body)
        writer.add_document(tantivy.Document.from_dict(fields, schema))
    for reference_id in known:
        writer.delete_documents_by_term("reference_id", reference_id)
    record.flush()
    writer.commit()
    writer.wait_merging_threads()


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


class _SignatureFile:
    """The signatures of a build, written to disk as they come rather than held.

    The file says ``{"schema": N, "docs": {reference ID: digest, ...}}``; it
    replaces the recorded one only on ``save``, after the index was committed.
    """

    def __init__(self, folder: Path) -> None:
        self.count = 0
        self._target = folder / SIGNATURES
        self._temporary = folder / (SIGNATURES + ".tmp")
        self._file = self._temporary.open("w", encoding="utf-8")
        self._file.write(f'{{"schema":{SCHEMA_VERSION},"docs":{{')

    def add(self, reference_id: str, digest: str) -> None:
        """Record the signature of one document."""
        comma = "," if self.count else ""
        self._file.write(f"{comma}{json.dumps(reference_id)}:{json.dumps(digest)}")
        self.count += 1

    def save(self) -> None:
        """Finish the file and put it in place of the recorded signatures."""
        self._file.write("}}")
        self._file.close()
        self._temporary.replace(self._target)

    def close(self) -> None:
        """Close the file (a build that failed leaves the recorded signatures as they were)."""
        self._file.close()


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
