"""The publication page: choose a file, read its report and what it would change, decide."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import formatting, labels
from dashboard.accounts import Session
from dashboard.drafts import Draft
from dashboard.schemas import SCHEMAS
from layouts.data_report import file_card, kind_label, summary_table
from layouts.paths import PUBLISH_PATH

ACCEPTED = ".csv,.txt,.tsv,.xlsx,.xlsm"
IMPACT_HEADERS = ("Région", "Lauréats", "Aide publique", "Investissement", "Emplois prévus")


def publish_page(
    current: Session,
    draft: Draft | None,
    message: str,
    size_limit: str,
    available: bool = True,
    region_names: pd.Series | None = None,
) -> html.Div:
    account = current.account
    scope = ""
    if account.regions:
        names = [_region(code, region_names) for code in account.regions]
        scope = labels.PUBLISH_SCOPE.format(regions=", ".join(names))
    parts = [
        html.H1(labels.PUBLISH_TITLE, className="h4 mt-2"),
        account_line(current),
    ]
    if not available:
        return html.Div([*parts, dbc.Alert(labels.PUBLISH_NO_DATABASE, color="warning")])
    if message:
        parts.append(dbc.Alert(message, color="info", id="publish-message"))
    if draft is not None:
        parts.append(review(draft, current.csrf_token))
    else:
        parts += [
            html.P(labels.PUBLISH_INTRO.format(scope=scope)),
            upload_form(current, size_limit),
        ]
    return html.Div(parts, id="publish-page")


def account_line(current: Session) -> html.Div:
    """« Connecté : alice (éditeur, régions 27) » and the logout button."""
    return html.Form(
        [
            html.Span(labels.CONNECTED_AS.format(account=current.account.description)),
            html.Input(type="hidden", name="csrf_token", value=current.csrf_token),
            html.Button(
                labels.NAV_LOGOUT,
                type="submit",
                className="btn btn-link btn-sm",
                id="logout-button",
            ),
        ],
        method="POST",
        action="/deconnexion",
        className="small text-muted mb-2 d-flex align-items-center gap-2",
    )


def upload_form(current: Session, size_limit: str) -> html.Form:
    kinds = [{"label": SCHEMAS[kind].label, "value": kind} for kind in SCHEMAS]
    return html.Form(
        [
            html.Input(type="hidden", name="csrf_token", value=current.csrf_token),
            html.Div(
                [
                    html.Label(labels.PUBLISH_KIND, htmlFor="publish-kind", className="form-label"),
                    html.Select(
                        [html.Option(kind["label"], value=kind["value"]) for kind in kinds],
                        name="nature",
                        id="publish-kind",
                        className="form-select",
                        style={"maxWidth": "24rem"},
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Label(
                        labels.PUBLISH_FILE.format(limit=size_limit),
                        htmlFor="publish-file",
                        className="form-label",
                    ),
                    html.Div(
                        [
                            html.Span(labels.PUBLISH_DROP, className="publish-drop-text"),
                            html.Input(
                                type="file",
                                name="fichier",
                                id="publish-file",
                                accept=ACCEPTED,
                                required=True,
                                className="form-control",
                            ),
                        ],
                        className="publish-drop",
                        id="publish-drop",
                    ),
                ],
                className="mb-3",
            ),
            html.Button(
                labels.PUBLISH_CHECK, type="submit", className="btn btn-primary", id="publish-check"
            ),
            html.Div(
                [
                    html.Progress(id="publish-progress", max="100", value="0"),
                    html.Span(id="publish-progress-text"),
                ],
                id="publish-progress-box",
                className="mt-2",
                hidden=True,
                role="status",
                **{"aria-live": "polite"},
            ),
        ],
        method="POST",
        action=PUBLISH_PATH,
        encType="multipart/form-data",
        id="publish-form",
    )


def review(draft: Draft, csrf_token: str) -> html.Div:
    """The report of the file and the totals it would change, then « Publier » / « Abandonner »."""
    title = labels.PUBLISH_REVIEW.format(name=draft.file_name, kind=kind_label(draft.kind))
    decision = [
        _decision_form(
            f"{PUBLISH_PATH}/confirmer", labels.PUBLISH_CONFIRM, draft, csrf_token, "primary"
        )
        if draft.publishable
        else dbc.Alert(labels.PUBLISH_NOTHING, color="danger", id="publish-nothing"),
        _decision_form(
            f"{PUBLISH_PATH}/abandonner", labels.PUBLISH_ABANDON, draft, csrf_token, "secondary"
        ),
    ]
    return html.Div(
        [
            html.H2(title, className="h5"),
            summary_table([draft.report]),
            impact_table(draft),
            html.Div(decision, className="d-flex gap-2 my-3 align-items-start"),
            file_card(draft.report),
        ],
        id="publish-review",
    )


def impact_table(draft: Draft) -> html.Div:
    impact = draft.impact
    heading = html.H3(labels.PUBLISH_IMPACT, className="h6 mt-3")
    if "national" not in impact:
        rows = impact.get("rows", {})
        text = labels.PUBLISH_ROWS.format(
            before=formatting.number(rows.get("avant")), after=formatting.number(rows.get("apres"))
        )
        return html.Div([heading, html.P(text, id="publish-impact")])
    national = impact["national"]
    lines = [_impact_row("France entière", national, strong=True)]
    lines += [_impact_row(row["region"], row) for row in impact["regions"]]
    table = dbc.Table(
        [html.Thead(html.Tr([html.Th(text) for text in IMPACT_HEADERS])), html.Tbody(lines)],
        bordered=True,
        size="sm",
        id="publish-impact",
    )
    return html.Div([heading, table])


def _impact_row(name: str, values: dict, strong: bool = False) -> html.Tr:
    def change(measure: str, shown) -> str:
        before, after = values.get(f"{measure}_avant", 0), values.get(f"{measure}_apres", 0)
        return f"{shown(before)} → {shown(after)}"

    cells = [
        change("laureats", formatting.number),
        change("montant_aide", formatting.millions_eur),
        change("investissement", formatting.millions_eur),
        change("emplois_prevus", formatting.number),
    ]
    first = html.Th(name) if strong else html.Td(name)
    return html.Tr([first, *(html.Td(cell) for cell in cells)])


def _decision_form(action: str, text: str, draft: Draft, token: str, color: str) -> html.Form:
    return html.Form(
        [
            html.Input(type="hidden", name="csrf_token", value=token),
            html.Input(type="hidden", name="brouillon", value=draft.id),
            html.Button(text, type="submit", className=f"btn btn-{color}"),
        ],
        method="POST",
        action=action,
        id=f"form-{action.rsplit('/', 1)[-1]}",
    )


def login_invitation() -> html.Div:
    return html.Div(
        [
            html.H1(labels.PUBLISH_TITLE, className="h4 mt-2"),
            dbc.Alert(labels.AUTH_REQUIRED, color="warning"),
            html.A(
                labels.NAV_LOGIN,
                href=f"/connexion?suite={PUBLISH_PATH}",
                className="btn btn-primary",
            ),
        ]
    )


def _region(code: str, names: pd.Series | None) -> str:
    if names is None or code not in names.index:
        return code
    return f"{names[code]} ({code})"
