"""The national map's data for an address, fetched by the page's head before Dash starts
(``layouts/index_page.py``), so the first map is drawn in parallel with the renderer."""

from __future__ import annotations

import json

from dash import Dash
from flask import abort, request
from plotly.utils import PlotlyJSONEncoder

from callbacks.request_store import request_store
from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from layouts.figures.vector_map import pin_card
from layouts.index_page import NATIONAL_MAP_DATA
from pages.national_map import national_map_data

PIN_CARD = "/carte/laureat/<laureat_id>.json"


def register(app: Dash, store: StoreSource) -> None:
    @app.server.route(NATIONAL_MAP_DATA)
    def national_map_json():
        data = request_store(store)
        state = FilterState.from_query(request.args.to_dict())
        key = ("national_map_json", state, state.view)
        text = cached(
            data, key, lambda: json.dumps(national_map_data(data, state), cls=PlotlyJSONEncoder)
        )
        response = app.server.response_class(text, mimetype="application/json")
        response.cache_control.no_cache = True  # one data version: revalidated each time
        return response

    @app.server.route(PIN_CARD)
    def pin_card_json(laureat_id: str):
        """A pin's hover card, asked when the pin is hovered (pins travel without text)."""
        row = queries.laureat(request_store(store), laureat_id)
        if row is None:
            abort(404)
        response = app.server.response_class(
            json.dumps(pin_card(row), ensure_ascii=False), mimetype="application/json"
        )
        response.cache_control.no_cache = True
        return response
