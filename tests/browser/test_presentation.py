"""Presentation mode as a speaker uses it: full screen, big type, arrows step the slides."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app import create_app
from routes.presentation import presentation_steps
from tests.browser.network import network_events, outside_requests
from tests.browser.test_national_map import click, wait_until

pytestmark = pytest.mark.browser


def set_viewport(duo, width: int, height: int) -> None:
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def press(duo, key: str) -> None:
    ActionChains(duo.driver).send_keys(key).perform()


def in_presentation(duo) -> bool:
    return duo.driver.execute_script(
        "return document.documentElement.classList.contains('presentation');"
    )


def wait_for_path(duo, path: str, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if duo.driver.execute_script("return window.location.pathname;") == path:
            return
        time.sleep(0.2)
    raise AssertionError(f"toujours sur {duo.driver.current_url}, attendu {path}")


@pytest.fixture
def presenter(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    return dash_duo


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1080p", "720p"])
def test_region_slide_fits_the_screen_with_large_type(presenter, size):
    width, height = size
    set_viewport(presenter, width, height)
    presenter.driver.get(presenter.server.url + "/region/27?presentation=1")
    presenter.wait_for_element("#region-map .maplibregl-canvas", timeout=30)
    assert in_presentation(presenter)
    shown = presenter.driver.execute_script(
        "return ['.region-controls', '.navbar .nav-link', '#region-choice']"
        ".map(s => document.querySelector(s).getClientRects().length > 0);"
    )
    assert shown == [False, False, False]  # controls hidden
    overflow = presenter.driver.execute_script(
        "return document.documentElement.scrollHeight - window.innerHeight;"
    )
    assert overflow <= 1, "la diapositive déborde de l'écran"
    kpi_px = presenter.driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.kpi-value')).fontSize);"
    )
    assert kpi_px >= (40 if width >= 1920 else 28)
    map_height = presenter.driver.execute_script(
        "return document.querySelector('#region-map .maplibregl-canvas').clientHeight;"
    )
    assert map_height > height * 0.4


def test_arrows_step_through_the_annex_panels_and_back(presenter, demo_store):
    steps = presentation_steps(demo_store)["steps"]
    assert steps[:3] == ["/", "/region/27", "/region/53"]
    assert steps[-2:] == ["/region/outre-mer", "/region/84"]
    presenter.driver.get(presenter.server.url + "/?presentation=1")
    presenter.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    network_events(presenter.driver)  # empty the log: count from here
    press(presenter, Keys.ARROW_RIGHT)
    wait_for_path(presenter, "/region/27")
    presenter.wait_for_text_to_equal(
        "#region-title", "87 projets lauréats en Bourgogne-Franche-Comté", timeout=20
    )
    press(presenter, Keys.ARROW_RIGHT)
    presenter.wait_for_text_to_equal("#region-title", "85 projets lauréats en Bretagne", timeout=20)
    assert in_presentation(presenter)
    press(presenter, Keys.ARROW_LEFT)
    press(presenter, Keys.ARROW_LEFT)
    wait_for_path(presenter, "/")
    presenter.wait_for_element("#national-map", timeout=20)
    press(presenter, Keys.ARROW_LEFT)  # wraps round to the last slide
    wait_for_path(presenter, "/region/84")
    press(presenter, Keys.ARROW_RIGHT)  # after the last région, back to the national view
    wait_for_path(presenter, "/")
    assert outside_requests(network_events(presenter.driver)) == []


def test_button_and_escape_toggle_the_mode(presenter):
    presenter.driver.get(presenter.server.url + "/region/94")
    presenter.wait_for_element("#presentation-toggle", timeout=30)
    assert not in_presentation(presenter)
    press(presenter, Keys.ARROW_RIGHT)  # arrows do nothing outside the mode
    time.sleep(0.5)
    assert presenter.driver.execute_script("return window.location.pathname;") == "/region/94"
    presenter.find_element("#presentation-toggle").click()
    assert in_presentation(presenter)
    assert "presentation=1" in presenter.driver.current_url
    assert presenter.find_element("#presentation-toggle").text == "Quitter la présentation"
    press(presenter, Keys.ESCAPE)
    assert not in_presentation(presenter)
    assert presenter.find_element("#presentation-toggle").text == "Mode présentation"


LEGEND_BOXES = """
const host = document.querySelector(arguments[0]);
const map = host.querySelector('.maplibregl-canvas').getBoundingClientRect();
const boxes = [...host.querySelectorAll('.legend, .colorbar, .ti-map-legend')]
  .map(e => e.getBoundingClientRect());
