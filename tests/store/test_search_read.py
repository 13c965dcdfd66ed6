"""The lean read for the search index gives what the full read of each cable says."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from cablebrowser.search.document import search_fields
from cablebrowser.store.codec import SEARCH_KEYS, cable_json, search_values
from cablebrowser.store.sqlite import SQLiteStore
from tests.store.test_codec import FULL
from tests.store.test_sqlite import cable, changed, record, store  # noqa: F401


def test_lean_read_equals_the_full_read_with_removals(store: SQLiteStore) -> None:  # noqa: F811
    one, two = record(), record("72TEHRAN1164")
    store.start_release("r1", datetime(2010, 11, 30), "test")
    store.add_versions("r1", [(one, cable(one)), (two, cable(two))])
    store.finish_release("r1", None)
    store.start_release("site", datetime(2011, 4, 25), "test", is_snapshot=True)
    store.add_versions("site", [(one, cable(one))])
    store.finish_release("site", None)
    lean = list(store.iter_search_fields())
    assert lean == [search_fields(stored) for stored in store.iter_cables()]
    assert [fields.releases for fields in lean] == [("r1", "site"), ("r1",)]


def test_lean_read_equals_the_full_read_across_releases(changed: SQLiteStore) -> None:  # noqa: F811
    lean = list(changed.iter_search_fields())
    assert lean == [search_fields(stored) for stored in changed.iter_cables()]
    assert any(len(fields.releases) > 1 for fields in lean)


def test_search_values_decode_what_sqlite_extracts() -> None:
    paths = ", ".join(f"'$.{key}'" for key in SEARCH_KEYS)
    extracted = (
        sqlite3.connect(":memory:")
        .execute(f"SELECT json_extract(?, {paths})", (cable_json(FULL),))
        .fetchone()[0]
    )
    values = search_values(extracted)
    assert values["created"] == FULL.created
    assert values["tags"] == FULL.tags and values["signers"] == FULL.signers
    assert values["cited"] == ("05ALMATY3500",)
    assert values["redactions"] == tuple((r.start, r.end) for r in FULL.redactions)
    assert values["subject"] == FULL.subject
