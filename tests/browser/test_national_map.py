"""The national map in headless Chromium, checked as a ministry analyst would."""

from __future__ import annotations

import time

import pytest
from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app import create_app
from dashboard.text import labels
from layouts.national_map import TABLE_PAGE_SIZE
from tests.browser.network import network_events, outside_requests
from tests.demo_files import summary_from_files

pytestmark = pytest.mark.browser

# The measurement hook of assets/map/ti_map.mjs: the MapLibre map and what it has applied.
ON_MAP = (
    "const map = window.tiMaps['national-map'];const entry = window.tiMap.entries['national-map'];"
)
DRAWN = "#national-map[data-drawn] .maplibregl-canvas"


@pytest.fixture
def national(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    dash_duo.wait_for_element(DRAWN, timeout=30)
    return dash_duo


def open_url(duo, query: str) -> None:
    duo.driver.get(duo.server_url + "/" + query)
    duo.wait_for_element(DRAWN, timeout=30)


def on_map(duo, expression: str):
    return duo.driver.execute_script(f"{ON_MAP} return {expression};")


def map_settled(duo) -> bool:
    return on_map(duo, "map.loaded() && !map.isMoving() && map.areTilesLoaded()")


def legend_rows(duo) -> list[str]:
    return [row.text for row in duo.find_elements("#national-map .ti-map-legend-row") if row.text]


def expected_summary(_store, query: str, filters: str) -> str:
    """Counted from the demo files (tests/demo_files.py), not by the code under test."""
    return summary_from_files(query, filters)


def click(duo, selector: str) -> None:
    """Scroll the element into view and click it, as a user would."""
    element = duo.find_element(selector)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    if element.tag_name == "input":  # Bootstrap hides some inputs under their label
        duo.driver.execute_script("arguments[0].click();", element)
        return
    try:
        element.click()
    except ElementClickInterceptedException:  # the page was still settling after the scroll
        time.sleep(0.5)
        duo.driver.execute_script("arguments[0].click();", element)


def choose(duo, dropdown: str, text: str) -> None:
    """Open a dash 4 dropdown, type into its search box, pick the first match."""
    click(duo, dropdown)
    search = duo.wait_for_element(".dash-dropdown-search", timeout=5)
    search.send_keys(text)
    time.sleep(0.3)
    search.send_keys(Keys.ENTER)
    search.send_keys(Keys.ESCAPE)


def wait_until(condition, timeout: float = 10) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("condition non remplie à temps")


def plain(text: str) -> str:
    """Selenium reads no-break spaces as plain ones: compare texts that way."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def wait_for_summary(duo, text: str, timeout: float = 15) -> str:
    deadline = time.time() + timeout
    shown = ""
    while time.time() < deadline:
        shown = plain(duo.find_element("#summary-line").text)
        if shown == plain(text):
            return shown
        time.sleep(0.2)
    raise AssertionError(f"résumé attendu : {plain(text)!r}, affiché : {shown!r}")


OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")


def test_national_map_is_drawn_with_demo_banner(national, demo_store):
    national.wait_for_text_to_equal("#demo-banner strong", "Données de démonstration")
    communes = demo_store.geography.communes
    metropole = set(communes.loc[~communes["reg"].isin(OVERSEAS_REGIONS), "epci"].dropna())
    wait_until(lambda: map_settled(national), 20)
    # Every EPCI of metropolitan France is in the tiles at the national view: no hole.
    drawn = on_map(
        national,
        "[...new Set(map.querySourceFeatures('territoires', {sourceLayer: 'epci'})"
        ".map(f => f.properties.code))]",
    )
    assert metropole <= set(drawn)
    assert on_map(national, "map.getLayoutProperty('fill-epci', 'visibility')") == "visible"
    rows = legend_rows(national)
    assert rows[0] == "Aucun lauréat" and len(rows) >= 3
    assert "Dans un Territoire d'industrie" in rows and "Hors Territoire d'industrie" in rows
    wait_for_summary(
        national,
        "1\u202f416 lauréats · 5\u202f400,0\u00a0M€ d'investissement · 573,0\u00a0M€ d'aide "
        "publique · 27\u202f255 emplois prévus · aucun filtre",
    )
    national.driver.save_screenshot("/tmp/national_map.png")


def test_choosing_a_region_updates_every_figure_and_the_url(national, demo_store):
    choose(national, "#f-region", "Bretagne")
    wait_for_summary(
        national,
        "85 lauréats · 256,1\u00a0M€ d'investissement · 29,7\u00a0M€ d'aide publique · "
        "1\u202f548 emplois prévus · filtres : Bretagne",
    )
    assert "region=53" in national.driver.current_url
    bretagne_epci = set(demo_store.geography.communes.query("reg == '53'")["epci"])
    coloured = on_map(
        national, "entry.choropleth.codes.filter((code, i) => entry.choropleth.classes[i] > 0)"
    )
    assert coloured and set(coloured) <= bretagne_epci
    pins = on_map(national, "entry.pins.in.lon.length + entry.pins.out.lon.length")
    assert pins == 85
    # What MapLibre paints, not only plotly's data: outside Bretagne, the no-data grey.
    wait_until(lambda: bool(rendered_colours(national)))
    shown = rendered_colours(national)
    outside = {colour for code, colour in shown.items() if code not in bretagne_epci}
    inside = {colour for code, colour in shown.items() if code in bretagne_epci}
    assert outside == {"rgba(230,230,230,1)"}
    assert inside - outside


RENDERED_COLOURS = """
const shown = {};
for (const f of map.queryRenderedFeatures({layers: ['fill-' + entry.level]})) {
  const c = f.layer.paint['fill-color'];
  shown[f.properties.code] = `rgba(${Math.round(c.r * 255)},${Math.round(c.g * 255)},`
    + `${Math.round(c.b * 255)},${c.a})`;
}
return shown;
"""


def rendered_colours(duo) -> dict[str, str]:
    """Territory code -> fill colour MapLibre draws it in (after the recolour)."""
    return duo.driver.execute_script(ON_MAP + RENDERED_COLOURS)


def test_url_restores_level_metric_filters_and_view(national, demo_store):
    query = "?niveau=region&indicateur=investissement&region=53,27&taille=PME&vue=47.1,1.5,5.5"
    open_url(national, query)
    wait_for_summary(
        national,
        expected_summary(demo_store, query, "Bourgogne-Franche-Comté, Bretagne, PME"),
    )
    assert national.find_element("#f-level input[value='reg']").is_selected()
    assert on_map(national, "entry.level") == "reg"
    assert on_map(national, "map.getLayoutProperty('fill-reg', 'visibility')") == "visible"
    assert on_map(national, "map.getLayoutProperty('fill-epci', 'visibility')") == "none"
    centre = on_map(national, "map.getCenter()")
    assert abs(centre["lat"] - 47.1) < 1e-6 and abs(centre["lng"] - 1.5) < 1e-6
    assert on_map(national, "map.getZoom()") == 5.5
    assert "Investissement" in national.find_element(".ti-map-legend-title").text
    assert "2 sélectionnés" in national.find_element("#f-region").text


def test_one_click_clears_all_filters(national):
    open_url(national, "?region=53&taille=PME&ti_statut=dans")
    click(national, "#clear-filters")
    national.wait_for_contains_text("#summary-line", "aucun filtre", timeout=15)
    assert plain(national.find_element("#summary-line").text).startswith("1 416 lauréats")
    assert "region=" not in national.driver.current_url


def test_in_ti_filter_keeps_only_projects_inside_a_territoire(national, demo_store):
    click(national, "#f-ti-scope input[value='dans']")
    inside = int(demo_store.laureats["dans_ti"].sum())
    wait_for_summary(national, expected_summary(demo_store, "?ti_statut=dans", "dans un TI"))
    wait_until(lambda: on_map(national, "entry.pins.out.lon.length") == 0)
    assert on_map(national, "entry.pins.in.lon.length") == inside


def pin_screen_position(duo, key: str, index: int) -> tuple[float, float]:
    return tuple(
        on_map(
            duo,
            f"(() => {{ const p = map.project([entry.pins.{key}.lon[{index}],"
            f" entry.pins.{key}.lat[{index}]]);"
            " const box = map.getCanvas().getBoundingClientRect();"
            " return [p.x + box.left, p.y + box.top]; })()",
        )
    )


def test_pin_hover_and_click_show_the_project(national, demo_store):
    row = demo_store.laureats.query(
        "beneficiaire.str.upper() == 'ATELIER HAUTE LUNETTERIE BOURGEAT'"
    ).iloc[0]
    key = "in" if row["dans_ti"] else "out"
    index = on_map(national, f"entry.pins.{key}.id.indexOf('{row['id_laureat']}')")
    assert index >= 0
    on_map(
        national,
        f"(map.jumpTo({{center: [entry.pins.{key}.lon[{index}], entry.pins.{key}.lat[{index}]],"
        " zoom: 12}), true)",
    )
    wait_until(lambda: map_settled(national) and on_map(national, "map.getZoom() > 11.9"), 30)

    def hovered() -> bool:
        # The clusters split into single pins a moment after the map settles (MapLibre's
        # worker): point at the pin again until its card shows.
        x, y = pin_screen_position(national, key, index)
        for dx in (3, 0):
            pointer = ActionChains(national.driver)
            pointer.w3c_actions.pointer_action.move_to_location(int(x) + dx, int(y))
            pointer.perform()
        time.sleep(0.7)
        cards = national.driver.find_elements("css selector", ".ti-map-popup")
        return bool(cards) and "Atelier Haute Lunetterie Bourgeat" in cards[0].text

    try:
        wait_until(hovered, timeout=25)
    finally:
        national.driver.save_screenshot("/tmp/pin_hover.png")
    hover = national.find_element(".ti-map-popup").text
    assert "Hauts de Bienne" in hover and "Haut-Jura" in hover
    assert "Fonds d'accélération" in hover and "projet fictif" not in hover
    ActionChains(national.driver).click().perform()
    national.wait_for_text_to_equal(
        "#project-title", "Atelier Haute Lunetterie Bourgeat", timeout=10
    )
    assert "Haut-Jura" in national.find_element("#project-body").text


def test_territory_hover_gives_value_and_rank_and_a_click_opens_it(national, demo_store):
    """At the région level, hovering Bretagne's middle shows its count; a click opens its
    panel (the annex's way in)."""
    open_url(national, "?niveau=region")
    click(national, "#f-layers input[value='pins']")  # no cluster circle over Bretagne
    wait_until(lambda: on_map(national, "map.getLayoutProperty('pins-in', 'visibility')") == "none")
    n_bretagne = int((demo_store.laureats["reg"] == "53").sum())
    wait_until(lambda: map_settled(national), 20)
    national.driver.execute_script(
        "document.getElementById('national-map').scrollIntoView({block: 'center'});"
    )
    time.sleep(0.5)
    x, y = on_map(
        national,
        "(() => { const p = map.project([-2.9, 48.15]);"
        " const box = map.getCanvas().getBoundingClientRect();"
        " return [p.x + box.left, p.y + box.top]; })()",
    )
    pointer = ActionChains(national.driver)
    pointer.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    pointer.perform()
    national.wait_for_contains_text(".ti-map-popup", "Bretagne", timeout=10)
    card = plain(national.find_element(".ti-map-popup").text)
    assert f"{n_bretagne} lauréats" in card and "Rang : " in card
    ActionChains(national.driver).click().perform()
    national.wait_for_contains_text("#region-title", "en Bretagne", timeout=20)


def test_clusters_layer_shows_clusters_and_their_links(national, demo_store):
    assert on_map(national, "map.getLayoutProperty('poles', 'visibility')") == "none"
    click(national, "#f-layers input[value='clusters']")
    wait_until(
        lambda: on_map(national, "map.getLayoutProperty('poles', 'visibility')") == "visible"
    )
    assert on_map(national, "entry.poles.lon.length") == len(demo_store.cluster_points)
    assert on_map(national, "entry.poles.links.length") == len(demo_store.cluster_links)
    assert on_map(national, "map.getLayoutProperty('poles-links', 'visibility')") == "visible"
    # One key per kind of structure (the six kinds the sources use), and the pale key of
    # the clusters placed on their territory.
    shown = legend_rows(national)
    for key in (
        "Clusters",
        "Pôles de compétitivité",
        "Groupements",
        "Réseaux",
        "Clubs",
        "Autres structures",
        "Pâle : localisation approchée",
    ):
        assert key in shown


def test_overseas_regions_are_reachable(national):
    click(national, "#f-zone input[value='973']")
    wait_until(lambda: on_map(national, "map.getCenter().lat") < 10)
    assert abs(on_map(national, "map.getCenter().lat") - 4.0) < 0.5


def test_table_lists_territories_sorted_by_rank(national, demo_store):
    national.wait_for_element("#territory-table td", timeout=10)
    first = national.find_element("#territory-table tbody tr:nth-child(2) td:first-child").text
    counts = demo_store.laureats.groupby("epci").size().sort_values(ascending=False)
    top_names = set(demo_store.geography.names("epci")[counts.index[counts == counts.iloc[0]]])
    assert first in top_names


def test_keyboard_alone_can_filter(national):
    level = national.find_element("#f-level input[value='dep']")
    level.send_keys(Keys.SPACE)
    national.wait_for_contains_text("#territory-table", "Département", timeout=10)
    assert "niveau=departement" in national.driver.current_url


def test_a_whole_session_stays_on_the_app_host(national):
    open_url(national, "?region=84&niveau=ti")
    click(national, "#f-layers input[value='clusters']")
    click(national, "#f-zone input[value='974']")
    time.sleep(3)
    events = network_events(national.driver)
    assert len(events) > 10
    assert outside_requests(events) == []


def test_without_webgl_the_map_is_still_drawn(dash_duo, demo_store):
    """A browser with WebGL disabled gets an SVG choropleth, never a blank area."""
    from tests.browser.conftest import pytest_setup_options

    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    options = pytest_setup_options()
    options.add_argument("--disable-webgl")
    options.add_argument("--disable-3d-apis")
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(dash_duo.server_url + "/")
        wait_until(
            lambda: (
                len(driver.find_elements("css selector", "#national-map .choroplethlocation"))
                > 1000
            ),
            timeout=40,
        )
        time.sleep(1)
        # Trace by trace: EPCI fills, then département, région and TI outlines.
        counts = driver.execute_script(
            "return [...document.querySelectorAll('#national-map .choroplethlayer .trace')]"
            ".map(t => t.querySelectorAll('.choroplethlocation').length);"
        )
        assert counts[0] == len(demo_store.geography.epci)
        assert counts[1:] == [
            len(demo_store.geography.departements),
            len(demo_store.geography.regions),
            len(demo_store.tis.table),
        ]
        pins = driver.find_elements("css selector", "#national-map .scattergeo .point")
        assert len(pins) == 1416  # every demo lauréat, in its shape
        names = driver.execute_script(
            "return [...document.querySelectorAll('#national-map .scattergeo text')]"
            ".map(t => t.textContent);"
        )
        assert {"Rennes", "Lyon", "Dijon"} <= set(names)  # préfectures de région
        click_zone = "document.querySelector(\"#f-zone input[value='974']\").click();"
        driver.execute_script(click_zone)
        wait_until(
            lambda: driver.execute_script(
                "const gd = document.querySelector('#national-map .js-plotly-plot');"
                "return gd.layout.geo.lataxis.range[1] < -20;"  # La Réunion, 21° S
            ),
            timeout=15,
        )
        driver.save_screenshot("/tmp/national_map_svg.png")
    finally:
        driver.quit()


def visible_bounds(duo) -> list[float]:
    return on_map(
        duo, "(b => [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()])(map.getBounds())"
    )


def wait_for_fit(duo, inside: tuple[float, float, float, float], timeout: float = 20):
    """The visible map holds ``inside`` (a lon/lat box) and is at most three times as wide."""
    deadline = time.time() + timeout
    shown = None
    while time.time() < deadline:
        shown = visible_bounds(duo)
        west, south, east, north = shown
        holds = (
            west <= inside[0] and south <= inside[1] and east >= inside[2] and north >= inside[3]
        )
        if holds and east - west < 3 * (inside[2] - inside[0]):
            return shown
        time.sleep(0.3)
    raise AssertionError(f"carte non cadrée sur {inside} : {shown}")


def test_a_region_in_the_url_zooms_to_it_and_restricts_the_table(national, demo_store):
    open_url(national, "?region=27")
    communes = demo_store.geography.communes
    touching = set(communes.loc[communes["reg"] == "27", "epci"])
    names = demo_store.geography.names("epci")
    # Bourgogne-Franche-Comté spans about 2.8°E to 7.2°E and 46.2°N to 48.4°N.
    wait_for_fit(national, (3.0, 46.3, 7.0, 48.3))
    pages = -(-len(touching) // TABLE_PAGE_SIZE)
    national.wait_for_contains_text("#territory-table", f"/ {pages}", timeout=15)
    rows = national.find_elements("#territory-table tbody tr td:first-child")
    shown = {row.text for row in rows if row.text}
    expected = {" ".join(name.split()) for name in names[list(touching)]}  # as HTML shows it
    assert shown and shown <= expected, shown - expected
    assert "Bordeaux Métropole" not in national.find_element("#territory-table").text


def test_choosing_a_region_zooms_there_and_clearing_goes_back_to_france(national):
    choose(national, "#f-region", "Bretagne")
    wait_for_fit(national, (-4.6, 47.4, -1.2, 48.8))  # Bretagne, Finistère to Ille-et-Vilaine
    click(national, "#clear-filters")
    wait_for_fit(national, (-4.0, 43.0, 7.5, 50.5))  # metropolitan France again


def search_for(duo, typed: str) -> list[str]:
    """Type into the territory search; the options it lists."""
    click(duo, "#territory-search")
    box = duo.wait_for_element(".dash-dropdown-search", timeout=5)
    box.send_keys(typed)
    deadline = time.time() + 10
    shown: list[str] = []
    while time.time() < deadline and not shown:
        texts = duo.driver.execute_script(
            "return [...document.querySelectorAll('.dash-dropdown-option')].map(o => o.innerText);"
        )
        shown = [text for text in texts if text and text != labels.SEARCH_WAITING]
        time.sleep(0.2)
    return shown


def test_search_without_accents_flies_to_saint_etienne(national):
    shown = search_for(national, "saint etienne")
    assert shown[0] == "Saint-Etienne Métropole (EPCI)"
    assert "Saint-Étienne (commune 42)" in shown
    national.find_element(".dash-dropdown-search").send_keys(Keys.ENTER)
    wait_for_fit(national, (4.25, 45.35, 4.55, 45.55))  # around Saint-Étienne (4.39°E, 45.44°N)


def test_search_for_a_departement_filters_on_it(national, demo_store):
    shown = search_for(national, "cote d or")
    assert shown == ["Côte-d'Or (département 21)"]
    national.find_element(".dash-dropdown-search").send_keys(Keys.ENTER)
    wait_for_summary(national, expected_summary(demo_store, "?departement=21", "Côte-d'Or"))
    wait_until(lambda: "departement=21" in national.driver.current_url)


def test_search_says_when_nothing_matches(national):
    assert search_for(national, "zzxyq") == [labels.SEARCH_NOTHING]


def test_one_region_chosen_offers_its_panel(national):
    assert "d-none" in national.find_element("#region-panel-link").get_attribute("class")
    choose(national, "#f-region", "Bourgogne")
    wait_until(
        lambda: "d-none" not in national.find_element("#region-panel-link").get_attribute("class")
    )
    link = national.find_element("#region-panel-link")
    assert link.text == labels.REGION_PANEL_OPEN
    click(national, "#region-panel-link")
    national.wait_for_text_to_equal(
        "#region-title", "87 projets lauréats en Bourgogne-Franche-Comté", timeout=20
    )


def test_a_ti_row_opens_its_sheet(national, demo_store):
    open_url(national, "?niveau=ti")
    national.wait_for_contains_text("#territory-table", "Territoire d'industrie", timeout=15)
    selector = "#territory-table tbody tr:nth-child(2) td:first-child"
    name = national.find_element(selector).text
    click(national, selector)
    wait_until(lambda: "/ti/" in national.driver.current_url, 15)
    id_ti = national.driver.current_url.rsplit("/ti/", 1)[1].split("?")[0]
    assert demo_store.tis.table.loc[id_ti, "lib_ti"] == name


def test_an_epci_row_shows_where_it_is_and_its_laureats(national, demo_store):
    open_url(national, "?region=27")
    selector = "#territory-table tbody tr:nth-child(2) td:first-child"
    name = national.wait_for_element(selector).text
    click(national, selector)
    national.wait_for_text_to_equal("#project-title", name, timeout=10)
    body = national.find_element("#project-body").text
    names = demo_store.geography.names("epci")
    code = next(c for c, n in names.items() if " ".join(n.split()) == name)
    rows = demo_store.laureats[demo_store.laureats["epci"] == code]
    expected = f"{len(rows)} lauréat" + ("s" if len(rows) > 1 else "")
    assert expected in plain(body)
    assert "Bourgogne-Franche-Comté" in body


def decided_between(store, start: str, end: str) -> int:
    dates = store.laureats["date_decision"]
    return int(((dates >= start) & (dates <= end)).sum())


def type_into(duo, selector: str, text: str) -> None:
    box = duo.find_element(selector)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.clear()
    box.send_keys(text, Keys.TAB)


def test_dates_are_typed_and_shown_day_first_in_an_english_browser(national, demo_store):
    """The browser runs in en-US: a native date box would ask mm/dd/yyyy."""
    assert national.driver.execute_script("return navigator.language").startswith("en")
    open_url(national, "?du=2021-01-01")
    assert national.find_element("#f-date-from").get_attribute("value") == "01/01/2021"
    assert national.find_element("#f-date-from").get_attribute("placeholder") == "jj/mm/aaaa"
    type_into(national, "#f-date-to", "31/12/2021")
    n = decided_between(demo_store, "2021-01-01", "2021-12-31")
    assert 0 < n < len(demo_store.laureats)
    national.wait_for_contains_text("#summary-line", "du 01/01/2021 au 31/12/2021", timeout=15)
    assert plain(national.find_element("#summary-line").text).startswith(f"{n:,}".replace(",", " "))
    wait_until(lambda: "au=2021-12-31" in national.driver.current_url)

    type_into(national, "#f-date-to", "31/13/2021")
    national.wait_for_contains_text(
        "#f-date-to-feedback", "« 31/13/2021 » n'est pas une date : écrivez-la jj/mm/aaaa"
    )
    national.wait_for_contains_text("#summary-line", "depuis le 01/01/2021", timeout=15)


NAMES_SHOWN = (
    ON_MAP
    + """
if (!map.loaded()) return null;
const layers = map.getStyle().layers.map(l => l.id).filter(id => id.startsWith('lieux-'));
return map.queryRenderedFeatures({layers}).map(f => f.properties.nom);
"""
)


def test_town_names_come_from_the_app_and_grow_with_the_zoom(national):
    """Préfectures de région at the national view; Chalon-sur-Saône (a sous-préfecture of
    45,000 inhabitants) only once zoomed in on Burgundy."""

    def names():
        wait_until(lambda: national.driver.execute_script(NAMES_SHOWN) is not None, 20)
        time.sleep(1)
        return set(national.driver.execute_script(NAMES_SHOWN))

    wide = names()
    assert {"Paris", "Lyon", "Dijon", "Marseille"} <= wide
    assert "Chalon-sur-Saône" not in wide
    open_url(national, "?vue=46.8,4.85,8")
    assert "Chalon-sur-Saône" in names()
    assert outside_requests(network_events(national.driver)) == []
