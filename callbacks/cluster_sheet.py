"""Callbacks of the screen built by ``pages/cluster_sheet.py``."""

from __future__ import annotations

from urllib.parse import unquote

from dash import Dash, Output, State

from callbacks import register_territory_choice
from callbacks.request_store import request_store
from callbacks.webgl import register_svg_fallback
from dashboard.data.live_store import StoreSource
from dashboard.reports.cluster_summary import cluster_summary
from dashboard.reports.region_summary import UnknownTerritory
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.clusters import cluster_sheet_figure
from layouts.page_container import NAVIGATE
from layouts.paths import cluster_path


def register(app: Dash, store: StoreSource) -> None:
    def svg_map(pathname: str | None):
        """Without WebGL the cluster's map is drawn in SVG."""
        id_cluster = unquote((pathname or "").strip("/").partition("/")[2])
        try:
            summary = cluster_summary(request_store(store), id_cluster)
        except UnknownTerritory:
            return None
        figure = cluster_sheet_figure(summary, webgl=False)
        return svg_graph("cluster-map", figure) if figure is not None else None

    register_svg_fallback(
        app,
        webgl_store("cluster-map"),
        Output(map_frame("cluster-map"), "children"),
        State(NAVIGATE, "pathname"),
        svg_map,
    )
    register_territory_choice(app, "cluster-choice", cluster_path)
