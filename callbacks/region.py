"""Callbacks of the screen built by ``pages/region.py``: inputs to queries to outputs."""

from __future__ import annotations

from dash import Dash, Output, State

from callbacks import register_territory_choice
from callbacks.request_store import request_store
from callbacks.webgl import register_svg_fallback
from dashboard.data.live_store import StoreSource
from dashboard.reports.region_summary import (
    UnknownTerritory,
    region_summary,
)
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.region_map import region_svg_figure
from layouts.page_container import NAVIGATE
from layouts.paths import region_path
from pages.region import default_region


def register(app: Dash, store: StoreSource) -> None:
    def svg_map(pathname: str | None):
        """Without WebGL the panel's map is drawn in SVG (région, TI perimeters, pins)."""
        data = request_store(store)
        code = (pathname or "").strip("/").partition("/")[2] or default_region(data)
        try:
            return svg_graph("region-map", region_svg_figure(region_summary(data, code)))
        except UnknownTerritory:
            return None

    register_svg_fallback(
        app,
        webgl_store("region-map"),
        Output(map_frame("region-map"), "children"),
        State(NAVIGATE, "pathname"),
        svg_map,
    )
    register_territory_choice(app, "region-choice", region_path)
