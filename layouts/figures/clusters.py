"""Clusters and pôles de compétitivité, with lines to the territories they work with."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.text import labels
from dashboard.text.formatting import hover_text
from layouts.figures.map_style import ABOVE_ALL

CLUSTER_COLOUR = "#6c3483"
LINK_COLOUR = "rgba(108,52,131,0.55)"


def cluster_traces(clusters: pd.DataFrame, links: pd.DataFrame, visible: bool) -> list:
    """A marker per cluster and one line trace for every documented cluster–territory link.

    ``links`` has columns lon0, lat0 (cluster) and lon1, lat1 (territory).
    """
    line_lon = np.column_stack([links["lon0"], links["lon1"], np.full(len(links), None)]).ravel()
    line_lat = np.column_stack([links["lat0"], links["lat1"], np.full(len(links), None)]).ravel()
    hover = np.column_stack(
        [
            hover_text(clusters["nom"]),
            clusters["type"].fillna(""),
            hover_text(clusters["filieres"]) if "filieres" in clusters else [""] * len(clusters),
            hover_text(clusters["liens_texte"], 400),
        ]
    ).tolist()
    return [
        go.Scattermap(
            below=ABOVE_ALL,
            lon=line_lon.tolist(),
            lat=line_lat.tolist(),
            mode="lines",
            line={"width": 1.5, "color": LINK_COLOUR},
            hoverinfo="skip",
            name="Collaborations cluster – territoire",
            visible=visible,
            showlegend=True,
        ),
        go.Scattermap(
            below=ABOVE_ALL,
            lon=clusters["lon"].tolist(),
            lat=clusters["lat"].tolist(),
            mode="markers",
            marker={"size": 13, "color": CLUSTER_COLOUR, "opacity": 0.9},
            customdata=hover,
            name=labels.MAP_LAYERS["clusters"],
            visible=visible,
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}"
            "<br>%{customdata[3]}<extra></extra>",
            showlegend=True,
        ),
    ]
