"""Dash component trees: pure functions of data, no callbacks."""
