"""Territoires sans financement in headless Chromium: rule, map, list, threshold, detail, export."""

from __future__ import annotations

import csv
import io
import urllib.request

import pytest
from selenium.webdriver.common.keys import Keys

from app import create_app
from dashboard.analysis.funding_gaps import GapState, counts_sentence, funding_gaps, rule_sentence
from tests.browser.network import network_events, outside_requests
from tests.browser.no_webgl import chromium_without_webgl, count_when_drawn
from tests.browser.test_national_map import click, plain, wait_until

pytestmark = pytest.mark.browser

PATH = "/territoires-sans-financement"
GRAPH = "document.querySelector('#gaps-map .js-plotly-plot')"


@pytest.fixture
def duo(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    return dash_duo


def open_gaps(duo, query: str = "") -> None:
    duo.driver.get(duo.server.url + PATH + query)
    duo.wait_for_element("#gaps-map .maplibregl-canvas", timeout=30)
    # The first paint is finished when MapLibre has loaded the level's geometry.
    wait_until(
        lambda: duo.driver.execute_script(
            f"const gd = {GRAPH}; const sub = gd && gd._fullLayout.map._subplot;"
            " return Boolean(sub && sub.map.loaded());"
        ),
        timeout=30,
    )


def expected(store, query: str):
    state = GapState.from_query(query)
    return state, funding_gaps(store, state)


def table_names(duo) -> list[str]:
    cells = duo.driver.find_elements("css selector", "#gaps-table td[data-dash-column='nom']")
    return [cell.text for cell in cells]


def as_shown(names) -> list[str]:
    """Names as a browser shows them: runs of spaces in the reference names collapse."""
    return [" ".join(str(name).split()) for name in names]


def test_page_states_the_rule_and_draws_every_ti_in_its_class(duo, demo_store):
    query = "?du=2021-01-01"
    open_gaps(duo, query)
    state, result = expected(demo_store, query)
    assert plain(duo.find_element("#gaps-rule").text) == plain(rule_sentence(result, state))
    # 161: TIs of the ANCT list with a demo lauréat decided since 01/01/2021 (pandas count
    # over the two demo CSV files).
    assert "premier quintile des 161 Territoires d'industrie financés" in plain(
        duo.find_element("#gaps-rule").text
    )
    assert plain(duo.find_element("#gaps-summary").text) == plain(counts_sentence(result, state))
    assert "Cour des comptes" in duo.find_element("#gaps-context").text
    drawn = duo.driver.execute_script(f"return {GRAPH}.data[0].locations.length;")
    assert drawn == len(demo_store.tis.table)
    legend = duo.driver.execute_script(f"return {GRAPH}.data[0].colorbar.ticktext;")
    assert "Non financé (22)" in legend  # 183 TIs of the ANCT list, 161 funded since 2021
    listed = result.listed()
    assert table_names(duo) == as_shown(listed["nom"])[:20]
    sources = duo.find_element("#gaps-sources").text
    assert "URSSAF" in sources and "492 communes du Jura" in sources  # the demo's real file


def test_typing_a_threshold_reclassifies_and_lands_in_the_url(duo, demo_store):
    open_gaps(duo, "?du=2021-01-01")
    box = duo.find_element("#g-threshold")
    box.send_keys("40")
    box.send_keys(Keys.ENTER)
    wait_until(lambda: "40,00" in duo.find_element("#gaps-rule").text, timeout=20)
    state, result = expected(demo_store, "?du=2021-01-01&seuil=40")
    assert "seuil=40" in duo.driver.current_url
    assert plain(duo.find_element("#gaps-rule").text) == plain(rule_sentence(result, state))
    wait_until(
        lambda: (
            plain(duo.find_element("#gaps-summary").text) == plain(counts_sentence(result, state))
        )
    )
    assert result.counts()["sous_finance"] > 8  # more than under the default quintile
    href = duo.find_element("#gaps-map-export-csv").get_attribute("href")
    assert "seuil=40" in href
    with urllib.request.urlopen(href) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) - 1 == len(result.listed())
    # A threshold that is not a number is said so; the default rule applies again.
    box.clear()
    box.send_keys("douze")
    box.send_keys(Keys.ENTER)
    wait_until(lambda: "illisible" in duo.find_element("#g-threshold-feedback").text, timeout=20)
    assert "« douze »" in duo.find_element("#g-threshold-feedback").text
    wait_until(lambda: "premier quintile" in duo.find_element("#gaps-rule").text, timeout=20)
    box.clear()
    box.send_keys("40")
    box.send_keys(Keys.ENTER)
    wait_until(lambda: "40,00" in duo.find_element("#gaps-rule").text, timeout=20)
    assert duo.find_element("#g-threshold-feedback").text == ""
    # Reloading the address restores the same screen.
    duo.driver.refresh()
    duo.wait_for_element("#gaps-map .maplibregl-canvas", timeout=30)
    assert plain(duo.find_element("#gaps-rule").text) == plain(rule_sentence(result, state))


