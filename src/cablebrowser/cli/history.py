"""``cablebrowser diff``: what changed in one cable between two releases, and what redactions hid."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..diff import Alignment, Diff, diff_texts, unified_lines
from ..errors import StoreError
from ..store import open_store
from ..store.base import NEW, REMOVED, UNCHANGED, Store, Version
from .options import cable_errors, db_option

_KIND_WORDS = {
    "replace": "changed",
    "insert": "added",
    "delete": "removed",
    "redacted": "redacted",
    "unredacted": "revealed",
}


@click.command("diff")
@click.argument("cable_id")
@click.option(
    "--from",
    "from_release",
    help="The older release (default: the version before --to).",
)
@click.option(
    "--to",
    "to_release",
    help="The newer release (default: the last release that changed the cable).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the diff as JSON: segments and aligned redactions.",
)
@db_option
@cable_errors
def diff_command(
    cable_id: str,
    from_release: str | None,
    to_release: str | None,
    as_json: bool,
    db: str,
) -> None:
    """Show what changed in a cable between two releases, word by word.

    Redactions (text hidden behind a run of X) and revelations (a marker replaced
    by text) are labelled apart from other edits, and every marker is listed with
    what the other version says in its place.

    Example:

        cablebrowser diff 08ASTANA760 --from cablegate-release-2010-11-30_anarchivist
    """
    if "://" not in db and not Path(db).is_file():
        raise StoreError(f"no archive at {db}; run 'cablebrowser ingest' first")
    store = open_store(db)
    try:
        reference_id, old, new = _pair(store, cable_id, from_release, to_release)
        old_text, new_text = (
            _text(store, reference_id, old),
            _text(store, reference_id, new),
        )
    finally:
        store.close()
    diff = diff_texts(old_text, new_text)
    hidden = (list(diff.old_markers), list(diff.new_markers))
    click.echo(
        _as_json(reference_id, old, new, diff, hidden)
        if as_json
        else _as_text(old, new, diff, hidden)
    )


def _pair(
    store: Store, cable_id: str, old: str | None, new: str | None
) -> tuple[str, Version, Version]:
    reference_id = store.resolve(cable_id)
    if reference_id is None:
        raise StoreError(f"no cable with text has the ID {cable_id!r}")
    versions: dict[str, Version] = {}
    for version in store.versions(reference_id):
        if version.change != REMOVED:
            versions.setdefault(version.release, version)
    for name in (old, new):
        if name is not None and name not in versions:
            raise StoreError(
                f"{reference_id} has no version in release {name!r}; it has: {', '.join(versions)}"
            )
    present = list(versions.values())
    if not present:
        raise StoreError(f"{reference_id} has no stored version")
    changed = [v for v in present if v.change not in (NEW, UNCHANGED)]
    last = versions[new] if new else (changed or present)[-1]
    before = present[: present.index(last)] or present[:1]
    return reference_id, versions[old] if old else before[-1], last


def _text(store: Store, reference_id: str, version: Version) -> str:
    stored = store.cable(reference_id, release=version.release)
    if stored is None:
        raise StoreError(
            f"the version of release {version.release!r} has no text",
            reference_id=reference_id,
        )
    return stored.cable.body


def _as_text(
    old: Version,
    new: Version,
    diff: Diff,
    hidden: tuple[list[Alignment], list[Alignment]],
) -> str:
    head = [
        f"--- {old.release} ({old.form}, {old.change})",
        f"+++ {new.release} ({new.form}, {new.change})",
    ]
    if not diff.is_changed:
        return "\n".join([*head, "no differences (whitespace and line breaks aside)"])
    counts = ", ".join(
        f"{number} {_KIND_WORDS[kind]}" for kind, number in diff.counts().items()
    )
    lines = [*head, f"@@ {counts} @@", *unified_lines(diff)]
    for release, other, found in (
        (old.release, new.release, hidden[0]),
        (new.release, old.release, hidden[1]),
    ):
        if found:
            lines += ["", f"Redactions in {release}, and what {other} says there:"]
            lines += [
                f"  {n}. {a.marker}: {_one_line(a.hidden) or '(redacted there too)'}"
                for n, a in enumerate(found, 1)
            ]
    return "\n".join(lines)


def _one_line(text: str | None, limit: int = 160) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _as_json(
    reference_id: str,
    old: Version,
    new: Version,
    diff: Diff,
    hidden: tuple[list[Alignment], list[Alignment]],
) -> str:
    def brief(version: Version) -> dict[str, Any]:
        released = version.released.isoformat() if version.released else None
        return {
            "release": version.release,
            "released": released,
            "change": version.change,
            "form": str(version.form),
        }

    def markers(found: list[Alignment]) -> list[dict[str, Any]]:
        return [
            {
                "marker": a.marker,
                "start": a.start,
                "end": a.end,
                "hidden": a.hidden,
                "exact": a.exact,
            }
            for a in found
        ]

    data = {
        "reference_id": reference_id,
        "from": brief(old),
        "to": brief(new),
        "changed": diff.is_changed,
        "counts": diff.counts(),
        "segments": [
            {"kind": s.kind, "old": s.old, "new": s.new} for s in diff.segments
        ],
        "redactions_from": markers(hidden[0]),
        "redactions_to": markers(hidden[1]),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(diff_command)
