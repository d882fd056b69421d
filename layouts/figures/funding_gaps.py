"""Map of the verdicts: non financé / sous-financé / financé (and non évaluable).

Same trace order as the national map (choropleth, pins in and out of a TI, cluster
links, clusters), so the same Patches apply; geometry is the level's static GeoJSON.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.funding_gaps import VERDICTS, GapResult, GapState, in_regions
from dashboard.text import formatting, labels
from dashboard.text.formatting import hover_text
from layouts.figures.clusters import cluster_traces
from layouts.figures.map_style import PLACES_BELOW
from layouts.figures.national_map import geojson_url, map_layout, svg_figure
from layouts.figures.pins import pin_rings, pin_traces, ring_legend_key

VERDICT_COLOURS = {
    "non_finance": "#b2182b",
    "sous_finance": "#f4a582",
    "non_evaluable": "#d9d9d9",
    "finance": "#92c5de",
}
REGION_LINE = "#666666"
# Class numbers: the legend (a colour bar) reads bottom-up, so "non financé" is on top.
LEGEND_ORDER = tuple(reversed(VERDICTS))
HOVER = "<b>%{text}</b><br>%{hovertext}<br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>"


def _colorscale() -> list[list]:
    steps = len(LEGEND_ORDER)
    scale = []
    for k, verdict in enumerate(LEGEND_ORDER):
        scale += [
            [k / steps, VERDICT_COLOURS[verdict]],
            [(k + 1) / steps, VERDICT_COLOURS[verdict]],
        ]
    return scale


def gap_locations(result: GapResult) -> dict:
    """Territory codes and names, in code order: the same for every rule of a level, so a
    repaint re-sends neither (a changed ``locations`` makes plotly rebuild the map)."""
    table = result.table.sort_values("code")
    return {
        "locations": table["code"].to_numpy(dtype=object),
        "text": hover_text(table["nom"]).to_numpy(dtype=object),
    }


def gap_encoding(result: GapResult, state: GapState) -> dict:
    """What changes with the threshold: class (none outside the chosen régions), the verdict
    read on hover, the legend counts."""
    table = result.table.sort_values("code")
    classes = table["verdict"].map({v: i for i, v in enumerate(LEGEND_ORDER)}).astype(float)
    if state.regions:
        classes = classes.where(in_regions(table, state.regions))
    counts = result.counts(state.regions)
    return {
        "z": classes.to_numpy(),
        "hovertext": table["verdict"].map(labels.VERDICTS).to_numpy(dtype=object),
        "colorbar": {
            "x": 0.01,
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
            "len": 0.35,
            "thickness": 14,
            "bgcolor": "rgba(255,255,255,0.85)",
            "outlinewidth": 0,
            "tickvals": list(range(len(VERDICTS))),
            "ticktext": [f"{labels.VERDICTS[v]} ({counts[v]})" for v in LEGEND_ORDER],
            "title": {"text": labels.GAPS_LEVELS[state.level], "side": "top"},
        },
    }


def gap_figures(result: GapResult) -> dict:
    """Hover lines that change only with the lauréats counted or the basis (not the
    threshold), so most repaints leave them out: lauréats and aid, aid per unit."""
    table = result.table.sort_values("code")
    aid = [formatting.millions_eur(v, 2) for v in table["aide"].to_numpy(float)]
    ratios = [formatting.number(v, 2) for v in table["ratio"].to_numpy(float)]
    unit = labels.GAPS_BASIS_SHORT[result.basis]
    lines = [
        pd.Series(
            [formatting.plural(n, "lauréat") for n in table["n_laureats"].to_numpy(int)],
            index=table.index,
        )
        + " · "
        + pd.Series(aid, index=table.index),
        pd.Series(ratios, index=table.index) + "\u00a0" + unit,
    ]
    return {"customdata": np.column_stack([np.asarray(c, dtype=object) for c in lines])}


def gap_trace(result: GapResult, state: GapState, webgl: bool = True):
    encoding = {**gap_locations(result), **gap_encoding(result, state), **gap_figures(result)}
    common = dict(
        geojson=geojson_url(state.level, webgl),
        featureidkey="id",
        zmin=-0.5,
        zmax=len(VERDICTS) - 0.5,
        colorscale=_colorscale(),
        marker={"line": {"width": 0.4, "color": "#ffffff"}},
        hovertemplate=HOVER,
        name=labels.GAPS_TITLE,
        **encoding,
    )
    if webgl:  # under the town names of the offline style
        return go.Choroplethmap(below=PLACES_BELOW, **common)
    return go.Choropleth(**common)


def gap_figure(
    result: GapResult,
    state: GapState,
    laureats: pd.DataFrame,
    clusters: pd.DataFrame,
    links: pd.DataFrame,
    style,
) -> go.Figure:
    """Verdicts, TI outlines, optional pins and clusters, on the offline style."""
    layers = list(state.layers)
    figure = go.Figure(
        [
            gap_trace(result, state),
            *pin_traces(laureats, "pins" in layers),
            *cluster_traces(clusters, links, "clusters" in layers),
            pin_rings(laureats, "pins" in layers),
            ring_legend_key("pins" in layers),
        ]
    )
    layout = map_layout(None, layers, style)  # with département and région borders
    layout["uirevision"] = "funding-gaps"
    figure.update_layout(**layout)
    return figure


def gap_svg_figure(
    result: GapResult, state: GapState, bounds: tuple[float, ...] | None = None
) -> go.Figure:
    """The verdicts as an SVG map, for a browser without WebGL."""
    return svg_figure(gap_trace(result, state, webgl=False), bounds)
