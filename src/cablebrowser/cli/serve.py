"""``cablebrowser serve``: the website and JSON API on granian (ASGI, N worker processes)."""

from __future__ import annotations

import copy
import os
import socket
from pathlib import Path
from typing import Any

import click

from ..errors import CableError
from ..settings import SETTINGS, Settings
from .options import cable_errors, db_option

_DEFAULTS = {setting.name: setting for setting in SETTINGS}


@click.command("serve")
@db_option
@click.option(
    "--host",
    envvar="CABLEBROWSER_HOST",
    default=_DEFAULTS["host"].default,
    show_default=True,
    help=_DEFAULTS["host"].help,
)
@click.option(
    "--port",
    envvar="CABLEBROWSER_PORT",
    type=click.IntRange(1, 65535),
    default=_DEFAULTS["port"].default,
    show_default=True,
    help=_DEFAULTS["port"].help,
)
@click.option(
    "--workers",
    envvar="CABLEBROWSER_WORKERS",
    type=click.IntRange(1, 64),
    default=_DEFAULTS["workers"].default,
    show_default=True,
    help=_DEFAULTS["workers"].help,
)
@cable_errors
def serve_command(db: str, host: str, port: int, workers: int) -> None:
    """Serve the archive as a website and JSON API (other settings: CABLEBROWSER_* variables).

    Example:

        cablebrowser serve --db cablebrowser.db --port 8000 --workers 2
    """
    from granian.constants import Interfaces
    from granian.server import Server

    settings = Settings.from_env(db=db, host=host, port=port, workers=workers)
    if not Path(settings.db).is_file():
        raise CableError(
            f"no archive database at {settings.db}; run `cablebrowser ingest` first"
        )
    _check_address(host, port)
    # Worker processes build their app from the environment (see web.app.app_from_env).
    os.environ.update(settings.to_env())
    click.echo(f"Serving {settings.db} on http://{host}:{port}/", err=True)
    Server(
        "cablebrowser.web.app:app_from_env",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        factory=True,
        log_dictconfig=_log_config(),
        log_access=False,
    ).serve()


def _check_address(host: str, port: int) -> None:
    """Fail if another server listens on the address.

    granian binds its socket for port sharing, so without this check a second
    server on a taken port would start and share the traffic of the first.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise CableError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def _log_config() -> dict[str, Any]:
    """Return granian's logging setup writing to stderr (stdout is for data)."""
    from granian.log import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    for handler in config["handlers"].values():
        handler["stream"] = "ext://sys.stderr"
    return config


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(serve_command)
