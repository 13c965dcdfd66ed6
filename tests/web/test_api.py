"""The JSON API: every response validates against /api/openapi.json, one error shape, CORS."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest

from tests.web.conftest import CITING_ID, HOSTILE_ID, KNOWN_ONLY_ID

pytestmark = pytest.mark.slow  # starts a server in a subprocess

# (path, schema name in the OpenAPI components)
ENDPOINTS = [
    ("/api/v1/cables", "CableList"),
    ("/api/v1/cables?tag=PGOV&sort=-id&per_page=1", "CableList"),
    (f"/api/v1/cables/{HOSTILE_ID}", "CableOrKnown"),
    (f"/api/v1/cables/{HOSTILE_ID.lower()}", "CableOrKnown"),
    (f"/api/v1/cables/{KNOWN_ONLY_ID}", "CableOrKnown"),
    (f"/api/v1/cables/{HOSTILE_ID}/versions", "Versions"),
    (f"/api/v1/cables/{HOSTILE_ID}/diff", "Diff"),
    (f"/api/v1/cables/{HOSTILE_ID}/diff?from=first&to=second", "Diff"),
    (f"/api/v1/cables/{HOSTILE_ID}/diff?from=nope", "Error"),
    ("/api/v1/search?q=minister", "SearchResult"),
    ("/api/v1/facets/tag", "Facet"),
    ("/api/v1/facets/month?date=2009", "Facet"),
    ("/api/v1/releases", "Releases"),
    ("/api/v1/releases/second", "Release"),
    ("/api/v1/releases/second?change=modified", "Release"),
    ("/api/v1/releases/second?change=removed&page=2&per_page=1", "Release"),
    ("/api/v1/releases/second?change=deleted", "Error"),
    ("/api/v1/releases/nope", "Error"),
    ("/api/v1/origins", "Facet"),
    ("/api/v1/tags", "Tags"),
    ("/api/v1/nope", "Error"),
    ("/api/v1/cables/09NOSUCH1", "Error"),
    ("/api/v1/search?q=tag:", "Error"),
]


@pytest.fixture(scope="module")
def spec(crafted: httpx.Client) -> dict[str, Any]:
    response = crafted.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def validate(spec: dict[str, Any], schema: str, data: Any) -> None:
    """Validate data against one schema of the OpenAPI document (its $refs resolve in it)."""
    root = {
        **spec,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{schema}",
    }
    jsonschema.Draft202012Validator(root).validate(data)


@pytest.mark.parametrize(
    ("path", "schema"), ENDPOINTS, ids=[path for path, _ in ENDPOINTS]
)
def test_response_matches_schema(
    crafted: httpx.Client, spec: dict[str, Any], path: str, schema: str
) -> None:
    response = crafted.get(path)
    assert response.headers["content-type"].startswith("application/json")
    assert (response.status_code == 200) == (schema != "Error")
    validate(spec, schema, response.json())


def test_every_documented_path_is_tested(spec: dict[str, Any]) -> None:
    tested = {path.split("?")[0] for path, _ in ENDPOINTS}
    for documented in spec["paths"]:
        prefix = documented.split("{")[0]
        assert any(path.startswith(prefix) for path in tested), documented


def test_schema_rejects_wrong_data(spec: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate(spec, "Error", {"error": {"status": "404"}})


def test_cable_list_filters(crafted: httpx.Client) -> None:
    data = crafted.get("/api/v1/cables", params={"release": "first"}).json()
    assert [item["reference_id"] for item in data["items"]] == [HOSTILE_ID]
    data = crafted.get("/api/v1/cables", params={"sort": "-id"}).json()
    assert [item["reference_id"] for item in data["items"]] == [CITING_ID, HOSTILE_ID]


def test_releases_in_order_with_counts(crafted: httpx.Client) -> None:
    releases = crafted.get("/api/v1/releases").json()["releases"]
    assert [release["name"] for release in releases] == ["first", "second"]
    assert releases[1]["counts"].get("modified") == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"change": "new"}, (1, 1, 50, [CITING_ID])),
        ({"change": "modified", "per_page": "1"}, (1, 1, 1, [HOSTILE_ID])),
        ({"change": "modified", "page": "2", "per_page": "1"}, (1, 2, 1, [])),
        ({"change": "unredacted"}, (0, 1, 50, [])),
    ],
    ids=["new", "modified", "past-the-end", "none"],
)
def test_release_lists_one_change_kind(
    crafted: httpx.Client, params: dict[str, str], expected: tuple[object, ...]
) -> None:
    data = crafted.get("/api/v1/releases/second", params=params).json()
    assert data["change"] == params["change"] and data["summary"]
    items = [item["reference_id"] for item in data["items"]]
    assert (data["total"], data["page"], data["per_page"], items) == expected


def test_release_without_change_has_no_list(crafted: httpx.Client) -> None:
    data = crafted.get("/api/v1/releases/second").json()
    assert "items" not in data and data["counts"] == {"modified": 1, "new": 1}


def test_versions_carry_redaction_counts(crafted: httpx.Client) -> None:
    data = crafted.get(f"/api/v1/cables/{HOSTILE_ID}/versions").json()
    assert [(v["release"], v["redactions"]) for v in data["versions"]] == [
        ("first", 1),
        ("second", 1),
    ]


def test_tags_carry_kind_and_meaning(crafted: httpx.Client) -> None:
    from cablebrowser.parse.tags import tag_kind, tag_meaning

    tags = {item["code"]: item for item in crafted.get("/api/v1/tags").json()["tags"]}
    assert tags["PGOV"] == {
        "code": "PGOV",
        "kind": tag_kind("PGOV"),
        "meaning": tag_meaning("PGOV"),
        "count": 2,
    }


def test_api_docs_page_lists_every_path(
    crafted: httpx.Client, spec: dict[str, Any]
) -> None:
    page = crafted.get("/api").text
    for path in spec["paths"]:
        assert f"GET {path}" in page


def test_search_json_and_csv_answer_the_same_query(crafted: httpx.Client) -> None:
    data = crafted.get("/search.json", params={"q": "minister"}).json()
    rows = crafted.get("/search.csv", params={"q": "minister"}).text.splitlines()
    assert rows[0] == "reference_id,created,origin,classification,subject,tags,url"
    assert [row.split(",")[0] for row in rows[1:]] == [
        hit["reference_id"] for hit in data["hits"]
    ]
    assert data["hits"] and data["hits"][0]["reference_id"] == HOSTILE_ID


def test_search_json_needs_a_query(crafted: httpx.Client) -> None:
    response = crafted.get("/search.json")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"status": 400, "message": "parameter 'q' is required"}
    }
