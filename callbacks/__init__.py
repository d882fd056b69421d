"""Dash callbacks: thin translations from inputs to queries on the store."""

from __future__ import annotations

from dash import Dash

from callbacks import (
    downloads,
    funding_gaps,
    national_map,
    presentation,
    region,
    request_guard,
    router,
    ti_sheet,
)
from dashboard.store import DataStore


def register(app: Dash, store: DataStore) -> None:
    request_guard.register(app)
    router.register(app, store)
    national_map.register(app, store)
    region.register(app, store)
    ti_sheet.register(app, store)
    funding_gaps.register(app, store)
    presentation.register(app, store)
    downloads.register(app, store)
