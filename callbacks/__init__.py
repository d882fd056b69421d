"""What every screen shares: request checks, publishing and exports routes, presentation
mode. Each screen's own callbacks live with it in ``pages/``."""

from __future__ import annotations

from dash import Dash

from callbacks import downloads, presentation, publishing, request_guard
from dashboard.data.live_store import LiveStore
from dashboard.data.store import DataStore


def register(app: Dash, store: DataStore, live: LiveStore | None = None) -> None:
    request_guard.register(app)
    publishing.register(app, live)
    presentation.register(app, store)
    downloads.register(app, store)
