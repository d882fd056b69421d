"""Project pins in two styles, "dans" / "en dehors d'un Territoire d'industrie", clustered."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import labels
from dashboard.formatting import hover_text
from layouts.figures.choropleth import format_values

PIN_STYLES = {
    True: {"name": labels.IN_TI, "color": "#c0392b"},
    False: {"name": labels.OUT_TI, "color": "#f39c12"},
}
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
    traces = []
    for inside, style in PIN_STYLES.items():
        traces.append(
            go.Scattermap(
                mode="markers",
                name=style["name"],
                marker={"size": 9, "color": style["color"]},
                cluster={
                    "enabled": True,
                    "color": style["color"],
                    "opacity": 0.75,
                    "size": [12, 16, 22],
                    "step": [10, 50],
                    "maxzoom": 9,
                },
                hovertemplate=HOVER,
                visible=visible,
                showlegend=True,
                **pin_encoding(laureats, inside),
            )
        )
    return traces


def pin_geo_traces(laureats: pd.DataFrame, geo: str = "geo") -> list[go.Scattergeo]:
    """The same two pin styles drawn in SVG (plotly ``geo``), for browsers without WebGL."""
    return [
        go.Scattergeo(
            mode="markers",
            name=style["name"],
            marker={"size": 8, "color": style["color"], "line": {"width": 0.6, "color": "#fff"}},
            hovertemplate=HOVER,
            geo=geo,
            legendgroup="dans" if inside else "hors",
            showlegend=False,
            **pin_encoding(laureats, inside),
        )
        for inside, style in PIN_STYLES.items()
    ]
