"""``cablebrowser serve``: the website and JSON API on uvicorn."""

from __future__ import annotations

import copy
import os
from pathlib import Path

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
    import uvicorn

    settings = Settings.from_env(db=db, host=host, port=port, workers=workers)
    if not Path(settings.db).is_file():
        raise CableError(
            f"no archive database at {settings.db}; run `cablebrowser ingest` first"
        )
    # Worker processes build their app from the environment (see web.app.app_from_env).
    os.environ.update(settings.to_env())
    click.echo(f"Serving {settings.db} on http://{host}:{port}/", err=True)
    uvicorn.run(
        "cablebrowser.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=_log_config(),
        proxy_headers=False,
    )


def _log_config() -> dict[str, object]:
    """Return uvicorn's logging setup with the access log on stderr (stdout is for data)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def register(group: click.Group) -> None:
    """Add this module's commands to the group."""
    group.add_command(serve_command)
