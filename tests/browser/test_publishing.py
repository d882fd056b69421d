"""The editor's journey in headless Chromium: log in, drop a file, read the review, publish."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.browser.network import network_events, outside_requests
from tests.integration.publishing.support import CASES, DEMO_LAUREATS, PASSWORDS, wait_for_version

pytestmark = pytest.mark.browser
ADDED = 3  # laureats_bfc.csv: three new rows in région 27 (the fourth lies in Grand Est)
WITHDRAWN = 2  # laureats_bfc_retraits.csv: two demo identifiers of région 27


def press(driver, selector: str) -> None:
    """Bring the control into view and press it (the review runs longer than a 1366×768
    window: its « Publier » sits below the fold)."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element
    )


def test_editor_adds_then_withdraws_in_the_browser(dash_duo, app, live, tmp_path):
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
    # The safest mode is chosen unless the editor picks another.
    assert driver.find_element(By.ID, "mode-ajouter").is_selected()
    assert "laureats.xlsx" in driver.find_element(By.ID, "publish-templates").get_attribute(
        "innerHTML"
    )
    driver.find_element(By.ID, "publish-file").send_keys(str(CASES / "laureats_bfc.csv"))
    press(driver, "#publish-check")

    dash_duo.wait_for_element("#publish-review", timeout=30)
    review = driver.find_element(By.ID, "publish-review").text
    assert "rien n'est encore publié" in review
    assert "région 44 hors des régions de l'éditeur (27)" in review
    impact = driver.find_element(By.ID, "publish-impact").get_attribute("textContent")
    assert "87 → 90" in impact  # the annex panel's 87, and the file's 3 new rows
    assert "1\u202f966 → 2\u202f001" in impact  # jobs: + 10 + 20 + 5, summed by hand
    changes = driver.find_element(By.ID, "publish-changes-title").text
    assert changes.startswith("Lignes (ajout ou mise à jour) : 3 ajoutées, 0 mises à jour")
    assert changes.endswith("0 retirées")
    assert not driver.find_elements(By.ID, "publish-removals")
    driver.set_window_size(1366, 768)
    driver.save_screenshot(str(tmp_path / "revue-1366.png"))
    assert [v.number for v in live.versions.all()] == [1]

    press(driver, "#form-confirmer button")
    dash_duo.wait_for_contains_text("#data-notice", "Publié : version 2 du", timeout=20)
    wait_for_version(live, 2)
    dash_duo.wait_for_text_to_equal("#version-2 td:nth-child(3)", "bfc", timeout=10)

    # Withdrawing two lauréats: the review names them and asks for their number.
    driver.get(base + "/donnees/publier")
    dash_duo.wait_for_element("#publish-form", timeout=20)
    press(driver, "#mode-retirer")
    driver.find_element(By.ID, "publish-file").send_keys(str(CASES / "laureats_bfc_retraits.csv"))
    press(driver, "#publish-check")
    dash_duo.wait_for_element("#publish-removals", timeout=30)
    assert "demo-fictif-0002" in driver.find_element(By.ID, "publish-review").text
    driver.save_screenshot(str(tmp_path / "retrait-1366.png"))
    driver.find_element(By.ID, "publish-removals-number").send_keys(str(WITHDRAWN))
    press(driver, "#form-confirmer button")
    dash_duo.wait_for_contains_text("#data-notice", "Publié : version 3 du", timeout=20)
    wait_for_version(live, 3)

    driver.get(base + "/")
    dash_duo.wait_for_contains_text("#map-footnote", "Données : version 3 du", timeout=30)
    count = f"{DEMO_LAUREATS + ADDED - WITHDRAWN:,}".replace(",", "\u202f")
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