def test_epci_of_a_region_and_the_numbers_behind_a_verdict(duo, demo_store):
    query = "?niveau=epci&region=27"
    open_gaps(duo, query)
    state, result = expected(demo_store, query)
    listed = result.listed(state.regions)
    assert table_names(duo) == as_shown(listed["nom"])[:20]
    click(duo, "#gaps-table td[data-dash-column='nom']")
    duo.wait_for_element("#gaps-detail-numbers", timeout=10)
    first = listed.iloc[0]
    duo.wait_for_text_to_equal("#gaps-detail-title", first["nom"], timeout=10)  # modal fades in
    numbers = plain(duo.find_element("#gaps-detail-numbers").text)
    assert "Non financé : aucun lauréat sur la période" in numbers
    assert f"{first['population']:,}".replace(",", " ") in numbers
    assert "Rang national" in numbers and str(first["rang"]) in numbers
    links = duo.find_element("#gaps-detail-links").text
    # The panel of the région holding most of its communes (an EPCI may cross in).
    assert f"Panneau régional {first['nom_region']}" in links


def test_from_a_ti_row_to_its_sheet(duo, demo_store):
    open_gaps(duo)
    _state, result = expected(demo_store, "")
    first = result.listed().iloc[0]
    click(duo, "#gaps-table td[data-dash-column='nom']")
    duo.wait_for_element("#gaps-detail-links a", timeout=10)
    click(duo, "#gaps-detail-links a")
    duo.wait_for_element("#ti-title", timeout=30)
    assert duo.driver.current_url.endswith(f"/ti/{first['code']}")


def test_national_map_switch_keeps_level_period_and_region(duo):
    duo.driver.get(duo.server.url + "/?niveau=ti&du=2021-01-01&region=27")
    duo.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    click(duo, "#gaps-link")
    duo.wait_for_element("#gaps-map .maplibregl-canvas", timeout=30)
    assert duo.driver.current_url.endswith(f"{PATH}?du=2021-01-01&region=27")
    assert "depuis le 01/01/2021" in duo.find_element("#gaps-rule").text


def test_layers_and_a_full_session_stay_on_the_app_host(duo):
    open_gaps(duo, "?niveau=epci")
    click(duo, "#g-layers input[value='pins']")
    click(duo, "#g-layers input[value='clusters']")
    wait_until(
        lambda: duo.driver.execute_script(f"return {GRAPH}.data[4].visible;") is True, timeout=20
    )
    assert duo.driver.execute_script(f"return {GRAPH}.data[1].visible;") is True
    assert "couches=ti,pins,clusters" in duo.driver.current_url
    assert outside_requests(network_events(duo.driver)) == []


def test_without_webgl_the_verdicts_are_an_svg_map(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    with chromium_without_webgl() as driver:
        driver.get(dash_duo.server.url + PATH + "?niveau=epci&region=27")
        drawn = count_when_drawn(driver, "#gaps-map .choroplethlocation")
        _state, result = expected(demo_store, "?niveau=epci&region=27")
        assert drawn == len(result.table)  # every EPCI, coloured only in the région
        driver.save_screenshot("/tmp/gaps_svg.png")


def test_with_industrial_employment_loaded_the_analyst_sees_how_industrial(dash_duo, jura_store):
    """Which TIs of Bourgogne-Franche-Comté got nothing since 2021, and how industrial are
    they? (real ANCT list and URSSAF Jura file; hand-placed lauréats)"""
    dash_duo.start_server(create_app(jura_store.settings, store=jura_store), navigate=False)
    open_gaps(dash_duo, "?region=27&du=2021-01-01")
    rows = dash_duo.driver.find_elements("css selector", "#gaps-table tr")
    haut_jura = next(row.text for row in rows if "Haut-Jura" in row.text)
    assert "6 559" in plain(haut_jura) and "40,7" in haut_jura and "Non financé" in haut_jura
    assert "192 / 192 communes" in plain(haut_jura)  # complete, not a partial total
    assert "Emploi industriel : URSSAF, effectifs salariés par commune, 2025" in plain(
        dash_duo.find_element("#gaps-sources").text
    )
    click(dash_duo, "#g-basis input[value='emploi_industriel']")
    wait_until(
        lambda: "par emploi industriel" in dash_duo.find_element("#gaps-rule").text, timeout=20
    )
    assert "base=emploi_industriel" in dash_duo.driver.current_url


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_rule_counts_and_whole_map_fit_the_first_screen(duo, size):
    """The analyst sees the map without scrolling, on a laptop as on a large screen."""
    duo.driver.set_window_size(*size)
    open_gaps(duo, "?du=2021-01-01")
    top, bottom, height = duo.driver.execute_script(
        "const r = document.querySelector('#gaps-map').getBoundingClientRect();"
        " return [r.top, r.bottom, window.innerHeight];"
    )
    assert top > 0 and bottom <= height, (top, bottom, height)
    assert bottom - top >= 300
    for element in ("#gaps-rule", "#gaps-summary"):
        assert duo.find_element(element).rect["y"] < top
    assert duo.find_element("#g-date-from").get_attribute("value") == "01/01/2021"
    assert duo.find_element("#g-date-from").rect["width"] >= 90  # « jj/mm/aaaa » readable
    duo.driver.save_screenshot(f"/tmp/gaps_{size[0]}.png")
