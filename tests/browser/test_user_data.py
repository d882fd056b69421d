"""A team's own data folder: the map uses it, and the report page names every rejected line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app
from dashboard.data.store import DataStore
from dashboard.settings import Settings

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def user_store(tmp_path, geography):
    folder = tmp_path / "donnees"
    folder.mkdir()
    shutil.copy(SAMPLES / "laureats_montant_negatif.csv", folder / "laureats_a.csv")
    shutil.copy(SAMPLES / "laureats_insee_inconnu.csv", folder / "laureats_b.csv")
    shutil.copy(SAMPLES / "dossier" / "ti_2023.csv", folder / "territoires_industrie.csv")
    return DataStore.load(Settings(data_dir=folder, cache_dir=tmp_path / "cache"))


def test_user_folder_replaces_the_demo(dash_duo, user_store):
    dash_duo.start_server(create_app(user_store.settings, store=user_store))
    dash_duo.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    assert not dash_duo.driver.find_elements("css selector", "#demo-banner")
    kept = len(user_store.laureats)
    # File a keeps L3; file b keeps L1, and its L3 is the same project as file a's (counted once).
    assert kept == 2
    assert sorted(user_store.laureats["id_laureat"]) == ["L1", "L3"]
    dash_duo.wait_for_contains_text("#summary-line", f"{kept} lauréats", timeout=10)


def test_report_page_lists_rejected_lines(dash_duo, user_store):
    dash_duo.start_server(create_app(user_store.settings, store=user_store))
    dash_duo.driver.get(dash_duo.server_url + "/donnees")
    dash_duo.wait_for_element("#report-summary", timeout=20)
    summary = dash_duo.find_element("#report-summary").text
    assert "laureats_a.csv" in summary and "territoires_industrie.csv" in summary
    report = dash_duo.find_element("#data-report").text
    assert "montant négatif : -500" in report
    assert "code INSEE inconnu : 99999" in report
    dash_duo.driver.save_screenshot("/tmp/data_report.png")
