"""TI sheet (``/ti/<id>``): choosing another TI, and sorting its lauréats (dates by their
ISO key)."""

from __future__ import annotations

import dash
from dash import Dash, Input, Output, State, html

from callbacks.request_store import request_store
from callbacks.webgl import browser_draws_webgl, register_svg_fallback
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.region_summary import UnknownTerritory, ti_choices, ti_summary
from dashboard.text import labels
from layouts.components import map_frame, svg_graph, webgl_store
from layouts.figures.region_map import enjeu_chart, ti_figure, ti_svg_figure
from layouts.paths import TI_PATH, TI_TEMPLATE, ti_path
from layouts.ti_sheet import sort_rows, ti_not_found, ti_sheet
from pages import NAVIGATE, framed, register_territory_choice, serving_store


def layout(id_ti: str = "", **_query):
    store = serving_store()
    webgl = browser_draws_webgl()
    page = cached(store, ("page", TI_PATH, id_ti, webgl), lambda: ti_page(store, id_ti, webgl))
    return framed(page)


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(
        __name__,
        path_template=TI_TEMPLATE,
        title=labels.TI_PAGE_TITLE,
        layout=layout,
        exists=lambda store, id_ti="": id_ti in store.tis.table.index,
    )

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
