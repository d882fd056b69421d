"""Dash callbacks: thin translations from inputs to queries on the store."""

from __future__ import annotations

from dash import Dash

from callbacks import national_map, router
from dashboard.store import DataStore


def register(app: Dash, store: DataStore) -> None:
    router.register(app, store)
    national_map.register(app, store)
