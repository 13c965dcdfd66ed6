"""Load-test the website: cable pages and search pages at 64 keep-alive connections.

Starts ``cablebrowser serve`` on a free port (or uses ``--url``), collects every
cable address from the sitemaps, and measures four runs, each printing
requests per second and p50/p99 latency:

- ``cable cold``: every request a different cable drawn from the whole archive,
  never repeated (a fresh server, so no page is kept yet);
- ``cable warm``: a working set of popular cables (``--working-set``, 1,000)
  after a warm-up, so the server answers from the pages it keeps;
- ``search cold``: every request a different query;
- ``search warm``: a small set of queries asked again and again after a warm-up.

The load comes from ``wrk`` when it is installed (a Lua script picks the
addresses from a list), else from a small asyncio generator. The issue's
targets (cable page >= 1,500 req/s with p99 <= 20 ms, search page p99 <= 100 ms)
are printed beside the figures they compare with: the warm runs (the steady
state of a public site, where popular pages are asked most); the cold runs show
the cost of a page nobody asked for yet.

    python benchmarks/web.py --db cablebrowser.db                 # 1 worker, 10 s per run
    python benchmarks/web.py --db cablebrowser.db --workers 2 --seconds 20
    python benchmarks/web.py --url http://127.0.0.1:8000          # a server already running
    python benchmarks/web.py --db cablebrowser.db --python        # without wrk
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

WARM_QUERIES = (
    "minister",
    "election",
    "oil",
    "nuclear",
    "president",
    "embassy",
    "visit",
    "security",
    "tag:PGOV",
    "tag:PREL economy",
    '"human rights"',
    "from:2008 to:2009 trade",
    "origin:paris",
)
# Words for distinct queries: two of them and maybe a year range make each query new.
QUERY_WORDS = (
    "minister election oil nuclear president embassy visit security trade economy "
    "military police court border energy gas bank budget reform parliament party "
    "opposition prime foreign defense treaty sanctions refugees water health "
    "education press media corruption drugs terrorism iran iraq china russia "
    "france germany israel egypt pakistan afghanistan india brazil mexico japan "
    "korea turkey syria lebanon venezuela cuba africa europe union nato un "
    "human rights aid loan investment export import tax labor strike protest "
    "army navy missile weapons arms talks agreement meeting ambassador deputy "
    "secretary general minister cabinet king president vote campaign coalition"
).split()
TARGETS = {
    "cable": "target: >= 1,500 req/s, p99 <= 20 ms",
    "search": "target: p99 <= 100 ms",
}
MAX_WARMUP_SECONDS = 60.0
_LOC_PATTERN = re.compile(r"<loc>([^<]+)</loc>")
_RESULT_PATTERN = re.compile(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", re.M)
# Each wrk thread takes every n-th address of the list and walks it in order, so a
# list of distinct addresses is never repeated until it runs out.
WRK_SCRIPT = """
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  paths, pos = {}, 0
  local n, i = tonumber(args[2]), 0
  for line in io.lines(args[1]) do
    if i % n == id then table.insert(paths, line) end
    i = i + 1
  end
end
function request()
  pos = pos % #paths + 1
  return wrk.format("GET", paths[pos])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass(frozen=True)
