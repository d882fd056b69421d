"""National choropleth."""

from __future__ import annotations

from dash import Dash, Input, Output

from dashboard import labels, metrics
from dashboard.store import DataStore
from layouts.figures.choropleth import choropleth_figure

LEVEL = "epci"
METRIC = "n_laureats"


def register(app: Dash, store: DataStore) -> None:
    names = store.geography.names(LEVEL)

    @app.callback(Output("national-map", "figure"), Input("national-map", "id"))
    def draw_map(_):
        values = metrics.aggregate(store.laureats, LEVEL)[METRIC].reindex(names.index, fill_value=0)
        return choropleth_figure(values, names, METRIC, f"/geo/{LEVEL}.geojson",
                                 labels.LEVELS[LEVEL])
