"""The index built from a real SQLite archive filled with ``cablebrowser ingest sample``."""

from __future__ import annotations

from collections import Counter

import pytest

from cablebrowser.search import SearchIndex, build_index, index_path
from cablebrowser.search.document import (
    cable_document,
    search_document,
    search_fields,
)
from cablebrowser.store import open_store
from tests.conftest import copy_archive


@pytest.fixture(scope="module")
def archive(sample_db, tmp_path_factory):
    """The session's sample archive (``cablebrowser ingest sample``, then ``cablebrowser index``).

    The module works on its own copy: one test rebuilds the index.
    """
    db = copy_archive(sample_db, tmp_path_factory.mktemp("archive"))
    store = open_store(db)
    cables = list(store.iter_cables())
    yield db, store, cables
    store.close()


def test_every_cable_with_text_is_indexed(archive):
    db, store, cables = archive
    assert (
        SearchIndex.open(index_path(db)).count()
        == len(cables)
        == store.stats()["with_text"]
    )


def test_classification_facet_equals_the_store_counts(archive):
    db, _, cables = archive
    result = SearchIndex.open(index_path(db)).search("-qqqzzz", per_page=1)
    expected = Counter(
        stored.cable.classification for stored in cables if stored.cable.classification
    )
    assert dict(result.facets["classification"]) == dict(expected)
    assert result.total == len(cables)


def test_tag_filter_equals_the_store_tags(archive):
    db, _, cables = archive
    tag, count = Counter(
        tag for stored in cables for tag in set(stored.cable.tags)
    ).most_common(1)[0]
    assert (
        SearchIndex.open(index_path(db)).search(f"tag:{tag}", per_page=1).total == count
    )


def test_seed_cable_is_found_by_id_and_words(archive):
    db, _, _ = archive
    index = SearchIndex.open(index_path(db))
    assert index.search("05 ALMATY 3603").redirect_id == "05ALMATY3603"
    assert "05ALMATY3603" in {
        hit.reference_id
        for hit in index.search('"free and fair" nazarbayev', per_page=100).hits
    }


def test_every_cable_redirects_from_its_own_id(archive):
    db, _, cables = archive
    index = SearchIndex.open(index_path(db))
    for stored in cables[:: max(1, len(cables) // 50)]:
        assert (
            index.search(stored.cable.reference_id).redirect_id
            == stored.cable.reference_id
        )


def test_second_build_keeps_the_index(archive):
    db, store, cables = archive
    before = sorted((index_path(db)).glob("*.store"))
    assert build_index(store, index_path(db)) == len(cables)
    assert sorted(index_path(db).glob("*.store")) == before


def test_lean_read_gives_the_documents_of_the_full_read(archive):
    _, store, cables = archive
    lean = list(store.iter_search_fields())
    assert lean == [search_fields(stored) for stored in cables]
    assert [search_document(fields) for fields in lean] == [
        cable_document(stored) for stored in cables
    ]


def test_lean_read_covers_aliases_releases_and_redactions(archive):
    _, store, _ = archive
    lean = list(store.iter_search_fields())
    assert any(fields.aliases for fields in lean)
    assert any(len(fields.releases) > 1 for fields in lean)
    assert any(fields.redactions for fields in lean)
    assert any(fields.cited for fields in lean)


def test_lean_read_leaves_the_page_cache_size_as_it_was(archive):
    _, store, _ = archive
    size = store._conn.execute("PRAGMA cache_size").fetchone()[0]
    scan = store.iter_search_fields()
    next(scan)
    assert store._conn.execute("PRAGMA cache_size").fetchone()[0] != size
    scan.close()
    assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == size
