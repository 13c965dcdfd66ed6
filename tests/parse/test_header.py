"""Caption-area fields: classification, captions, subject, classifier, reasons, E.O. line.

Inputs are excerpts of real cables (IDs in ``ids=``) or the forms quoted in
docs/cable-format.md §3 and §7; ``synthetic`` marks the few made up to pin a rule.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebrowser.parse.header import (
    guess_reference_id,
    parse_captions,
    parse_classification_line,
    parse_classified_by,
    parse_date_line,
    parse_declassification,
    parse_reason_letters,
    parse_reasons,
    parse_subject,
    parse_subject_marking,
)
from cablebrowser.record import Declassification

SEED = Path(__file__).resolve().parents[2] / "sample" / "seed" / "05ALMATY3603.txt"


@pytest.fixture(scope="module")
def seed_body() -> str:
    page = SEED.read_text(encoding="utf-8")
    return page[page.index("C O N F I D E N T I A L") :]


ALMATY = (
    "C O N F I D E N T I A L  ALMATY 003603 \n"
    " \n"
    "SIPDIS \n"
    " \n"
    " \n"
    "E.O. 12958: DECL: 10/03/2015 \n"
    "TAGS: KZ, PGOV, PHUM, PREL, POLITICAL \n"
    "SUBJECT: KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT \n"
    "NAZARBAYEV \n"
    " \n"
    "Classified By: Ambassador John Ordway, reasons 1.4 (B) and (D). \n"
    " \n"
    "1. (C) Assistant Secretary Dan Fried met with Kazakhstani \n"
)

OTTAWA = (
    "S E C R E T SECTION 01 OF 03 OTTAWA 000918 \n"
    "\n"
    "C O R R E C T E D COPY//SUBJECT LINE////////////////////////////////// \n"
    "\n"
    "NOFORN \n"
    "SIPDIS \n"
    "\n"
    "EO 12958 DECL: 07/09/2018 \n"
    "TAGS PREL, PTER, MOPS, IR, PK, AF, CA \n"
    "\n"
    "SUBJECT: COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS, \n"
    "PAKISTAN, AFGHANISTAN, IRAN\n"
    "REF: A. OTTAWA 360  B. OTTAWA 808  C. OTTAWA 850  D. OTTAWA 878\n"
    "OTTAWA 00000918 001.2 OF 003\n"
    "\n"
    "Classified By: PolMinCouns Scott Bellard, reasons, 1.4 (b) and (d).\n"
    "\n"
    "1. (S/NF) Summary. Canadian Security Intelligence Service (CSIS) Director Judd\n"
)

ANKARA = (
    "C o n f i d e n t i a l section 01 of 04 ankara 000348\n"
    "\n"
    "Sipdis\n"
    "\n"
    "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. \\\n"
    "Erdogan goes to washington: how strong a leader in the face of strong challenges?\n"
    "\n"
    "(U) Classified by Ambassador Eric Edelman; reasons: 1.5 (b,d).\n"
    "\n"
    "1. (C) Summary: P.M. Erdogan expects Washington to focus on Cyprus\n"
)

LONDON = (
    "S E C R E T SECTION 01 OF 03 LONDON 002222 \n"
    "NOFORN \n"
    "SIPDIS \n"
    "EO 12958 DECL: 09/22/2024 \n"
    "TAGS POGOV, PREL, MARR, MOPS, MCAP, KNNP, PARM, UK \n"
    "SUBJECT: PM BROWN'S DECISION TO CONSIDER REDUCING THE UK'S \n"
    "TRIDENT NUCLEAR DETERRENT\n"
    "REF: A. LONDON 2186 (NOTAL)  B. LONDON 1707 (NOTAL)\n"
    "Classified By: Political Counselor Robin Quinville for Reasons 1.4 (b) and (d)\n"
    "1. (S/NF) Summary. Prime Minister Brown's September 23 announcement\n"
)

BEIJING = (
    "UNCLAS SECTION 01 OF 05 BEIJING 003662\n"
    "\n"
    "SENSITIVE\n"
    "SIPDIS\n"
    "\n"
    "STATE PASS CFTC FOR OIA/GORLICK\n"
    "CEA FOR BLOCK\n"
    "\n"
    "E.O. 12958: N/A\n"
    "EFIN, ECON, EINV, PGOV, CH\n"
    "SUBJECT: Beijing Welcomes Coordination in Financial\n"
    "Crisis; Concerns about Growth Going Forward\n"
    "\n"
    "REF: A. Hong Kong 1747 and previous, B. E-mail\n"
    "\n"
    "1. Summary. Chinese Government officials praised U.S.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALMATY, "CONFIDENTIAL"),
        ("S E C R E T STATE 002634 \n\nNOFORN SIPDIS\n", "SECRET"),
        ("S e c r e t nairobi 001938\n\nSIPDIS\n", "SECRET"),
        (ANKARA, "CONFIDENTIAL"),
        (BEIJING, "UNCLASSIFIED"),
        ("UNCLASSIFIED BUENOS AIRES 2481\n\nE.O. 11652: N/A\n", "UNCLASSIFIED"),
        ("UNCLAS E F T O SECTION 01 OF 02 BAKU 001165\n", "UNCLASSIFIED"),
        (
            "SUBJ: POLITICAL SITUATION\n\n1. CONFIDENTIAL - ENTIRE TEXT.\n",
            "CONFIDENTIAL",
        ),
        ("SUBJECT: VISIT\n\n1. (C - ENTIRE TEXT).\n", "CONFIDENTIAL"),
        ("Secretary Rice met the minister.\n", None),
        ("", None),
    ],
    ids=[
        "05ALMATY3603",
        "10STATE2634",
        "09NAIROBI1938-mixed-case",
        "04ANKARA348-lower-case",
        "08BEIJING3662-unclas",
        "66BUENOSAIRES2481-unclassified",
        "06EFTOBAKU1165-efto",
        "95DAMASCUS5748-form",
        "79TEHRAN12130-form",
        "synthetic-secretary-is-not-secret",
        "empty",
    ],
)
def test_parse_classification_line(text: str, expected: str | None) -> None:
    assert parse_classification_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALMATY, ["SIPDIS"]),
        (LONDON, ["NOFORN", "SIPDIS"]),
        (OTTAWA, ["CORRECTED COPY", "NOFORN", "SIPDIS"]),
        (BEIJING, ["SENSITIVE", "SIPDIS"]),
        (ANKARA, ["SIPDIS"]),
        (
            "S E C R E T STATE 002634 NOFORN SIPDIS\n\nE.O. 12958: DECL: 01/04/2020\n",
            ["NOFORN", "SIPDIS"],
        ),
        (
            "UNCLAS SAO PAULO 000689\n\nSIPDIS SIPDIS\n\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY\n",
            ["SIPDIS", "SBU"],
        ),
        ("UNCLAS E F T O BAKU 001165\n\nE.O. 12958: N/A\n", ["EFTO"]),
        (
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\nUNCLAS KABUL 000348\n",
            ["FOR OFFICIAL USE ONLY"],
        ),
        (
            "C O N F I D E N T I A L STATE 000123\n\nREF: A. STATE 4567 (EXDIS) B. PARIS 12 (NODIS)\n",
            [],
        ),
        (
            "C O N F I D E N T I A L X 000001\n\nSUBJECT: SENSITIVE TALKS ON NOFORN RULES\n\n1. (C) Text.\n",
            [],
        ),
        (
            "C O N F I D E N T I A L ALMATY 003603\n\n1. (C) Secretary Rice to deliver a letter\n\nSIPDIS\nBush's letter.\n",
            ["SIPDIS"],
        ),
        ("", []),
    ],
    ids=[
        "05ALMATY3603",
        "09LONDON2222",
        "08OTTAWA918-corrected-copy",
        "08BEIJING3662",
        "04ANKARA348-mixed-case",
        "10STATE2634-same-line",
        "06SAOPAULO689-sbu-sentence",
        "06EFTOBAKU1165",
        "10KABUL348-fouo",
        "synthetic-ref-captions-belong-to-refs",
        "synthetic-subject-words-are-not-captions",
        "05ALMATY3603-stray-sipdis-line",
        "empty",
    ],
)
def test_parse_captions(text: str, expected: list[str]) -> None:
    assert parse_captions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALMATY, "KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV"),
        (
            OTTAWA,
            "COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS, PAKISTAN, AFGHANISTAN, IRAN",
        ),
        (
            ANKARA,
            "turkish p.m. Erdogan goes to washington: how strong a leader in the face of strong challenges?",
        ),
        (
            BEIJING,
            "Beijing Welcomes Coordination in Financial Crisis; Concerns about Growth Going Forward",
        ),
        (
            "S E C R E T CAIRO 003126SIPDISSIPDISE.O. 12958: DECL: 10/24/2017 TAGS: PREL PGOV EG IQ\n\n"
            "SUBJECT: SCENESETTER FOR AMBASSADOR CROCKER'S VISIT TO CAIROClassified By: DEPUTY "
            "CHIEF OF MISSION STUART JONES. REASONS: 1.4 (B) and (D)\n\n1. (S) Welcome to Cairo.\n",
            "SCENESETTER FOR AMBASSADOR CROCKER'S VISIT TO CAIRO",
        ),
        (
            "TAGS PGOV, PREL, PINR, UK\nSUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK "
            "PRIMEREF: A. LONDON 1939  B. LONDON 1704\n\nClassified By: Ambassador Robert H. Tuttle\n",
            "WHO WOULD REPLACE GORDON BROWN AS UK PRIME",
        ),
        (
            "TAGS: PREL EINV EPET XM BR\nSUBJECT: BRAZIL: ADDITIONAL DEVELOPMENTS ON BOLIVIAN "
            "NATIONALIZATION OF ENERGY INSTALLATIONS REF: BRASILIA 861 AND PREVIOUS \n",
            "BRAZIL: ADDITIONAL DEVELOPMENTS ON BOLIVIAN NATIONALIZATION OF ENERGY INSTALLATIONS",
        ),
        (
            "E.O. 12958: N/A TAGS: KFRD CVIS CMGT ASEC SMIG EG\n\nSUBJECT:\n\n"
            "Cooperation and Coordination Busts Fraud Ring\n1.(SBU) Summary: The Cairo Fraud\n",
            "Cooperation and Coordination Busts Fraud Ring",
        ),
        (
            "TAGS: PGOV PTER KISL ASEC BA\nUBJECT: BAHRAIN WILL FORMALLY REQUEST QATAR TO EXECUTE "
            "LEGAL JUDGMENT AGAINST KHALIFA AL SUBAIE REF: A. A) MANAMA 20 \n",
            "BAHRAIN WILL FORMALLY REQUEST QATAR TO EXECUTE LEGAL JUDGMENT AGAINST KHALIFA AL SUBAIE",
        ),
        (
            "TAGS: KPAO OPRC KMDR PREL MEDIA REACTION\nSUBJECT: MEDIA REACTION RICE AND MORALES "
            "MEETING THE US- \nLATIN AMERICAN RELATIONSHIP US-CHILEAN TIES \n \n1. SUMMARY STATEMENT\n",
            "MEDIA REACTION RICE AND MORALES MEETING THE US-LATIN AMERICAN RELATIONSHIP US-CHILEAN TIES",
        ),
        (
            "SUBJECT: PART 3 OF 3:  THE LIFE AND TIMES OF SOUTH AFRICA'S \nNEW PRESIDENT\n"
            "PRETORIA 00000954 001.2 OF 004\n\nClassified By: Ambassador Eric M. Bost\n",
            "PART 3 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEW PRESIDENT",
        ),
        (
            "SUBJ: TURKISH POLITICS\n\n1. CONFIDENTIAL - ENTIRE TEXT.\n",
            "TURKISH POLITICS",
        ),
        (
            "TAGS: PREL EG\nSUBJECT: XXXXXXXXXXXX: \n\nClassified By: X\n",
            "XXXXXXXXXXXX:",
        ),
        (
            "SUBJECT: MINISTER&#8217;S VISIT \\\n(ICELAND) \\\n\n",
            "MINISTER\u2019S VISIT (ICELAND)",
        ),
        (
            "E.O. 12958: DECL: 03/12/2029 TAGS: PREL PTER IR IS SY\n\n1. (S/NF) Summary.\n",
            None,
        ),
        ("", None),
    ],
    ids=[
        "05ALMATY3603-wrapped",
        "08OTTAWA918-last-caption-block",
        "04ANKARA348-one-line",
        "08BEIJING3662-mixed-case",
        "07CAIRO3126-glued-classified-by",
        "08LONDON1991-glued-ref-and-marking",
        "06BRASILIA882-ref-on-same-line",
        "09CAIRO1945-next-line",
        "08MANAMA117-lost-first-letter",
        "06BUENOSAIRES579-line-end-hyphen",
        "doc-7.14-pretoria-page-break",
        "92IZMIR819-subj",
        "09CAIRO1468-redacted",
        "doc-7.35-entities-backslashes",
        "09DAMASCUS195-removed",
        "empty",
    ],
)
def test_parse_subject(text: str, expected: str | None) -> None:
    assert parse_subject(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN\n\n", "C/NF"),
        ("SUBJECT: (U) Secretary Clinton's July 14 conversation\n\n", "U"),
        ("SUBJECT: (S//NF) IRAN\n\n", "S/NF"),
        ("SUBJECT: PEACEKEEPING TAKES ON A MORE CIVILIAN LOOK (Iceland)\n\n", None),
        (ALMATY, None),
    ],
    ids=[
        "08LONDON1991",
        "doc-7.15-u-marking",
        "synthetic-double-slash",
        "08REYKJAVIK195-real-parentheses",
        "05ALMATY3603",
    ],
)
def test_parse_subject_marking(text: str, expected: str | None) -> None:
    assert parse_subject_marking(text) == expected


def test_subject_keeps_trailing_parentheses() -> None:
    text = "SUBJECT: (U) PEACEKEEPING TAKES ON A MORE CIVILIAN LOOK (Iceland)\n\n"
    assert parse_subject(text) == "PEACEKEEPING TAKES ON A MORE CIVILIAN LOOK (Iceland)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALMATY, ["John Ordway"]),
        (OTTAWA, ["Scott Bellard"]),
        (ANKARA, ["Eric Edelman"]),
        (LONDON, ["Robin Quinville"]),
        (
            "CLASSIFIED BY: Gene A. Cretz, Ambassador, US Embassy Tripoli, Department of State. "
            "REASON: 1.4 (b), (d)\n",
            ["Gene A. Cretz"],
        ),
        ("CLASSIFIED BY: Bodde Peter, Ambassador; REASON: 1.4(B)\n", ["Bodde Peter"]),
        (
            "Classified By: Classified by Political M-C George Glass for reasons 1.4 (b) and (d)\n",
            ["George Glass"],
        ),
        ("CLASSIFIED BY SECTION 1.5 (B) AND (D).\n", []),
        (
            "Classified By: Charge d'Affaires, a.i. Lisa Kubiske. Reason: 1.4(d) \n",
            ["Lisa Kubiske"],
        ),
        (
            "Classified By: Patricia Butenis, Charge, for reasons: 1.4 (b) and (d) \n",
            ["Patricia Butenis"],
        ),
        (
            "Classified By: AMBASSADOR CAROL VAN VOORST, REASONS 1.4 (B AND D). \n",
            ["CAROL VAN VOORST"],
        ),
        (
            "Classified By: DEPUTY CHIEF OF MISSION STUART JONES. REASONS: 1.4 (B) and (D)\n",
            ["STUART JONES"],
        ),
        (
            "Classified by EUR A/S Philip H. Gordon. Reason: 1.4 (d)\n",
            ["Philip H. Gordon"],
        ),
        (
            "CLASSIFIED BY: AMBASSADOR LEE 0. COLDREN, REASON 1.5 (D)\n",
            ["LEE O. COLDREN"],
        ),
        (
            "Classified By: Ambassador Antonio O. Garza, Jr., for reasons 1.4 (b) and (d)\n",
            ["Antonio O. Garza, Jr."],
        ),
        ("Classified By: Charge d'Affaires, for reasons 1.4 (b) and (d)  \n", []),
        ("Classified By: Derived from Multiple Sources\n", []),
        ("Classified By: XXXXXXXXXXXX, reasons 1.4 (b) and (d)\n", []),
        (BEIJING, []),
    ],
    ids=[
        "05ALMATY3603",
        "08OTTAWA918-glued-title",
        "04ANKARA348-marking-first",
        "09LONDON2222",
        "doc-3.8-smart",
        "smart-surname-first-kept-as-written",
        "doubled-keyword",
        "95TELAVIV17504-no-name",
        "charge-comma-ai",
        "name-then-title",
        "all-caps",
        "07CAIRO3126-all-caps-title",
        "title-abbreviations",
        "zero-for-o",
        "suffix",
        "09SANSALVADOR789-title-only",
        "09STATE67105-not-a-person",
        "redacted",
        "08BEIJING3662-unclassified",
    ],
)
def test_parse_classified_by(text: str, expected: list[str]) -> None:
    assert parse_classified_by(text) == expected


@pytest.mark.parametrize(
    ("text", "reasons", "letters"),
    [
        (ALMATY, "1.4 (B) and (D)", ("b", "d")),
        (ANKARA, "1.5 (b,d)", ("b", "d")),
        (
            "CLASSIFIED BY: Bodde Peter, Ambassador; REASON: 1.4(B), (D)\n",
            "1.4(B), (D)",
            ("b", "d"),
        ),
        (
            "Classified By: DCM Angie Bryan, reasons 1.4\n (b) and (d).\n",
            "1.4 (b) and (d)",
            ("b", "d"),
        ),
        (
            "Classified By: Amb X, reasons 1.4 (B) AND (\nD)\n",
            "1.4 (B) AND ( D)",
            ("b", "d"),
        ),
        (
            "Classified By: Ambassador Roland Arnall, reasons 1.4 b and d\n",
            "1.4 b and d",
            ("b", "d"),
        ),
        ("Classified By: CDA X, reason 1.4 (b/d)\n", "1.4 (b/d)", ("b", "d")),
        ("CLASSIFIED BY SECTION 1.5 (B) AND (D).\n", "1.5 (B) AND (D)", ("b", "d")),
        ("CLASSIFIED BY: X, REASON 1.5.D.\n", "1.5.D", ("d",)),
        (
            "Classified By: Ambassador X for reasons 1.4 (b), (d) and (h)\n",
            "1.4 (b), (d) and (h)",
            ("b", "d", "h"),
        ),
        (
            "Classified By: Charge d'Affaires Arnold A. Chacon for reasons 1.4 (b) a nd (d)\n",
            "1.4 (b) a nd (d)",
            ("b", "d"),
        ),
        (
            "Classified By: Amb. Carol van Voorst for reasons 1.4 (b) and (d). \n \n(C) Pol Chief\n",
            "1.4 (b) and (d)",
            ("b", "d"),
        ),
        (BEIJING, None, ()),
    ],
    ids=[
        "05ALMATY3603",
        "04ANKARA348-old-numbering",
        "smart-comma",
        "wrapped-after-section",
        "wrapped-inside-parenthesis",
        "no-parentheses",
        "slash",
        "95TELAVIV17504",
        "dotted-old-form",
        "three-letters",
        "09MADRID869-broken-and",
        "van-voorst-stops-at-blank-line",
        "08BEIJING3662-none",
    ],
)
def test_parse_reasons(
    text: str, reasons: str | None, letters: tuple[str, ...]
) -> None:
    assert parse_reasons(text) == reasons
    assert parse_reason_letters(text) == letters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALMATY, Declassification("10/03/2015", "12958", date(2015, 10, 3))),
        (
            "EO 12958 DECL: 2020/02/23\nTAGS: PREL\n",
            Declassification("2020/02/23", "12958", date(2020, 2, 23)),
        ),
        (
            "EO 12958 DECL: 07/02/11 \nTAGS PREL, PHUM\n",
            Declassification("07/02/11", "12958", date(2011, 7, 2)),
        ),
        (
            "E.o. 12958: decl: 6/3/08\n",
            Declassification("6/3/08", "12958", date(2008, 6, 3)),
        ),
        (
            "E.O. 12958:DECL: 03/18/2018\n",
            Declassification("03/18/2018", "12958", date(2018, 3, 18)),
        ),
        ("E.O. 12958: DECL:  OADR\n", Declassification("OADR", "12958", None)),
        ("E.O. 12356: DECL: OADR\n", Declassification("OADR", "12356", None)),
        ("E.O. 12958: DECL: X1, X5\n", Declassification("X1, X5", "12958", None)),
        (
            "E.O. 12958: DECL: AFTER KOREAN UNIFICATION\n",
            Declassification("AFTER KOREAN UNIFICATION", "12958", None),
        ),
        ("E.O. 11652: NGDS\n", Declassification("NGDS", "11652", None)),
        ("E.O. 12958: N/A \n", Declassification("N/A", "12958", None)),
        ("E.O.1295: NA\n", Declassification("NA", "12958", None)),
        (
            "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009\n",
            Declassification("DECLASSIFIED BY NARA 09/02/2009", "12958", None),
        ),
        (
            "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006\n",
            Declassification("AS AMENDED; DECLASSIFIED JUNE 21, 2006", "12958", None),
        ),
        (
            "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284 SIPDIS E.O. 12958: DECL: "
            "01/04/2020 TAGS: MASS MARR MCAP MOPS PARM PGOV\n",
            Declassification("01/04/2020", "12958", date(2020, 1, 4)),
        ),
        (
            "E.O. 12958: DECL: 03/19/2024TAGS: AORC IR IAEA\n",
            Declassification("03/19/2024", "12958", date(2024, 3, 19)),
        ),
        ("E.O.: 12958: N/A \nTAGS: ECON\n", Declassification("N/A", "12958", None)),
        (
            "E.O. 12958: DECL: 08 OCTOBER 2019\n",
            Declassification("08 OCTOBER 2019", "12958", date(2019, 10, 8)),
        ),
        (
            "E.O. 12958: DECL: 13/02/2019\n",
            Declassification("13/02/2019", "12958", date(2019, 2, 13)),
        ),
        (
            "E.O. 12958: DECL: 02/30/2019\n",
            Declassification("02/30/2019", "12958", None),
        ),
        (
            "Declassified/Released US Department of State EO Systematic Review 30 JUN 2006\n",
            None,
        ),
        ("", None),
    ],
    ids=[
        "05ALMATY3603",
        "year-first",
        "01VATICAN3507-two-digit-year",
        "lower-case-short-date",
        "missing-space",
        "double-space-oadr",
        "92IZMIR819-12356",
        "exemption-codes",
        "event",
        "11652-ngds",
        "unclassified-na",
        "typo-order",
        "66BUENOSAIRES2481-nara",
        "72TEHRAN1164-amended",
        "10STATE284-one-line",
        "09UNVIEVIENNA192-glued-tags",
        "08RIODEJANEIRO165-colon-before-order",
        "month-name",
        "day-first",
        "impossible-date",
        "review-stamp-is-not-an-eo-line",
        "empty",
    ],
)
def test_parse_declassification(text: str, expected: Declassification | None) -> None:
    assert parse_declassification(text) == expected


VZCZC_HEADER = (
    "VZCZCXYZ0043\n"
    "RR RUEHWEB\n"
    "\n"
    "DE RUEHBU #1673/01 2361854\n"
    "ZNY CCCCC ZZH\n"
    "R 241854Z AUG 07\n"
    "FM AMEMBASSY BUENOS AIRES\n"
    "TO RUEHC/SECSTATE WASHDC 9020\n"
)


@pytest.mark.parametrize(
    ("header", "body", "created", "expected"),
    [
        (None, ALMATY, datetime(2005, 10, 5, 8, 34), "05ALMATY3603"),
        (None, ALMATY, None, "05ALMATY3603"),
        (None, OTTAWA, datetime(2008, 7, 10), "08OTTAWA918"),
        (None, ANKARA, datetime(2004, 1, 16), "04ANKARA348"),
        (
            None,
            "C O N F I D E N T I A L 75 LIBREVILLE 1895\n\nE.O. 11652: GDS\n",
            None,
            "75LIBREVILLE1895",
        ),
        (
            None,
            "UNCLASSIFIED BUENOS AIRES 2481\n",
            datetime(1966, 12, 28),
            "66BUENOSAIRES2481",
        ),
        (
            None,
            "S E C R E T SECTION 01 OF 04 ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958:",
            datetime(2006, 6, 8),
            "06ANKARA3352",
        ),
        (
            None,
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n\nUNCLAS KABUL 000348 \n",
            datetime(2010, 1, 27),
            "10KABUL348",
        ),
        (
            VZCZC_HEADER,
            "C O N F I D E N T I A L BUENOS AIRES 00167SIPDIS SIPDIS E.O. 12958: DECL: 08/22/2017",
            None,
            "07BUENOSAIRES167",
        ),
        (VZCZC_HEADER, "Summary of the meeting.\n", None, "07BUENOSAIRES1673"),
        (None, "UNCLAS KUWAIT 000624 \n\nE.O. 12958: N/A\n", None, None),
        (None, "no caption area at all", datetime(2009, 1, 1), None),
    ],
    ids=[
        "05ALMATY3603",
        "05ALMATY3603-year-from-decl",
        "08OTTAWA918-section",
        "04ANKARA348-lower-case",
        "7575LIBREVILLE1895-year-in-line",
        "66BUENOSAIRES2481-unpadded",
        "06ANKARA3352-glued-captions",
        "10KABUL348-second-level-line",
        "07BUENOSAIRES1673-body-line-wins",
        "07BUENOSAIRES1673-de-and-fm-lines",
        "07KUWAIT624-no-year",
        "nothing",
    ],
)
def test_guess_reference_id(
    header: str | None, body: str, created: datetime | None, expected: str | None
) -> None:
    assert guess_reference_id(header, body, created) == expected


def test_seed_page(seed_body: str) -> None:
    assert (
        parse_subject(seed_body)
        == "KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV"
    )
    assert parse_captions(seed_body) == ["SIPDIS"]
    assert parse_classified_by(seed_body) == ["John Ordway"]
    assert parse_reasons(seed_body) == "1.4 (B) and (D)"
    declassification = parse_declassification(seed_body)
    assert declassification is not None
    assert (declassification.date, declassification.order) == (
        date(2015, 10, 3),
        "12958",
    )
    assert guess_reference_id(None, seed_body, datetime(2005, 10, 5)) == "05ALMATY3603"


DATE_LINES = [
    ("Tuesday, 20 January 2004, 09:44\nS E C R E T RANGOON 000088", date(2004, 1, 20)),
    ("Friday, 5 February 2010, 16:01\n", date(2010, 2, 5)),
    ("Monday, 31 February 2005, 10:00", None),
    ("Monday, 3 Janvier 2005, 10:00", None),
    ("S E C R E T RANGOON 000088\nTuesday, 20 January 2004", None),
    ("", None),
]


@pytest.mark.parametrize(
    ("text", "expected"), DATE_LINES, ids=[f"line{i}" for i in range(len(DATE_LINES))]
)
def test_parse_date_line(text: str, expected: date | None) -> None:
    assert parse_date_line(text) == expected


@given(st.text())
def test_no_function_raises(text: str) -> None:
    parse_classification_line(text)
    parse_captions(text)
    parse_subject(text)
    parse_subject_marking(text)
    parse_classified_by(text)
    parse_reasons(text)
    parse_reason_letters(text)
    parse_declassification(text)
    parse_date_line(text)
    guess_reference_id(text, text, None)


@given(
    st.text(
        alphabet="CONFIDENTIALSECRTUB 0123456789/.:()\n-,;ABDEFGHXsubjectrfby",
        max_size=400,
    )
)
def test_no_function_raises_on_caption_like_text(text: str) -> None:
    for function in (
        parse_subject,
        parse_classified_by,
        parse_reasons,
        parse_declassification,
    ):
        function(text)
    guess_reference_id(text, text, None)


TEHRAN_WITH_GLUED_CABLE = (
    "S E C R E T TEHRAN 2077 \n \n"
    "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005 \n \n"
    "C O R R E C T E D C O P Y ( FIRST PARAGRAPH AND PARA. 2.) \n \n"
    "E. O. 11652: GDS \nTAGS: PFOR IR PK XF\nSUBJECT: AUDIENCE WITH SHAH APRIL 5 \n ...\n\n\n"
    "50133  2006-01-19  06THEHAGUE131  Embassy The Hague  CONFIDENTIAL    "
    "C O N F I D E N T I A L THE HAGUE 000131   SIPDIS   SIPDIS   STATE FOR EUR/UBI  "
    "E.O. 12958: DECL: 01/19/2016  \n\nTAGS: PFOR IR PK XF\n\n"
    "SUBJECT: NETHERLANDS/ISAF: PARLIAMENTARY TRIP CANCELED \n\n"
    "Classified By: Charge D'Affaires Chat Blakeman,  reasons 1.4 (b,d)   \n\n"
    "1. (C) Summary: The Dutch parliament on January 18 called off\n"
)

RIGA_WITH_REPEATED_BLOCK = (
    "C O N F I D E N T I A L RIGA 000472 \n \nSIPDIS \n \nE.O. 12958: DECL: 08/12/2018 \n"
    "TAGS: PREL MOPS ENRG NATO EUN RS GG LG\n"
    "SUBJECT: TFGG01: LATVIAN FM WANTS STRONG NATO AND EU \nSTATEMENTS BUT NOT OPTIMISTIC \n \n"
    "REF: A) STATE 856708 B) STATE 86108 ...\n\n"
    "C O N F I D E N T I A L RIGA 000472 SIPDIS E.O. 12958: DECL: 08/12/2018 TAGS: PREL MOPS\n"
    "STATE 86108 Classified By: Ambassador Charles W. Larson, Jr., Reason: 1.4 (d) 1. (C) \n"
    "Summary: Latvian FM Riekstins supports strong statements\n"
)


def test_glued_second_cable_is_not_read() -> None:
    assert parse_subject(TEHRAN_WITH_GLUED_CABLE) == "AUDIENCE WITH SHAH APRIL 5"
    assert parse_classified_by(TEHRAN_WITH_GLUED_CABLE) == []
    assert parse_declassification(TEHRAN_WITH_GLUED_CABLE) == Declassification(
        "GDS", "11652", None
    )
    assert parse_captions(TEHRAN_WITH_GLUED_CABLE) == ["CORRECTED COPY"]


def test_repeated_block_of_the_same_cable_is_read() -> None:
    subject = (
        "TFGG01: LATVIAN FM WANTS STRONG NATO AND EU STATEMENTS BUT NOT OPTIMISTIC"
    )
    assert parse_subject(RIGA_WITH_REPEATED_BLOCK) == subject
    assert parse_classified_by(RIGA_WITH_REPEATED_BLOCK) == ["Charles W. Larson, Jr."]
    assert parse_reasons(RIGA_WITH_REPEATED_BLOCK) == "1.4 (d)"


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (
            parse_captions,
            "C O N F I D E N T I A L SECTION 01 OF 03 CAIRO 000544SIPDIS \n\n",
            ["SIPDIS"],
        ),
        (
            parse_captions,
            "S E C R E T SECTION 01 OF 04 ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958: DECL: 06/05/2026",
            ["SIPDIS", "NOFORN"],
        ),
        (
            parse_declassification,
            "E.0. 12958: DECL: 03/05/11 \nTAGS PREL\n",
            Declassification("03/05/11", "12958", date(2011, 3, 5)),
        ),
        (
            parse_classified_by,
            "REF: A. MANAMA 165 D. MANAMA 486 Classiied By: CDA Christopher Henzel for reasons 1.4 (b)and (d)\n",
            ["Christopher Henzel"],
        ),
        (
            parse_reasons,
            "REF: A. MANAMA 165 D. MANAMA 486 Classiied By: CDA Christopher Henzel for reasons 1.4 (b)and (d)\n",
            "1.4 (b)and (d)",
        ),
        (
            parse_classified_by,
            "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFIS PBTS AR\n"
            "SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS \n",
            [],
        ),
        (
            parse_classified_by,
            "Original Telegram was Confidential but has since been \nde-classified by NARA\n",
            [],
        ),
        (
            parse_classified_by,
            "Classified By: Political Minister-Counselor Josiah Rosenblatt for reaso \nns 1.4 b and d. \n",
            ["Josiah Rosenblatt"],
        ),
        (
            parse_classified_by,
            "Classified By: by CDA Patricia Butenis for reasons 1.4 (b) and (d) \n",
            ["Patricia Butenis"],
        ),
        (
            parse_classified_by,
            "Classified By: CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR REASONS 1.4 (B) AND (D).\n",
            ["ELIOT KANG"],
        ),
        (
            parse_classified_by,
            "CLASSIFIED BY EAP DAS THOMAS J. CHRISTENSEN: 1.4 (B) AND (D). \n",
            ["THOMAS J. CHRISTENSEN"],
        ),
        (
            parse_classified_by,
            "REF: STATE 6461  PLEASE PASS TO RSO.  Classified by S/CT DAS, Susan F. Burk, "
            "Reason: 1/4 (B), (D), (E), and (G)    \n\n1. (U//FOUO) This is an action request\n",
            ["Susan F. Burk"],
        ),
        (
            parse_reason_letters,
            "Classified by S/CT DAS, Susan F. Burk, Reason: 1/4 (B), (D), (E), and (G)    \n",
            ("b", "d", "e", "g"),
        ),
    ],
    ids=[
        "09CAIRO544-glued-sipdis",
        "06ANKARA3352-glued-captions",
        "01VATICAN1261-digit-zero",
        "08ECTION01OF02MANAMA492-typo-keyword",
        "08ECTION01OF02MANAMA492-reasons",
        "66BUENOSAIRES2481-nara-is-not-a-classifier",
        "66BUENOSAIRES2481-de-classified",
        "05PARIS104-broken-reason-word",
        "07BAGHDAD3895-stray-by",
        "08STATE50524-bureau-and-das",
        "07STATE152317-bureau-and-das",
        "09STATE15113-office-then-name",
        "09STATE15113-slash-typo",
    ],
)
def test_corpus_regressions(function, text: str, expected: object) -> None:
    assert function(text) == expected
