"""Real release histories from ../shared/data: change kinds, redaction alignments and diffs.

Small archives holding only the chosen cables (same member paths, same archive
names, so the same release names) are cut from the 2010-11-28 JSON dump, the
2010-11-30 and 2010-12-22 builds, the 2011-04 mirror, the final 2011-08-30
pages and the cables.csv rows, then ingested with ``cablebrowser ingest`` in two
orders: oldest first in one run, and newest first one archive per run. The
histories must come out the same. Each cable was chosen by reading its versions.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from cablebrowser.diff import EQUAL, REDACTED, UNREDACTED, align_redactions, diff_texts
from cablebrowser.parse.redactions import find_redactions
from cablebrowser.store import open_store
from cablebrowser.store.base import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

J = "wikileaks-11-28-10"  # the JSON dump of the first release, 2010-11-28
A = "cablegate-release-2010-11-30_anarchivist"
B = "cablegate-release-2010-12-22_anarchivist"
C = "cablegate-site-2011-04-25_avilaroman_cable-pages"
D = "cablegate-site-2011-09-final_markchips_test-set"
V = "cables-json-and-csv-rows_none-later"  # cables.csv rows (and the JSON dump)
PAGE_ARCHIVES = (A, B, C, D)

# (cable, [(release, change kind)] oldest release first), from reading every version.
HISTORIES = [
    ("08ASTANA760", [(A, "new"), (B, "unredacted"), (C, "unchanged")]),
    ("07ALGIERS1806", [(B, "new"), (C, "redacted")]),
    ("05SOFIA1207", [(B, "new"), (C, "unredacted")]),
    ("08OTTAWA918", [(A, "new"), (B, "redacted"), (C, "unchanged")]),
    ("09BERLIN1162", [(J, "new"), (A, "unchanged"), (B, "unchanged"), (C, "redacted")]),
    (
        "06MOSCOW9533",
        [(J, "new"), (A, "unchanged"), (B, "unredacted"), (C, "unchanged")],
    ),
    ("10ASTANA72", [(A, "new"), (B, "unchanged"), (C, "unredacted")]),
    ("09CAIRO746", [(J, "new"), (A, "unchanged"), (B, "unchanged"), (C, "modified")]),
    ("04NEWDELHI6983", [(B, "new"), (C, "modified")]),
    ("09KUWAIT110", [(A, "new"), (B, "modified"), (C, "unchanged")]),
    ("73TEHRAN2077", [(C, "new"), (D, "unchanged"), (V, "modified")]),
    (
        "72TEHRAN1164",
        [
            (J, "new"),
            (A, "unchanged"),
            (B, "unchanged"),
            (C, "unchanged"),
            (D, "unchanged"),
            (V, "unchanged"),
        ],
    ),
    (
        "66BUENOSAIRES2481",
        [
            (J, "new"),
            (A, "unchanged"),
            (B, "unchanged"),
            (C, "unchanged"),
            (D, "unchanged"),
            (V, "unchanged"),
        ],
    ),
]
# The page with the latest Released date of each build, so that each small
# archive is dated like the whole build it comes from.
ANCHORS = ("06MADRID1914", "04BRASILIA1291", "08BOGOTA3521")
WANTED = {reference_id for reference_id, _ in HISTORIES} | set(ANCHORS)


def _cut_archive(source: Path, target: Path, keep: set[str]) -> None:
    """Copy the members of ``source`` whose file stem is a wanted cable ID (or whose name is in keep)."""
    with (
        tarfile.open(source, "r|xz") as tar_in,
        tarfile.open(target, "w:xz") as tar_out,
    ):
        for member in tar_in:
            name = PurePosixPath(member.name)
            if member.isfile() and (
                name.stem in WANTED and name.suffix == ".html" or member.name in keep
            ):
                data = tar_in.extractfile(member)
                assert data is not None
                tar_out.addfile(member, io.BytesIO(data.read()))


def _cut_json_and_csv(source: Path, target: Path) -> None:
    """Copy the cables.csv rows whole, and the JSON lines of the wanted cables."""
    with (
        tarfile.open(source, "r:xz") as tar_in,
        tarfile.open(target, "w:xz") as tar_out,
    ):
        for member in tar_in.getmembers():
            data = tar_in.extractfile(member) if member.isfile() else None
            if data is None:
                continue
            content = data.read()
            if member.name.endswith(".json"):
                lines = [
                    line
                    for line in content.splitlines(keepends=True)
                    if json.loads(line)["reference_id"] in WANTED
                ]
                content = b"".join(lines)
                member.size = len(content)
            tar_out.addfile(member, io.BytesIO(content))


@pytest.fixture(scope="module")
def archives(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The small archives, oldest release first."""
    folder = tmp_path_factory.mktemp("history-archives")
    made = []
    for name in PAGE_ARCHIVES:
        target = folder / f"{name}.tar.xz"
        _cut_archive(shared_data / f"{name}.tar.xz", target, set())
        made.append(target)
    target = folder / f"{V}.tar.xz"
    _cut_json_and_csv(shared_data / f"{V}.tar.xz", target)
    return [made[0], made[1], made[2], made[3], target]


