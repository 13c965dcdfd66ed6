"""The ``cablebrowser`` command line: one click group, thin commands.

Data goes to stdout; messages and progress go to stderr. Expected failures
(``CableError``) become one-line errors with exit 1; bad usage exits 2.
"""

from __future__ import annotations

import click

from . import history, ingest, parse, search, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cablebrowser")
def main() -> None:
    """Keep the US diplomatic cables readable, searchable and citable."""


for _module in (parse, ingest, search, serve, history):
    _module.register(main)
