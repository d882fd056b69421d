"""Entry point: ``python app.py`` serves locally; ``gunicorn app:server`` in production."""

from __future__ import annotations

import mimetypes
import secrets
import sys
from pathlib import Path

from dash import Dash
from flask import has_request_context, request
from werkzeug.middleware.proxy_fix import ProxyFix

import callbacks
import pages
import routes
from callbacks.request_store import request_store
from dashboard.accounts.signing_key import SigningKeyError, signing_key
from dashboard.accounts.users import Accounts
from dashboard.data.database import DatabaseUnavailable
from dashboard.data.live_store import LiveStore, StoreSource, open_live_store
from dashboard.data.store import DataFolderMissing, DataStore
from dashboard.settings import Settings, SettingsError
from dashboard.text import labels
from geodata import paths
from layouts.index_page import index_string
from layouts.shell import app_layout
from pages import first_page
from routes.sessions import current_session

ASSETS = Path(__file__).resolve().parent / "assets"
COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/x-protobuf",
    "application/geo+json",
    "application/octet-stream",
)

# ES modules (the map) need a JavaScript type under "nosniff", whatever /etc/mime.types says.
mimetypes.add_type("text/javascript", ".mjs")


def create_app(settings: Settings | None = None, store: DataStore | None = None) -> Dash:
    """Build the Dash app around the live store (the database's current version).

    A ``store`` given directly (tests, benchmarks) is served as is, without a
    database: reading works, publishing and accounts are unavailable.
    """
    settings = settings or settings_or_exit()
    live = None
    if store is None:
        live = open_live_store_or_exit(settings)
        store = live
    app = Dash(
        __name__,
        title=labels.APP_TITLE,
        assets_folder=str(ASSETS),
        serve_locally=True,
        suppress_callback_exceptions=True,
        external_stylesheets=[],
        update_title=None,
        compress=True,
        use_pages=True,
        pages_folder="",  # pages register themselves (pages.register), with this app's store
        # The map module and its libraries are loaded by the page's head (layouts/index_page).
        assets_path_ignore=["^map$"],
    )
    # flask-compress: also compress the map's glyph files (served from assets/).
    app.server.config["COMPRESS_MIMETYPES"] = [*COMPRESSED_TYPES]
    if settings.behind_proxy:
        # One proxy in front: client address (login limits), scheme and host (origin checks).
        app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_for=1, x_proto=1, x_host=1)
    app.index_string = index_string(app.index_string)
    app.layout = lambda: serve_shell(store)
    accounts = Accounts(live.versions.engine) if live is not None else None
    app.server.secret_key = session_key_or_exit(settings, accounts)
    app.server.config["TI_STORE"] = store
    app.server.config["TI_LIVE"] = live
    routes.register(app, settings, store, live, accounts, paths.build_dir() / "static")
    pages.register(app, store)
    callbacks.register(app, store)
    if live is not None:
        live.start_polling()
    return app


def serve_shell(store: StoreSource):
    """The layout of every page: the frame, with the browser's page already in it."""
    location, page, title = None, None, None
    if has_request_context():
        location, page, title = first_page(request.referrer, request.host_url)
    is_demo = request_store(store).is_demo
    return app_layout(is_demo, current_session(), location, page, title)


def open_live_store_or_exit(settings: Settings) -> LiveStore:
    """The live store; a missing folder or database ends the start with one French sentence."""
    try:
        return open_live_store(settings)
    except (DataFolderMissing, DatabaseUnavailable) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        raise SystemExit(2) from None


def __getattr__(name: str):
    """``app:server`` for gunicorn, built on first access so importing stays cheap."""
    if name == "server":
        global server
        server = create_app().server
        return server
    raise AttributeError(name)


def session_key_or_exit(settings: Settings, accounts: Accounts | None) -> str:
    """The cookie-signing key; without a database nobody logs in, so a process key will do."""
    if accounts is None:
        return settings.secret_key or secrets.token_urlsafe(32)
    try:
        return signing_key(settings.secret_key, settings.secret_key_file)
    except SigningKeyError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        raise SystemExit(2) from None


def settings_or_exit() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    _settings = settings_or_exit()
    create_app(_settings).run(host=_settings.host, port=_settings.port, debug=_settings.debug)
