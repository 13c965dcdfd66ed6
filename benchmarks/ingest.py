"""Benchmark ``cablebrowser ingest`` on a full-scale synthetic cables.csv.

Builds a cables.csv with every real ID and month of the ID list (251,287 rows at
``--scale 1``) and bodies drawn from real cable texts with their IDs and dates
substituted, ingests it in a subprocess, and prints cables/s, the peak RSS of the
ingest process with its workers, the database size, and how long a bare
sqlite-utils insert of the same rows takes (as a ratio). The ingest runs as
``ingest --no-index`` followed by ``index`` (what ``ingest`` alone does in one
process), so the figures show the ingest proper and the index build apart as
well as end to end.

    .venv/bin/python benchmarks/ingest.py --scale 0.1
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils

from cablebrowser.record import SourceRecord
from cablebrowser.sources import read
from cablebrowser.sources.csvdump import write_csv

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ID_LIST = DATA / "cable2month_heuer-cablemap.csv.gz"
TEXTS = DATA / "cable-bodies_tathagata-reveal.tar.xz"
ORIGINS = [
    "Embassy Bern",
    "Embassy Buenos Aires",
    "Secretary of State",
    "US Office Almaty",
    "Consulate Jerusalem",
]
CLASSIFICATIONS = [
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "CONFIDENTIAL//NOFORN",
    "SECRET//NOFORN",
]
_TARGETS = {"cables/s": 1500.0, "peak RSS MB": 500.0}


def real_texts(limit: int) -> list[SourceRecord]:
    """Return up to ``limit`` real cable bodies to draw from."""
    texts = []
    for item in read(TEXTS):
        if isinstance(item, SourceRecord) and item.body:
            texts.append(item)
            if len(texts) >= limit:
                break
    return texts


def id_rows(scale: float) -> list[tuple[str, int]]:
    """Return (reference ID, month) of the ID list, the first ``scale`` share of it."""
    with gzip.open(ID_LIST, "rt", encoding="latin-1") as handle:
        rows = [
            (line.split(",")[0], int(line.split(",")[1]))
            for line in handle
            if "," in line
        ]
    return rows[: max(1, int(len(rows) * scale))]


def synthetic_rows(
    ids: list[tuple[str, int]], texts: list[SourceRecord]
) -> Iterator[list[str]]:
    """Yield cables.csv rows: real bodies with the ID and date substituted."""
    pick = random.Random(1966)
    for number, (reference_id, month) in enumerate(ids, start=1):
        source = texts[pick.randrange(len(texts))]
        body = source.body.replace(source.reference_id, reference_id)  # type: ignore[union-attr]
        year = (
            1900 + int(reference_id[:2])
            if int(reference_id[:2]) > 10
            else 2000 + int(reference_id[:2])
        )
        created = f"{month}/{pick.randint(1, 28)}/{year} {pick.randint(0, 23)}:{pick.randint(0, 59):02d}"
        header = f"R {pick.randint(10, 28)}1200Z {reference_id}\nFM {ORIGINS[number % 5].upper()}"
        yield [
            str(number),
            created,
            reference_id,
            ORIGINS[number % 5],
            CLASSIFICATIONS[number % 5],
            "",
            header,
            body,
        ]


def tree_rss(pid: int, field: str = "VmRSS:") -> int:
    """Return the summed resident memory (bytes) of a process and all its descendants.

    ``field`` picks the figure of ``/proc/PID/status``: ``RssAnon:`` leaves out
    pages mapped from files (such as the search index's segments).
    """
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(status.parent.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith(field):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def run_ingest(csv_path: Path, db: Path, workers: int) -> tuple[float, int, int]:
    """Ingest without the index in a subprocess; return (seconds, peak tree RSS, exit code)."""
    return run_measured(
        [
            *_COMMAND,
            "ingest",
            str(csv_path),
            "--db",
            str(db),
            "--workers",
            str(workers),
            "--no-index",
        ]
    )


def run_index(db: Path) -> tuple[float, int, int, int]:
    """Build the search index in a subprocess.

    Return (seconds, peak tree RSS, peak anonymous memory, exit code): tantivy
    maps its segment files while merging them, and those pages (page cache the
    kernel may reclaim) count in RSS but not in anonymous memory.
    """
    anon = 0

    def sample(pid: int) -> None:
        nonlocal anon
        anon = max(anon, tree_rss(pid, "RssAnon:"))

    seconds, peak, code = run_measured([*_COMMAND, "index", "--db", str(db)], sample)
    return seconds, peak, anon, code


_COMMAND = (sys.executable, "-m", "cablebrowser")


def run_measured(
    args: list[str], sample: Callable[[int], None] | None = None
) -> tuple[float, int, int]:
    """Run a command, sampling its memory; return (seconds, peak tree RSS, exit code).

    ``sample`` is called with the process ID at each sampling, for other figures.
    """
    started = time.monotonic()
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        if sample is not None:
            sample(process.pid)
        time.sleep(0.2)
    seconds = time.monotonic() - started
    sys.stderr.write(process.stderr.read() if process.stderr else "")
    return seconds, peak, process.returncode


def bare_insert(csv_path: Path, db: Path) -> float:
    """Return the seconds a plain sqlite-utils insert of the same rows takes."""
    started = time.monotonic()
    database = sqlite_utils.Database(db)
    columns = (
        "number",
        "created",
        "reference_id",
        "origin",
        "classification",
        "refs",
        "header",
        "body",
    )
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = (
            dict(zip(columns, row, strict=True))
            for row in csv.reader(handle, escapechar="\\")
        )
        database["cables"].insert_all(rows, pk="reference_id", batch_size=2000)
    database.close()
    return time.monotonic() - started


def main() -> None:
    """Build the input, run both loads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="share of the 251,287 IDs (default 1)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="parser processes (default 2)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cablebrowser-bench-"))
    try:
        figures = measure(folder, options.scale, options.workers)
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    for name, value in figures.items():
        target = _TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else (
                "  (target met)" if _meets(name, value, target) else "  (target missed)"
            )
        )
        print(f"{name:>22}: {value:,.2f}{verdict}")
    print("(cables/s and peak RSS are end to end: ingest, then the index build)")
    print(
        "(the index build's RSS includes the segment files tantivy maps while merging,"
        " page cache the kernel may reclaim; its anon figure leaves them out)"
    )


