"""Callbacks of the screen built by ``pages/presentation.py``: inputs to queries to outputs."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate
from flask import request

from dashboard.data.live_store import StoreSource
from layouts.paths import slides_href
from layouts.presentation_composer import (
    SLIDE_MOVE,
    SLIDE_REMOVE,
    SLIDES_ADD,
    SLIDES_CLEAR,
    SLIDES_LAUNCH,
    SLIDES_ORDER,
    SLIDES_RESET,
    SLIDES_SEQUENCE,
    SLIDES_SHARE,
    slide_order,
)
from pages import serving_store
from routes.presentation import read_sequence, report_sequence


def edited(sequence: list[str], trigger, added: str | None) -> list[str]:
    """The sequence after one edit: a slide added at the end, moved one place, removed,
    or the whole list reset to the report's order or emptied."""
    if trigger == SLIDES_ADD:
        return [*sequence, added] if added else sequence
    if trigger == SLIDES_CLEAR:
        return []
    if trigger == SLIDES_RESET:
        return report_sequence(serving_store())
    index = trigger["index"]
    if not 0 <= index < len(sequence):
        return sequence
    if trigger["type"] == SLIDE_REMOVE:
        return sequence[:index] + sequence[index + 1 :]
    target = index + trigger["by"]
    if not 0 <= target < len(sequence):
        return sequence
    moved = list(sequence)
    moved[index], moved[target] = moved[target], moved[index]
    return moved


def register(app: Dash, store: StoreSource) -> None:
    @app.callback(
        Output(SLIDES_SEQUENCE, "data"),
        Output(SLIDES_ADD, "value"),
        Input(SLIDES_ADD, "value"),
        Input(SLIDES_RESET, "n_clicks"),
        Input(SLIDES_CLEAR, "n_clicks"),
        Input({"type": SLIDE_MOVE, "index": ALL, "by": ALL}, "n_clicks"),
        Input({"type": SLIDE_REMOVE, "index": ALL}, "n_clicks"),
        State(SLIDES_SEQUENCE, "data"),
        prevent_initial_call=True,
    )
    def edit(added, _reset, _clear, _moves, _removals, sequence):
        # Buttons drawn anew fire with n_clicks None: only a real click or choice counts.
        if not ctx.triggered or ctx.triggered[0]["value"] is None:
            raise PreventUpdate
        current = [t for t in sequence or [] if isinstance(t, str)]
        kept, _ignored = read_sequence(
            serving_store(), ",".join(edited(current, ctx.triggered_id, added))
        )
        return kept, None

    @app.callback(
        Output(SLIDES_ORDER, "children"),
        Output(SLIDES_LAUNCH, "href"),
        Output(SLIDES_SHARE, "value"),
        Input(SLIDES_SEQUENCE, "data"),
        State(SLIDES_ADD, "options"),
    )
    def show_sequence(sequence: list[str] | None, options: list[dict] | None):
        data = serving_store()
        kept, _ignored = read_sequence(
            data, ",".join(t for t in sequence or [] if isinstance(t, str))
        )
        names = {o["value"]: o["label"] for o in options or []}
        href = slides_href(kept or report_sequence(data))
        return (
            slide_order([names.get(t, t) for t in kept]),
            href,
            request.host_url.rstrip("/") + href,
        )
