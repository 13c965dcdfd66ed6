"""Form detection from a file's name and first bytes."""

from __future__ import annotations

import pytest

from cablebrowser.sources import FORMATS, detect_format

PAGE_HEAD = b"<?xml version='1.0' encoding='utf-8' ?>\n<html><head>\n<title>Cable Viewer</title>"

CASES = [
    ("cable/2010/11/10ABUJA1.html", PAGE_HEAD, "page"),
    ("test-set/1975/11/7575LIBREVILLE1895.html", PAGE_HEAD, "page"),
    ("some/page.html", PAGE_HEAD, "page"),
    ("tag/PGOV_0.html", PAGE_HEAD, None),
    ("reldate/2010-11-28_0.html", PAGE_HEAD, None),
    ("index.html", PAGE_HEAD, None),
    ("cablegate.html", PAGE_HEAD, None),
    ("notes.html", b"<html><body>hello</body></html>", None),
    ("cables/00HARARE5461.txt", b"<code><pre>UNCLASSIFIED HARARE", "fragment"),
    ("cables/04OTTAWA3115.txt", b"Appears in these articles:<br />\n", "fragment"),
    ("cables.csv", b'"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy', "csv"),
    ("wikileaks/aa", b'"\n"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy', "csv"),
    (
        "dump.json",
        b'{ "_id" : "04ANKARA348", "origin" : "Embassy Ankara", "body" : "x" }',
        "json",
    ),
    ("cable2month.csv", b"66BUENOSAIRES2481,12\n72TEHRAN1164,02\n7", "idlist"),
    ("09PARIS1007.txt", b"\r\nVZCZCXRO5911\r\nOO RUEHDBU", "text"),
    ("x.txt", b"INFO  LOG-00   AF-00    AMAD-00\n", "text"),
    ("x.txt", b"UNCLAS NEW DELHI 005135\n", "text"),
    ("x.pdf", b"%PDF-1.4\n", "pdf"),
    (
        "05ALMATY3603.txt",
        b"US embassy cable - 05ALMATY3603\n\nIdentifier: 05ALMATY3603\nCreated: 2005",
        "seed",
    ),
    ("README.md", b"# Real Cablegate cables\nEverything here came from", None),
    ("LICENSE", b"MIT License\n\nCopyright (c)", None),
    ("acronyms.txt", b"AA\nAAA\nABC\n", None),
    (
        "data-subject/out/07BERN881.txt",
        b'FM CALMY-REY "TAKES NOTE" OF USG CONCERNS',
        None,
    ),
    ("index.tsv", b"reference_id\tyear\tmonth\n", None),
    ("empty.txt", b"", None),
]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    CASES,
    ids=[f"{name}->{form}" for name, _, form in CASES],
)
def test_detect_format(name: str, head: bytes, expected: str | None) -> None:
    assert detect_format(name, head) == expected


def test_every_detected_form_is_listed() -> None:
    assert {form for _, _, form in CASES if form} == set(FORMATS)