def measure(folder: Path, scale: float, workers: int) -> dict[str, float]:
    """Build the synthetic dump in ``folder``, ingest it, and return the figures."""
    ids = id_rows(scale)
    csv_path = folder / "cablegate-synthetic" / "cables.csv"
    csv_path.parent.mkdir()
    size = write_csv(csv_path, synthetic_rows(ids, real_texts(2000)))
    seconds, peak, code = run_ingest(csv_path, folder / "archive.db", workers)
    if code not in (0, 1):
        raise SystemExit(f"ingest failed with exit code {code}")
    index_seconds, index_peak, index_anon, code = run_index(folder / "archive.db")
    if code != 0:
        raise SystemExit(f"index build failed with exit code {code}")
    with sqlite3.connect(folder / "archive.db") as conn:
        stored = conn.execute("SELECT count(*) FROM cables").fetchone()[0]
    db_size = sum(path.stat().st_size for path in folder.glob("archive.db*"))
    bare = bare_insert(csv_path, folder / "bare.db")
    total = seconds + index_seconds
    return {
        "cables": float(stored),
        "input MB": size / 1e6,
        "ingest seconds": seconds,
        "index build seconds": index_seconds,
        "ingest cables/s": stored / seconds,
        "cables/s": stored / total,
        "ingest peak RSS MB": peak / 1e6,
        "index peak RSS MB": index_peak / 1e6,
        "index peak anon MB": index_anon / 1e6,
        "peak RSS MB": max(peak, index_peak) / 1e6,
        "database MB": db_size / 1e6,
        "bare insert seconds": bare,
        "ingest / bare insert": seconds / bare,
    }


def _meets(name: str, value: float, target: float) -> bool:
    return value >= target if name == "cables/s" else value <= target


if __name__ == "__main__":
    main()
