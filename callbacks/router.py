"""URL -> page layout; the query string is handed to the page as its filter state."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html

from callbacks.funding_gaps import gaps_page_for
from callbacks.national_map import filters_text, national_map_figure
from callbacks.publishing import data_page_for
from callbacks.region import default_region, region_page
from callbacks.ti_sheet import ti_page
from callbacks.webgl import browser_draws_webgl
from dashboard import labels, queries
from dashboard.filters import FilterState
from dashboard.funding_gaps import GapState, store_memo
from dashboard.live_store import LiveStore, current_store
from dashboard.store import DataStore
from layouts.figures.map_style import offline_style
from layouts.filter_panel import DEFAULT_LAYERS
from layouts.national_map import national_map_page, summary_line
from layouts.paths import DATA_PATH, GAPS_PATH


def register(app: Dash, store: DataStore, live: LiveStore | None = None) -> None:
    @app.callback(
        Output("page-content", "children"),
        Input("url", "pathname"),
        State("url", "search"),
    )
    def render_page(pathname: object, search: object):
        pathname = pathname if isinstance(pathname, str) else "/"
        search = search if isinstance(search, str) else ""
        data = current_store(store)  # one version for the whole page
        if pathname.rstrip("/") == DATA_PATH:
            return data_page_for(data, live, search)
        options = store_memo(data, ("filter_options",), queries.filter_options, data)
        page, ignored = page_for(data, pathname, search, options, browser_draws_webgl())
        unreachable = live.database_error if live is not None else None
        return html.Div([*data_notices(data, ignored, unreachable), page])


def page_for(
    store: DataStore, pathname: str, search: str, options: dict, webgl: bool
) -> tuple[object, tuple[str, ...]]:
    """The page at ``pathname`` and the URL parameters it could not read."""
    if pathname.rstrip("/") == DATA_PATH:
        return data_page_for(store, None, search), ()
    if pathname.rstrip("/") == GAPS_PATH:
        return gaps_page_for(store, search, options, webgl), GapState.from_query(search).ignored
    if pathname in ("", "/"):
        state = FilterState.from_query(search)
        return national_page(store, state, options, webgl), state.ignored
    section, _, code = pathname.strip("/").partition("/")
    if section == "region":
        return region_page(store, code.strip("/") or default_region(store), webgl), ()
    if section == "ti" and code.strip("/"):
        return ti_page(store, code.strip("/"), webgl), ()
    page = html.Div(
        [html.H1(labels.PAGE_NOT_FOUND, className="h4"), html.A(labels.NAV_MAP, href="/")]
    )
    return page, ()


def data_notices(
    store: DataStore, ignored: tuple[str, ...] = (), unreachable: str | None = None
) -> list:
    """French notes above a page: database unreachable, datasets missing, unreadable URL values."""
    notices = [_notice(unreachable, "danger", report_link=False)] if unreachable else []
    if store.laureats.empty:
        notices.append(_notice(labels.NO_LAUREATS, "warning"))
    if store.tis.table.empty:
        notices.append(_notice(labels.NO_TI_LIST, "warning"))
    if store.cluster_points.empty:
        notices.append(_notice(labels.NO_CLUSTERS, "secondary"))
    if ignored:
        text = labels.URL_IGNORED.format(items=", ".join(ignored))
        notices.append(_notice(text, "secondary", report_link=False))
    return notices


def _notice(text: str, color: str, report_link: bool = True) -> dbc.Alert:
    link = [" ", dcc.Link(labels.SEE_REPORT, href="/donnees", className="alert-link")]
    return dbc.Alert(
        [text, *(link if report_link else [])], color=color, className="py-1 mb-2 small"
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
    parts = [store.version_label] if store.version_label else []
    if date:
        parts.append(labels.DATA_DATE.format(date=date))
    source = store.folder.source_of("laureats")
    if source:
        parts.append(f"Source : {source}")
    parts.append(f"Géographie : {store.geography.vintage}")
    parts.append(f"Territoires d'industrie : {store.tis.vintage}")
    return " · ".join(parts)