class Figures:
    """What one run measured."""

    requests: int
    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float
    failures: int


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``cablebrowser serve`` and wait until it answers."""
    port = free_port()
    command = [sys.executable, "-m", "cablebrowser", "serve", "--db", db]
    command += ["--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=1).read()
            return process, url
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start")


def _get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=120).read().decode()


def cable_paths(url: str) -> list[str]:
    """Return the path of every cable with text, from all the cable sitemaps."""
    index = _get(url + "/sitemap.xml")
    paths: list[str] = []
    for sitemap in _LOC_PATTERN.findall(index):
        if "sitemap-cables-" in sitemap:
            xml = _get(url + urlsplit(sitemap).path)
            paths += [urlsplit(loc).path for loc in _LOC_PATTERN.findall(xml)]
    if not paths:
        raise SystemExit("the archive has no cables")
    return paths


def distinct_queries(count: int, rng: random.Random) -> list[str]:
    """Return ``count`` different search paths (word pairs, some within a year range)."""
    seen: set[str] = set()
    while len(seen) < count:
        first, second = rng.sample(QUERY_WORDS, 2)
        query = f"{first} {second}"
        if rng.random() < 0.5:
            year = rng.randint(1985, 2010)
            query += f" from:{year} to:{year + rng.randint(0, 3)}"
        seen.add("/search?q=" + quote(query))
    return list(seen)


def runs(url: str, args: argparse.Namespace) -> list[tuple[str, list[str], bool]]:
    """Return the runs: (name, paths, warm?); cold paths are shuffled, never repeated."""
    rng = random.Random(args.seed)
    cables = cable_paths(url)
    rng.shuffle(cables)
    popular = cables[: args.working_set]
    cold_queries = distinct_queries(args.distinct_queries, rng)
    warm_queries = ["/search?q=" + quote(query) for query in WARM_QUERIES]
    return [
        ("cable cold", cables[args.working_set :] or cables, False),
        ("cable warm", popular, True),
        ("search cold", cold_queries, False),
        ("search warm", warm_queries, True),
    ]


def report(name: str, figures: Figures, distinct: int) -> None:
    """Print one run: requests per second, p50/p99, failures and repeats."""
    repeats = max(0, figures.requests - distinct) if "cold" in name else 0
    note = f"   REPEATED {repeats} addresses (archive too small)" if repeats else ""
    target = TARGETS[name.split()[0]] if "warm" in name else ""
    print(
        f"{name:<12} {figures.rate:8.0f} req/s   p50 {figures.p50:7.1f} ms   "
        f"p99 {figures.p99:7.1f} ms   non-2xx/3xx: {figures.failures}   "
        f"{target}{note}",
        flush=True,
    )


def measure(url: str, args: argparse.Namespace, tool: str) -> None:
    """Run every kind once (warm kinds after a warm-up) and print the figures."""
    load = wrk_load if tool == "wrk" else python_load
    cold_rate = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for name, paths, warm in runs(url, args):
            if warm:
                seconds = warmup_seconds(args, len(paths), cold_rate)
                load(url, paths, args.connections, seconds, Path(scratch))
            figures = load(url, paths, args.connections, args.seconds, Path(scratch))
            report(name, figures, len(paths))
            cold_rate = figures.rate


def warmup_seconds(args: argparse.Namespace, pages: int, cold_rate: float) -> float:
    """Return a warm-up long enough for every worker to see each page about 3 times.

    Each connection stays with one worker, so a page reaches a given worker at
    random: at the cold rate, 3 visits per worker make it kept there almost surely.
    """
    needed = 3 * pages * args.workers / cold_rate if cold_rate else 0.0
    return min(MAX_WARMUP_SECONDS, max(args.warmup, needed))


def wrk_load(
    url: str, paths: list[str], connections: int, seconds: float, scratch: Path
) -> Figures:
    """Run wrk over the addresses (in order, per thread) and read its figures."""
    threads = max(1, min(2, connections))
    (scratch / "paths.txt").write_text("\n".join(paths) + "\n")
    (scratch / "load.lua").write_text(WRK_SCRIPT)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
    ]
    command += ["--timeout", "10s", "-s", str(scratch / "load.lua"), url]
    command += ["--", str(scratch / "paths.txt"), str(threads)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = _RESULT_PATTERN.search(output)
    if match is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    requests, micros, p50, p99, status, errors = map(int, match.groups())
    rate = requests / (micros / 1e6)
    return Figures(requests, rate, p50 / 1000, p99 / 1000, status + errors)


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _connection(
    url: str, paths: Iterator[str], deadline: float, latencies: list[float]
) -> int:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    reader, writer = await asyncio.open_connection(host, port)
    failures = 0
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(f"GET {next(paths)} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
            failures += await _read_response(reader) >= 400
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()
    return failures


async def _python_load(
    url: str, paths: list[str], connections: int, seconds: float
) -> Figures:
    latencies: list[float] = []
    walk = itertools.cycle(paths)  # shared: distinct addresses until the list runs out
    started = time.perf_counter()
    deadline = started + seconds
    failures = await asyncio.gather(
        *(_connection(url, walk, deadline, latencies) for _ in range(connections))
    )
    elapsed = time.perf_counter() - started
    latencies.sort()
    if not latencies:
        return Figures(0, 0.0, 0.0, 0.0, sum(failures))
    cut = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Figures(
        len(latencies),
        len(latencies) / elapsed,
        latencies[len(latencies) // 2] * 1000,
        cut * 1000,
        sum(failures),
    )


def python_load(
    url: str, paths: list[str], connections: int, seconds: float, scratch: Path
) -> Figures:
    """Run the asyncio generator over the addresses in order (slower than wrk)."""
    return asyncio.run(_python_load(url, paths, connections, seconds))


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db", default="cablebrowser.db", help="archive to serve (ignored with --url)"
    )
    parser.add_argument("--url", help="benchmark a server that is already running")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of a run")
    parser.add_argument("--warmup", type=float, default=5.0, help="warm-up seconds")
    parser.add_argument("--working-set", type=int, default=1000)
    parser.add_argument("--distinct-queries", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--python", action="store_true", help="use the Python generator, not wrk"
    )
    args = parser.parse_args()
    tool = "wrk" if shutil.which("wrk") and not args.python else "python"
    process, url = (None, args.url) if args.url else start_server(args.db, args.workers)
    print(f"load from {tool}; {args.connections} connections; {args.seconds:g} s a run")
    try:
        measure(url, args, tool)
    finally:
        if process is not None:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
