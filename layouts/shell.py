"""The frame around every page: header, navigation, demo banner, footer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.text import labels
from layouts.page_container import NAVIGATE, page_container
from layouts.paths import (
    ACCOUNTS_PATH,
    DATA_PATH,
    GAPS_PATH,
    LOGIN_PATH,
    LOGOUT_PATH,
    NATIONAL_PATH,
    PRESENTATION_PATH,
    PUBLISH_PATH,
)


def demo_banner() -> dbc.Alert:
    return dbc.Alert(
        [html.Strong(labels.DEMO_BANNER), html.Span(" — " + labels.DEMO_BANNER_DETAIL)],
        id="demo-banner",
        color="warning",
        className="mb-0 rounded-0 py-2 small",
    )


def account_links(current) -> list:
    """« Publier » for editors; « Connexion » for visitors (reading never needs an account)."""
    if current is None:
        return [dbc.NavItem(dbc.NavLink(labels.NAV_LOGIN, href=LOGIN_PATH, external_link=True))]
    links = []
    if current.account.may_publish:
        links.append(
            dbc.NavItem(dbc.NavLink(labels.NAV_PUBLISH, href=PUBLISH_PATH, external_link=True))
        )
    if current.account.is_admin:
        links.append(
            dbc.NavItem(dbc.NavLink(labels.NAV_ACCOUNTS, href=ACCOUNTS_PATH, external_link=True))
        )
    logout = html.Form(
        [
            html.Span(current.account.name, className="text-light small"),
            dcc.Input(
                type="hidden", name="csrf_token", value=current.csrf_token, id="logout-token"
            ),
            html.Button(
                labels.NAV_LOGOUT, type="submit", className="btn btn-outline-light btn-sm py-0"
            ),
        ],
        method="POST",
        action=LOGOUT_PATH,
        className="d-flex align-items-center gap-2 ms-2",
    )
    return [*links, dbc.NavItem(logout)]


def header(current=None) -> dbc.Navbar:
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(labels.APP_TITLE, href=NATIONAL_PATH, className="fw-semibold"),
                dbc.Nav(
                    [
                        dbc.NavItem(dbc.NavLink(labels.NAV_MAP, href=NATIONAL_PATH)),
                        dbc.NavItem(dbc.NavLink(labels.NAV_GAPS, href=GAPS_PATH)),
                        dbc.NavItem(dbc.NavLink(labels.NAV_REPORT, href=DATA_PATH)),
                        dbc.NavItem(dbc.NavLink(labels.NAV_PRESENTATION, href=PRESENTATION_PATH)),
                    ],
                    navbar=True,
                ),
                dbc.Nav(account_links(current), navbar=True, className="ms-auto"),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        className="py-1",
    )


def app_layout(
    is_demo: bool,
    current=None,
    location: dict | None = None,
    page=None,
    title: str | None = None,
) -> html.Div:
    """The frame built at each page load (the demo banner and account links follow the
    version and the session) around Dash Pages' container; ``page`` fills it when known
    already (see ``pages.first_page``), otherwise Dash Pages' router does."""
    location_part, content, *router_parts = page_container(
        location, page, title or labels.APP_TITLE
    )
    return html.Div(
        [
            location_part,
            dcc.Location(id=NAVIGATE, refresh="callback-nav"),
            html.A(labels.SKIP_LINK, href="#page-content", className="skip-link"),
            header(current),
            demo_banner() if is_demo else None,
            html.Main(content, id="page-content", className="container-fluid py-2", tabIndex="-1"),
            *router_parts,
        ],
        lang="fr",
    )
