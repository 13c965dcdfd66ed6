"""Routing headers: partial banner, DTG, addressees and transmission facts, on real headers."""

from __future__ import annotations

import html
import re
import tarfile
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.routing import (
    is_partial_header,
    parse_dtg,
    parse_recipients,
    parse_transmission,
)
from cablebrowser.record import PARTIAL_BANNER, Recipient

REYKJAVIK_195 = """VZCZCXRO8797
PP RUEHFL RUEHKW RUEHLA RUEHROV RUEHSR
DE RUEHRK #0195/01 2531700
ZNY CCCCC ZZH
P 091700Z SEP 08
FM AMEMBASSY REYKJAVIK
TO RUEHC/SECSTATE WASHDC PRIORITY 3787
INFO RUEHBUL/AMEMBASSY KABUL 0022
RUEHZL/EUROPEAN POLITICAL COLLECTIVE
RHMFISS/HQ USEUCOM VAIHINGEN GE 0077
RUEKJCS/SECDEF WASHDC
RUEAIIA/CIA WASHDC
RUEKDIA/DIA WASHDC"""

BUENOS_AIRES_2481 = """P R 281848Z DEC 66
FM AMEMBASSY BUENOS AIRES
TO SECSTATE WASHDC PRIORITY
INFO USCINCSO
CINCLANT
AMEMBASSY LONDON
STATE GRNC"""

LIBREVILLE_1895 = """O R 181205Z NOV 75 ZFF4
FM AMEMBASSY LIBREVILLE
TO USMISSION USUN NEWYORK NIACT IMMEDIATE
SECSTATE WASHDC IMMEDIATE 7102
INFO AMEMBASSY PARIS
AMEMBASSY SEOUL"""

# 09STATE15113: State's distribution block first, then a page header inside TO.
STATE_15113 = """INFO  LOG-00   MFA-00   EEB-00   AF-00    AGRE-00  AIT-00   AMAD-00
      SWCI-00    /007R


P 182318Z FEB 09
FM SECSTATE WASHDC
TO PAGE 02        STATE   015113  182333Z
ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY
AMEMBASSY TRIPOLI PRIORITY"""

BRASILIA_93 = """O 151856Z JAN 08
FM AMEMBASSY BRASILIA
TO SECSTATE WASHDC IMMEDIATE 0861
SECDEF WASHDC IMMEDIATE
INFO AMEMBASSY BUENOS AIRES PRIOITY
AMMBASSY NEW DELHI PRIORITY 0415
AMEMBASSY ARIS PRIORITY"""

TRIPOLI_254 = """VZCZCXRO0597
OO RUEHBC RUEHDE RUEHKUK RUEHROV
DE RUEHTRO #0254 0851318
ZNR UUUUU ZZH
O R 261318Z MAR 09
FM AMEMBASSY TRIPOLI
TO RUEHC/SECSTATE WASHDC IMMEDIATE 4653
INFO RUEHEE/ARAB LEAGUE COLLECTIVE
RUEHTRO/AMEMBASSY TRIPOLI 5180
XMT AMEMBASSY KHARTOUM"""


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (PARTIAL_BANNER, True),
        (
            PARTIAL_BANNER + "C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 008852",
            True,
        ),
        ("this record is a partial   extract of the original\ncable.", True),
        (REYKJAVIK_195, False),
        ("", False),
        (None, False),
    ],
    ids=[
        "05ALMATY3603-banner",
        "02ANKARA8852-glued",
        "spacing-and-case",
        "full-header",
        "empty",
        "none",
    ],
)
def test_is_partial_header(header: str | None, expected: bool) -> None:
    assert is_partial_header(header) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (REYKJAVIK_195, datetime(2008, 9, 9, 17, 0)),
        (BUENOS_AIRES_2481, datetime(1966, 12, 28, 18, 48)),
        (LIBREVILLE_1895, datetime(1975, 11, 18, 12, 5)),
        (STATE_15113, datetime(2009, 2, 18, 23, 18)),
        ("O P 190243Z DEC 89\nFM AMEMBASSY X", datetime(1989, 12, 19, 2, 43)),
        ("P R 041820Z JAN 10\nFM SECSTATE WASHDC", datetime(2010, 1, 4, 18, 20)),
        ("R 161207Z NOV 09 ZDK\nFM AMEMBASSY MANAMA", datetime(2009, 11, 16, 12, 7)),
        ("301931Z OCT 09\nFrom: AMCONSUL TIJUANA", datetime(2009, 10, 30, 19, 31)),
        (PARTIAL_BANNER + "\n\n201247Z Jan 04", datetime(2004, 1, 20, 12, 47)),
        ("0 241208Z OCT 79\nFM AMEMBASSY TEHRAN", datetime(1979, 10, 24, 12, 8)),
        ("P 321700Z SEP 08\nFM X", None),
        ("P 091700Z FOO 08\nFM X", None),
        (PARTIAL_BANNER, None),
        (None, None),
    ],
    ids=[
        "08REYKJAVIK195",
        "66BUENOSAIRES2481-1966",
        "7575LIBREVILLE1895-operating-signal",
        "09STATE15113-after-distribution",
        "two-precedences-1989",
        "two-precedences-2010",
        "09MANAMA655-trailing-signal",
        "09TIJUANA1116-no-precedence",
        "04ANKARA348-banner-then-dtg",
        "79TEHRAN11260-zero-for-O",
        "impossible-day",
        "unknown-month",
        "partial",
        "none",
    ],
)
def test_parse_dtg(header: str | None, expected: datetime | None) -> None:
    assert parse_dtg(header) == expected


