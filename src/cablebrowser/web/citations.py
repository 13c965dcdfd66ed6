"""Cite one cable: BibTeX, RIS, CSL-JSON and a Chicago-style note.

Pure functions of a ``Citation`` (the few facts a reference needs); the
cable page shows all four, each with a copy button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from json.encoder import (
    encode_basestring as _json_string,
)  # as json.dumps, not ASCII-only
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..record import Cable
    from ..store.base import ShownCable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_BIBTEX_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)


@dataclass(frozen=True)
class Citation:
    """What a reference to one cable says."""

    reference_id: str
    subject: str | None
    origin: str | None
    created: datetime | None
    classification: str | None
    url: str  # this archive's permanent address of the cable

    @classmethod
    def of(cls, cable: Cable | ShownCable, url: str) -> Citation:
        """Return the citation of a cable (whole or as its page reads it) at ``url``."""
        return cls(
            cable.reference_id,
            cable.subject,
            cable.origin,
            cable.created,
            cable.classification,
            url,
        )

    # Each format asks for these; a page renders four formats of one citation.
    @cached_property
    def title(self) -> str:
        """Return the subject, or a stand-in naming the cable when it has none."""
        return " ".join((self.subject or "").split()) or f"Cable {self.reference_id}"

    @property
    def author(self) -> str:
        """Return the sending post (a corporate author)."""
        return self.origin or "United States Department of State"

    @cached_property
    def described(self) -> str:
        """Return "Diplomatic cable ID, Month D, YYYY" (without the date when unknown)."""
        text = f"Diplomatic cable {self.reference_id}"
        if self.created is not None:
            created = self.created
            text += f", {MONTHS[created.month - 1]} {created.day}, {created.year}"
        return text


def citations(citation: Citation) -> dict[str, str]:
    """Return every citation format, keyed by its name."""
    return {
        "BibTeX": bibtex(citation),
        "RIS": ris(citation),
        "CSL-JSON": csl_json(citation),
        "Chicago": chicago(citation),
    }


_BIBTEX_KEY_PATTERN = re.compile(r"[^A-Za-z0-9_-]")


def bibtex(citation: Citation) -> str:
    """Return a BibTeX ``@misc`` entry."""
    key = _BIBTEX_KEY_PATTERN.sub("", citation.reference_id) or "cable"
    dated = ""
    if citation.created is not None:
        created = citation.created
        month = _BIBTEX_MONTHS[created.month - 1]
        dated = f"  year = {{{created.year}}},\n  month = {month},\n  date = {{{_day(created, '-')}}},\n"
    return (
        f"@misc{{{key},\n"
        f"  author = {{{{{_bibtex_escape(citation.author)}}}}},\n"
        f"  title = {{{{{_bibtex_escape(citation.title)}}}}},\n"
        f"  howpublished = {{{_bibtex_escape(citation.described)}}},\n"
        "  publisher = {WikiLeaks},\n"
        f"{dated}  url = {{{citation.url}}}\n}}"
    )


_BIBTEX_SPECIAL_PATTERN = re.compile(r"([&%$#_{}])")
_BIBTEX_ANY_SPECIAL_PATTERN = re.compile(r"[&%$#_{}\\~^]")


def _bibtex_escape(text: str) -> str:
    if not _BIBTEX_ANY_SPECIAL_PATTERN.search(text):
        return text  # most subjects and posts: nothing to escape
    text = (
        text.replace("\\", r"\textbackslash{}")
        .replace("~", r"\textasciitilde{}")
        .replace("^", r"\^{}")
    )
    return _BIBTEX_SPECIAL_PATTERN.sub(r"\\\1", text)


def ris(citation: Citation) -> str:
    """Return an RIS record (type GOVDOC)."""
    lines = [
        "TY  - GOVDOC",
        _ris_line("AU", citation.author),
        _ris_line("TI", citation.title),
    ]
    if citation.created is not None:
        created = citation.created
        lines.append(f"PY  - {created.year}")
        lines.append(f"DA  - {_day(created, '/')}/")
    lines += [
        _ris_line("M1", citation.reference_id),
        "M3  - Diplomatic cable",
        "PB  - WikiLeaks",
    ]
    if citation.classification:
        lines.append(_ris_line("N1", f"Classification: {citation.classification}"))
    lines += [_ris_line("UR", citation.url), "ER  -"]
    return "\n".join(lines)


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {_one_line(value)}".rstrip()


def csl_json(citation: Citation) -> str:
    """Return a CSL-JSON list with one item."""
    # One field per line with compact values reads better than json's deep indentation;
    # the values are strings and numbers, each written as json.dumps(ensure_ascii=False) would.
    rid, title = _json_string(citation.reference_id), _json_string(citation.title)
    fields = [
        f'    "id": {rid}',
        '    "type": "document"',
        '    "genre": "Diplomatic cable"',
        f'    "title": {title}',
        f'    "author": [{{"literal": {_json_string(citation.author)}}}]',
        f'    "number": {rid}',
        '    "publisher": "WikiLeaks"',
        f'    "URL": {_json_string(citation.url)}',
    ]
    if citation.created is not None:
        created = citation.created
        parts = f"{created.year}, {created.month}, {created.day}"
        fields.append(f'    "issued": {{"date-parts": [[{parts}]]}}')
    if citation.classification:
        note = _json_string(f"Classification: {citation.classification}")
        fields.append(f'    "note": {note}')
    return "[\n  {\n" + ",\n".join(fields) + "\n  }\n]"


def chicago(citation: Citation) -> str:
    """Return a Chicago-style bibliography entry."""
    parts = [
        f"{citation.author}.",
        f"\u201c{citation.title.rstrip('.')}.\u201d",
        citation.described + ".",
    ]
    if citation.classification:
        parts.append(citation.classification.capitalize() + ".")
    parts.append("Released by WikiLeaks.")
    parts.append(citation.url + ".")
    return " ".join(parts)


def _day(created: datetime, separator: str) -> str:
    # As strftime("%Y-%m-%d"), several times quicker; strftime keeps years before 1000 unpadded.
    if created.year < 1000:
        return created.strftime(f"%Y{separator}%m{separator}%d")
    return f"{created.year}{separator}{created.month:02d}{separator}{created.day:02d}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
