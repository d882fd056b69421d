"""Callbacks of the screen built by ``pages/funding_gaps.py``: inputs to queries to outputs."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, ctx
from dash.exceptions import PreventUpdate

from callbacks import clientside_call, register_date_checks
from callbacks.request_store import request_store
from callbacks.webgl import register_svg_fallback
from dashboard.analysis import queries
from dashboard.analysis.funding_gaps import (
    CRITERIA,
    GapResult,
    GapState,
    counts_sentence,
    funding_gaps,
    parse_threshold,
    rule_sentence,
)
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.territory.geography import OVERSEAS_REGIONS
from dashboard.text import formatting, labels
from geodata.vintage import POPULATION_VINTAGE
from layouts.components import webgl_store
from layouts.export_buttons import export_hrefs, link_id
from layouts.figures import national_map as fig
from layouts.figures.funding_gaps import (
    gap_encoding,
    gap_figures,
    gap_locations,
    gap_svg_figure,
)
from layouts.figures.pins import pin_encoding, ring_encoding
from layouts.funding_gaps import (
    GAPS_DATASET,
    GAPS_GRAPH,
    gaps_table_page,
    table_columns,
    territory_detail,
    threshold_placeholder,
)
from layouts.paths import GAPS_PATH, national_href, region_path, ti_path
from pages.funding_gaps import drawn_key, gaps_view


def map_patch(store: DataStore, state: GapState, result: GapResult, drawn: dict, now: dict):
    """Classes and hover text always; geometry URL, pins, layer visibility and view only
    when their part of the state changed (``drawn`` is what the browser shows)."""
    patch = Patch()
    patch["data"][fig.CHOROPLETH].update(gap_encoding(result, state))
    if drawn.get("level") != now["level"]:
        patch["data"][fig.CHOROPLETH].update(gap_locations(result))
        patch["data"][fig.CHOROPLETH]["geojson"] = fig.geojson_url(state.level)
    if (drawn.get("rows"), drawn.get("basis")) != (now["rows"], now["basis"]):
        patch["data"][fig.CHOROPLETH].update(gap_figures(result))
    if drawn.get("pins") != now["pins"]:
        laureats = store.laureats[state.rows().mask(store.laureats)]
        patch["data"][fig.PINS_IN].update(pin_encoding(laureats, True))
        patch["data"][fig.PINS_OUT].update(pin_encoding(laureats, False))
        patch["data"][fig.PIN_RINGS].update(ring_encoding(laureats))
    if drawn.get("layers") != now["layers"]:
        for index in fig.PIN_LAYER:
            patch["data"][index]["visible"] = "pins" in state.layers
        for index in (fig.CLUSTER_LINKS, fig.CLUSTERS):
            patch["data"][index]["visible"] = "clusters" in state.layers
        patch["layout"]["map"]["layers"][0]["visible"] = "ti" in state.layers
    if drawn.get("regions") != now["regions"]:
        view = gaps_view(store, state)
        patch["layout"]["map"]["center"] = view["center"]
        patch["layout"]["map"]["zoom"] = view["zoom"]
    return patch


def clicked_code(cell: dict | None, click: dict | None) -> str | None:
    """The territory code of the row or map shape the user just clicked."""
    if ctx.triggered_id == "gaps-table":
        return (cell or {}).get("row_id")
    point = ((click or {}).get("points") or [{}])[0]
    if point.get("curveNumber") != fig.CHOROPLETH:
        return None
    return point.get("location")


def detail_links(store: DataStore, state: GapState, row) -> list[tuple[str, str]]:
    """TI sheet (TI level), the région panel, and the national map on its lauréats."""
    links = []
    filters = state.to_filters()
    if state.level == "id_ti":
        links.append((labels.GAPS_OPEN_TI, ti_path(row["code"])))
        links.append((labels.GAPS_OPEN_MAP, "/" + filters.with_(tis=(row["code"],)).to_query()))
    if isinstance(row.get("reg"), str):
        name = queries.territory_names(store, "reg").get(row["reg"], row["reg"])
        panel = "outre-mer" if row["reg"] in OVERSEAS_REGIONS else row["reg"]
        links.append((labels.GAPS_OPEN_REGION.format(name=name), region_path(panel)))
    if state.level == "epci" and isinstance(row.get("reg"), str):
        links.append((labels.GAPS_OPEN_MAP, "/" + filters.with_(regions=(row["reg"],)).to_query()))
    return links


def register(app: Dash, store: StoreSource) -> None:
    register_date_checks(app, "g-date-from", "g-date-to")

    def svg_map(query: str):
        data = request_store(store)  # one version for the whole answer
        state = GapState.from_query(query)
        bounds = queries.places_bounds(data, state)
        return gap_svg_figure(funding_gaps(data, state), state, bounds)

    register_svg_fallback(
        app,
        webgl_store(GAPS_GRAPH),
        Output(GAPS_GRAPH, "figure", allow_duplicate=True),
        State("gaps-state", "data"),
        svg_map,
    )
    register_controls_to_state(app, store)
    app.clientside_callback(
        clientside_call("urlState.replace", GAPS_PATH, "query"),
        Output("gaps-url-written", "data"),
        Input("gaps-state", "data"),
        prevent_initial_call=True,
    )
    register_repaint(app, store)
    register_list_page(app, store)
    register_open_detail(app, store)


def register_controls_to_state(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("gaps-state", "data"),
        Output("g-threshold-feedback", "children"),
        Input("g-level", "value"),
        Input("g-date-from", "value"),
        Input("g-date-to", "value"),
        Input("g-region", "value"),
        Input("g-programme", "value"),
        Input("g-basis", "value"),
        Input("g-threshold", "value"),
        Input("g-layers", "value"),
        Input("g-criterion", "value"),
        prevent_initial_call=True,
    )
    def controls_to_state(
        level, date_from, date_to, regions, programmes, basis, threshold, layers, criterion
    ):
        typed = parse_threshold(threshold)
        unreadable = bool((threshold or "").strip()) and typed is None
        feedback = labels.GAPS_THRESHOLD_INVALID.format(text=threshold) if unreadable else ""
        state = GapState(
            level=level,
            basis=basis,
            threshold=typed,
            date_from=formatting.parse_date(date_from),
            date_to=formatting.parse_date(date_to),
            regions=tuple(sorted(regions or ())),
            programmes=tuple(sorted(programmes or ())),
            layers=tuple(layers or ()),
            criterion=criterion if criterion in CRITERIA else "financement",
        )
        return state.to_query(), feedback


def register_repaint(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output(GAPS_GRAPH, "figure"),
        Output("gaps-rule", "children"),
        Output("gaps-summary", "children"),
        Output("gaps-table", "columns"),
        Output("gaps-empty", "hidden"),
        Output("g-threshold", "placeholder"),
        Output(link_id("csv", GAPS_GRAPH), "href"),
        Output(link_id("xlsx", GAPS_GRAPH), "href"),
        Output("gaps-back", "href"),
        Output("gaps-drawn", "data"),
        Input("gaps-state", "data"),
        State("gaps-drawn", "data"),
        State(webgl_store(GAPS_GRAPH), "data"),
        prevent_initial_call=True,
    )
    def repaint(query, drawn, webgl):
        """A Patch of what changed (geometry never), or the SVG map without WebGL."""
        data = request_store(store)  # one version for the whole answer
        state = GapState.from_query(query)
        result = funding_gaps(data, state)
        now = drawn_key(state, drawn)
        drawn = drawn or {}
        if webgl is False:
            patch = gap_svg_figure(result, state, queries.places_bounds(data, state))
        else:
            patch = map_patch(data, state, result, drawn, now)
        n_listed = len(result.listed(state.regions))
        hrefs = export_hrefs(state.to_query(), dataset=GAPS_DATASET)
        return (
            patch,
            rule_sentence(result, state),
            counts_sentence(result, state),
            table_columns(result, state.regions),
            bool(n_listed),
            threshold_placeholder(result),
            hrefs["csv"],
            hrefs["xlsx"],
            national_href(state),
            now,
        )


def register_list_page(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("gaps-table", "data"),
        Output("gaps-table", "page_count"),
        Output("gaps-table", "page_current"),
        Input("gaps-state", "data"),
        Input("gaps-table", "page_current"),
        Input("gaps-table", "sort_by"),
        prevent_initial_call=True,
    )
    def list_page(query, page, sort_by):
        """A new rule starts again at page 1; paging and sorting keep the rule."""
        data = request_store(store)  # one version for the whole answer
        state = GapState.from_query(query)
        page = 0 if ctx.triggered_id == "gaps-state" else (page or 0)
        records, page_count = gaps_table_page(
            funding_gaps(data, state), state.regions, sort_by or [], page
        )
        return records, page_count, page


def register_open_detail(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output("gaps-detail", "is_open"),
        Output("gaps-detail-title", "children"),
        Output("gaps-detail-body", "children"),
        Input("gaps-table", "active_cell"),
        Input(GAPS_GRAPH, "clickData"),
        State("gaps-state", "data"),
        prevent_initial_call=True,
    )
    def open_detail(cell, click, query):
        data = request_store(store)  # one version for the whole answer
        code = clicked_code(cell, click)
        if code is None:
            raise PreventUpdate
        state = GapState.from_query(query)
        result = funding_gaps(data, state)
        rows = result.table[result.table["code"] == code]
        if rows.empty:
            raise PreventUpdate
        row = rows.iloc[0]
        body = territory_detail(row, result, detail_links(data, state, row), POPULATION_VINTAGE)
        return True, row["nom"], body
