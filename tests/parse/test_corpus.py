"""Check the parser against the golden corpus of real cables in tests/corpus.

Each ``<ID>.json`` holds values established by reading the cable text; a key is
present only when its value is certain, and only present keys are compared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = sorted(CORPUS.glob("*.json"))
KEYS = {
    "reference_id",
    "subject",
    "tags",
    "references",
    "classified_by",
    "reasons",
    "declassify_on",
    "captions",
    "signers",
    "paragraph_count",
    "markings",
    "is_partial",
    "redaction_count",
    "dtg",
    "recipient_count",
    "note",
}


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _numbered(cable: Any) -> list[Any]:
    return [p for p in cable.paragraphs if p.number is not None]


def _spaces(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


_SECTION_PATTERN = re.compile(r"1\s*[./]\s*([45])")
_LETTER_PATTERN = re.compile(r"(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])")


def _reason_key(text: str | None) -> tuple[str, str] | None:
    """Reduce a reasons text to (section, letters): '1.4 (B) and (D)' -> ('1.4', 'bd')."""
    if not text:
        return None
    section = _SECTION_PATTERN.search(text)
    rest = text[section.end() :] if section else text
    letters = "".join(sorted({m.lower() for m in _LETTER_PATTERN.findall(rest)}))
    return (f"1.{section.group(1)}" if section else "", letters)


def _utc(value: datetime | str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


# key -> (value taken from the parsed cable, normaliser applied to both sides)
EXTRACTORS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "subject": (lambda c: c.subject, _spaces),
    "tags": (lambda c: list(c.tags), list),
    "references": (
        lambda c: [r.value for r in c.references if r.kind == "cable"],
        list,
    ),
    "classified_by": (lambda c: list(c.classified_by), list),
    "reasons": (lambda c: c.reasons, _reason_key),
    "declassify_on": (
        lambda c: c.declassify_on.isoformat() if c.declassify_on else None,
        lambda v: v,
    ),
    "captions": (lambda c: list(c.captions), lambda v: sorted({x.upper() for x in v})),
    "signers": (lambda c: list(c.signers), lambda v: [x.upper() for x in v]),
    "paragraph_count": (lambda c: len(_numbered(c)), lambda v: v),
    "markings": (
        lambda c: [p.marking for p in _numbered(c)],
        lambda v: [m.upper() if m else m for m in v],
    ),
    "is_partial": (lambda c: c.is_partial, bool),
    "redaction_count": (lambda c: len(c.redactions), lambda v: v),
    "dtg": (lambda c: c.dtg, _utc),
    "recipient_count": (lambda c: len(c.recipients), lambda v: v),
}


def _parse(cable_id: str) -> Any:
    from cablebrowser.parse import parse_cable

    body = (CORPUS / f"{cable_id}.txt").read_text(encoding="utf-8")
    header_path = CORPUS / f"{cable_id}.header.txt"
    header = header_path.read_text(encoding="utf-8") if header_path.exists() else None
    return parse_cable(body, header=header, reference_id=cable_id)


def mismatches(expected: dict[str, Any], cable: Any) -> dict[str, tuple[Any, Any]]:
    """Return {key: (expected, actual)} for every present key the cable gets wrong."""
    wrong: dict[str, tuple[Any, Any]] = {}
    for key, (extract, normalise) in EXTRACTORS.items():
        if key not in expected:
            continue
        want = normalise(expected[key]) if expected[key] is not None else None
        raw = extract(cable)
        got = normalise(raw) if raw is not None else None
        if want != got:
            wrong[key] = (want, got)
    return wrong


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_cable(path: Path) -> None:
    """Parse the cable and compare every key its JSON states."""
    expected = _load(path)
    wrong = mismatches(expected, _parse(path.stem))
    detail = "\n".join(
        f"  {k}: expected {w!r}\n  {' ' * len(k)}  got      {g!r}"
        for k, (w, g) in wrong.items()
    )
    assert not wrong, f"{path.stem} ({expected.get('note', '')}):\n{detail}"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_entry_is_well_formed(path: Path) -> None:
    """Check the corpus entry itself: known keys, its text file, a note."""
    expected = _load(path)
    assert expected["reference_id"] == path.stem
    assert set(expected) <= KEYS, set(expected) - KEYS
    assert (CORPUS / f"{path.stem}.txt").read_text(encoding="utf-8").strip()
    assert expected.get("note"), "every entry says what is hard about it"
    if "markings" in expected and "paragraph_count" in expected:
        assert len(expected["markings"]) == expected["paragraph_count"]


def test_corpus_size() -> None:
    """Keep the corpus at its agreed minimum size."""
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1.4 (B) and (D)", ("1.4", "bd")),
        ("1.5 (b,d)", ("1.5", "bd")),
        ("1.4 b and d", ("1.4", "bd")),
        ("1.4 (B and D)", ("1.4", "bd")),
        ("1/4 (B), (D)", ("1.4", "bd")),
        ("1.4 (a),(d),(e),and (g)", ("1.4", "adeg")),
        (None, None),
    ],
    ids=[
        "classic",
        "comma",
        "bare",
        "inside-parens",
        "slash-typo",
        "four-letters",
        "none",
    ],
)
def test_reason_key(text: str | None, key: tuple[str, str] | None) -> None:
    """Reduce reason texts written in different ways to the same key."""
    assert _reason_key(text) == key
