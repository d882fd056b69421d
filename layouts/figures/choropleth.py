"""Classed choropleth of one metric at one territorial level.

One trace whose ``z`` is the class number: a filter change only re-sends
``z`` and the hover values (a small ``Patch``), never geometry, which the
browser fetches once from a static GeoJSON URL.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.classify import class_breaks, classify
from dashboard.text import formatting, labels
from dashboard.text.formatting import hover_text
from layouts.figures.map_style import PLACES_BELOW

NO_DATA_COLOUR = "#e6e6e6"
CLASS_COLOURS = ("#d0e1f2", "#94c4df", "#4a98c9", "#1764ab", "#08306b")
MONEY_METRICS = ("montant_aide", "investissement")
PLURAL_UNITS = ("lauréats", "emplois")
MAX_CLASSES = len(CLASS_COLOURS)
INTEGER_METRICS = ("n_laureats", "emplois_prevus")
PER_CAPITA_SUFFIX = " " + labels.PER_10000_SHORT
PER_10000 = 10_000  # queries give per-capita values per 10,000 inhabitants
# The legend sits inside the map, top left, so an exported PNG carries it.
COLORBAR_STYLE = {
    "x": 0.01,
    "xanchor": "left",
    "y": 0.98,
    "yanchor": "top",
    "len": 0.5,
    "thickness": 14,
    "bgcolor": "rgba(255,255,255,0.85)",
    "outlinewidth": 0,
}


def format_values(
    values: pd.Series, metric: str, per_capita: bool = False, decimals: int | None = None
) -> pd.Series:
    """Each value in the metric's French unit: "12,3 M€", "1 966 emplois", "4 lauréats";
    ``decimals`` overrides the unit's usual precision."""
    if metric in MONEY_METRICS and per_capita:  # people say « € par habitant »
        scaled, unit = values / PER_10000, labels.PER_INHABITANT
    elif metric in MONEY_METRICS:
        scaled, unit = values / 1e6, "M€"
    else:
        scaled, unit = values, labels.METRIC_UNITS[metric]
    decimals = usual_decimals(metric, per_capita) if decimals is None else decimals
    numbers = [formatting.number(v, decimals) for v in scaled.to_numpy(dtype=float)]
    text = pd.Series(numbers, index=values.index, dtype=object) + f"\u00a0{unit}"
    if unit in PLURAL_UNITS:  # "1 lauréat", "2 lauréats"
        text = text.where(scaled.abs() >= 2, text.str.removesuffix("s"))
    text = text + (PER_CAPITA_SUFFIX if per_capita and metric not in MONEY_METRICS else "")
    return text.where(values.notna(), labels.NOT_GIVEN)


def class_labels(breaks: list[float], metric: str, per_capita: bool) -> list[str]:
    """Legend text of each class, "Aucun lauréat" first.

    Counts are integers, so a class of counts starts one above the previous bound
    ("3 à 5 lauréats"); other values read "plus de x à y".
    """
    integer = metric in INTEGER_METRICS and not per_capita
    decimals = distinct_decimals(breaks, metric, per_capita)
    # The legend title says "pour 10 000 habitants" or "€ par habitant": the classes
    # need not repeat it.
    uppers = (
        format_values(pd.Series(breaks, dtype=float), metric, per_capita, decimals)
        .str.removesuffix(PER_CAPITA_SUFFIX)
        .str.replace(labels.PER_INHABITANT, "€")
        .tolist()
    )
    lowers = pd.Series([0.0, *breaks[:-1]], dtype=float) + (1 if integer else 0)
    lower_numbers = format_values(lowers, metric, per_capita, decimals).str.split("\u00a0").str[0]
    texts = [labels.NO_LAUREAT]
    for i, upper in enumerate(uppers):
        if integer and lowers[i] == breaks[i]:
            texts.append(upper)
        elif integer:
            texts.append(f"{lower_numbers[i]} à {upper}")
        elif i == 0:
            texts.append(f"jusqu'à {upper}")
        else:
            texts.append(f"plus de {lower_numbers[i]} à {upper}")
    return texts


def distinct_decimals(breaks: list[float], metric: str, per_capita: bool) -> int | None:
    """The fewest decimals (from the unit's usual ones) at which no two bounds read alike:
    never « plus de 0,1 à 0,1 M€ »."""
    usual = usual_decimals(metric, per_capita)
    for decimals in range(usual, usual + 4):
        shown = format_values(pd.Series(breaks, dtype=float), metric, per_capita, decimals)
        if shown.nunique() == len(breaks):
            return decimals
    return None


def usual_decimals(metric: str, per_capita: bool) -> int:
    if metric in MONEY_METRICS:
        return 2 if per_capita else 1
    return 2 if per_capita else 0


def _colorscale(n_classes: int) -> list[list]:
    """Stepped scale: class k occupies [k/(n+1), (k+1)/(n+1)]."""
    colours = [NO_DATA_COLOUR, *CLASS_COLOURS[:n_classes]]
    steps = len(colours)
    scale = []
    for k, colour in enumerate(colours):
        scale += [[k / steps, colour], [(k + 1) / steps, colour]]
    return scale


def choropleth_encoding(values: pd.Series, metric: str, per_capita: bool) -> dict:
    """The parts of the trace that change with the filters (sent as a Patch)."""
    breaks = class_breaks(values, MAX_CLASSES)
    classes = classify(values, breaks)
    rank = values.rank(ascending=False, method="min")
    rank_text = np.where(values > 0, rank.astype(int).astype(str) + f" / {len(values)}", "–")
    n = len(breaks)
    return {
        "z": classes.to_numpy(),
        "customdata": np.column_stack([format_values(values, metric, per_capita), rank_text]),
        "zmin": -0.5,
        "zmax": n + 0.5,
        "colorscale": _colorscale(n),
        "colorbar": {
            **COLORBAR_STYLE,
            "tickvals": list(range(n + 1)),
            "ticktext": class_labels(breaks, metric, per_capita),
            "title": {"text": legend_title(metric, per_capita), "side": "top"},
        },
    }


def legend_title(metric: str, per_capita: bool) -> str:
    if per_capita and metric in MONEY_METRICS:
        return f"{labels.METRICS[metric]}<br>({labels.PER_INHABITANT})"
    title = labels.LEGEND_TITLES[metric]
    return f"{title}<br>{labels.PER_10000}" if per_capita else title


def choropleth_trace(
    values: pd.Series,
    names: pd.Series,
    metric: str,
    per_capita: bool,
    geojson_url: str,
    webgl: bool = True,
) -> go.Choroplethmap | go.Choropleth:
    """The full trace; ``webgl=False`` gives an SVG trace for browsers without WebGL."""
    encoding = choropleth_encoding(values, metric, per_capita)
    common = dict(
        geojson=geojson_url,
        featureidkey="id",  # the web GeoJSON layers carry the territory code as feature id
        locations=values.index.to_numpy(dtype=object),
        text=hover_text(names.reindex(values.index)).to_numpy(dtype=object),
        marker={"line": {"width": 0.4, "color": "#ffffff"}},
        hovertemplate="<b>%{text}</b><br>%{customdata[0]}<br>Rang : %{customdata[1]}"
        "<extra></extra>",
        name=labels.METRICS[metric],
        **encoding,
    )
    if webgl:  # under the town names of the offline style
        return go.Choroplethmap(below=PLACES_BELOW, **common)
    return go.Choropleth(**common)
