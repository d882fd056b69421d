"""Territoires sans financement (``/territoires-sans-financement``): controls -> GapState
(in the URL) -> Patch of map, rule, list."""

from __future__ import annotations

import dash
from dash import Dash, html

from callbacks.webgl import browser_draws_webgl
from dashboard.analysis import queries
from dashboard.analysis.funding_gaps import (
    GapResult,
    GapState,
    funding_gaps,
)
from dashboard.data.cache import cached
from dashboard.data.live_store import StoreSource
from dashboard.data.store import DataStore
from dashboard.reports.region_summary import fit_view
from dashboard.text import labels
from geodata.vintage import POPULATION_VINTAGE
from layouts.figures import national_map as fig
from layouts.figures.funding_gaps import (
    gap_figure,
    gap_svg_figure,
)
from layouts.figures.map_style import offline_style
from layouts.funding_gaps import (
    gaps_page,
)
from layouts.paths import GAPS_PATH, national_href
from pages import framed, serving_store

MAP_FRAME = (1100, 560)  # the map's usual size on a laptop, for fitting a région


def gaps_view(store: DataStore, state: GapState) -> dict:
    """Centre and zoom: the chosen régions, or metropolitan France."""
    bounds = queries.places_bounds(store, state)
    if bounds is None:
        lat, lon, zoom = fig.FRANCE_VIEW
        return {"center": {"lat": lat, "lon": lon}, "zoom": zoom}
    return fit_view(bounds, *MAP_FRAME)


def layout(**query):
    store = serving_store()
    state = GapState.from_query(query)
    webgl = browser_draws_webgl()
    key = ("page", GAPS_PATH, state, state.layers, webgl)
    page = cached(store, key, lambda: gaps_page_for(store, state, webgl))
    return framed(page, state.ignored)


def gaps_page_for(store: DataStore, state: GapState, webgl: bool = True) -> html.Div:
    options = queries.filter_options(store)
    result = funding_gaps(store, state)
    # Pins travel only once their layer is shown (``drawn_key`` records which rows they hold).
    shown = "pins" in state.layers
    laureats = store.laureats[state.rows().mask(store.laureats) & shown]
    figure = gap_figure(
        result, state, laureats, store.cluster_points, store.cluster_links, offline_style()
    )
    figure.update_layout(map=gaps_view(store, state))
    if not webgl:
        figure = gap_svg_figure(result, state, queries.places_bounds(store, state))
    return gaps_page(
        figure,
        result,
        state,
        options,
        sources(store, result),
        national_href(state),
        drawn_key(state),
    )


def sources(store: DataStore, result: GapResult) -> list[str]:
    """Vintage and source of every figure on the screen."""
    lines = [
        labels.GAPS_SOURCES.format(
            population=POPULATION_VINTAGE,
            laureats=store.folder.source_of("laureats") or labels.NOT_GIVEN,
            tis=store.tis.vintage,
        )
    ]
    date = store.data_date
    if date:
        lines.append(labels.DATA_DATE.format(date=date))
    if store.version_label:
        lines.append(store.version_label)
    if result.industrial_jobs_loaded:
        lines.append(
            labels.GAPS_JOBS_SOURCE.format(
                source=result.indicator_source or labels.NOT_GIVEN,
                year=result.indicator_year or labels.NOT_GIVEN,
            )
        )
    else:
        lines.append(labels.GAPS_JOBS_NONE)
    return lines


def drawn_key(state: GapState, drawn: dict | None = None) -> dict:
    """The parts of the state that decide what a repaint must send. ``pins`` is the rows
    the pins hold: kept as drawn while their layer is hidden, so they are not sent."""
    rows = state.rows().rows_key()
    hidden_pins = (drawn or {}).get("pins")
    return {
        "level": state.level,
        "rows": rows,
        "basis": state.basis,
        "layers": list(state.layers),
        "regions": list(state.regions),
        "pins": rows if "pins" in state.layers else hidden_pins,
    }


def register(app: Dash, store: StoreSource) -> None:
    dash.register_page(__name__, path=GAPS_PATH, title=labels.GAPS_TITLE, layout=layout)
