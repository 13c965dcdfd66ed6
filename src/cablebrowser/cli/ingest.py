"""``cablebrowser ingest``, ``show`` and ``stats``: fill the archive and look into it."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from ..errors import StoreError
from ..ingest import IngestOptions, IngestReport, ingest, input_size
from ..record import PARTIAL_BANNER
from ..sources import FORMATS
from ..store import open_store
from ..store.base import Store, StoredCable, Version
from .options import cable_errors, db_option


class IngestProgress:
    """A progress bar on stderr: cables read, cables/s, and an ETA when the input size is known."""

    def __init__(self, total_bytes: int | None) -> None:
        columns: list[ProgressColumn] = [TextColumn("Ingesting")]
        if total_bytes:
            columns += [BarColumn(), TimeRemainingColumn()]
        columns.append(
            TextColumn(
                "{task.fields[count]:,} cables, {task.fields[rate]:,.0f} cables/s"
            )
        )
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("ingest", total=total_bytes, count=0, rate=0.0)
        self._started = time.monotonic()

    def __enter__(self) -> IngestProgress:
        if self._bar.console.is_terminal:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar.live.is_started:
            self._bar.stop()

    def update(self, count: int, size: int) -> None:
        """Show how many cables and text bytes were read so far."""
        rate = count / max(time.monotonic() - self._started, 1e-6)
        self._bar.update(self._task, completed=size, count=count, rate=rate)


def _parse_date(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace(" ", "T"))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date like 2010-11-28 or 2010-11-28 17:01"
        ) from None


@click.command("ingest")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@db_option
@click.option("--release", help="Put every input into this one named release.")
@click.option(
    "--released",
    callback=_parse_date,
    help="Release date (YYYY-MM-DD[ HH:MM]) of every release of this ingest.",
)
@click.option(
    "--format",
    "form",
    type=click.Choice(FORMATS),
    help="Read every input as this form.",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first input that cannot be used."
)
@click.option(
    "--snapshot",
    is_flag=True,
    help="The inputs are a whole site: cables missing are 'removed'.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report as JSON.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Parser processes (default: one per core).",
)
@click.option(
    "--no-index",
    is_flag=True,
    help="Leave the search index as it is (update it later with 'cablebrowser index').",
)
@cable_errors
def ingest_command(
    paths: tuple[Path, ...],
    db: str,
    form: str | None,
    report: Path | None,
    no_index: bool,
    **opts: Any,
) -> None:
    """Read cable files, folders or archives into the versioned archive.

    The search index beside the database is updated afterwards, when anything was stored.
    Exit status: 0 all ingested, 1 something skipped, 2 bad usage.

    Example:

        cablebrowser ingest ../shared/data/*.tar.xz --db cables.db
    """
    options = IngestOptions(format=form, **opts)
    store = open_store(db)
    indexed = None
    try:
        with IngestProgress(input_size(paths)) as progress:
            result = ingest(store, paths, options, progress.update)
        if result.added and not no_index:
            indexed = _update_index(store, db)
    finally:
        store.close()
    click.echo(_report_text(result, db), err=True)
    if indexed is not None:
        click.echo(f"Search index {indexed[1]}: {indexed[0]:,} cables.", err=True)
    if report is not None:
        report.write_text(
            json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    if result.skipped or result.stopped:
        raise SystemExit(1)


def _update_index(store: Store, db: str) -> tuple[int, Path]:
    """Bring the search index up to date with the archive; return its size and place."""
    # Imported here: the search layer (tantivy) is only needed once something was stored.
    from ..search import build_index, index_path

    path = index_path(db)
    bar = Progress(
        TextColumn("Indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("index", total=None)
    if bar.console.is_terminal:
        bar.start()
    try:
        count = build_index(
            store,
            path,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    finally:
        bar.stop()
    return count, path


def _report_text(report: IngestReport, db: str) -> str:
    rate = report.records / report.seconds if report.seconds else 0.0
    lines = [
        f"Ingested {report.records:,} cable records into {db} in {report.seconds:.1f} s ({rate:,.0f} cables/s)."
    ]
    if report.is_unchanged:
        lines.append(
            "Nothing new: every input was ingested already; the archive is unchanged."
        )
    for form in sorted(set(report.added) | set(report.present)):
        lines.append(
            f"  {form:<10} {report.added[form]:>8,} stored  {report.present[form]:>8,} already there"
        )
    if report.known_seen:
        lines.append(
            f"  ID list: {report.known_seen:,} IDs, {report.known_added:,} new"
        )
    if report.duplicates:
        lines.append(
            f"  {report.duplicates:,} records repeated a cable of the same release and form (first kept)"
        )
    for name, counts in report.releases.items():
        kinds = ", ".join(
            f"{kind} {number:,}"
            for kind, number in counts.items()
            if kind != "released"
        )
        lines.append(
            f"Release {name} ({counts['released'] or 'undated'}): {kinds or 'no cables with text'}"
        )
    if report.stopped:
        lines.append("Stopped at the first skipped input (--strict).")
    if report.skipped:
        lines.append(f"Skipped {len(report.skipped):,} inputs:")
        lines += [f"  {item.source}: {item.reason}" for item in report.skipped]
    return "\n".join(lines)


@click.command("show")
@click.argument("cable_id")
@db_option
@click.option(
    "--json", "as_json", is_flag=True, help="Print the cable and its versions as JSON."
)
@click.option("--release", help="Show the version of this release.")
@cable_errors
def show_command(cable_id: str, db: str, as_json: bool, release: str | None) -> None:
    """Show one cable by any form of its ID (WikiLeaks, canonical, PlusD _a).

    Example:

        cablebrowser show 66BUENOSAIRES2481 --json
    """
    store = _open_existing(db)
    try:
        click.echo(_show(store, cable_id, as_json, release))
    finally:
        store.close()


def _show(store: Store, cable_id: str, as_json: bool, release: str | None) -> str:
    reference_id = store.resolve(cable_id)
    if reference_id is None:
        raise StoreError(f"unknown cable ID {cable_id!r}")
    stored = store.cable(reference_id, release)
    if stored is not None:
        return (
            json.dumps(_cable_json(stored), indent=2, ensure_ascii=False)
            if as_json
            else _cable_text(stored)
        )
    if release is not None and store.cable(reference_id) is not None:
        raise StoreError(f"release {release!r} has no version of {reference_id}")
    known = store.known(reference_id)
    if as_json:
        data = {"reference_id": reference_id, "has_text": False}
        return json.dumps(
            data | ({"year": known.year, "month": known.month} if known else {}),
            indent=2,
        )
    when = f" ({known.year}-{known.month:02d})" if known else ""
    return (
        f"{reference_id}{when} is a known cable, but the archive holds no text of it."
    )


def _cable_text(stored: StoredCable) -> str:
    cable = stored.cable
    redacted = (
        f"This cable was redacted by Wikileaks ({len(cable.redactions)} markers)."
        if cable.redactions
        else "This cable was not redacted by Wikileaks."
    )
    lines = [cable.subject or "(no subject)", ""]
    lines += [
        f"Identifier: {cable.reference_id}",
        f"Origin: {cable.origin or cable.station or ''}",
        f"Created: {cable.created:%Y-%m-%d %H:%M:%S}" if cable.created else "Created:",
        f"Classification: {cable.classification or ''}",
        f"Tags: {' '.join(cable.tags)}",
        f"Redacted: {redacted}",
    ]
    if cable.is_partial:
        lines.append(PARTIAL_BANNER)
    lines += [
        "",
        *([cable.header, ""] if cable.header else []),
        cable.body.rstrip(),
        "",
    ]
    when = (
        f"{stored.latest_released:%Y-%m-%d}"
        if stored.latest_released
        else "on an unknown date"
    )
    lines.append(
        f"Latest source of this page is {stored.latest_release}, released {when}"
    )
    return "\n".join(lines)


def _cable_json(stored: StoredCable) -> dict[str, Any]:
    data = stored.cable.to_dict()
    data["first_published"] = (
        stored.first_published.isoformat() if stored.first_published else None
    )
    data["latest_release"] = stored.latest_release
    data["latest_released"] = (
        stored.latest_released.isoformat() if stored.latest_released else None
    )
    data["aliases"] = list(stored.aliases)
    data["versions"] = [_version_json(version) for version in stored.versions]
    return data


def _version_json(version: Version) -> dict[str, Any]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "release": version.release,
        "date": iso(version.released),
        "form": str(version.form),
        "change": version.change,
        "source": version.source,
        "created": iso(version.created),
        "page_released": iso(version.page_released),
        "classification": version.classification,
        "origin": version.origin,
        "build": version.build,
        "is_partial": version.is_partial,
        "redactions": version.redactions,
    }


@click.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@cable_errors
def stats_command(db: str, as_json: bool) -> None:
    """Count the archive's cables by release, form, classification, origin and decade.

    Example:

        cablebrowser stats --json
    """
    store = _open_existing(db)
    try:
        stats = store.stats()
    finally:
        store.close()
    click.echo(
        json.dumps(stats, indent=2, ensure_ascii=False)
        if as_json
        else _stats_text(stats)
    )


def _stats_text(stats: dict[str, Any]) -> str:
    lines = [
        f"Cables with text: {stats['with_text']:,}",
        f"Known cables (ID list): {stats['known']:,}, of which with text: {stats['known_with_text']:,}",
        f"Versions: {stats['versions']:,} ({stats['texts']:,} distinct texts)",
    ]
    for title in ("releases", "forms", "classification", "origin", "decade"):
        lines.append(f"\nBy {title}:")
        for key, value in stats[title].items():
            shown = (
                ", ".join(f"{k} {v}" for k, v in value.items() if v is not None)
                if isinstance(value, dict)
                else f"{value:,}"
            )
            lines.append(f"  {key}: {shown}")
    return "\n".join(lines)


def _open_existing(db: str) -> Store:
    if "://" not in db and not Path(db).is_file():
        raise StoreError(f"no archive at {db}; run 'cablebrowser ingest' first")
    return open_store(db)


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    for command in (ingest_command, show_command, stats_command):
        group.add_command(command)
