"""Ingest published cable files into the archive: read, parse on every core, write in batches.

The main process reads (``sources.read``) and writes; worker processes parse
chunks of about 200 records and encode them into the rows to store
(``store.encoding``), so the writer only inserts. Each written chunk is one transaction that also
marks the inputs it completed as done, so an interrupted run resumes where it
stopped and a second run changes nothing. Releases are settled (dates, change
kinds, displayed values) at the end; see docs/schema.md.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, runtime_checkable

from .errors import CableError, SourceError
from .record import Form, Skipped, SourceRecord
from .sources import read
from .store.base import BatchResult, Store
from .store.changes import CSV_PUBLISHED, date_in_name
from .store.encoding import (
    EncodedVersion,
    decoded_cable,
    encode_version,
    with_text,
    without_text,
)

CHUNK_SIZE = 200  # records per parse task
_KNOWN_BATCH = 20_000  # ID-list rows per transaction
_ARCHIVE_SUFFIXES = (".tar", ".xz", ".gz", ".bz2", ".zip", ".7z", ".tgz")

Progress = Callable[[int, int], None]  # (records read, text bytes read)


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: release naming, reading and parsing choices."""

    release: str | None = None  # one release for every input
    released: datetime | None = None  # its date (all releases of the run)
    format: str | None = None  # force a reader
    strict: bool = False  # stop at the first skipped input
    workers: int | None = None  # parser processes; 1 parses inline
    snapshot: bool = False  # the inputs are a complete site: missing cables are removed


@dataclass
class IngestReport:
    """What one ingest did."""

    added: Counter[str] = field(default_factory=Counter)  # form -> versions stored
    present: Counter[str] = field(default_factory=Counter)  # form -> already stored
    duplicates: int = (
        0  # a cable given twice in one release and form: the first is kept
    )
    known_added: int = 0
    known_seen: int = 0
    releases: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    stopped: bool = False  # --strict stopped at a skip
    seconds: float = 0.0

    @property
    def records(self) -> int:
        """Return how many cable records were read (stored now or before)."""
        return sum(self.added.values()) + sum(self.present.values())

    @property
    def is_unchanged(self) -> bool:
        """Tell whether the run stored nothing new."""
        return not self.added and not self.known_added

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "added": dict(self.added),
            "present": dict(self.present),
            "duplicates": self.duplicates,
            "known_added": self.known_added,
            "known_seen": self.known_seen,
            "releases": self.releases,
            "skipped": [
                {"source": s.source, "reason": s.reason, "reference_id": s.reference_id}
                for s in self.skipped
            ],
            "stopped": self.stopped,
            "seconds": round(self.seconds, 3),
            "unchanged": self.is_unchanged,
        }


@dataclass
class _Work:
    """One chunk: records to parse, and the inputs it completes."""

    records: list[tuple[str, SourceRecord]] = field(default_factory=list)
    done: list[tuple[str, str]] = field(default_factory=list)


class _Stop(Exception):
    """--strict met a skipped input."""


def input_size(paths: Sequence[Path]) -> int | None:
    """Return the byte size of the inputs when it measures their text (plain files only)."""
    if any(
        path.is_dir() or path.name.lower().endswith(_ARCHIVE_SUFFIXES) for path in paths
    ):
        return None
    return sum(path.stat().st_size for path in paths)


