"""Body structure: paragraphs, markings, headings, summary, comment and signers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebrowser.parse.body import (
    parse_comment,
    parse_paragraphs,
    parse_signers,
    parse_summary,
)
from cablebrowser.parse.text import clean_text

CAPTION = "\n".join(
    [
        "C O N F I D E N T I A L  ALMATY 003603",
        " ",
        "SIPDIS",
        " ",
        "E.O. 12958: DECL: 10/03/2015",
        "TAGS: KZ, PGOV",
        "SUBJECT: A TEST",
        " ",
        "Classified By: Ambassador John Ordway, reasons 1.4 (B) and (D).",
        " ",
        "",
    ]
)


def cable(body: str) -> str:
    return CAPTION + body


@pytest.fixture(scope="module")
def seed_body(sample_dir) -> str:
    page = (sample_dir / "seed" / "05ALMATY3603.txt").read_text(encoding="utf-8")
    return clean_text(
        page[
            page.index("C O N F I D E N T I A L") : page.index(
                "Latest source of this page"
            )
        ]
    )


def test_seed_paragraphs(seed_body: str) -> None:
    paragraphs = parse_paragraphs(seed_body)
    assert [p.number for p in paragraphs] == list(range(1, 24))
    assert [p.marking for p in paragraphs] == ["C"] * 21 + ["U"] * 2


def test_seed_headings(seed_body: str) -> None:
    headings = {p.number: p.heading for p in parse_paragraphs(seed_body)}
    expected = {1: None}
    for title, numbers in [
        ("Democratization", range(2, 7)),
        ("Elections", range(7, 11)),
        ("Security", range(11, 12)),
        ("Regional Issues", range(12, 17)),
        ("Partnership with the U.S.", range(17, 21)),
        ("Other Issues", range(21, 24)),
    ]:
        expected.update(dict.fromkeys(numbers, title))
    assert headings == expected


def test_seed_paragraph_texts(seed_body: str) -> None:
    paragraphs = parse_paragraphs(seed_body)
    assert paragraphs[0].text.startswith(
        "Assistant Secretary Dan Fried met with Kazakhstani\nPresident"
    )
    assert paragraphs[0].text.endswith(
        "This message\nreports the conversation thematically."
    )
    # page gap inside paragraph 6 and a stray SIPDIS inside paragraph 21 are gone
    assert "revolution was the result of\nfailure and never" in paragraphs[5].text
    assert "President\nBush's recent letter" in paragraphs[20].text
    assert not any("Democratization" in p.text or "-----" in p.text for p in paragraphs)
    assert (paragraphs[21].text, paragraphs[22].text) == (
        "A/S Fried has cleared this cable.",
        "Dushanbe minimize considered.",
    )


def test_seed_signers_summary_comment(seed_body: str) -> None:
    assert parse_signers(seed_body) == ["ORDWAY"]
    assert parse_summary(seed_body) is None
    assert parse_comment(seed_body) == (
        "not likely.\n\nThis isn't true; we've tried to gently correct the record a couple of times "
        "but Nazarbayev keeps repeating this."
    )


MARKING_CASES = [
    ("1. (C) Text here.", 1, "C", "Text here.", "spaced"),
    ("1.(C) Text here.", 1, "C", "Text here.", "no-space"),
    ("1.  (U) Text here.", 1, "U", "Text here.", "two-spaces"),
    ("1. C) Text here.", 1, "C", "Text here.", "missing-open-paren"),
    ("2. SBU) Text here.", 2, "SBU", "Text here.", "missing-open-paren-sbu"),
    ("3. (SBU/N) Text here.", 3, "SBU/N", "Text here.", "sbu-n"),
    ("1.(C/REL LIBYA) Text here.", 1, "C/REL LIBYA", "Text here.", "rel"),
    ("1. (S//NF) Text here.", 1, "S//NF", "Text here.", "double-slash"),
    (
        "1. (C - ENTIRE TEXT). Text here.",
        1,
        "C - ENTIRE TEXT",
        "Text here.",
        "entire-text",
    ),
    (
        "1. CONFIDENTIAL - ENTIRE TEXT. Text here.",
        1,
        "CONFIDENTIAL - ENTIRE TEXT",
        "Text here.",
        "old-entire-text",
    ),
    ("1. Content without marking.", 1, None, "Content without marking.", "unmarked"),
    ("\u00b61. (C) Text here.", 1, "C", "Text here.", "pilcrow"),
    ("1.(SBU) Summary: text.", 1, "SBU", "Summary: text.", "marking-then-summary"),
    (
        "1. (Note: not a marking.)",
        1,
        None,
        "(Note: not a marking.)",
        "parenthesis-not-a-marking",
    ),
]


@pytest.mark.parametrize(
    ("line", "number", "marking", "text"),
    [c[:4] for c in MARKING_CASES],
    ids=[c[4] for c in MARKING_CASES],
)
def test_paragraph_markings(
    line: str, number: int, marking: str | None, text: str
) -> None:
    (paragraph,) = parse_paragraphs(cable(line + "\n"))
    assert (paragraph.number, paragraph.marking, paragraph.text) == (
        number,
        marking,
        text,
    )


NUMBERING_CASES = [
    (
        "1. (C) The meeting was on October\n5. The talks went on.\n\n2. (C) Next.",
        [1, 2],
        "date-at-line-start",
    ),
    ("1. (C) He paid\n250. dollars.\n\n2. (C) Next.", [1, 2], "amount-at-line-start"),
    ("1. (C) First.\n\n2. (C) Second.\n\n4. (C) Fourth.", [1, 2, 4], "skipped-number"),
    ("1. (C) First.\n\n2. (C) Second.\n\n1. (C) Restart.", [1, 2, 1], "marked-restart"),
    ("1. First.\n\n2. Second.\n\n9. Far away.", [1, 2], "implausible-jump"),
    ("1. (C) Items:\n\n1. one\n2. two\n\n2. (C) Next.", [1, 2], "inner-list"),
    (
        "1. (S) A.\n\n4. (C) B.\n\n4. (C) C.\n\n5. (S) D.",
        [1, 4, 4, 5],
        "07CAIRO3126-repeated-number",
    ),
    ("6. FINALLY.\n\n6. AGAIN.\n\n7. END.", [None], "unmarked-first-must-be-small"),
    (
        "7. (C) Section two starts here.\n\n8. (C) Next.",
        [7, 8],
        "08SCTION02OF02SAOPAULO335-second-section",
    ),
    (
        "Classified By: Larson, Reason: 1.4 (d) 1. (C) Summary: x.\n\n2. (C) Next. 3. (U) Cleared.",
        [1, 2, 3],
        "08RIGA472-inline-numbers",
    ),
    ("1. (C) A.\n\n- \n2. AN ARAB AMBASSADOR.", [1, 2], "85MOGADISHU1643-dash-line"),
]


@pytest.mark.parametrize(
    ("body", "numbers"),
    [c[:2] for c in NUMBERING_CASES],
    ids=[c[2] for c in NUMBERING_CASES],
)
def test_paragraph_numbering(body: str, numbers: list[int | None]) -> None:
    assert [p.number for p in parse_paragraphs(cable(body))] == numbers


HEADING_CASES = [
    (
        "---------------\nErdogan The Man\n---------------\n\n1. (C) Text.",
        "Erdogan The Man",
        "02ANKARA8852-boxed",
    ),
    (
        "Democratization\n---------------\n\n1. (C) Text.",
        "Democratization",
        "05ALMATY3603-underlined",
    ),
    (
        "------- SUMMARY -------\n\n1. (C) Text.",
        "SUMMARY",
        "06SAOPAULO350-inline-boxed",
    ),
    ("Summary =======\n\n1. (C) Text.", "Summary", "inline-equals"),
    (
        "WHY A NUCLEAR SUBMARINE? ---------------\n1. (C) Text.",
        "WHY A NUCLEAR SUBMARINE?",
        "08BRASILIA93-one-line",
    ),
    (
        "Trade\n\u2010\u2010\u2010\u2010\u2010\n\n1. (C) Text.",
        "Trade",
        "05PANAMA1729-u2010",
    ),
    ("COMMENT\n\n1. (C) Text.", "COMMENT", "09QUITO227-bare-upper-case"),
]


@pytest.mark.parametrize(
    ("body", "heading"),
    [c[:2] for c in HEADING_CASES],
    ids=[c[2] for c in HEADING_CASES],
)
def test_headings(body: str, heading: str) -> None:
    (paragraph,) = parse_paragraphs(cable(body))
    assert (paragraph.number, paragraph.heading, paragraph.text) == (
        1,
        heading,
        "Text.",
    )


def test_heading_is_not_part_of_previous_paragraph() -> None:
    first, second = parse_paragraphs(
        cable("1. (C) One.\n\nElections\n---------\n\n2. (C) Two.\n")
    )
    assert (first.text, first.heading, second.heading) == ("One.", None, "Elections")


def test_bullets_are_not_headings() -> None:
    (paragraph,) = parse_paragraphs(
        cable("1. (C) Points:\n\n-- first point\n-- second point\n")
    )
    assert paragraph.heading is None
    assert paragraph.text == "Points:\n\n-- first point\n-- second point"


def test_unnumbered_body_is_one_paragraph() -> None:
    paragraphs = parse_paragraphs(
        cable("The Embassy reports that all is well.\n\nMore text follows.\nSMITH\n")
    )
    assert [(p.number, p.marking, p.text) for p in paragraphs] == [
        (None, None, "The Embassy reports that all is well.\n\nMore text follows.")
    ]


def test_ref_list_after_blank_line_is_caption() -> None:
    # 05SANJOSE2215: the REF list goes on after a blank line; a heading has no blank line after its rule
    text = (
        "UNCLAS SAN JOSE 002215\n\nSUBJECT: STUDENTS\n\nREF: A. SAN JOSE 944\n\n     B. SAN JOSE 2181\n"
        "     C. SAN JOSE 1153\n\n1. Summary: Marches. End summary.\n\nUNITED IN PURPOSE\n-----------\n"
        "2. Ever since.\n"
    )
    paragraphs = parse_paragraphs(text)
    assert [(p.number, p.heading, p.text) for p in paragraphs] == [
        (1, None, "Summary: Marches. End summary."),
        (2, "UNITED IN PURPOSE", "Ever since."),
    ]


def test_leading_unnumbered_text_is_kept() -> None:
    paragraphs = parse_paragraphs(cable("Introductory line.\n\n1. (C) One.\n"))
    assert [(p.number, p.text) for p in paragraphs] == [
        (None, "Introductory line."),
        (1, "One."),
    ]


SUMMARY_CASES = [
    ("1. (C) Summary: The point. End Summary.\n\n2. (C) Text.", "The point.", "inline"),
    (
        "1. (C) SUMMARY. THE POINT. END SUMMARY.\n\n2. (C) TEXT.",
        "THE POINT.",
        "upper-case",
    ),
    ("1. (C) Summay: The point. End summary.\n", "The point.", "09OSLO146-typo"),
    (
        "BEGIN SUMMARY: The point.\nEND SUMMARY\n\n1. (C) Text.",
        "The point.",
        "begin-summary",
    ),
    (
        "1. (C) Summary and Action Request. Please act. End Summary and Action Request.",
        "Please act.",
        "action",
    ),
    (
        "1. (C) Summary and Comment: Views. END SUMMARY AND COMMENT.",
        "Views.",
        "summary-and-comment",
    ),
    (
        "1. (C) Summary: The point\nis wrapped. End\nSummary.\n\n2. (C) Text.",
        "The point is wrapped.",
        "wrapped-end",
    ),
    (
        "1. (C) The first paragraph. End Summary.\n\n2. (C) Text.",
        "The first paragraph.",
        "07BAGHDAD3895-no-start",
    ),
    (
        "1. (C) Summary: No end marker.\n\n2. (C) Other.",
        "No end marker.",
        "ends-at-paragraph",
    ),
    (
        "SUMMARY\n-------\n\n1. (C) The point.\n\nCOMMENT\n-------\n\n2. (C) Views.",
        "The point.",
        "heading-form",
    ),
    ("1. (C) Nothing to summarise here.", None, "none"),
]


@pytest.mark.parametrize(
    ("body", "summary"),
    [c[:2] for c in SUMMARY_CASES],
    ids=[c[2] for c in SUMMARY_CASES],
)
def test_parse_summary(body: str, summary: str | None) -> None:
    assert parse_summary(cable(body)) == summary


COMMENT_CASES = [
    (
        "1. (C) Facts. Comment: Views here. End Comment. More facts.",
        "Views here.",
        "inline",
    ),
    (
        "1. (C) Facts.\n\n11. (C) Comment: Views\nhere.\n\n12. (U) Cleared.",
        "Views here.",
        "comment-paragraph",
    ),
    (
        "1. (C) Facts. Comment: Views here. End\ncomment.\n",
        "Views here.",
        "07BERN881-wrapped-end",
    ),
    (
        "1. (C) He will stay (Comment: not likely.) at home.",
        "not likely.",
        "parenthesised",
    ),
    (
        "1. (C) Facts.\n\nCOMMENT\n-------\n\n2. (C) Views here.\n",
        "Views here.",
        "heading-form",
    ),
    ("1. (C) The minister declined to comment.\n", None, "declined-to-comment"),
    (
        "1. (C) Summary and Comment: X. End Summary and Comment.",
        None,
        "summary-and-comment-is-summary",
    ),
    (
        "1. (C) A. (Comment: one.) B. Comment: two. End Comment.",
        "one.\n\ntwo.",
        "several-joined",
    ),
]


@pytest.mark.parametrize(
    ("body", "comment"),
    [c[:2] for c in COMMENT_CASES],
    ids=[c[2] for c in COMMENT_CASES],
)
def test_parse_comment(body: str, comment: str | None) -> None:
    assert parse_comment(cable(body)) == comment


SIGNER_CASES = [
    (
        "23. (U) Dushanbe minimize considered.\nORDWAY\n\n\nNNNN\n",
        ["ORDWAY"],
        "05ALMATY3603",
    ),
    ("1. (U) Cleared.\nKEEGAN PAAL\n", ["KEEGAN", "PAAL"], "two-names"),
    (
        "1. (U) Cleared.\nKEEGANPAAL\n",
        ["KEEGAN", "PAAL"],
        "04TAIPEI3991-known-glued-pair",
    ),
    ("1. (U) Cleared.\nSMITHJONES\n", ["SMITHJONES"], "unknown-glued-pair-stays"),
    (
        "1. (U) Cleared.\nSEMBLER\n\n    CONFIDENTIAL\n\n>\n",
        ["SEMBLER"],
        "02ROME3639-trailing-classification",
    ),
    (
        "1. (U) Cleared.\nRICE\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2005\n",
        ["RICE"],
        "review-stamp",
    ),
    ('1. (U) Quoted text.\nCLINTON\n"\n', ["CLINTON"], "closing-quote"),
    (
        "1. (U) November 2006.\n \nvan Voorst",
        ["van Voorst"],
        "06REYKJAVIK205-mixed-case",
    ),
    (
        "1. (U) Views. End Comment. Tueller",
        ["Tueller"],
        "10CAIRO37-glued-after-sentence",
    ),
    ("1. (U) VIEWS. END COMMENT. FRAKER", ["FRAKER"], "08RIYADH7-upper-glued"),
    (
        "1. (U) Cleared.\nWOOD \n\n=======================CABLE ENDS============================",
        ["WOOD"],
        "05BOGOTA3863",
    ),
    ("1. (U) The text ends in the\nMIDDLE EAST", [], "paragraph-tail-is-no-signer"),
    ("1. (U) Cleared.\nCONFIDENTIAL\n", [], "classification-is-no-signer"),
    (
        "1. (U) the IRIG &gave nothing away.8\nBUTENIS",
        ["BUTENIS"],
        "07BAGHDAD3895-mangled-quote",
    ),
    (
        "1. TERMS WHICH WOULD SUCCEED.\n\nGP-3\nSACCIO",
        ["SACCIO"],
        "66BUENOSAIRES2481-gp-line",
    ),
    ("1. (U) End Comment. LU", ["LU"], "09BAKU687-two-letter-name"),
    (
        "10. (U) Thanks. MINIMIZE CONSIDERED CLINTON",
        ["CLINTON"],
        "10STATE16220-minimize",
    ),
    (
        "1. (U) X.\nVisit London's Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle",
        ["Tuttle"],
        "07LONDON519-after-website",
    ),
    (
        "1. ABROAD.\n\n\nHELMS\n\nDeclassified/Released US Department of State EO\nSystematic Review 05 JUL 2006",
        ["HELMS"],
        "75TEHRAN2069-two-line-stamp",
    ),
    ("", [], "empty"),
]


@pytest.mark.parametrize(
    ("body", "signers"), [c[:2] for c in SIGNER_CASES], ids=[c[2] for c in SIGNER_CASES]
)
def test_parse_signers(body: str, signers: list[str]) -> None:
    assert parse_signers(cable(body)) == signers


def test_signer_is_not_paragraph_text() -> None:
    (paragraph,) = parse_paragraphs(cable("1. (U) Cleared.\nKEEGAN PAAL\nNNNN\n"))
    assert paragraph.text == "Cleared."


LINES = st.sampled_from(
    [
        "1. (C) Summary: a. End Summary.",
        "2.(S//NF) Comment: b",
        "End",
        "comment.",
        "-------",
        "Heading",
        "(Comment: x",
        "SIPDIS",
        "ORDWAY",
        "NNNN",
        "REYKJAVIK 00000195  002 OF 002",
        "",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(LINES | st.text(max_size=40), max_size=40).map("\n".join)
    | st.text(max_size=2000)
)
def test_never_raises(text: str) -> None:
    paragraphs = parse_paragraphs(text)
    assert all(p.number is None or p.number > 0 for p in paragraphs)
    assert all(isinstance(name, str) and name for name in parse_signers(text))
    for block in (parse_summary(text), parse_comment(text)):
        assert block is None or block.strip()
