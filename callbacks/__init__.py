"""Dash callbacks the screens share (WebGL detection and the SVG fallback).

Each screen's own callbacks are registered by its module in ``pages/``; the HTTP
routes (exports, forms, sessions, static files) are in ``routes/``."""
