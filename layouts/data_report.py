"""The data-load report page: what was read, kept and rejected, file by file."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, html

from dashboard import formatting, labels
from dashboard.schemas import SCHEMAS
from layouts.components import TABLE_STYLE

SEVERITY_COLUMN = {"name": "Gravité", "id": "severity"}


def kind_label(kind: str | None) -> str:
    return SCHEMAS[kind].label if kind in SCHEMAS else "nature non reconnue"


def summary_table(reports) -> dbc.Table:
    header = html.Thead(
        html.Tr(
            [
                html.Th(text)
                for text in (
                    "Fichier",
                    "Nature",
                    "Lignes lues",
                    "Conservées",
                    "Rejetées",
                    "Avertissements",
                )
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(report.file),
                html.Td(kind_label(report.kind)),
                html.Td(formatting.number(report.rows_read)),
                html.Td(formatting.number(report.rows_kept)),
                html.Td(formatting.number(report.rows_rejected)),
                html.Td(formatting.number(len(report.warnings))),
            ],
            className="table-danger" if report.fatal else None,
        )
        for report in reports
    ]
    return dbc.Table([header, html.Tbody(rows)], bordered=True, size="sm", id="report-summary")


def _file_card(report) -> dbc.Card:
    body = [html.P(report.reading_line(), className="text-muted small mb-2")]
    if report.fatal:
        body.append(dbc.Alert(f"Fichier refusé : {report.fatal.reason}", color="danger"))
    body += [html.P(note, className="small mb-1") for note in report.notes]
    problems = report.to_records()
    if problems:
        columns = [SEVERITY_COLUMN] + [
            {"name": name, "id": key} for key, name in labels.REPORT_COLUMNS.items()
        ]
        body.append(
            dash_table.DataTable(
                data=problems,
                columns=columns,
                page_size=15,
                sort_action="native",
                filter_action="native",
                filter_options={"placeholder_text": "Filtrer…", "case": "insensitive"},
                style_cell=TABLE_STYLE["style_cell"],
            )
        )
    else:
        body.append(html.P("Aucune ligne rejetée.", className="mb-0"))
    return dbc.Card(
        [
            dbc.CardHeader(html.Strong(f"{report.file} — {kind_label(report.kind)}")),
            dbc.CardBody(body),
        ],
        className="mb-3",
    )


def data_report_page(folder, data_dir: str) -> html.Div:
    notes = [*folder.notes, *(f"{name} : {reason}" for name, reason in folder.unrecognised)]
    return html.Div(
        [
            html.H1(labels.REPORT_TITLE, className="h4 mt-2"),
            html.P(f"Dossier de données : {data_dir}", className="text-muted"),
            summary_table(folder.reports),
            *(dbc.Alert(note, color="secondary", className="py-1 small") for note in notes),
            *[_file_card(report) for report in folder.reports],
        ],
        id="data-report",
    )
