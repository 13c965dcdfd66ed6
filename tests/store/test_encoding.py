"""Versions encoded in the parser processes store exactly what parsed cables store."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from cablebrowser.parse import parse_record
from cablebrowser.store import open_store
from cablebrowser.store.changes import normalized_hash
from cablebrowser.store.encoding import (
    decoded_cable,
    encode_version,
    with_text,
    without_text,
)
from tests.store.test_sqlite import BODY, record


def test_encoded_version_gives_back_the_cable() -> None:
    rec = record()
    cable = parse_record(rec)
    decoded = decoded_cable(encode_version("r1", rec, cable))
    assert decoded == dataclasses.replace(cable, release="r1")


def test_add_encoded_stores_what_add_versions_stores(tmp_path: Path) -> None:
    records = [record(), record("72TEHRAN1164"), record("05ALMATY3603_a")]
    items = [(rec, parse_record(rec)) for rec in records]
    one, two = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    for store in (one, two):
        store.start_release("r1", None, "in")
    one.add_versions("r1", items)
    result = two.add_encoded("r1", [encode_version("r1", *item) for item in items])
    again = two.add_encoded("r1", [encode_version("r1", *items[0])])
    assert result.counts == {"added": 3, "present": 0}
    assert again.counts == {"added": 0, "present": 1}
    assert one.dump() == two.dump()
    one.close(), two.close()


@pytest.mark.parametrize(
    "body",
    [BODY, "TAGS: PREL, PGOV\n\x1c1.\x0bTEXT\x0c\r\n", "É\u2003TEXT\u00a0MORE\n"],
    ids=["ascii", "ascii-control-spaces", "unicode-spaces"],
)
def test_normalized_hash_drops_what_str_split_drops(body: str) -> None:
    plain = body.replace(",", " ")  # the only commas are in the TAGS lines
    expected = hashlib.sha256("".join(plain.split()).encode("utf-8")).hexdigest()
    assert normalized_hash(body) == expected


def test_text_left_out_for_the_trip_back_is_restored() -> None:
    rec = record()
    version = encode_version("r1", rec, parse_record(rec))
    light = without_text(rec, version)
    assert len(light.text) == 3  # the record's own header and body stay behind
    assert with_text(rec, light) == version
    other = version._replace(text=(*version.text[:4], "another body"))
    assert without_text(rec, other) == other == with_text(rec, other)
