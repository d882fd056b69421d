"""Presentation mode: the slide order the clientside script (assets/presentation.js) steps
through, served as JSON because it follows the data's panel order, not a fixed list."""

from __future__ import annotations

from dash import Dash
from flask import jsonify

from dashboard import labels
from dashboard.region_summary import panel_codes
from dashboard.store import DataStore
from layouts.paths import NATIONAL_PATH, region_path

STEPS_URL = "/presentation/etapes.json"


def presentation_steps(store: DataStore) -> list[str]:
    """National view, each annex panel in the report's order (others after), national again."""
    return [NATIONAL_PATH, *(region_path(code) for code in panel_codes(store))]


def register(app: Dash, store: DataStore) -> None:
    texts = {
        "on": labels.PRESENTATION_ON,
        "off": labels.PRESENTATION_OFF,
        "hint": labels.PRESENTATION_HINT,
    }

    def presentation_config():
        response = jsonify({"steps": presentation_steps(store), "labels": texts})
        response.headers["Cache-Control"] = "no-cache"
        return response

    app.server.add_url_rule(STEPS_URL, "presentation_steps", presentation_config)
