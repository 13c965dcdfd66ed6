"""Synthetic cables for the search benchmark, drawn from real cable bodies.

Each document is a real body plus a tail of words drawn from the real
vocabulary with Zipf weights, with metadata spread like the real archive.
Also samples the benchmark's own memory: resident in all, and anonymous
(heap, not file pages mapped from the index's segment files).
"""

from __future__ import annotations

import random
import re
import tarfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cablebrowser.parse.ids import station_of
from cablebrowser.record import CLASSIFICATIONS, Cable
from cablebrowser.store.base import StoredCable

ROOT = Path(__file__).resolve().parents[1]
BODY_SOURCES = (
    ROOT.parent / "shared" / "data" / "cable-bodies_tathagata-reveal.tar.xz",
    ROOT / "sample" / "cable-body-fragments.tar.xz",
)
FULL_SCALE = 251_287
YEAR_WEIGHTS = {
    2003: 8083,
    2004: 11808,
    2005: 24131,
    2006: 42391,
    2007: 44693,
    2008: 49446,
    2009: 56813,
    2010: 9005,
    1995: 1216,
    2002: 2570,
}
CLASS_WEIGHTS = (44, 8, 30, 6, 9, 3)
RELEASES = (
    "cablegate-2010-11-28",
    "cablegate-2010-12-22",
    "cablegate-2011-04-25",
    "cablegate-2011-08-30",
)


@dataclass(frozen=True)
class Base:
    """A real cable body and what it says of itself."""

    body: str
    station: str
    subject: str
    tags: tuple[str, ...]


_TAGS_PATTERN = re.compile(r"^TAGS:?\s*(.+)$", re.MULTILINE)
_SUBJECT_PATTERN = re.compile(r"^SUBJ(?:ECT)?:\s*(.+)$", re.MULTILINE)
_MARKUP_PATTERN = re.compile(r"</?(?:code|pre)>")


def load_bases() -> list[Base]:
    """Read the real bodies of the first body archive found."""
    source = next(path for path in BODY_SOURCES if path.exists())
    bases = []
    with tarfile.open(source) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.endswith(".txt"):
                text = _MARKUP_PATTERN.sub(
                    "", archive.extractfile(member).read().decode("utf-8", "replace")
                )  # type: ignore[union-attr]
                bases.append(_base(Path(member.name).stem, text))
    return bases


def _base(reference_id: str, text: str) -> Base:
    tags = _TAGS_PATTERN.search(text)
    subject = _SUBJECT_PATTERN.search(text)
    return Base(
        body=text,
        station=station_of(reference_id) or "STATE",
        subject=subject.group(1).strip() if subject else "",
        tags=tuple(
            t for t in re.split(r"[\s,]+", tags.group(1).strip()) if t.isalpha()
        )[:6]
        if tags
        else (),
    )


def vocabulary(bases: list[Base]) -> list[str]:
    """Return the distinct words of the real bodies, most frequent first."""
    counts: dict[str, int] = {}
    for base in bases:
        for word in re.findall(r"[A-Za-z]{3,}", base.body):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=counts.__getitem__, reverse=True)


def generate(
    n: int, bases: list[Base], words: list[str], seed: int = 42
) -> Iterator[StoredCable]:
    """Yield ``n`` synthetic cables derived from the real bases."""
    rng = random.Random(seed)
    weights = _cumulative([1 / (rank + 2.7) ** 1.07 for rank in range(len(words))])
    stations = sorted({base.station for base in bases})
    station_weights = _cumulative([1 / (rank + 1) for rank in range(len(stations))])
    years = list(YEAR_WEIGHTS)
    year_weights = _cumulative(list(YEAR_WEIGHTS.values()))
    for number in range(n):
        base = bases[rng.randrange(len(bases))]
        station = rng.choices(stations, cum_weights=station_weights)[0]
        created = datetime(
            rng.choices(years, cum_weights=year_weights)[0], 1, 1
        ) + timedelta(minutes=rng.randrange(525_000))
        tail = " ".join(rng.choices(words, cum_weights=weights, k=60))
        cable = Cable(
            reference_id=f"{created.year % 100:02d}{station}{number + 1}",
            canonical_id=f"{created.year % 100:02d}{station}{number + 1}",
            body=f"{base.body}\n{tail}\n",
            created=created,
            origin=f"Embassy {station.title()}",
            station=station,
            classification=rng.choices(CLASSIFICATIONS, weights=CLASS_WEIGHTS)[0],
            tags=base.tags,
            subject=base.subject,
        )
        yield StoredCable(cable, None, rng.choice(RELEASES), None)


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


class GeneratedStore:
    """The part of the Store that ``build_index`` reads, generating cables as it goes.

    Nothing is held in memory, so the peak RSS of the build is the index's own.
    """

    def __init__(self, n: int, bases: list[Base], words: list[str]) -> None:
        self.n, self.bases, self.words = n, bases, words

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield every cable (the same ones on each call)."""
        return generate(self.n, self.bases, self.words)

    def stats(self) -> dict[str, object]:
        """Return the number of cables."""
        return {"cables": self.n}


class MemoryPeaks:
    """Sample this process's memory in a thread; keep the peak of each figure (MiB)."""

    FIELDS = ("VmRSS", "RssAnon", "RssFile")

    def __init__(self, every: float = 0.1) -> None:
        self.peaks = dict.fromkeys(self.FIELDS, 0.0)
        self._every, self._stop = every, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self._sample()

    def _sample(self) -> None:
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in self.peaks:
                self.peaks[name] = max(self.peaks[name], int(value.split()[0]) / 1024)
