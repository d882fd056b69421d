"""Callbacks of the screen built by ``pages/national_map.py``: inputs to queries to outputs."""

from __future__ import annotations

import json

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from callbacks import clientside_call, register_date_checks
from callbacks.request_store import request_store
from callbacks.webgl import register_svg_fallback
from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.territory import search
from dashboard.territory.geography import PANEL_OF_REGION
from dashboard.text import formatting, labels
from layouts.export_buttons import export_hrefs, link_id
from layouts.figures import national_map as fig
from layouts.figures.choropleth import choropleth_encoding
from layouts.figures.pins import pin_encoding, ring_encoding
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
from layouts.paths import NATIONAL_PATH, gaps_href, region_path, ti_path
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


def map_patch(store: DataStore, state: FilterState, drawn_level, drawn_rows, webgl) -> Patch:
    """Only what changed goes back: class numbers, hover values, pins; geometry never."""
    data = queries.map_data(store, state)
    patch = Patch()
    choropleth = patch["data"][fig.CHOROPLETH]
    if drawn_level != state.level:
        names = queries.territory_names(store, state.level).reindex(data.values.index)
        choropleth["geojson"] = fig.geojson_url(state.level, webgl is not False)
        choropleth["locations"] = data.values.index.tolist()
        choropleth["text"] = names.fillna("").tolist()
    choropleth.update(choropleth_encoding(data.values, state.metric, state.per_capita))
    if webgl is not False and state.rows_key() != drawn_rows:
        patch["data"][fig.PINS_IN].update(pin_encoding(data.laureats, True))
        patch["data"][fig.PINS_OUT].update(pin_encoding(data.laureats, False))
        patch["data"][fig.PIN_RINGS].update(ring_encoding(data.laureats))
    drawn_places = queries.places(FilterState.from_query(drawn_rows or ""))
    if webgl is not False and queries.places(state) != drawn_places:
        fit_to(patch, queries.places_bounds(store, state))
    return patch


def fit_to(patch: Patch, bounds) -> None:
    """``patch`` fits the map to ``bounds``, or back to France without (even off a
    projector): a close view at once, refined to the real map size by map_fit.js."""
    meta = fig.fit_meta(bounds)
    meta["presentation_only"] = False
    patch["layout"]["meta"] = meta
    set_view(patch, fig.places_view(bounds) or fig.FRANCE_VIEW)


def set_view(patch: Patch, view: tuple[float, float, float]) -> None:
    lat, lon, zoom = view
    patch["layout"]["map"]["center"] = {"lat": lat, "lon": lon}
    patch["layout"]["map"]["zoom"] = zoom


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


def project_opening(store: DataStore, point: dict) -> tuple:
    """Modal outputs (open, title, body) for a clicked pin."""
    if "customdata" not in point:
        raise PreventUpdate
    row = queries.laureat(store, point["customdata"][0])
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
    detail = queries.epci_detail(store, state, code)
    if detail is None:
        raise PreventUpdate
    return no_update, no_update, True, detail.name, epci_detail_body(detail)


