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


@pytest.fixture(scope="session")
def jura_store(tmp_path_factory, shared_dir, geography):
    """A user folder: the real ANCT TI list and URSSAF Jura employment (from ../shared),
    with four hand-placed lauréats (tests/data/funding_gaps) whose verdicts are known."""
    from dashboard.settings import Settings
    from dashboard.store import DataStore

    folder = tmp_path_factory.mktemp("donnees")
    case = REPO / "tests" / "data" / "funding_gaps"
    for name in ("laureats.csv", "metadonnees.json"):
        shutil.copy(case / name, folder / name)
    for name in ("territoires_industrie_communes.csv", "emploi_industriel_jura_2025.csv"):
        shutil.copy(shared_dir / "data" / name, folder / name)
    settings = Settings(data_dir=folder, cache_dir=tmp_path_factory.mktemp("cache"))
    return DataStore.load(settings)


@pytest.fixture(autouse=True)
def _chromium_network_log(monkeypatch):
    """Keep Chromium's performance (network) log in every ``dash_duo`` browser.

    dash 4.4.1 overwrites ``goog:loggingPrefs`` with ``{"browser": "SEVERE"}`` after
    reading ``pytest_setup_options``; put ``performance`` back just before Chrome starts.
    """
    from dash.testing import browser as dash_browser

    real_chrome = dash_browser.webdriver.Chrome

    def chrome(*args, options, **kwargs):
        prefs = dict(options.to_capabilities().get("goog:loggingPrefs") or {})
        prefs.update({"performance": "ALL", "browser": "ALL"})
        options.set_capability("goog:loggingPrefs", prefs)
        return real_chrome(*args, options=options, **kwargs)

    monkeypatch.setattr(dash_browser.webdriver, "Chrome", chrome)


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
    return options
