"""The région panels in headless Chromium: the figures a presenter reads off the annex.

One server and one browser for the whole module; each panel is opened by its URL.
"""

from __future__ import annotations

import csv
import socket
import time
import unicodedata

import pytest
from dash.testing.application_runners import ThreadedRunner
from dash.testing.composite import DashComposite
from selenium.common.exceptions import StaleElementReferenceException

from app import create_app
from dashboard.reports.region_summary import region_summary
from tests.annex import ANNEX_PANEL_CODES
from tests.browser.no_webgl import chromium_without_webgl, count_when_drawn

pytestmark = pytest.mark.browser

KPI_COLUMNS = {
    "territoires": "n_territoires_industrie",
    "plans-actions": "n_projets_plans_actions",
    "laureats": "n_laureats",
    "investissement": "investissement_meur",
    "engagement": "engagement_etat_region_meur",
    "emplois": "emplois_prevus",
}
SPACES = str.maketrans("", "", " \u00a0\u202f")


def annex_panels() -> list[dict]:
    from tests.conftest import SHARED

    path = SHARED / "reference" / "regions_annex.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["region"] in ANNEX_PANEL_CODES]


def french_number(text: str) -> float:
    """ "285,5 M€" -> 285.5 ; "1 966" -> 1966.0 (any kind of space between thousands)."""
    return float(text.replace("M€", "").translate(SPACES).replace(",", "."))


def unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def panels(request, demo_store, tmp_path_factory):
    """One app and one Chromium for every panel of the module."""
    with (
        ThreadedRunner() as server,
        DashComposite(
            server=server,
            browser=request.config.getoption("webdriver"),
            headless=request.config.getoption("headless"),
            options=request.config.hook.pytest_setup_options(),
            download_path=str(tmp_path_factory.mktemp("download")),
            percy_run=False,
        ) as duo,
    ):
        duo.start_server(create_app(demo_store.settings, store=demo_store), port=free_port())
        yield duo


def open_page(duo, path: str, ready: str = "#region-title") -> None:
    duo.driver.get(duo.server_url + path)
    duo.wait_for_element(ready, timeout=30)


def wait_for_text(duo, selector: str, expected: str, timeout: float = 20) -> str:
    deadline = time.time() + timeout
    shown = ""
    while time.time() < deadline:
        try:
            elements = duo.driver.find_elements("css selector", selector)
            shown = plain(elements[0].text) if elements else ""
        except StaleElementReferenceException:  # the page was replaced while read
            continue
        if shown == expected:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{selector} : {shown!r} au lieu de {expected!r}")


def kpi_text(duo, key: str, part: str) -> str:
    return plain(duo.find_element(f"#kpi-{key} .kpi-{part}").text)


@pytest.mark.parametrize("row", annex_panels(), ids=lambda row: row["region"])
def test_panel_shows_annex_figures(panels, row):
    code = ANNEX_PANEL_CODES[row["region"]]
    open_page(panels, f"/region/{code}")
    wait_for_text(panels, "#region-title", row["laureats_label_exact"])
    shown = {key: french_number(kpi_text(panels, key, "value")) for key in KPI_COLUMNS}
    expected = {key: float(row[column]) for key, column in KPI_COLUMNS.items()}
    assert shown == expected
    assert kpi_text(panels, "engagement", "label") == row["engagement_label"]
    assert kpi_text(panels, "emplois", "label") == row["emplois_label_exact"]
    assert kpi_text(panels, "plans-actions", "label") == (
        "Projets remontés dans les plans d'actions par les binômes élus – industriels"
    )
    assert plain(panels.find_element("#region-date").text) == (
        f"*Les données sont arrêtées au {row['data_date']}"
    )
    source = plain(panels.find_element("#region-source").text)
    assert source.startswith("Source : ")
    if row["source_line_exact"]:
        assert source.startswith(row["source_line_exact"])
    cards = panels.driver.find_elements("css selector", "#featured-projects .featured-name")
    featured = [name for name in row["featured_cards"].split(" | ") if name]
    # The card carries the beneficiary's full name ("SOCIÉTÉ INDUSTRIELLE AUER" for "AUER").
    assert len(cards) == len(featured)
    for card, name in zip(cards, featured, strict=True):
        assert unaccented(name) in unaccented(card.text)
    panels.wait_for_element("#region-map .maplibregl-canvas", timeout=30)


