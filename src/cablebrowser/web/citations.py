"""Cite one cable: BibTeX, RIS, CSL-JSON and a Chicago-style note.

Pure functions of a ``Citation`` (the few facts a reference needs); the
cable page shows all four, each with a copy button.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

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

    @property
    def title(self) -> str:
        """Return the subject, or a stand-in naming the cable when it has none."""
        return " ".join((self.subject or "").split()) or f"Cable {self.reference_id}"

    @property
    def author(self) -> str:
        """Return the sending post (a corporate author)."""
        return self.origin or "United States Department of State"


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
    fields = [
        ("author", "{" + _bibtex_escape(citation.author) + "}"),
        ("title", "{" + _bibtex_escape(citation.title) + "}"),
        ("howpublished", _bibtex_escape(_described(citation))),
        ("publisher", "WikiLeaks"),
    ]
    if citation.created is not None:
        fields.append(("year", str(citation.created.year)))
        fields.append(("month", _BIBTEX_MONTHS[citation.created.month - 1]))
        fields.append(("date", citation.created.strftime("%Y-%m-%d")))
    fields.append(("url", citation.url))
    body = ",\n".join(
        f"  {name} = {_bibtex_value(name, value)}" for name, value in fields
    )
    return f"@misc{{{key},\n{body}\n}}"


def _bibtex_value(name: str, value: str) -> str:
    return value if name == "month" else "{" + value + "}"


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
    lines = [("TY", "GOVDOC"), ("AU", citation.author), ("TI", citation.title)]
    if citation.created is not None:
        lines.append(("PY", str(citation.created.year)))
        lines.append(("DA", citation.created.strftime("%Y/%m/%d/")))
    lines += [
        ("M1", citation.reference_id),
        ("M3", "Diplomatic cable"),
        ("PB", "WikiLeaks"),
    ]
    if citation.classification:
        lines.append(("N1", f"Classification: {citation.classification}"))
    lines += [("UR", citation.url), ("ER", "")]
    return "\n".join(f"{tag}  - {_one_line(value)}".rstrip() for tag, value in lines)


# One encoder for every field (``json.dumps`` builds a new one per call); keys are ASCII.
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)


def csl_json(citation: Citation) -> str:
    """Return a CSL-JSON list with one item."""
    item: dict[str, object] = {
        "id": citation.reference_id,
        "type": "document",
        "genre": "Diplomatic cable",
        "title": citation.title,
        "author": [{"literal": citation.author}],
        "number": citation.reference_id,
        "publisher": "WikiLeaks",
        "URL": citation.url,
    }
    if citation.created is not None:
        item["issued"] = {
            "date-parts": [
                [citation.created.year, citation.created.month, citation.created.day]
            ]
        }
    if citation.classification:
        item["note"] = f"Classification: {citation.classification}"
    # One field per line with compact values reads better than json's deep indentation.
    encode = _JSON_ENCODER.encode
    fields = ",\n".join(
        f"    {encode(key)}: {encode(value)}" for key, value in item.items()
    )
    return "[\n  {\n" + fields + "\n  }\n]"


def chicago(citation: Citation) -> str:
    """Return a Chicago-style bibliography entry."""
    parts = [
        f"{citation.author}.",
        f"\u201c{citation.title.rstrip('.')}.\u201d",
        _described(citation) + ".",
    ]
    if citation.classification:
        parts.append(citation.classification.capitalize() + ".")
    parts.append("Released by WikiLeaks.")
    parts.append(citation.url + ".")
    return " ".join(parts)


def _described(citation: Citation) -> str:
    text = f"Diplomatic cable {citation.reference_id}"
    if citation.created is not None:
        created = citation.created
        text += f", {MONTHS[created.month - 1]} {created.day}, {created.year}"
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())
