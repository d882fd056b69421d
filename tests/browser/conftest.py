"""Headless Debian Chromium for dash's browser fixtures, with its network log kept."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


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


@pytest.hookimpl(optionalhook=True)
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
