"""Région panel navigation: the région list, and a click on a région of the national map."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from callbacks.webgl import register_svg_fallback
from dashboard.region_summary import (
    UnknownTerritory,
    panel_codes,
    region_choices,
    region_summary,
)
from dashboard.store import DataStore
from dashboard.territory import REGION_GROUPS
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.national_map import CHOROPLETH
from layouts.figures.region_map import region_figure, region_svg_figure
from layouts.region_panel import region_not_found, region_panel

# Overseas régions open the report's grouped panel ("outre-mer").
PANEL_OF_REGION = {code: group for group, codes in REGION_GROUPS.items() for code in codes}


def region_path(code: str) -> str:
    return f"/region/{code}"


def clicked_region(click: dict | None, level: str | None) -> str | None:
    """The région code of a click on the national choropleth drawn at région level."""
    if level != "reg":
        return None
    point = ((click or {}).get("points") or [{}])[0]
    if point.get("curveNumber") != CHOROPLETH or not point.get("location"):
        return None
    code = str(point["location"])
    return PANEL_OF_REGION.get(code, code)


def register(app: Dash, store: DataStore) -> None:
    def svg_map(pathname: str | None):
        """Without WebGL the panel's map is drawn in SVG (région, TI perimeters, pins)."""
        code = (pathname or "").strip("/").partition("/")[2] or default_region(store)
        try:
            return svg_graph("region-map", region_svg_figure(region_summary(store, code)))
        except UnknownTerritory:
            return None

    register_svg_fallback(
        app,
        webgl_store("region-map"),
        Output(map_frame("region-map"), "children"),
        State("url", "pathname"),
        svg_map,
    )

    @app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Input("region-choice", "value"),
        State("url", "pathname"),
        prevent_initial_call=True,
    )
    def choose_region(code: str | None, pathname: str | None) -> str:
        if not code or region_path(code) == (pathname or "").rstrip("/"):
            raise PreventUpdate
        return region_path(code)

    @app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Input("national-map", "clickData"),
        State("drawn-level", "data"),
        prevent_initial_call=True,
    )
    def open_clicked_region(click: dict | None, level: str | None) -> str:
        code = clicked_region(click, level)
        if code is None:
            raise PreventUpdate
        return region_path(code)


def region_page(store: DataStore, code: str, webgl: bool = True) -> html.Div:
    """The panel of ``code``, or the list of panels when the code is unknown."""
    choices = region_choices(store)
    try:
        summary = region_summary(store, code)
    except UnknownTerritory:
        return region_not_found(code, choices)
    figure = region_figure(summary) if webgl else region_svg_figure(summary)
    return region_panel(summary, figure, choices, store.is_demo)


def default_region(store: DataStore) -> str:
    """``/region`` alone opens the first panel of the report."""
    return panel_codes(store)[0]
