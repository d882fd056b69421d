"""National view: filters, summary line, map, project detail and the accessible table."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dash_table, dcc, html

from dashboard.analysis.filters import FilterState
from dashboard.analysis.queries import NETWORK_LEVELS, EpciDetail
from dashboard.territory.geography import PANEL_OF_REGION
from dashboard.text import formatting, labels
from layouts.components import FONT_STACK, graph_config
from layouts.export_buttons import export_menu
from layouts.figures.choropleth import legend_title
from layouts.filter_panel import filter_panel, zone_selector
from layouts.paths import cluster_path, gaps_href, region_path, ti_path

MAP_CONFIG = graph_config("carte-laureats")
TABLE_PAGE_SIZE = 15


def summary_line(totals: dict[str, float], filters_text: str) -> str:
    """ "412 lauréats · 1 234,5 M€ d'investissement · … · filtres : Bretagne, PME"."""
    parts = [
        formatting.plural(totals["n_laureats"], "lauréat"),
        formatting.millions_eur(totals["investissement"]) + " d'investissement",
        formatting.millions_eur(totals["montant_aide"]) + " d'aide publique",
        formatting.plural(totals["emplois_prevus"], "emploi prévu", "emplois prévus"),
    ]
    parts.append(f"filtres : {filters_text}" if filters_text else "aucun filtre")
    line = " · ".join(parts)
    if filters_text and not totals["n_laureats"]:
        line += " — " + labels.NOTHING_MATCHES
    return line


def table_columns(state: FilterState) -> list[dict]:
    return [
        {"name": labels.LEVELS[state.level], "id": "nom"},
        {
            "name": legend_title(state.metric, state.per_capita).replace("<br>", " "),
            "id": "valeur_texte",
        },
        {"name": "Rang", "id": "rang", "type": "numeric"},
    ] + (
        [{"name": labels.NETWORK_COLUMN, "id": "n_clusters", "type": "numeric"}]
        if state.level in NETWORK_LEVELS
        else []
    )


def national_map_page(
    map_data: dict | None,
    figure,
    summary: str,
    footnote: str,
    options: dict,
    state: FilterState,
    rows: list[dict],
    page_count: int,
    clusters: pd.DataFrame,
) -> html.Div:
    """The screen with its first figure and first table page (no callback before paint)."""
    sidebar = dbc.Col(filter_panel(options, state), lg=3, className="border-end pe-3")
    main = dbc.Col(
        [
            html.Div(
                [
                    html.Div(
                        [
                            html.H1(labels.NATIONAL_TITLE, className="h5 mb-0"),
                            html.P(
                                summary,
                                id="summary-line",
                                className="mb-1 fw-semibold",
                                **{"aria-live": "polite", "data-export-details": ""},
                            ),
                        ]
                    ),
                    zone_selector(),
                    region_panel_link(state),
                    dcc.Link(
                        labels.GAPS_OPEN,
                        href=gaps_href(state),
                        id="gaps-link",
                        className="btn btn-sm btn-outline-danger",
                    ),
                    export_menu(state.to_query()),
                ],
                className="d-flex flex-wrap justify-content-between align-items-center gap-2",
            ),
            map_container(map_data, figure),
            html.P(footnote, id="map-footnote", className="text-muted small mt-1 mb-2"),
            html.H2("Tableau des territoires", className="h6"),
            dash_table.DataTable(
                id="territory-table",
                columns=table_columns(state),
                data=rows,
                page_count=page_count,
                page_current=0,
                page_size=TABLE_PAGE_SIZE,
                page_action="custom",
                sort_action="custom",
                sort_by=[{"column_id": "rang", "direction": "asc"}],
                style_cell={"textAlign": "left", "fontSize": "0.85rem", "fontFamily": FONT_STACK},
                style_header={"fontWeight": "bold"},
            ),
            cluster_table(clusters),
            project_modal(),
        ],
        lg=9,
    )
    return html.Div(
        [
            dcc.Store(id="map-state", data=state.to_query()),
            dcc.Store(id="drawn-rows", data=state.rows_key()),
            dcc.Store(id="url-written"),
            dbc.Row([sidebar, main]),
        ]
    )


def cluster_table(clusters: pd.DataFrame) -> html.Section:
    """« Clusters et réseaux »: every one, its sheet a click away; the type and the words
    chosen above the list filter the list and the map's cluster layer together
    (clientside: assets/clusters_filter.js, assets/map/ti_map.mjs showPoles)."""
    records = clusters.assign(
        lien=[
            f"[{markdown_text(name)}]({cluster_path(code)})"
            for code, name in zip(clusters["id_cluster"], clusters["nom"], strict=True)
        ]
    ).to_dict("records")
    names = labels.CLUSTER_TABLE_COLUMNS
    kinds = [kind for kind in labels.CLUSTER_KINDS_PLURAL if kind in set(clusters["type"])]
    controls = html.Div(
        [
            html.Div(
                [
                    dbc.Label(
                        labels.CLUSTER_FILTER_KIND, html_for="cluster-kind", className="small mb-0"
                    ),
                    dcc.Dropdown(
                        id="cluster-kind",
                        options=[
                            {"label": labels.CLUSTER_KINDS_PLURAL[kind].capitalize(), "value": kind}
                            for kind in kinds
                        ],
                        multi=True,
                        placeholder=labels.CLUSTER_FILTER_ALL,
                        labels=labels.DROPDOWN_LABELS,
                    ),
                ],
                className="cluster-filter",
            ),
            html.Div(
                [
                    dbc.Label(
                        labels.CLUSTER_FILTER_WORDS,
                        html_for="cluster-words",
                        className="small mb-0",
                    ),
                    dcc.Input(
                        id="cluster-words",
                        type="search",
                        debounce=0.3,
                        placeholder=labels.CLUSTER_FILTER_PLACEHOLDER,
                        className="form-control form-control-sm",
                    ),
                ],
                className="cluster-filter",
            ),
            html.P(
                id="cluster-count", className="small text-muted mb-0", **{"aria-live": "polite"}
            ),
        ],
        className="d-flex flex-wrap align-items-end gap-3 mb-2",
    )
    return html.Section(
        [
            html.H2(labels.CLUSTER_TABLE_TITLE.format(n=len(clusters)), className="h6 mt-3"),
            html.P(labels.CLUSTER_TABLE_HINT, className="small text-muted mb-1"),
            controls,
            dcc.Store(
                id="cluster-records", data={"rows": records, "count": labels.CLUSTER_FILTER_COUNT}
            ),
            dash_table.DataTable(
                id="cluster-table",
                columns=[
                    {"id": "lien", "name": names["nom"], "presentation": "markdown"},
                    *({"id": key, "name": names[key]} for key in ("type", "filieres", "themes")),
                    {"id": "localisation", "name": names["localisation"]},
                    {"id": "n_territoires", "name": names["n_territoires"], "type": "numeric"},
                ],
                data=records,
                sort_action="native",
                page_size=TABLE_PAGE_SIZE,
                markdown_options={"link_target": "_self"},
                style_table={"overflowX": "auto"},
                style_cell={
                    "textAlign": "left",
                    "fontSize": "0.85rem",
                    "fontFamily": FONT_STACK,
                    "whiteSpace": "normal",
                    "height": "auto",
                    "maxWidth": "16rem",
                },
                style_header={"fontWeight": "bold"},
            ),
        ],
        id="cluster-list",
    )


def markdown_text(text: str) -> str:
    """A name shown as Markdown text: its punctuation escaped, so it cannot become a link
    or markup of its own."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|])", r"\\\1", str(text))


