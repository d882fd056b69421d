"""Dash callbacks, one module per screen (``national_map``, ``funding_gaps``, ``region``,
``ti_sheet``, ``cluster_sheet``, ``presentation``), registered after the pages; and what they share:
territory lists that open a page, date checks, clientside calls (here), one data version
per request (``request_store``), WebGL detection (``webgl``)."""

from __future__ import annotations

import json
from collections.abc import Callable

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.data.live_store import StoreSource
from dashboard.text import formatting, labels
from layouts.components import shown_id
from layouts.filter_panel import date_feedback_id
from layouts.page_container import NAVIGATE


def register(app: Dash, store: StoreSource) -> None:
    """Every screen's callbacks (their pages are registered by ``pages.register``)."""
    from callbacks import (
        cluster_sheet,
        funding_gaps,
        national_map,
        presentation,
        region,
        ti_sheet,
    )

    for screen in (national_map, region, ti_sheet, cluster_sheet, funding_gaps, presentation):
        screen.register(app, store)


def register_territory_choice(app: Dash, choice_id: str, path_of: Callable[[str], str]) -> None:
    """Choosing another territory in the list ``choice_id`` opens its page.

    Only a choice that differs from the territory the page was built for navigates: a
    page that arrives late (the presenter already two slides further) must not pull
    the address back to itself."""

    @app.callback(
        Output(NAVIGATE, "pathname", allow_duplicate=True),
        Input(choice_id, "value"),
        State(shown_id(choice_id), "data"),
        prevent_initial_call=True,
    )
    def open_chosen(code: str | None, shown: str | None) -> str:
        if not code or code == shown:
            raise PreventUpdate
        return path_of(code)


def register_date_checks(app: Dash, *control_ids: str) -> None:
    """Under each date box, what is wrong with what was typed (the filter then ignores it)."""
    for control_id in control_ids:

        @app.callback(
            Output(date_feedback_id(control_id), "children"),
            Input(control_id, "value"),
            prevent_initial_call=True,
        )
        def check_date(text: str | None) -> str:
            if formatting.date_is_unreadable(text):
                return labels.DATE_UNREADABLE.format(text=text.strip())
            return ""


def clientside_call(function: str, path: str, *arguments: str) -> str:
    """A clientside callback calling ``dash_clientside.<function>(path, *arguments)``,
    for the asset functions that must know which screen's address they write."""
    names = ", ".join(arguments)
    return f"({names}) => window.dash_clientside.{function}({json.dumps(path)}, {names})"
