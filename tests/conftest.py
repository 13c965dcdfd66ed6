"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample"
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "sample" / "seed" / "05ALMATY3603.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The full real-data folder beside the checkout (present in CI)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The bundled sample of real cables."""
    return SAMPLE
