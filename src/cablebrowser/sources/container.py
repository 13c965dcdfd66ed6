"""Walk an input path and hand out its files one at a time, as streams.

An input is one file, a directory tree, an archive (``.tar``, ``.tar.gz``,
``.tar.xz``, ``.tar.bz2``, ``.zip``, ``.7z``) or a gzip-compressed file
(``.gz``). Archives are read without unpacking to disk: tar in streaming mode,
zip member by member, 7z by a decompressing thread that passes each member
through a small bounded queue. Only one member is open at a time, so memory
stays constant whatever the archive's size.

Source keys: the absolute path of the file, plus ``!member/path`` for a member
of an archive (``/data/x.tar.xz!cable/2010/11/10ABUJA1.html``).

Release names (``SourceRecord.release``): a member of an archive or of a
directory tree gets the container's name without its extensions
(``cablegate-release-2010-11-30_anarchivist``). A loose file that holds one
cable (named like a cable ID, e.g. ``cable/2005/10/05ALMATY3603.html``) gets the
name of the tree it stands in, or of its folder when given alone; any other
loose file (``cables.csv``, a JSON-lines dump) is a release of its own and gets
its own name without extensions.
"""

from __future__ import annotations

import gzip
import io
import lzma
import os
import queue
import tarfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import py7zr
from py7zr.io import Py7zIO, WriterFactory

from ..record import Skipped
from .detect import looks_like_id

ARCHIVE_SUFFIXES: tuple[str, ...] = (
    ".tar.gz",
    ".tar.xz",
    ".tar.bz2",
    ".tgz",
    ".txz",
    ".tar",
    ".zip",
    ".7z",
)

# Errors a damaged archive or compressed stream raises while being read.
ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (
    tarfile.TarError,
    zipfile.BadZipFile,
    lzma.LZMAError,
    zlib.error,
    gzip.BadGzipFile,
    EOFError,
    OSError,
    py7zr.exceptions.ArchiveError,
    py7zr.exceptions.Bad7zFile,
    py7zr.exceptions.CrcError,
    py7zr.exceptions.DecompressionError,
    py7zr.exceptions.UnsupportedCompressionMethodError,
)

HEAD_SIZE = 4096


@dataclass(frozen=True)
class Member:
    """One file to read: its name, stable source key, release and data."""

    name: str  # path inside the container, or the file name of a loose file
    source: str
    release: str | None
    stream: IO[bytes]
    loose: bool  # given directly rather than found inside a container


