"""Plotly figures, one module per kind, shared by every screen that draws them."""
