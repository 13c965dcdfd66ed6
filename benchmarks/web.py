"""Load-test the website: cable pages and search pages at 64 keep-alive connections.

Starts ``cablebrowser serve`` on a free port (or uses ``--url``), collects
cable addresses from the sitemap, then runs a small asyncio load generator
(raw HTTP/1.1 keep-alive, so the client costs little CPU) and prints
requests per second and p50/p99 latency for each page kind.

    python benchmarks/web.py --db cablebrowser.db                 # 1 worker, 10 s per kind
    python benchmarks/web.py --db cablebrowser.db --workers 2 --seconds 20
    python benchmarks/web.py --url http://127.0.0.1:8000          # a server already running
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

SEARCH_WORDS = (
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
_LOC_PATTERN = re.compile(r"<loc>([^<]+)</loc>")


@dataclass
class Tally:
    """Latencies and failures of one run."""

    latencies: list[float] = field(default_factory=list)
    failures: int = 0


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``cablebrowser serve`` and wait until it answers."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "cablebrowser",
        "serve",
        "--db",
        db,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
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


def cable_paths(url: str, limit: int = 5000) -> list[str]:
    """Return up to ``limit`` cable paths from the first sitemap of cables."""
    xml = (
        urllib.request.urlopen(url + "/sitemap-cables-1.xml", timeout=60)
        .read()
        .decode()
    )
    paths = [urlsplit(loc).path for loc in _LOC_PATTERN.findall(xml)]
    if not paths:
        raise SystemExit("the archive has no cables")
    return paths[:limit]


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
    host: str, port: int, paths: list[str], deadline: float, tally: Tally
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    request = "GET {} HTTP/1.1\r\nHost: bench\r\n\r\n"
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(request.format(random.choice(paths)).encode())
            status = await _read_response(reader)
            tally.latencies.append(time.perf_counter() - started)
            tally.failures += status != 200
    finally:
        writer.close()


async def load(url: str, paths: list[str], connections: int, seconds: float) -> Tally:
    """Request random paths over ``connections`` keep-alive connections for ``seconds``."""
    parts = urlsplit(url)
    tally = Tally()
    deadline = time.perf_counter() + seconds
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    await asyncio.gather(
        *(_connection(host, port, paths, deadline, tally) for _ in range(connections))
    )
    return tally


def report(kind: str, tally: Tally, seconds: float) -> None:
    """Print requests per second and latency percentiles of one run."""
    latencies = sorted(tally.latencies)
    if len(latencies) < 2:
        print(f"{kind:<8} no requests completed")
        return
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"{kind:<8} {len(latencies) / seconds:8.0f} req/s   p50 {cuts[49] * 1000:6.1f} ms   "
        f"p99 {cuts[98] * 1000:6.1f} ms   non-200: {tally.failures}"
    )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db", default="cablebrowser.db", help="archive to serve (ignored with --url)"
    )
    parser.add_argument("--url", help="benchmark a server that is already running")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="duration of each run"
    )
    args = parser.parse_args()
    process, url = (None, args.url) if args.url else start_server(args.db, args.workers)
    try:
        runs = {
            "cable": cable_paths(url),
            "search": ["/search?q=" + quote(word) for word in SEARCH_WORDS],
        }
        for kind, paths in runs.items():
            asyncio.run(load(url, paths, args.connections, 2.0))  # warm-up
            report(
                kind,
                asyncio.run(load(url, paths, args.connections, args.seconds)),
                args.seconds,
            )
    finally:
        if process is not None:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
