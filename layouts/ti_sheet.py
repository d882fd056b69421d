"""The sheet of one Territoire d'industrie: map, EPCI, lauréats, funding, clusters.

Pure functions of a :class:`~dashboard.reports.region_summary.TiSummary`.
"""

from __future__ import annotations

import math

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dash_table, dcc, html

from dashboard.analysis.filters import FilterState
from dashboard.reports.region_summary import TiSummary
from dashboard.text import formatting, labels
from dashboard.text.formatting import NAME_LIMIT
from layouts.components import (
    FRENCH_NUMBERS,
    TABLE_STYLE,
    graph_config,
    map_body,
    not_found,
    number_column,
    territory_controls,
)
from layouts.export_buttons import export_menu
from layouts.paths import NATIONAL_PATH, cluster_path, region_path

TABLE_PAGE_SIZE = 12
DEFAULT_SORT = [{"column_id": "aide_meur", "direction": "desc"}]
# Columns whose sort uses another key than the text shown.
SORT_KEYS = {"date_decision": "date_iso"}


def laureat_rows(laureats: pd.DataFrame) -> list[dict]:
    """Table records: amounts in M€ (numbers, so sorting is numeric), dates as dd/mm/yyyy."""
    dates = pd.to_datetime(laureats["date_decision"], errors="coerce")
    frame = pd.DataFrame(
        {
            "beneficiaire": formatting.shorten(laureats["beneficiaire"].fillna(""), NAME_LIMIT),
            "commune": laureats["commune"].fillna(""),
            "programme": formatting.shorten(laureats["programme"].fillna(""), NAME_LIMIT),
            "aide_meur": (laureats["montant_aide"] / 1e6).round(3),
            "investissement_meur": (laureats["investissement"] / 1e6).round(3),
            "emplois_prevus": laureats["emplois_prevus"].astype("Float64"),
            "filiere": laureats["filiere"].fillna(""),
            "taille_entreprise": laureats["taille_entreprise"].fillna(""),
            "date_decision": dates.dt.strftime("%d/%m/%Y").fillna(""),
            # Not a column: the sort key of "date_decision" (see callbacks/ti_sheet.py).
            "date_iso": dates.dt.strftime("%Y-%m-%d").fillna(""),
        }
    )
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def sort_rows(records: list[dict], sort_by: list[dict]) -> list[dict]:
    """Records sorted like the table header asks, dates by their ISO key, blanks last."""
    if not records or not sort_by:
        return records
    frame = pd.DataFrame(records)
    keys = [SORT_KEYS.get(s["column_id"], s["column_id"]) for s in sort_by]
    ascending = [s["direction"] == "asc" for s in sort_by]
    ordered = frame.sort_values(keys, ascending=ascending, na_position="last", kind="stable")
    return ordered.astype(object).where(ordered.notna(), None).to_dict("records")


def laureats_table(summary: TiSummary) -> html.Div:
    if summary.laureats.empty:
        return html.P(labels.TI_NO_LAUREAT, className="text-muted")
    names = labels.LAUREAT_COLUMNS
    columns = (
        [{"id": key, "name": names[key]} for key in ("beneficiaire", "commune", "programme")]
        + [
            number_column("aide_meur", names["aide_meur"]),
            number_column("investissement_meur", names["investissement_meur"]),
            number_column("emplois_prevus", names["emplois_prevus"], 0),
        ]
        + [
            {"id": key, "name": names[key]}
            for key in ("filiere", "taille_entreprise", "date_decision")
        ]
    )
    return dash_table.DataTable(
        id="ti-laureats",
        data=sort_rows(laureat_rows(summary.laureats), DEFAULT_SORT),
        columns=columns,
        sort_action="custom",
        sort_by=DEFAULT_SORT,
        page_size=TABLE_PAGE_SIZE,
        locale_format=FRENCH_NUMBERS,
        **TABLE_STYLE,
    )


def funding_table(
    frame: pd.DataFrame, table_id: str, first_column: str, n_tis: int
) -> dash_table.DataTable:
    """Lauréats and aid of this TI against the national average per TI, in M€."""
    names = labels.FUNDING_COLUMNS
    data = pd.DataFrame(
        {
            "libelle": frame["libelle"],
            "n_laureats": frame["n_laureats"],
            "aide": (frame["aide"] / 1e6).round(3),
            "aide_moyenne": (frame["aide_moyenne"] / 1e6).round(3),
        }
    )
    return dash_table.DataTable(
        id=table_id,
        data=data.to_dict("records"),
        columns=[
            {"id": "libelle", "name": first_column},
            {"id": "n_laureats", "name": names["n_laureats"], "type": "numeric"},
            number_column("aide", f"{names['aide']} (M€)"),
            number_column("aide_moyenne", f"{labels.TI_AVERAGE.format(n=n_tis)} (M€)"),
        ],
        sort_action="native",
        locale_format=FRENCH_NUMBERS,
        **TABLE_STYLE,
    )


def epci_list(summary: TiSummary) -> html.Section:
    items = [
        html.Li(
            f"{name} ({formatting.plural(n, 'commune')}"
            + (f", {labels.TI_EPCI_PARTIAL})" if partial else ")")
        )
        for name, n, partial in zip(
            summary.epci["nom"], summary.epci["n_communes"], summary.epci["partiel"], strict=True
        )
    ]
    return html.Section(
        [html.H2(labels.TI_EPCI_TITLE, className="h6"), html.Ul(items, id="ti-epci")],
        className="mb-3",
    )


