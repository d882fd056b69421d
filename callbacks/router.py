"""URL path -> page layout."""

from __future__ import annotations

from dash import Dash, Input, Output, html

from dashboard import labels, metrics
from dashboard.store import DataStore
from layouts.data_report import data_report_page
from layouts.national_map import national_map_page


def register(app: Dash, store: DataStore) -> None:
    @app.callback(Output("page-content", "children"), Input("url", "pathname"))
    def render_page(pathname: str | None):
        if pathname in ("/donnees", "/donnees/"):
            return data_report_page(store.folder, str(store.settings.data_dir))
        if pathname in (None, "", "/"):
            return national_map_page(metrics.totals(store.laureats), map_footnote(store))
        return html.Div(
            [html.H1("Page introuvable", className="h4"), html.A(labels.NAV_MAP, href="/")]
        )


def map_footnote(store: DataStore) -> str:
    date = store.folder.data_date("laureats")
    parts = [labels.DATA_DATE.format(date=date)] if date else []
    parts.append(f"Géographie : {store.geography.vintage}")
    parts.append(f"Territoires d'industrie : {store.tis.vintage}")
    return " · ".join(parts)
