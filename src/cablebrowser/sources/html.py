"""Read WikiLeaks cable pages (every site build, 2010-11 to 2011-09) and body fragments.

A cable page holds a metadata table (Reference ID, Created, Released,
Classification, Origin), an ``<h3>`` subject, the sidebar's build marker
"N / 251,287" and one or two ``<pre>`` blocks: routing header then body, or
the body alone. A fragment is one ``<pre>`` block cut out of such a page,
named ``<ID>.txt``. Text comes out with entities decoded, tag links reduced to
their text and the paragraph anchors (¶) dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..record import PARTIAL_BANNER, Form, Skipped, SourceRecord
from .container import Member
from .decode import decode_utf8, read_all
from .detect import looks_like_id

_FIELDS = ("reference_id", "created", "released", "classification", "origin")


def read_page(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield the one cable of a cable page, or a Skipped saying why not."""
    text = _page_text(member)
    if isinstance(text, Skipped):
        yield text
        return
    tree = LexborHTMLParser(text)
    cells = _metadata_cells(tree)
    if cells is None:
        yield Skipped(member.source, "not a cable page (no cable metadata table)")
        return
    yield _page_record(member, text, tree, cells)


def _page_text(member: Member) -> str | Skipped:
    data = read_all(member.stream, member.source)
    if isinstance(data, Skipped):
        return data
    text = decode_utf8(data, member.source)
    if isinstance(text, str) and "</html>" not in text[-2048:]:
        return Skipped(
            member.source,
            "truncated page (no closing </html>)",
            _id_from_name(member.name),
        )
    return text


def _metadata_cells(tree: LexborHTMLParser) -> list[LexborNode] | None:
    table = tree.css_first("table.cable")
    if table is None:
        return None
    for row in table.css("tr"):
        cells = row.css("td")
        if len(cells) == len(_FIELDS):
            return cells
    return None


def _page_record(
    member: Member, text: str, tree: LexborHTMLParser, cells: list[LexborNode]
) -> SourceRecord | Skipped:
    values = {name: _cell_text(cell) for name, cell in zip(_FIELDS, cells, strict=True)}
    reference_id = values["reference_id"] or _id_from_name(member.name)
    if not reference_id:
        return Skipped(member.source, "cable page without a reference ID")
    blocks = [_pre_text(node) for node in tree.css("pre")]
    if not blocks:
        return Skipped(member.source, "cable page without cable text", reference_id)
    header = blocks[0] if len(blocks) > 1 else None
    is_partial = header is not None and _is_banner(header)
    return SourceRecord(
        reference_id=reference_id,
        form=Form.PAGE,
        source=member.source,
        body=blocks[-1],
        header=PARTIAL_BANNER if is_partial else header,
        created=_page_datetime(values["created"]),
        released=_page_datetime(values["released"]),
        classification=values["classification"] or None,
        origin=values["origin"] or None,
        subject=_subject(tree),
        release=member.release,
        build=_build(text),
        is_partial=is_partial,
        extra=_page_extra(tree, cells[3], values["classification"]),
    )


def _cell_text(cell: LexborNode) -> str:
    return " ".join(cell.text(deep=True).split())


def _page_datetime(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


_BANNER_START = "This record is a partial extract"


def _is_banner(header: str) -> bool:
    return header.strip().startswith(_BANNER_START)


def _pre_text(pre: LexborNode) -> str:
    for anchor in pre.css("a"):
        if (anchor.attributes.get("id") or "").startswith(
            "par"
        ) or anchor.text() == "¶":
            anchor.decompose()
    return pre.text(deep=True)


_SUBJECT_PATTERN = re.compile(r"^Viewing cable\s+(\S+?),\s*(.*)$", re.DOTALL)


def _subject(tree: LexborHTMLParser) -> str | None:
    for heading in tree.css("h3"):
        match = _SUBJECT_PATTERN.match(heading.text(deep=True).strip())
        if match:
            return " ".join(match.group(2).split()) or None
    return None


_BUILD_PATTERN = re.compile(r"Currently released so far\.*\s*(\d[\d,]*)\s*/\s*251,287")


def _build(text: str) -> int | None:
    match = _BUILD_PATTERN.search(text)
    return int(match.group(1).replace(",", "")) if match else None


def _page_extra(
    tree: LexborHTMLParser, classification_cell: LexborNode, classification: str
) -> dict[str, str]:
    extra: dict[str, str] = {}
    link = classification_cell.css_first("a")
    title = (link.attributes.get("title") or "").strip() if link is not None else ""
    if title and title.upper() != classification.upper():
        extra["classification_title"] = title
    articles = _article_links(tree)
    if articles:
        extra["articles"] = "\n".join(articles)
    return extra


def _article_links(tree: LexborHTMLParser) -> list[str]:
    for cell in tree.css("td"):
        if "Appears in these articles" in cell.text(deep=False):
            return [href for a in cell.css("a") if (href := a.attributes.get("href"))]
    return []


def _id_from_name(name: str) -> str | None:
    stem = PurePosixPath(name).stem
    return stem if looks_like_id(stem) else None


def read_fragment(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield the cable of a body fragment (``<ID>.txt`` holding one ``<pre>`` block)."""
    reference_id = _id_from_name(member.name)
    data = read_all(member.stream, member.source)
    text = data if isinstance(data, Skipped) else decode_utf8(data, member.source)
    if isinstance(text, Skipped):
        yield Skipped(text.source, text.reason, reference_id)
    elif reference_id is None:
        yield Skipped(member.source, "fragment file name is not a cable reference ID")
    elif "<pre" not in text:
        yield Skipped(member.source, "fragment holds no cable text", reference_id)
    elif "</pre>" not in text:
        yield Skipped(
            member.source, "truncated fragment (no closing </pre>)", reference_id
        )
    else:
        yield _fragment_record(member, text, reference_id)


def _fragment_record(member: Member, text: str, reference_id: str) -> SourceRecord:
    tree = LexborHTMLParser(text)
    blocks = [_pre_text(node) for node in tree.css("pre")]
    articles = _article_links(tree)
    return SourceRecord(
        reference_id=reference_id,
        form=Form.FRAGMENT,
        source=member.source,
        body=blocks[-1],
        header=blocks[0] if len(blocks) > 1 else None,
        release=member.release,
        extra={"articles": "\n".join(articles)} if articles else {},
    )
