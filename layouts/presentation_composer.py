"""Composer une présentation (``/presentation``): the slides a presenter picks, put in
order, and the address that replays them."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.text import labels

SLIDES_SEQUENCE = "slides-sequence"
SLIDES_ADD = "slides-add"
SLIDES_ORDER = "slides-order"
SLIDES_LAUNCH = "slides-launch"
SLIDES_SHARE = "slides-share"
SLIDES_RESET = "slides-report-sequence"
SLIDES_CLEAR = "slides-clear"
# Pattern-matching ids of each slide's buttons: {"type": SLIDE_MOVE, "index": i, "by": ±1}.
SLIDE_MOVE = "slide-move"
SLIDE_REMOVE = "slide-remove"


def composer_page(choices: list[dict[str, str]], chosen: list[str]) -> html.Div:
    """A list adds one slide at a time at the end; each slide then moves or goes."""
    return html.Div(
        [
            html.H1(labels.COMPOSER_TITLE, className="h4 mt-2"),
            html.P(labels.COMPOSER_INTRO, className="composer-intro"),
            dcc.Store(id=SLIDES_SEQUENCE, data=chosen),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(labels.COMPOSER_ADD, html_for=SLIDES_ADD),
                            dcc.Dropdown(
                                id=SLIDES_ADD,
                                options=choices,
                                value=None,
                                placeholder=labels.COMPOSER_PLACEHOLDER,
                                labels=labels.DROPDOWN_LABELS,
                                className="composer-add",
                            ),
                        ],
                        className="flex-grow-1",
                    ),
                    dbc.Button(
                        labels.COMPOSER_REPORT_SEQUENCE,
                        id=SLIDES_RESET,
                        outline=True,
                        color="secondary",
                    ),
                    dbc.Button(
                        labels.COMPOSER_CLEAR, id=SLIDES_CLEAR, outline=True, color="secondary"
                    ),
                ],
                className="d-flex flex-wrap align-items-end gap-2 mb-3",
            ),
            dbc.Label(labels.COMPOSER_SHARE, html_for=SLIDES_SHARE),
            dbc.InputGroup(
                [
                    dbc.Input(id=SLIDES_SHARE, type="text", readonly=True),
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


def slide_order(names: list[str]) -> html.Ol | html.P:
    """The sequence, numbered, each slide with « monter », « descendre », « retirer »."""
    if not names:
        return html.P(labels.COMPOSER_EMPTY, className="text-muted")
    return html.Ol(
        [_slide_item(i, name, len(names)) for i, name in enumerate(names)],
        className="composer-order",
    )


def _slide_item(index: int, name: str, count: int) -> html.Li:
    up = {"type": SLIDE_MOVE, "index": index, "by": -1}
    down = {"type": SLIDE_MOVE, "index": index, "by": 1}
    actions = [
        _slide_button("↑", labels.SLIDE_UP, name, up, disabled=index == 0),
        _slide_button("↓", labels.SLIDE_DOWN, name, down, disabled=index == count - 1),
        _slide_button("×", labels.SLIDE_REMOVE, name, {"type": SLIDE_REMOVE, "index": index}),
    ]
    name_and_actions = [html.Span(name, className="slide-name"), html.Span(actions)]
    return html.Li(html.Div(name_and_actions, className="slide-row"))


def _slide_button(sign: str, action: str, name: str, id_: dict, disabled: bool = False):
    return html.Button(
        sign,
        id=id_,
        type="button",
        disabled=disabled,
        title=action,
        className="btn btn-sm btn-link slide-button",
        **{"aria-label": f"{action} : {name}"},
    )
