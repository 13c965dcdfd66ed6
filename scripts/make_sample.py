#!/usr/bin/env python3
"""Regenerate the bundled sample of real cables from ../shared/data, deterministically.

Every file in the sample is a byte-for-byte copy of a published file. HTML pages,
body fragments, PDFs and plain-text cables are packed per source into `.tar.xz`
archives that keep the source member paths, in sorted order, with the source
mtimes and a pax global header naming the source commit. The choice of cables is
rule-based (years, classifications, partial/full, REF forms, redactions, odd IDs)
and ordered by a hash of the ID, so the same input always gives the same sample.

Usage: python scripts/make_sample.py [--data ../shared/data] [--out sample]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import lzma
import re
import shutil
import tarfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AVILAROMAN = "cablegate-site-2011-04-25_avilaroman_cable-pages.tar.xz"
RELEASE_1222 = "cablegate-release-2010-12-22_anarchivist.tar.xz"
RELEASE_1130 = "cablegate-release-2010-11-30_anarchivist.tar.xz"
FINAL = "cablegate-site-2011-09-final_markchips_test-set.tar.xz"
CABLEMAP = "cablemap-test-data_heuer.tar.xz"
NONE_LATER = "cables-json-and-csv-rows_none-later.tar.xz"
GAVIN_CSV = "cables-csv-first-rows_gavinmendelgleason-mapper.csv"
FRAGMENTS = "cable-bodies_tathagata-reveal.tar.xz"
PDF_TEXT = "pdf-and-text-sample_paul-mathieu.tar.xz"
ID_LIST = "cable2month_heuer-cablemap.csv.gz"

# Cables named by the project's format notes (multi-version cables and §7 traps)
# that exist as 2011-04 pages; each is always in the sample.
MUST_IDS = (
    "66BUENOSAIRES2481 72TEHRAN1164 05PARIS104 04ANKARA348 09ABUDHABI1151 "
    "08BRASILIA93 08REYKJAVIK195 10STATE284 08TRIPOLI220 07BERN881 08MANAMA492 "
    "08ECTION01OF02MANAMA492 02ANKARA8852 09CAIRO1468 07HAVANA252 09NAIROBI1938 "
    "08STATE100219 07KUWAIT624 09CAIRO2205 05OTTAWA3726 02ROME1059 03VATICAN283 "
    "01VATICAN3507 04TAIPEI3991 06KIRKUK112 07LIMA2129 08RIGA472 07CAIRO3126 "
    "08LONDON1991 06BRASILIA882 09CAIRO1945 08MANAMA117 06BUENOSAIRES579 "
    "08BEIJING3662 09AMMAN1518 08PARAMARIBO219 08ATHENS1536 10TELAVIV386 09LIMA54 "
    "07BUENOSAIRES1673 09LONDON2222 09STATE15113 08STATE23763 08STATE50524 "
    "10STATE16220 02ROME1196 07BAGHDAD3895 09OSLO146 05PANAMA1729 04ABUDHABI1445 "
    "10STATE2634 07TBILISI1732 08MANAGUA573 10HAVANA9 10RIYADH184 08BERLIN1387 "
    "09PARIS1039 10CAIRO177 00HARARE5461 06SAOPAULO751 08MADRID308 09CAIRO1096 "
    "09SANJOSE127 07COLOMBO728 09HARARE51 09STATE4134 03ABUDHABI2641 08BERLIN122 "
    "09BEIJING2494 09MOSCOW2531 10ABUDHABI97 08MUSCAT565 09BERLIN1162 09MUNICH25 "
    "10ANKARA126 07BRASILIA277 08PARAMARIBO436 09KABUL1377 09TRIPOLI289"
).split()

# The cables of tests/corpus that have a 2011-04 page (their page form is kept here too).
CORPUS_IDS = (
    "00HARARE5461 01VATICAN1261 01VATICAN3507 02ANKARA8852 02BOGOTA3281 02ROME1196 "
    "04ANKARA348 04BRASILIA2151 04RANGOON88 05PARIS104 05SANJOSE1634 06BRASILIA882 "
    "06BUENOSAIRES579 06LIMA1452 06REYKJAVIK141 06SANJOSE1848 07BAGHDAD3895 "
    "07BERN881 07BUENOSAIRES1673 07CAIRO3126 07HAVANA252 07KUWAIT624 07LIMA2129 "
    "07LONDON519 07REYKJAVIK42 07STATE152317 07TBILISI1732 08BEIJING3662 "
    "08BERLIN1387 08BRASILIA93 08ECTION01OF02MANAMA492 08KYIV2414 08LONDON1991 "
    "08MANAGUA573 08MANAMA117 08MANAMA492 08REYKJAVIK195 08RIGA472 "
    "08RIODEJANEIRO165 08SCTION02OF02SAOPAULO335 08STATE100219 08STATE23763 "
    "08STATE50524 08TRIPOLI220 09ABUDHABI1151 09BAKU687 09BUENOSAIRES66 09CAIRO1468 "
    "09CAIRO1945 09CAIRO211 09CAIRO2205 09CAIRO544 09CAIRO79 09LONDON2222 "
    "09NAIROBI1938 09OSLO146 09PARIS1039 09PARIS1254 09SAOPAULO558 09STATE15113 "
    "09TRIPOLI63 10CAIRO177 10EFTOLONDON16 10HAVANA9 10REYKJAVIK8 10RIYADH184 "
    "10SANAA19 10STATE16220 10STATE2634 10STATE284 10TELAVIV414 66BUENOSAIRES2481 "
    "72TEHRAN1164 73TEHRAN2077 75TEHRAN2069 79TEHRAN8980 85BEIRUT1725 86MADRID5480 "
    "88BAGHDAD28 89PANAMA8545 90BAGHDAD4397 96ANKARA12278 97WELLINGTON1656"
).split()

_ID_PATTERN = re.compile(r"\d\d[A-Z]+\d+")
_TABLE_PATTERN = re.compile(r"<table class='cable'>(.*?)</table>", re.S)
_CELL_PATTERN = re.compile(r"<a [^>]*>([^<]*)</a>")
_BUILD_PATTERN = re.compile(r"(\d+)\s*/\s*251,287")
_PRE_PATTERN = re.compile(r"<pre>(.*?)</pre>", re.S)
_REF_PATTERN = re.compile(
    r"(?:^|&#x000A;|\s)(REFTELS?|REFS?|Reftels?|Refs?|REF\(S\)|Ref\(s\))(?![A-Za-z])\s*(:?)"
)
_REDACTION_PATTERN = re.compile(r"[Xx]{4,}")


@dataclass(frozen=True)
class Page:
    """What selection needs to know about one cable page."""

    cable_id: str
    year: int
    classification: str
    build: str
    partial: bool
    ref_form: str | None
    redacted: bool


def rank(cable_id: str) -> str:
    """Return a stable pseudo-random sort key for an ID."""
    return hashlib.sha1(cable_id.encode()).hexdigest()


def id_of(member: str) -> str:
    """Return the cable ID named by a member path such as cable/2005/01/05PARIS104.html."""
    return member.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def read_members(
    path: Path, wanted: Callable[[str], bool]
) -> dict[str, tuple[tarfile.TarInfo, bytes]]:
    """Read the regular members whose name passes ``wanted``."""
    found: dict[str, tuple[tarfile.TarInfo, bytes]] = {}
    with tarfile.open(path) as tar:
        for info in tar:
            if info.isfile() and wanted(info.name):
                found[info.name] = (info, tar.extractfile(info).read())  # type: ignore[union-attr]
    return found


def source_commit(path: Path) -> str | None:
    """Return the commit id in the pax global header that git archive wrote."""
    with tarfile.open(path) as tar:
        return tar.pax_headers.get("comment")


def describe_page(member: str, data: bytes) -> Page:
    """Extract the selection features of one cable page."""
    text = data.decode("utf-8", "replace")
    table = _TABLE_PATTERN.search(text)
    cells = _CELL_PATTERN.findall(table.group(1)) if table else []
    after = text[table.end() :] if table else text
    pres = _PRE_PATTERN.findall(after)
    body = pres[-1] if pres else ""
    ref = _REF_PATTERN.search(body[:4000])
    build = _BUILD_PATTERN.search(text)
    return Page(
        cable_id=id_of(member),
        year=int(member.split("/")[1]),
        classification=cells[3] if len(cells) > 3 else "",
        build=build.group(1) if build else "",
        partial="partial extract of the original cable" in text,
        ref_form=ref.group(1) + ref.group(2) if ref else None,
        redacted=bool(_REDACTION_PATTERN.search(body)),
    )


def pick(pages: Iterable[Page], test: Callable[[Page], bool], count: int) -> list[str]:
    """Return up to ``count`` IDs of pages passing ``test``, in hash order."""
    chosen = sorted((p.cable_id for p in pages if test(p)), key=rank)
    return chosen[:count]


def choose_cables(pages: dict[str, Page]) -> set[str]:
    """Choose the 2011-04 pages of the sample by the coverage rules."""
    every = list(pages.values())
    chosen = {cid for cid in MUST_IDS + CORPUS_IDS if cid in pages}
    chosen |= {
        p.cable_id
        for p in every
        if p.year < 2004 or not _ID_PATTERN.fullmatch(p.cable_id)
    }
    chosen |= set(pick(every, lambda p: "EFTO" in p.cable_id, 3))
    for year in range(2004, 2011):
        for cls in sorted({p.classification for p in every}):
            chosen |= set(
                pick(
                    every,
                    lambda p, y=year, c=cls: p.year == y and p.classification == c,
                    3,
                )
            )
    chosen |= set(pick(every, lambda p: p.partial, 20))
    chosen |= set(pick(every, lambda p: p.redacted, 20))
    for build in sorted({p.build for p in every}):
        chosen |= set(pick(every, lambda p, b=build: p.build == b, 3))
    for form in sorted({p.ref_form for p in every if p.ref_form}):
        chosen |= set(pick(every, lambda p, f=form: p.ref_form == f, 2))
    return chosen


def limit(present: set[str], chosen: set[str], count: int) -> set[str]:
    """Return the named cables present here, topped up from ``chosen`` in hash order to ``count``."""
    keep = {cid for cid in MUST_IDS + CORPUS_IDS if cid in present}
    for cid in sorted(present & chosen, key=rank):
        if len(keep) >= count:
            break
        keep.add(cid)
    return keep


def write_tar(
    out: Path, members: dict[str, tuple[tarfile.TarInfo, bytes]], commit: str | None
) -> None:
    """Write members sorted by name, with fixed owners and the source mtimes, as xz."""
    headers = {"comment": commit} if commit else {}
    raw = io.BytesIO()
    with tarfile.open(
        fileobj=raw, mode="w", format=tarfile.PAX_FORMAT, pax_headers=headers
    ) as tar:
        for name in sorted(members):
            source, data = members[name]
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), int(source.mtime), 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    out.write_bytes(
        lzma.compress(
            raw.getvalue(), format=lzma.FORMAT_XZ, preset=9 | lzma.PRESET_EXTREME
        )
    )


def scan_pages(path: Path) -> dict[str, Page]:
    """Describe every cable page of an archive without keeping the pages."""
    pages: dict[str, Page] = {}
    with tarfile.open(path) as tar:
        for info in tar:
            if (
                info.isfile()
                and info.name.startswith("cable/")
                and info.name.endswith(".html")
            ):
                data = tar.extractfile(info).read()  # type: ignore[union-attr]
                pages[id_of(info.name)] = describe_page(info.name, data)
    return pages


def pages_of(
    path: Path, ids: set[str] | None, prefix: str = "cable/"
) -> dict[str, tuple[tarfile.TarInfo, bytes]]:
    """Read the cable pages under ``prefix`` whose ID is in ``ids`` (all when None)."""

    def wanted(name: str) -> bool:
        return (
            name.startswith(prefix)
            and name.endswith(".html")
            and (ids is None or id_of(name) in ids)
        )

    return read_members(path, wanted)


def json_lines(path: Path, ids: set[str], count: int) -> bytes:
    """Return the JSON lines of the first-release dump for chosen IDs, in file order."""
    with tarfile.open(path) as tar:
        data = tar.extractfile("wikileaks-11-28-10.json").read()  # type: ignore[union-attr]
    keep: list[bytes] = []
    must = set(MUST_IDS)
    lines = data.splitlines(keepends=True)
    for line in lines:
        record = json.loads(line)
        if record.get("_id") in must:
            keep.append(line)
    for line in sorted(lines, key=lambda raw: rank(json.loads(raw)["_id"])):
        if len(keep) >= count:
            break
        if json.loads(line)["_id"] in ids and line not in keep:
            keep.append(line)
    return b"".join(sorted(keep, key=lines.index))


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the whole sample into ``out``; return counts per output file."""
    counts: dict[str, int] = {}
    avila = data / AVILAROMAN
    chosen = choose_cables(scan_pages(avila))
    first_days = limit(set(scan_pages(data / RELEASE_1130)), chosen, 36)
    outputs = {
        "cablegate-site-2011-04-25.tar.xz": (avila, pages_of(avila, chosen)),
        "cablegate-2010-12-22.tar.xz": (
            data / RELEASE_1222,
            pages_of(
                data / RELEASE_1222,
                limit(set(scan_pages(data / RELEASE_1222)), chosen, 60),
            ),
        ),
        "cablegate-201011301701.tar.xz": (
            data / RELEASE_1130,
            pages_of(data / RELEASE_1130, first_days),
        ),
        "cablegate-201108300212.tar.xz": (
            data / FINAL,
            pages_of(data / FINAL, None, prefix="test-set/"),
        ),
        "cablegate-site-2011-q1.tar.xz": (
            data / CABLEMAP,
            pages_of(
                data / CABLEMAP, None, prefix="cablemap.core/tests/data-subject/in/"
            ),
        ),
    }
    every_id = set(chosen)
    for name, (source, members) in outputs.items():
        write_tar(out / name, members, source_commit(source))
        counts[name] = len(members)
        every_id |= {id_of(m) for m in members}
    counts.update(write_side_forms(data, out, every_id))
    return counts