def map_answer(data: DataStore, values: tuple, table_only: bool) -> tuple:
    """``update_map``'s outputs for its input values (see its callback's outputs)."""
    *controls, page, sort_by, drawn_level, drawn_rows, webgl = values
    state = state_from_controls(*controls)
    page = (page or 0) if table_only else 0
    rows, page_count = table_rows(data, state, sort_by, page)
    figure = no_update if table_only else map_patch(data, state, drawn_level, drawn_rows, webgl)
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
        state.level,
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
    register_webgl_fallback(app, store)
    register_update_map(app, store)
    app.clientside_callback(
        clientside_call("urlState.withView", NATIONAL_PATH, "query", "relayout"),
        Output("url-written", "data"),
        Input("map-state", "data"),
        Input("national-map", "relayoutData"),
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
    register_open_clicked(app, store)


def register_update_map(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map", "figure"),
        Output("summary-line", "children"),
        Output("territory-table", "columns"),
        Output("territory-table", "data"),
        Output("territory-table", "page_count"),
        Output("territory-table", "page_current"),
        Output("drawn-level", "data"),
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
        State("drawn-level", "data"),
        State("drawn-rows", "data"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def update_map(*values):
        """One round trip per user action: the map's changes and every text beside it.

        Geometry never travels; the browser recolours without re-reading it
        (assets/choropleth_recolour.js). Whole answers are cached: many users look
        at the same few filter combinations."""
        data = request_store(store)
        table_only = ctx.triggered_id == "territory-table"
        key = ("update_map", table_only, json.dumps(values, sort_keys=True, default=str))
        return cached(data, key, lambda: map_answer(data, values, table_only))


def register_jump_to_zone(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map", "figure", allow_duplicate=True),
        Input("f-zone", "value"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def jump_to_zone(zone, webgl):
        if webgl is False:  # the SVG fallback has a fixed view
            raise PreventUpdate
        _name, *view = ZONES[zone]
        patch = Patch()
        set_view(patch, tuple(view))
        return patch


def register_toggle_layers(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("national-map", "figure", allow_duplicate=True),
        Input("f-layers", "value"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def toggle_layers(layers, webgl):
        if webgl is False:  # the SVG fallback has no pins, clusters or outlines
            raise PreventUpdate
        patch = Patch()
        patch["layout"]["map"]["layers"][0]["visible"] = "ti" in layers
        for index in fig.PIN_LAYER:
            patch["data"][index]["visible"] = "pins" in layers
        for index in (fig.CLUSTER_LINKS, fig.CLUSTERS):
            patch["data"][index]["visible"] = "clusters" in layers
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
        Output("national-map", "figure", allow_duplicate=True),
        Input("territory-search", "value"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def go_to_territory(chosen: str | None, webgl):
        """A région, département or TI becomes the filter (the map fits it, the table
        lists what touches it); an EPCI or a commune is flown to."""
        parsed = search.parse_value(chosen)
        if parsed is None:
            raise PreventUpdate
        kind, code = parsed
        filters = {"reg": 0, "dep": 1, "ti": 2}
        if kind in filters:
            answer = [no_update] * 4
            answer[filters[kind]] = [code]
            return tuple(answer)
        bounds = queries.territory_bounds(request_store(store), kind, code)
        if bounds is None or webgl is False:
            raise PreventUpdate
        patch = Patch()
        fit_to(patch, bounds)
        return no_update, no_update, no_update, patch


def register_open_clicked(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output(NAVIGATE, "pathname", allow_duplicate=True),
        Output("f-departement", "value", allow_duplicate=True),
        Output("project-modal", "is_open"),
        Output("project-title", "children"),
        Output("project-body", "children"),
        Input("national-map", "clickData"),
        Input("territory-table", "active_cell"),
        State("territory-table", "data"),
        State("drawn-level", "data"),
        State("map-state", "data"),
        prevent_initial_call=True,
    )
    def open_clicked(click, cell, rows, level, query):
        """A pin opens its project; a territory (on the map or a table row) opens its
        TI sheet or région panel, filters on its département, or shows its EPCI."""
        data = request_store(store)
        if ctx.triggered_id == "territory-table":
            if not cell or not rows or cell.get("row", len(rows)) >= len(rows):
                raise PreventUpdate
            code = str(rows[cell["row"]]["code"])
        else:
            point = ((click or {}).get("points") or [{}])[0]
            if point.get("curveNumber") in (fig.PINS_IN, fig.PINS_OUT):
                return (no_update, no_update, *project_opening(data, point))
            if point.get("curveNumber") != fig.CHOROPLETH or not point.get("location"):
                raise PreventUpdate
            code = str(point["location"])
        return territory_opening(data, level, code, FilterState.from_query(query or ""))


def register_webgl_fallback(app: Dash, store: DataStore) -> None:
    """A browser without WebGL gets an SVG choropleth instead of a blank MapLibre canvas."""
    register_svg_fallback(
        app,
        "webgl-support",
        Output("national-map", "figure", allow_duplicate=True),
        State("map-state", "data"),
        lambda query: national_map_figure(
            store, FilterState.from_query(query), [], None, webgl=False
        ),
    )
