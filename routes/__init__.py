"""The app's HTTP routes, apart from Dash's own: sessions and access, static files and
geometry, malformed-request guard, publishing forms, presentation steps, exports.

The screens' callbacks are registered by their modules in ``pages/``."""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from dashboard.accounts.users import Accounts
from dashboard.data.live_store import LiveStore, StoreSource
from dashboard.settings import Settings
from routes import accounts as accounts_pages
from routes import (
    downloads,
    geometry,
    map_data,
    presentation,
    publishing,
    request_guard,
    security_headers,
    sessions,
    static_files,
)


def register(
    app: Dash,
    settings: Settings,
    store: StoreSource,
    live: LiveStore | None,
    accounts: Accounts | None,
    static_dir: Path,
) -> None:
    """In this order: access checks run before any other handler of a request, and the
    security headers are added after every other handler has made its response."""
    security_headers.register(app)
    sessions.register(app, settings, accounts)
    geometry.register(app, store)
    map_data.register(app, store)
    static_files.register(app, static_dir, geometry.STATIC_MAX_AGE)
    request_guard.register(app)
    publishing.register(app, live)
    accounts_pages.register(app)
    presentation.register(app, store)
    downloads.register(app, store)
