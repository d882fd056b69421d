"""Project pins in two styles, "dans" / "en dehors d'un Territoire d'industrie", clustered.

The two styles differ by shape as well as colour, for readers who cannot tell red from
orange: a filled disc inside a TI, a ring outside. MapLibre circles have no outline in
plotly, so the ring is the orange pins with white centres drawn over them (``pin_rings``,
the same points clustered alike); the legend, which draws every map marker as a plain
disc, gets its ring from a legend-only marker (``ring_legend_key``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.text import labels
from dashboard.text.formatting import hover_text
from layouts.figures.choropleth import format_values
from layouts.figures.map_style import ABOVE_ALL

PIN_STYLES = {
    True: {"name": labels.IN_TI, "color": "#c0392b", "group": "dans"},
    False: {"name": labels.OUT_TI, "color": "#f39c12", "group": "hors"},
}
PIN_SIZE = 10
RING_CENTRE = {"size": 5, "color": "#ffffff"}
CLUSTER_SIZES = [12, 16, 22]  # radii (px) of cluster circles by point count
CLUSTER_STEPS = [10, 50]
RING_CLUSTER_SIZES = [5, 7, 10]
PIN_DETAIL_LIMIT = 5_000
HOVER = (
    "<b>%{customdata[1]}</b>%{customdata[8]}<br>%{customdata[2]} – %{customdata[3]}"
    "<br>%{customdata[4]}<br>Aide : %{customdata[5]} · Investissement : %{customdata[6]}"
    "<br>%{customdata[7]}<extra></extra>"
)


def pin_hover_data(laureats: pd.DataFrame) -> np.ndarray:
    """customdata columns: id, beneficiary, commune, TI, programme, aid, investment, jobs, flag."""
    ti = laureats["lib_ti"].fillna("hors Territoire d'industrie")
    jobs = laureats["emplois_prevus"]
    jobs_text = (format_values(jobs, "emplois_prevus") + " prévus").where(
        jobs.notna(), "emplois prévus : " + labels.NOT_GIVEN
    )
    columns = [
        laureats["id_laureat"].astype(str),
        hover_text(laureats["beneficiaire"]),
        laureats["commune"].fillna(""),
        hover_text(ti),
        hover_text(laureats["programme"]),
        format_values(laureats["montant_aide"], "montant_aide"),
        format_values(laureats["investissement"], "investissement"),
        jobs_text,
        np.where(laureats["fictif"].fillna(False).astype(bool), f" <i>({labels.SYNTHETIC})</i>", "")
        if "fictif" in laureats
        else np.full(len(laureats), ""),
    ]
    # A numpy array, not nested lists: plotly validates lists element by element (slow).
    return np.column_stack([np.asarray(c, dtype=object) for c in columns])


def commune_pins(laureats: pd.DataFrame) -> pd.DataFrame:
    """One pin per commune summing its lauréats: what a browser can draw at 100,000 rows."""
    grouped = laureats.groupby(["code_commune", "dans_ti"], sort=False)
    pins = grouped.agg(
        n=("id_laureat", "size"),
        commune=("commune", "first"),
        lib_ti=("lib_ti", "first"),
        lon=("lon", "first"),
        lat=("lat", "first"),
        montant_aide=("montant_aide", "sum"),
        investissement=("investissement", "sum"),
        emplois_prevus=("emplois_prevus", "sum"),
    ).reset_index()
    pins["id_laureat"] = ""  # no single project to open on click
    pins["beneficiaire"] = format_values(pins["n"].astype(float), "n_laureats")
    pins["programme"] = "projets regroupés par commune"
    pins["fictif"] = False
    return pins


def pin_encoding(laureats: pd.DataFrame, inside: bool) -> dict:
    """Position and hover data of one pin trace (the part a filter change re-sends).

    Above ``PIN_DETAIL_LIMIT`` rows the pins are grouped by commune: the cluster
    circles look the same, and the response stays small at 100,000 lauréats.
    """
    rows = laureats[laureats["dans_ti"].to_numpy(dtype=bool) == inside]
    if len(laureats) > PIN_DETAIL_LIMIT:
        rows = commune_pins(rows)
    return {
        "lon": rows["lon"].round(4).to_numpy(),
        "lat": rows["lat"].round(4).to_numpy(),
        "customdata": pin_hover_data(rows),
    }


def pin_traces(laureats: pd.DataFrame, visible: bool = True) -> list[go.Scattermap]:
    """The two pin traces (in, out of a TI); ``pin_rings`` goes over them, later."""
    traces = []
    for inside, style in PIN_STYLES.items():
        traces.append(
            go.Scattermap(
                below=ABOVE_ALL,
                mode="markers",
                name=style["name"],
                legendgroup=style["group"],
                legendrank=1 if inside else 2,
                marker={"size": PIN_SIZE if inside else PIN_SIZE + 1, "color": style["color"]},
                cluster={
                    "enabled": True,
                    "color": style["color"],
                    "opacity": 0.8,
                    "size": CLUSTER_SIZES,
                    "step": CLUSTER_STEPS,
                    "maxzoom": 9,
                },
                hovertemplate=HOVER,
                visible=visible,
                # The legend's ring comes from ring_legend_key.
                showlegend=inside,
                **pin_encoding(laureats, inside),
            )
        )
    return traces


def ring_encoding(laureats: pd.DataFrame) -> dict:
    """Positions of the ring centres: the out-of-TI pins' (a filter change re-sends them)."""
    encoding = pin_encoding(laureats, False)
    return {"lon": encoding["lon"], "lat": encoding["lat"]}


