"""National view: choropleth of lauréats by territory."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import formatting, labels

MAP_CONFIG = {
    "displaylogo": False,
    "locale": "fr",
    "scrollZoom": True,
    "toImageButtonOptions": {"format": "png", "filename": "carte-laureats", "scale": 2},
}


def summary_line(totals: dict[str, float]) -> str:
    """"412 lauréats · 1 234,5 M€ d'investissement · 123,4 M€ d'aide · 2 345 emplois prévus"."""
    return " · ".join(
        [
            formatting.count(totals["n_laureats"], "lauréats"),
            formatting.millions_eur(totals["investissement"]) + " d'investissement",
            formatting.millions_eur(totals["montant_aide"]) + " d'aide publique",
            formatting.count(totals["emplois_prevus"], "emplois prévus"),
        ]
    )


def national_map_page(totals: dict[str, float], footnote: str) -> html.Div:
    return html.Div(
        [
            html.H1("Lauréats par EPCI", className="h4 mt-2"),
            html.P(summary_line(totals), id="summary-line", className="lead fs-6"),
            dbc.Card(
                dcc.Graph(id="national-map", config=MAP_CONFIG, style={"height": "72vh"}),
                body=True,
                className="p-0",
            ),
            html.P(footnote, id="map-footnote", className="text-muted small mt-1"),
        ]
    )
