"""The data-load report page: what was read, kept and rejected, file by file."""

from __future__ import annotations

from pathlib import Path

import dash_bootstrap_components as dbc
from dash import dash_table, html

from dashboard.data.schemas import SCHEMAS
from dashboard.data.versions import ACTION_LABELS
from dashboard.text import formatting, labels
from layouts.components import TABLE_STYLE
from layouts.paths import diff_path, rollback_path

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


def file_card(report) -> dbc.Card:
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


def data_report_page(
    folder,
    source: str,
    versions: list | None = None,
    current_number: int | None = None,
    admin_token: str | None = None,
    notice: str = "",
    signed_in: bool = False,
) -> html.Div:
    """Versions first (which file produced today's figures), then the load report.

    Account names are shown to signed-in users only (an anonymous reader learns no
    login to guess); files are named without their server folder."""
    notes = [*folder.notes, *(f"{name} : {reason}" for name, reason in folder.unrecognised)]
    return html.Div(
        [
            html.H1(labels.REPORT_TITLE, className="h4 mt-2"),
            dbc.Alert(notice, color="success", id="data-notice") if notice else None,
            html.P(source, className="text-muted", id="data-source"),
            versions_section(versions or [], current_number, admin_token, signed_in),
            summary_table(folder.reports),
            *(dbc.Alert(note, color="secondary", className="py-1 small") for note in notes),
            *[file_card(report) for report in folder.reports],
        ],
        id="data-report",
    )


def versions_section(
    versions: list, current_number: int | None, admin_token: str | None, signed_in: bool = False
):
    """One row per version, newest first; administrators may go back to any earlier one."""
    if not versions:
        return None
    header = html.Thead(
        html.Tr(
            [html.Th(text) for text in labels.VERSION_COLUMNS] + [html.Th(labels.VERSION_REPORT)]
        )
    )
    rows = [_version_row(version, current_number, admin_token, signed_in) for version in versions]
    return html.Section(
        [
            html.H2(labels.VERSIONS_TITLE, className="h5"),
            dbc.Table([header, html.Tbody(rows)], bordered=True, size="sm", responsive=True),
        ],
        id="versions",
    )


def _version_row(
    version, current_number: int | None, admin_token: str | None, signed_in: bool
) -> html.Tr:
    current = version.number == current_number
    number = [html.Strong(str(version.number))]
    if current:
        number += [" ", dbc.Badge(labels.VERSION_CURRENT, color="success")]
    action = ACTION_LABELS.get(version.action, version.action)
    if version.nature:
        mode = labels.PUBLISH_MODE_SHORT.get(version.mode or "", "")
        action += f" ({kind_label(version.nature)}{', ' + mode if mode else ''})"
    if version.restored_from:
        action += f" : version {version.restored_from}"
    report = (
        [
            html.Details(
                [html.Summary(labels.VERSION_REPORT), html.Pre(version.report, className="small")]
            )
        ]
        if version.report
        else []
    )
    if version.number > 1:
        report.append(
            html.A(
                labels.VERSION_DIFF,
                href=diff_path(version.number),
                className="d-block small mt-1",
                id=f"version-diff-{version.number}",
            )
        )
    if admin_token and not current:
        report.append(
            html.A(
                labels.VERSION_ROLLBACK,
                href=rollback_path(version.number),
                className="btn btn-outline-danger btn-sm mt-1",
                id=f"rollback-{version.number}",
            )
        )
    cells = [
        html.Td(number),
        html.Td(f"{version.created_at.astimezone():%d/%m/%Y %H:%M}"),
        html.Td(version.author if signed_in or not version.by_account else labels.AN_ACCOUNT),
        html.Td(action),
        html.Td(Path(version.file_name).name if version.file_name else "–", className="text-break"),
        html.Td(
            html.Code(version.file_sha256[:12]) if version.file_sha256 else "–",
            title=version.file_sha256 or "",
        ),
        *(
            html.Td(formatting.number(value))
            for value in (version.rows_read, version.rows_kept, version.rows_rejected)
        ),
        html.Td(report),
    ]
    return html.Tr(
        cells, id=f"version-{version.number}", className="table-success" if current else None
    )
