"""Callbacks of the screen built by ``pages/national_map.py``: inputs to queries to outputs."""

from __future__ import annotations

import json
import time

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from callbacks import clientside_call, register_date_checks
from callbacks.request_store import request_store
from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.territory import search
from dashboard.territory.geography import PANEL_OF_REGION
from dashboard.territory.names import parse_token
from dashboard.text import formatting, labels
from layouts.export_buttons import export_hrefs, link_id
from layouts.figures import national_map as fig
from layouts.figures.vector_map import choropleth_payload, pins_payload, view_payload
from layouts.filter_panel import MULTI_FILTERS, ZONES
from layouts.national_map import (
    epci_detail_body,
    project_detail,
    region_panel_class,
    region_panel_target,
    summary_line,
    table_columns,
)
from layouts.page_container import NAVIGATE
from layouts.paths import NATIONAL_PATH, cluster_path, gaps_href, region_path, ti_path
from pages.national_map import national_map_figure, table_rows

CONTROL_INPUTS = [
    Input("f-level", "value"),
    Input("f-metric", "value"),
    Input("f-per-capita", "value"),
    Input("f-date-from", "value"),
    Input("f-date-to", "value"),
    Input("f-ti-scope", "value"),
    *(Input(f"f-{suffix}", "value") for _field, suffix, _label in MULTI_FILTERS),
]


def map_patch(store: DataStore, state: FilterState, drawn_rows: str | None) -> Patch:
    """Only what changed goes back to the map: classes and hover texts, pins when the
    rows changed, a new view when the places changed; geometry never."""
    data = queries.map_data(store, state)
    patch = Patch()
    patch["choropleth"] = choropleth_payload(
        data.values, state.level, state.metric, state.per_capita
    )
    if state.rows_key() != drawn_rows:
        patch["pins"] = pins_payload(data.laureats)
    drawn_places = queries.places(FilterState.from_query(drawn_rows or ""))
    if queries.places(state) != drawn_places:
        patch["view"] = view_payload(None, queries.places_bounds(store, state), new_view_number())
    return patch


def new_view_number() -> int:
    """Changes at each move the server asks for (the map moves when it changes)."""
    return time.time_ns()


def view_patch(view: dict) -> Patch:
    patch = Patch()
    patch["view"] = view
    return patch


def state_from_controls(
    level, metric, per_capita, date_from, date_to, ti_scope, *multi, view=None
) -> FilterState:
    values = {
        field: tuple(sorted(v or ()))
        for (field, _s, _l), v in zip(MULTI_FILTERS, multi, strict=True)
    }
    return FilterState(
        level=level,
        metric=metric,
        per_capita=bool(per_capita),
        date_from=formatting.parse_date(date_from),
        date_to=formatting.parse_date(date_to),
        ti_scope=ti_scope or "tous",
        view=view,
        **values,
    )


def project_opening(store: DataStore, laureat_id: str) -> tuple:
    """Modal outputs (open, title, body) for a clicked pin."""
    row = queries.laureat(store, laureat_id)
    if row is None:
        return no_update, no_update, no_update
    return True, row.get("beneficiaire"), project_detail(row)


def territory_opening(store: DataStore, level: str | None, code: str, state: FilterState):
    """``open_clicked``'s outputs for a territory of ``level``."""
    if level == "reg":
        return region_path(PANEL_OF_REGION.get(code, code)), *[no_update] * 4
    if level == "id_ti":
        return ti_path(code), *[no_update] * 4
    if level == "dep":
        return no_update, [code], *[no_update] * 3
    if level == "commune":  # a commune's card is its EPCI's: where its lauréats sit around it
        code = store.geography.communes.set_index("code")["epci"].get(code)
        if not isinstance(code, str):
            raise PreventUpdate
    detail = queries.epci_detail(store, state, code)
    if detail is None:
        raise PreventUpdate
    return no_update, no_update, True, detail.name, epci_detail_body(detail)


def map_answer(data: DataStore, values: tuple, table_only: bool) -> tuple:
    """``update_map``'s outputs for its input values (see its callback's outputs)."""
    *controls, page, sort_by, drawn_rows = values
    state = state_from_controls(*controls)
    page = (page or 0) if table_only else 0
    rows, page_count = table_rows(data, state, sort_by, page)
    figure = no_update if table_only else map_patch(data, state, drawn_rows)
    summary = summary_line(
        queries.map_data(data, state).totals, queries.describe_filters(data, state)
    )
    hrefs = export_hrefs(state.rows_key())
    return (
        figure,
        summary,
        table_columns(state),
        rows,
        page_count,
        page,
        state.rows_key(),
        hrefs["csv"],
        hrefs["xlsx"],
        gaps_href(state),
        region_panel_target(state) or "",
        region_panel_class(region_panel_target(state)),
        state.to_query(),
    )


