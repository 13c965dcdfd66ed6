"""``cablebrowser parse``: one cable file to a structured record."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import SourceError
from ..parse import parse_record
from ..record import Cable, SourceRecord
from ..sources import read
from .options import cable_errors


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@cable_errors
def parse_command(file: Path, as_json: bool) -> None:
    """Parse one cable (raw text, a cable page, or a page like the seed).

    Example:

        cablebrowser parse sample/seed/05ALMATY3603.txt --json
    """
    cable = parse_record(_first_record(file))
    if as_json:
        click.echo(json.dumps(cable.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_summary(cable))


def _first_record(file: Path) -> SourceRecord:
    for item in read(file):
        if isinstance(item, SourceRecord) and item.body is not None:
            return item
        if not isinstance(item, SourceRecord):
            raise SourceError(item.reason, source=item.source)
    raise SourceError("no cable text found", source=str(file))


def _summary(cable: Cable) -> str:
    fields = [
        ("Identifier", cable.reference_id),
        ("Canonical ID", cable.canonical_id),
        ("Subject", cable.subject or ""),
        ("Origin", cable.origin or cable.station or ""),
        ("Created", cable.created.isoformat() if cable.created else ""),
        ("Classification", cable.classification or ""),
        ("Tags", " ".join(cable.tags)),
        (
            "References",
            " ".join(ref.value for ref in cable.references if ref.kind == "cable"),
        ),
        ("Classified by", "; ".join(cable.classified_by)),
        ("Signers", " ".join(cable.signers)),
        ("Paragraphs", str(len(cable.paragraphs))),
        ("Partial", "yes" if cable.is_partial else "no"),
        ("Redactions", str(len(cable.redactions))),
    ]
    return "\n".join(f"{name + ':':<16}{value}" for name, value in fields)


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(parse_command)
