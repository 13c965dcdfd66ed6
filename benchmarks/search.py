"""Benchmark the search layer at full scale, against SQLite FTS5 on the same documents.

Generates a synthetic archive from real cable bodies (each document is a real
body plus a tail of words drawn from the real vocabulary with Zipf weights, and
metadata spread like the real archive), builds the tantivy index through
``build_index`` and an FTS5 table, then times 200 queries on both: a full
results page (top 20 + snippets + every facet count + the month histogram).

    python benchmarks/search.py                 # 251,287 documents
    python benchmarks/search.py --docs 20000    # a quick run
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tantivy
from _searchgen import (
    FULL_SCALE,
    Base,
    GeneratedStore,
    MemoryPeaks,
    load_bases,
    vocabulary,
)

from cablebrowser.parse.ids import country_of
from cablebrowser.search import SearchIndex, build_index, parse_query
from cablebrowser.search.schema import stemming_analyzer
from cablebrowser.search.searcher import FACET_SIZES
from cablebrowser.search.snippets import highlighter
from cablebrowser.store.base import StoredCable

# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """One benchmark query: our query text, the FTS5 MATCH, an SQL filter on ``meta``."""

    kind: str
    text: str
    match: str
    where: str = ""


def make_queries(
    index_dir: Path, words: list[str], bases: list[Base], total: int, seed: int = 7
) -> list[Probe]:
    """Pick 200 queries by document frequency: rare, common, very common, phrases, filtered."""
    rng = random.Random(seed)
    searcher = tantivy.Index.open(str(index_dir)).searcher()
    stem = stemming_analyzer()
    by_kind: dict[str, list[str]] = {"rare": [], "common": [], "very common": []}
    for word in words[:20_000]:
        stems = stem.analyze(word)
        if len(stems) != 1:
            continue
        share = searcher.doc_freq("body", stems[0]) / total
        kind = (
            "rare"
            if 0 < share <= 0.002
            else "common"
            if 0.05 <= share <= 0.3
            else "very common"
            if share >= 0.5
            else None
        )
        if kind:
            by_kind[kind].append(word)
    probes = [
        Probe(kind, w, w)
        for kind, n in (("rare", 40), ("common", 40), ("very common", 30))
        for w in _pick(rng, by_kind[kind], n)
    ]
    probes += [
        Probe("2 words", f"{a} {b}", f"{a} {b}")
        for a, b in zip(
            _pick(rng, by_kind["common"], 30),
            _pick(rng, by_kind["rare"] + by_kind["common"], 30),
            strict=False,
        )
    ]
    probes += [_phrase(rng, bases) for _ in range(30)]
    probes += [_filtered(rng, by_kind["common"], bases) for _ in range(30)]
    return probes


def _pick(rng: random.Random, items: list[str], n: int) -> list[str]:
    return [rng.choice(items) for _ in range(n)] if items else []


def _phrase(rng: random.Random, bases: list[Base]) -> Probe:
    words = re.findall(r"[a-z]{3,}", bases[rng.randrange(len(bases))].body)
    start = rng.randrange(max(1, len(words) - 3))
    text = " ".join(words[start : start + 3])
    return Probe("phrase", f'"{text}"', f'"{text}"')


def _filtered(rng: random.Random, common: list[str], bases: list[Base]) -> Probe:
    word = rng.choice(common)
    choice = rng.randrange(3)
    if choice == 0:
        tag = rng.choice([t for b in bases for t in b.tags] or ["PGOV"])
        return Probe(
            "filtered",
            f"{word} tag:{tag}",
            word,
            f"id IN (SELECT id FROM cable_tags WHERE tag = '{tag}')",
        )
    if choice == 1:
        return Probe(
            "filtered", f'{word} class:"secret"', word, "classification = 'SECRET'"
        )
    return Probe("filtered", f"{word} from:2008 to:2008", word, "year = 2008")


# --- FTS5 ----------------------------------------------------------------------------------


def build_fts(cables: Iterable[StoredCable], path: Path) -> None:
    """Load the same documents into SQLite: a narrow ``meta`` table, tags, FTS5 (external content)."""
    db = sqlite3.connect(path)
    db.executescript(
        """PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
        CREATE TABLE docs(id INTEGER PRIMARY KEY, subject TEXT, body TEXT);
        CREATE TABLE meta(id INTEGER PRIMARY KEY, reference_id TEXT, station TEXT, country TEXT,
            classification TEXT, year INT, ym TEXT, created TEXT, release TEXT);
        CREATE TABLE cable_tags(id INT, tag TEXT);"""
    )
    numbered = enumerate(cables, 1)
    while batch := list(itertools.islice(numbered, 10_000)):
        db.executemany(
            "INSERT INTO docs VALUES (?,?,?)",
            [(i, s.cable.subject, s.cable.body) for i, s in batch],
        )
        db.executemany(
            "INSERT INTO meta VALUES (?,?,?,?,?,?,?,?,?)",
            [_meta_row(i, s) for i, s in batch],
        )
        db.executemany(
            "INSERT INTO cable_tags VALUES (?,?)",
            [(i, t) for i, s in batch for t in s.cable.tags],
        )
    db.executescript(
        """CREATE INDEX tags_by_tag ON cable_tags(tag, id); CREATE INDEX tags_by_id ON cable_tags(id, tag);
        CREATE VIRTUAL TABLE fts USING fts5(subject, body, content='docs', content_rowid='id', tokenize='porter unicode61');
        INSERT INTO fts(fts) VALUES('rebuild');"""
    )
    db.commit()
    db.close()


def _meta_row(number: int, stored: StoredCable) -> tuple[object, ...]:
    cable = stored.cable
    created = cable.created or datetime(2000, 1, 1)
    return (
        number,
        cable.reference_id,
        cable.station,
        country_of(cable.station or ""),
        cable.classification,
        created.year,
        f"{created:%Y-%m}",
        created.isoformat(),
        stored.latest_release,
    )


FACET_COLUMNS = ("station", "country", "classification", "year", "release")


def fts_page(db: sqlite3.Connection, probe: Probe) -> int:
    """Run one full results page on FTS5: count, top 20 with snippets, facets, histogram."""
    where = f"AND m.{probe.where}" if probe.where else ""
    db.execute("DROP TABLE IF EXISTS temp.hits")
    db.execute(
        f"CREATE TEMP TABLE hits AS SELECT fts.rowid AS id FROM fts JOIN meta m ON m.id = fts.rowid WHERE fts MATCH ? {where}",
        (probe.match,),
    )
    total = db.execute("SELECT count(*) FROM hits").fetchone()[0]
    db.execute(
        f"SELECT m.reference_id, snippet(fts, 1, '<mark>', '</mark>', '…', 24) FROM fts JOIN meta m ON m.id = fts.rowid "
        f"WHERE fts MATCH ? {where} ORDER BY bm25(fts, 2.0, 1.0) LIMIT 20",
        (probe.match,),
    ).fetchall()
    for column in FACET_COLUMNS:
        db.execute(
            f"SELECT m.{column}, count(*) c FROM hits CROSS JOIN meta m ON m.id = hits.id GROUP BY 1 ORDER BY c DESC"
        ).fetchall()
    db.execute(
        "SELECT t.tag, count(*) c FROM hits CROSS JOIN cable_tags t ON t.id = hits.id GROUP BY 1 ORDER BY c DESC LIMIT 100"
    ).fetchall()
    db.execute(
        "SELECT m.ym, count(*) FROM hits CROSS JOIN meta m ON m.id = hits.id GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return int(total)


# --- running -------------------------------------------------------------------------------


def timed(run, probes: list[Probe], warmup: int = 20) -> list[float]:  # type: ignore[no-untyped-def]
    """Return the latency in ms of each probe after a warm-up."""
    for probe in probes[:warmup]:
        run(probe)
    latencies = []
    for probe in probes:
        start = time.perf_counter()
        run(probe)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def summary(name: str, latencies: list[float]) -> tuple[float, float]:
    """Print and return the median and p95 of latencies."""
    ordered = sorted(latencies)
    median, p95 = (
        statistics.median(ordered),
        ordered[max(0, int(len(ordered) * 0.95) - 1)],
    )
    print(f"  {name:<24} median {median:8.2f} ms   p95 {p95:8.2f} ms")
    return median, p95


def main() -> None:
    """Generate, build both engines, time the queries, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=FULL_SCALE, help="documents to generate"
    )
    parser.add_argument(
        "--workdir", type=Path, help="where to build (default: a temporary directory)"
    )
    parser.add_argument(
        "--no-fts", action="store_true", help="skip the SQLite FTS5 comparison"
    )
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    bases = load_bases()
    words = vocabulary(bases)
    store = GeneratedStore(args.docs, bases, words)
    _build(store, work / "bench.index")
    index = SearchIndex.open(work / "bench.index")
    probes = make_queries(work / "bench.index", words, bases, args.docs)
    print(
        f"{len(probes)} queries: "
        + ", ".join(
            f"{k} {sum(p.kind == k for p in probes)}"
            for k in dict.fromkeys(p.kind for p in probes)
        )
    )
    print("tantivy, full results page (top 20 + snippets + 6 facets + histogram):")
    ours = timed(lambda p: index.search(p.text, per_page=20), probes)
    median, p95 = summary("all", ours)
    for kind in dict.fromkeys(p.kind for p in probes):
        summary(kind, [t for t, p in zip(ours, probes, strict=True) if p.kind == kind])
    print_parts(index, probes)
    if not args.no_fts:
        _compare_fts(store.iter_cables(), work, probes, median, p95)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


