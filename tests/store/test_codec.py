"""The cables.record JSON round-trips every field of a parsed cable."""

from __future__ import annotations

import json
from datetime import date, datetime

from cablebrowser.parse import parse_paragraphs
from cablebrowser.record import (
    Cable,
    Declassification,
    Paragraph,
    Recipient,
    Redaction,
    Reference,
)
from cablebrowser.store.codec import cable_from_json, cable_json

FULL = Cable(
    reference_id="05ALMATY3603",
    canonical_id="05ALMATY3603",
    body="C O N F I D E N T I A L ALMATY 003603\n1. (C) Text XXXXXXXXXXXX.\n",
    header="O 050834Z OCT 05\nFM AMEMBASSY ALMATY",
    created=datetime(2005, 10, 5, 8, 34),
    released=datetime(2011, 10, 4),
    release="cablebrowser-2",
    origin="US Office Almaty",
    station="ALMATY",
    classification="CONFIDENTIAL",
    captions=("SIPDIS",),
    tags=("KZ", "PGOV"),
    subject="KAZAKHSTAN: A/S FRIED'S MEETING",
    references=(Reference("cable", "05ALMATY3500", "A", "ALMATY 3500"),),
    classified_by=("Ambassador John Ordway",),
    reasons="1.4 (B) and (D)",
    declassify_on=date(2015, 10, 3),
    declassification=Declassification("10/03/2015", "12958", date(2015, 10, 3)),
    signers=("ORDWAY",),
    recipients=(
        Recipient("to", "SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "3787", ("ALMATY",)),
    ),
    dtg=datetime(2005, 10, 5, 8, 34),
    paragraphs=(
        Paragraph(None, None, None, "C O N F I D E N T I A L ALMATY 003603"),
        Paragraph(1, "C", None, "Text XXXXXXXXXXXX."),
    ),
    summary="A summary.",
    comment=None,
    is_partial=True,
    redactions=(Redaction(52, 64, "XXXXXXXXXXXX"),),
)


def test_round_trip_keeps_every_field() -> None:
    text = cable_json(FULL)
    assert '"body"' not in text and '"header"' not in text
    assert cable_from_json(text, body=FULL.body, header=FULL.header) == FULL


def test_paragraphs_are_derived_from_the_body_not_stored() -> None:
    text = cable_json(FULL)
    assert '"paragraphs"' not in text and "Text XXXXXXXXXXXX" not in text
    assert FULL.paragraphs == tuple(parse_paragraphs(FULL.body))


def test_a_record_stored_with_its_paragraphs_keeps_them() -> None:
    stored = json.loads(cable_json(FULL))
    stored["paragraphs"] = [
        {"number": 7, "marking": "S", "heading": "Old", "text": "As once parsed."}
    ]
    cable = cable_from_json(json.dumps(stored), body=FULL.body, header=FULL.header)
    assert cable.paragraphs == (Paragraph(7, "S", "Old", "As once parsed."),)


def test_round_trip_of_a_minimal_cable() -> None:
    bare = Cable("09STATE4134", "09STATE4134", "BODY")
    assert cable_from_json(cable_json(bare), body="BODY", header=None) == bare
