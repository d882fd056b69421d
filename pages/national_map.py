"""National map (``/``): filters -> FilterState (in the URL) -> the map, summary and table."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import dash
import pandas as pd
from dash import Dash

from callbacks.webgl import browser_draws_webgl
from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.cluster_summary import cluster_list
from dashboard.text import labels
from layouts.components import table_page
from layouts.figures import national_map as fig
from layouts.figures.choropleth import format_values
from layouts.figures.vector_map import (
    choropleth_payload,
    map_style,
    pins_payload,
    poles_payload,
    view_payload,
)
from layouts.filter_panel import DEFAULT_LAYERS
from layouts.national_map import (
    TABLE_PAGE_SIZE,
    national_map_page,
    summary_line,
)
from layouts.paths import NATIONAL_PATH
from pages import framed, serving_store

SVG_PLACE_RANK = 1  # préfectures de région (geodata.build ranks): the SVG map does not zoom


def layout(**query):
    """The whole screen for a URL, first figure and first table page included, so the
    first paint needs no callback (kept in the app's cache by URL state)."""
    store = serving_store()
    state = FilterState.from_query(query)
    webgl = browser_draws_webgl()
    key = ("page", NATIONAL_PATH, state, state.view, webgl)
    page = cached(store, key, lambda: national_page(store, state, webgl))
    return framed(page, state.ignored)


def national_page(store: DataStore, state: FilterState, webgl: bool = True):
    data = queries.map_data(store, state)
    if webgl:
        map_data, figure = national_map_data(store, state), None
    else:
        map_data = None
        figure = national_map_figure(store, state, DEFAULT_LAYERS, None, webgl=False)
    summary = summary_line(data.totals, queries.describe_filters(store, state))
    rows, page_count = table_rows(store, state, None, 0)
    return national_map_page(
        map_data,
        figure,
        summary,
        map_footnote(store),
        queries.filter_options(store),
        state,
        rows,
        page_count,
        cached(store, ("cluster_list",), lambda: cluster_list(store)),
    )


def national_map_data(store: DataStore, state: FilterState) -> dict:
    """Everything the MapLibre map draws for a state (see layouts/figures/vector_map.py);
    the page's head fetches the same from /carte/nationale.json before Dash starts."""
    key = ("national_map_data", state, state.view)  # the view is not part of a state's equality
    return cached(store, key, lambda: _national_map_data(store, state))


def _national_map_data(store: DataStore, state: FilterState) -> dict:
    data = queries.map_data(store, state)
    return {
        "style": map_style(),
        "choropleth": choropleth_payload(data.values, state.level, state.metric, state.per_capita),
        "pins": pins_payload(data.laureats),
        "poles": poles_payload(store.cluster_points, store.cluster_links),
        "view": view_payload(state.view, queries.places_bounds(store, state)),
        "layers": list(DEFAULT_LAYERS),
    }


def map_footnote(store: DataStore) -> str:
    date = store.data_date
    parts = [store.version_label] if store.version_label else []
    if date:
        parts.append(labels.DATA_DATE.format(date=date))
    source = store.folder.source_of("laureats")
    if source:
        parts.append(f"Source : {source}")
    parts.append(f"Géographie : {store.geography.vintage}")
    parts.append(f"Territoires d'industrie : {store.tis.vintage}")
    return " · ".join(parts)


def table_rows(
    store: DataStore, state: FilterState, sort_by: list[dict] | None, page: int
) -> tuple[list[dict], int]:
    """One page of the territory table and the number of pages."""
    rows = queries.territory_table(store, state, sort_by or [])
    chunk, page_count = table_page(rows, page, TABLE_PAGE_SIZE)
    chunk = chunk.assign(
        valeur_texte=format_values(chunk["valeur"], state.metric, state.per_capita)
    )
    return chunk.to_dict("records"), page_count


def national_map_figure(
    store: DataStore, state: FilterState, layers: list[str], style, webgl: bool = True
):
    """The national figure for a state: first paint, and the SVG fallback (which has no
    commune geometry, 20 MB as GeoJSON: it draws the EPCI instead)."""
    if not webgl and state.level == "commune":
        state = dataclasses.replace(state, level="epci")
    data = queries.map_data(store, state)
    names = queries.territory_names(store, state.level)
    return fig.national_figure(
        data.values,
        names,
        data.laureats,
        store.cluster_points,
        store.cluster_links,
        state,
        layers,
        style,
        webgl=webgl,
        bounds=queries.places_bounds(store, state),
        svg_context=None if webgl else svg_context(store),
    )


def svg_context(store: DataStore) -> fig.SvgContext:
    """Outlines and town names of the SVG map (one per data version)."""
    return cached(store, ("svg_context",), lambda: _svg_context(store))


def _svg_context(store: DataStore) -> fig.SvgContext:
    places = json.loads(Path(store.geography.places_path).read_text(encoding="utf-8"))
    named = [
        {
            "nom": feature["properties"]["nom"],
            "lon": feature["geometry"]["coordinates"][0],
            "lat": feature["geometry"]["coordinates"][1],
        }
        for feature in places["features"]
        if feature["properties"]["rang"] <= SVG_PLACE_RANK
    ]
    return fig.SvgContext(
        departements=store.geography.departements["code"].tolist(),
        regions=store.geography.regions["code"].tolist(),
        tis=store.tis.table.index.astype(str).tolist(),
        places=pd.DataFrame(named, columns=["nom", "lon", "lat"]),
    )


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(
        __name__, path=NATIONAL_PATH, title=labels.NAV_MAP, name=labels.NAV_MAP, layout=layout
    )

    # The address follows the filters and the view without a round trip (and without
    # Dash Pages rebuilding the page, which a change of its location's search would do).
