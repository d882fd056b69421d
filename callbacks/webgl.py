"""Does this browser draw WebGL? Pages without it get their maps as SVG, never blank."""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate
from flask import has_request_context, request

WEBGL_COOKIE = "ti_webgl"  # set by assets/webgl.js

WEBGL_PROBE = """function(_) {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
}"""


def browser_draws_webgl() -> bool:
    """False when the browser said it has no WebGL (then pages are built with SVG maps)."""
    return not (has_request_context() and request.cookies.get(WEBGL_COOKIE) == "0")


def register_svg_fallback(
    app: Dash, store_id: str, output: Output, state: State, draw: Callable[[object], object]
) -> None:
    """``store_id`` (a dcc.Store of the page) learns whether the browser draws WebGL; when
    it does not, ``output`` gets ``draw(state value)`` (an SVG map; None leaves the page).
    A second line behind the cookie: only needed when the page was built with WebGL maps."""
    app.clientside_callback(WEBGL_PROBE, Output(store_id, "data"), Input(store_id, "id"))

    @app.callback(output, Input(store_id, "data"), state, prevent_initial_call=True)
    def svg_fallback(webgl: bool | None, value):
        if webgl is not False or not browser_draws_webgl():
            raise PreventUpdate  # WebGL works, or the page was built in SVG already
        drawn = draw(value)
        if drawn is None:
            raise PreventUpdate
        return drawn
