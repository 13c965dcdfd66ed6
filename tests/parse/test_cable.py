"""`parse_cable` as a whole: never raises, and keeps the metadata it is given."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse import parse_cable, parse_record
from cablebrowser.record import SourceRecord
from cablebrowser.sources import read

CABLE_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
CABLE_LINES = st.sampled_from(
    [
        "C O N F I D E N T I A L  ALMATY 003603",
        "SIPDIS",
        "E.O. 12958: DECL: 10/03/2015",
        "TAGS: KZ, PGOV, OVIP (CLINTON, HILLARY)",
        "SUBJECT: (C) A TEST",
        "REF: A. STATE 12345 B. 05 ALMATY 3500 (NOTAL)",
        "Classified By: Ambassador John Ordway, reasons 1.4 (B) and (D).",
        "1. (C) Summary: text. End Summary.",
        "-----",
        "XXXXXXXXXXXX",
        "ORDWAY",
        "NNNN",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CABLE_ALPHABET, max_size=3000))
def test_never_raises_on_any_text(text: str) -> None:
    parse_cable(text, header=text[:200], reference_id="05ALMATY3603")


@settings(max_examples=300, deadline=None)
@given(st.lists(CABLE_LINES, max_size=40).map("\n".join))
def test_never_raises_on_cable_shaped_text(text: str) -> None:
    cable = parse_cable(text, reference_id="05ALMATY3603")
    assert cable.canonical_id == "05ALMATY3603"


def test_keeps_given_metadata() -> None:
    created = datetime(2005, 10, 5, 8, 34)
    cable = parse_cable(
        "UNCLASSIFIED\nSUBJECT: X\n",
        reference_id="05ALMATY3603",
        created=created,
        origin="US Office Almaty",
    )
    assert (cable.created, cable.origin, cable.station) == (
        created,
        "US Office Almaty",
        "ALMATY",
    )


def test_every_sample_cable_parses(sample_dir) -> None:
    parsed = 0
    for item in read(sample_dir):
        if isinstance(item, SourceRecord) and item.body is not None:
            cable = parse_record(item)
            assert cable.reference_id == item.reference_id
            parsed += 1
    assert parsed >= 300


def test_without_paragraphs_only_the_paragraphs_are_left_out(sample_dir) -> None:
    compared = 0
    for item in read(sample_dir):
        if isinstance(item, SourceRecord) and item.body is not None:
            whole = parse_record(item)
            without = parse_record(item, paragraphs=False)
            assert without.paragraphs == ()
            assert dataclasses.replace(whole, paragraphs=()) == without
            compared += bool(whole.paragraphs)
    assert compared >= 300
