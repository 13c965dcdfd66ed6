"""Searching the test archive: operators, filters, ID lookup, facets, snippets, pages."""

from __future__ import annotations

from collections import Counter

import pytest

from cablebrowser.errors import QueryError, StoreError
from cablebrowser.search import SearchIndex, searcher
from cablebrowser.search.document import cable_document

ALL = {
    "05ALMATY3603",
    "06TEHRAN12",
    "06TEHRAN77",
    "08LONDON2627",
    "09STATE4134",
    "07MOSCOW1",
    "10ASTANA272",
}

MATCHES = [
    ("nazarbayev", {"05ALMATY3603", "07MOSCOW1", "10ASTANA272"}),
    ("Nazarbayev's", {"05ALMATY3603"}),
    ("pipelines", {"07MOSCOW1", "10ASTANA272"}),
    ("pipeline", {"07MOSCOW1", "10ASTANA272"}),
    ("nazarbayev pipelines", {"07MOSCOW1", "10ASTANA272"}),
    ("nazarbayev AND pipelines", {"07MOSCOW1", "10ASTANA272"}),
    ("gazprom OR vienna", {"07MOSCOW1", "06TEHRAN77"}),
    ("nazarbayev NOT pipelines", {"05ALMATY3603"}),
    ("nazarbayev -pipelines", {"05ALMATY3603"}),
    ("-iran", ALL - {"06TEHRAN12", "08LONDON2627", "09STATE4134"}),
    ("(gazprom OR vienna) talks", {"06TEHRAN77"}),
    ('"free and fair"', {"05ALMATY3603", "06TEHRAN77", "09STATE4134"}),
    ('"fair and free"', set()),
    ("nazarb*", {"05ALMATY3603", "07MOSCOW1", "10ASTANA272"}),
    ("gazp*", {"07MOSCOW1"}),
    ("tag:PGOV", {"05ALMATY3603", "06TEHRAN12", "10ASTANA272"}),
    ("tag:pgov", {"05ALMATY3603", "06TEHRAN12", "10ASTANA272"}),
    ("tag:PGOV tag:KZ", {"05ALMATY3603", "10ASTANA272"}),
    (
        "tag:PGOV OR tag:ECON",
        {"05ALMATY3603", "06TEHRAN12", "10ASTANA272", "07MOSCOW1"},
    ),
    ("tag:PGOV -tag:KZ", {"06TEHRAN12"}),
    ("origin:almaty", {"05ALMATY3603"}),
    ("origin:TEHRAN", {"06TEHRAN12", "06TEHRAN77"}),
    ('origin:"embassy london"', {"08LONDON2627"}),
    ("class:secret", {"06TEHRAN12", "06TEHRAN77"}),
    ('class:"secret"', {"06TEHRAN77"}),
    ('class:"secret//noforn"', {"06TEHRAN12"}),
    ("class:SECRET//NOFORN", {"06TEHRAN12"}),
    ("class:noforn", {"06TEHRAN12", "08LONDON2627"}),
    ("class:unclassified", {"09STATE4134", "07MOSCOW1"}),
    ('subject:"minister on trade"', {"08LONDON2627"}),
    ("subject:kazakhstan", {"05ALMATY3603", "10ASTANA272"}),
    ("from:2006-06 to:2008", {"06TEHRAN77", "07MOSCOW1", "08LONDON2627"}),
    ("from:2007-12-31 to:2007-12-31", {"07MOSCOW1"}),
    ("to:2005", {"05ALMATY3603"}),
    ("release:cablegate-2010-12-22", {"06TEHRAN12"}),
    ("release:cablegate-2011-08-30", ALL - {"05ALMATY3603"}),
    ("ref:05ALMATY3603", {"06TEHRAN12"}),
    ('ref:"05 ALMATY 3603"', {"06TEHRAN12"}),
    ("ref:05ALMATY003603", {"06TEHRAN12"}),
    ("ref:06TEHRAN12", {"09STATE4134"}),
    ("signer:ordway", {"05ALMATY3603"}),
    ("signer:Tuttle", {"08LONDON2627"}),
    ("caption:noforn", {"06TEHRAN12", "08LONDON2627"}),
    ("caption:sipdis -caption:noforn", {"05ALMATY3603"}),
    ("iran tag:PREL from:2008", {"08LONDON2627", "09STATE4134"}),
    ("xxxxxxxxxxxx", set()),
    ("XXXXXXXXXXXX", set()),
]


