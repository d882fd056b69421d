"""Région panel (``/region/<code>``): the annex panel, the région list, and a click on a
région of the national map."""

from __future__ import annotations

import dash
from dash import Dash, html

from callbacks.webgl import browser_draws_webgl
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.region_summary import (
    UnknownTerritory,
    panel_codes,
    region_choices,
    region_codes,
    region_summary,
)
from dashboard.text import labels
from layouts.figures.region_map import region_figure, region_svg_figure
from layouts.paths import REGION_PATH, REGION_TEMPLATE
from layouts.region_panel import region_not_found, region_panel
from pages import framed, serving_store


def region_exists(store: DataStore, region_code: str = "") -> bool:
    try:
        region_codes(store, region_code)
    except UnknownTerritory:
        return False
    return True


def layout(region_code: str | None = None, **_query):
    store = serving_store()
    code = region_code or default_region(store)
    webgl = browser_draws_webgl()
    page = cached(
        store, ("page", REGION_PATH, code, webgl), lambda: region_page(store, code, webgl)
    )
    return framed(page)


def register(app: Dash, store: StoreSource) -> None:
    title = labels.REGION_PAGE_TITLE
    dash.register_page(
        __name__, path_template=REGION_TEMPLATE, title=title, layout=layout, exists=region_exists
    )
    dash.register_page(f"{__name__}.default", path=REGION_PATH, title=title, layout=layout)


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
