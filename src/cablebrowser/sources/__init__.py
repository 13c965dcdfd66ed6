"""Readers: turn input files into ``SourceRecord``s, lazily and in constant memory.

``read(path)`` takes one file, a directory tree or an archive and yields, one
at a time, a ``SourceRecord`` for each cable found or a ``Skipped`` for each
input it could not use; reading always goes on after a problem. Only a
top-level path that does not exist raises ``SourceError``.

Forms (``FORMATS``): page (cable page HTML), csv (cables.csv), json (JSON
lines), fragment (body fragment ``<ID>.txt``), text (plain-text cable), pdf,
seed (the seed's plain-text page form), idlist (``ID,month`` lines). The form
of each file is detected from its name and first bytes; ``format=`` forces one.

Files inside a container (directory tree or archive) that are clearly not a
cable form (browse pages, READMEs, licences, word lists) are passed over
quietly; a file given directly that is not a cable form yields a Skipped.

Provenance: ``source`` is the file's absolute path, plus ``!member/path`` for
an archive member. ``release`` is the container's name without extensions
(``cablegate-release-2010-11-30_anarchivist``) for files in an archive or a
directory tree, and the parent directory's name for a single loose file; a
seed-form page names its own release in its last line, which wins.
``build`` is a page's "N / 251,287" marker; ``released`` a page's Released
field or the seed's release date; forms without them leave them None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from ..errors import SourceError
from ..record import Skipped, SourceRecord
from .container import ARCHIVE_ERRORS, Member, iter_members, peek_head
from .csvdump import read_csv
from .detect import FORMATS, detect_format, looks_like_id
from .html import read_fragment, read_page
from .idlist import read_idlist
from .jsonl import read_jsonl
from .pdf import read_pdf
from .text import read_seed, read_text

__all__ = ["FORMATS", "detect_format", "read"]

Reader = Callable[[Member], Iterator[SourceRecord | Skipped]]

_READERS: dict[str, Reader] = {
    "page": read_page,
    "csv": read_csv,
    "json": read_jsonl,
    "fragment": read_fragment,
    "text": read_text,
    "pdf": read_pdf,
    "seed": read_seed,
    "idlist": read_idlist,
}


def read(
    path: str | Path, *, format: str | None = None
) -> Iterator[SourceRecord | Skipped]:
    """Yield the cables of a file, directory tree or archive, one at a time.

    Raises ``SourceError`` only for a path that does not exist or an unknown
    ``format``; every other problem is yielded as a ``Skipped``.
    """
    path = Path(path)
    if format is not None and format not in _READERS:
        raise SourceError(
            f"unknown format {format!r}; expected one of {', '.join(FORMATS)}",
            source=str(path),
        )
    if not path.exists():
        raise SourceError("no such file or directory", source=str(path))
    return _read_all(path, format)


def _read_all(path: Path, format: str | None) -> Iterator[SourceRecord | Skipped]:
    for member in iter_members(path):
        if isinstance(member, Skipped):
            yield member
        else:
            yield from _read_member(member, format)


def _read_member(
    member: Member, format: str | None
) -> Iterator[SourceRecord | Skipped]:
    try:
        head, stream = peek_head(member.stream)
        form = format or detect_format(member.name, head)
        if form is None:
            if member.loose or _empty_cable_file(member.name, head):
                yield Skipped(member.source, _not_a_cable_reason(head))
            return
        yield from _READERS[form](_with_stream(member, stream))
    except ARCHIVE_ERRORS as error:
        yield Skipped(
            member.source, f"cannot read file: {type(error).__name__}: {error}"
        )


def _empty_cable_file(name: str, head: bytes) -> bool:
    # An empty file named like a cable is a lost cable, worth reporting even inside a container.
    return not head.strip() and looks_like_id(PurePosixPath(name).name.split(".")[0])


def _not_a_cable_reason(head: bytes) -> str:
    if not head.strip():
        return "empty file"
    return "not a cable form (no page, CSV, JSON, fragment, text, PDF, seed or ID-list content recognised)"


def _with_stream(member: Member, stream: IO[bytes]) -> Member:
    return Member(member.name, member.source, member.release, stream, member.loose)