@pytest.mark.parametrize(
    ("query", "expected"), MATCHES, ids=[query for query, _ in MATCHES]
)
def test_query_matches(index, query, expected):
    result = index.search(query, per_page=100)
    assert {hit.reference_id for hit in result.hits} == expected
    assert result.total == len(expected)


def test_country_filter_uses_the_station_country(index, corpus):
    countries = {cable_document(stored).get("country") for stored in corpus} - {None}
    assert countries, "the station table gives countries"
    for country in countries:
        expected = {
            stored.cable.reference_id
            for stored in corpus
            if cable_document(stored).get("country") == country
        }
        assert {
            hit.reference_id
            for hit in index.search(f'country:"{country}"', per_page=100).hits
        } == expected


ID_FORMS = [
    ("05ALMATY3603", "05ALMATY3603"),
    ("05almaty3603", "05ALMATY3603"),
    ("05 ALMATY 3603", "05ALMATY3603"),
    ("ALMATY 3603 from:2005", "05ALMATY3603"),
    ("05ALMATY003603", "05ALMATY3603"),
    ("05ALMATY3603_a", "05ALMATY3603"),
    ("10AQNA272", "10ASTANA272"),
    ("07SECTION01OF02MOSCOW1", "07MOSCOW1"),
    ("id:06TEHRAN12", "06TEHRAN12"),
]


@pytest.mark.parametrize(
    ("query", "reference_id"), ID_FORMS, ids=[query for query, _ in ID_FORMS]
)
def test_id_lookup_redirects(index, query, reference_id):
    result = index.search(query)
    assert result.redirect_id == reference_id or (
        query.startswith("id:") and result.hits[0].reference_id == reference_id
    )
    assert [hit.reference_id for hit in result.hits] == [reference_id]


@pytest.mark.parametrize(
    "query", ["06ALMATY3603", "ALMATY 3603 from:2006", "iran", "05ALMATY3603 pipelines"]
)
def test_no_redirect_for_other_queries(index, query):
    assert index.search(query).redirect_id is None


FACET_QUERIES = [
    "nazarbayev",
    "tag:PGOV OR tag:PREL",
    "-iran",
    "from:2006",
    "class:confidential",
]


@pytest.mark.parametrize("query", FACET_QUERIES)
def test_facet_counts_equal_direct_counts(index, corpus, query):
    result = index.search(query, per_page=100)
    matched = [
        cable_document(s)
        for s in corpus
        if s.cable.reference_id in {h.reference_id for h in result.hits}
    ]
    direct = {
        "origin": Counter(doc["station"] for doc in matched),
        "country": Counter(doc["country"] for doc in matched if "country" in doc),
        "tag": Counter(tag for doc in matched for tag in doc["tags"]),
        "classification": Counter(doc["classification"] for doc in matched),
        "year": Counter(str(doc["year"]) for doc in matched),
        "release": Counter(name for doc in matched for name in doc["releases"]),
    }
    assert {name: dict(counts) for name, counts in result.facets.items()} == {
        name: dict(c) for name, c in direct.items()
    }
    assert result.histogram == sorted(
        Counter(f"{doc['created']:%Y-%m}" for doc in matched).items()
    )


def test_facets_are_ordered_by_count(index):
    tags = index.search("-gazprom").facets["tag"]
    assert [count for _, count in tags] == sorted(
        (count for _, count in tags), reverse=True
    )


def test_snippet_escapes_cable_text_and_marks_terms(index):
    [hit] = index.search("gazprom").hits
    assert "<mark>Gazprom</mark>" in hit.snippet_html
    assert (
        "&lt;" in hit.snippet_html
        and "&amp;" in hit.snippet_html
        and "a&lt;b" in hit.snippet_html
    )
    assert hit.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippet_without_body_match_is_escaped_too(index):
    [hit] = index.search("tag:MNUC").hits
    assert "&lt;nuclear&gt; program &amp; the talks" in hit.snippet_html
    assert "<mark>" not in hit.snippet_html


