"""The first page in headless Chromium: the national map is drawn from the demo data."""

from __future__ import annotations

import pytest

from app import create_app

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_app(demo_store):
    return create_app(demo_store.settings, store=demo_store)


def test_national_map_is_drawn_with_demo_banner(dash_duo, demo_app, demo_store, tmp_path):
    dash_duo.start_server(demo_app)
    dash_duo.wait_for_text_to_equal("#demo-banner strong", "Données de démonstration", timeout=20)
    dash_duo.wait_for_element("#national-map .maplibregl-canvas", timeout=30)
    # Every EPCI shape is in the figure's traces, lauréat-less ones in their own class.
    n_locations = dash_duo.driver.execute_script(
        "const gd = document.querySelector('#national-map .js-plotly-plot');"
        "return gd.data.reduce((n, t) => n + t.locations.length, 0);"
    )
    assert n_locations == len(demo_store.geography.epci)
    legend = dash_duo.find_element("#national-map .legend").text
    assert "Aucun lauréat" in legend
    summary = dash_duo.find_element("#summary-line").text
    assert summary.startswith(f"{len(demo_store.laureats):,}".replace(",", "\u202f") + " lauréats")
    dash_duo.driver.save_screenshot(str(tmp_path / "first_page.png"))
    assert dash_duo.get_logs() == [] or all(
        entry["level"] != "SEVERE" for entry in dash_duo.get_logs()
    )
