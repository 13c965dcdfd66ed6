"""Settings: one table, read from CABLEBROWSER_* variables."""

from __future__ import annotations

import dataclasses

import pytest

from cablebrowser.errors import CableError
from cablebrowser.settings import SETTINGS, Settings
from tests.conftest import ROOT


def test_table_and_dataclass_agree() -> None:
    fields = {field.name: field.default for field in dataclasses.fields(Settings)}
    assert fields == {setting.name: setting.default for setting in SETTINGS}


@pytest.mark.parametrize(
    ("environ", "name", "expected"),
    [
        ({}, "port", 8000),
        ({"CABLEBROWSER_PORT": "9001"}, "port", 9001),
        ({"CABLEBROWSER_DB": "x.db"}, "db", "x.db"),
        (
            {"CABLEBROWSER_BASE_URL": "https://c.example"},
            "base_url",
            "https://c.example",
        ),
        ({"OTHER_PORT": "1"}, "port", 8000),
    ],
    ids=["default", "int", "str", "base-url", "other-prefix"],
)
def test_from_env(environ: dict[str, str], name: str, expected: object) -> None:
    assert getattr(Settings.from_env(environ), name) == expected


def test_overrides_win_over_environment() -> None:
    assert Settings.from_env({"CABLEBROWSER_PORT": "9001"}, port=9002).port == 9002


def test_bad_number_is_a_cable_error() -> None:
    with pytest.raises(CableError, match="CABLEBROWSER_PORT"):
        Settings.from_env({"CABLEBROWSER_PORT": "eighty"})


def test_to_env_round_trips() -> None:
    settings = Settings(db="a.db", port=1234, per_page=7)
    assert Settings.from_env(settings.to_env()) == settings


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"CABLEBROWSER_{setting.name.upper()}" in doc, setting.name