def _rows(recipients: list[Recipient]) -> list[tuple]:
    return [
        (r.kind, r.route, r.name, r.precedence, r.mcn, r.excluded) for r in recipients
    ]


RECIPIENT_CASES = [
    (
        REYKJAVIK_195,
        [
            ("to", "RUEHC", "SECSTATE WASHDC", "PRIORITY", "3787", ()),
            ("info", "RUEHBUL", "AMEMBASSY KABUL", None, "0022", ()),
            ("info", "RUEHZL", "EUROPEAN POLITICAL COLLECTIVE", None, None, ()),
            ("info", "RHMFISS", "HQ USEUCOM VAIHINGEN GE", None, "0077", ()),
            ("info", "RUEKJCS", "SECDEF WASHDC", None, None, ()),
            ("info", "RUEAIIA", "CIA WASHDC", None, None, ()),
            ("info", "RUEKDIA", "DIA WASHDC", None, None, ()),
        ],
        "08REYKJAVIK195",
    ),
    (
        BUENOS_AIRES_2481,
        [
            ("to", None, "SECSTATE WASHDC", "PRIORITY", None, ()),
            ("info", None, "USCINCSO", None, None, ()),
            ("info", None, "CINCLANT", None, None, ()),
            ("info", None, "AMEMBASSY LONDON", None, None, ()),
            ("info", None, "STATE GRNC", None, None, ()),
        ],
        "66BUENOSAIRES2481",
    ),
    (
        LIBREVILLE_1895,
        [
            ("to", None, "USMISSION USUN NEWYORK", "NIACT IMMEDIATE", None, ()),
            ("to", None, "SECSTATE WASHDC", "IMMEDIATE", "7102", ()),
            ("info", None, "AMEMBASSY PARIS", None, None, ()),
            ("info", None, "AMEMBASSY SEOUL", None, None, ()),
        ],
        "7575LIBREVILLE1895",
    ),
    (
        STATE_15113,
        [
            ("to", None, "ALL DIPLOMATIC POSTS COLLECTIVE", "PRIORITY", None, ()),
            ("to", None, "AMEMBASSY TRIPOLI", "PRIORITY", None, ()),
        ],
        "09STATE15113-page-header-stripped",
    ),
    (
        BRASILIA_93,
        [
            ("to", None, "SECSTATE WASHDC", "IMMEDIATE", "0861", ()),
            ("to", None, "SECDEF WASHDC", "IMMEDIATE", None, ()),
            ("info", None, "AMEMBASSY BUENOS AIRES", "PRIORITY", None, ()),
            ("info", None, "AMMBASSY NEW DELHI", "PRIORITY", "0415", ()),
            ("info", None, "AMEMBASSY ARIS", "PRIORITY", None, ()),
        ],
        "08BRASILIA93-misspelt-precedence",
    ),
    (
        TRIPOLI_254,
        [
            ("to", "RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "4653", ()),
            (
                "info",
                "RUEHEE",
                "ARAB LEAGUE COLLECTIVE",
                None,
                None,
                ("AMEMBASSY KHARTOUM",),
            ),
            ("info", "RUEHTRO", "AMEMBASSY TRIPOLI", None, "5180", ()),
        ],
        "09TRIPOLI254-xmt-to-collective",
    ),
    (
        "P 1\nFM X\nTO RUEHLO/AMEMBASSY LONDON 8778 PRIORITY\nINFO AMEMBASSY NEW DELHI PIORITY",
        [
            ("to", "RUEHLO", "AMEMBASSY LONDON", "PRIORITY", "8778", ()),
            ("info", None, "AMEMBASSY NEW DELHI", "PRIORITY", None, ()),
        ],
        "09TRIPOLI320-mcn-first-09BAKU179-piority",
    ),
    (
        "R 111549Z MAR 09\nFM X\nTO ALL US CONSULATES IN MEXICO COLLECTIVE\nXMT/AMEMBASSY SOFIA\nAMEMBASSY PARIS",
        [
            (
                "to",
                None,
                "ALL US CONSULATES IN MEXICO COLLECTIVE",
                None,
                None,
                ("AMEMBASSY SOFIA",),
            ),
            ("to", None, "AMEMBASSY PARIS", None, None, ()),
        ],
        "xmt-with-slash",
    ),
    (
        PARTIAL_BANNER
        + "\n\n CONFIDENTIAL\nPAGE 01 HARARE 05461 01 OF 02 271458Z\nACTION AF-00\n"
        "INFO  LOG-00   NP-00\n R 271427Z DEC 00\nFM AMEMBASSY HARARE\nTO SECSTATE WASHDC 7690\n"
        "INFO AMEMBASSY LONDON",
        [
            ("to", None, "SECSTATE WASHDC", None, "7690", ()),
            ("info", None, "AMEMBASSY LONDON", None, None, ()),
        ],
        "00HARARE5461-banner-then-header",
    ),
    (
        "P 240620Z JUL 08\nFM AMEMBASSY MANAMA\nTORUEHC/SECSTATE WASHDC PRIORITY 8009\n"
        "INFO RUEHGB/AMEMBASSY BAGHDAD PRIORITY 0252",
        [
            ("to", "RUEHC", "SECSTATE WASHDC", "PRIORITY", "8009", ()),
            ("info", "RUEHGB", "AMEMBASSY BAGHDAD", "PRIORITY", "0252", ()),
        ],
        "08MANAMA492-to-glued-to-routing-indicator",
    ),
    (
        "P 240620Z JUL 08\nFM X\nTO AMEMBASSY PARIS\nTOKYO POSTS\nINFORMAL GROUP",
        [
            ("to", None, "AMEMBASSY PARIS", None, None, ()),
            ("to", None, "TOKYO POSTS", None, None, ()),
            ("to", None, "INFORMAL GROUP", None, None, ()),
        ],
        "word-starting-with-to-is-not-split",
    ),
    (PARTIAL_BANNER, [], "partial"),
    ("", [], "empty"),
]


@pytest.mark.parametrize(
    ("header", "expected"),
    [c[:2] for c in RECIPIENT_CASES],
    ids=[c[2] for c in RECIPIENT_CASES],
)
def test_parse_recipients(header: str, expected: list[tuple]) -> None:
    assert _rows(parse_recipients(header)) == expected


def test_parse_transmission_acp127() -> None:
    assert parse_transmission(REYKJAVIK_195) == {
        "transmission_id": "VZCZCXRO8797",
        "precedence": "P",
        "info_precedence": None,
        "dtg": "091700Z SEP 08",
        "originator": "AMEMBASSY REYKJAVIK",
        "station": "RUEHRK",
        "serial": "0195",
        "section": "01",
    }


def test_parse_transmission_acp126() -> None:
    facts = parse_transmission(LIBREVILLE_1895)
    assert (
        facts["transmission_id"],
        facts["precedence"],
        facts["info_precedence"],
    ) == (None, "O", "R")
    assert (facts["originator"], facts["station"], facts["dtg"]) == (
        "AMEMBASSY LIBREVILLE",
        None,
        "181205Z NOV 75",
    )


def test_parse_transmission_partial_is_empty() -> None:
    assert set(parse_transmission(PARTIAL_BANNER).values()) == {None}


_PRE_PATTERN = re.compile(r"<pre>(.*?)</pre>", re.S)


@pytest.mark.parametrize(
    ("member", "dtg", "first", "count"),
    [
        (
            "test-set/1966/12/66BUENOSAIRES2481.html",
            datetime(1966, 12, 28, 18, 48),
            "SECSTATE WASHDC",
            12,
        ),
        (
            "test-set/1975/11/7575LIBREVILLE1895.html",
            datetime(1975, 11, 18, 12, 5),
            "USMISSION USUN NEWYORK",
            4,
        ),
        (
            "test-set/1972/02/72TEHRAN1164.html",
            datetime(1972, 2, 25, 9, 30),
            "SECSTATE WASHDC",
            4,
        ),
    ],
    ids=["66BUENOSAIRES2481", "7575LIBREVILLE1895", "72TEHRAN1164"],
)
def test_real_pages(
    shared_data, member: str, dtg: datetime, first: str, count: int
) -> None:
    path = shared_data / "cablegate-site-2011-09-final_markchips_test-set.tar.xz"
    with tarfile.open(path) as archive:
        page = archive.extractfile(member).read().decode("utf-8")
    header = html.unescape(_PRE_PATTERN.search(page).group(1))
    recipients = parse_recipients(header)
    assert parse_dtg(header) == dtg
    assert (recipients[0].name, len(recipients)) == (first, count)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=1500)
    | st.lists(st.sampled_from(REYKJAVIK_195.split("\n") + ["XMT", "TO", ""])).map(
        "\n".join
    )
)
def test_never_raises(header: str) -> None:
    assert isinstance(is_partial_header(header), bool)
    parse_dtg(header)
    assert all(r.kind in ("to", "info") and r.name for r in parse_recipients(header))
    assert set(parse_transmission(header)) >= {"transmission_id", "originator"}
