"""Shared fixtures: reference geography, the demo store, ../shared, headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared absent ({SHARED}) : données réelles de test indisponibles")
    return SHARED


@pytest.fixture(scope="session")
def geography():
    from dashboard.territory import Geography

    return Geography.load()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, geography):
    from dashboard.settings import DEMO_DATA_DIR, Settings
    from dashboard.store import DataStore

    settings = Settings(data_dir=DEMO_DATA_DIR, cache_dir=tmp_path_factory.mktemp("cache"))
    return DataStore.load(settings)


def pytest_setup_options():
    """Options for dash's browser fixtures: Debian's headless Chromium, no outside traffic."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return options
