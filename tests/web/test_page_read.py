"""The cable page's one read (``Store.cable_page``, ``Store.known_any``) says what the general reads say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from cablebrowser.record import Reference
from cablebrowser.store import open_store
from cablebrowser.store.base import Store
from cablebrowser.web.cablepage import CITED_BY_SHOWN

from .conftest import (
    CITING_ID,
    HOSTILE_ID,
    KNOWN_ONLY_ID,
    _pair,
    start_server,
    stop_server,
)


@pytest.fixture(scope="module")
def sample_store(sample_db: Path) -> Iterator[Store]:
    store = open_store(sample_db)
    yield store
    store.close()


def test_page_read_matches_the_general_reads(sample_store: Store) -> None:
    for index, stored in enumerate(sample_store.iter_cables()):
        if index >= 150:
            break
        cable = stored.cable
        shown = sample_store.cable_page(cable.reference_id)
        assert shown is not None
        assert (
            shown.canonical_id,
            shown.body,
            shown.created,
            shown.released,
            shown.release,
            shown.origin,
            shown.station,
            shown.classification,
            shown.tags,
            shown.subject,
            shown.references,
            shown.is_partial,
            shown.redactions,
        ) == (
            cable.canonical_id,
            cable.body,
            cable.created,
            cable.released,
            cable.release,
            cable.origin,
            cable.station,
            cable.classification,
            cable.tags,
            cable.subject,
            cable.references,
            cable.is_partial,
            len(cable.redactions),
        )
        assert shown.versions == stored.versions
        assert shown.aliases == stored.aliases
        assert shown.latest_release == stored.latest_release
        assert list(shown.cited_by) == sample_store.cited_by(cable.canonical_id)


def test_page_read_answers_only_for_the_stored_id(sample_store: Store) -> None:
    stored = next(iter(sample_store.iter_cables()))
    reference_id = stored.cable.reference_id
    assert sample_store.cable_page(reference_id.lower()) is None
    assert sample_store.cable_page("no-such-cable") is None


def test_known_any_is_resolve_then_known(sample_store: Store) -> None:
    stored = list(sample_store.iter_cables())[:40]
    ids = [cited for item in stored for cited in _cited(item.cable.references)]
    ids += [item.cable.reference_id.lower() for item in stored[:5]]
    ids += [item.cable.canonical_id + "_a" for item in stored[:5]]
    ids += [
        f" {item.cable.reference_id[:2]} {item.cable.reference_id[2:]}"
        for item in stored[5:10]
    ]
    ids += ["", "  ", "99NOWHERE1", "not an id"]
    expected = {}
    for any_id in ids:
        reference_id = sample_store.resolve(any_id)
        known = sample_store.known(reference_id) if reference_id else None
        if known is not None:
            expected[any_id] = known
    assert expected  # the sample's ID list knows most of them
    assert sample_store.known_any(ids) == expected


def _cited(references: tuple[Reference, ...]) -> list[str]:
    return [ref.value for ref in references if ref.kind == "cable"]


def test_other_id_forms_still_redirect(crafted: httpx.Client) -> None:
    page = crafted.get(f"/cable/{HOSTILE_ID}")
    assert page.status_code == 301
    canonical = page.headers["location"]
    assert (
        crafted.get(canonical.replace(HOSTILE_ID, HOSTILE_ID.lower())).status_code
        == 301
    )
    assert crafted.get(canonical.replace("/03/", "/04/")).status_code == 301


def test_page_lists_references_and_citing_cables(crafted: httpx.Client) -> None:
    citing = crafted.get(f"/cable/{CITING_ID}", follow_redirects=True).text
    assert f">{HOSTILE_ID}</a>" in citing
    assert f'{KNOWN_ONLY_ID}</a><span class="note">(known, no text)</span>' in citing
    cited = crafted.get(f"/cable/{HOSTILE_ID}", follow_redirects=True).text
    assert f">{CITING_ID}</a>" in cited


def test_a_much_cited_cable_lists_the_first_and_links_to_all(tmp_path: Path) -> None:
    cited, extra = "09PARIS100", 3
    citing = [f"09PARIS{200 + number}" for number in range(CITED_BY_SHOWN + extra)]
    reference = (Reference("cable", cited, None, "PARIS 100"),)
    db = tmp_path / "cited.db"
    store = open_store(db)
    store.start_release("first", datetime(2011, 8, 30), "tests")
    store.add_versions(
        "first",
        [_pair(cited, "UNCLASSIFIED\n\n1. CITED.\n", "first")]
        + [
            _pair(rid, "UNCLASSIFIED\n\n1. CITING.\n", "first", references=reference)
            for rid in citing
        ],
    )
    store.add_known([(rid, 2009, 3) for rid in [cited, *citing]])
    store.finish_release("first", datetime(2011, 8, 30))
    store.close()
    process, url = start_server(db, tmp_path / "server.log")
    try:
        page = httpx.get(f"{url}/cable/{cited}", follow_redirects=True, timeout=30)
    finally:
        stop_server(process)
    assert page.status_code == 200
    assert page.text.count('<a href="/cable/2009/03/09PARIS2') == CITED_BY_SHOWN
    assert (
        f'and {extra} more: <a class="cited-all" href="/search?q=ref%3A{cited}">'
        f"all {CITED_BY_SHOWN + extra} cables citing {cited}</a>"
    ) in page.text
