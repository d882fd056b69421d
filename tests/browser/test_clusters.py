"""Clusters and networks in headless Chromium: the sheet, reached from a TI sheet and from the
map, and the list that filters the map's cluster layer."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from app import create_app
from dashboard.settings import DEMO_DATA_DIR
from tests.browser.test_national_map import DRAWN, choose, click, on_map

pytestmark = pytest.mark.browser

ROCHEFORT = "ti-7515"  # Rochefort Royan Marennes Oléron in the ANCT list
ATLANTIC = "demo-cluster-01"


def demo_clusters() -> pd.DataFrame:
    return pd.read_csv(DEMO_DATA_DIR / "clusters.csv", dtype=str)


@pytest.fixture
def app_duo(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    return dash_duo


def wait_for_path(duo, path: str, timeout: float = 20) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if duo.driver.current_url.split("?")[0].endswith(path):
            return
        time.sleep(0.2)
    raise AssertionError(f"{path} jamais atteint : {duo.driver.current_url}")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_cluster_sheet_opens_from_its_ti_sheet(app_duo, size, tmp_path):
    app_duo.driver.set_window_size(*size)
    app_duo.driver.get(f"{app_duo.server.url}/ti/{ROCHEFORT}")
    app_duo.wait_for_element("#ti-clusters", timeout=30)
    assert "(1)" in app_duo.find_element("#ti-clusters-title").text
    click(app_duo, "#ti-clusters a")
    wait_for_path(app_duo, f"/cluster/{ATLANTIC}")
    app_duo.wait_for_text_to_equal("#cluster-title", "Atlantic Cluster", timeout=20)
    place = app_duo.find_element("#cluster-place").text
    assert place == "cluster · Rochefort Royan Marennes Oléron (localisation approchée)"
    territories = app_duo.find_element("#cluster-territories").text
    assert "Rochefort Royan Marennes Oléron (Territoire d'industrie)" in territories
    assert "Nouvelle-Aquitaine (région)" in territories
    cards = app_duo.find_elements("#cluster-collaborations .card")
    assert len(cards) == 2  # the two collaborations of the reference
    assert "000:L37,L55-102" in app_duo.find_element("#cluster-collaborations").text
    app_duo.wait_for_element("#cluster-map .main-svg", timeout=20)
    # Nothing wider than the window at either size.
    width = app_duo.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= size[0]
    app_duo.driver.save_screenshot(str(tmp_path / f"cluster-{size[0]}.png"))


def test_a_cluster_clicked_on_the_map_opens_its_sheet(app_duo):
    app_duo.driver.get(app_duo.server.url + "/")
    app_duo.wait_for_element(DRAWN, timeout=30)
    click(app_duo, "#f-layers input[value='clusters']")
    placed = demo_clusters()
    assert on_map(app_duo, "entry.poles.id.length") == 52  # 62 less 7 national, 3 abroad
    assert len(placed) == 62
    # The map's click (assets/map/ti_map.mjs) says which cluster; the sheet opens.
    app_duo.driver.execute_script(
        "window.dash_clientside.set_props('national-map-click',"
        f" {{data: {{kind: 'cluster', id: '{ATLANTIC}', n: 1}}}});"
    )
    wait_for_path(app_duo, f"/cluster/{ATLANTIC}")
    app_duo.wait_for_text_to_equal("#cluster-title", "Atlantic Cluster", timeout=20)


def test_filtering_the_list_filters_the_cluster_layer(app_duo):
    app_duo.driver.get(app_duo.server.url + "/")
    app_duo.wait_for_element(DRAWN, timeout=30)
    click(app_duo, "#f-layers input[value='clusters']")
    networks = demo_clusters()["type"].eq("réseau").sum()
    assert networks == 9  # the reference's nine réseaux
    choose(app_duo, "#cluster-kind", "Réseaux")
    rows = lambda: app_duo.find_elements("#cluster-table td[data-dash-column='type']")  # noqa: E731
    end = time.time() + 10
    while time.time() < end and len(rows()) != networks:
        time.sleep(0.2)
    assert len(rows()) == networks
    assert on_map(app_duo, "entry.polesShown.length") == networks
    assert app_duo.find_element("#cluster-count").text == f"{networks} sur 62"
    # The map keeps the placed ones only: Ecopal (Dunkerque) and the Marne network, for example.
    kept = on_map(app_duo, "JSON.stringify(map.getFilter('poles'))")
    assert kept.startswith('["in",["get","i"]')
    # Words narrow further, without accents: « dunkerque » leaves Ecopal.
    words = app_duo.find_element("#cluster-words")
    words.send_keys("dunkerque")
    end = time.time() + 10
    while time.time() < end and len(rows()) != 1:
        time.sleep(0.2)
    assert "Ecopal" in app_duo.find_element("#cluster-table").text
    assert on_map(app_duo, "entry.polesShown.length") == 1
