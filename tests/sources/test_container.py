"""Files, directory trees and archives: members, source keys, release names, errors."""

from __future__ import annotations

import gzip
import tarfile
import zipfile
from pathlib import Path

import py7zr
import pytest

from cablebrowser.errors import SourceError
from cablebrowser.record import Form, Skipped, SourceRecord
from cablebrowser.sources import read
from cablebrowser.sources.container import strip_archive_suffix
from tests.conftest import SEED
from tests.sources.conftest import BROKEN, read_items, records

PAGE = "cablegate-release-2010-11-30_anarchivist/cable/1966/12/66BUENOSAIRES2481.html"
FRAGMENT = "cable-bodies_tathagata-reveal/cables/66BUENOSAIRES2481.txt"


def _members(extracted: Path) -> dict[str, bytes]:
    """Archive members: two cables plus files that are not cables."""
    return {
        "cable/1966/12/66BUENOSAIRES2481.html": (extracted / PAGE).read_bytes(),
        "cables/66BUENOSAIRES2481.txt": (extracted / FRAGMENT).read_bytes(),
        "tag/PGOV_0.html": (BROKEN / "PGOV_0.html").read_bytes(),
        "README": b"Unofficial mirror of the cable data.\n",
        "static/css/main.css": b"body { color: black }\n",
    }


def _check_archive_records(path: Path, release: str) -> None:
    items = read_items(path)
    assert all(isinstance(item, SourceRecord) for item in items), items
    assert [(item.form, item.reference_id) for item in items] == [  # type: ignore[union-attr]
        (Form.PAGE, "66BUENOSAIRES2481"),
        (Form.FRAGMENT, "66BUENOSAIRES2481"),
    ]
    assert [item.source for item in items] == [
        f"{path}!cable/1966/12/66BUENOSAIRES2481.html",
        f"{path}!cables/66BUENOSAIRES2481.txt",
    ]
    assert {item.release for item in items} == {release}  # type: ignore[union-attr]
    assert items[0].build == 290  # type: ignore[union-attr]


def test_seven_zip_built_on_the_fly(extracted: Path, tmp_path: Path) -> None:
    path = tmp_path / "cablegate-201011301701.7z"
    with py7zr.SevenZipFile(path, "w") as archive:
        for name, data in _members(extracted).items():
            archive.writestr(data, name)
    _check_archive_records(path, "cablegate-201011301701")


def test_zip_built_on_the_fly(extracted: Path, tmp_path: Path) -> None:
    path = tmp_path / "mirror.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in _members(extracted).items():
            archive.writestr(name, data)
    _check_archive_records(path, "mirror")


def test_tar_gz_built_on_the_fly(extracted: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for name, data in _members(extracted).items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_bytes(data)
    path = tmp_path / "site-2010.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name in _members(extracted):
            archive.add(tree / name, arcname=name)
    _check_archive_records(path, "site-2010")


def test_directory_tree(extracted: Path, tmp_path: Path) -> None:
    root = tmp_path / "cablegate-site-2011-04"
    for name, data in _members(extracted).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    items = read_items(root)
    assert [item.source for item in items] == [
        str(root / "cable/1966/12/66BUENOSAIRES2481.html"),
        str(root / "cables/66BUENOSAIRES2481.txt"),
    ]
    assert {item.release for item in items} == {"cablegate-site-2011-04"}  # type: ignore[union-attr]


def test_stopping_early_inside_a_seven_zip_releases_it(
    extracted: Path, tmp_path: Path
) -> None:
    path = tmp_path / "many.7z"
    with py7zr.SevenZipFile(path, "w") as archive:
        data = (extracted / FRAGMENT).read_bytes()
        for number in range(200):
            archive.writestr(data, f"cables/66BUENOSAIRES{number + 1}.txt")
    iterator = read(path)
    first = next(iterator)
    assert isinstance(first, SourceRecord) and first.reference_id == "66BUENOSAIRES1"
    iterator.close()  # type: ignore[attr-defined]
    assert len(records(path)) == 200


def test_gzip_compressed_loose_file(tmp_path: Path) -> None:
    path = tmp_path / "seed-pages" / "05ALMATY3603.txt.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    (record,) = records(path)
    assert record.reference_id == "05ALMATY3603" and record.source == str(path)


def test_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "09PARIS1007.dat"
    path.write_text(
        "Copied from the embassy file:\nCONFIDENTIAL PARIS 001007\n\n1. (C) Text.\n",
        encoding="utf-8",
    )
    (skipped,) = read_items(path)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith(
        "not a cable form"
    )
    (record,) = records(path, format="text")
    assert record.reference_id == "09PARIS1007" and record.form is Form.TEXT
    assert (
        record.header is None
        and record.body is not None
        and record.body.endswith("1. (C) Text.\n".rstrip("\n"))
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "cablegate-release-2010-11-30_anarchivist.tar.xz",
            "cablegate-release-2010-11-30_anarchivist",
        ),
        ("cablegate-201011301701.7z", "cablegate-201011301701"),
        ("mirror.ZIP", "mirror"),
        ("site.tgz", "site"),
        ("plain.tar", "plain"),
        ("cables.csv", None),
        ("ids.csv.gz", None),
    ],
    ids=["tar.xz", "7z", "zip-upper", "tgz", "tar", "csv", "gz"],
)
def test_release_name_of_archives(name: str, expected: str | None) -> None:
    assert strip_archive_suffix(name) == expected


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read(tmp_path / "nowhere.tar.xz")


def test_unknown_format_raises() -> None:
    with pytest.raises(SourceError, match="unknown format"):
        read(SEED, format="docx")


def test_loose_file_that_is_not_a_cable(shared_data: Path) -> None:
    items = read_items(shared_data / "README.md")
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].reason.startswith("not a cable form")