def test_bfc_card_reads_like_the_annex(panels):
    open_page(panels, "/region/27")
    card = panels.find_element("#featured-projects .featured-card")
    lines = [plain(line) for line in card.text.split("\n")]
    assert lines[:3] == [
        "ATELIER HAUTE LUNETTERIE BOURGEAT",
        "PME – Lunetterie",
        "Hauts de Bienne – TI Haut-Jura",
    ]
    assert lines[-1] == "Création d'au moins 6 emplois prévue"


def test_choosing_a_region_in_the_list_opens_its_panel(panels):
    open_page(panels, "/region/27")
    panels.find_element("#region-choice").click()
    search = panels.wait_for_element(".dash-dropdown-search", timeout=5)
    search.send_keys("Bretagne")
    time.sleep(0.3)
    search.send_keys("\ue007")  # Enter
    wait_for_text(panels, "#region-title", "85 projets lauréats en Bretagne")
    assert panels.driver.current_url.endswith("/region/53")


def test_clicking_a_region_of_the_national_map_opens_its_panel(panels):
    open_page(panels, "/?niveau=region", ready="#national-map .maplibregl-canvas")
    panels.driver.execute_script(
        "window.dash_clientside.set_props('national-map-click', "
        "{data: {kind: 'territory', code: '94', n: 1}});"
    )
    wait_for_text(panels, "#region-title", "10 projets lauréats en Corse")
    assert panels.driver.current_url.split("?")[0].endswith("/region/94")


def test_a_click_at_another_level_stays_on_the_national_map(panels):
    open_page(panels, "/", ready="#national-map .maplibregl-canvas")
    panels.driver.execute_script(
        "window.dash_clientside.set_props('national-map-click', "
        "{data: {kind: 'territory', code: '200071884', n: 1}});"
    )
    time.sleep(1.5)
    assert panels.driver.find_elements("css selector", "#region-title") == []


def test_ti_names_link_to_their_sheet(panels):
    open_page(panels, "/region/27")
    panels.find_element("#featured-projects a[href='/ti/ti-2706']").click()
    wait_for_text(panels, "#ti-title", "Territoire d'industrie Haut-Jura")
    open_page(panels, "/region/27")
    links = panels.driver.find_elements("css selector", "#region-ti-list a")
    # ANCT list, counted by hand: 10 TIs inside Bourgogne-Franche-Comté, 2 more with a few
    # communes in it (Est du Loiret 1 of 146, Sud Haute-Marne 3 of 319), 2 mostly inside.
    share = " % de ses communes dans la région)"  # plain() reads the narrow space as one
    assert {plain(a.text): a.get_attribute("pathname") for a in links} == {
        "Alliances Luxe et Précision Doubs": "/ti/ti-2701",
        "Auxois Morvan": "/ti/ti-2702",
        f"Bourgogne Industrie (98{share}": "/ti/ti-2703",
        "Grand Chalon": "/ti/ti-2704",
        "Grand Dole": "/ti/ti-2705",
        "Haut-Jura": "/ti/ti-2706",
        f"Nevers Val de Loire (99{share}": "/ti/ti-2707",
        "Nord Franche-Comté": "/ti/ti-2708",
        "Vosges Saonoises": "/ti/ti-2709",
        "Yonne Industrielle": "/ti/ti-2710",
        f"Est du Loiret (1{share}": "/ti/ti-2404",
        f"Sud Haute-Marne (1{share}": "/ti/ti-4416",
    }


def test_overseas_panel_draws_one_inset_per_region(panels):
    open_page(panels, "/region/outre-mer")
    wait_for_text(panels, "#region-title", "54 projets lauréats dans les Outre-mer")
    panels.wait_for_element("#region-map .maplibregl-canvas", timeout=30)
    deadline = time.time() + 20
    while time.time() < deadline:
        canvases = panels.driver.find_elements("css selector", "#region-map .maplibregl-canvas")
        if len(canvases) == 5:
            break
        time.sleep(0.3)
    assert len(canvases) == 5
    titles = panels.driver.execute_script(
        "return [...document.querySelectorAll('#region-map .annotation-text')]"
        ".map(e => e.textContent);"
    )
    assert titles == ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]


def test_unknown_region_lists_the_panels(panels):
    open_page(panels, "/region/99", ready="#region-panel")
    assert "Région inconnue : 99" in panels.find_element("#region-panel h1").text
    assert panels.driver.find_elements("css selector", "#region-panel a[href='/region/27']")


