"""Building and updating the index; the pieces a document and a snippet are made of."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

import pytest
import tantivy

from cablebrowser.record import Cable, Redaction
from cablebrowser.search import SearchIndex, build_index, index_path
from cablebrowser.search.document import (
    _mask_each,
    _mask_spans,
    cable_document,
    mask_redactions,
    signature,
    signed_body,
    unmask,
)
from cablebrowser.search.index import BODIES
from cablebrowser.search.query import parse_query
from cablebrowser.search.snippets import highlighter, lead_html, marked_html

from .conftest import FakeStore, make_corpus


@pytest.mark.parametrize(
    ("db", "index"),
    [
        ("cablebrowser.db", "cablebrowser.index"),
        ("data/archive.sqlite", "data/archive.sqlite.index"),
        ("sqlite:///x/a.db", "x/a.index"),
    ],
    ids=["db", "other-suffix", "url"],
)
def test_index_path_sits_beside_the_database(db, index):
    assert index_path(db) == Path(index)


def _edited(corpus, reference_id, body):
    return [
        dataclasses.replace(s, cable=dataclasses.replace(s.cable, body=body))
        if s.cable.reference_id == reference_id
        else s
        for s in corpus
    ]


def test_update_rewrites_changed_cables_and_drops_vanished_ones(tmp_path):
    path = tmp_path / "a.index"
    corpus = make_corpus()
    assert build_index(FakeStore(corpus), path) == 7
    changed = [
        s
        for s in _edited(corpus, "07MOSCOW1", "Rosneft and caviar.")
        if s.cable.reference_id != "10ASTANA272"
    ]
    progress = []
    assert (
        build_index(
            FakeStore(changed),
            path,
            progress=lambda done, total: progress.append((done, total)),
        )
        == 6
    )
    index = SearchIndex.open(path)
    assert [hit.reference_id for hit in index.search("caviar").hits] == ["07MOSCOW1"]
    assert index.search("gazprom").total == 0
    assert index.search("10ASTANA272").redirect_id is None
    assert index.count() == 6 and progress[-1] == (6, 6)


def test_rebuild_replaces_the_index(tmp_path):
    path = tmp_path / "a.index"
    build_index(FakeStore(make_corpus()), path)
    assert build_index(FakeStore(make_corpus()[:2]), path, rebuild=True) == 2
    assert SearchIndex.open(path).count() == 2


def test_an_index_of_another_schema_version_is_rebuilt(tmp_path):
    path = tmp_path / "a.index"
    build_index(FakeStore(make_corpus()), path)
    (path / "signatures.json").write_text('{"schema": 0, "docs": {}}')
    assert build_index(FakeStore(make_corpus()[:3]), path) == 3
    assert SearchIndex.open(path).count() == 3


MASKED = [
    ("met XXXXXXXXXXXX today", "met " + "\x0e" * 12 + " today"),
    ("xxxxxx and XXXDISCUSSES", "\x0f" * 6 + " and " + "\x0e" * 3 + "DISCUSSES"),
    ("Exxon", "Exxon"),
    ("no markers", "no markers"),
]


@pytest.mark.parametrize(("text", "masked"), MASKED, ids=[text for text, _ in MASKED])
def test_redaction_markers_are_masked_reversibly(text, masked):
    assert mask_redactions(text) == masked
    assert unmask(masked) == text


def test_parser_redactions_are_masked_too():
    cable = Cable(
        "01X1", "01X1", "name: [gone] here", redactions=(Redaction(6, 12, "[gone]"),)
    )
    assert mask_redactions(cable.body, cable) == "name: [gone] here"  # no X to mask
    marked = Cable(
        "01X1", "01X1", "name: XxXx here", redactions=(Redaction(6, 10, "XxXx"),)
    )
    assert mask_redactions(marked.body, marked) == "name: \x0e\x0f\x0e\x0f here"


SPANS = [
    [(0, 3), (4, 6)],
    [(4, 6), (0, 3)],
    [(0, 5), (3, 8)],
    [(2, 2), (2, 4), (6, 99), (-1, 2), (7, 9)],
    [],
]


@pytest.mark.parametrize("spans", SPANS, ids=[str(spans) for spans in SPANS])
def test_spans_masked_in_one_join_as_one_after_the_other(spans):
    text = "XxXx XXxxX Xx"
    assert _mask_spans(text, spans) == _mask_each(text, spans)


SNIPPETS = [
    (
        "nazarbayev",
        "President Nazarbayev's <b> & co",
        "President <mark>Nazarbayev</mark>&#x27;s &lt;b&gt; &amp; co",
    ),
    (
        "caf\u00e9",
        "Le caf\u00e9 <noir> caf\u00e9s",
        "Le <mark>caf\u00e9</mark> &lt;noir&gt; <mark>caf\u00e9s</mark>",
    ),
    (
        "talk*",
        "Talks & talking, not stalking",
        "<mark>Talks</mark> &amp; <mark>talking</mark>, not stalking",
    ),
    (
        '"free and fair" -iran',
        "Free and fair, said Iran",
        "<mark>Free and fair</mark>, said Iran",
    ),
    (
        '"human rights"',
        "Human-rights groups; rights of humans; HUMAN\nRIGHTS",
        "<mark>Human-rights</mark> groups; rights of humans; <mark>HUMAN RIGHTS</mark>",
    ),
    (
        '"free elections" fair',
        "Fair and free elections, free press, elections",
        "<mark>Fair</mark> and <mark>free elections</mark>, free press, elections",
    ),
    ("iran", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    (
        "gazprom",
        "Café: GAZPROM, Gazprom’s gazprom, éGazprom",
        "Café: <mark>GAZPROM</mark>, <mark>Gazprom</mark>’s <mark>gazprom</mark>,"
        " éGazprom",
    ),
    (
        "café",
        "CAFÉ and Café, not cafeteria",
        "<mark>CAFÉ</mark> and <mark>Café</mark>, not cafeteria",
    ),
]


@pytest.mark.parametrize(
    ("query", "body", "html"), SNIPPETS, ids=[query for query, _, _ in SNIPPETS]
)
def test_snippet_marks_matched_words_in_escaped_text(query, body, html):
    assert highlighter(parse_query(query)).snippet(body) == html


def test_snippet_is_a_window_around_the_densest_matches():
    body = "lorem " * 200 + "pipeline gas pipeline " + "ipsum " * 200
    snippet = highlighter(parse_query("pipeline")).snippet(body)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert snippet.count("<mark>pipeline</mark>") == 2 and len(snippet) < 400


def test_marked_html_and_lead_escape_everything():
    assert marked_html('a"b<c', [(2, 3)]) == "a&quot;<mark>b</mark>&lt;c"
    assert lead_html("x < y\n\n  & z") == "x &lt; y &amp; z"


def test_signature_changes_with_any_field_and_only_then():
    fields = cable_document(make_corpus()[0])
    assert signature(fields) == signature(dict(reversed(list(fields.items()))))
    for name, value in fields.items():
        if isinstance(value, list | str):
            changed = value + "x" if isinstance(value, str) else [*value, "x"]
            assert signature({**fields, name: changed}) != signature(fields), name
    assert signature({"a": "b", "c": ""}) != signature({"a": "b\x00c", "c": ""})


def test_signed_body_gives_the_signature_and_the_body_in_utf8():
    fields = {**cable_document(make_corpus()[0]), "body": "caf\u00e9 \ud800 X"}
    digest, body = signed_body(fields)
    assert digest == signature(fields) and body == "caf\u00e9 \ud800 X".encode(
        "utf-8", "surrogatepass"
    )
    texts = {
        name: value if isinstance(value, str) else repr(value)
        for name, value in fields.items()
    }
    whole = "".join(
        f"{name}\x00{len(texts[name])}\x00{texts[name]}" for name in sorted(texts)
    )
    assert (
        digest
        == hashlib.blake2b(
            whole.encode("utf-8", "surrogatepass"), digest_size=12
        ).hexdigest()
    )
    assert signed_body({"a": "b"})[1] is None


def test_a_cable_known_only_by_year_counts_in_the_year_facet_not_the_histogram(
    tmp_path,
):
    corpus = make_corpus()
    undated = dataclasses.replace(
        corpus[0],
        cable=dataclasses.replace(
            corpus[0].cable,
            reference_id="04ALMATY77",
            canonical_id="04ALMATY77",
            created=None,
            body="An undated zzyzx cable.",
        ),
    )
    build_index(FakeStore([*corpus, undated]), tmp_path / "a.index")
    result = SearchIndex.open(tmp_path / "a.index").search("zzyzx")
    assert result.facets["year"] == [("2004", 1)] and result.histogram == []
    assert result.facets["country"] == [("Kazakhstan", 1)]


def test_an_open_index_sees_later_updates_and_rebuilds(tmp_path):
    path = tmp_path / "a.index"
    corpus = make_corpus()
    build_index(FakeStore(corpus), path)
    index = SearchIndex.open(path)
    assert index.search("caviar").total == 0
    build_index(FakeStore(_edited(corpus, "07MOSCOW1", "Rosneft and caviar.")), path)
    assert index.search("caviar").total == 1
    build_index(FakeStore(corpus), path, rebuild=True)
    assert index.search("caviar").total == 0 and index.count() == len(corpus)


def test_bodies_are_kept_beside_the_index_and_read_back_for_snippets(tmp_path):
    path = tmp_path / "a.index"
    corpus = make_corpus()
    build_index(FakeStore(corpus), path)
    index = SearchIndex.open(path)
    searcher = tantivy.Index.open(str(path)).searcher()
    stored = searcher.doc(searcher.search(tantivy.Query.all_query(), 1).hits[0][1])
    assert "body" not in stored.to_dict() and (path / BODIES).is_file()
    assert "<mark>Gazprom</mark>" in index.search("gazprom").hits[0].snippet_html
    build_index(FakeStore(_edited(corpus, "07MOSCOW1", "Rosneft and caviar.")), path)
    hit = index.search("caviar").hits[0]
    assert hit.snippet_html == "Rosneft and <mark>caviar</mark>."
    assert [h.reference_id for h in index.similar("07MOSCOW1", leads=False)] == [
        h.reference_id for h in index.similar("07MOSCOW1")
    ]


def test_an_index_missing_its_bodies_file_still_answers(tmp_path):
    path = tmp_path / "a.index"
    build_index(FakeStore(make_corpus()), path)
    (path / BODIES).unlink()
    result = SearchIndex.open(path).search("gazprom")
    assert result.total == 1 and result.hits[0].snippet_html == ""


def test_bodies_are_read_without_pread_where_the_system_has_none(tmp_path, monkeypatch):
    path = tmp_path / "a.index"
    build_index(FakeStore(make_corpus()), path)
    expected = [
        hit.snippet_html for hit in SearchIndex.open(path).search("-nothing").hits
    ]
    assert any("Gazprom" in snippet for snippet in expected)
    monkeypatch.delattr(os, "pread")
    found = [hit.snippet_html for hit in SearchIndex.open(path).search("-nothing").hits]
    assert found == expected
