"""Fixtures for the reader tests: real files pulled out of the shared data tars."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from cablebrowser.record import Skipped, SourceRecord
from cablebrowser.sources import read

BROKEN = Path(__file__).resolve().parent / "broken"

# The members the tests read, per shared archive: extracted once per session.
WANTED: dict[str, tuple[str, ...]] = {
    "cablegate-site-2011-04-25_avilaroman_cable-pages.tar.xz": (
        "cable/1966/12/66BUENOSAIRES2481.html",
        "cable/2006/03/06SANJOSE612.html",
    ),
    "cablegate-release-2010-11-30_anarchivist.tar.xz": (
        "cable/1966/12/66BUENOSAIRES2481.html",
    ),
    "cablegate-release-2010-12-22_anarchivist.tar.xz": (
        "cable/1966/12/66BUENOSAIRES2481.html",
    ),
    "cablegate-site-2011-09-final_markchips_test-set.tar.xz": (
        "test-set/1966/12/66BUENOSAIRES2481.html",
        "test-set/1975/11/7575LIBREVILLE1895.html",
    ),
    "cablemap-test-data_heuer.tar.xz": (
        "cablemap.core/tests/data-subject/in/07BERN881.html",
        "cablemap.core/tests/data-subject/in/10STATE284.html",
    ),
    "cable-bodies_tathagata-reveal.tar.xz": (
        "cables/66BUENOSAIRES2481.txt",
        "cables/04OTTAWA3115.txt",
    ),
    "cables-json-and-csv-rows_none-later.tar.xz": (
        "wikileaks/aa",
        "wikileaks-11-28-10.json",
    ),
    "pdf-and-text-sample_paul-mathieu.tar.xz": (
        "data-sample/cablegate-converted/09PARIS1007.txt",
        "data-sample/cablegate-converted/09USEUBRUSSELS1177.txt",
        "data-sample/cablegate/00ATHENS1501.pdf",
        "data-sample/cablegate/00DAMASCUS3013.pdf",
    ),
}


@pytest.fixture(scope="session")
def extracted(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Extract the wanted members of each shared tar into one temporary tree."""
    root = tmp_path_factory.mktemp("shared")
    for archive, members in WANTED.items():
        folder = root / archive.removesuffix(".tar.xz")
        remaining = set(members)
        with tarfile.open(shared_data / archive, mode="r|xz") as tar:
            for info in tar:
                if info.name in remaining:
                    tar.extract(info, folder, filter="data")
                    remaining.discard(info.name)
                    if not remaining:
                        break
        assert not remaining, f"missing in {archive}: {remaining}"
    return root


def read_items(path: Path | str, **options: str) -> list[SourceRecord | Skipped]:
    """Read everything from a path into a list."""
    return list(read(path, **options))


def records(path: Path | str, **options: str) -> list[SourceRecord]:
    """Read a path and keep only the records."""
    return [item for item in read(path, **options) if isinstance(item, SourceRecord)]


def only_record(path: Path | str, **options: str) -> SourceRecord:
    """Read a path that must hold exactly one cable and nothing else."""
    items = read_items(path, **options)
    assert len(items) == 1 and isinstance(items[0], SourceRecord), items
    return items[0]