def pin_rings(laureats: pd.DataFrame, visible: bool = True, clustered: bool = True):
    """White centres over the out-of-TI pins and their clusters: rings, not discs."""
    return go.Scattermap(
        below=ABOVE_ALL,
        mode="markers",
        marker=RING_CENTRE,
        cluster={
            "enabled": clustered,
            "color": RING_CENTRE["color"],
            "opacity": 1,
            "size": RING_CLUSTER_SIZES,
            "step": CLUSTER_STEPS,
            "maxzoom": 9,
        },
        hoverinfo="skip",
        legendgroup=PIN_STYLES[False]["group"],
        showlegend=False,
        visible=visible,
        **ring_encoding(laureats),
    )


def ring_legend_key(visible: bool = True) -> go.Scatter:
    """The legend entry of the out-of-TI pins, drawn as the ring the map shows.

    A marker-less cartesian trace on a 1-pixel axis pair in a corner: plotly draws its
    legend symbol (an open circle) but nothing on the map, and toggling it toggles the
    legend group (the pins and their rings)."""
    style = PIN_STYLES[False]
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=style["name"],
        legendgroup=style["group"],
        legendrank=2,
        marker={
            "symbol": "circle",
            "size": PIN_SIZE + 1,
            "color": RING_CENTRE["color"],
            "line": {"color": style["color"], "width": 3.5},
        },
        hoverinfo="skip",
        visible=visible,
        xaxis="x",
        yaxis="y",
    )


# The axis pair of ring_legend_key: invisible, one pixel, inert.
LEGEND_KEY_AXES = {
    axis: {"visible": False, "domain": [0, 0.001], "fixedrange": True}
    for axis in ("xaxis", "yaxis")
}


def legend_once(traces: list) -> list:
    """One legend entry per pin style, on the first trace (inset) that has such pins:
    plotly hides the entry of an empty trace, and the legend group still toggles every
    inset. Returns what to add to the figure: the ring's legend key for map pins."""
    seen: set[str] = set()
    extra = []
    for trace in traces:
        group = getattr(trace, "legendgroup", None)
        if not group or group in seen or trace.lon is None or not len(trace.lon):
            continue
        seen.add(group)
        if trace.type == "scattermap" and group == PIN_STYLES[False]["group"]:
            extra.append(ring_legend_key())
        else:
            trace.showlegend = True
    return extra


def _geo_marker(inside: bool) -> dict:
    """SVG markers have outlines: a white-edged disc inside a TI, a ring outside."""
    color = PIN_STYLES[inside]["color"]
    if inside:
        return {"size": 8, "color": color, "line": {"width": 0.6, "color": "#fff"}}
    return {"size": 8, "color": RING_CENTRE["color"], "line": {"width": 2.6, "color": color}}


def pin_geo_traces(laureats: pd.DataFrame, geo: str = "geo") -> list[go.Scattergeo]:
    """The same two pin styles drawn in SVG (plotly ``geo``), for browsers without WebGL."""
    return [
        go.Scattergeo(
            mode="markers",
            name=style["name"],
            marker=_geo_marker(inside),
            hovertemplate=HOVER,
            geo=geo,
            legendgroup=style["group"],
            showlegend=False,
            **pin_encoding(laureats, inside),
        )
        for inside, style in PIN_STYLES.items()
    ]
