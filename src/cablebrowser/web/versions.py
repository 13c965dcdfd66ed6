"""A cable's releases as a timeline with reading and diff links, and the history of its redactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from ..store.base import REMOVED, Version
from ..store.changes import FORM_PRIORITY
from .render import cable_path


@dataclass(frozen=True)
class Step:
    """One release of a cable's timeline: its version (or its removal) and where to read it."""

    release: str
    released: datetime | None
    change: str
    forms: tuple[str, ...]
    url: str | None  # None for a removal
    diff_url: str | None  # the diff with the previous version, if any


def timeline(versions: list[Version], path: str, diff_path: str) -> list[Step]:
    """Return a cable's releases oldest first: one step per release, with reading and diff links."""
    steps: list[Step] = []
    previous: str | None = None
    for version in versions:
        if steps and steps[-1].release == version.release:
            last = steps[-1]
            steps[-1] = Step(
                last.release,
                last.released,
                last.change,
                (*last.forms, str(version.form)),
                last.url,
                last.diff_url,
            )
            continue
        removed = version.change == REMOVED
        url = None if removed else f"{path}?{urlencode({'version': version.release})}"
        diff_url = (
            diff_link(diff_path, previous, version.release)
            if previous and not removed
            else None
        )
        steps.append(
            Step(
                version.release,
                version.released,
                version.change,
                (str(version.form),),
                url,
                diff_url,
            )
        )
        previous = previous if removed else version.release
    return steps


def diff_link(
    diff_path: str, old: str | None, new: str | None, view: str | None = None
) -> str:
    """Return the permanent address of a diff between two releases of a cable."""
    params = {
        name: value
        for name, value in (("from", old), ("to", new), ("view", view))
        if value
    }
    return f"{diff_path}?{urlencode(params)}" if params else diff_path


def readable(versions: list[Version]) -> list[Version]:
    """Return one version per release that holds the cable (removals left out), oldest first."""
    seen: dict[str, Version] = {}
    for version in versions:
        if version.change != REMOVED:
            seen.setdefault(version.release, version)
    return list(seen.values())


def redaction_counts(
    versions: list[Version] | tuple[Version, ...],
) -> list[tuple[str, int]]:
    """Return (release, markers) for every release that holds the cable, oldest first.

    A release holding several forms counts the markers of its best form, the one
    its page shows.
    """
    best: dict[str, Version] = {}
    for version in versions:
        if version.change == REMOVED:
            continue
        held = best.get(version.release)
        if held is None or _priority(version) > _priority(held):
            best[version.release] = version
    return [(release, version.redactions) for release, version in best.items()]


def _priority(version: Version) -> int:
    return FORM_PRIORITY.get(str(version.form), 0)


def redaction_history(counts: list[tuple[str, int]]) -> str:
    """Return the sentence saying which releases were redacted and how many passages each hid."""
    if len(counts) < 2 or not any(number for _, number in counts):
        return ""
    redacted = [
        f"{name} ({number} passage{'' if number == 1 else 's'})"
        for name, number in counts
        if number
    ]
    clean = [name for name, number in counts if not number]
    sentence = "Redacted in " + ", ".join(redacted)
    return sentence + (f"; not redacted in {', '.join(clean)}." if clean else ".")


def cable_diff_path(reference_id: str, year: int | None, month: int | None) -> str:
    """Return the diff address of a cable (beside its canonical page)."""
    return cable_path(reference_id, year, month).removesuffix(".html") + "/diff"
