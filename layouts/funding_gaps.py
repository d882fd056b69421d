"""The "Territoires sans financement" screen: rule, context, map, ranked list, detail.

Pure functions of a :class:`~dashboard.analysis.funding_gaps.GapResult` and its state.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dash_table, dcc, html

from dashboard.analysis.funding_gaps import (
    GapResult,
    GapState,
    counts_sentence,
    jobs_coverage,
    nearest_text,
    rule_sentence,
    threshold_text,
    verdict_reason,
)
from dashboard.text import formatting, labels
from layouts.components import (
    FRENCH_NUMBERS,
    TABLE_STYLE,
    graph_config,
    number_column,
    table_page,
    webgl_store,
)
from layouts.export_buttons import export_menu
from layouts.filter_panel import date_input, labelled, layer_options

PAGE_SIZE = 20
LAYER_OPTIONS = layer_options(("ti", "pins", "clusters"))
GAPS_GRAPH = "gaps-map"
GAPS_DATASET = "territoires-sans-financement"  # export file names and routes
VERDICT_STYLES = [
    {"if": {"filter_query": '{verdict} = "non_finance"'}, "backgroundColor": "#fbe3e3"},
    {"if": {"filter_query": '{verdict} = "sous_finance"'}, "backgroundColor": "#fdf0e6"},
]


def gaps_page(
    figure,
    result: GapResult,
    state: GapState,
    options: dict[str, list[dict]],
    sources: list[str],
    back_href: str,
    drawn: dict,
) -> html.Div:
    """The whole screen; ``drawn`` records what the first map shows, for later Patches."""
    return html.Div(
        [
            dcc.Store(id="gaps-state", data=state.to_query()),
            dcc.Store(id="gaps-url-written"),
            dcc.Store(id="gaps-drawn", data=drawn),
            dcc.Store(id=webgl_store(GAPS_GRAPH)),
            html.Div(
                [
                    html.H1(labels.GAPS_TITLE, className="h4 mb-0"),
                    dcc.Link(labels.GAPS_BACK, href=back_href, id="gaps-back"),
                ],
                className="d-flex flex-wrap justify-content-between align-items-baseline gap-2",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            gap_controls(options, state, result),
                            html.P(
                                f"{labels.GAPS_RULE_SCOPE} {labels.GAPS_RULE_UNKNOWN}",
                                className="small text-muted mb-2",
                            ),
                            context_note(),
                        ],
                        className="gaps-side",
                    ),
                    gaps_main(figure, result, state, sources),
                ],
                className="gaps-body",
            ),
            html.H2(labels.GAPS_LIST_TITLE, className="h6 mt-2"),
            html.P(labels.GAPS_LIST_HINT, className="small text-muted mb-1"),
            gaps_table(result, state),
            detail_modal(),
        ],
        id="gaps-page",
    )


def gaps_main(figure, result: GapResult, state: GapState, sources: list[str]) -> html.Div:
    """Rule, counts and map: together on the first screen, even at 1366×768."""
    return html.Div(
        [
            html.P(rule_sentence(result, state), id="gaps-rule", className="fw-semibold mb-1"),
            html.Div(
                [
                    html.P(
                        counts_sentence(result, state),
                        id="gaps-summary",
                        className="mb-0",
                        **{"aria-live": "polite", "data-export-details": ""},
                    ),
                    export_menu(state.to_query(), graph_id=GAPS_GRAPH, dataset=GAPS_DATASET),
                ],
                className="d-flex flex-wrap justify-content-between align-items-center gap-2",
            ),
            html.Div(
                dcc.Graph(
                    id=GAPS_GRAPH,
                    figure=figure,
                    config=graph_config(GAPS_DATASET),
                    className="gaps-map-graph",
                ),
                role="region",
                **{"aria-label": labels.GAPS_MAP_LABEL},
            ),
            html.P(" · ".join(sources), id="gaps-sources", className="text-muted small mt-1"),
        ],
        className="gaps-main",
    )


def context_note() -> dbc.Alert:
    return dbc.Alert(
        [html.Strong(labels.GAPS_CONTEXT_TITLE + " — "), labels.GAPS_CONTEXT],
        id="gaps-context",
        color="info",
        className="small py-2 mb-2",
    )


def gap_controls(options: dict[str, list[dict]], state: GapState, result: GapResult) -> html.Div:
    """Level, period, région, programme, basis, threshold and layers: one row, keyboard-usable."""
    basis_options = [
        {"label": labels.GAPS_BASES["habitant"], "value": "habitant"},
        {
            "label": jobs_basis_label(result),
            "value": "emploi_industriel",
            "disabled": not result.industrial_jobs_loaded,
        },
    ]
    controls = [
        labelled(
            labels.GAPS_CRITERION_LABEL,
            dbc.RadioItems(
                id="g-criterion",
                options=[{"label": v, "value": k} for k, v in labels.GAPS_CRITERIA.items()],
                value=state.criterion,
                className="small",
            ),
            "g-criterion",
        ),
        labelled(
            "Niveau",
            dbc.RadioItems(
                id="g-level",
                options=[{"label": v, "value": k} for k, v in labels.GAPS_LEVELS.items()],
                value=state.level,
                className="small",
            ),
            "g-level",
        ),
        html.Fieldset(
            [
                html.Legend("Période de décision", className="small mb-0 fs-6"),
                html.Div(
                    [
                        date_input("g-date-from", "Du", state.date_from),
                        date_input("g-date-to", "Au", state.date_to),
                    ],
                    className="d-flex gap-2",
                ),
            ]
        ),
        _multi("g-region", "Région", options["regions"], state.regions),
        _multi("g-programme", "Programme", options["programmes"], state.programmes),
        labelled(
            labels.GAPS_BASIS_LABEL,
            dbc.RadioItems(
                id="g-basis", options=basis_options, value=result.basis, className="small"
            ),
            "g-basis",
        ),
        labelled(
            labels.GAPS_THRESHOLD_LABEL.format(unit=labels.GAPS_BASIS_UNITS[result.basis]),
            html.Div(
                [
                    dcc.Input(
                        id="g-threshold",
                        type="text",
                        inputMode="decimal",
                        value=formatting.number(state.threshold, 2)
                        if state.threshold is not None
                        else "",
                        placeholder=threshold_placeholder(result),
                        debounce=True,
                        className="form-control form-control-sm",
                    ),
                    html.Div(
                        id="g-threshold-feedback",
                        className="small text-danger",
                        **{"aria-live": "polite"},
                    ),
                ]
            ),
            "g-threshold",
        ),
        labelled(
            "Couches",
            dbc.Checklist(
                id="g-layers", options=LAYER_OPTIONS, value=list(state.layers), className="small"
            ),
            "g-layers",
        ),
    ]
    return html.Div(
        controls,
        id="gaps-controls",
        role="search",
        className="gaps-controls",
        **{"aria-label": "Critères des territoires sans financement"},
    )


def jobs_basis_label(result: GapResult) -> str:
    """The industrial-job basis, with how much of France has the data behind it."""
    if not result.industrial_jobs_loaded:
        return labels.GAPS_BASIS_DISABLED
    covered, total = result.jobs_departements
    if covered and covered < total:
        return labels.GAPS_BASIS_PARTIAL.format(
            n=formatting.plural(covered, "département"), total=total
        )
    return labels.GAPS_BASES["emploi_industriel"]


def threshold_placeholder(result: GapResult) -> str:
    if not result.threshold_is_default or result.threshold is None:
        return ""
    return labels.GAPS_THRESHOLD_HINT.format(value=formatting.number(result.threshold, 2))


def _multi(control_id: str, label: str, options: list[dict], value: tuple[str, ...]):
    return labelled(
        label,
        dcc.Dropdown(
            id=control_id,
            options=options,
            value=list(value),
            multi=True,
            searchable=True,
            placeholder="Toutes" if control_id == "g-region" else "Tous",
            labels=labels.DROPDOWN_LABELS,
        ),
        control_id,
    )


def gaps_table_page(
    result: GapResult, regions: tuple[str, ...], sort_by: list[dict], page: int
) -> tuple[list[dict], int]:
    """One page of the list, sorted on the server (an EPCI list runs to ~900 rows: only the
    page shown travels), and the page count. Numbers stay numbers, ``id`` is the code."""
    listed = result.listed(regions)
    frame = pd.DataFrame(
        {
            "id": listed["code"],
            "verdict": listed["verdict"],
            "rang_liste": listed["rang_liste"],
            "nom": listed["nom"],
            "nom_region": listed["nom_region"].fillna(""),
            "verdict_texte": listed["verdict"].map(labels.VERDICTS),
            "population": listed["population"],
            "emplois_industriels": listed["emplois_industriels"],
            "part_emploi_industriel": listed["part_emploi_industriel"].round(1),
            "couverture": listed.apply(jobs_coverage, axis=1) if len(listed) else [],
            "n_laureats": listed["n_laureats"],
            "aide_meur": (listed["aide"] / 1e6).round(3),
            "aide_par_habitant": listed["aide_par_habitant"].round(2),
            "aide_par_emploi_industriel": listed["aide_par_emploi_industriel"].round(2),
            "n_clusters": listed["n_clusters"],
            "cluster_proche": listed["cluster_proche"].fillna(labels.GAPS_NO_CLUSTER),
            "distance_cluster_km": listed["distance_cluster_km"].round(1),
        }
    )
    if sort_by:
        column = sort_by[0]["column_id"]
        column = "rang_liste" if column == "verdict_texte" else column
        frame = frame.sort_values(
            [column, "rang_liste"],
            ascending=[sort_by[0]["direction"] == "asc", True],
            kind="stable",
            na_position="last",
        )
    chunk, page_count = table_page(frame, page, PAGE_SIZE)
    records = chunk.astype(object).where(chunk.notna(), None).to_dict("records")
    return records, page_count


def table_columns(result: GapResult, regions: tuple[str, ...] = ()) -> list[dict]:
    """The list's columns; those of industrial employment only when a listed territory has it."""
    names = labels.GAPS_COLUMNS
    columns = [
        number_column("rang_liste", names["rang_liste"], 0),
        {"id": "nom", "name": names["nom"]},
        {"id": "nom_region", "name": names["nom_region"]},
        {"id": "verdict_texte", "name": names["verdict_texte"]},
        number_column("population", names["population"], 0),
    ]
    jobs_shown = result.industrial_jobs_loaded and bool(
        result.listed(regions)["emplois_industriels"].notna().any()
    )
    if jobs_shown:
        columns += [
            number_column("emplois_industriels", names["emplois_industriels"], 0),
            number_column("part_emploi_industriel", names["part_emploi_industriel"], 1),
            {"id": "couverture", "name": names["couverture"]},
        ]
    columns += [
        number_column("n_laureats", names["n_laureats"], 0),
        number_column("aide_meur", names["aide_meur"], 3),
        number_column("aide_par_habitant", names["aide_par_habitant"], 2),
    ]
    if jobs_shown:
        columns.append(
            number_column("aide_par_emploi_industriel", names["aide_par_emploi_industriel"], 2)
        )
    columns += [
        number_column("n_clusters", names["n_clusters"], 0),
        {"id": "cluster_proche", "name": names["cluster_proche"]},
        number_column("distance_cluster_km", names["distance_cluster_km"], 1),
    ]
    return columns