return boxes.filter(b => b.width > 0).map(b => {
  const x = Math.max(0, Math.min(b.right, map.right) - Math.max(b.left, map.left));
  const y = Math.max(0, Math.min(b.bottom, map.bottom) - Math.max(b.top, map.top));
  return x * y;
});
"""


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize(("path", "graph"), [("/", "#national-map"), ("/region/27", "#region-map")])
def test_legends_sit_beside_the_map_and_a_counter_says_where_we_are(
    presenter, demo_store, size, path, graph
):
    set_viewport(presenter, *size)
    presenter.driver.get(presenter.server.url + path + "?presentation=1")
    presenter.wait_for_element(f"{graph} .maplibregl-canvas", timeout=30)
    steps = presentation_steps(demo_store)["steps"]
    presenter.wait_for_text_to_equal(
        "#presentation-counter", f"{steps.index(path) + 1} / {len(steps)}", timeout=10
    )
    # The mode moves the legends once the map has loaded: wait for it, then for good.
    deadline = time.time() + 30
    while time.time() < deadline:
        overlaps = presenter.driver.execute_script(LEGEND_BOXES, graph)
        if overlaps and all(area < 1 for area in overlaps):
            break
        time.sleep(0.3)
    assert overlaps and all(area < 1 for area in overlaps), overlaps
    assert "presentation=1" in presenter.driver.current_url


def test_presenter_composes_a_sequence_and_shares_it_as_an_address(presenter, demo_store):
    presenter.driver.get(presenter.server.url + "/presentation")
    presenter.wait_for_element("#slides-clear", timeout=30)
    presenter.find_element("#slides-clear").click()
    presenter.wait_for_text_to_equal(
        "#slides-order",
        "Aucune diapositive choisie : la présentation suivra la séquence du rapport.",
    )
    # A TI, a région, the gaps map, the national map: each added at the end.
    ti_name = demo_store.tis.table.loc["ti-7603", "lib_ti"]
    for count, typed in enumerate((ti_name, "bretagne", "sans financement", "carte nationale")):
        click(presenter, "#slides-add")
        search = presenter.wait_for_element(".dash-dropdown-search", timeout=5)
        search.send_keys(typed)
        time.sleep(0.3)
        search.send_keys(Keys.ENTER)
        wait_until(lambda n=count: len(presenter.find_elements("#slides-order li")) == n + 1)
    presenter.wait_for_text_to_equal(
        "#slides-order .composer-order li:last-child .slide-name", "Carte nationale"
    )

    # Then reordered and pruned with the buttons, as a keyboard user can.
    def order() -> list[str]:
        return presenter.driver.execute_script(
            "return [...document.querySelectorAll('#slides-order .slide-name')]"
            ".map(e => e.textContent);"
        )

    ti_slide = f"Territoire d'industrie · {ti_name}"
    gaps, brittany = "Territoires sans financement", "Région · Bretagne"
    presenter.find_element(f"[aria-label='Monter : {gaps}']").click()
    wait_until(lambda: order() == [ti_slide, gaps, brittany, "Carte nationale"])
    presenter.find_element("[aria-label='Retirer : Carte nationale']").click()
    wait_until(lambda: order() == [ti_slide, gaps, brittany])
    share = presenter.find_element("#slides-share").get_attribute("value")
    sequence = "diapos=ti-ti-7603,sans-financement,region-53"
    assert share.endswith(f"/ti/ti-7603?presentation=1&{sequence}")
    presenter.find_element("#slides-launch").click()
    wait_for_path(presenter, "/ti/ti-7603")
    presenter.wait_for_text_to_equal("#presentation-counter", "1 / 3", timeout=20)
    assert in_presentation(presenter)
    press(presenter, Keys.ARROW_RIGHT)
    wait_for_path(presenter, "/territoires-sans-financement")
    presenter.wait_for_text_to_equal("#presentation-counter", "2 / 3", timeout=10)
    assert sequence in presenter.driver.current_url
    press(presenter, Keys.ARROW_RIGHT)
    presenter.wait_for_text_to_equal("#region-title", "85 projets lauréats en Bretagne", timeout=20)
    presenter.wait_for_text_to_equal("#presentation-counter", "3 / 3", timeout=10)
    press(presenter, Keys.ARROW_RIGHT)  # round to the first slide
    wait_for_path(presenter, "/ti/ti-7603")


def test_a_shared_sequence_leaves_out_what_the_data_no_longer_has(presenter):
    """Opened elsewhere (another tab, another machine): the address alone sets the slides."""
    presenter.driver.get(
        presenter.server.url + "/region/53?presentation=1&diapos=region-53,ti-disparu,carte"
    )
    presenter.wait_for_text_to_equal("#presentation-counter", "1 / 2", timeout=30)
    press(presenter, Keys.ARROW_RIGHT)
    wait_for_path(presenter, "/")
    presenter.wait_for_text_to_equal("#presentation-counter", "2 / 2", timeout=10)
    # The national map rewrites its query as it draws: the sequence stays in it.
    presenter.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    time.sleep(1)
    assert "diapos=region-53,ti-disparu,carte" in presenter.driver.current_url
