"""Settings of the web service: one table of name, default and help.

The table feeds ``Settings`` (a frozen dataclass), the environment reader
(``CABLEBROWSER_<NAME>``), the ``serve`` command and the documentation.
The environment is read here and nowhere else.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import CableError

ENV_PREFIX = "CABLEBROWSER_"


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default value and one line of help."""

    name: str
    default: str | int
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "cablebrowser.db", "The archive database (a SQLite file)."),
    Setting(
        "index", "", "The search index directory; empty means beside the database."
    ),
    Setting("host", "127.0.0.1", "Address the server listens on."),
    Setting("port", 8000, "Port the server listens on."),
    Setting("workers", 1, "Number of server processes."),
    Setting(
        "base_url",
        "",
        "Public address for absolute links (sitemap, canonical); empty means the request's.",
    ),
    Setting("site_name", "cablebrowser", "Name shown in page titles and the header."),
    Setting("per_page", 50, "Rows on one page of a listing."),
    Setting("max_offset", 10000, "Deepest row a listing or search may page to."),
    Setting("max_query_length", 500, "Longest search query accepted, in characters."),
)


@dataclass(frozen=True)
class Settings:
    """The settings of one web service instance."""

    db: str = "cablebrowser.db"
    index: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    base_url: str = ""
    site_name: str = "cablebrowser"
    per_page: int = 50
    max_offset: int = 10000
    max_query_length: int = 500

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: str | int
    ) -> Settings:
        """Build settings from ``CABLEBROWSER_*`` variables, then ``overrides``."""
        environ = os.environ if environ is None else environ
        values: dict[str, str | int] = {}
        for setting in SETTINGS:
            raw = environ.get(ENV_PREFIX + setting.name.upper())
            if raw is not None:
                values[setting.name] = _convert(setting, raw)
        values.update(
            {name: value for name, value in overrides.items() if value is not None}
        )
        return cls(**values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """Return these settings as ``CABLEBROWSER_*`` variables (for worker processes)."""
        return {
            ENV_PREFIX + name.upper(): str(value)
            for name, value in dataclasses.asdict(self).items()
        }


def _convert(setting: Setting, raw: str) -> str | int:
    if isinstance(setting.default, int):
        try:
            return int(raw)
        except ValueError:
            raise CableError(
                f"{ENV_PREFIX}{setting.name.upper()} must be a whole number, not {raw!r}"
            ) from None
    return raw
