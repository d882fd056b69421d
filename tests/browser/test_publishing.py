"""The editor's journey in headless Chromium: log in, drop a file, read the review, publish."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.browser.network import network_events, outside_requests
from tests.integration.publishing.support import CASES, DEMO_LAUREATS, PASSWORDS, wait_for_version

pytestmark = pytest.mark.browser
AFTER = DEMO_LAUREATS - 87 + 3  # annex BFC count replaced by the file's 3 rows in région 27


def test_editor_uploads_reviews_and_publishes_in_the_browser(dash_duo, app, live, tmp_path):
    dash_duo.start_server(app, navigate=False)
    driver = dash_duo.driver
    base = dash_duo.server.url.rstrip("/")
    driver.get(base + "/donnees/publier")
    dash_duo.wait_for_element("#login-form", timeout=20)
    assert driver.current_url.startswith(base + "/connexion")
    driver.find_element(By.ID, "nom").send_keys("bfc")
    driver.find_element(By.ID, "mot_de_passe").send_keys(PASSWORDS["bfc"])
    driver.find_element(By.ID, "login-submit").click()

    dash_duo.wait_for_element("#publish-form", timeout=20)
    assert "Bourgogne-Franche-Comté (27)" in driver.find_element(By.ID, "contenu").text
    driver.find_element(By.ID, "publish-file").send_keys(str(CASES / "laureats_bfc.csv"))
    driver.find_element(By.ID, "publish-check").click()

    dash_duo.wait_for_element("#publish-review", timeout=30)
    review = driver.find_element(By.ID, "publish-review").text
    assert "rien n'est encore publié" in review
    assert "région 44 hors des régions de l'éditeur (27)" in review
    impact = driver.find_element(By.ID, "publish-impact").get_attribute("textContent")
    assert "87 → 3" in impact
    # The file's three BFC rows, summed by hand: 400 000 € of aid, 3,4 M€ invested, 35 jobs.
    assert "41,7\u00a0M€ → 0,4\u00a0M€" in impact
    assert "285,5\u00a0M€ → 3,4\u00a0M€" in impact
    assert "1\u202f966 → 35" in impact
    driver.set_window_size(1366, 768)
    driver.save_screenshot(str(tmp_path / "revue-1366.png"))
    assert [v.number for v in live.versions.all()] == [1]

    driver.find_element(By.CSS_SELECTOR, "#form-confirmer button").click()
    dash_duo.wait_for_contains_text("#data-notice", "Publié : version 2 du", timeout=20)
    wait_for_version(live, 2)
    dash_duo.wait_for_text_to_equal("#version-2 td:nth-child(3)", "bfc", timeout=10)

    driver.get(base + "/")
    dash_duo.wait_for_contains_text("#map-footnote", "Données : version 2 du", timeout=30)
    count = f"{AFTER:,}".replace(",", "\u202f")
    dash_duo.wait_for_contains_text("#summary-line", f"{count} lauréats", timeout=20)
    assert outside_requests(network_events(driver)) == []


REDIRECT_PAYLOADS = ["/%09/evil.example", "/\\evil.example", "//evil.example/", "/%5Cevil.example"]


def test_logging_in_from_a_crafted_link_stays_on_the_site(dash_duo, app):
    """The login page opened by a link whose « suite » points elsewhere, as an attacker
    would send it: after a real login the browser is still on this site."""
    from urllib.parse import quote

    dash_duo.start_server(app, navigate=False)
    driver = dash_duo.driver
    base = dash_duo.server.url.rstrip("/")
    for payload in REDIRECT_PAYLOADS:
        driver.delete_all_cookies()
        driver.get(f"{base}/connexion?suite={quote(payload, safe='')}")
        dash_duo.wait_for_element("#login-form", timeout=20)
        driver.find_element(By.ID, "nom").send_keys("bfc")
        driver.find_element(By.ID, "mot_de_passe").send_keys(PASSWORDS["bfc"])
        driver.find_element(By.ID, "login-submit").click()
        dash_duo.wait_for_element("#page-content", timeout=30)
        assert driver.current_url.startswith(base + "/"), (payload, driver.current_url)
        assert "evil" not in driver.current_url
