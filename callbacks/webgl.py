"""Does this browser draw WebGL? Pages without it get their maps as SVG, never blank."""

from __future__ import annotations

from dash import Dash, Input, Output

WEBGL_PROBE = """function(_) {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
}"""


def register_webgl_probe(app: Dash, store_id: str) -> None:
    """``store_id`` (a dcc.Store of the page) says whether this browser can draw WebGL."""
    app.clientside_callback(WEBGL_PROBE, Output(store_id, "data"), Input(store_id, "id"))
