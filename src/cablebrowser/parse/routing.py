"""Read the transmission (routing) header: partial banner, DTG, addressees, serials.

Handles the ACP-127 form (``VZCZC`` … ``DE`` … ``ZNY`` … DTG, ``FM``, ``TO``,
``INFO``), the short ACP-126 form that starts at the DTG line, and headers with
State's internal distribution block or an e-mail wrapper in front. A header is
never trusted to be complete: anything missing comes back as None or empty. The
partial-extract banner alone yields nothing; a banner followed by a real header
(00HARARE5461, 04ANKARA348) still yields what that header says.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from datetime import datetime

from ..record import Recipient

_MONTHS = (
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "OCT",
    "NOV",
    "DEC",
)
_PRECEDENCES = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")

_PARTIAL_PATTERN = re.compile(
    r"partial\s+extract\s+of\s+the\s+original\s+cable", re.IGNORECASE
)


def is_partial_header(header: str | None) -> bool:
    """Tell whether the header is (or starts with) the partial-extract banner."""
    return bool(header and _PARTIAL_PATTERN.search(header))


# Precedence letters (action, then optional info), DDHHMMZ, month, 2-digit year;
# trailing operating signals (ZFF4, ZDK) are simply not matched.
_DTG_PATTERN = re.compile(
    r"(?m)^[ \t]*(?:(?P<action>[ZOPRYW0])[ \t]+(?:(?P<info>[ZOPRYW0])[ \t]+)?)?"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z[ \t]+(?P<month>[A-Za-z]{3})[ \t]+(?P<year>\d{2})\b"
)


def parse_dtg(header: str | None) -> datetime | None:
    """Return the date-time group of the header as a naive UTC datetime.

    Two-digit years 66–99 are 19YY, others 20YY. A line with precedence
    letters wins over a bare DTG; an impossible date gives None.
    """
    match = _dtg_match(header)
    if match is None:
        return None
    year = int(match["year"])
    try:
        return datetime(
            1900 + year if year >= 66 else 2000 + year,
            _MONTHS.index(match["month"].upper()) + 1,
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
        )
    except ValueError:
        return None


@functools.lru_cache(maxsize=8)
def _dtg_match(header: str | None) -> re.Match[str] | None:
    """Return the header's DTG line: the first with precedence letters, else the first."""
    if not header:
        return None
    first = None
    # The DTG line stands near the top: the addressee lines below need no scan.
    for match in _DTG_PATTERN.finditer(header):
        if match["month"].upper() not in _MONTHS:
            continue
        if match["action"]:
            return match
        first = first or match
    return first


_TRANSMISSION_ID_PATTERN = re.compile(r"\bVZCZC[A-Z0-9]{3,8}\b")
_DE_PATTERN = re.compile(
    r"(?m)^[ \t]*DE[ \t]+(?P<station>[A-Z]{4,8})[ \t]+#(?P<serial>\d{1,6})(?:/(?P<section>\d{1,3}))?"
)
_FM_PATTERN = re.compile(r"(?m)^[ \t]*(?:FM|From:)[ \t]+(?P<originator>\S.*?)[ \t]*$")


def parse_transmission(header: str | None) -> dict[str, str | None]:
    """Return the transmission facts of the header.

    Keys: ``transmission_id`` (VZCZC…), ``precedence`` and ``info_precedence``
    (letters of the DTG line), ``dtg`` (as written), ``originator`` (FM line),
    ``station``, ``serial`` and ``section`` (DE line).
    """
    facts: dict[str, str | None] = dict.fromkeys(
        (
            "transmission_id",
            "precedence",
            "info_precedence",
            "dtg",
            "originator",
            "station",
            "serial",
            "section",
        )
    )
    if not header:
        return facts
    if found := _TRANSMISSION_ID_PATTERN.search(header):
        facts["transmission_id"] = found.group(0)
    if dtg := _dtg_match(header):
        facts.update(
            precedence=_letter(dtg["action"]),
            info_precedence=_letter(dtg["info"]),
            dtg=_dtg_text(dtg),
        )
    if de := _DE_PATTERN.search(header):
        facts.update(station=de["station"], serial=de["serial"], section=de["section"])
    if fm := _FM_PATTERN.search(header, dtg.end() if dtg else 0) or _FM_PATTERN.search(
        header
    ):
        facts["originator"] = " ".join(fm["originator"].split())
    return facts


def _dtg_text(match: re.Match[str]) -> str:
    month = match["month"].upper()
    return f"{match['day']}{match['hour']}{match['minute']}Z {month} {match['year']}"


def _letter(precedence: str | None) -> str | None:
    return "O" if precedence == "0" else precedence  # zero for O (79TEHRAN11260)


# A page header repeated inside the addressee list (09STATE15113, 08STATE50524).
_PAGE_HEADER_PATTERN = re.compile(
    r"\bPAGE[ \t]+\d{2}[ \t]+[A-Z][A-Z .]*?[ \t]+\d{5,6}[ \t]+(?:\d{2}[ \t]+OF[ \t]+\d{2}[ \t]+)?\d{6}Z\b"
)
# Garbled headers glue the keyword to the routing indicator: ``TORUEHC/SECSTATE WASHDC``.
_KIND_PATTERN = re.compile(r"^(?P<kind>TO|INFO)(?:\b[ \t]*|(?=R[A-Z]{3,7}/))")
_XMT_PATTERN = re.compile(r"^XMT\b[ \t/]*(?P<name>.*)$")
_END_PATTERN = re.compile(r"^(?:BT|NNNN|#\d+)\s*$")
_END_FIRST = frozenset("BN#")


