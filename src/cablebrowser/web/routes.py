"""The whole URL map of the site, readable as a sitemap."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from . import api, browse, history, meta, searchpage, views
from .pagecache import kept_page


def routes() -> list[BaseRoute]:
    """Return every route of the site, pages first, then the API and machine files."""
    return _page_routes() + _api_routes() + _machine_routes()


def _page_routes() -> list[BaseRoute]:
    return [
        # Cable pages come first: they are most of the traffic, and no other
        # route matches an address under /cable/.
        # cables: /cable/YYYY/MM/ID.{html,json,txt} is canonical; the rest redirects to it
        Route(
            "/cable/{year}/{month}/{name}/diff", history.diff_page, name="cable_diff"
        ),
        Route("/cable/{name}/diff", history.diff_page, name="cable_diff_undated"),
        Route(
            "/cable/{year}/{month}/{name}/similar.html",
            kept_page(views.similar_page),
            name="cable_similar",
        ),
        Route(
            "/cable/{name}/similar.html",
            kept_page(views.similar_page),
            name="cable_similar_undated",
        ),
        Route(
            "/cable/{rest:path}",
            kept_page(views.cable_route, inline=True),
            name="cable",
        ),
        # browse
        Route("/", browse.home, name="home"),
        Route("/origins", browse.origins, name="origins"),
        Route("/origin/{name:path}", browse.origin, name="origin"),
        Route("/tags", browse.tags, name="tags"),
        Route("/tag/{name:path}", browse.tag, name="tag"),
        Route("/classifications", browse.classifications, name="classifications"),
        Route(
            "/classification/{name:path}", browse.classification, name="classification"
        ),
        Route("/dates", browse.dates, name="dates"),
        Route("/dates/{rest:path}", browse.dates, name="dates_of"),
        Route("/releases", browse.releases, name="releases"),
        Route("/releases.atom", history.releases_feed, name="releases_feed"),
        Route("/release/{name:path}", browse.release, name="release"),
        # search
        Route("/search", kept_page(searchpage.search), name="search"),
        Route(
            "/search/facet/{name}",
            kept_page(searchpage.facet_page),
            name="search_facet",
        ),
        Route("/search.json", kept_page(searchpage.search_json), name="search_json"),
        Route("/search.csv", kept_page(searchpage.search_csv), name="search_csv"),
        Route("/plusd/cables/{name}", views.plusd_redirect, name="plusd"),
        Route("/cables/{name}", views.cables_redirect, name="cables"),
        Route("/cable.php", views.cable_php_redirect, name="cable_php"),
    ]


def _api_routes() -> list[BaseRoute]:
    return [
        Route("/api", api.docs, name="api_docs"),
        Route("/api/openapi.json", api.openapi_json, name="openapi"),
        Route("/api/v1/cables", api.cables, name="api_cables"),
        Route("/api/v1/cables/{id}", api.cable, name="api_cable"),
        Route("/api/v1/cables/{id}/versions", api.versions, name="api_versions"),
        Route("/api/v1/cables/{id}/diff", api.diff, name="api_diff"),
        Route("/api/v1/releases/{name}", api.release, name="api_release"),
        Route("/api/v1/search", api.search, name="api_search"),
        Route("/api/v1/facets/{field}", api.facets, name="api_facets"),
        Route("/api/v1/releases", api.releases, name="api_releases"),
        Route("/api/v1/origins", api.origins, name="api_origins"),
        Route("/api/v1/tags", api.tags, name="api_tags"),
    ]


def _machine_routes() -> list[BaseRoute]:
    return [
        Route("/robots.txt", meta.robots, name="robots"),
        Route("/sitemap.xml", meta.sitemap_index, name="sitemap"),
        Route("/sitemap-pages.xml", meta.sitemap_pages, name="sitemap_pages"),
        Route(
            "/sitemap-cables-{number}.xml", meta.sitemap_cables, name="sitemap_cables"
        ),
        Mount(
            "/static",
            app=StaticFiles(packages=[("cablebrowser.web", "static")]),
            name="static",
        ),
    ]