def register(app: Dash, store: StoreSource) -> None:
    register_date_checks(app, "f-date-from", "f-date-to")
    register_svg_map(app, store)
    register_update_map(app, store)
    app.clientside_callback(
        clientside_call("urlState.withView", NATIONAL_PATH, "query", "relayout"),
        Output("url-written", "data"),
        Input("map-state", "data"),
        Input("national-map-view", "data"),
    )
    app.clientside_callback(
        ClientsideFunction("tiMap", "apply"),
        Output("national-map-drawn", "data"),
        Input("national-map-data", "data"),
        State("national-map", "id"),
    )
    app.clientside_callback(
        ClientsideFunction("nationalMap", "clearFilters"),
        Output("f-date-from", "value"),
        Output("f-date-to", "value"),
        Output("f-ti-scope", "value"),
        Output("f-per-capita", "value"),
        *[Output(f"f-{suffix}", "value") for _f, suffix, _l in MULTI_FILTERS],
        Input("clear-filters", "n_clicks"),
        prevent_initial_call=True,
    )
    register_jump_to_zone(app, store)
    register_toggle_layers(app, store)
    register_search_territories(app, store)
    register_go_to_territory(app, store)
    register_open_searched_cluster(app)
    app.clientside_callback(
        ClientsideFunction("tiClusters", "filter"),
        Output("cluster-table", "data"),
        Output("cluster-count", "children"),
        Input("cluster-kind", "value"),
        Input("cluster-words", "value"),
        State("cluster-records", "data"),
        prevent_initial_call=True,
    )
    register_open_clicked(app, store)


def register_update_map(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map-data", "data"),
        Output("summary-line", "children"),
        Output("territory-table", "columns"),
        Output("territory-table", "data"),
        Output("territory-table", "page_count"),
        Output("territory-table", "page_current"),
        Output("drawn-rows", "data"),
        Output(link_id("csv"), "href"),
        Output(link_id("xlsx"), "href"),
        Output("gaps-link", "href"),
        Output("region-panel-link", "href"),
        Output("region-panel-link", "className"),
        Output("map-state", "data"),
        *CONTROL_INPUTS,
        Input("territory-table", "page_current"),
        Input("territory-table", "sort_by"),
        State("drawn-rows", "data"),
        prevent_initial_call=True,
    )
    def update_map(*values):
        """One round trip per user action: the map's changes and every text beside it.

        Geometry never travels: the browser recolours by feature state
        (assets/map/ti_map.mjs). Whole answers are cached: many users look at the same
        few filter combinations."""
        data = request_store(store)
        table_only = ctx.triggered_id == "territory-table"
        key = ("update_map", table_only, json.dumps(values, sort_keys=True, default=str))
        return cached(data, key, lambda: map_answer(data, values, table_only))


def register_jump_to_zone(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map-data", "data", allow_duplicate=True),
        Input("f-zone", "value"),
        prevent_initial_call=True,
    )
    def jump_to_zone(zone):
        _name, *view = ZONES[zone]
        return view_patch(view_payload(tuple(view), None, new_view_number()))


def register_toggle_layers(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map-data", "data", allow_duplicate=True),
        Input("f-layers", "value"),
        prevent_initial_call=True,
    )
    def toggle_layers(layers):
        patch = Patch()
        patch["layers"] = list(layers or [])
        return patch


def register_search_territories(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("territory-search", "options"),
        Input("territory-search", "search_value"),
        State("territory-search", "value"),
        State("territory-search", "options"),
        prevent_initial_call=True,
    )
    def search_territories(typed: str | None, chosen: str | None, shown: list | None):
        """Names matching what is typed; the chosen one stays listed (its label shows)."""
        if not typed:
            raise PreventUpdate
        options = [found.option() for found in search.find(request_store(store), typed)]
        if not options:  # said as an option: the dropdown's own message means "wait"
            options = [
                {"label": labels.SEARCH_NOTHING, "value": "", "disabled": True, "search": typed}
            ]
        kept = [o for o in shown or [] if o.get("value") == chosen]
        return kept + [o for o in options if o["value"] != chosen]