def gaps_table(result: GapResult, state: GapState) -> html.Div:
    records, page_count = gaps_table_page(result, state.regions, [], 0)
    return html.Div(
        [
            dash_table.DataTable(
                id="gaps-table",
                data=records,
                columns=table_columns(result, state.regions),
                sort_action="custom",
                sort_by=[],
                page_action="custom",
                page_current=0,
                page_count=page_count,
                page_size=PAGE_SIZE,
                locale_format=FRENCH_NUMBERS,
                style_data_conditional=VERDICT_STYLES,
                cell_selectable=True,
                **TABLE_STYLE,
            ),
            html.P(
                labels.GAPS_LIST_EMPTY,
                id="gaps-empty",
                className="text-muted small",
                hidden=bool(len(result.listed(state.regions))),
            ),
        ]
    )


def detail_modal() -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id="gaps-detail-title")),
            dbc.ModalBody(id="gaps-detail-body"),
        ],
        id="gaps-detail",
        is_open=False,
        size="lg",
    )


def territory_detail(
    row: pd.Series, result: GapResult, links: list[tuple[str, str]], vintage: str
) -> list:
    """Every number behind one verdict, and where to go next (TI sheet, région, map)."""
    detail = labels.GAPS_DETAIL
    items = [
        (detail["verdict"], f"{labels.VERDICTS[row['verdict']]} : {verdict_reason(row, result)}"),
        (detail["region"], row.get("nom_region") or "–"),
        (detail["population"], f"{formatting.count(row['population'])} ({vintage})"),
    ]
    if result.industrial_jobs_loaded:
        items += [
            (detail["jobs"], formatting.count(row.get("emplois_industriels"))),
            (detail["share"], _percent(row.get("part_emploi_industriel"))),
            (detail["coverage"], jobs_coverage(row) or "–"),
        ]
    items += [
        (detail["laureats"], formatting.count(row["n_laureats"])),
        (detail["aid"], formatting.millions_eur(row["aide"], 3)),
    ]
    unknown = int(row["n_laureats"] - row["n_aide_connue"])
    if unknown:
        items.append((detail["aid_unknown"], formatting.count(unknown)))
    items += [
        (detail["ratio_habitant"], threshold_text(row["aide_par_habitant"], "habitant")),
    ]
    if result.industrial_jobs_loaded:
        items.append(
            (
                detail["ratio_job"],
                threshold_text(row["aide_par_emploi_industriel"], "emploi_industriel"),
            )
        )
    items += [
        (detail["threshold"], threshold_text(result.threshold, result.basis)),
        (detail["rank"], str(row["rang"]) if row["rang"] else "–"),
        (detail["cluster"], nearest_text(row)),
    ]
    return [
        html.Dl(
            [part for key, value in items for part in (html.Dt(key), html.Dd(value))],
            id="gaps-detail-numbers",
            className="mb-2",
        ),
        html.Div(
            [dcc.Link(text, href=href, className="me-3") for text, href in links],
            id="gaps-detail-links",
        ),
    ]


def _percent(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{formatting.number(value, 1)}\u00a0%"
