"""A map that draws text asks no host but the app's own: glyphs come from ``assets/map/glyphs``.

plotly's own styles send MapLibre to fonts.openmaptiles.org for glyphs as soon as a map
draws text; ``offline_style()`` points it at the app. This test draws clustered points with
counts and labels, then reads Chromium's network log.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import plotly.graph_objects as go
import pytest
from dash import Dash, dcc, html

from layouts.figures.map_style import offline_style
from tests.browser.network import is_own, network_events

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = Path("/tmp/offline_map.png")
GLYPHS = "/assets/map/glyphs/"

MAP_READY_JS = """
const gd = document.querySelector('#offline-map .js-plotly-plot');
const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
const map = sub && sub.map;
if (!map || !map.loaded() || !map.isStyleLoaded()) { return null; }
const layers = map.getStyle().layers.filter(l => l.type === 'symbol').map(l => l.id);
const symbols = map.queryRenderedFeatures({layers: layers});
return {
    glyphs: map.getStyle().glyphs,
    counts: symbols.filter(f => f.properties.point_count !== undefined).length,
    labels: symbols.filter(f => f.properties.point_count === undefined).length,
};
"""


CITIES = {
    "Paris – Île-de-France": (2.35, 48.86),
    "Lyon": (4.83, 45.76),
    "Marseille": (5.37, 43.30),
    "Nantes – Saint-Nazaire": (-1.55, 47.22),
    "Strasbourg « Grand Est »": (7.75, 48.58),
}


def _points(n: int = 200) -> tuple[list[float], list[float], list[str]]:
    """~200 points around a few French cities, so that some cluster and some stay alone."""
    rng = np.random.default_rng(7)
    centres = list(CITIES.values())
    lon, lat = [], []
    for i in range(n - 20):
        c_lon, c_lat = centres[i % len(centres)]
        lon.append(c_lon + rng.normal(0, 0.25))
        lat.append(c_lat + rng.normal(0, 0.18))
    lon += list(rng.uniform(-4.5, 8.0, 20))
    lat += list(rng.uniform(42.5, 50.5, 20))
    text = [f"Lauréat n° {i}" for i in range(n)]
    return lon, lat, text


def _figure() -> go.Figure:
    lon, lat, text = _points()
    names = list(CITIES)
    figure = go.Figure(
        [
            # With clustering on, plotly draws cluster counts but no per-point text.
            go.Scattermap(
                lon=lon,
                lat=lat,
                text=text,
                mode="markers",
                marker={"size": 9, "color": "#1f77b4"},
                cluster={"enabled": True, "color": "#ff7f0e", "size": 26, "opacity": 0.9},
            ),
            # Labels: default font ("Open Sans Regular"), accents and general punctuation.
            go.Scattermap(
                lon=[CITIES[name][0] for name in names[1:]],
                lat=[CITIES[name][1] - 0.9 for name in names[1:]],
                text=names[1:],
                mode="markers+text",
                textposition="bottom center",
                textfont={"size": 14, "color": "#333"},
                marker={"size": 6, "color": "#333"},
            ),
            # A bold label asks for the "Open Sans Bold" stack.
            go.Scattermap(
                lon=[CITIES[names[0]][0]],
                lat=[CITIES[names[0]][1] + 0.9],
                text=[names[0]],
                mode="markers+text",
                textposition="top center",
                textfont={"size": 16, "color": "#333", "weight": "bold"},
                marker={"size": 6, "color": "#333"},
            ),
        ]
    )
    figure.update_layout(
        map={"style": offline_style(), "center": {"lat": 46.4, "lon": 2.6}, "zoom": 5.2},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=800,
        showlegend=False,
    )
    return figure


def _app() -> Dash:
    app = Dash(__name__, assets_folder=str(REPO / "assets"), serve_locally=True)
    # The style is built inside the app's context, as the real callbacks do.
    app.layout = html.Div(
        dcc.Graph(id="offline-map", figure=_figure(), style={"height": "800px"}),
    )
    return app


def test_clustered_map_text_uses_only_the_apps_glyphs(dash_duo):
    dash_duo.start_server(_app())
    dash_duo.wait_for_element("#offline-map .maplibregl-canvas", timeout=30)

    events: list[dict] = []
    state = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        events += network_events(dash_duo.driver)
        state = dash_duo.driver.execute_script(MAP_READY_JS)
        glyph_answers = [
            e
            for e in events
            if e["method"] == "Network.responseReceived"
            and GLYPHS in unquote(e["params"]["response"]["url"])
        ]
        if state and state["counts"] and state["labels"] and glyph_answers:
            break
        time.sleep(0.5)
    time.sleep(1.0)  # let any late request show up in the log
    events += network_events(dash_duo.driver)
    dash_duo.driver.save_screenshot(str(SCREENSHOT))

    assert state, "la carte MapLibre n'a pas fini de se charger"

    requested = [
        e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"
    ]
    assert requested, "journal réseau vide : goog:loggingPrefs performance absent ?"
    outside = sorted({url for url in requested if not is_own(url)})
    assert outside == [], f"requêtes hors de l'application : {outside}"

    assert state["glyphs"].endswith("/assets/map/glyphs/{fontstack}/{range}.pbf")
    assert state["counts"] > 0, "aucun effectif de cluster rendu"
    assert state["labels"] > 0, "aucune étiquette de point rendue"

    glyph_requests = [unquote(url) for url in requested if GLYPHS in unquote(url)]
    for expected in (
        "/Open Sans Regular/0-255.pbf",  # cluster counts, labels
        "/Open Sans Regular/8192-8447.pbf",  # « – » in a regular label
        "/Open Sans Bold/0-255.pbf",  # bold label
    ):
        assert any(url.endswith(expected) for url in glyph_requests), (expected, glyph_requests)
    statuses = {
        unquote(e["params"]["response"]["url"]): e["params"]["response"]["status"]
        for e in events
        if e["method"] == "Network.responseReceived"
        and GLYPHS in unquote(e["params"]["response"]["url"])
    }
    assert statuses, "aucune réponse de glyphes reçue"
    assert all(status == 200 for status in statuses.values()), statuses