def write_side_forms(data: Path, out: Path, ids: set[str]) -> dict[str, int]:
    """Write the fragments, JSON lines, CSV rows, PDFs/texts, the ID list and licences."""
    counts: dict[str, int] = {}
    with tarfile.open(data / FRAGMENTS) as tar:
        present = {id_of(n) for n in tar.getnames() if n.startswith("cables/")}
    keep = limit(present, ids, 50)
    fragments = read_members(
        data / FRAGMENTS, lambda n: n.startswith("cables/") and id_of(n) in keep
    )
    write_tar(
        out / "cable-body-fragments.tar.xz", fragments, source_commit(data / FRAGMENTS)
    )
    counts["cable-body-fragments.tar.xz"] = len(fragments)
    lines = json_lines(data / NONE_LATER, ids, 12)
    (out / "cables-first-release-2010-11-28.json").write_bytes(lines)
    counts["cables-first-release-2010-11-28.json"] = lines.count(b"\n")
    csv_rows = read_members(data / NONE_LATER, lambda n: n == "wikileaks/aa")[
        "wikileaks/aa"
    ][1]
    (out / "cables-csv-rows-1-37.csv").write_bytes(csv_rows)
    shutil.copyfile(data / GAVIN_CSV, out / "cables-csv-rows-1-2.csv")
    counts["cables-csv-rows-1-37.csv"], counts["cables-csv-rows-1-2.csv"] = 37, 2
    texts = read_members(data / PDF_TEXT, _wanted_pdf_or_text)
    write_tar(
        out / "cablegate-pdf-and-text.tar.xz", texts, source_commit(data / PDF_TEXT)
    )
    counts["cablegate-pdf-and-text.tar.xz"] = len(texts)
    shutil.copyfile(data / ID_LIST, out / "cable2month.csv.gz")
    counts["cable2month.csv.gz"] = 251287
    write_licences(data, out)
    return counts


def _wanted_pdf_or_text(name: str) -> bool:
    if name.startswith("data-sample/cablegate-converted/"):
        return name.endswith(".txt")
    # Three PDFs keep the sample small; they are picked by name so the set is stable.
    return name.startswith("data-sample/cablegate/") and id_of(name) in {
        "00BEIJING11790",
        "00DAMASCUS3013",
        "00GABORONE5064",
    }


def write_licences(data: Path, out: Path) -> None:
    """Copy the licence files that came with the BSD and MIT sources."""
    folder = out / "LICENSES"
    folder.mkdir(exist_ok=True)
    bsd = read_members(data / CABLEMAP, lambda n: n == "LICENSE.txt")["LICENSE.txt"][1]
    mit = read_members(data / PDF_TEXT, lambda n: n == "LICENSE")["LICENSE"][1]
    (folder / "cablemap-BSD.txt").write_bytes(bsd)
    (folder / "cablegate-cia-analysis-MIT.txt").write_bytes(mit)


def main() -> None:
    """Parse the command line and regenerate the sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "sample")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    counts = build(args.data, args.out)
    for name, count in sorted(counts.items()):
        print(f"{count:7d}  {name}")


if __name__ == "__main__":
    main()