def _ingest(db: Path, *paths: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cablebrowser",
            "ingest",
            *map(str, paths),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.fixture(scope="module")
def forward(
    archives: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The archives ingested oldest first, in one run."""
    db = tmp_path_factory.mktemp("forward") / "cables.db"
    _ingest(db, *archives)
    store = open_store(db)
    yield store
    store.close()


@pytest.fixture(scope="module")
def backward(
    archives: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The archives ingested newest first, one run per archive."""
    db = tmp_path_factory.mktemp("backward") / "cables.db"
    for path in reversed(archives):
        _ingest(db, path)
    store = open_store(db)
    yield store
    store.close()


def _history(store: Store, reference_id: str) -> list[tuple[str, str]]:
    found = store.resolve(reference_id)
    assert found is not None, reference_id
    return [(version.release, version.change) for version in store.versions(found)]


@pytest.mark.parametrize("order", ["forward", "backward"])
@pytest.mark.parametrize(
    ("reference_id", "expected"), HISTORIES, ids=[h[0] for h in HISTORIES]
)
def test_change_kinds(
    request: pytest.FixtureRequest,
    order: str,
    reference_id: str,
    expected: list[tuple[str, str]],
) -> None:
    store: Store = request.getfixturevalue(order)
    assert _history(store, reference_id) == expected


def test_both_orders_give_the_same_releases(forward: Store, backward: Store) -> None:
    def summary(store: Store) -> list[tuple[str, str | None, dict[str, int]]]:
        return [
            (r.name, r.released.isoformat() if r.released else None, r.counts)
            for r in store.releases()
        ]

    assert summary(forward) == summary(backward)
    assert [name for name, _, _ in summary(forward)] == [J, A, B, C, D, V]


def _body(store: Store, reference_id: str, release: str) -> str:
    stored = store.cable(reference_id, release=release)
    assert stored is not None, (reference_id, release)
    return stored.cable.body


def _words(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


# (cable, redacted release, release that says more, marker count, first hidden texts)
ALIGNMENTS = [
    (
        "08ASTANA760",
        A,
        B,
        7,
        ["with the daughter of the farm's manager", "Emboff's companion", "She"],
    ),
    ("09BERLIN1162", C, B, 6, ["Heinrich", "Erika", "Stefan", "Henrik", "Kai", "Kai"]),
    ("06MOSCOW9533", A, B, 4, [None, "Khalid", "Khalid’s"]),
    ("10ASTANA72", B, C, 4, ["which means large bribes for the best connected"]),
    ("08OTTAWA918", B, A, 2, [None]),
    ("05SOFIA1207", C, B, 0, []),
]


@pytest.mark.parametrize(
    ("reference_id", "redacted", "other", "count", "hidden"),
    ALIGNMENTS,
    ids=[a[0] for a in ALIGNMENTS],
)
def test_redaction_alignments(
    backward: Store,
    reference_id: str,
    redacted: str,
    other: str,
    count: int,
    hidden: list[str | None],
) -> None:
    text = _body(backward, reference_id, redacted)
    found = align_redactions(text, _body(backward, reference_id, other))
    assert len(found) == len(find_redactions(text)) == count
    for alignment, expected in zip(found, hidden, strict=False):
        if expected is not None:
            assert _words(alignment.hidden) == expected
    assert all(text[a.start : a.end] == a.marker for a in found)


def test_a_long_revelation_starts_where_the_marker_stood(backward: Store) -> None:
    found = align_redactions(
        _body(backward, "08OTTAWA918", B), _body(backward, "08OTTAWA918", A)
    )
    assert [(a.exact, (_words(a.hidden) or "")[:34]) for a in found] == [
        (True, "Responding to Dr. Cohen's query, J"),
        (True, "Global Islamic Media Front propaga"),
    ]


def test_sofia_markers_sharing_one_passage_are_not_exact(backward: Store) -> None:
    found = align_redactions(
        _body(backward, "05SOFIA1207", B), _body(backward, "05SOFIA1207", C)
    )
    assert len(found) == 23
    assert [a.exact for a in found[:2]] == [False, False]
    assert found[0].hidden == found[1].hidden
    assert "VAI" in [a.hidden for a in found]


def test_diff_of_a_revealing_release(backward: Store) -> None:
    diff = diff_texts(
        _body(backward, "08ASTANA760", A), _body(backward, "08ASTANA760", B)
    )
    assert diff.count(UNREDACTED) == 7
    assert ("XXXXXXXXXXXX", "Emboff's companion") in diff.revelations()
    assert diff.count(REDACTED) == 0


def test_diff_of_a_redacting_release(backward: Store) -> None:
    diff = diff_texts(
        _body(backward, "07ALGIERS1806", B), _body(backward, "07ALGIERS1806", C)
    )
    changed = [
        (s.kind, s.old.strip(), s.new.strip()) for s in diff.segments if s.kind != EQUAL
    ]
    assert changed == [(REDACTED, "December 17", "XXXXXXXXXXXX")]


def test_diff_of_a_modified_release_is_typography(backward: Store) -> None:
    diff = diff_texts(
        _body(backward, "09CAIRO746", B), _body(backward, "09CAIRO746", C)
    )
    changed = {(s.old.strip(), s.new.strip()) for s in diff.segments if s.kind != EQUAL}
    assert changed and changed <= {("'", "’"), ('"', "“"), ('"', "”"), ("'", "‘")}


@pytest.mark.parametrize(
    ("reference_id", "old", "new"),
    [
        ("09CAIRO746", A, B),  # two builds' pages, wrapped differently
        ("66BUENOSAIRES2481", J, A),  # the JSON dump collapsed the line breaks
        ("66BUENOSAIRES2481", D, V),  # cables.csv has commas in TAGS that pages drop
        ("72TEHRAN1164", J, V),
    ],
    ids=["cairo-pages", "buenos-aires-json", "buenos-aires-csv", "tehran-json-csv"],
)
def test_whitespace_only_versions_are_not_changed(
    backward: Store, reference_id: str, old: str, new: str
) -> None:
    old_body, new_body = (
        _body(backward, reference_id, old),
        _body(backward, reference_id, new),
    )
    assert old_body != new_body
    assert not diff_texts(old_body, new_body).is_changed