def register_go_to_territory(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("f-region", "value", allow_duplicate=True),
        Output("f-departement", "value", allow_duplicate=True),
        Output("f-ti", "value", allow_duplicate=True),
        Output("national-map-data", "data", allow_duplicate=True),
        Input("territory-search", "value"),
        prevent_initial_call=True,
    )
    def go_to_territory(chosen: str | None):
        """A région, département or TI becomes the filter (the map fits it, the table
        lists what touches it); an EPCI or a commune is flown to."""
        parsed = parse_token(chosen)
        if parsed is None:
            raise PreventUpdate
        kind, code = parsed
        filters = {"reg": 0, "dep": 1, "ti": 2}
        if kind in filters:
            answer = [no_update] * 4
            answer[filters[kind]] = [code]
            return tuple(answer)
        bounds = queries.territory_bounds(request_store(store), kind, code)
        if bounds is None:
            raise PreventUpdate
        view = view_payload(None, bounds, new_view_number())
        return no_update, no_update, no_update, view_patch(view)


def register_open_searched_cluster(app: Dash) -> None:
    @app.callback(
        Output(NAVIGATE, "pathname", allow_duplicate=True),
        Input("territory-search", "value"),
        prevent_initial_call=True,
    )
    def open_searched_cluster(chosen: str | None) -> str:
        """A cluster or network found by the search opens its sheet."""
        kind, _, code = str(chosen or "").partition(":")
        if kind != search.CLUSTER_KIND or not code:
            raise PreventUpdate
        return cluster_path(code)


def register_open_clicked(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output(NAVIGATE, "pathname", allow_duplicate=True),
        Output("f-departement", "value", allow_duplicate=True),
        Output("project-modal", "is_open"),
        Output("project-title", "children"),
        Output("project-body", "children"),
        Input("national-map-click", "data"),
        Input("territory-table", "active_cell"),
        State("territory-table", "data"),
        State("map-state", "data"),
        prevent_initial_call=True,
    )
    def open_clicked(click, cell, rows, query):
        """A pin opens its project; a territory (on the map or a table row) opens its
        TI sheet or région panel, filters on its département, or shows its EPCI."""
        data = request_store(store)
        state = FilterState.from_query(query or "")
        if ctx.triggered_id == "territory-table":
            if not cell or not rows or cell.get("row", len(rows)) >= len(rows):
                raise PreventUpdate
            code = str(rows[cell["row"]]["code"])
        else:
            click = click if isinstance(click, dict) else {}
            if click.get("kind") == "pin":
                return (no_update, no_update, *project_opening(data, str(click.get("id"))))
            if click.get("kind") == "cluster" and click.get("id"):
                return (cluster_path(str(click["id"])), no_update, no_update, no_update, no_update)
            if click.get("kind") != "territory" or not click.get("code"):
                raise PreventUpdate
            code = str(click["code"])
        return territory_opening(data, state.level, code, state)


def register_svg_map(app: Dash, store: StoreSource) -> None:
    """A browser without WebGL has a plotly SVG map (``national-map-svg``), redrawn for
    each new state; the callback is idle on pages built with the MapLibre map."""

    @app.callback(
        Output("national-map-svg", "figure"),
        Input("map-state", "data"),
        State("f-layers", "value"),
        prevent_initial_call=True,
    )
    def redraw_svg_map(query: str | None, layers: list[str] | None):
        state = FilterState.from_query(query or "")
        data = request_store(store)
        return national_map_figure(data, state, list(layers or []), None, webgl=False)

    @app.callback(
        Output("national-map-svg", "figure", allow_duplicate=True),
        Input("f-layers", "value"),
        prevent_initial_call=True,
    )
    def switch_svg_layers(layers: list[str] | None):
        patch = Patch()
        for name, indexes in fig.SVG_LAYERS.items():
            for index in indexes:
                patch["data"][index]["visible"] = name in (layers or [])
        return patch

    @app.callback(
        Output("national-map-svg", "figure", allow_duplicate=True),
        Input("f-zone", "value"),
        prevent_initial_call=True,
    )
    def svg_zone(zone: str):
        """The overseas buttons frame their région on the SVG map too."""
        _name, lat, lon, zoom = ZONES[zone]
        patch = Patch()
        west, south, east, north = fig.view_bounds(lat, lon, zoom)
        patch["layout"]["geo"]["lonaxis"]["range"] = [west, east]
        patch["layout"]["geo"]["lataxis"]["range"] = [south, north]
        return patch
