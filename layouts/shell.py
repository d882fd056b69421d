"""The frame around every page: header, navigation, demo banner, footer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import labels
from layouts.paths import GAPS_PATH


def demo_banner() -> dbc.Alert:
    return dbc.Alert(
        [html.Strong(labels.DEMO_BANNER), html.Span(" — " + labels.DEMO_BANNER_DETAIL)],
        id="demo-banner",
        color="warning",
        className="mb-0 rounded-0 py-2 small",
    )


def header() -> dbc.Navbar:
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(labels.APP_TITLE, href="/", className="fw-semibold"),
                dbc.Nav(
                    [
                        dbc.NavItem(dbc.NavLink(labels.NAV_MAP, href="/")),
                        dbc.NavItem(dbc.NavLink(labels.NAV_GAPS, href=GAPS_PATH)),
                        dbc.NavItem(dbc.NavLink(labels.NAV_REPORT, href="/donnees")),
                    ],
                    navbar=True,
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        className="py-1",
    )


def app_layout(is_demo: bool) -> html.Div:
    """Static skeleton; the router fills ``page-content`` from the URL."""
    return html.Div(
        [
            dcc.Location(id="url", refresh="callback-nav"),
            header(),
            demo_banner() if is_demo else None,
            html.Main(id="page-content", className="container-fluid py-2"),
        ],
        lang="fr",
    )
