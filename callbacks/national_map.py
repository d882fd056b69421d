"""National map: controls -> FilterState (in the URL) -> Patches of the map, summary and table."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

from callbacks.webgl import register_svg_fallback
from dashboard import queries
from dashboard.filters import FilterState
from dashboard.store import DataStore
from layouts.export_buttons import export_hrefs, link_id
from layouts.figures import national_map as fig
from layouts.figures.choropleth import choropleth_encoding, format_values
from layouts.figures.pins import pin_encoding
from layouts.filter_panel import MULTI_FILTERS, ZONES
from layouts.national_map import (
    TABLE_PAGE_SIZE,
    project_detail,
    summary_line,
    table_columns,
)
from layouts.paths import gaps_href

MULTI_INPUTS = [Input(f"f-{suffix}", "value") for _field, suffix, _label in MULTI_FILTERS]


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
        date_from=date_from or None,
        date_to=date_to or None,
        ti_scope=ti_scope or "tous",
        view=view,
        **values,
    )


def filters_text(store: DataStore, state: FilterState) -> str:
    """French list of the active filters, names rather than codes."""
    parts = []
    for name, value in queries.named_filters(store, state).items():
        if name == "periode":
            parts.append(f"du {value[0]} au {value[1]}")
        elif name == "ti_scope":
            parts.append("dans un TI" if value == "dans" else "hors TI")
        else:
            parts += list(value)
    return ", ".join(parts)


def national_map_figure(
    store: DataStore, state: FilterState, layers: list[str], style, webgl: bool = True
):
    """The national figure for a state: first paint, and the SVG fallback."""
    data = queries.map_data(store, state)
    names = queries.territory_names(store, state.level)
    return fig.national_figure(
        data.values,
        names,
        data.laureats,
        store.cluster_points,
        store.cluster_links,
        state,
        layers,
        style,
        webgl=webgl,
    )


def register(app: Dash, store: DataStore) -> None:
    register_webgl_fallback(app, store)

    @app.callback(
        Output("map-state", "data"),
        Output("url", "search"),
        Input("f-level", "value"),
        Input("f-metric", "value"),
        Input("f-per-capita", "value"),
        Input("f-date-from", "value"),
        Input("f-date-to", "value"),
        Input("f-ti-scope", "value"),
        *MULTI_INPUTS,
        State("url", "search"),
        prevent_initial_call=True,
    )
    def controls_to_state(*values):
        *controls, search = values
        view = FilterState.from_query(search).view
        state = state_from_controls(*controls, view=view)
        return state.to_query(), state.to_query()

    @app.callback(
        Output("national-map", "figure"),
        Output("summary-line", "children"),
        Output("territory-table", "columns"),
        Output("drawn-level", "data"),
        Output("drawn-rows", "data"),
        Output(link_id("csv"), "href"),
        Output(link_id("xlsx"), "href"),
        Output("gaps-link", "href"),
        Input("map-state", "data"),
        State("drawn-level", "data"),
        State("drawn-rows", "data"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def repaint(query, drawn_level, drawn_rows, webgl):
        """Only what changed goes back: class numbers, hover values, pins; geometry never."""
        state = FilterState.from_query(query)
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
        summary = summary_line(data.totals, filters_text(store, state))
        hrefs = export_hrefs(state.rows_key())
        return (
            patch,
            summary,
            table_columns(state),
            state.level,
            state.rows_key(),
            hrefs["csv"],
            hrefs["xlsx"],
            gaps_href(state),
        )

    @app.callback(
        Output("territory-table", "data"),
        Output("territory-table", "page_count"),
        Input("map-state", "data"),
        Input("territory-table", "page_current"),
        Input("territory-table", "sort_by"),
    )
    def table_page(query, page, sort_by):
        state = FilterState.from_query(query)
        rows = queries.territory_table(store, state, sort_by or [])
        page = page or 0
        chunk = rows.iloc[page * TABLE_PAGE_SIZE : (page + 1) * TABLE_PAGE_SIZE].copy()
        chunk["valeur_texte"] = format_values(chunk["valeur"], state.metric, state.per_capita)
        page_count = max(1, -(-len(rows) // TABLE_PAGE_SIZE))
        return chunk.to_dict("records"), page_count

    @app.callback(
        Output("url", "search", allow_duplicate=True),
        Input("national-map", "relayoutData"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def remember_view(relayout, search):
        centre, zoom = (relayout or {}).get("map.center"), (relayout or {}).get("map.zoom")
        if not centre or zoom is None:
            raise PreventUpdate
        state = FilterState.from_query(search).with_(
            view=(round(centre["lat"], 4), round(centre["lon"], 4), round(zoom, 2))
        )
        return state.to_query()

    @app.callback(
        Output("national-map", "figure", allow_duplicate=True),
        Input("f-zone", "value"),
        State("webgl-support", "data"),
        prevent_initial_call=True,
    )
    def jump_to_zone(zone, webgl):
        if webgl is False:  # the SVG fallback has a fixed view
            raise PreventUpdate
        _name, lat, lon, zoom = ZONES[zone]
        patch = Patch()
        patch["layout"]["map"]["center"] = {"lat": lat, "lon": lon}
        patch["layout"]["map"]["zoom"] = zoom
        return patch

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
        for index in (fig.PINS_IN, fig.PINS_OUT):
            patch["data"][index]["visible"] = "pins" in layers
        for index in (fig.CLUSTER_LINKS, fig.CLUSTERS):
            patch["data"][index]["visible"] = "clusters" in layers
        return patch

    multi_outputs = [Output(f"f-{suffix}", "value") for _f, suffix, _l in MULTI_FILTERS]

    @app.callback(
        Output("f-date-from", "value"),
        Output("f-date-to", "value"),
        Output("f-ti-scope", "value"),
        Output("f-per-capita", "value"),
        *multi_outputs,
        Input("clear-filters", "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_filters(_clicks):
        return None, None, "tous", [], *([[]] * len(MULTI_FILTERS))

    @app.callback(
        Output("project-modal", "is_open"),
        Output("project-title", "children"),
        Output("project-body", "children"),
        Input("national-map", "clickData"),
        prevent_initial_call=True,
    )
    def open_project(click):
        points = (click or {}).get("points") or [{}]
        point = points[0]
        if point.get("curveNumber") not in (fig.PINS_IN, fig.PINS_OUT) or "customdata" not in point:
            raise PreventUpdate
        row = queries.laureat(store, point["customdata"][0])
        if row is None:
            return no_update, no_update, no_update
        return True, row.get("beneficiaire"), project_detail(row)


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
