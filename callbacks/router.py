"""URL -> page layout; the query string is handed to the page as its filter state."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html

from callbacks.funding_gaps import gaps_page_for
from callbacks.national_map import filters_text, national_map_figure
from callbacks.region import default_region, region_page
from callbacks.ti_sheet import ti_page
from callbacks.webgl import browser_draws_webgl
from dashboard import labels, queries
from dashboard.filters import FilterState
from dashboard.store import DataStore
from layouts.data_report import data_report_page
from layouts.figures.map_style import offline_style
from layouts.filter_panel import DEFAULT_LAYERS
from layouts.national_map import national_map_page, summary_line
from layouts.paths import GAPS_PATH


def register(app: Dash, store: DataStore) -> None:
    options = queries.filter_options(store)

    @app.callback(
        Output("page-content", "children"),
        Input("url", "pathname"),
        State("url", "search"),
    )
    def render_page(pathname: str | None, search: str | None):
        webgl = browser_draws_webgl()
        if pathname in ("/donnees", "/donnees/"):
            return data_report_page(store.folder, str(store.settings.data_dir))
        if (pathname or "").rstrip("/") == GAPS_PATH:
            return gaps_page_for(store, search, options, webgl)
        if pathname in (None, "", "/"):
            return national_page(store, FilterState.from_query(search), options, webgl)
        section, _, code = (pathname or "").strip("/").partition("/")
        if section == "region":
            return region_page(store, code.strip("/") or default_region(store), webgl)
        if section == "ti" and code.strip("/"):
            return ti_page(store, code.strip("/"), webgl)
        return html.Div(
            [html.H1("Page introuvable", className="h4"), html.A(labels.NAV_MAP, href="/")]
        )


def national_page(
    store: DataStore, state: FilterState, options: dict, webgl: bool = True
) -> html.Div:
    data = queries.map_data(store, state)
    if webgl:
        figure = national_map_figure(store, state, DEFAULT_LAYERS, offline_style())
    else:
        figure = national_map_figure(store, state, [], None, webgl=False)
    summary = summary_line(data.totals, filters_text(store, state))
    return national_map_page(figure, summary, map_footnote(store), options, state)


def map_footnote(store: DataStore) -> str:
    date = store.folder.data_date("laureats")
    parts = [labels.DATA_DATE.format(date=date)] if date else []
    source = store.folder.source_of("laureats")
    if source:
        parts.append(f"Source : {source}")
    parts.append(f"Géographie : {store.geography.vintage}")
    parts.append(f"Territoires d'industrie : {store.tis.vintage}")
    return " · ".join(parts)
