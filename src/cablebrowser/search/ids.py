"""Cable IDs as the search layer meets them: a query that names one cable, a country.

The parser's ``cablebrowser.parse.ids`` knows the ID grammar and the station
table; this module only asks it, and adds the lookup keys a query can produce.
"""

from __future__ import annotations

import re

from ..parse import ids as parse_ids

_PLUSD_SUFFIX_PATTERN = re.compile(r"_[A-Za-z]$")


def id_candidates(text: str, year: int | None = None) -> list[str]:
    """Return the index keys (upper-case IDs) a query text may name, best first."""
    text = text.strip()
    if not text or len(text) > 60 or len(text.split()) > 4:
        return []
    bare = _PLUSD_SUFFIX_PATTERN.sub("", text)
    keys = [bare.upper().replace(" ", "")] if " " not in bare.strip() else []
    for source in dict.fromkeys((text, bare)):
        found = _id_from_text(source, year)
        if found:
            keys.append(found.upper())
    return list(dict.fromkeys(keys))


def _id_from_text(text: str, year: int | None) -> str | None:
    try:
        return parse_ids.id_from_text(text, year=year)
    except (ValueError, TypeError):
        return None


def country_for(station: str | None) -> str | None:
    """Return the country of a station code, or None when unknown."""
    if not station:
        return None
    return parse_ids.country_of(station)


def canonical_key(text: str) -> str:
    """Return the key under which a cited cable ID is indexed (any ID form)."""
    candidates = id_candidates(text)
    return candidates[-1] if candidates else text.strip().upper()
