"""The naive Dash app the national map is measured against (``make bench``).

What a first version of this dashboard would be: the EPCI GeoJSON inside
``px.choropleth_map``, the whole figure rebuilt on each change of the région
filter. Same data, same geometry file, same ids (``national-map``, ``f-region``)
as the real app, so one harness measures both. No basemap tiles (none offline).

Served by ``gunicorn tests.benchmarks.naive_app:server``.
"""

from __future__ import annotations

import json
from pathlib import Path

import plotly.express as px
from dash import Dash, Input, Output, dcc, html

from dashboard.data.store import DataStore
from dashboard.settings import Settings


def build_app(store: DataStore) -> Dash:
    geojson = json.loads(Path(store.geography.web_layer_path("epci")).read_text())
    laureats = store.laureats
    regions = store.geography.names("reg").sort_values()
    codes = store.geography.names("epci")

    def figure(region: str | None):
        rows = laureats if not region else laureats[laureats["reg"] == region]
        counts = rows.groupby("epci").size().reindex(codes.index, fill_value=0)
        frame = counts.rename("lauréats").rename_axis("code").reset_index()
        frame["nom"] = codes.reindex(frame["code"]).to_numpy()
        chart = px.choropleth_map(
            frame,
            geojson=geojson,
            locations="code",
            featureidkey="id",
            color="lauréats",
            hover_name="nom",
            color_continuous_scale="Blues",
            map_style="white-bg",
            center={"lat": 46.5, "lon": 2.4},
            zoom=4.8,
        )
        chart.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
        return chart

    app = Dash(__name__, serve_locally=True, update_title=None)
    app.layout = html.Div(
        [
            dcc.Dropdown(
                id="f-region",
                options=[{"label": name, "value": code} for code, name in regions.items()],
            ),
            dcc.Graph(id="national-map", figure=figure(None), style={"height": "80vh"}),
        ]
    )

    @app.callback(Output("national-map", "figure"), Input("f-region", "value"))
    def repaint(region):
        return figure(region)

    return app


def __getattr__(name: str):
    if name == "server":
        global server
        server = build_app(DataStore.load(Settings.from_env())).server
        return server
    raise AttributeError(name)