def map_container(map_data: dict | None, svg_figure) -> html.Div:
    """The MapLibre map (assets/map/ti_map.mjs draws it from ``national-map-data``), or for
    a browser without WebGL a plotly SVG map in the same container. The stores are in
    both: the callbacks that read them stay whole."""
    stores = [
        # Without WebGL an empty dict: the map's patches (view, layers) apply to nothing.
        dcc.Store(id="national-map-data", data=map_data if map_data is not None else {}),
        dcc.Store(id="national-map-click"),
        dcc.Store(id="national-map-view"),
        dcc.Store(id="national-map-drawn"),
    ]
    if map_data is None:
        graph = dcc.Graph(
            id="national-map-svg", figure=svg_figure, config=MAP_CONFIG, className="map-graph"
        )
        container = html.Div(dcc.Loading(graph, delay_show=400), id="national-map")
        return html.Div([container, *stores])
    container = html.Div(
        id="national-map",
        className="map-graph ti-map",
        role="region",
        **{"aria-label": labels.NATIONAL_MAP_LABEL},
    )
    return html.Div([container, *stores])


def region_panel_target(state: FilterState) -> str | None:
    """The panel to open when exactly one région is chosen (overseas: the grouped one)."""
    if len(state.regions) != 1:
        return None
    code = state.regions[0]
    return region_path(PANEL_OF_REGION.get(code, code))


