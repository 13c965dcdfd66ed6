"""Benchmark word-level diffs of full-length cable versions (the target: at most 50 ms each).

Reads the cable pages of two real builds (2010-11-30 and 2010-12-22 by default),
pairs the versions of every cable in both whose words differ, and times, for the
longest pairs: ``diff_texts`` alone, and the whole diff view (diff with the redaction
alignments both ways, side-by-side and inline HTML). A synthetic worst case is
timed too: the longest body of either build against itself with every 40th word changed and
every 100th word redacted. Prints median, p95 and max in milliseconds.

    python benchmarks/diff.py
    python benchmarks/diff.py --pairs 50 --repeat 5
    python benchmarks/diff.py --old A.tar.xz --new B.tar.xz
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from cablebrowser.diff import diff_texts
from cablebrowser.record import Form
from cablebrowser.sources import read
from cablebrowser.web.diffhtml import inline_html, side_rows

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OLD = DATA / "cablegate-release-2010-11-30_anarchivist.tar.xz"
NEW = DATA / "cablegate-release-2010-12-22_anarchivist.tar.xz"
TARGET_MS = 50.0


def bodies(path: Path) -> dict[str, str]:
    """Return the body of every cable page in an archive, by reference ID."""
    found = {}
    for item in read(path):
        body = getattr(item, "body", None)
        if getattr(item, "form", None) == Form.PAGE and body:
            found[item.reference_id] = body
    return found


def real_pairs(
    before: dict[str, str], after: dict[str, str], count: int
) -> list[tuple[str, str, str]]:
    """Return the ``count`` longest (ID, old body, new body) pairs whose words differ."""
    pairs = [(rid, before[rid], after[rid]) for rid in before.keys() & after.keys()]
    pairs = [pair for pair in pairs if pair[1].split() != pair[2].split()]
    pairs.sort(key=lambda pair: -max(len(pair[1]), len(pair[2])))
    return pairs[:count]


def synthetic(body: str) -> str:
    """Return a heavily edited copy of a body: every 40th word changed, every 100th redacted."""
    words = body.split(" ")
    for index in range(0, len(words), 40):
        words[index] = words[index][::-1] + "q"
    for index in range(7, len(words), 100):
        words[index] = "XXXXXXXXXXXX"
    return " ".join(words)


def view(old: str, new: str) -> None:
    """Do everything the diff page does with two texts."""
    diff = diff_texts(old, new)  # with the markers of both sides aligned
    side_rows(diff)
    inline_html(diff)


def timed(
    function: Callable[[str, str], object],
    pairs: list[tuple[str, str, str]],
    repeat: int,
) -> list[float]:
    """Return the best-of-``repeat`` time of each pair, in milliseconds."""
    times = []
    for _, old, new in pairs:
        best = min(_once(function, old, new) for _ in range(repeat))
        times.append(best * 1000)
    return times


def _once(function: Callable[[str, str], object], old: str, new: str) -> float:
    started = time.perf_counter()
    function(old, new)
    return time.perf_counter() - started


def report(label: str, times: list[float]) -> None:
    """Print median, p95 and max of a series of timings."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    verdict = "ok" if ordered[-1] <= TARGET_MS else "OVER"
    print(
        f"{label:<34} n={len(times):<3} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
        f"max {ordered[-1]:6.1f} ms  [{verdict} ≤ {TARGET_MS:.0f} ms]"
    )


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--old", type=Path, default=OLD, help="archive of the older build"
    )
    parser.add_argument(
        "--new", type=Path, default=NEW, help="archive of the newer build"
    )
    parser.add_argument(
        "--pairs", type=int, default=30, help="how many of the longest pairs to time"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per pair (the best counts)"
    )
    args = parser.parse_args()
    before, after = bodies(args.old), bodies(args.new)
    pairs = real_pairs(before, after, args.pairs)
    words = [len(new.split()) for _, _, new in pairs]
    print(f"{len(pairs)} real pairs of {min(words):,}-{max(words):,} words")
    longest = max(
        ((rid, body, body) for rid, body in (before | after).items()),
        key=lambda item: len(item[1]),
    )
    print(
        f"synthetic worst case: {longest[0]}, {len(longest[1]):,} chars, {len(longest[1].split()):,} words"
    )
    report("diff_texts, real pairs", timed(diff_texts, pairs, args.repeat))
    report("whole diff view, real pairs", timed(view, pairs, args.repeat))
    worst = [(longest[0], longest[2], synthetic(longest[2]))]
    report("diff_texts, synthetic worst case", timed(diff_texts, worst, args.repeat))
    report("whole diff view, synthetic worst", timed(view, worst, args.repeat))


if __name__ == "__main__":
    main()
