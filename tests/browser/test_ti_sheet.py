"""A TI sheet in headless Chromium: its map, EPCI, lauréats, funding and clusters."""

from __future__ import annotations

import time

import pytest

from app import create_app
from dashboard.reports.region_summary import ti_summary
from dashboard.text import formatting
from tests.browser.no_webgl import chromium_without_webgl, count_when_drawn

pytestmark = pytest.mark.browser

DIEPPE = "ti-2806"


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def sheet(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    dash_duo.driver.get(f"{dash_duo.server.url}/ti/{DIEPPE}")
    dash_duo.wait_for_element("#ti-title", timeout=30)
    return dash_duo


def table_column(duo, column: str) -> list[str]:
    return [
        plain(cell.text)
        for cell in duo.driver.find_elements(
            "css selector", f"#ti-laureats td[data-dash-column='{column}']"
        )
    ]


def test_sheet_shows_its_perimeter_lists_and_vintage(sheet, demo_store):
    summary = ti_summary(demo_store, DIEPPE)
    assert sheet.find_element("#ti-title").text == "Territoire d'industrie Dieppe Côte d'Albâtre"
    assert plain(sheet.find_element("#ti-vintage").text).startswith(
        f"Liste des Territoires d'industrie : {demo_store.tis.vintage}"
    )
    epci = sheet.find_element("#ti-epci").text
    assert "Communauté de communes de la Côte d'Albâtre (63 communes)" in epci
    clusters = sheet.find_element("#ti-clusters").text
    assert "Dieppe Méca Énergies" in clusters and "Club interentreprises du littoral" in clusters
    total = formatting.millions_eur(summary.laureats["montant_aide"].sum())
    assert plain(total) in plain(sheet.find_element("#ti-totals").text)
    sheet.wait_for_element("#ti-map .maplibregl-canvas", timeout=30)
    n_communes = sheet.driver.execute_script(
        "return document.querySelector('#ti-map .js-plotly-plot').data[0].locations.length;"
    )
    assert n_communes == summary.n_communes


def test_laureats_table_sorts_by_aid_and_by_date(sheet, demo_store):
    rows = ti_summary(demo_store, DIEPPE).laureats
    aid = table_column(sheet, "aide_meur")
    assert len(aid) == len(rows)
    values = [float(v.replace(" ", "").replace(",", ".")) for v in aid]
    assert values == sorted(values, reverse=True)  # largest aid first
    header = sheet.find_element(
        "#ti-laureats th[data-dash-column='date_decision'] .column-header--sort"
    )
    # A JS click: the enjeu chart below may still be growing and shift the header.
    sheet.driver.execute_script("arguments[0].click();", header)
    deadline = time.time() + 10
    expected = sorted(rows["date_decision"].dropna())
    while time.time() < deadline:
        shown = table_column(sheet, "date_decision")
        if shown == [d.strftime("%d/%m/%Y") for d in expected]:
            break
        time.sleep(0.2)
    assert shown == [d.strftime("%d/%m/%Y") for d in expected]


def test_funding_compares_with_the_national_average(sheet, demo_store):
    summary = ti_summary(demo_store, DIEPPE)
    cells = sheet.driver.find_elements("css selector", "#ti-enjeux td[data-dash-column='libelle']")
    assert [c.text for c in cells] == summary.by_enjeu["libelle"].tolist()
    header = plain(sheet.find_element("#ti-enjeux").text)
    assert f"Moyenne par TI ({summary.n_tis} TI)" in header


def test_unknown_ti_lists_the_sheets(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    dash_duo.driver.get(f"{dash_duo.server.url}/ti/pas-un-ti")
    dash_duo.wait_for_text_to_equal("#ti-sheet h1", "Territoire d'industrie inconnu : pas-un-ti")
    assert dash_duo.driver.find_elements("css selector", f"#ti-sheet a[href='/ti/{DIEPPE}']")


def test_ti_laureats_export_is_this_territorys_list(sheet, demo_store):
    import csv
    import io
    import urllib.request

    href = sheet.find_element("#ti-map-export-csv").get_attribute("href")
    assert href.endswith(f"/export/laureats.csv?ti={DIEPPE}")
    with urllib.request.urlopen(href) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8-sig")), delimiter=";"))
    expected = ti_summary(demo_store, DIEPPE).laureats
    assert len(rows) - 1 == len(expected) > 0
    column = rows[0].index("Territoire d'industrie")
    assert {row[column] for row in rows[1:]} == {"Dieppe Côte d'Albâtre"}


def test_without_webgl_the_ti_map_is_drawn_in_svg(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    with chromium_without_webgl() as driver:
        driver.get(f"{dash_duo.server.url}/ti/{DIEPPE}")
        summary = ti_summary(demo_store, DIEPPE)
        assert count_when_drawn(driver, "#ti-map-frame .choroplethlocation") == summary.n_communes
        pins = driver.find_elements("css selector", "#ti-map-frame .scattergeo .point")
        assert len(pins) == len(summary.laureats)
        driver.save_screenshot("/tmp/ti_svg.png")
