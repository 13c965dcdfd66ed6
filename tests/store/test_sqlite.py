"""The SQLite archive, on real files in tmp_path."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.errors import QueryError, StoreError
from cablebrowser.parse import parse_record
from cablebrowser.record import Cable, Form, Redaction, Reference, SourceRecord
from cablebrowser.store import open_store
from cablebrowser.store.sqlite import SQLiteStore

BODY = "UNCLASSIFIED BUENOS AIRES 2481\n\nTAGS: EFIS, PBTS, AR\nSUBJECT: EXTENDED NATIONAL JURISDICTIONS\n\n1. TEXT.\n"


def record(
    ref: str = "66BUENOSAIRES2481",
    form: Form = Form.PAGE,
    body: str | None = BODY,
    source: str | None = None,
    **kw: object,
) -> SourceRecord:
    return SourceRecord(ref, form, source or f"in!{ref}.{form}", body=body, **kw)  # type: ignore[arg-type]


def cable(rec: SourceRecord, **kw: object) -> Cable:
    values: dict[str, object] = {
        "reference_id": rec.reference_id,
        "canonical_id": rec.reference_id[2:]
        if rec.reference_id.startswith("7575")
        else rec.reference_id,
        "body": rec.body or "",
        "created": rec.created,
        "released": rec.released,
        "origin": rec.origin,
        "classification": rec.classification,
        "subject": "EXTENDED NATIONAL JURISDICTIONS",
        "tags": ("EFIS", "PBTS", "AR"),
    }
    values.update(kw)
    return Cable(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    opened = open_store(tmp_path / "archive.db")
    yield opened
    opened.close()


def ingest(
    store: SQLiteStore,
    release: str,
    items: list[tuple[SourceRecord, Cable]],
    **kw: object,
) -> None:
    store.start_release(release, None, "test", **kw)  # type: ignore[arg-type]
    store.add_versions(release, items)
    store.finish_release(release, None)


def test_stores_and_reads_back_a_cable(store: SQLiteStore) -> None:
    rec = record(
        created=datetime(1966, 12, 28, 18, 6),
        released=datetime(2010, 11, 28, 16, 0),
        origin="Embassy Buenos Aires",
    )
    ingest(
        store,
        "r1",
        [
            (
                rec,
                cable(
                    rec,
                    header="FM AMEMBASSY",
                    references=(
                        Reference("cable", "66STATE106206", "A", "STATE 106206"),
                    ),
                ),
            )
        ],
    )
    stored = store.cable("66BUENOSAIRES2481")
    assert stored is not None
    assert (stored.cable.body, stored.cable.header, stored.cable.tags) == (
        BODY,
        "FM AMEMBASSY",
        ("EFIS", "PBTS", "AR"),
    )
    assert stored.cable.origin == "Embassy Buenos Aires"
    assert (stored.latest_release, stored.latest_released) == (
        "r1",
        datetime(2010, 11, 28, 16, 0),
    )
    assert [(v.release, v.change, v.form) for v in stored.versions] == [
        ("r1", "new", Form.PAGE)
    ]
    assert store.cited_by("66state106206") == ["66BUENOSAIRES2481"]


def test_identical_texts_are_stored_once(store: SQLiteStore) -> None:
    rec = record()
    ingest(store, "r1", [(rec, cable(rec))])
    ingest(store, "r2", [(rec, cable(rec))])
    assert store.stats()["texts"] == 1
    assert [v.change for v in store.versions(rec.reference_id)] == ["new", "unchanged"]


def test_adding_a_version_twice_changes_nothing(store: SQLiteStore) -> None:
    rec = record()
    ingest(store, "r1", [(rec, cable(rec))])
    before = store.dump()
    assert store.add_versions("r1", [(rec, cable(rec))]).counts == {
        "added": 0,
        "present": 1,
    }
    store.finish_release("r1", None)
    assert store.dump() == before


def test_display_rule_takes_created_from_csv_over_a_newer_page(
    store: SQLiteStore,
) -> None:
    page = record(
        created=datetime(1966, 12, 28, 18, 6),
        released=datetime(2011, 1, 21, 16, 4),
        build=6693,
    )
    row = record(
        form=Form.CSV,
        created=datetime(1966, 12, 28, 18, 48),
        classification="UNCLASSIFIED",
    )
    ingest(store, "csv", [(row, cable(row))])
    store.start_release("site", datetime(2011, 9, 5), "test")
    store.add_versions("site", [(page, cable(page))])
    store.finish_release("site", datetime(2011, 9, 5))
    stored = store.cable(page.reference_id)
    assert stored is not None
    assert stored.cable.created == datetime(1966, 12, 28, 18, 48)
    assert stored.cable.classification == "UNCLASSIFIED"
    assert stored.latest_release == "site"
    assert stored.first_published == datetime(2011, 1, 21, 16, 4)


def test_redaction_kinds_through_the_store(store: SQLiteStore) -> None:
    plain = record(body=BODY + "Point of contact is Tom.\n")
    marked = record(body=BODY + "Point of contact is XXXXXXXXXXXX.\n")
    ingest(
        store,
        "r1",
        [(marked, cable(marked, redactions=(Redaction(100, 112, "XXXXXXXXXXXX"),)))],
    )
    store.start_release("r2", datetime(2011, 9, 1), "test")
    store.add_versions("r2", [(plain, cable(plain))])
    store.finish_release("r2", datetime(2011, 9, 1))
    assert [r.name for r in store.releases()] == ["r2", "r1"]  # undated r1 sorts last
    assert [(v.release, v.change) for v in store.versions(plain.reference_id)] == [
        ("r2", "new"),
        ("r1", "redacted"),
    ]


def test_snapshot_release_marks_missing_cables_removed(store: SQLiteStore) -> None:
    one, two = record(), record("72TEHRAN1164")
    store.start_release("r1", datetime(2010, 11, 30), "test")
    store.add_versions("r1", [(one, cable(one)), (two, cable(two))])
    store.finish_release("r1", None)
    store.start_release("site", datetime(2011, 4, 25), "test", is_snapshot=True)
    store.add_versions("site", [(one, cable(one))])
    site = store.finish_release("site", None)
    assert site.counts == {"removed": 1, "unchanged": 1}
    versions = store.versions("72TEHRAN1164")
    assert [(v.release, v.change, v.form) for v in versions] == [
        ("r1", "new", Form.PAGE),
        ("site", "removed", Form.PAGE),
    ]


@pytest.fixture
def changed(store: SQLiteStore) -> SQLiteStore:
    """Two releases: r2 modifies one cable, redacts another, keeps a third, adds two."""
    ids = ["66BUENOSAIRES2481", "72TEHRAN1164", "75LIBREVILLE1895"]
    first = [record(ref, released=datetime(2010, 11, 30)) for ref in ids]
    ingest(store, "r1", [(rec, cable(rec)) for rec in first])
    marker = BODY.index("TEXT")
    second = [
        record(ids[0], body=BODY + "2. MORE.\n"),
        record(ids[1], body=BODY.replace("TEXT", "XXXXXXXXXXXX")),
        record(ids[2]),
        record("09STATE4134"),
        record("09STATE17"),
    ]
    redacted = (Redaction(marker, marker + 12, "XXXXXXXXXXXX"),)
    ingest(
        store,
        "r2",
        [
            (
                rec,
                cable(rec, redactions=redacted if "TEHRAN" in rec.reference_id else ()),
            )
            for rec in second
        ],
    )
    return store


@pytest.mark.parametrize(
    ("release", "change", "expected"),
    [
        ("r2", "new", ["09STATE17", "09STATE4134"]),
        ("r2", "modified", ["66BUENOSAIRES2481"]),
        ("r2", "redacted", ["72TEHRAN1164"]),
        ("r2", "unchanged", ["75LIBREVILLE1895"]),
        ("r2", "removed", []),
        ("r1", "new", ["66BUENOSAIRES2481", "72TEHRAN1164", "75LIBREVILLE1895"]),
        ("nope", "new", []),
    ],
    ids=[
        "new",
        "modified",
        "redacted",
        "unchanged",
        "none-removed",
        "first",
        "no-release",
    ],
)
def test_changed_cables_lists_one_change_kind(
    changed: SQLiteStore, release: str, change: str, expected: list[str]
) -> None:
    page = changed.changed_cables(release, change)
    assert [s.cable.reference_id for s in page.items] == expected
    assert page.total == len(expected)


def test_changed_cables_pages_in_reference_id_order(changed: SQLiteStore) -> None:
    page = changed.changed_cables("r1", "new", offset=1, limit=1)
    assert ([s.cable.reference_id for s in page.items], page.total) == (
        ["72TEHRAN1164"],
        3,
    )
    assert (page.offset, page.limit) == (1, 1)


def test_changed_cables_refuses_an_unknown_kind(changed: SQLiteStore) -> None:
    with pytest.raises(QueryError, match="change kind"):
        changed.changed_cables("r2", "deleted")


def test_versions_carry_their_redaction_count(changed: SQLiteStore) -> None:
    assert [
        (v.release, v.change, v.redactions) for v in changed.versions("72TEHRAN1164")
    ] == [("r1", "new", 0), ("r2", "redacted", 1)]


def test_a_release_without_cables_is_not_listed(store: SQLiteStore) -> None:
    store.start_release("empty", None, "ids.csv")
    finished = store.finish_release("empty", None)
    assert (finished.name, finished.source, finished.counts) == ("empty", "ids.csv", {})
    rec = record()
    ingest(store, "r1", [(rec, cable(rec))])
    assert [release.name for release in store.releases()] == ["r1"]
    assert [name for name, _ in store.counts("release")] == ["r1"]


def test_ingest_order_does_not_matter(tmp_path: Path) -> None:
    early = record(
        released=datetime(2010, 11, 30, 17, 1), created=datetime(1966, 12, 28, 18, 6)
    )
    late = record(
        form=Form.CSV, body=BODY + "2. MORE.\n", created=datetime(1966, 12, 28, 18, 48)
    )
    dumps = []
    for name, order in (("a.db", ("early", "late")), ("b.db", ("late", "early"))):
        store = open_store(tmp_path / name)
        for release in order:
            rec = early if release == "early" else late
            store.start_release(release, None, "test")
            store.add_versions(release, [(rec, parse_record(rec))])
        for release in order:
            store.finish_release(release, None)
        dumps.append(store.dump())
        assert store.cable(early.reference_id).cable.body.endswith("2. MORE.\n")  # type: ignore[union-attr]
        store.close()
    assert dumps[0] == dumps[1]


def test_shows_an_older_release_version(store: SQLiteStore) -> None:
    old = record(released=datetime(2010, 11, 30))
    new = record(body=BODY + "2. MORE.\n", released=datetime(2011, 1, 1))
    ingest(store, "old", [(old, parse_record(old))])
    ingest(store, "new", [(new, parse_record(new))])
    shown = store.cable(old.reference_id, release="old")
    assert shown is not None and shown.cable.body == parse_record(old).body
    assert store.cable(old.reference_id, release="nope") is None


@pytest.mark.parametrize(
    ("any_id", "expected"),
    [
        ("66BUENOSAIRES2481", "66BUENOSAIRES2481"),
        ("66buenosaires2481", "66BUENOSAIRES2481"),
        ("66BUENOSAIRES2481_a", "66BUENOSAIRES2481"),
        (" 7575LIBREVILLE1895 ", "7575LIBREVILLE1895"),
        ("75LIBREVILLE1895", "7575LIBREVILLE1895"),
        ("75LIBREVILLE1895_a", "7575LIBREVILLE1895"),
        ("09STATE4134", "09STATE4134"),
        ("09STATE4134_A", "09STATE4134"),
        ("10NOWHERE1", None),
        ("", None),
    ],
    ids=[
        "wikileaks",
        "lower",
        "plusd",
        "malformed",
        "canonical-of-malformed",
        "plusd-of-canonical",
        "known",
        "known-plusd",
        "unknown",
        "empty",
    ],
)
def test_resolve_any_id_form(
    store: SQLiteStore, any_id: str, expected: str | None
) -> None:
    ids = [record(), record("7575LIBREVILLE1895")]
    ingest(store, "r1", [(rec, cable(rec)) for rec in ids])
    store.add_known([("09STATE4134", 2009, 1)])
    assert store.resolve(any_id) == expected


def test_known_ids(store: SQLiteStore) -> None:
    assert (
        store.add_known([("66BUENOSAIRES2481", 1966, 12), ("09STATE4134", 2009, 1)])
        == 2
    )
    assert store.add_known([("09STATE4134", 2009, 1), ("09STATE17", 2009, 1)]) == 1
    ingest(store, "r1", [(record(), cable(record()))])
    assert store.known("66BUENOSAIRES2481").has_text is True  # type: ignore[union-attr]
    assert store.known("09STATE4134").has_text is False  # type: ignore[union-attr]
    assert store.known("10NOWHERE1") is None
    assert [(k.reference_id, k.has_text) for k in store.iter_known()] == [
        ("09STATE17", False),
        ("09STATE4134", False),
        ("66BUENOSAIRES2481", True),
    ]
    stats = store.stats()
    assert (stats["known"], stats["with_text"], stats["known_with_text"]) == (3, 1, 1)


def test_done_marks_and_versions(store: SQLiteStore) -> None:
    store.start_release("r1", None, "test")
    assert not store.is_done("r1", "a!b")
    with store.batch():
        store.add_versions("r1", [(record(), cable(record()))])
        store.mark_done("r1", ["a!b"])
    assert store.is_done("r1", "a!b") and not store.is_done("r2", "a!b")
    assert store.has_version("r1", "66BUENOSAIRES2481", "page")
    assert not store.has_version("r1", "66BUENOSAIRES2481", "csv")


def test_a_failed_batch_writes_nothing(store: SQLiteStore) -> None:
    store.start_release("r1", None, "test")
    with pytest.raises(RuntimeError), store.batch():
        store.add_versions("r1", [(record(), cable(record()))])
        store.mark_done("r1", ["a!b"])
        raise RuntimeError("killed")
    assert store.stats()["versions"] == 0 and not store.is_done("r1", "a!b")


def test_listing_and_counts(store: SQLiteStore) -> None:
    items = [
        record(
            "66BUENOSAIRES2481",
            created=datetime(1966, 12, 28),
            classification="UNCLASSIFIED",
        ),
        record(
            "72TEHRAN1164", created=datetime(1972, 2, 25), classification="CONFIDENTIAL"
        ),
    ]
    ingest(
        store,
        "r1",
        [
            (
                rec,
                cable(
                    rec, tags=("PREL",) if "TEHRAN" in rec.reference_id else ("EFIS",)
                ),
            )
            for rec in items
        ],
    )
    page = store.list_cables(sort="-created", limit=1)
    assert (page.total, [s.cable.reference_id for s in page.items]) == (
        2,
        ["72TEHRAN1164"],
    )
    assert store.list_cables(tag="EFIS").total == 1
    assert (
        store.list_cables(
            date="1972-02", classification="CONFIDENTIAL", release="r1"
        ).total
        == 1
    )
    assert store.counts("year") == [("1966", 1), ("1972", 1)]
    assert store.counts("classification", date="1966") == [("UNCLASSIFIED", 1)]
    assert store.counts("release") == [("r1", 2)]
    assert [s.cable.reference_id for s in store.iter_cables()] == [
        "66BUENOSAIRES2481",
        "72TEHRAN1164",
    ]


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    open_store(path).close()
    open_store(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM _migrations").fetchall() == [
        ("m001_initial",),
        ("m002_known_upper",),
    ]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


@pytest.mark.parametrize(
    "url",
    ["postgresql://localhost/cables", "mysql://x", "{tmp}", "{tmp}/not-a-db.txt"],
    ids=["postgres", "unknown-scheme", "folder", "not-sqlite"],
)
def test_bad_archive_urls_raise_store_error(tmp_path: Path, url: str) -> None:
    (tmp_path / "not-a-db.txt").write_text("plain text, not a database\n" * 100)
    with pytest.raises(StoreError):
        open_store(url.format(tmp=tmp_path))
