"""Clusters and pôles de compétitivité, with lines to the territories they work with."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.reports.cluster_summary import ClusterSummary
from dashboard.reports.region_summary import fit_view
from dashboard.text import labels
from dashboard.text.formatting import hover_text
from layouts.figures.map_style import ABOVE_ALL, offline_style

CLUSTER_COLOUR = "#6c3483"
# One colour per kind of structure (national map and its legend); « cluster » keeps the
# colour the layer always had.
KIND_COLOURS = {
    "cluster": CLUSTER_COLOUR,
    "pôle de compétitivité": "#1a5276",
    "groupement": "#117864",
    "réseau": "#b9770e",
    "club": "#a93226",
    "autre": "#5d6d7e",
}
OTHER_COLOUR = KIND_COLOURS["autre"]
APPROXIMATE_KEY_COLOUR = "#c8c8c8"  # the pale disc of a « localisation approchée »
LINK_COLOUR = "rgba(108,52,131,0.55)"
SHEET_FRAME = (760, 480)  # the cluster sheet's map, px (first guess for the zoom)


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


def cluster_sheet_figure(summary: ClusterSummary, webgl: bool = True) -> go.Figure | None:
    """The cluster (a star, a ring when its place is approximate), the territories it works
    with (their main commune) and a line to each; None when nothing has a place in France."""
    places = summary.territories.dropna(subset=["lon", "lat"])
    lons = places["lon"].tolist() + ([summary.lon] if summary.lon is not None else [])
    lats = places["lat"].tolist() + ([summary.lat] if summary.lat is not None else [])
    if not lons:
        return None
    scatter = go.Scattermap if webgl else go.Scattergeo
    traces = []
    if summary.lon is not None:
        line_lon, line_lat = [], []
        for lon, lat in zip(places["lon"], places["lat"], strict=True):
            line_lon += [summary.lon, lon, None]
            line_lat += [summary.lat, lat, None]
        traces.append(
            scatter(
                lon=line_lon,
                lat=line_lat,
                mode="lines",
                line={"width": 2, "color": LINK_COLOUR},
                hoverinfo="skip",
                name="Collaborations cluster – territoire",
            )
        )
    traces.append(
        scatter(
            lon=places["lon"].tolist(),
            lat=places["lat"].tolist(),
            mode="markers+text",
            text=places["nom"].tolist(),
            textposition="top center",
            marker={"size": 10, "color": "#1f4e79"},
            hovertext=(places["nom"] + " (" + places["niveau"] + ")").tolist(),
            hoverinfo="text",
            name=labels.CLUSTER_TERRITORIES_TITLE,
        )
    )
    if summary.lon is not None:
        approximate = f" ({labels.CLUSTER_APPROXIMATE})" if summary.approximate else ""
        traces.append(
            scatter(
                lon=[summary.lon],
                lat=[summary.lat],
                mode="markers",
                marker={
                    "size": 18,
                    "color": CLUSTER_COLOUR,
                    **({"opacity": 0.55} if summary.approximate else {}),
                },
                hovertext=[summary.name + approximate],
                hoverinfo="text",
                name=summary.name + approximate,
            )
        )
    figure = go.Figure(traces)
    bounds = _padded(min(lons), min(lats), max(lons), max(lats))
    if webgl:
        figure.update_layout(map={"style": offline_style(), **fit_view(bounds, *SHEET_FRAME)})
    else:
        west, south, east, north = bounds
        figure.update_layout(
            geo={
                "projection_type": "mercator",
                "lonaxis_range": [west, east],
                "lataxis_range": [south, north],
                "showcountries": True,
                "showland": True,
                "landcolor": "#f4f4f1",
            }
        )
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={"x": 0.01, "y": 0.01, "bgcolor": "rgba(255,255,255,0.9)"},
        uirevision=f"cluster-{summary.id_cluster}",
        paper_bgcolor="#ffffff",
    )
    return figure


def _padded(west: float, south: float, east: float, north: float) -> tuple:
    """At least a département's width around one point, a margin around several."""
    pad_x = max((east - west) * 0.15, 0.6)
    pad_y = max((north - south) * 0.15, 0.4)
    return (west - pad_x, south - pad_y, east + pad_x, north + pad_y)
