"""Real servers for the web tests: the ingested sample, and a small crafted archive.

``sample_server`` runs ``cablebrowser serve`` on a free port over the session's
ingested sample (``sample_db`` in tests/conftest.py). ``crafted_server``
serves a hand-made archive whose every value is known: hostile text, a cable
known only from the ID list, a reference between cables, two versions.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from cablebrowser.record import Cable, Form, Redaction, Reference, SourceRecord
from cablebrowser.search import build_index, index_path
from cablebrowser.store import open_store

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60.0
POLL_SECONDS = 0.05
PORT_ATTEMPTS = 5


@dataclass(frozen=True)
class Server:
    """A running server: its base URL and the database it serves."""

    url: str
    db: Path


def free_port() -> int:
    """Return a TCP port nobody listens on right now (a server may still take it first)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``cablebrowser serve`` on a free port and wait until it answers.

    Another process can take the chosen port before the server binds it; the
    server then exits with "address already in use" and a new port is tried.
    """
    for _ in range(PORT_ATTEMPTS):
        port = free_port()
        process = _spawn_server(db, port, log)
        url = f"http://127.0.0.1:{port}"
        if _wait_until_ready(process, port, log):
            return process, url
    raise AssertionError(f"no free port found in {PORT_ATTEMPTS} attempts")


def _spawn_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Run ``cablebrowser serve`` on ``port`` in a subprocess, its output going to ``log``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CABLEBROWSER_")
    }
    command = ["serve", "--db", str(db), "--port", str(port)]
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "cablebrowser", *command],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
        )


def _wait_until_ready(process: subprocess.Popen[bytes], port: int, log: Path) -> bool:
    """Poll until this server has bound ``port`` and answers; False if the port was taken."""
    bound = f"Listening at: http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        # Poll first, then read: a dead server's log is then complete.
        exited = process.poll() is not None
        output = log.read_text(errors="replace")
        if exited:
            if "address already in use" in output.lower():
                return False
            raise AssertionError(f"server exited: {output[-2000:]}")
        # Only once this process says it has bound the port can the answer be its own.
        if bound in output and _answers(f"http://127.0.0.1:{port}"):
            return True
        time.sleep(POLL_SECONDS)
    stop_server(process)
    raise AssertionError(
        f"server did not start in {STARTUP_SECONDS:.0f} s: {log.read_text(errors='replace')[-2000:]}"
    )


def _answers(url: str) -> bool:
    """Return whether the server at ``url`` serves robots.txt."""
    try:
        return httpx.get(url + "/robots.txt", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop a server started by ``start_server``."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def sample_server(sample_db: Path) -> Iterator[Server]:
    """A real server on the ingested sample."""
    process, url = start_server(sample_db, sample_db.with_suffix(".log"))
    yield Server(url, sample_db)
    stop_server(process)


# --- the crafted archive ---------------------------------------------------------

HOSTILE_ID = "09EVILPOST1"
CITING_ID = "09EVILPOST2"
KNOWN_ONLY_ID = "08NOTEXT77"
HOSTILE_SUBJECT = "<script>alert('subject')</script> Tom & Jerry"
HOSTILE_BODY = """UNCLAS EVILPOST 000001

SUBJECT: <script>alert('subject')</script> Tom & Jerry

1. (U) Text with <script>alert('body')</script> and AT&T and "quotes" and <b>bold</b>.

2. (U) XXXXXXXXXXXX met the minister on 12 May.

3. (U) End of cable.
"""
CITING_BODY = """UNCLAS EVILPOST 000002

SUBJECT: FOLLOW-UP

REF: A. 09EVILPOST1 B. 08NOTEXT77

1. (U) See reftel.
"""


def _pair(
    reference_id: str, body: str, release: str, **fields: object
) -> tuple[SourceRecord, Cable]:
    created = datetime(2009, 3, 4, 5, 6)
    shown = {
        name: fields.get(name) for name in ("origin", "classification", "released")
    }
    record = SourceRecord(
        reference_id,
        Form.TEXT,
        f"{release}/{reference_id}.txt",
        body=body,
        created=created,
        **shown,
    )  # type: ignore[arg-type]
    cable = Cable(
        reference_id=reference_id,
        canonical_id=reference_id,
        body=body,
        created=created,
        release=release,
        station="EVILPOST",
        **fields,
    )  # type: ignore[arg-type]
    return record, cable


def build_crafted(db: Path) -> None:
    """Write the crafted archive: two releases, hostile text, a REF link, a known-only cable."""
    store = open_store(db)
    marker = HOSTILE_BODY.index("XXXXXXXXXXXX")
    hostile = {
        "redactions": (Redaction(marker, marker + 12, "XXXXXXXXXXXX"),),
        "subject": HOSTILE_SUBJECT,
        "origin": "Embassy <Evil> & Co",
        "classification": "UNCLASSIFIED",
        "tags": ("PGOV", "<IMG SRC=X>"),
        "released": datetime(2011, 8, 30, 1, 44),
    }
    refs = (
        Reference("cable", HOSTILE_ID, "A", "09EVILPOST1"),
        Reference("cable", KNOWN_ONLY_ID, "B", "08NOTEXT77"),
    )
    store.start_release("first", datetime(2010, 12, 1), "tests")
    store.add_versions(
        "first",
        [_pair(HOSTILE_ID, HOSTILE_BODY.replace("AT&T", "AT"), "first", **hostile)],
    )
    store.finish_release("first", datetime(2010, 12, 1))
    store.start_release("second", datetime(2011, 8, 30), "tests")
    store.add_versions(
        "second",
        [
            _pair(HOSTILE_ID, HOSTILE_BODY, "second", **hostile),
            _pair(
                CITING_ID,
                CITING_BODY,
                "second",
                subject="FOLLOW-UP",
                references=refs,
                tags=("PGOV",),
            ),
        ],
    )
    store.add_known(
        [(HOSTILE_ID, 2009, 3), (CITING_ID, 2009, 3), (KNOWN_ONLY_ID, 2008, 7)]
    )
    store.finish_release("second", datetime(2011, 8, 30))
    build_index(store, index_path(db))
    store.close()


@pytest.fixture(scope="session")
def crafted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real server on the crafted archive."""
    db = tmp_path_factory.mktemp("crafted") / "crafted.db"
    build_crafted(db)
    process, url = start_server(db, db.with_suffix(".log"))
    yield Server(url, db)
    stop_server(process)


@pytest.fixture(scope="session")
def sample(sample_server: Server) -> Iterator[httpx.Client]:
    """An HTTP client on the sample server (redirects not followed)."""
    with httpx.Client(base_url=sample_server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def crafted(crafted_server: Server) -> Iterator[httpx.Client]:
    """An HTTP client on the crafted server (redirects not followed)."""
    with httpx.Client(base_url=crafted_server.url, timeout=30) as client:
        yield client


# --- one headless Chromium for every browser test -------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium under Playwright, shared by the browser tests."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
