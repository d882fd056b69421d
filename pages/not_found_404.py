"""Any other address: « Page introuvable » (Dash Pages shows the module named
``not_found_404``; the HTTP status is 404, see ``routes.request_guard``)."""

from __future__ import annotations

import dash
from dash import Dash, dcc, html

from dashboard.data.live_store import StoreSource
from dashboard.text import labels
from layouts.paths import NATIONAL_PATH


def layout(**_query) -> html.Div:
    return html.Div(
        [
            html.H1(labels.PAGE_NOT_FOUND, className="h4"),
            dcc.Link(labels.NAV_MAP, href=NATIONAL_PATH),
        ]
    )


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(__name__, path="/404", title=labels.PAGE_NOT_FOUND, layout=layout)
