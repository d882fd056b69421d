"""Dash callbacks: thin translations from inputs to queries on the store."""

from __future__ import annotations

from dash import Dash

from callbacks import (
    downloads,
    funding_gaps,
    national_map,
    presentation,
    publishing,
    region,
    request_guard,
    router,
    ti_sheet,
)
from dashboard.live_store import LiveStore
from dashboard.store import DataStore


def register(app: Dash, store: DataStore, live: LiveStore | None = None) -> None:
    request_guard.register(app)
    publishing.register(app, live)
    router.register(app, store, live)
    national_map.register(app, store)
    region.register(app, store)
    ti_sheet.register(app, store)
    funding_gaps.register(app, store)
    presentation.register(app, store)
    downloads.register(app, store)
