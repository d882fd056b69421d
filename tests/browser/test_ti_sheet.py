"""A TI sheet in headless Chromium: its map, EPCI, lauréats, funding and clusters."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from app import create_app
from dashboard.settings import DEMO_DATA_DIR
from tests.browser.no_webgl import chromium_without_webgl, count_when_drawn
from tests.demo_files import demo_rows, french

pytestmark = pytest.mark.browser

DIEPPE = "ti-2806"


def ti_list() -> pd.DataFrame:
    """The ANCT list the demo ships (one row per commune of a TI)."""
    return pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv", dtype={"insee_com": str})


def aid_by_enjeu(query: str) -> pd.Series:
    """Aid per enjeu of the demo lauréats an address keeps (a project counts in each)."""
    rows = demo_rows(query)
    split = rows.assign(enjeux=rows["enjeux"].fillna("").str.split(";")).explode("enjeux")
    split["enjeux"] = split["enjeux"].str.strip()
    return split[split["enjeux"] != ""].groupby("enjeux")["montant_aide"].sum()


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
    assert sheet.find_element("#ti-title").text == "Territoire d'industrie Dieppe Côte d'Albâtre"
    assert plain(sheet.find_element("#ti-vintage").text).startswith(
        f"Liste des Territoires d'industrie : {demo_store.tis.vintage}"
    )
    epci = sheet.find_element("#ti-epci").text
    assert "Communauté de communes de la Côte d'Albâtre (63 communes)" in epci
    clusters = sheet.find_element("#ti-clusters").text
    assert "Dieppe Méca Énergies" in clusters and "Club interentreprises du littoral" in clusters
    total = demo_rows(f"?ti={DIEPPE}")["montant_aide"].sum()  # 1,428,716 €
    assert f"{plain(french(total / 1e6, 1))} M€" in plain(sheet.find_element("#ti-totals").text)
    sheet.wait_for_element("#ti-map .maplibregl-canvas", timeout=30)
    n_communes = sheet.driver.execute_script(
        "return document.querySelector('#ti-map .js-plotly-plot').data[0].locations.length;"
    )
    assert n_communes == (ti_list()["id_ti"] == DIEPPE).sum()  # 215 communes in the list


def test_laureats_table_sorts_by_aid_and_by_date(sheet, demo_store):
    rows = demo_rows(f"?ti={DIEPPE}")
    rows["date_decision"] = pd.to_datetime(rows["date_decision"])
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
    here, national = aid_by_enjeu(f"?ti={DIEPPE}"), aid_by_enjeu("?ti_statut=dans")
    cells = sheet.driver.find_elements("css selector", "#ti-enjeux td[data-dash-column='libelle']")
    shown = [c.text for c in cells]
    # Every enjeu of this TI or of any TI, this TI's largest aid first.
    assert set(shown) == set(here.index) | set(national.index)
    assert shown[0] == here.idxmax()
    header = plain(sheet.find_element("#ti-enjeux").text)
    assert f"Moyenne par TI ({ti_list()['id_ti'].nunique()} TI)" in header  # the 183 TIs


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
    expected = demo_rows(f"?ti={DIEPPE}")
    assert len(rows) - 1 == len(expected) > 0
    column = rows[0].index("Territoire d'industrie")
    assert {row[column] for row in rows[1:]} == {"Dieppe Côte d'Albâtre"}


def test_without_webgl_the_ti_map_is_drawn_in_svg(dash_duo, demo_store):
    dash_duo.start_server(create_app(demo_store.settings, store=demo_store), navigate=False)
    with chromium_without_webgl() as driver:
        driver.get(f"{dash_duo.server.url}/ti/{DIEPPE}")
        n_communes = (ti_list()["id_ti"] == DIEPPE).sum()
        assert count_when_drawn(driver, "#ti-map-frame .choroplethlocation") == n_communes
        pins = driver.find_elements("css selector", "#ti-map-frame .scattergeo .point")
        assert len(pins) == len(demo_rows(f"?ti={DIEPPE}"))
        driver.save_screenshot("/tmp/ti_svg.png")
