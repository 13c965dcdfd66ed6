"""Read text PDFs of cables (one cable per file) with pypdf.

The PDF's text is the page as printed: an optional partial-extract note, the
transmission header and the body, with page furniture left in. The ID comes
from the file name when it is one, else from the text.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..record import Form, Skipped, SourceRecord
from .container import Member
from .decode import read_all
from .text import id_from_name, normalise_newlines, telegram_record


def read_pdf(member: Member) -> Iterator[SourceRecord | Skipped]:
    """Yield the cable of a text PDF, or a Skipped if the PDF cannot be read."""
    reference_id = id_from_name(member.name)
    data = read_all(member.stream, member.source)
    if isinstance(data, Skipped):
        yield Skipped(data.source, data.reason, reference_id)
        return
    pages = _pdf_pages(data)
    if pages is None:
        yield Skipped(member.source, "unreadable or damaged PDF", reference_id)
    elif not "".join(pages).strip():
        yield Skipped(member.source, "PDF without extractable text", reference_id)
    else:
        text = normalise_newlines("\n".join(pages))
        yield telegram_record(member, text, Form.PDF, {"pages": str(len(pages))})


def _pdf_pages(data: bytes) -> list[str] | None:
    """Return the text of each page, or None when the PDF cannot be read."""
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            return [page.extract_text() or "" for page in reader.pages]
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
    ):
        return None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings and log lines about a damaged file; the Skipped says enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
