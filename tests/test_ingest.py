"""The ingest pipeline on files written into tmp_path (and one real archive)."""

from __future__ import annotations

import json
import lzma
from datetime import datetime
from pathlib import Path

import pytest

import cablebrowser.parse
from cablebrowser.errors import ParseError, SourceError
from cablebrowser.ingest import IngestOptions, ingest
from cablebrowser.record import SourceRecord
from cablebrowser.sources.csvdump import write_csv as write_dump
from cablebrowser.store import open_store

BODY = (
    "UNCLASSIFIED {city} {number}\n\nE.O. 12958: N/A\nTAGS: PREL, PGOV\n"
    'SUBJECT: TEST CABLE {number} ABOUT "QUOTED" THINGS\n\nREF: STATE 106206\n\n1. PARAGRAPH ONE.\n'
)


def csv_row(number: int, ref: str | None = None, body: str | None = None) -> list[str]:
    """Return one cables.csv row for a synthetic cable."""
    ref = ref or f"66BUENOSAIRES{number}"
    text = body if body is not None else BODY.format(city="BUENOS AIRES", number=number)
    refs = "66STATE106206"
    return [
        str(number),
        "12/28/1966 18:48",
        ref,
        "Embassy Buenos Aires",
        "UNCLASSIFIED",
        refs,
        "P R 281848Z DEC 66",
        text,
    ]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """Write rows in the quoting of the original cables.csv."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_dump(path, rows)
    return path


def run(db: Path, paths: list[Path], **options: object):
    store = open_store(db)
    try:
        return ingest(store, paths, IngestOptions(**{"workers": 1, **options}))  # type: ignore[arg-type]
    finally:
        store.close()


def dump(db: Path) -> dict:
    store = open_store(db)
    try:
        return store.dump()
    finally:
        store.close()


@pytest.fixture
def dump_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "dump-2011-09-01.csv", [csv_row(n) for n in range(1, 6)]
    )


def test_ingests_a_csv_dump(tmp_path: Path, dump_csv: Path) -> None:
    report = run(tmp_path / "a.db", [dump_csv])
    assert report.added == {"csv": 5} and not report.skipped
    assert report.releases == {
        "dump-2011-09-01": {"released": "2011-09-01T00:00:00", "new": 5}
    }
    store = open_store(tmp_path / "a.db")
    stored = store.cable("66BUENOSAIRES3")
    assert stored is not None and stored.cable.created == datetime(1966, 12, 28, 18, 48)
    assert stored.cable.subject is not None and "QUOTED" in stored.cable.subject
    store.close()


def test_second_run_changes_nothing(tmp_path: Path, dump_csv: Path) -> None:
    run(tmp_path / "a.db", [dump_csv])
    before = dump(tmp_path / "a.db")
    again = run(tmp_path / "a.db", [dump_csv])
    assert again.is_unchanged and again.present == {"csv": 5} and not again.added
    assert dump(tmp_path / "a.db") == before


def test_parallel_parsing_gives_the_same_archive(tmp_path: Path) -> None:
    rows = [csv_row(n) for n in range(1, 451)]
    path = write_csv(tmp_path / "dump" / "cables.csv", rows)
    run(tmp_path / "one.db", [path], workers=1)
    report = run(tmp_path / "two.db", [path], workers=2)
    assert report.added == {"csv": 450}
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_named_release_and_date_override(tmp_path: Path, dump_csv: Path) -> None:
    report = run(
        tmp_path / "a.db", [dump_csv], release="final", released=datetime(2011, 9, 2)
    )
    assert report.releases == {"final": {"released": "2011-09-02T00:00:00", "new": 5}}


def test_later_release_with_changed_text(tmp_path: Path, dump_csv: Path) -> None:
    changed = [
        csv_row(1),
        csv_row(2, body="UNCLASSIFIED\nSUBJECT: XXXXXXXXXXXX\n1. XXXXXXXXXXXX SAID.\n"),
    ]
    later = write_csv(tmp_path / "dump-2011-10-01.csv", changed)
    run(
        tmp_path / "a.db", [later]
    )  # ingested first, dated later: order must not matter
    report = run(tmp_path / "a.db", [dump_csv])
    assert report.releases["dump-2011-09-01"] == {
        "released": "2011-09-01T00:00:00",
        "new": 5,
    }
    store = open_store(tmp_path / "a.db")
    assert store.releases()[-1].counts == {"unchanged": 1, "redacted": 1}
    assert store.cable("66BUENOSAIRES2").latest_release == "dump-2011-10-01"  # type: ignore[union-attr]
    store.close()


def test_id_list_fills_known(tmp_path: Path) -> None:
    path = tmp_path / "ids" / "cable2month.csv"
    path.parent.mkdir()
    path.write_text("66BUENOSAIRES2481,12\n09STATE4134,1\n7575LIBREVILLE1895,11\n")
    report = run(tmp_path / "a.db", [path])
    assert (report.known_seen, report.known_added, report.added) == (3, 3, {})
    assert report.releases == {}
    store = open_store(tmp_path / "a.db")
    assert store.releases() == [] and store.stats()["releases"] == {}
    known = store.known("7575LIBREVILLE1895")
    assert known is not None and (known.year, known.month, known.has_text) == (
        1975,
        11,
        False,
    )
    assert store.resolve("09state4134_a") == "09STATE4134"
    store.close()
    again = run(tmp_path / "a.db", [path])
    assert again.is_unchanged and (again.known_seen, again.known_added) == (3, 0)


@pytest.mark.parametrize(
    ("options", "expected"),
    [({}, ["dump-2011-09-01"]), ({"release": "one"}, ["one"])],
    ids=["named-after-inputs", "one-named-release"],
)
def test_id_list_beside_cables_adds_no_release(
    tmp_path: Path, dump_csv: Path, options: dict[str, str], expected: list[str]
) -> None:
    ids = tmp_path / "ids" / "cable2month.csv"
    ids.parent.mkdir()
    ids.write_text("66BUENOSAIRES1,12\n09STATE4134,1\n")
    report = run(tmp_path / "a.db", [ids, dump_csv], **options)
    assert list(report.releases) == expected and report.known_added == 2
    store = open_store(tmp_path / "a.db")
    assert [release.name for release in store.releases()] == expected
    assert store.known("66BUENOSAIRES1").has_text  # type: ignore[union-attr]
    store.close()


def test_a_dated_file_name_is_its_own_release(tmp_path: Path) -> None:
    path = tmp_path / "repo" / "wikileaks-11-28-10.json"
    path.parent.mkdir()
    record = {
        "_id": "x",
        "reference_id": "04ANKARA348",
        "origin": "Embassy Ankara",
        "date_time": "2004-01-20 12:12",
        "classification": "CONFIDENTIAL",
        "header": "",
        "body": "CONFIDENTIAL ANKARA 000348 SUBJECT: TEST 1. TEXT.",
    }
    path.write_text(json.dumps(record) + "\n")
    report = run(tmp_path / "a.db", [path])
    assert report.releases == {
        "wikileaks-11-28-10": {"released": "2010-11-28T00:00:00", "new": 1}
    }


BAD_INPUTS = {
    "not-a-cable.txt": b"just some words, not a cable of any form\n",
    "empty.txt": b"",
    "cut.csv": b'"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy","UNCLASSIFIED","","H never ends\n',
    "broken.tar.xz": lzma.compress(b"this is not a tar archive at all" * 50)[:120],
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS), ids=sorted(BAD_INPUTS))
def test_bad_inputs_are_reported_not_raised(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in" / name
    path.parent.mkdir()
    path.write_bytes(BAD_INPUTS[name])
    report = run(tmp_path / "a.db", [path])
    assert len(report.skipped) == 1 and report.skipped[0].reason
    assert str(path) in report.skipped[0].source
    assert report.to_dict()["skipped"][0]["reason"] == report.skipped[0].reason


def test_missing_path_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        run(tmp_path / "a.db", [tmp_path / "nowhere.csv"])


@pytest.fixture
def failing_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    real = cablebrowser.parse.parse_record

    def parse(record: SourceRecord, **options: bool):
        if record.reference_id == "66BUENOSAIRES2":
            raise ParseError("unusable text", reference_id=record.reference_id)
        return real(record, **options)

    monkeypatch.setattr(cablebrowser.parse, "parse_record", parse)


@pytest.mark.usefixtures("failing_parser")
def test_a_cable_that_fails_to_parse_is_a_skip(tmp_path: Path, dump_csv: Path) -> None:
    report = run(tmp_path / "a.db", [dump_csv])
    assert report.added == {"csv": 4}
    assert [(s.reference_id, s.reason) for s in report.skipped] == [
        ("66BUENOSAIRES2", "cannot parse: unusable text")
    ]
    again = run(
        tmp_path / "a.db", [dump_csv]
    )  # the input was not marked done: reported again
    assert len(again.skipped) == 1 and again.present == {"csv": 4}


@pytest.mark.usefixtures("failing_parser")
def test_strict_stops_at_the_first_skip(tmp_path: Path, dump_csv: Path) -> None:
    report = run(tmp_path / "a.db", [dump_csv], strict=True)
    assert report.stopped and len(report.skipped) == 1


def test_ingests_a_real_archive(tmp_path: Path, shared_data: Path) -> None:
    archive = shared_data / "cablegate-site-2011-09-final_markchips_test-set.tar.xz"
    report = run(tmp_path / "a.db", [archive])
    assert report.added == {"page": 10} and not report.skipped
    name = "cablegate-site-2011-09-final_markchips_test-set"
    assert report.releases == {name: {"released": "2011-08-30T01:44:00", "new": 10}}
    store = open_store(tmp_path / "a.db")
    assert store.resolve("75LIBREVILLE1895") == "7575LIBREVILLE1895"
    store.close()
