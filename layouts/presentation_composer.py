"""Composer une présentation (``/presentation``): the slides a presenter picks, in their
order, and the address that replays them."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import labels

SLIDES_CHOICE = "slides-choice"
SLIDES_ORDER = "slides-order"
SLIDES_LAUNCH = "slides-launch"
SLIDES_SHARE = "slides-share"
SLIDES_RESET = "slides-report-sequence"
SLIDES_CLEAR = "slides-clear"


def composer_page(choices: list[dict[str, str]], chosen: list[str]) -> html.Div:
    """The list keeps the order of choice (a multi-select appends), shown numbered below."""
    return html.Div(
        [
            html.H1(labels.COMPOSER_TITLE, className="h4 mt-2"),
            html.P(labels.COMPOSER_INTRO, className="composer-intro"),
            html.Label(labels.COMPOSER_CHOICE, htmlFor=SLIDES_CHOICE, className="form-label"),
            dcc.Dropdown(
                id=SLIDES_CHOICE,
                options=choices,
                value=chosen,
                multi=True,
                placeholder=labels.COMPOSER_PLACEHOLDER,
                labels=labels.DROPDOWN_LABELS,
                className="composer-choice",
            ),
            html.Div(
                [
                    dbc.Button(
                        labels.COMPOSER_REPORT_SEQUENCE,
                        id=SLIDES_RESET,
                        outline=True,
                        color="secondary",
                        size="sm",
                    ),
                    dbc.Button(
                        labels.COMPOSER_CLEAR,
                        id=SLIDES_CLEAR,
                        outline=True,
                        color="secondary",
                        size="sm",
                    ),
                ],
                className="d-flex gap-2 my-2 mb-3",
            ),
            html.Label(labels.COMPOSER_SHARE, htmlFor=SLIDES_SHARE, className="form-label"),
            dbc.InputGroup(
                [
                    dcc.Input(
                        id=SLIDES_SHARE, type="text", readOnly=True, className="form-control"
                    ),
                    html.A(labels.COMPOSER_LAUNCH, id=SLIDES_LAUNCH, className="btn btn-primary"),
                ],
                className="mb-3",
            ),
            html.H2(labels.COMPOSER_ORDER, className="h6"),
            html.Div(id=SLIDES_ORDER),
        ],
        id="presentation-composer",
        className="composer",
    )


def slide_order(labels_in_order: list[str]) -> html.Ol | html.P:
    if not labels_in_order:
        return html.P(labels.COMPOSER_EMPTY, className="text-muted")
    return html.Ol([html.Li(text) for text in labels_in_order], className="composer-order")