def _build(store: GeneratedStore, path: Path) -> None:
    """Build the index from generated cables; print time, CPU time, size and peak memory.

    Peak RSS counts the pages of the index's segment files that tantivy maps
    while merging (page cache the kernel may reclaim); peak anonymous memory is
    what the build itself holds, so both are printed.
    """
    started, cpu = time.perf_counter(), time.process_time()
    with MemoryPeaks() as memory:
        build_index(store, path, rebuild=True)
    seconds = time.perf_counter() - started
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    peaks = memory.peaks
    print(
        f"tantivy index build (generating the documents on the way): {seconds:.1f} s"
        f" ({seconds / store.n * 10_000:.1f} s per 10k documents), CPU"
        f" {time.process_time() - cpu:.1f} s, {size / 2**20:,.0f} MiB, peak RSS"
        f" {peaks['VmRSS']:,.0f} MiB (anonymous {peaks['RssAnon']:,.0f} MiB,"
        f" file-backed {peaks['RssFile']:,.0f} MiB, each at its own peak)"
    )


def print_parts(index: SearchIndex, probes: list[Probe]) -> None:
    """Time each part of a results page on its own (internal steps of ``search``)."""
    parts: dict[str, list[float]] = {}
    for probe in probes:
        for name, ms in _page_parts(index, probe.text).items():
            parts.setdefault(name, []).append(ms)
    print("parts of a page, timed alone:")
    for name, latencies in parts.items():
        summary(name, latencies)


