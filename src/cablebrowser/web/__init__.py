"""The website and JSON API: every cable at a permanent URL, browse, search, cite."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
