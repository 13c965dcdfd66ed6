"""Turn one parsed version into the rows the archive stores, in whichever process parsed it.

Encoding (record JSON, content hashes, alias keys) costs more than inserting,
so ingest does it in the parser processes and sends the writer plain tuples
of strings and numbers (``EncodedVersion``), cheap to pickle and ready to insert.
Pure: no database here.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from ..record import Cable, SourceRecord
from . import changes
from .codec import cable_from_json, cable_json
from .rows import alias_keys, cable_row, ref_rows, version_row

# The two ``cables`` columns that depend on the release date, settled by the writer.
_PUBLISHED, _RELEASED = 3, 5


class EncodedVersion(NamedTuple):
    """One version of one cable as rows: what the writer inserts."""

    reference_id: str  # the cable's reference ID, as parsed
    form: str
    text: tuple[object, ...]  # ``texts`` row
    version: tuple[object, ...]  # ``versions`` row
    aliases: tuple[str, ...]  # lookup keys besides the upper-cased reference ID
    refs: tuple[tuple[str, str, str | None, int], ...]  # ``refs`` rows
    cable: tuple[object, ...]  # ``cables`` row, release date not yet filled in


def encode_version(
    release: str, record: SourceRecord, cable: Cable, digest: str | None = None
) -> EncodedVersion:
    """Return the rows of one version; ``digest`` overrides the computed text hash."""
    digest = digest or changes.text_hash(cable.header, cable.body)
    text = (
        digest,
        changes.normalized_hash(cable.body),
        len(cable.redactions),
        cable.header,
        cable.body,
    )
    row = cable_row(
        cable, record, release, None, digest, cable_json(cable, release=release)
    )
    return EncodedVersion(
        cable.reference_id,
        str(record.form),
        text,
        version_row(release, record, cable, digest),
        tuple(
            sorted(
                alias_keys(
                    cable.reference_id, (record.reference_id, cable.canonical_id)
                )
            )
        ),
        tuple(ref_rows(cable)),
        row,
    )


def dated_cable_row(
    version: EncodedVersion, released: str | None
) -> tuple[object, ...]:
    """Return the ``cables`` row of a version, with its release's date filled in."""
    row = list(version.cable)
    row[_RELEASED] = released
    # First published: the page's own Released field, else the release date.
    row[_PUBLISHED] = row[_PUBLISHED] or released
    return tuple(row)


def decoded_cable(version: EncodedVersion) -> Cable:
    """Return the parsed cable a version's rows were made from."""
    header, body = version.text[3], version.text[4]
    return cable_from_json(
        cast(str, version.cable[-1]),
        body=cast(str, body),
        header=cast(str | None, header),
    )


def without_text(record: SourceRecord, version: EncodedVersion) -> EncodedVersion:
    """Drop the header and body from a version's ``texts`` row when they are the record's.

    Ingest's writer holds the record already: sending its text back from a
    parser process would double what crosses between the processes.
    """
    header, body = version.text[3:]
    if header == record.header and body == record.body:
        return version._replace(text=version.text[:3])
    return version


def with_text(record: SourceRecord, version: EncodedVersion) -> EncodedVersion:
    """Undo ``without_text``: put the record's header and body back."""
    if len(version.text) == 3:
        return version._replace(text=(*version.text, record.header, record.body))
    return version