class _Rejoined(io.RawIOBase):
    """A stream whose first bytes were already read: give them back first."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek_head(stream: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """Read the first bytes of a stream; return them and an unconsumed stream."""
    head = stream.read(HEAD_SIZE)
    return head, io.BufferedReader(_Rejoined(head, stream), buffer_size=1 << 16)


def strip_archive_suffix(name: str) -> str | None:
    """Return the name without its archive extension, or None if not an archive."""
    lowered = name.lower()
    for suffix in ARCHIVE_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def iter_members(path: Path) -> Iterator[Member | Skipped]:
    """Yield every file of an input path (file, tree or archive), one at a time."""
    path = path.absolute()
    if path.is_dir():
        yield from _iter_tree(path)
        return
    stem = strip_archive_suffix(path.name)
    if stem is not None:
        yield from iter_archive(path, release=stem)
        return
    release = _loose_release(path.name, path.parent.name or None)
    yield from _iter_loose(path, release=release, loose=True)


def _iter_tree(root: Path) -> Iterator[Member | Skipped]:
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if strip_archive_suffix(name) is not None:
                yield from iter_archive(path, release=strip_archive_suffix(name))
            else:
                yield from _iter_loose(
                    path,
                    release=_loose_release(name, root.name),
                    loose=False,
                    inner=path.relative_to(root),
                )


def _loose_release(name: str, folder: str | None) -> str | None:
    stem = name.split(".", 1)[0]
    return folder if looks_like_id(stem) else stem


def _iter_loose(
    path: Path, *, release: str | None, loose: bool, inner: Path | None = None
) -> Iterator[Member | Skipped]:
    name = (inner or Path(path.name)).as_posix()
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Skipped(str(path), f"cannot open file: {error.strerror or error}")
        return
    with handle:
        if name.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=handle) as unzipped:
                # typeshed does not count GzipFile as an IO[bytes], though it is one.
                stream = cast(IO[bytes], unzipped)
                yield Member(name[:-3], str(path), release, stream, loose)
        else:
            yield Member(name, str(path), release, handle, loose)


def iter_archive(path: Path, *, release: str | None) -> Iterator[Member | Skipped]:
    """Yield the members of one archive file; report damage as a Skipped."""
    opener = _archive_opener(path.name.lower())
    try:
        yield from opener(path, release)
    except ARCHIVE_ERRORS as error:
        yield Skipped(str(path), f"archive is corrupt or truncated: {_describe(error)}")


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _archive_opener(lowered: str) -> Callable[[Path, str | None], Iterator[Member]]:
    if lowered.endswith(".zip"):
        return _iter_zip
    if lowered.endswith(".7z"):
        return _iter_7z
    return _iter_tar


def _iter_tar(path: Path, release: str | None) -> Iterator[Member]:
    # "r|*" reads the archive as one forward stream: no seeking, no index in memory.
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            if not info.isfile():
                continue
            stream = archive.extractfile(info)
            if stream is not None:
                yield Member(info.name, f"{path}!{info.name}", release, stream, False)


def _iter_zip(path: Path, release: str | None) -> Iterator[Member]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            with archive.open(info) as stream:
                yield Member(
                    info.filename, f"{path}!{info.filename}", release, stream, False
                )


def _iter_7z(path: Path, release: str | None) -> Iterator[Member]:
    with path.open("rb") as handle:
        pump = _SevenZipPump(handle)
        try:
            for name, stream in pump.members():
                yield Member(name, f"{path}!{name}", release, stream, False)
        finally:
            pump.stop()


_END = object()


class _QueueWriter(Py7zIO):
    """Where py7zr writes one member: chunks go into the shared queue."""

    def __init__(self, pump: _SevenZipPump) -> None:
        self._pump = pump
        self._size = 0

    def write(self, data: bytes | bytearray) -> int:
        self._pump.put(("data", bytes(data)))
        self._size += len(data)
        return len(data)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self._size

    def close(self) -> None:
        self._pump.put(("end", None))


class _QueueFactory(WriterFactory):
    def __init__(self, pump: _SevenZipPump) -> None:
        self._pump = pump

    def create(self, filename: str) -> Py7zIO:
        self._pump.put(("start", filename))
        return _QueueWriter(self._pump)


class _Cancelled(Exception):
    """Raised inside the decompressing thread when the reader stopped early."""


class _SevenZipPump:
    """Decompress a 7z archive in a thread; hand members out as streams."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._queue: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=8)
        self._cancel = threading.Event()
        # A file object (not a path) makes py7zr decompress serially, in archive order.
        self._archive = py7zr.SevenZipFile(handle, mode="r")
        self.failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def put(self, item: tuple[str, object]) -> None:
        """Queue one event, giving up when the reader has stopped."""
        while True:
            if self._cancel.is_set():
                raise _Cancelled
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _run(self) -> None:
        try:
            self._archive.extractall(factory=_QueueFactory(self))
            self.put(("done", None))
        except _Cancelled:
            return
        except BaseException as error:  # handed to the reading side
            try:
                self.put(("error", error))
            except _Cancelled:
                return

    def get(self) -> tuple[str, object]:
        """Take the next event from the decompressing thread."""
        return self._queue.get()

    def members(self) -> Iterator[tuple[str, IO[bytes]]]:
        """Yield (name, stream) for each member in archive order."""
        while True:
            if self.failure is not None:
                raise self.failure
            kind, value = self._queue.get()
            if kind == "error":
                raise value  # type: ignore[misc]
            if kind == "done":
                return
            if kind == "start":
                stream = _QueueStream(self)
                yield str(value), io.BufferedReader(stream)
                stream.drain()

    def stop(self) -> None:
        """Stop the thread and close the archive."""
        self._cancel.set()
        self._thread.join(timeout=5)
        self._archive.close()


class _QueueStream(io.RawIOBase):
    """The reading side of one 7z member: chunks from the queue until its end."""

    def __init__(self, pump: _SevenZipPump) -> None:
        self._pump = pump
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            if self._pump.failure is not None:
                raise self._pump.failure
            kind, value = self._pump.get()
            if kind == "data":
                self._pending = value  # type: ignore[assignment]
            elif kind == "error":
                self._pump.failure = value  # type: ignore[assignment]
            else:
                self._done = True
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def drain(self) -> None:
        """Skip what the reader left of this member."""
        while self.readinto(bytearray(1 << 16)):
            pass
