"""Security headers on every response (Dash pages, Flask forms, exports, static files, errors).

The Content-Security-Policy admits the app's own origin only. Its exceptions, each needed:
- ``script-src`` hashes: Dash's inline scripts (the renderer's start and the clientside
  callbacks written as strings) and the page head's first-paint script, hashed rather than
  ``'unsafe-inline'``, so an injected ``<script>`` does not run;
- ``worker-src blob:``: MapLibre starts its tile workers from a ``blob:`` URL;
- ``img-src data: blob:``: map and chart images (plotly's and MapLibre's exports, sprites);
- ``style-src 'unsafe-inline'``: plotly.js and Dash components inject ``<style>`` elements
  and ``style`` attributes; styles cannot run code.
"""

from __future__ import annotations

import base64
import hashlib

from dash import Dash
from flask import Response

from layouts.index_page import inline_scripts

PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)"


def content_security_policy(script_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "child-src": ["'self'", "blob:"],  # browsers without worker-src
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def register(app: Dash) -> None:
    """Headers added after every handler; the CSP is computed at the first response,
    once every clientside callback (an inline script) is registered."""
    policy: list[str] = []

    @app.server.after_request
    def security_headers(response: Response) -> Response:
        if not policy:
            hashes = app.csp_hashes() + [hash_of(script) for script in inline_scripts()]
            hashes = list(dict.fromkeys(hashes))  # clientside callbacks often repeat
            policy.append(content_security_policy(hashes))
        headers = response.headers
        headers["Content-Security-Policy"] = policy[0]
        headers["X-Frame-Options"] = "SAMEORIGIN"  # browsers that ignore frame-ancestors
        headers["X-Content-Type-Options"] = "nosniff"
        headers.setdefault("Referrer-Policy", "same-origin")
        headers["Permissions-Policy"] = PERMISSIONS
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response


def hash_of(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
