"""Does this browser draw WebGL? Pages without it get their maps as SVG, never blank."""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

WEBGL_PROBE = """function(_) {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
}"""


def register_svg_fallback(
    app: Dash, store_id: str, output: Output, state: State, draw: Callable[[object], object]
) -> None:
    """``store_id`` (a dcc.Store of the page) learns whether the browser draws WebGL; when
    it does not, ``output`` gets ``draw(state value)`` (an SVG map; None leaves the page)."""
    app.clientside_callback(WEBGL_PROBE, Output(store_id, "data"), Input(store_id, "id"))

    @app.callback(output, Input(store_id, "data"), state, prevent_initial_call=True)
    def svg_fallback(webgl: bool | None, value):
        if webgl is not False:
            raise PreventUpdate
        drawn = draw(value)
        if drawn is None:
            raise PreventUpdate
        return drawn
