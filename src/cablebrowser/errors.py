"""Every exception cablebrowser raises on purpose.

    CableError                 base: an expected failure, shown to the user as one line
     ├── ParseError            a cable text is unusable (not merely odd)
     ├── SourceError           an input file or archive cannot be read
     ├── StoreError            the archive database refuses an operation
     └── QueryError            a search query is malformed

Each error carries the context known where it was raised (``reference_id``,
``source``, ``field``); code higher up may attach more with ``with_context``.
"""

from __future__ import annotations


class CableError(Exception):
    """Base of every expected cablebrowser failure."""

    def __init__(
        self,
        message: str,
        *,
        reference_id: str | None = None,
        source: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.reference_id = reference_id
        self.source = source
        self.field = field

    def with_context(self, **context: str | None) -> CableError:
        """Fill in context that was unknown where the error was raised."""
        for key, value in context.items():
            if getattr(self, key, None) is None:
                setattr(self, key, value)
        return self

    def __str__(self) -> str:
        where = ", ".join(
            f"{name} {value}"
            for name, value in (
                ("source", self.source),
                ("cable", self.reference_id),
                ("field", self.field),
            )
            if value
        )
        return f"{self.message} ({where})" if where else self.message


class ParseError(CableError):
    """A cable text is unusable."""


class SourceError(CableError):
    """An input file or archive cannot be read."""


class StoreError(CableError):
    """The archive database refuses an operation."""


class QueryError(CableError):
    """A search query is malformed; the message says what is wrong."""
