"""``cablebrowser index`` and ``cablebrowser search``: build the search index, query it."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from ..search import SearchIndex, SearchResult, build_index, index_path
from ..search.searcher import MAX_PER_PAGE, SORTS
from .options import cable_errors, db_option


@click.command("index")
@db_option
@click.option(
    "--rebuild", is_flag=True, help="Build the index afresh instead of updating it."
)
@cable_errors
def index_command(db: str, rebuild: bool) -> None:
    """Build or update the search index beside the database.

    Example:

        cablebrowser index --db cablebrowser.db --rebuild
    """
    from ..store import open_store  # the store layer is only needed by this command

    store = open_store(db)
    path = index_path(db)
    try:
        with _progress_bar() as bar:
            task = bar.add_task("indexing", total=None)
            count = build_index(
                store,
                path,
                progress=lambda done, total: bar.update(
                    task, completed=done, total=total
                ),
                rebuild=rebuild,
            )
    finally:
        store.close()
    click.echo(f"{count} cables in the search index {path}", err=True)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )


@click.command("search")
@click.argument("query")
@db_option
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(1, MAX_PER_PAGE),
    help="Results per page.",
)
@click.option(
    "--page",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Page of results.",
)
@click.option(
    "--sort",
    default="relevance",
    show_default=True,
    type=click.Choice(SORTS),
    help="Order of results.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the whole result (hits, facets, histogram) as JSON.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print the hits as CSV.")
@cable_errors
def search_command(
    query: str, db: str, limit: int, page: int, sort: str, as_json: bool, as_csv: bool
) -> None:
    """Search the archive; see docs/search.md for the query language.

    Examples:

        cablebrowser search 'nazarbayev "free and fair" tag:PGOV from:2005'

        cablebrowser search 'class:secret origin:almaty' --sort -date --csv
    """
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    index = SearchIndex.open(index_path(db))
    result = index.search(query, page=page, per_page=limit, sort=sort, facets=as_json)
    if as_json:
        click.echo(json.dumps(_jsonable(result), indent=2, ensure_ascii=False))
    elif as_csv:
        _write_csv(result)
    else:
        _write_text(result)


def _jsonable(result: SearchResult) -> dict[str, Any]:
    data = dataclasses.asdict(result)
    for hit in data["hits"]:
        hit["created"] = hit["created"].isoformat() if hit["created"] else None
    return data


_CSV_COLUMNS = (
    "reference_id",
    "created",
    "origin",
    "classification",
    "tags",
    "subject",
    "score",
)


def _write_csv(result: SearchResult) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for hit in result.hits:
        created = hit.created.isoformat() if hit.created else ""
        writer.writerow(
            (
                hit.reference_id,
                created,
                hit.origin or "",
                hit.classification or "",
                " ".join(hit.tags),
                hit.subject or "",
                f"{hit.score:.4f}",
            )
        )


def _write_text(result: SearchResult) -> None:
    pages = max(1, -(-result.total // result.per_page))
    click.echo(f"{result.total} cables match; page {result.page} of {pages}", err=True)
    if result.redirect_id:
        click.echo(f"the query names cable {result.redirect_id}", err=True)
    for hit in result.hits:
        created = hit.created.date().isoformat() if hit.created else "----------"
        click.echo(
            f"{hit.reference_id:<22} {created}  {hit.classification or '':<14.14} {hit.subject or ''}"
        )


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(index_command)
    group.add_command(search_command)