def parse_recipients(header: str | None) -> list[Recipient]:
    """Return the TO and INFO addressees of the header, in order.

    Each line is ``[RI/]NAME [PRECEDENCE] [MCN]``; misspelt precedences are
    normalised; an ``XMT`` line becomes an exclusion of the last collective
    (or, failing one, of the last addressee).
    """
    recipients: list[Recipient] = []
    kind = None
    for line in _addressee_lines(header):
        # Cheap prefix tests: most lines open with neither keyword.
        if line.startswith(("TO", "INFO")) and (
            kind_match := _KIND_PATTERN.match(line)
        ):
            kind = kind_match["kind"].lower()
            line = line[kind_match.end() :]
        if not line or kind is None:
            continue
        if line.startswith("XMT") and (xmt := _XMT_PATTERN.match(line)):
            _exclude(recipients, " ".join(xmt["name"].split()))
        elif recipient := _recipient(kind, line):
            recipients.append(recipient)
    return recipients


def _addressee_lines(header: str | None) -> list[str]:
    """Return the cleaned lines after the FM line that follows the DTG."""
    if not header:
        return []
    dtg = _dtg_match(header)
    fm = _FM_PATTERN.search(header, dtg.end() if dtg else 0)
    if fm is None:
        return []
    lines = []
    for raw in header[fm.end() :].split("\n"):
        if "PAGE" in raw:
            raw = _PAGE_HEADER_PATTERN.sub(" ", raw)
        line = " ".join(raw.split())
        if line[:1] in _END_FIRST and _END_PATTERN.match(line):
            break
        lines.append(line)
    return lines


_ROUTE_PATTERN = re.compile(r"^(?P<route>[A-Z]{4,8})/(?!/)")


def _recipient(kind: str, line: str) -> Recipient | None:
    """Read one addressee line (``[RI/]NAME [PRECEDENCE] [MCN]``) into a ``Recipient``.

    The MCN differs from cable to cable while the rest of the line recurs, so a
    trailing MCN is split off first and the rest read once per distinct text.
    """
    rest, _, last = line.rpartition(" ")
    if not rest or not last.isdigit():
        return _recipient_line(kind, line)
    return _made(kind, _addressee(rest, with_mcn=True), last)


# Addressee lines repeat across cables; a Recipient is immutable and can be shared.
@functools.lru_cache(maxsize=4096)
def _recipient_line(kind: str, line: str) -> Recipient | None:
    """Read an addressee line that does not end in an MCN word after a blank."""
    return _made(kind, _addressee(line, with_mcn=False), None)


def _made(
    kind: str,
    read: tuple[str, str | None, str | None, str | None] | None,
    mcn: str | None,
) -> Recipient | None:
    """Return the ``Recipient`` of a read addressee; ``mcn`` replaces the one read."""
    if read is None:
        return None
    name, route, precedence, read_mcn = read
    return Recipient(
        kind=kind, name=name, route=route, precedence=precedence, mcn=mcn or read_mcn
    )


@functools.lru_cache(maxsize=8192)
def _addressee(
    line: str, *, with_mcn: bool
) -> tuple[str, str | None, str | None, str | None] | None:
    """Return (name, route, precedence, MCN) of a line, or None without a name.

    ``with_mcn`` tells that the line's MCN was already taken off its end.
    """
    route = None
    if found := _ROUTE_PATTERN.match(line):
        route, line = found["route"], line[found.end() :]
    words = line.split()
    mcn = None if with_mcn or not words or not words[-1].isdigit() else words.pop()
    precedence = _take_precedence(words)
    if (
        not with_mcn
        and mcn is None
        and precedence
        and len(words) > 1
        and words[-1].isdigit()
    ):
        mcn = words.pop()  # written MCN-first, as in 09TRIPOLI320
    name = " ".join(words).rstrip("/ ")
    return (name, route, precedence, mcn) if name else None


def _take_precedence(words: list[str]) -> str | None:
    """Pop a trailing precedence (``NIACT IMMEDIATE``, ``PRIOITY``…) off ``words``."""
    if len(words) < 2:
        return None
    close = _close_precedence(words[-1].upper())
    if close is None:
        return None
    words.pop()
    if len(words) >= 2 and words[-1].upper() == "NIACT":
        words.pop()
        return f"NIACT {close}"
    return close


# Addressee words repeat across cables, and the fuzzy match is slow.
@functools.lru_cache(maxsize=4096)
def _close_precedence(word: str) -> str | None:
    """Return the precedence ``word`` is (a misspelling of), or None."""
    close = difflib.get_close_matches(word, _PRECEDENCES, n=1, cutoff=0.85)
    return close[0] if close else None


def _exclude(recipients: list[Recipient], name: str) -> None:
    if not recipients or not name:
        return
    collectives = [
        index for index, item in enumerate(recipients) if _is_collective(item.name)
    ]
    index = collectives[-1] if collectives else len(recipients) - 1
    target = recipients[index]
    recipients[index] = dataclasses.replace(target, excluded=(*target.excluded, name))


def _is_collective(name: str) -> bool:
    return "COLLECTIVE" in name.upper() or name.upper().endswith(" POSTS")
