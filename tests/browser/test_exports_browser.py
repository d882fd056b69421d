"""The "Exporter" menu in headless Chromium: the CSV and the map image land on disk, offline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from app import create_app
from dashboard.text import formatting, labels
from layouts.export_buttons import link_id
from tests.browser.network import network_events, outside_requests

pytestmark = pytest.mark.browser

BOM = b"\xef\xbb\xbf"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def region_page(dash_duo, demo_store, tmp_path):
    """The Bourgogne-Franche-Comté panel, with Chromium saving downloads to ``tmp_path``."""
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    dash_duo.driver.get(dash_duo.server_url + "/region/27")
    dash_duo.wait_for_element("#region-map .js-plotly-plot", timeout=30)
    dash_duo.wait_for_element(".export-menu", timeout=10)
    return dash_duo


def open_menu(duo) -> None:
    toggle = duo.find_element(".export-menu .dropdown-toggle")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", toggle)
    toggle.click()
    duo.wait_for_element(".export-menu .dropdown-menu.show", timeout=5)


def wait_for_file(folder: Path, pattern: str, timeout: float = 30) -> Path:
    """A finished download (Chromium writes ``.crdownload`` until it is done)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob(pattern) if p.stat().st_size > 0]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"aucun fichier {pattern} dans {sorted(folder.iterdir())}")


def test_csv_link_downloads_the_region_lauréats(region_page, tmp_path):
    duo = region_page
    open_menu(duo)
    link = duo.find_element(f"a#{link_id('csv', 'region-map')}")
    assert link.text == labels.EXPORT_CSV
    href = link.get_attribute("href")
    assert "/export/laureats.csv?" in href and "region=27" in href

    fetched = requests.get(href, timeout=30)
    assert fetched.status_code == 200
    assert fetched.content.startswith(BOM)
    assert fetched.content.count(b"\r\n") == 88  # header + the 87 lauréats of the annex

    link.click()
    saved = wait_for_file(tmp_path, "laureats-*.csv")
    assert saved.read_bytes() == fetched.content
    assert not outside_requests(network_events(duo.driver))


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize(
    ("fmt", "text", "pattern", "size"),
    [
        ("png", labels.EXPORT_PNG, "carte-27-2*.png", (1920, 1080)),
        ("png-a4", labels.EXPORT_PNG_A4, "carte-27-a4-*.png", (3508, 2480)),  # 300 dpi
    ],
)
def test_map_image_is_a_slide_or_an_a4_page(region_page, tmp_path, fmt, text, pattern, size):
    duo = region_page
    duo.wait_for_element("#region-map .maplibregl-canvas", timeout=30)
    open_menu(duo)
    button = duo.find_element(f"button[data-export-image='{fmt}']")
    assert button.text == text
    button.click()
    image = wait_for_file(tmp_path, pattern, timeout=60)
    assert png_size(image.read_bytes()) == size
    assert image.stat().st_size > 100_000  # a drawn map, not an empty canvas
    assert not outside_requests(network_events(duo.driver))


def test_svg_map_says_title_filters_source_date_and_version(dash_duo, app, demo_store, tmp_path):
    dash_duo.start_server(app)  # on a database: version 1, the demo
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    dash_duo.driver.get(dash_duo.server_url + "/?region=27")
    dash_duo.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    dash_duo.wait_for_contains_text("#summary-line", "Bourgogne-Franche-Comté", timeout=15)
    open_menu(dash_duo)
    dash_duo.find_element("button[data-export-image='svg']").click()
    svg = wait_for_file(tmp_path, "carte-laureats-*.svg", timeout=60).read_text()
    texts = " ".join(svg.replace("&nbsp;", " ").replace("\u00a0", " ").split())
    assert labels.NATIONAL_TITLE in texts
    assert "87" in texts and "filtres : Bourgogne-Franche-Comté" in texts  # the annex's 87
    data_date = demo_store.folder.data_date("laureats")
    assert f"arrêtées au {formatting.date(data_date)}" in texts
    assert "Source : " in texts
    assert "Données : version 1 du " in texts
    assert "Nombre de lauréats" in texts or "Aucun lauréat" in texts  # the colour scale
    assert not outside_requests(network_events(dash_duo.driver))


def test_national_csv_link_follows_the_filters(dash_duo, demo_store):
    """The national map's export link always carries the filters on screen."""
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store))
    dash_duo.driver.get(dash_duo.server_url + "/?taille=PME")
    dash_duo.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    dash_duo.driver.execute_script(
        "document.querySelector(\"#f-ti-scope input[value='dans']\").click();"
    )
    link = f"a#{link_id('csv')}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and "ti_statut=dans" not in (
        dash_duo.find_element(link).get_attribute("href") or ""
    ):
        time.sleep(0.2)
    href = dash_duo.find_element(link).get_attribute("href")
    assert "ti_statut=dans" in href and "taille=PME" in href
    rows = requests.get(href, timeout=30).content.count(b"\r\n") - 1
    expected = demo_store.laureats.query("dans_ti and taille_entreprise == 'PME'")
    assert rows == len(expected)


def test_xlsx_link_downloads_a_workbook_excel_opens(region_page, tmp_path):
    import openpyxl

    duo = region_page
    open_menu(duo)
    duo.find_element(f"a#{link_id('xlsx', 'region-map')}").click()
    saved = wait_for_file(tmp_path, "laureats-*.xlsx")
    book = openpyxl.load_workbook(saved)
    rows = list(book["Lauréats"].iter_rows(values_only=True))
    assert len(rows) - 1 == 87  # the annex's 87 lauréats of Bourgogne-Franche-Comté
    info = dict(book["Informations"].iter_rows(values_only=True))
    assert info[labels.EXPORT_INFO["filters"]] == "Région : Bourgogne-Franche-Comté"


def test_pdf_link_downloads_the_a4_region_sheet(region_page, tmp_path):
    import subprocess

    duo = region_page
    open_menu(duo)
    duo.find_element(f"a#{link_id('pdf', 'region-map')}").click()
    saved = wait_for_file(tmp_path, "fiche-region-27-*.pdf", timeout=60)
    assert saved.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(saved), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())  # a card's name may wrap in its column
    assert "87 projets lauréats en Bourgogne-Franche-Comté" in text
    assert "ATELIER HAUTE LUNETTERIE BOURGEAT" in text
