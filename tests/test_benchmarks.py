"""The benchmarks still run: each one at a tiny scale, in a subprocess, printing its figures.

Their targets are measured at full scale by hand; here only that they work
with the current code (they reach into a few internals to time the parts).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
slow = pytest.mark.slow  # each starts a Python process that imports everything


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@slow
def test_parse_benchmark_prints_its_rate() -> None:
    out = _run("benchmarks/parse.py", "--runs", "1", str(ROOT / "sample"))
    assert "cables/s on one core" in out and "target 2,000" in out


@slow
def test_search_benchmark_prints_page_and_part_times() -> None:
    out = _run("benchmarks/search.py", "--docs", "600", "--no-fts")
    assert "full results page" in out
    assert "facets + histogram" in out


@slow
def test_ingest_benchmark_prints_rate_memory_and_ratio(shared_data: Path) -> None:
    # It draws the IDs and texts of its synthetic dump from the real data.
    out = _run("benchmarks/ingest.py", "--scale", "0.002", "--workers", "1")
    for figure in ("ingest cables/s", "peak RSS MB", "ingest / bare insert"):
        assert figure in out, figure
