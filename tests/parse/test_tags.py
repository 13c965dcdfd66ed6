"""TAGS field: keyword variants, wrapping, person and phrase tags, glued codes, debris.

Inputs are excerpts of real cables (IDs in ``ids=``) or the forms quoted in
docs/cable-format.md §3.5, §6.5 and §7.17-20; ``synthetic`` marks rule pins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebrowser.parse.tagdata import GEO_TAGS, ORG_TAGS, PROGRAM_TAGS, SUBJECT_TAGS
from cablebrowser.parse.tags import parse_tags, tag_kind, tag_meaning

SEED = Path(__file__).resolve().parents[2] / "sample" / "seed" / "05ALMATY3603.txt"


def test_seed_page() -> None:
    page = SEED.read_text(encoding="utf-8")
    body = page[page.index("C O N F I D E N T I A L") :]
    assert parse_tags(body) == ["KZ", "PGOV", "PHUM", "PREL", "POLITICAL"]


def _caption(tags_line: str) -> str:
    """Wrap a TAGS line in a minimal caption area."""
    return f"C O N F I D E N T I A L X 000001 \n\nSIPDIS\n\n{tags_line}\nSUBJECT: X \n\n1. (C) Text.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _caption("TAGS: KZ, PGOV, PHUM, PREL, POLITICAL "),
            ["KZ", "PGOV", "PHUM", "PREL", "POLITICAL"],
        ),
        (_caption("TAGES: PREL, PGOV, JO"), ["PREL", "PGOV", "JO"]),
        (_caption("TABS: PGOV PREL NS"), ["PGOV", "PREL", "NS"]),
        (_caption("TGS: PREL GR"), ["PREL", "GR"]),
        (_caption("TAS: PREL KPAL IS"), ["PREL", "KPAL", "IS"]),
        (_caption("TAGS, PGOV, PE"), ["PGOV", "PE"]),
        (_caption("TAGS; PREL TU"), ["PREL", "TU"]),
        (
            "C O N F I D E N T I A L BUENOS AIRES 00167SIPDIS SIPDIS E.O. 12958: DECL: 08/22/2017 "
            "AGS: PGOV, PREL, ECON, SOCI, AR \n\nSUBJECT: AMBASSADOR WAYNE MEETS\n",
            ["PGOV", "PREL", "ECON", "SOCI", "AR"],
        ),
        (_caption("TAGS PGOV, PREL, PINR, UK"), ["PGOV", "PREL", "PINR", "UK"]),
        (
            "C o n f i d e n t i a l section 01 of 04 ankara 000348\n\nSipdis\n\n"
            "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m.\n",
            ["PREL", "PGOV", "PINS", "TU"],
        ),
        (
            "UNCLAS SECTION 01 OF 05 BEIJING 003662\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\n"
            "EFIN, ECON, EINV, PGOV, CH\nSUBJECT: Beijing Welcomes Coordination in Financial\n",
            ["EFIN", "ECON", "EINV", "PGOV", "CH"],
        ),
        (
            "S E C R E T STOCKHOLM 000194  \n\nSIPDIS  S/CT SHARRI R. CLARK  \n\n"
            "E.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV, ASEC, EFIN, ENRG, KCIP, SW \n\n"
            "SUBJECT:  SWEDEN: CI/KR RESPONSE FOR S/CT  \n",
            ["PTER", "PGOV", "ASEC", "EFIN", "ENRG", "KCIP", "SW"],
        ),
        (
            "UNVIE VIENNA 000192\n\nE.O. 12958: DECL: 03/19/2024TAGS: AORC IR IAEA KNNP MNUC\n\n"
            "Classified By: Ambassador Gregory L. Schulte\n",
            ["AORC", "IR", "IAEA", "KNNP", "MNUC"],
        ),
    ],
    ids=[
        "05ALMATY3603",
        "09AMMAN1518-tages",
        "08PARAMARIBO219-tabs",
        "08ATHENS1536-tgs",
        "10TELAVIV386-tas",
        "09LIMA54-comma",
        "92IZMIR819-semicolon",
        "07BUENOSAIRES1673-ags",
        "08LONDON1991-no-colon",
        "04ANKARA348-lower-case-one-line",
        "08BEIJING3662-no-keyword",
        "09STOCKHOLM194-tag-mid-line",
        "09UNVIEVIENNA192-glued-to-date",
    ],
)
def test_keyword_variants(text: str, expected: list[str]) -> None:
    assert parse_tags(text) == expected


@pytest.mark.parametrize(
    ("tags_line", "expected"),
    [
        (
            "TAGS: OVIP RICE CONDOLEEZZA PREL PHSA SP KV CU\nBL, IS",
            ["OVIP", "RICE, CONDOLEEZZA", "PREL", "PHSA", "SP", "KV", "CU", "BL", "IS"],
        ),
        (
            "TAGS: OREP AMGT ASEC AFIN GM IZ IC KU COUNTRY\nCLEARANCE ",
            [
                "OREP",
                "AMGT",
                "ASEC",
                "AFIN",
                "GM",
                "IZ",
                "IC",
                "KU",
                "COUNTRY CLEARANCE",
            ],
        ),
        (
            "TAGS: PREL PGOV KPAL ETRD MNUC\nECON, PHUM, RS, IS",
            ["PREL", "PGOV", "KPAL", "ETRD", "MNUC", "ECON", "PHUM", "RS", "IS"],
        ),
        ("TAGS: PREL PGOV\nSTATE FOR EUR/RUS\nSIPDIS", ["PREL", "PGOV"]),
        ("TAGS PREL;PGOV;KCOR;HU;HR ", ["PREL", "PGOV", "KCOR", "HU", "HR"]),
    ],
    ids=[
        "08STATE100219-wrapped-person",
        "07KUWAIT624-wrapped-phrase",
        "doc-3.5-mixed-separators",
        "synthetic-routing-line-is-not-tags",
        "10ZAGREB97-semicolons",
    ],
)
def test_wrapping_and_separators(tags_line: str, expected: list[str]) -> None:
    assert parse_tags(_caption(tags_line)) == expected


@pytest.mark.parametrize(
    ("tags_line", "expected"),
    [
        (
            "TAGS: OVIP (STEINBERG, JAMES B.), PREL, PARM",
            ["OVIP", "STEINBERG, JAMES B.", "PREL", "PARM"],
        ),
        ("TAGS: OVIP (CLINTON, HILLARY) PREL", ["OVIP", "CLINTON, HILLARY", "PREL"]),
        ("TAGS: OVIP CLINTON HILLARY PREL", ["OVIP", "CLINTON, HILLARY", "PREL"]),
        ("TAGS: OVIP BIDEN JOSEPH", ["OVIP", "BIDEN, JOSEPH"]),
        ("TAGS: OVIP STEINBERG JAMES PREL", ["OVIP", "STEINBERG, JAMES B.", "PREL"]),
        ("TAGS: OVIP BUSH GEORGE PREL", ["OVIP", "BUSH, GEORGE W.", "PREL"]),
        ("TAGS: OVIP BUSH, GEORGE W. PREL", ["OVIP", "BUSH, GEORGE W.", "PREL"]),
        (
            "TAGS: PREL PGOV IR IS KPAL PINR ELECTIONS GOI INTERNAL ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL",
            [
                "PREL",
                "PGOV",
                "IR",
                "IS",
                "KPAL",
                "PINR",
                "ELECTIONS",
                "GOI INTERNAL",
                "ISRAELI PALESTINIAN AFFAIRS",
                "GOI EXTERNAL",
            ],
        ),
        ("TAGS: PHUM, OPRC, IT, HUMAN RIGHTS", ["PHUM", "OPRC", "IT", "HUMAN RIGHTS"]),
        ("TAGS: PREL, UNGA/C-6, ZANU-PF, ZI", ["PREL", "UNGA/C-6", "ZANU-PF", "ZI"]),
        ("TAGS: OVIP KZ PREL", ["OVIP", "KZ", "PREL"]),
    ],
    ids=[
        "doc-7.20-parenthesised-initial",
        "doc-3.5-parenthesised",
        "doc-7.20-no-comma",
        "doc-3.5-biden",
        "cablemap-steinberg-completed",
        "cablemap-bush-completed",
        "comma-and-initial-without-parentheses",
        "06TELAVIV145-phrases",
        "02ROME1196-human-rights",
        "org-tags-with-punctuation",
        "synthetic-visit-without-person",
    ],
)
def test_person_and_phrase_tags(tags_line: str, expected: list[str]) -> None:
    assert parse_tags(_caption(tags_line)) == expected


@pytest.mark.parametrize(
    ("tags_line", "expected"),
    [
        ("TAGS: MASSMNUC NPT PARM PREL", ["MASS", "MNUC", "NPT", "PARM", "PREL"]),
        (
            "TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",
            ["KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"],
        ),
        ("TAGS: ETRDEINVECINPGOVCS", ["ETRD", "EINV", "ECIN", "PGOV", "CS"]),
        (
            "TAGS PREL, PHUM, IS, EG, CH, ID, PHUM, IS, EG, CH, ID, VT, VTPREL, VTPREL, VTPREL ",
            ["PREL", "PHUM", "IS", "EG", "CH", "ID", "VT"],
        ),
        (
            "TAGS PHUM, OPRC, OPRC, IT, ITPHUM, ITPHUM, HUMAN RIGHTS ",
            ["PHUM", "OPRC", "IT", "HUMAN RIGHTS"],
        ),
        ("TAGS: PHUMBA", ["PHUM", "BA"]),
        ("TAGS: POLMIL", ["POL", "MIL"]),
        ("TAGS POGOV, PREL, MARR, UK ", ["PGOV", "PREL", "MARR", "UK"]),
        ("TAGS: MOPPS KWWMN UNDESCO UNFCYP", ["MOPS", "KWMN", "UNESCO", "UNFICYP"]),
        (
            "TAGS: MARR MASS MOPS PREL PGOV TU IZ AF RU",
            ["MARR", "MASS", "MOPS", "PREL", "PGOV", "TU", "IZ", "AF", "RS"],
        ),
        ("TAGS: ECON ETRD PGOV CA MX SIPDIS", ["ECON", "ETRD", "PGOV", "CA", "MX"]),
        (
            "TAGS: ECON, EFIN, EFIN, IT   UNCLASSIFIED    PAGE 02   ROME  01059  01 OF 04 281501Z ECON, IT",
            ["ECON", "EFIN", "IT"],
        ),
        ("TAGS: TAGS: PREL, PGOV, BA", ["PREL", "PGOV", "BA"]),
        ("TAGS: GOV PREL", ["GOV", "PREL"]),
        ("TAGS: PREL POLITICAL REPORT", ["PREL", "POLITICAL", "REPORT"]),
    ],
    ids=[
        "08BRASILIA93-glued",
        "09CAIRO2205-nine-glued",
        "doc-6.5-retired-code-inside",
        "01VATICAN3507-duplicates-and-glued-geo",
        "02ROME1196-glued-and-phrase",
        "doc-6.5-phumba",
        "doc-6.5-polmil",
        "09LONDON2222-typo",
        "doc-6.5-typos",
        "06ANKARA331-iso-russia",
        "05OTTAWA3726-sipdis",
        "02ROME1059-page-debris",
        "05MANAMA429-keyword-twice",
        "doc-6.5-gov-kept-raw",
        "synthetic-words-are-not-split-into-countries",
    ],
)
def test_normalisation(tags_line: str, expected: list[str]) -> None:
    assert parse_tags(_caption(tags_line)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "C O N F I D E N T I A L X 000001\n\nSUBJECT: X\n\n1. (C) TAGS: PREL, PGOV were discussed.\n",
        "C O N F I D E N T I A L X 000001\n\nSUBJECT: X\n\n1. (C) PREL, PGOV, KZ, IS and more.\n",
        "",
        "TAGS:",
    ],
    ids=[
        "synthetic-keyword-in-paragraph",
        "synthetic-codes-in-paragraph",
        "empty",
        "keyword-only",
    ],
)
def test_no_tags(text: str) -> None:
    assert parse_tags(text) == []


def test_stray_station_line_is_not_a_keyword() -> None:
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001767 \n\nSIPDIS \n\n"
        "STATE FOR EUR/AGS, EUR/PGI AND S/CT \nSIPDIS \n\nE.O. 12958: DECL: 09/17/2017 \n"
        "TAGS: PTER PGOV PREL KHLS KJUS GM\nSUBJECT: TERRORISM ARRESTS \n"
    )
    assert parse_tags(text) == ["PTER", "PGOV", "PREL", "KHLS", "KJUS", "GM"]


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("PGOV", "subject"),
        ("pgov", "subject"),
        ("PFOR", "subject"),
        ("KJUS", "program"),
        ("KXYZ", "program"),
        ("KZ", "geo"),
        ("XR", "geo"),
        ("NATO", "org"),
        ("UN", "org"),
        ("UNGA/C-6", "org"),
        ("CLINTON, HILLARY", "person"),
        ("STEINBERG, JAMES B.", "person"),
        ("POLITICAL", "other"),
        ("HUMAN RIGHTS", "other"),
        ("", "other"),
    ],
    ids=lambda value: value or "empty",
)
def test_tag_kind(tag: str, kind: str) -> None:
    assert tag_kind(tag) == kind


@pytest.mark.parametrize(
    ("tag", "meaning"),
    [
        ("PGOV", "Political Affairs--Government; Internal Governmental Affairs"),
        ("prel", "Political Affairs--External Political Relations"),
        ("AFSP", "Administration--Post Administration"),
        ("KMDR", "Media Reaction Reporting"),
        ("KZ", "Kazakhstan"),
        ("RS", "Russia"),
        ("VT", "Vatican"),
        ("OPDC", None),
        ("KFLO", None),
        ("KSUM", None),
        ("NATO", None),
        ("POLITICAL", None),
    ],
    ids=lambda value: value or "none",
)
def test_tag_meaning(tag: str, meaning: str | None) -> None:
    assert tag_meaning(tag) == meaning


def test_vocabulary_shapes() -> None:
    assert len(SUBJECT_TAGS) == 96
    assert all(len(code) == 4 and code.isupper() for code in SUBJECT_TAGS)
    assert all(len(code) == 4 and code.startswith("K") for code in PROGRAM_TAGS)
    assert all(len(code) == 2 and name for code, name in GEO_TAGS.items())
    assert {"NATO", "EUN", "UNGA/C-6", "ZANU-PF", "BA'ATH"} <= ORG_TAGS
    assert (GEO_TAGS["IZ"], GEO_TAGS["GM"], GEO_TAGS["UK"]) == (
        "Iraq",
        "Germany",
        "United Kingdom",
    )


@given(st.text())
def test_no_function_raises(text: str) -> None:
    tags = parse_tags(text)
    assert all(tag == tag.upper() for tag in tags)
    assert len(tags) == len(set(tags))
    tag_kind(text)
    tag_meaning(text)


@given(st.text(alphabet="TAGS: OVIP(),;PRELGOVKZHUMN\n-/.", max_size=300))
def test_no_function_raises_on_tag_like_text(text: str) -> None:
    for tag in parse_tags(text):
        assert tag_kind(tag) in {"subject", "program", "geo", "org", "person", "other"}


def test_redacted_subject_lines_are_not_tags() -> None:
    text = (
        "S E C R E T LIMA 001452      \n\nSIPDIS      \n\nSIPDIS      \n\n"
        "E.O. 12958: DECL: 04/12/2016   TAGS: PGOV PINR PE\nRUN-OFF,   \n"
        "SEEKS EMBASSY'S ASSISTANCE IN CEMENTING DEMOCRATIC   COALITION AGAINST HUMALA         \n\n\n\n"
        "Classified By: Political Counselor Alexander Margulies.  Reason: 1.4(d)   .      \n"
    )
    assert parse_tags(text) == ["PGOV", "PINR", "PE"]
