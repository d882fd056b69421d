"""TI sheet: choosing another TI, and sorting its lauréats (dates by their ISO key)."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from callbacks.webgl import register_svg_fallback
from dashboard.region_summary import UnknownTerritory, ti_choices, ti_summary
from dashboard.store import DataStore
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.region_map import enjeu_chart, ti_figure, ti_svg_figure
from layouts.ti_sheet import sort_rows, ti_not_found, ti_sheet


def ti_path(id_ti: str) -> str:
    return f"/ti/{id_ti}"


def register(app: Dash, store: DataStore) -> None:
    def svg_map(pathname: str | None):
        """Without WebGL the TI's map is drawn in SVG (communes by EPCI, lauréats)."""
        try:
            summary = ti_summary(store, (pathname or "").strip("/").partition("/")[2])
        except UnknownTerritory:
            return None
        return svg_graph("ti-map", ti_svg_figure(summary))

    register_svg_fallback(
        app,
        webgl_store("ti-map"),
        Output(map_frame("ti-map"), "children"),
        State("url", "pathname"),
        svg_map,
    )

    @app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Input("ti-choice", "value"),
        State("url", "pathname"),
        prevent_initial_call=True,
    )
    def choose_ti(id_ti: str | None, pathname: str | None) -> str:
        if not id_ti or ti_path(id_ti) == (pathname or "").rstrip("/"):
            raise PreventUpdate
        return ti_path(id_ti)

    @app.callback(
        Output("ti-laureats", "data"),
        Input("ti-laureats", "sort_by"),
        State("ti-laureats", "data"),
        prevent_initial_call=True,
    )
    def sort_laureats(sort_by: list[dict] | None, records: list[dict]) -> list[dict]:
        return sort_rows(records, sort_by or [])


def ti_page(store: DataStore, id_ti: str, webgl: bool = True) -> html.Div:
    """The sheet of ``id_ti``, or the list of TIs when the id is unknown."""
    choices = ti_choices(store)
    try:
        summary = ti_summary(store, id_ti)
    except UnknownTerritory:
        return ti_not_found(id_ti, choices)
    if webgl:
        figure = ti_figure(summary, store.cluster_points, store.cluster_links)
    else:
        figure = ti_svg_figure(summary)
    chart = enjeu_chart(summary.by_enjeu, summary.n_tis)
    return ti_sheet(summary, figure, chart, choices, store.geography.vintage, store.version_label)
