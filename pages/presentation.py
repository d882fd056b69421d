"""Composer une présentation (``/presentation``): the presenter picks slides, gets the
address that plays them (assets/presentation.js steps through it)."""

from __future__ import annotations

import dash
from dash import Dash, Input, Output, State, ctx
from flask import request

from callbacks.presentation import read_sequence, report_sequence, slide_choices
from dashboard import labels
from dashboard.store import DataStore
from layouts.paths import PRESENTATION_PATH, SLIDES_PARAM, slides_href
from layouts.presentation_composer import (
    SLIDES_CHOICE,
    SLIDES_CLEAR,
    SLIDES_LAUNCH,
    SLIDES_ORDER,
    SLIDES_RESET,
    SLIDES_SHARE,
    composer_page,
    slide_order,
)
from pages import framed, serving_store


def layout(**query):
    """Opened from a shared address (``?diapos=…``), the composer starts from its slides."""
    store = serving_store()
    text = query.get(SLIDES_PARAM)
    chosen, _ignored = read_sequence(store, text[-1] if isinstance(text, list) else text)
    return framed(composer_page(slide_choices(store), chosen or report_sequence(store)))


def register(app: Dash, store: DataStore) -> None:
    dash.register_page(__name__, path=PRESENTATION_PATH, title=labels.COMPOSER_TITLE, layout=layout)

    @app.callback(
        Output(SLIDES_CHOICE, "value"),
        Input(SLIDES_RESET, "n_clicks"),
        Input(SLIDES_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset(_report: int | None, _clear: int | None) -> list[str]:
        return [] if ctx.triggered_id == SLIDES_CLEAR else report_sequence(serving_store())

    @app.callback(
        Output(SLIDES_ORDER, "children"),
        Output(SLIDES_LAUNCH, "href"),
        Output(SLIDES_SHARE, "value"),
        Input(SLIDES_CHOICE, "value"),
        State(SLIDES_CHOICE, "options"),
    )
    def show_sequence(chosen: list[str] | None, options: list[dict] | None):
        data = serving_store()
        kept, _ignored = read_sequence(
            data, ",".join(c for c in chosen or [] if isinstance(c, str))
        )
        names = {o["value"]: o["label"] for o in options or []}
        href = slides_href(kept or report_sequence(data))
        return (
            slide_order([names.get(t, t) for t in kept]),
            href,
            request.host_url.rstrip("/") + href,
        )
