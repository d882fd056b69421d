"""The data-load report page: what was read, kept and rejected, file by file."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dash_table, html

from dashboard import formatting, labels


def _file_card(report) -> dbc.Card:
    rejected = report.to_records()
    body = [
        html.P(
            f"{formatting.count(report.rows_read, 'lignes lues')} · "
            f"{formatting.count(report.rows_kept, 'conservées')} · "
            f"{formatting.count(report.rows_rejected, 'rejetées')}",
            className="mb-1",
        ),
        html.P(report.describe_format(), className="text-muted small mb-2"),
    ]
    if rejected:
        body.append(
            dash_table.DataTable(
                data=rejected,
                columns=[{"name": name, "id": key} for key, name in labels.REPORT_COLUMNS.items()],
                page_size=15,
                sort_action="native",
                style_cell={"textAlign": "left", "fontSize": "0.85rem", "whiteSpace": "normal"},
            )
        )
    return dbc.Card(
        [dbc.CardHeader(html.Strong(f"{report.file} ({report.kind_label})")), dbc.CardBody(body)],
        className="mb-3",
    )


def data_report_page(folder, data_dir: str) -> html.Div:
    return html.Div(
        [
            html.H1(labels.REPORT_TITLE, className="h4 mt-2"),
            html.P(f"Dossier de données : {data_dir}", className="text-muted"),
            *[_file_card(report) for report in folder.reports],
        ],
        id="data-report",
    )
