"""A second Chromium with WebGL switched off, as on some locked-down office machines."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from selenium import webdriver


@contextmanager
def chromium_without_webgl() -> Iterator[webdriver.Chrome]:
    from tests.browser.conftest import pytest_setup_options

    options = pytest_setup_options()
    options.add_argument("--disable-webgl")
    options.add_argument("--disable-3d-apis")
    driver = webdriver.Chrome(options=options)
    try:
        yield driver
    finally:
        driver.quit()


def count_when_drawn(driver, selector: str, timeout: float = 40) -> int:
    """How many ``selector`` elements the page shows once it has drawn any (0 at timeout)."""
    deadline = time.time() + timeout
    while time.time() < deadline and not driver.find_elements("css selector", selector):
        time.sleep(0.3)
    time.sleep(0.5)  # let the last shapes of the same draw land
    return len(driver.find_elements("css selector", selector))
