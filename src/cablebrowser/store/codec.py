"""Turn a parsed ``Cable`` into the JSON of ``cables.record`` and back.

The body and header are left out of the JSON: they live once in ``texts``.
So are the paragraphs, which are the body cut up: the parser derives them
again from the body when a record is read, which costs far less than storing
every cable's text a second time (it was 80% of the JSON). A record written
with its paragraphs is read with them.
Written by hand rather than with ``dataclasses.asdict`` because ingest
serialises every cable and ``asdict`` deep-copies.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from ..parse import parse_paragraphs
from ..record import Cable, Declassification, Paragraph, Recipient, Redaction, Reference

_NESTED: dict[str, type] = {
    "references": Reference,
    "recipients": Recipient,
    "paragraphs": Paragraph,
    "redactions": Redaction,
}
_TEXT_FIELDS = ("body", "header")
_FIELDS = tuple(f.name for f in dataclasses.fields(Cable) if f.name not in _TEXT_FIELDS)
_STORED_FIELDS = tuple(name for name in _FIELDS if name != "paragraphs")
_NESTED_FIELDS = {
    kind: tuple(f.name for f in dataclasses.fields(kind)) for kind in _NESTED.values()
}
_DATETIME_FIELDS = ("created", "released", "dtg")
# Frozen dataclasses without slots hold exactly their fields in ``__dict__``:
# handing that to JSON skips building a dict per paragraph and reference.
_DICT_KINDS = frozenset(
    kind
    for kind in (*_NESTED.values(), Declassification)
    if "__slots__" not in vars(kind)
)


def cable_json(cable: Cable, *, release: str | None = None) -> str:
    """Return the JSON of a cable's parsed fields, without body, header and paragraphs.

    ``release`` overrides the cable's release name (the name it is stored under).
    """
    data = {name: getattr(cable, name) for name in _STORED_FIELDS}
    if release is not None:
        data["release"] = release
    return _ENCODER.encode(data)


def cable_from_json(text: str, *, body: str, header: str | None) -> Cable:
    """Rebuild a cable from its ``cables.record`` JSON and its text (paragraphs from the body)."""
    data: dict[str, Any] = {
        name: value for name, value in json.loads(text).items() if name in _FIELDS
    }
    for name, value in data.items():
        if name in _NESTED:
            data[name] = tuple(_nested(_NESTED[name], item) for item in value)
        elif isinstance(value, list):
            data[name] = tuple(value)
    if "paragraphs" not in data:
        data["paragraphs"] = tuple(parse_paragraphs(body))
    for name in _DATETIME_FIELDS:
        data[name] = datetime.fromisoformat(data[name]) if data.get(name) else None
    data["declassify_on"] = _date(data.get("declassify_on"))
    decl = data.get("declassification")
    if decl:
        data["declassification"] = Declassification(
            decl["raw"], decl.get("order"), _date(decl.get("date"))
        )
    return Cable(body=body, header=header, **data)


def _nested(kind: type, item: dict[str, Any]) -> Any:
    values = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in item.items()
    }
    return kind(**values)


def _plain(value: Any) -> Any:
    """Turn what JSON cannot hold itself (dates, nested records) into what it can."""
    if type(value) in _DICT_KINDS:
        return value.__dict__
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _fields_of(type(value))}
    raise TypeError(f"cannot store a {type(value).__name__} in a cable record")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain)


def _fields_of(kind: type) -> tuple[str, ...]:
    names = _NESTED_FIELDS.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind))
        _NESTED_FIELDS[kind] = names
    return names


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# The parts of a ``cables.record`` the search index reads, in the order
# ``search_values`` takes them: a backend extracts just these from the stored
# JSON (SQLite: ``json_extract`` with several paths gives them as one array).
SEARCH_KEYS = (
    "reference_id",
    "canonical_id",
    "created",
    "release",
    "origin",
    "station",
    "classification",
    "captions",
    "tags",
    "subject",
    "references",
    "signers",
    "redactions",
)


def search_values(extracted: str) -> dict[str, Any]:
    """Decode the JSON array of a record's ``SEARCH_KEYS`` values into the index's terms.

    Lists become tuples and ``created`` a datetime as in ``cable_from_json``;
    ``references`` become ``cited``, the values of the cable references, and
    ``redactions`` their (start, end) spans.
    """
    # Unpacked by position (the order of SEARCH_KEYS) rather than zipped into a
    # dict and rewritten in place: the index build decodes every cable.
    (
        reference_id,
        canonical_id,
        created,
        release,
        origin,
        station,
        classification,
        captions,
        tags,
        subject,
        references,
        signers,
        redactions,
    ) = _DECODER.raw_decode(extracted)[0]
    return {
        "reference_id": reference_id,
        "canonical_id": canonical_id,
        "created": datetime.fromisoformat(created) if created else None,
        "release": release,
        "origin": origin,
        "station": station,
        "classification": classification,
        "captions": tuple(captions) if captions else (),
        "tags": tuple(tags) if tags else (),
        "subject": subject,
        "cited": _cited(references) if references else (),
        "signers": tuple(signers) if signers else (),
        "redactions": _spans(redactions) if redactions else (),
    }


_DECODER = json.JSONDecoder()


def _cited(references: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple([item["value"] for item in references if item["kind"] == "cable"])


def _spans(redactions: list[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
    return tuple([(item["start"], item["end"]) for item in redactions])
