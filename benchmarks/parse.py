"""Parse every cable body in ../shared/data (or the bundled sample) and print cables/s on one core.

Target: at least 2,000 cables/s, the median of several runs. Reading the files is not timed:
the bodies are read first, then parsed in one process.

    python benchmarks/parse.py [--runs 3] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from cablebrowser.parse import parse_record
from cablebrowser.record import SourceRecord
from cablebrowser.sources import read

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2000.0


def _default_paths() -> list[Path]:
    shared = ROOT.parent / "shared" / "data"
    return sorted(shared.iterdir()) if shared.is_dir() else [ROOT / "sample"]


def load(paths: list[Path]) -> list[SourceRecord]:
    """Read every record with text from the given inputs."""
    return [
        item
        for path in paths
        for item in read(path)
        if isinstance(item, SourceRecord) and item.body
    ]


def time_run(records: list[SourceRecord]) -> float:
    """Parse all records once; return cables per second."""
    start = time.perf_counter()
    for record in records:
        parse_record(record)
    return len(records) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or _default_paths()
    start = time.perf_counter()
    records = load(paths)
    print(
        f"read {len(records):,} cable texts from {len(paths)} inputs in {time.perf_counter() - start:.1f} s"
    )
    rates = [time_run(records) for _ in range(args.runs)]
    median = statistics.median(rates)
    runs = ", ".join(f"{rate:,.0f}" for rate in rates)
    print(f"parse: median {median:,.0f} cables/s on one core (runs: {runs})")
    print(
        f"target {TARGET:,.0f} cables/s: ratio {median / TARGET:.2f}x -> {'met' if median >= TARGET else 'NOT met'}"
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
