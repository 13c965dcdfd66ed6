"""Options shared by several commands, and the error boundary."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import CableError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "cablebrowser.db"

db_option = click.option(
    "--db",
    envvar="CABLEBROWSER_DB",
    default=DEFAULT_DB,
    show_default=True,
    help="The archive database (a SQLite file); also CABLEBROWSER_DB.",
)


def cable_errors(func: F) -> F:
    """Turn an expected failure into a one-line error and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CableError as error:
            raise click.ClickException(str(error)) from error

    return wrapper  # type: ignore[return-value]