def region_panel_link(state: FilterState) -> dcc.Link:
    """« Panneau régional », shown while a single région is chosen."""
    target = region_panel_target(state)
    return dcc.Link(
        labels.REGION_PANEL_OPEN,
        href=target or "",
        id="region-panel-link",
        className=region_panel_class(target),
    )


def region_panel_class(target: str | None) -> str:
    return "btn btn-sm btn-primary" + ("" if target else " d-none")


def project_modal() -> dbc.Modal:
    return dbc.Modal(
        [dbc.ModalHeader(dbc.ModalTitle(id="project-title")), dbc.ModalBody(id="project-body")],
        id="project-modal",
        is_open=False,
        size="lg",
    )


def project_detail(row: dict) -> list:
    """Definition list of one lauréat, as shown when its pin is clicked."""
    items = [
        ("Commune", row.get("commune")),
        ("Territoire d'industrie", row.get("lib_ti") or "hors Territoire d'industrie"),
        ("Programme", row.get("programme")),
        ("Aide publique", formatting.millions_eur(row.get("montant_aide"), 2)),
        ("Investissement", formatting.millions_eur(row.get("investissement"), 2)),
        ("Emplois prévus", formatting.count(row.get("emplois_prevus"))),
        ("Filière", row.get("filiere")),
        ("Enjeux", row.get("enjeux")),
        ("Taille d'entreprise", row.get("taille_entreprise")),
        ("Date de décision", formatting.date(row.get("date_decision"))),
        ("Description", row.get("description")),
    ]
    body = [definition_list(items)]
    if row.get("fictif"):
        body.insert(
            0,
            dbc.Badge(
                "Projet fictif (données de démonstration)", color="warning", className="mb-2"
            ),
        )
    return body


def definition_list(items: list[tuple[str, object]]) -> html.Dl:
    """Term and value pairs, empty values left out; texts shortened, components kept."""
    return html.Dl(
        [
            part
            for key, value in items
            if value not in (None, "", [])
            for part in (
                html.Dt(key),
                html.Dd(
                    formatting.shorten_one(value, formatting.DESCRIPTION_LIMIT)
                    if isinstance(value, str)
                    else value
                ),
            )
        ],
        className="mb-0",
    )


def epci_detail_body(detail: EpciDetail) -> list:
    """An EPCI clicked on the map or in the table: where it is, its TIs, its lauréats."""
    totals = detail.totals
    links = [dcc.Link(name, href=ti_path(id_ti)) for id_ti, name in detail.tis]
    panels = [dcc.Link(name, href=region_path(code)) for code, name in detail.regions]
    items = [
        ("Département", ", ".join(detail.departements)),
        ("Panneau régional", _joined(panels)),
        ("Territoire d'industrie", _joined(links) or "hors Territoire d'industrie"),
        ("Lauréats (filtres affichés)", formatting.plural(totals["n_laureats"], "lauréat")),
        ("Aide publique", formatting.millions_eur(totals["montant_aide"], 2)),
        ("Investissement", formatting.millions_eur(totals["investissement"], 2)),
        (
            "Emplois prévus",
            formatting.plural(totals["emplois_prevus"], "emploi prévu", "emplois prévus"),
        ),
    ]
    return [definition_list(items)]


def _joined(parts: list) -> list:
    joined: list = []
    for part in parts:
        joined += [", ", part] if joined else [part]
    return joined
