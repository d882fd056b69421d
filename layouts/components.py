"""Pieces shared by the région panel and the TI sheet: the controls row, the map beside
its side column, and the "not found" page with the list of valid choices."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.dash_table.Format import Format, Group, Scheme

from dashboard.text import labels


def graph_config(filename: str, scroll_zoom: bool = True) -> dict:
    """Plotly settings of every graph: French toolbar (assets/plotly-locale-fr.js), images
    named ``filename``, and nothing that talks to another host (plotly's "send to cloud"
    button, its CDN topojson for the SVG fallback's geo subplot)."""
    return {
        "displaylogo": False,
        "locale": "fr",
        "scrollZoom": scroll_zoom,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "plotlyServerURL": "",
        "modeBarButtonsToRemove": ["sendDataToCloud", "editInChartStudio"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "topojsonURL": "/assets/topojson/",
    }


MAP_CONFIG = graph_config("carte-region")

FONT_STACK = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', "
    "'Liberation Sans', Arial, sans-serif"
)
# dash_table writes numbers with these separators, the French way.
FRENCH_NUMBERS = {"decimal": ",", "group": "\u202f"}
TABLE_STYLE = {
    "style_cell": {
        "textAlign": "left",
        "fontSize": "0.85rem",
        "whiteSpace": "normal",
        # dash_table's own default is monospace: the page's (local, system) fonts instead.
        "fontFamily": FONT_STACK,
    },
    "style_header": {"fontWeight": "bold"},
    "style_cell_conditional": [
        {"if": {"column_type": "numeric"}, "textAlign": "right"},
    ],
}


def number_column(key: str, name: str, decimals: int = 2) -> dict:
    """A numeric DataTable column shown with French separators (see ``FRENCH_NUMBERS``)."""
    return {
        "id": key,
        "name": name,
        "type": "numeric",
        "format": Format(precision=decimals, scheme=Scheme.fixed, group=Group.yes),
    }


def table_page(frame, page: int, size: int) -> tuple:
    """Rows ``page`` (from 0) of a server-paged table, and the page count (at least 1):
    only the page shown travels to the browser."""
    page_count = max(1, -(-len(frame) // size))
    return frame.iloc[page * size : (page + 1) * size], page_count


def shown_id(choice_id: str) -> str:
    """The store holding the territory that a page with the list ``choice_id`` shows."""
    return f"{choice_id}-shown"


def territory_controls(
    back: dcc.Link, choice_id: str, label: str, choices: list[dict], value: str, *extra
) -> html.Div:
    """Back link, the list to switch territory (``choice_id``) and any ``extra``
    (exports): hidden in presentation mode."""
    return html.Div(
        [
            back,
            html.Div(
                [
                    dbc.Label(label, html_for=choice_id, className="small mb-0"),
                    dcc.Dropdown(
                        id=choice_id,
                        options=choices,
                        value=value,
                        clearable=False,
                        searchable=True,
                        labels=labels.DROPDOWN_LABELS,
                    ),
                    dcc.Store(id=shown_id(choice_id), data=value),
                ],
                className=choice_id,
            ),
            *extra,
        ],
        className="region-controls d-flex flex-wrap align-items-end gap-3 mb-2",
    )


def webgl_store(graph_id: str) -> str:
    return f"{graph_id}-webgl"


def map_frame(graph_id: str) -> str:
    return f"{graph_id}-frame"


def map_graph(graph_id: str, figure) -> dcc.Graph:
    return dcc.Graph(id=graph_id, figure=figure, config=MAP_CONFIG, className="region-map-graph")


def svg_graph(graph_id: str, figure) -> dcc.Graph:
    """A new graph for the SVG map: a WebGL map that failed to start leaves plotly's div
    unusable (seen with the overseas insets), so the fallback replaces the component."""
    return map_graph(f"{graph_id}-svg", figure)


def map_body(graph_id: str, figure, map_label: str, side: list) -> html.Div:
    """The map on the left, ``side`` (cards, lists) in a scrolling column beside it; the
    ``<graph_id>-webgl`` store tells the callbacks whether to swap in the SVG map."""
    return html.Div(
        [
            dcc.Store(id=webgl_store(graph_id)),
            html.Div(
                map_graph(graph_id, figure),
                id=map_frame(graph_id),
                className="region-map",
                role="region",
                **{"aria-label": map_label},
            ),
            html.Div(side, className="region-side"),
        ],
        className="region-body",
    )


def not_found(title: str, choices: list[dict], path: str, page_id: str) -> html.Div:
    """An unknown code in the URL: say so, and link every valid choice (``path/value``)."""
    return html.Div(
        [
            html.H1(title, className="h4"),
            html.Ul([html.Li(dcc.Link(c["label"], href=f"{path}/{c['value']}")) for c in choices]),
        ],
        id=page_id,
    )
