"""Geometry reaches the browser once, as cacheable pre-compressed files, never in a callback."""

from __future__ import annotations

from dash import Dash
from flask import abort, send_file

from callbacks.request_store import request_store
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.reports.region_summary import ti_communes_geojson
from geodata.tiles import TILE_FILES, tiles_path
from geodata.web import clockwise_path
from routes.static_files import send_precompressed

GEO_LEVELS = {"epci", "dep", "reg"}
STATIC_MAX_AGE = 24 * 3600
TILES_URL = "/tuiles"
TILES_TYPE = "application/vnd.pmtiles"
TILES_MAX_AGE = 7 * 24 * 3600  # rebuilt only with the reference geography (ETag revalidates)


def register(app: Dash, store: StoreSource) -> None:
    register_tiles(app)

    @app.server.route("/geo/ti-communes/<name>.geojson")
    def ti_communes_geometry(name: str):
        id_ti, clockwise = name.removesuffix(".cw"), name.endswith(".cw")
        data = request_store(store)  # one version for the whole answer
        if id_ti not in data.tis.table.index:
            abort(404)
        key = ("ti_communes", id_ti, clockwise)
        text = cached(data, key, lambda: ti_communes_geojson(data, id_ti, clockwise))
        if text is None:
            abort(404)
        response = app.server.response_class(text, mimetype="application/geo+json")
        response.cache_control.max_age = STATIC_MAX_AGE
        return response

    @app.server.route("/geo/<name>.geojson")
    def geometry(name: str):
        level, _, variant = name.partition(".")
        max_age = STATIC_MAX_AGE
        if variant not in ("", "cw"):
            abort(404)
        data = request_store(store)
        if level in GEO_LEVELS:
            path = data.geography.web_layer_path(level)
        elif level == "lieux" and not variant:
            path = data.geography.places_path
        elif level == "ti":
            # The TI list changes with each version: the browser revalidates (ETag) every time.
            path, max_age = data.ti_perimeters_path, 0
        else:
            abort(404)
        if variant:
            path = clockwise_path(path)
        return send_precompressed(path, "application/geo+json", max_age)


def register_tiles(app: Dash) -> None:
    """The territories' vector tiles: PMTiles files, read by MapLibre in ranges.

    werkzeug answers ``Range`` (206, or 416 for a range outside the file) and
    ``If-None-Match`` (304) itself; the type is not one flask-compress compresses (the
    tiles inside are gzipped already, and a compressed part would break the ranges)."""

    @app.server.route(f"{TILES_URL}/<name>")
    def tiles(name: str):
        if name not in TILE_FILES or not tiles_path(name).is_file():
            abort(404)
        response = send_file(
            tiles_path(name),
            mimetype=TILES_TYPE,
            conditional=True,
            etag=True,
            max_age=TILES_MAX_AGE,
        )
        response.headers["Accept-Ranges"] = "bytes"
        return response