def ingest(
    store: Store,
    paths: Sequence[Path],
    options: IngestOptions,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, directories or archives into the archive; return what happened."""
    for path in paths:
        if not path.exists():
            raise SourceError("no such file or directory", source=str(path))
    started = time.monotonic()
    report = IngestReport()
    reader = _Reader(store, options, report, progress)
    writer = _Writer(store, report, options.strict)
    with _Parsers(options.workers) as parsers:
        try:
            for work in reader.chunks(paths):
                for done_work, results in parsers.submit(work):
                    writer.write(done_work, results)
            for done_work, results in parsers.drain():
                writer.write(done_work, results)
        except _Stop:
            report.stopped = True
    reader.flush_known()
    if progress is not None:
        progress(reader.count, reader.size)
    for name in reader.releases:
        store.finish_release(name, options.released)
    # Counted once all are finished: finishing one release can change another's kinds.
    for release in store.releases():
        if release.name in reader.releases:
            released = release.released.isoformat() if release.released else None
            report.releases[release.name] = {"released": released, **release.counts}
    report.seconds = time.monotonic() - started
    return report


class _Reader:
    """Read inputs in the main process and cut them into parse chunks."""

    def __init__(
        self,
        store: Store,
        options: IngestOptions,
        report: IngestReport,
        progress: Progress | None,
    ) -> None:
        self.store, self.options, self.report, self.progress = (
            store,
            options,
            report,
            progress,
        )
        self.releases: dict[str, str] = {}  # name -> first input
        self.known: list[tuple[str, int, int]] = []
        self.source: tuple[str, str] | None = None  # (release, source) being read
        self.source_done = False
        self.count = self.size = 0
        self._named: tuple[object, str] = (None, "")  # (input key, its release name)

    def chunks(self, paths: Sequence[Path]) -> Iterator[_Work]:
        """Yield chunks of records to parse, in reading order."""
        work = _Work()
        for path in paths:
            for item in read(path, format=self.options.format):
                if self._take(item, path, work) and len(work.records) >= CHUNK_SIZE:
                    yield work
                    work = _Work()
        self._close_source(work)
        yield work

    def _take(self, item: SourceRecord | Skipped, path: Path, work: _Work) -> bool:
        if isinstance(item, Skipped):
            self.report.skipped.append(item)
            if self.options.strict:
                raise _Stop
            return False
        self._tick(item)
        if item.form == Form.IDLIST:
            # The ID list only fills ``known``: it is no release, and adding it again changes nothing.
            self._add_known(item)
            return False
        name = self._release_of(item, path)
        if self.source != (name, item.source):
            self._close_source(work)
            self.source = (name, item.source)
            self.source_done = self.store.is_done(name, item.source)
        if self.source_done or self.store.has_version(
            name, item.reference_id, item.form
        ):
            self.report.present[str(item.form)] += 1
            return False
        work.records.append((name, item))
        return True

    def _tick(self, item: SourceRecord) -> None:
        self.count += 1
        self.size += len(item.body or "") + len(item.header or "")
        if self.progress is not None and self.count % 50 == 0:
            self.progress(self.count, self.size)

    def _close_source(self, work: _Work) -> None:
        """Mark the input just finished as done, with the chunk that holds its last record."""
        if self.source is not None and not self.source_done:
            work.done.append(self.source)
        self.source = None

    def _add_known(self, item: SourceRecord) -> None:
        month = int(item.extra.get("month", "0") or 0)
        self.known.append((item.reference_id, _year_of(item), month))
        self.report.known_seen += 1
        if len(self.known) >= _KNOWN_BATCH:
            self.flush_known()

    def flush_known(self) -> None:
        """Store the ID-list rows read since the last flush."""
        if self.known:
            self.report.known_added += self.store.add_known(self.known)
            self.known = []

    def _release_of(self, item: SourceRecord, path: Path) -> str:
        key = (item.source, item.release, item.form, path)
        if key != self._named[0]:
            # Remembered for the input being read: a CSV has one name for all its rows.
            self._named = (key, self.options.release or _default_release(item, path))
        name = self._named[1]
        if name not in self.releases:
            self.releases[name] = str(path)
            start = self.options.released or _provisional_date(name, item.form)
            self.store.start_release(
                name, start, str(path), is_snapshot=self.options.snapshot
            )
        return name


def _default_release(item: SourceRecord, path: Path) -> str:
    # A file whose own name carries a date (wikileaks-11-28-10.json) is a release of
    # its own, even inside a repository snapshot of another date.
    member = PurePosixPath(item.source.rsplit("!", 1)[-1])
    if item.form != Form.SEED and date_in_name(member.name) is not None:
        return member.name.split(".")[0]
    return item.release or path.name.split(".")[0]


def _provisional_date(name: str, form: Form) -> datetime | None:
    return date_in_name(name) or (CSV_PUBLISHED if form == Form.CSV else None)


def _year_of(item: SourceRecord) -> int:
    if item.created is not None:
        return item.created.year
    prefix = item.reference_id[:2]
    if not prefix.isdigit():
        return 0
    return 1900 + int(prefix) if int(prefix) > 10 else 2000 + int(prefix)


class _Writer:
    """Store parsed chunks, each with its done marks in one transaction."""

    def __init__(self, store: Store, report: IngestReport, strict: bool) -> None:
        self.store, self.report, self.strict = store, report, strict
        # Inputs with a cable that failed to parse stay not-done, so a rerun reports it again.
        self.failed: set[tuple[str, str]] = set()

    def write(self, work: _Work, results: list[EncodedVersion | str]) -> None:
        """Store one chunk; raise _Stop after a parse failure under --strict."""
        by_release: dict[str, list[tuple[SourceRecord, EncodedVersion]]] = {}
        for (name, record), result in zip(work.records, results, strict=True):
            if isinstance(result, str):
                self.report.skipped.append(
                    Skipped(
                        record.source, f"cannot parse: {result}", record.reference_id
                    )
                )
                self.failed.add((name, record.source))
                continue
            by_release.setdefault(name, []).append((record, with_text(record, result)))
            self.report.added[str(record.form)] += 1
        with self.store.batch():
            for name, items in by_release.items():
                self.report.duplicates += self._add(name, items).counts.get(
                    "present", 0
                )
            for name, source in work.done:
                if (name, source) not in self.failed:
                    self.store.mark_done(name, [source])
        if self.strict and len(results) != sum(
            len(items) for items in by_release.values()
        ):
            raise _Stop

    def _add(
        self, name: str, items: list[tuple[SourceRecord, EncodedVersion]]
    ) -> BatchResult:
        if isinstance(self.store, _EncodedWrites):
            return self.store.add_encoded(name, [version for _, version in items])
        # A store that only takes parsed cables gets them back from the rows.
        return self.store.add_versions(
            name, [(record, decoded_cable(version)) for record, version in items]
        )


@runtime_checkable
class _EncodedWrites(Protocol):
    """A store that inserts versions encoded by the parser processes."""

    def add_encoded(
        self, release: str, versions: Sequence[EncodedVersion]
    ) -> BatchResult: ...


def parse_chunk(items: list[tuple[str, SourceRecord]]) -> list[EncodedVersion | str]:
    """Parse and encode (release, record) pairs; a record that cannot be parsed gives the reason."""
    from .parse import parse_record

    results: list[EncodedVersion | str] = []
    for release, record in items:
        try:
            results.append(
                without_text(
                    record,
                    # The store keeps no paragraphs: they are cut from the body when read.
                    encode_version(
                        release, record, parse_record(record, paragraphs=False)
                    ),
                )
            )
        except CableError as error:
            results.append(error.message)
        except Exception as error:  # noqa: BLE001 - one bad cable must not end the ingest
            results.append(f"parser failure: {type(error).__name__}: {error}")
    return results


class _Parsers:
    """Parse chunks inline or in a process pool, keeping order and bounded memory."""

    def __init__(self, workers: int | None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None  # None once parsing is inline
        self.executor: ProcessPoolExecutor | None = None
        self.pending: deque[tuple[_Work, Future[list[EncodedVersion | str]]]] = deque()

    def __enter__(self) -> _Parsers:
        if self.workers > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in methods else "spawn"
            )
            self.pool = self.executor = ProcessPoolExecutor(
                self.workers, mp_context=context
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, work: _Work) -> Iterator[tuple[_Work, list[EncodedVersion | str]]]:
        """Queue a chunk; yield the oldest chunks once too many are in flight."""
        records = work.records
        try:
            if self.pool is not None:
                self.pending.append((work, self.pool.submit(parse_chunk, records)))
        except (BrokenProcessPool, OSError):
            self.pool = None
        if self.pool is None:
            yield from self.drain()
            yield work, parse_chunk(records)
        while len(self.pending) > 2 * self.workers:
            yield self._oldest()

    def drain(self) -> Iterator[tuple[_Work, list[EncodedVersion | str]]]:
        """Yield every chunk still in flight, in order."""
        while self.pending:
            yield self._oldest()

    def _oldest(self) -> tuple[_Work, list[EncodedVersion | str]]:
        work, future = self.pending.popleft()
        try:
            return work, future.result()
        except BrokenProcessPool:
            # Workers that cannot start (e.g. no importable main module): parse here instead.
            self.pool = None
            return work, parse_chunk(work.records)
