"""Composer une présentation (``/presentation``): the presenter picks and orders slides,
and gets the address that plays them (assets/presentation.js steps through it)."""

from __future__ import annotations

import dash
from dash import Dash

from dashboard.data.live_store import StoreSource
from dashboard.text import labels
from layouts.paths import PRESENTATION_PATH, SLIDES_PARAM
from layouts.presentation_composer import (
    composer_page,
)
from pages import framed, serving_store
from routes.presentation import read_sequence, report_sequence, slide_choices


def layout(**query):
    """Opened from a shared address (``?diapos=…``), the composer starts from its slides."""
    store = serving_store()
    text = query.get(SLIDES_PARAM)
    chosen, _ignored = read_sequence(store, text[-1] if isinstance(text, list) else text)
    return framed(composer_page(slide_choices(store), chosen or report_sequence(store)))


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(__name__, path=PRESENTATION_PATH, title=labels.COMPOSER_TITLE, layout=layout)
