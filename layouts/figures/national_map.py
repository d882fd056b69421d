"""The national map figure: choropleth, TI outlines, project pins and clusters.

Trace order is fixed so callbacks can patch by index.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.filters import FilterState
from dashboard.reports.region_summary import fit_view
from layouts.figures.choropleth import choropleth_trace
from layouts.figures.clusters import cluster_traces
from layouts.figures.pins import (
    LEGEND_KEY_AXES,
    legend_once,
    pin_geo_traces,
    pin_rings,
    pin_traces,
    ring_legend_key,
)

CHOROPLETH, PINS_IN, PINS_OUT, CLUSTER_LINKS, CLUSTERS, PIN_RINGS, RING_KEY = range(7)
# Every trace the « pins » layer shows or hides.
PIN_LAYER = (PINS_IN, PINS_OUT, PIN_RINGS, RING_KEY)
GEOJSON_URLS = {
    "id_ti": "/geo/ti.geojson",
    "epci": "/geo/epci.geojson",
    "dep": "/geo/dep.geojson",
    "reg": "/geo/reg.geojson",
}
FRANCE_VIEW = (46.5, 2.4, 4.8)


def geojson_url(level: str, webgl: bool = True) -> str:
    """Static geometry of a level; d3 (SVG) needs clockwise exterior rings: see geodata.web."""
    url = GEOJSON_URLS[level]
    return url if webgl else url.replace(".geojson", ".cw.geojson")


def line_layer(level: str, colour: str, width: float) -> dict:
    return {
        "sourcetype": "geojson",
        "source": GEOJSON_URLS[level],
        "type": "line",
        "color": colour,
        "line": {"width": width},
        "below": "",
    }


def ti_outline_layer(visible: bool) -> dict:
    """TI perimeters drawn as lines above the choropleth, from the static GeoJSON."""
    return {
        "sourcetype": "geojson",
        "source": GEOJSON_URLS["id_ti"],
        "type": "line",
        "color": "#222222",
        "line": {"width": 1.2},
        "below": "",
        "visible": visible,
    }


DEPARTEMENT_BORDER = ("#8c8c8c", 0.5)
REGION_BORDER = ("#3d3d3d", 1.1)
TI_OUTLINE_COLOUR = "#222222"


@dataclass(frozen=True)
class SvgContext:
    """What the SVG map draws besides the data: codes of each outline level, town names."""

    departements: list[str]
    regions: list[str]
    tis: list[str]
    places: pd.DataFrame  # nom, lon, lat


def context_layers() -> list[dict]:
    """Département and région borders over every level: they frame EPCI and TI shapes,
    and the région lines draw the outline of France (and of each overseas région)."""
    return [line_layer("dep", *DEPARTEMENT_BORDER), line_layer("reg", *REGION_BORDER)]


def map_layout(view: tuple[float, float, float] | None, layers: list[str], style) -> dict:
    lat, lon, zoom = view or FRANCE_VIEW
    return {
        "map": {
            "style": style,
            "center": {"lat": lat, "lon": lon},
            "zoom": zoom,
            "layers": [ti_outline_layer("ti" in layers), *context_layers()],
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "legend": {
            "x": 0.99,
            "xanchor": "right",
            "y": 0.01,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": 11},
        },
        "uirevision": "national-map",
        "paper_bgcolor": "#ffffff",
        **LEGEND_KEY_AXES,
    }


METROPOLE_BOUNDS = (-5.5, 41.2, 10.0, 51.3)


NATIONAL_FRAME = (1000, 650)  # the national map's usual size on a laptop, in px


def places_view(bounds) -> tuple[float, float, float] | None:
    """lat, lon, zoom close to the fit of ``bounds`` (map_fit.js refines it in the browser)."""
    if bounds is None:
        return None
    view = fit_view(bounds, *NATIONAL_FRAME)
    return view["center"]["lat"], view["center"]["lon"], view["zoom"]


def fit_meta(bounds: tuple[float, float, float, float] | None) -> dict:
    """``layout.meta`` fitting the map to ``bounds`` (assets/map_fit.js).

    Without places, France is fitted on a projector only (presentation mode); otherwise
    the usual view stays."""
    if bounds is None:
        return {"fit": [{"subplot": "map", "bounds": METROPOLE_BOUNDS}], "presentation_only": True}
    return {"fit": [{"subplot": "map", "bounds": list(bounds)}], "presentation_only": False}


def svg_figure(choropleth: go.Choropleth, bounds: tuple[float, ...] | None = None) -> go.Figure:
    """A plain SVG map of one choropleth, for browsers without WebGL (fixed view)."""
    figure = go.Figure(choropleth)
    figure.update_geos(**svg_geo(bounds))
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        xaxis_visible=False,
        yaxis_visible=False,
        uirevision="svg",
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return figure


def view_bounds(lat: float, lon: float, zoom: float) -> tuple[float, float, float, float]:
    """The lon/lat box a web-mercator view shows in the national frame (for the SVG map)."""
    width, height = NATIONAL_FRAME
    lon_span = 360 * width / (512 * 2**zoom)
    lat_span = lon_span * height / width * math.cos(math.radians(lat))
    return lon - lon_span / 2, lat - lat_span / 2, lon + lon_span / 2, lat + lat_span / 2


def svg_geo(bounds: tuple[float, ...] | None) -> dict:
    """The ``geo`` subplot framing ``bounds`` (France without)."""
    west, south, east, north = bounds or METROPOLE_BOUNDS
    return {
        "visible": False,
        "projection_type": "mercator",
        "lonaxis_range": [west, east],
        "lataxis_range": [south, north],
    }


# Trace order of the national SVG map, for the layer switches' patches.
SVG_CHOROPLETH, SVG_DEPARTEMENTS, SVG_REGIONS, SVG_TI, SVG_NAMES, SVG_PINS_IN, SVG_PINS_OUT = range(
    7
)
SVG_LAYERS = {"ti": (SVG_TI,), "pins": (SVG_PINS_IN, SVG_PINS_OUT)}
CLEAR = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]


def outline_trace(level: str, codes: list[str], colour: str, width: float, visible: bool):
    """Borders of a level in SVG: its shapes, unfilled, drawn over the choropleth."""
    return go.Choropleth(
        geojson=geojson_url(level, webgl=False),
        featureidkey="id",
        locations=codes,
        z=[0] * len(codes),
        colorscale=CLEAR,
        showscale=False,
        marker={"line": {"width": width, "color": colour}},
        hoverinfo="skip",
        showlegend=False,
        visible=visible,
    )


def place_names_trace(places: pd.DataFrame) -> go.Scattergeo:
    """Préfectures de région and de département by name (the SVG map does not zoom)."""
    return go.Scattergeo(
        lon=places["lon"],
        lat=places["lat"],
        text=places["nom"],
        mode="text",
        textfont={"size": 11, "color": "#1f1f1f"},
        hoverinfo="skip",
        showlegend=False,
    )


def svg_national_figure(
    choropleth: go.Choropleth,
    context: SvgContext,
    laureats: pd.DataFrame,
    layers: list[str],
    bounds: tuple[float, ...] | None,
) -> go.Figure:
    """The national map for browsers without WebGL: the choropleth under département and
    région borders, TI perimeters, town names and the pins in their two shapes."""
    traces = [
        choropleth,
        outline_trace("dep", context.departements, *DEPARTEMENT_BORDER, True),
        outline_trace("reg", context.regions, *REGION_BORDER, True),
        outline_trace("id_ti", context.tis, TI_OUTLINE_COLOUR, 1.2, "ti" in layers),
        place_names_trace(context.places),
        *pin_geo_traces(laureats),
    ]
    for index in SVG_LAYERS["pins"]:
        traces[index].visible = "pins" in layers
    legend_once(traces[SVG_PINS_IN:])
    figure = svg_figure(traces[0], bounds)
    figure.add_traces(traces[1:])
    figure.update_layout(
        legend={"x": 0.99, "xanchor": "right", "y": 0.01, "yanchor": "bottom"},
        uirevision="national-svg",
    )
    return figure


def national_figure(
    values: pd.Series,
    names: pd.Series,
    laureats: pd.DataFrame,
    clusters: pd.DataFrame,
    links: pd.DataFrame,
    state: FilterState,
    layers: list[str],
    style,
    webgl: bool = True,
    bounds: tuple[float, float, float, float] | None = None,
    svg_context: SvgContext | None = None,
) -> go.Figure:
    """Full figure for the first paint; later changes are Patches of the same traces.

    ``bounds``: the chosen places, which the map is fitted to unless the URL has a view."""
    url = geojson_url(state.level, webgl)
    choropleth = choropleth_trace(values, names, state.metric, state.per_capita, url, webgl=webgl)
    if not webgl:
        return svg_national_figure(choropleth, svg_context, laureats, layers, bounds)
    traces = [
        choropleth,
        *pin_traces(laureats, "pins" in layers),
        *cluster_traces(clusters, links, "clusters" in layers),
        pin_rings(laureats, "pins" in layers),
        ring_legend_key("pins" in layers),
    ]
    figure = go.Figure(traces)
    figure.update_layout(**map_layout(state.view or places_view(bounds), layers, style))
    if state.view is None:
        figure.update_layout(meta=fit_meta(bounds))
    return figure
