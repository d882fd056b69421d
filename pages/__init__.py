"""The screens: one module each, registered with Dash Pages.

Each module says where the screen lives (``dash.register_page``) and builds it from
the URL (``layout(**query)``: the store's answers put into ``layouts`` functions);
its callbacks are in the module of the same name in ``callbacks/``.
Pages read the store of the app serving the request, so several apps may live in
one process (tests, benchmarks).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Dash, dcc, html
from flask import current_app, request

from callbacks.request_store import request_store
from dashboard.data.live_store import LiveStore, StoreSource
from dashboard.data.store import DataStore
from dashboard.text import formatting, labels
from layouts.page_container import location_of, match_page, query_arguments
from layouts.paths import DATA_PATH


def serving_store() -> DataStore:
    """The version the app answering this request serves (one version for the whole page)."""
    return request_store(current_app.config["TI_STORE"])


def serving_live() -> LiveStore | None:
    return current_app.config.get("TI_LIVE")


def framed(page, ignored: tuple[str, ...] = ()) -> html.Div:
    """A page under its notes: database unreachable, datasets missing, unreadable URL values."""
    live = serving_live()
    unreachable = live.database_error if live is not None else None
    store = serving_store()
    return html.Div([*data_notices(store, ignored, unreachable), export_caption(store), page])


def export_caption(store: DataStore) -> html.Div:
    """What every exported map image says under it: source, data date, version
    (assets/exports.js reads it; the title and filters come from the screen)."""
    data_date = store.data_date
    source = store.folder.source_of("laureats")
    return html.Div(
        id="export-caption",
        hidden=True,
        **{
            "data-source": labels.SOURCE_LINE.format(sources=source) if source else "",
            "data-date": labels.DATA_DATE.format(date=formatting.date(data_date))
            if data_date
            else "",
            "data-version": store.version_label,
        },
    )


def data_notices(
    store: DataStore, ignored: tuple[str, ...] = (), unreachable: str | None = None
) -> list:
    notices = [_notice(unreachable, "danger", report_link=False)] if unreachable else []
    if store.laureats.empty:
        notices.append(_notice(labels.NO_LAUREATS, "warning"))
    if store.tis.table.empty:
        notices.append(_notice(labels.NO_TI_LIST, "warning"))
    if store.cluster_points.empty:
        notices.append(_notice(labels.NO_CLUSTERS, "secondary"))
    if ignored:
        text = labels.URL_IGNORED.format(items=", ".join(ignored))
        notices.append(_notice(text, "secondary", report_link=False))
    return notices


def _notice(text: str, color: str, report_link: bool = True) -> dbc.Alert:
    link = [" ", dcc.Link(labels.SEE_REPORT, href=DATA_PATH, className="alert-link")]
    return dbc.Alert(
        [text, *(link if report_link else [])], color=color, className="py-1 mb-2 small"
    )


def register(app: Dash, store: StoreSource) -> None:
    """Every screen, in the order Dash Pages matches their paths."""
    from pages import (
        cluster_sheet,
        data_report,
        funding_gaps,
        national_map,
        not_found_404,
        presentation,
        region,
        ti_sheet,
    )

    for screen in (
        national_map,
        region,
        ti_sheet,
        cluster_sheet,
        funding_gaps,
        data_report,
        presentation,
        not_found_404,
    ):
        screen.register(app, store)
    register_page_responses(app)


def first_page(referrer: str | None, host_url: str) -> tuple[dict, object, str | None]:
    """The location and page for the address the browser is on, built into the layout.

    The browser asks ``/_dash-layout`` from the page it is showing, so the request's
    ``Referer`` is that page: answering with the page already in it saves the round trip
    Dash Pages' router would make before the first map can start. The location is given
    exactly as the browser has it, so ``dcc.Location`` does not fire the router again.
    Without a usable ``Referer`` (another host, none sent) the router fills the page.
    """
    if not referrer or not referrer.startswith(host_url):
        return {}, None, None
    location = location_of(referrer)
    page, variables = match_page(location["pathname"])
    if not page:
        page = dash.page_registry.get("pages.not_found_404", {})
    arguments = {**variables, **query_arguments(location["search"])}
    title = page["title"](**variables) if callable(page["title"]) else page["title"]
    return location, page["layout"](**arguments), title


def is_screen(path: str) -> bool:
    """True when ``path`` is one of the screens showing something that exists (a known
    région or TI for the templated paths; anything else says « introuvable »)."""
    page, variables = match_page(path)
    if not page or page.get("module") == "pages.not_found_404":
        return False
    exists = page.get("exists")  # stored by register_page with the page (region, ti_sheet)
    return exists is None or exists(serving_store(), **variables)


def register_page_responses(app: Dash) -> None:
    """Dash answers every path with its page shell: unknown ones say 404 all the same, so
    link checkers and crawlers see a missing page as missing. (``first_page`` reads the
    page's full address from the ``Referer``, which ``Referrer-Policy: same-origin`` keeps
    within the site: see ``routes/security_headers.py``.)"""

    @app.server.after_request
    def page_responses(response):
        shell = request.endpoint == "/<path:path>" and response.status_code == 200
        if shell and not is_screen(request.path):
            response.status_code = 404
        return response