def test_redaction_markers_show_in_snippets_but_are_not_words(index):
    [hit] = index.search("minister trade").hits
    assert "said xxxxxxxxxxxx met" in hit.snippet_html
    [tehran] = index.search("tag:MNUC").hits
    assert "Contact XXXXXXXXXXXX said" in tehran.snippet_html


def test_hit_carries_display_fields(index):
    [hit] = index.search("gazprom").hits
    assert (hit.reference_id, hit.origin, hit.classification) == (
        "07MOSCOW1",
        "Embassy Moscow",
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    )
    assert hit.tags == ("ECON", "ENRG", "RS") and hit.subject == "RUSSIA: GAS"
    assert hit.created is not None and hit.created.year == 2007 and hit.score > 0


@pytest.mark.parametrize(("sort", "reverse"), [("date", False), ("-date", True)])
def test_sort_by_date(index, sort, reverse):
    hits = index.search("-gazprom", sort=sort, per_page=100).hits
    dates = [hit.created for hit in hits]
    assert dates == sorted(dates, reverse=reverse) and len(dates) == 6


def test_relevance_puts_subject_matches_first(index):
    hits = index.search("kazakhstan").hits
    assert {hit.reference_id for hit in hits[:2]} == {"05ALMATY3603", "10ASTANA272"}


def test_pages_are_disjoint_and_cover_the_result(index):
    pages = [
        index.search("-gazprom", page=page, per_page=2, sort="date")
        for page in (1, 2, 3, 4)
    ]
    seen = [hit.reference_id for page in pages for hit in page.hits]
    assert len(seen) == len(set(seen)) == 6 and all(page.total == 6 for page in pages)
    assert pages[3].hits == ()


def test_facets_can_be_skipped(index):
    result = index.search("iran", facets=False)
    assert result.facets == {} and result.histogram == [] and result.total == 3


def test_similar_finds_related_cables(index):
    similar = index.similar("06TEHRAN77", limit=3)
    assert similar and "06TEHRAN77" not in {hit.reference_id for hit in similar}
    assert index.similar("99NOWHERE1") == []


def test_similar_without_leads_keeps_the_same_hits(index):
    with_leads = index.similar("06TEHRAN77", limit=3)
    without = index.similar("06TEHRAN77", limit=3, leads=False)
    assert [hit.reference_id for hit in without] == [
        hit.reference_id for hit in with_leads
    ]
    assert all(hit.snippet_html == "" for hit in without)
    assert all(hit.snippet_html for hit in with_leads)


def test_count(index, corpus):
    assert index.count() == len(corpus)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"sort": "oldest"}, "unknown sort 'oldest'"),
        ({"page": 0}, "page must be"),
        ({"per_page": 1000}, "per_page"),
    ],
)
def test_bad_paging_is_a_query_error(index, arguments, message):
    with pytest.raises(QueryError, match=message):
        index.search("iran", **arguments)


def test_punctuation_only_query_is_a_query_error(index):
    with pytest.raises(QueryError, match="nothing to search for"):
        index.search("& ; ,")


def test_opening_a_missing_index_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="run `cablebrowser index`"):
        SearchIndex.open(tmp_path / "none.index")


def test_facet_sizes_cut_or_extend_a_facet(index, monkeypatch):
    full = index.search("-gazprom", facet_sizes={"tag": 10_000}).facets["tag"]
    assert len(full) > 2
    assert index.search("-gazprom", facet_sizes={"tag": 2}).facets["tag"] == full[:2]
    # With a default smaller than the facet, asking for more gives every value.
    monkeypatch.setitem(searcher.FACET_SIZES, "tag", 2)
    monkeypatch.setitem(searcher._AGGREGATION_SIZES, "tag", 2)
    assert index.search("-gazprom").facets["tag"] == full[:2]
    assert index.search("-gazprom", facet_sizes={"tag": 50}).facets["tag"] == full
