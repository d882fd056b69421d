"""TI sheet (``/ti/<id>``): choosing another TI, and sorting its lauréats (dates by their
ISO key)."""

from __future__ import annotations

import dash
from dash import Dash, html

from callbacks.webgl import browser_draws_webgl
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.region_summary import UnknownTerritory, ti_choices, ti_summary
from dashboard.text import labels
from layouts.figures.region_map import enjeu_chart, ti_figure, ti_svg_figure
from layouts.paths import TI_PATH, TI_TEMPLATE
from layouts.ti_sheet import ti_not_found, ti_sheet
from pages import framed, serving_store


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
