"""Classed choropleth of one metric at one territorial level (MapLibre, no tiles)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import formatting, labels
from dashboard.classify import class_breaks, classify

NO_DATA_COLOUR = "#e4e4e4"
CLASS_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
FRANCE_VIEW = {"center": {"lat": 46.6, "lon": 2.4}, "zoom": 4.3}
MONEY_METRICS = ("montant_aide", "investissement")


def format_value(value: float, metric: str) -> str:
    """Value in the metric's French unit: "12,3 M€", "1 966 emplois", "4 lauréats"."""
    if metric in MONEY_METRICS:
        return formatting.millions_eur(value)
    return formatting.count(value, labels.METRIC_UNITS.get(metric, ""))


def _class_label(lower: float, upper: float, metric: str) -> str:
    if metric in MONEY_METRICS:
        return f"{formatting.number(lower / 1e6, 1)} – {formatting.millions_eur(upper)}"
    return f"{formatting.number(lower)} – {format_value(upper, metric)}"


def choropleth_figure(
    values: pd.Series, names: pd.Series, metric: str, geojson_url: str, level_label: str
) -> go.Figure:
    """One trace per class so the legend names each class, "Aucun lauréat" included.

    ``values`` holds every territory of the level (zeros included), indexed by code.
    Geometry is fetched by the browser from ``geojson_url`` (a cacheable static file).
    """
    breaks = class_breaks(values)
    classes = classify(values, breaks)
    rank = values.rank(ascending=False, method="min").astype(int)
    total = len(values)
    figure = go.Figure()
    lower = 0.0
    for class_id in range(len(breaks) + 1):
        in_class = classes[classes == class_id].index
        if class_id == 0:
            colour, name = NO_DATA_COLOUR, labels.NO_LAUREAT
        else:
            upper = breaks[class_id - 1]
            colour, name = CLASS_COLOURS[class_id - 1], _class_label(lower, upper, metric)
            lower = upper
        figure.add_trace(
            go.Choroplethmap(
                geojson=geojson_url,
                featureidkey="properties.code",
                locations=list(in_class),
                z=[class_id] * len(in_class),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                showlegend=True,
                name=name,
                marker={"line": {"width": 0.3, "color": "#ffffff"}},
                customdata=[
                    [names.get(code, code), format_value(values[code], metric),
                     f"{rank[code]} / {total}" if values[code] > 0 else "–"]
                    for code in in_class
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Rang : %{customdata[2]}"
                    "<extra></extra>"
                ),
            )
        )
    figure.update_layout(
        map={"style": "white-bg", **FRANCE_VIEW},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={"title": {"text": f"{labels.METRICS[metric]} par {level_label.lower()}"},
                "x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)"},
        uirevision="map",
    )
    return figure
