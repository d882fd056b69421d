"""The sheet of one cluster or network: place, territories, collaborations, lauréats.

Pure functions of a :class:`~dashboard.reports.cluster_summary.ClusterSummary`.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from dashboard.reports.cluster_summary import ClusterSummary
from dashboard.text import formatting, labels
from layouts.components import TABLE_STYLE, map_body, not_found, number_column, territory_controls
from layouts.paths import CLUSTER_PATH, NATIONAL_PATH, territory_href
from layouts.ti_sheet import laureat_rows

EXPORT_ROOT = "/export/cluster"


def export_hrefs(id_cluster: str) -> dict[str, str]:
    return {
        "collaborations": f"{EXPORT_ROOT}/{id_cluster}-collaborations.csv",
        "laureats": f"{EXPORT_ROOT}/{id_cluster}-laureats.csv",
        "xlsx": f"{EXPORT_ROOT}/{id_cluster}.xlsx",
    }


def cluster_exports(id_cluster: str) -> dbc.DropdownMenu:
    names = {
        "collaborations": labels.CLUSTER_EXPORT_COLLABORATIONS,
        "laureats": labels.CLUSTER_EXPORT_LAUREATS,
        "xlsx": labels.CLUSTER_EXPORT_XLSX,
    }
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                names[kind], href=href, external_link=True, id=f"cluster-export-{kind}"
            )
            for kind, href in export_hrefs(id_cluster).items()
        ],
        label=labels.EXPORT_MENU,
        color="secondary",
        size="sm",
    )


def territory_item(row) -> html.Li:
    href = territory_href(row.territoire)
    name = dcc.Link(row.nom, href=href) if href else row.nom
    relations = ", ".join(
        labels.CLUSTER_RELATIONS.get(part, part) for part in str(row.relation).split(", ")
    )
    return html.Li([name, f" ({row.niveau}) — {relations}"])


def territories_list(summary: ClusterSummary) -> html.Section:
    rows = list(summary.territories.itertuples())
    body = (
        html.Ul([territory_item(row) for row in rows], id="cluster-territories")
        if rows
        else html.P(
            labels.CLUSTER_NO_TERRITORY, className="text-muted small", id="cluster-territories"
        )
    )
    return html.Section([html.H2(labels.CLUSTER_TERRITORIES_TITLE, className="h6"), body])


def collaboration_card(row) -> dbc.Card:
    lines = []
    if isinstance(row.chiffres_cles, str) and row.chiffres_cles:
        lines.append(
            html.P(
                labels.CLUSTER_KEY_FIGURES.format(figures=row.chiffres_cles), className="small mb-1"
            )
        )
    source = row.source if isinstance(row.source, str) else ""
    if isinstance(row.lignes, str) and row.lignes:
        source = labels.CLUSTER_LINES.format(source=source, lines=row.lignes)
    themes = row.themes if isinstance(row.themes, str) else ""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(row.nom_territoire, className="h6 mb-1"),
                html.P(themes, className="small text-muted mb-1") if themes else None,
                html.P(
                    row.description if isinstance(row.description, str) else "", className="mb-1"
                ),
                *lines,
                html.P(source, className="small text-muted mb-0 cluster-source"),
            ]
        ),
        className="mb-2",
    )


def collaborations_section(summary: ClusterSummary) -> html.Section:
    frame = summary.collaborations
    body = (
        html.Div(
            [collaboration_card(row) for row in frame.itertuples()], id="cluster-collaborations"
        )
        if not frame.empty
        else html.P(
            labels.CLUSTER_NO_COLLABORATION, className="text-muted", id="cluster-collaborations"
        )
    )
    return html.Section([html.H2(labels.CLUSTER_COLLABORATIONS_TITLE, className="h5 mt-3"), body])


def laureats_section(summary: ClusterSummary) -> html.Section:
    rows = summary.laureats
    if not summary.laureat_filieres:
        note, table = labels.CLUSTER_NO_FILIERE, None
    else:
        note = labels.CLUSTER_LAUREATS_FILIERES.format(filieres=", ".join(summary.laureat_filieres))
        table = (
            laureats_table(rows)
            if not rows.empty
            else html.P(labels.CLUSTER_NO_LAUREAT, className="text-muted")
        )
    totals = labels.TI_TOTALS.format(
        n=formatting.plural(len(rows), "lauréat"),
        aide=formatting.millions_eur(rows["montant_aide"].sum()),
        investissement=formatting.millions_eur(rows["investissement"].sum()),
        emplois=formatting.plural(rows["emplois_prevus"].sum(), "emploi prévu", "emplois prévus"),
    )
    return html.Section(
        [
            html.H2(labels.CLUSTER_LAUREATS_TITLE, className="h5 mt-3"),
            html.P(note, className="small text-muted"),
            html.P(totals, id="cluster-totals", className="fw-semibold"),
            table,
        ]
    )


def laureats_table(rows) -> dash_table.DataTable:
    names = labels.LAUREAT_COLUMNS
    columns = (
        [{"id": key, "name": names[key]} for key in ("beneficiaire", "commune", "programme")]
        + [
            number_column("aide_meur", names["aide_meur"]),
            number_column("investissement_meur", names["investissement_meur"]),
            number_column("emplois_prevus", names["emplois_prevus"], 0),
        ]
        + [{"id": key, "name": names[key]} for key in ("filiere", "date_decision")]
    )
    return dash_table.DataTable(
        id="cluster-laureats",
        columns=columns,
        data=laureat_rows(rows),
        page_size=12,
        sort_action="native",
        **TABLE_STYLE,
    )


def facts(summary: ClusterSummary) -> list:
    place = summary.place + (f" ({labels.CLUSTER_APPROXIMATE})" if summary.approximate else "")
    items = [
        html.P(
            labels.CLUSTER_KIND_PLACE.format(kind=summary.kind or "—", place=place),
            id="cluster-place",
            className="fw-semibold mb-1",
        )
    ]
    if summary.approximate:
        items.append(html.P(labels.CLUSTER_APPROXIMATE_NOTE, className="small text-muted mb-1"))
    for title, values in (
        (labels.CLUSTER_FILIERES, summary.filieres),
        (labels.CLUSTER_THEMES, summary.themes),
    ):
        if values:
            items.append(html.P([html.Strong(f"{title} : "), ", ".join(values)], className="mb-1"))
    if summary.description:
        items.append(html.P(summary.description, id="cluster-description"))
    if summary.source:
        items.append(
            html.P(
                [html.Strong(f"{labels.CLUSTER_SOURCE} : "), summary.source],
                className="small text-muted",
            )
        )
    return items


def cluster_sheet(summary: ClusterSummary, figure, choices: list[dict]) -> html.Div:
    back = dcc.Link(labels.BACK_TO_MAP, href=NATIONAL_PATH, className="small")
    controls = territory_controls(
        back,
        "cluster-choice",
        labels.CLUSTER_CHOICE,
        choices,
        summary.id_cluster,
        html.Div(cluster_exports(summary.id_cluster)),
    )
    side = [territories_list(summary)]
    map_part = (
        map_body("cluster-map", figure, labels.CLUSTER_MAP_LABEL, side)
        if figure is not None
        else html.Div([html.P(labels.CLUSTER_MAP_NOT_PLACED, className="text-muted"), *side])
    )
    return html.Div(
        [
            controls,
            html.H1(summary.name, id="cluster-title", className="h3"),
            *facts(summary),
            map_part,
            collaborations_section(summary),
            laureats_section(summary),
        ],
        id="cluster-sheet",
        className="ti-sheet",
    )


def cluster_not_found(id_cluster: str, choices: list[dict]) -> html.Div:
    return not_found(
        labels.CLUSTER_UNKNOWN.format(id=id_cluster), choices, CLUSTER_PATH, "cluster-sheet"
    )
