"""Callbacks of the screen built by ``pages/ti_sheet.py``: inputs to queries to outputs."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks import register_territory_choice
from callbacks.request_store import request_store
from callbacks.webgl import register_svg_fallback
from dashboard.data.live_store import StoreSource
from dashboard.reports.region_summary import UnknownTerritory, ti_summary
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.region_map import ti_svg_figure
from layouts.page_container import NAVIGATE
from layouts.paths import ti_path
from layouts.ti_sheet import sort_rows


def register(app: Dash, store: StoreSource) -> None:
    def svg_map(pathname: str | None):
        """Without WebGL the TI's map is drawn in SVG (communes by EPCI, lauréats)."""
        try:
            summary = ti_summary(
                request_store(store), (pathname or "").strip("/").partition("/")[2]
            )
        except UnknownTerritory:
            return None
        return svg_graph("ti-map", ti_svg_figure(summary))

    register_svg_fallback(
        app,
        webgl_store("ti-map"),
        Output(map_frame("ti-map"), "children"),
        State(NAVIGATE, "pathname"),
        svg_map,
    )
    register_territory_choice(app, "ti-choice", ti_path)

    @app.callback(
        Output("ti-laureats", "data"),
        Input("ti-laureats", "sort_by"),
        State("ti-laureats", "data"),
        prevent_initial_call=True,
    )
    def sort_laureats(sort_by: list[dict] | None, records: list[dict]) -> list[dict]:
        return sort_rows(records, sort_by or [])