def cluster_list(summary: TiSummary) -> html.Section:
    clusters = summary.clusters
    body = (
        html.Ul(
            [
                html.Li(
                    [
                        dcc.Link(html.Strong(name), href=cluster_path(code)),
                        f" ({kind}) — {relation}",
                    ]
                )
                for code, name, kind, relation in zip(
                    clusters["id_cluster"],
                    clusters["nom"],
                    clusters["type"].fillna(""),
                    clusters["relation"],
                    strict=True,
                )
            ],
            id="ti-clusters",
        )
        if not clusters.empty
        else html.P(labels.TI_NO_CLUSTER, className="text-muted small", id="ti-clusters")
    )
    title = (
        f"{labels.TI_CLUSTERS_TITLE} ({len(clusters)})"
        if len(clusters)
        else labels.TI_CLUSTERS_TITLE
    )
    return html.Section([html.H2(title, className="h6", id="ti-clusters-title"), body])


def totals_line(summary: TiSummary) -> str:
    rows = summary.laureats
    n = len(rows)
    return labels.TI_TOTALS.format(
        n=formatting.plural(n, "lauréat"),
        aide=formatting.millions_eur(rows["montant_aide"].sum()),
        investissement=formatting.millions_eur(rows["investissement"].sum()),
        emplois=formatting.plural(rows["emplois_prevus"].sum(), "emploi prévu", "emplois prévus"),
    )


def facts_line(summary: TiSummary) -> str:
    population = summary.population
    facts = labels.TI_FACTS.format(
        communes=formatting.plural(summary.n_communes, "commune"),
        epci=formatting.count(len(summary.epci), "EPCI"),
        population=formatting.count(None if math.isnan(population) else population),
    )
    if len(summary.regions) < 2:
        return facts
    parts = ", ".join(
        f"{name} {formatting.number(max(share * 100, 1))}\u202f%"
        for _code, name, share in summary.regions
    )
    across = labels.TI_ACROSS_REGIONS.format(n=len(summary.regions), regions=parts)
    return f"{facts} · {across}"


def ti_controls(summary: TiSummary, choices: list[dict]) -> html.Div:
    # One link per région panel the TI appears on (a TI across two régions is on both).
    panels = dict.fromkeys((code, name) for code, name, _share in summary.regions)
    back = (
        html.Span(
            [
                dcc.Link(
                    labels.TI_REGION_LINK.format(name=name),
                    href=region_path(code),
                    className="small me-2",
                )
                for code, name in panels
            ]
        )
        if panels
        else dcc.Link(labels.BACK_TO_MAP, href=NATIONAL_PATH, className="small")
    )
    menu = export_menu(FilterState(tis=(summary.id_ti,)).to_query(), graph_id="ti-map")
    return territory_controls(
        back, "ti-choice", labels.TI_CHOICE, choices, summary.id_ti, html.Div(menu)
    )


def ti_sheet(
    summary: TiSummary,
    map_figure,
    enjeu_figure,
    choices: list[dict],
    geo_vintage: str,
    version_label: str = "",
) -> html.Div:
    return html.Div(
        [
            ti_controls(summary, choices),
            html.H1(labels.TI_SHEET_TITLE.format(name=summary.name), id="ti-title", className="h3"),
            html.P(facts_line(summary), className="mb-0 fw-semibold"),
            html.P(
                [
                    labels.TI_VINTAGE.format(vintage=summary.vintage),
                    " · ",
                    labels.TI_GEO_VINTAGE.format(vintage=geo_vintage),
                    *([" · ", version_label] if version_label else []),
                ],
                id="ti-vintage",
                className="text-muted small",
            ),
            map_body(
                "ti-map",
                map_figure,
                labels.TI_MAP_LABEL,
                [epci_list(summary), cluster_list(summary)],
            ),
            html.H2(labels.TI_LAUREATS_TITLE, className="h5 mt-3"),
            html.P(totals_line(summary), id="ti-totals", className="fw-semibold"),
            html.Div(
                [
                    laureats_table(summary),
                    html.H2(labels.TI_FUNDING_TITLE, className="h5 mt-4"),
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    html.H3(labels.TI_BY_PROGRAMME, className="h6"),
                                    funding_table(
                                        summary.by_programme,
                                        "ti-programmes",
                                        "Programme",
                                        summary.n_tis,
                                    ),
                                ],
                                lg=6,
                            ),
                            dbc.Col(
                                [
                                    html.H3(labels.TI_BY_ENJEU, className="h6"),
                                    html.P(
                                        labels.TI_ENJEU_NOTE,
                                        id="ti-enjeux-note",
                                        className="small text-muted mb-1",
                                    ),
                                    dcc.Graph(
                                        id="ti-enjeux-chart",
                                        figure=enjeu_figure,
                                        config=graph_config(
                                            "financements-par-enjeu", scroll_zoom=False
                                        ),
                                    ),
                                    funding_table(
                                        summary.by_enjeu, "ti-enjeux", "Enjeu", summary.n_tis
                                    ),
                                ],
                                lg=6,
                            ),
                        ]
                    ),
                ],
                className="ti-details",
            ),
        ],
        id="ti-sheet",
        className="ti-sheet",
    )


def ti_not_found(id_ti: str, choices: list[dict]) -> html.Div:
    return not_found(labels.TI_UNKNOWN.format(id=id_ti), choices, "/ti", "ti-sheet")