@pytest.mark.parametrize(
    ("path", "graph"), [("/region/27", "region-map"), ("/region/outre-mer", "region-map")]
)
def test_without_webgl_the_region_map_is_drawn_in_svg(dash_duo, demo_store, path, graph):
    """No WebGL: the région, its TI perimeters and its pins still show, in SVG."""
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    with chromium_without_webgl() as driver:
        driver.get(dash_duo.server.url + path)
        assert count_when_drawn(driver, f"#{graph}-frame .choroplethlocation") > 0
        code = path.rsplit("/", 1)[1]
        pins = driver.find_elements("css selector", f"#{graph}-frame .scattergeo .point")
        expected = region_summary(demo_store, code).laureats
        assert len(pins) == len(expected) > 0
        driver.save_screenshot(f"/tmp/region_svg_{code}.png")


# Screen position of each pin of the traces in legend group ``arguments[0]`` (the pins
# themselves, not their ring centres), and whether another pin (``alone``) or a pin of
# the other style (``apart``) is closer than 14 px.
PIN_POSITIONS = """
const gd = document.querySelector('#region-map .js-plotly-plot');
const map = gd._fullLayout.map._subplot.map;
const box = map.getCanvas().getBoundingClientRect();
const all = gd._fullData
  .filter(t => t.type === 'scattermap' && t.legendgroup && t.hoverinfo !== 'skip')
  .flatMap(t => Array.from(t.lon, (lon, i) =>
    ({group: t.legendgroup, ...map.project([lon, t.lat[i]])})));
return all.filter(p => p.group === arguments[0]).map(p => ({
  x: box.left + p.x, y: box.top + p.y,
  alone: all.every(q => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 14),
  apart: all.every(q => q.group === p.group || Math.hypot(q.x - p.x, q.y - p.y) > 14),
  inside: p.x > 12 && p.y > 12 && p.x < box.width - 12 && p.y < box.height - 12
    && box.top + p.y < innerHeight - 12,
}));
"""
# The legend's symbol for each pin style: [fill, stroke] of its point.
LEGEND_SYMBOLS = """
return [...document.querySelectorAll('#region-map .legend .traces')].map(t => {
  const point = t.querySelector('.legendpoints path');
  return [t.textContent, point.style.fill, point.style.stroke];
});
"""


def pixel(screenshot, x: float, y: float) -> tuple[int, int, int]:
    return screenshot.getpixel((round(x), round(y)))[:3]


def test_pins_inside_and_outside_a_ti_differ_by_shape_not_only_colour(panels):
    """A filled disc inside a TI, a ring (white centre) outside, on the map and in the legend."""
    from io import BytesIO

    from PIL import Image

    panels.driver.set_window_size(1366, 768)
    # The first panel with both kinds of pins standing apart in the window's first screen.
    for path in ("/region/27", "/region/53", "/region/76", "/region/28", "/region/75"):
        open_page(panels, path)
        panels.wait_for_element("#region-map .maplibregl-canvas", timeout=30)
        time.sleep(2)  # the map's fit and its first full draw
        pins = {
            group: [
                p
                for p in panels.driver.execute_script(PIN_POSITIONS, group)
                if p["alone" if group == "hors" else "apart"] and p["inside"]
            ]
            for group in ("dans", "hors")
        }
        if pins["dans"] and pins["hors"]:
            break
    assert pins["dans"] and pins["hors"], pins
    shot = Image.open(BytesIO(panels.driver.get_screenshot_as_png())).convert("RGB")
    red, orange, white = (0xC0, 0x39, 0x2B), (0xF3, 0x9C, 0x12), (255, 255, 255)

    def near(colour, expected, tolerance=40):
        return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))

    for pin in pins["hors"][:5]:
        assert near(pixel(shot, pin["x"], pin["y"]), white), pin
        # Around the white centre, the orange ring (blended at its edges).
        around = [
            pixel(shot, pin["x"] + dx, pin["y"] + dy)
            for r in (3, 4, 5)
            for dx, dy in ((r, 0), (-r, 0), (0, r), (0, -r))
        ]
        assert any(near(colour, orange, 60) for colour in around), (pin, around)
    for pin in pins["dans"][:5]:
        assert near(pixel(shot, pin["x"], pin["y"]), red), pin
    symbols = {
        name.split(" situé ")[-1]: (fill, stroke)
        for name, fill, stroke in panels.driver.execute_script(LEGEND_SYMBOLS)
        if " situé " in name
    }
    assert symbols["dans un « Territoire d'industrie »"][0] == "rgb(192, 57, 43)"
    ring = symbols["en dehors d'un « Territoire d'industrie »"]
    assert ring == ("rgb(255, 255, 255)", "rgb(243, 156, 18)")