def _page_parts(index: SearchIndex, text: str) -> dict[str, float]:
    tree = parse_query(text)
    searcher = index._searcher()
    target = index._translator.translate(tree)
    found = index._top(searcher, target, 1, 20, "relevance")
    steps = {
        "count + top 20": lambda: index._top(searcher, target, 1, 20, "relevance"),
        "load + snippet 20": lambda: index._hits(
            searcher, highlighter(tree), found.hits
        ),
        "facets + histogram": lambda: index._facets(
            searcher, target, dict(FACET_SIZES)
        ),
    }
    spent = {}
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        spent[name] = (time.perf_counter() - started) * 1000
    return spent


def _compare_fts(
    cables: Iterable[StoredCable],
    work: Path,
    probes: list[Probe],
    median: float,
    p95: float,
) -> None:
    started = time.perf_counter()
    build_fts(cables, work / "fts.db")
    print(f"SQLite FTS5 build: {time.perf_counter() - started:.1f} s")
    db = sqlite3.connect(work / "fts.db")
    print(
        "SQLite FTS5, same page (count + top 20 bm25 + snippet + facets + histogram):"
    )
    theirs = timed(lambda p: fts_page(db, p), probes)
    fts_median, fts_p95 = summary("all", theirs)
    for kind in dict.fromkeys(p.kind for p in probes):
        summary(
            kind, [t for t, p in zip(theirs, probes, strict=True) if p.kind == kind]
        )
    print(
        f"FTS5 / tantivy: median {fts_median / median:.1f}x, p95 {fts_p95 / p95:.1f}x"
    )


if __name__ == "__main__":
    main()
