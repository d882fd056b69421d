"""Drill-down maps: a région (or the overseas group, one inset per région) and one TI.

Both fit their territory, draw on :func:`offline_style` (no tile, no font from
outside), and reuse the pin and cluster traces of the national map. Région and TI
geometry comes from the static ``/geo/*.geojson`` files; only a TI sheet sends its
own communes, simplified, because no static file holds them.
"""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go

from dashboard.reports.region_summary import Area, RegionSummary, TiSummary, fit_view
from dashboard.text import labels
from dashboard.text.formatting import hover_text, shorten
from layouts.figures.clusters import cluster_traces
from layouts.figures.map_style import ABOVE_ALL, PLACES_BELOW, offline_style
from layouts.figures.national_map import GEOJSON_URLS, geojson_url, line_layer
from layouts.figures.pins import (
    LEGEND_KEY_AXES,
    legend_once,
    pin_geo_traces,
    pin_rings,
    pin_traces,
)

# The frame the view is fitted to: the map column of the panel (see assets/app.css).
REGION_FRAME = (760, 560)
OVERSEAS_COLUMNS = 3
REGION_FILL = "#ffffff"
OUTSIDE = "#e4e4de"  # darker than the app's default map background, so the région stands out
TI_FILL = "rgba(192,57,43,0.10)"
TI_LINE = "#7b241c"
DEP_LINE = "#9a9a9a"
REGION_LINE = "#333333"
# Categorical colours for the EPCI of a TI sheet (light, so pins stay readable).
EPCI_COLOURS = ("#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#d9d2e9", "#fce5cd", "#d0e0e3")
LABEL_LIMIT = 80  # characters of a TI name written on the map


def fit_meta(frames: list[tuple[str, tuple[float, float, float, float]]]) -> dict:
    """``layout.meta`` read by assets/presentation.js to refit each map to its real size
    (the panel's column, a projector in presentation mode); the view computed here is only
    the first guess for ``REGION_FRAME``."""
    return {"fit": [{"subplot": subplot, "bounds": list(bounds)} for subplot, bounds in frames]}


def _fill_layer(level: str, colour: str) -> dict:
    return {
        "sourcetype": "geojson",
        "source": GEOJSON_URLS[level],
        "type": "fill",
        "color": colour,
        "below": PLACES_BELOW,  # under the town names
    }


def region_layers() -> list[dict]:
    """TI perimeters filled and outlined, départements light, régions dark."""
    return [
        _fill_layer("id_ti", TI_FILL),
        line_layer("dep", DEP_LINE, 0.6),
        line_layer("reg", REGION_LINE, 1.6),
        line_layer("id_ti", TI_LINE, 1.4),
    ]


def _region_fill(codes: list[str], subplot: str) -> go.Choroplethmap:
    """The région drawn white on the grey background, so its shape reads at a glance."""
    return go.Choroplethmap(
        below=PLACES_BELOW,  # town names stay readable over the région
        geojson=GEOJSON_URLS["reg"],
        featureidkey="id",
        locations=codes,
        z=[1] * len(codes),
        colorscale=[[0, REGION_FILL], [1, REGION_FILL]],
        showscale=False,
        marker={"line": {"width": 0}},
        hoverinfo="skip",
        subplot=subplot,
        showlegend=False,
    )


def _ti_names(tis: pd.DataFrame, subplot: str) -> go.Scattermap:
    """TI names at the centre of their communes (default font: its glyphs are served)."""
    return go.Scattermap(
        below=ABOVE_ALL,
        lon=tis["lon"].round(4).tolist(),
        lat=tis["lat"].round(4).tolist(),
        mode="text",
        text=shorten(tis["lib_ti"], LABEL_LIMIT).tolist(),
        # No textposition: MapLibre rejects plotly's offset for a text-only trace ("Map error").
        textfont={"size": 12, "color": TI_LINE},
        hoverinfo="skip",
        subplot=subplot,
        showlegend=False,
    )


def _area_traces(summary: RegionSummary, area: Area, subplot: str) -> list:
    in_area = summary.laureats["reg"].to_numpy() == area.code
    rows = summary.laureats if len(summary.areas) == 1 else summary.laureats[in_area]
    lon0, lat0, lon1, lat1 = area.bounds
    tis = summary.tis[
        summary.tis["lon"].between(lon0, lon1) & summary.tis["lat"].between(lat0, lat1)
    ]
    # Pins one by one, as on the annex maps: a région holds at most a few hundred.
    pins = [*pin_traces(rows), pin_rings(rows, clustered=False)]
    for pin in pins:
        pin.update(subplot=subplot, showlegend=False, cluster={"enabled": False})
    codes = list(summary.region_codes) if len(summary.areas) == 1 else [area.code]
    return [_region_fill(codes, subplot), _ti_names(tis, subplot), *pins]


def _legend(summary: RegionSummary) -> dict:
    return {
        "title": {"text": f"<b>{summary.legend_header}</b>"},
        "x": 0.01,
        "xanchor": "left",
        "y": 0.01,
        "yanchor": "bottom",
        "bgcolor": "rgba(255,255,255,0.9)",
        "font": {"size": 12},
    }


def region_figure(summary: RegionSummary) -> go.Figure:
    """The région map, or one inset per overseas région for a group panel."""
    if len(summary.areas) <= 1:
        return _single_area_figure(summary)
    return _insets_figure(summary)


def _single_area_figure(summary: RegionSummary) -> go.Figure:
    width, height = REGION_FRAME
    bounds = summary.areas[0].bounds if summary.areas else (-5.2, 41.3, 9.6, 51.1)
    traces = _area_traces(summary, summary.areas[0], "map") if summary.areas else []
    figure = go.Figure([*traces, *legend_once(traces)])
    figure.update_layout(
        map={
            "style": offline_style(OUTSIDE),
            "layers": region_layers(),
            **fit_view(bounds, width, height),
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend=_legend(summary),
        meta=fit_meta([("map", bounds)]),
        uirevision=f"region-{summary.code}",
        paper_bgcolor="#ffffff",
        **LEGEND_KEY_AXES,
    )
    return figure


def _inset_domains(count: int) -> list[dict]:
    """Grid of ``OVERSEAS_COLUMNS`` columns, first row full, titles above each inset."""
    rows = -(-count // OVERSEAS_COLUMNS)
    gap, title = 0.012, 0.07
    domains = []
    for index in range(count):
        row, column = divmod(index, OVERSEAS_COLUMNS)
        top = 1 - row / rows
        domains.append(
            {
                "x": [column / OVERSEAS_COLUMNS + gap, (column + 1) / OVERSEAS_COLUMNS - gap],
                "y": [top - 1 / rows + gap, top - title],
            }
        )
    return domains


def inset_title(area: Area, domain: dict) -> dict:
    """The name of an overseas région above its inset."""
    return {
        "text": f"<b>{area.name}</b>",
        "x": sum(domain["x"]) / 2,
        "y": domain["y"][1],
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 13},
    }


def _insets_figure(summary: RegionSummary) -> go.Figure:
    width, height = REGION_FRAME
    domains = _inset_domains(len(summary.areas))
    rows = len(domains) // OVERSEAS_COLUMNS + (len(domains) % OVERSEAS_COLUMNS > 0)
    frame = (width / OVERSEAS_COLUMNS, height / rows * 0.85)
    traces, layout, titles = [], {}, []
    for index, (area, domain) in enumerate(zip(summary.areas, domains, strict=True)):
        subplot = "map" if index == 0 else f"map{index + 1}"
        traces += _area_traces(summary, area, subplot)
        layout[subplot] = {
            "style": offline_style(OUTSIDE),
            "layers": region_layers(),
            "domain": domain,
            **fit_view(area.bounds, *frame),
        }
        titles.append(inset_title(area, domain))
    traces += legend_once(traces)
    for trace in traces:
        # Same words as the annex, on two lines, so the legend fits the free cell of the grid.
        if getattr(trace, "legendgroup", None) and trace.name:
            trace.name = trace.name.replace(" « ", "<br>« ")
    figure = go.Figure(traces)
    # The legend fills the free cell of the grid (bottom right).
    legend = _legend(summary) | {"x": 0.68, "xanchor": "left", "y": 0.25, "yanchor": "middle"}
    figure.update_layout(
        **layout,
        annotations=titles,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend=legend,
        meta=fit_meta(
            [
                ("map" if index == 0 else f"map{index + 1}", area.bounds)
                for index, area in enumerate(summary.areas)
            ]
        ),
        uirevision=f"region-{summary.code}",
        paper_bgcolor="#ffffff",
        **LEGEND_KEY_AXES,
    )
    return figure


# --- TI sheet -------------------------------------------------------------------------


def ti_communes_url(id_ti: str, clockwise: bool = False) -> str:
    """Static, cacheable GeoJSON of a TI's communes (served by app.py), never in a response;
    ``clockwise`` rings for the SVG map (see geodata.web)."""
    variant = ".cw" if clockwise else ""
    return f"/geo/ti-communes/{quote(id_ti, safe='')}{variant}.geojson"


def _stepped_scale(steps: int) -> list[list]:
    """One flat colour per EPCI: class k spans [k/steps, (k+1)/steps]."""
    scale = []
    for k in range(steps):
        colour = EPCI_COLOURS[k % len(EPCI_COLOURS)]
        scale += [[k / steps, colour], [(k + 1) / steps, colour]]
    return scale


def epci_fill(summary: TiSummary, webgl: bool) -> go.Choroplethmap | go.Choropleth:
    """The TI's communes, one flat colour per EPCI, named on hover (MapLibre or SVG)."""
    communes = summary.communes
    epci_rank = communes["epci"].astype("category").cat.codes.to_numpy()
    steps = int(epci_rank.max()) + 1 if len(epci_rank) else 1
    epci_names = summary.epci.set_index("code")["nom"]
    hover = hover_text(communes["nom"] + " — " + communes["epci"].map(epci_names).fillna(""))
    hover = hover.tolist()
    trace = go.Choroplethmap if webgl else go.Choropleth
    return trace(
        geojson=ti_communes_url(summary.id_ti, clockwise=not webgl),
        featureidkey="properties.code",
        locations=communes["code"].tolist(),
        z=epci_rank.tolist(),
        zmin=-0.5,
        zmax=steps - 0.5,
        colorscale=_stepped_scale(steps),
        showscale=False,
        marker={"line": {"width": 0.5, "color": "#ffffff"}, "opacity": 0.9 if webgl else 1},
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
        **({"below": PLACES_BELOW} if webgl else {}),
    )


def ti_figure(summary: TiSummary, clusters: pd.DataFrame, links: pd.DataFrame) -> go.Figure:
    """The TI's communes coloured by EPCI, EPCI and TI outlines, its lauréats and clusters."""
    fill = epci_fill(summary, webgl=True)
    pins = [*pin_traces(summary.laureats), pin_rings(summary.laureats, clustered=False)]
    for pin in pins:
        pin.update(cluster={"enabled": False})
    pins += legend_once(pins)
    in_ti = clusters[clusters["id_cluster"].isin(summary.clusters["id_cluster"])]
    its_links = links[links["id_cluster"].isin(in_ti["id_cluster"])]
    figure = go.Figure([fill, *pins, *cluster_traces(in_ti, its_links, True)])
    layers = [line_layer("epci", "#555555", 1.2), line_layer("id_ti", TI_LINE, 2.6)]
    figure.update_layout(
        map={
            "style": offline_style(),
            "layers": layers,
            **fit_view(summary.bounds, *REGION_FRAME),
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={
            "x": 0.01,
            "xanchor": "left",
            "y": 0.01,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.9)",
            "font": {"size": 12},
        },
        meta=fit_meta([("map", summary.bounds)]),
        uirevision=f"ti-{summary.id_ti}",
        **LEGEND_KEY_AXES,
        paper_bgcolor="#ffffff",
    )
    return figure


def enjeu_chart(by_enjeu: pd.DataFrame, n_tis: int) -> go.Figure:
    """Aid per enjeu, this TI against the national average per TI (M€)."""
    frame = by_enjeu.iloc[::-1]
    figure = go.Figure(
        [
            go.Bar(
                y=frame["libelle"],
                x=(frame["aide"] / 1e6).round(2),
                orientation="h",
                name=labels.TI_THIS,
                marker_color="#c0392b",
                hovertemplate="%{y} : %{x:.2f} M€<extra></extra>",
            ),
            go.Bar(
                y=frame["libelle"],
                x=(frame["aide_moyenne"] / 1e6).round(2),
                orientation="h",
                name=labels.TI_AVERAGE.format(n=n_tis),
                marker_color="#95a5a6",
                hovertemplate="%{y} : %{x:.2f} M€<extra></extra>",
            ),
        ]
    )
    figure.update_layout(
        barmode="group",
        separators=", ",
        margin={"l": 0, "r": 10, "t": 10, "b": 30},
        xaxis={"title": {"text": "Aide (M€)"}, "ticksuffix": ""},
        legend={"orientation": "h", "y": -0.25},
        height=80 + 42 * max(len(frame), 1),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return figure


# --- Without WebGL: the same maps in SVG ------------------------------------------------


def _svg_geo(bounds: tuple[float, float, float, float], domain: dict | None = None) -> dict:
    """A plain mercator ``geo`` subplot framing ``bounds`` (a little margin around)."""
    west, south, east, north = bounds
    pad_x, pad_y = (east - west) * 0.04, (north - south) * 0.04
    return {
        "visible": False,
        "projection_type": "mercator",
        "lonaxis_range": [west - pad_x, east + pad_x],
        "lataxis_range": [south - pad_y, north + pad_y],
        "bgcolor": OUTSIDE,
        **({"domain": domain} if domain else {}),
    }


def _svg_fill(level_url: str, codes: list[str], fill: str, line: str, geo: str, **extra):
    """Shapes of ``codes`` in one flat colour, from the clockwise static GeoJSON."""
    return go.Choropleth(
        geojson=level_url,
        featureidkey=extra.pop("featureidkey", "id"),
        locations=codes,
        z=[1] * len(codes),
        colorscale=[[0, fill], [1, fill]],
        showscale=False,
        marker={"line": {"width": extra.pop("width", 1.0), "color": line}},
        geo=geo,
        showlegend=False,
        **({"hoverinfo": "skip"} if "text" not in extra else {}),
        **extra,
    )


def region_svg_figure(summary: RegionSummary) -> go.Figure:
    """The région map (or the overseas insets) in SVG: région, TI perimeters, pins."""
    areas = summary.areas or (Area(summary.code, summary.name, (-5.2, 41.3, 9.6, 51.1)),)
    domains = _inset_domains(len(areas)) if len(areas) > 1 else [None]
    traces, layout = [], {}
    ti_codes = summary.tis["id_ti"].tolist() if "id_ti" in summary.tis else []
    for index, (area, domain) in enumerate(zip(areas, domains, strict=True)):
        geo = "geo" if index == 0 else f"geo{index + 1}"
        layout[geo] = _svg_geo(area.bounds, domain)
        codes = list(summary.region_codes) if len(areas) == 1 else [area.code]
        in_area = summary.laureats["reg"].isin(codes).to_numpy()
        traces += [
            _svg_fill(geojson_url("reg", webgl=False), codes, REGION_FILL, REGION_LINE, geo),
            _svg_fill(geojson_url("id_ti", webgl=False), ti_codes, TI_FILL, TI_LINE, geo),
            *pin_geo_traces(summary.laureats[in_area], geo),
        ]
    legend_once(traces)  # SVG rings have their own outline: no legend key to add
    legend = _legend(summary)
    titles = []
    if len(areas) > 1:  # the free cell of the grid, as on the WebGL insets
        legend |= {"x": 0.68, "xanchor": "left", "y": 0.25, "yanchor": "middle"}
        titles = [inset_title(a, d) for a, d in zip(areas, domains, strict=True)]
    figure = go.Figure(traces)
    figure.update_layout(
        **layout,
        annotations=titles,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend=legend,
        paper_bgcolor="#ffffff",
        uirevision=f"region-svg-{summary.code}",
    )
    return figure


def ti_svg_figure(summary: TiSummary) -> go.Figure:
    """The TI sheet's map in SVG: communes coloured by EPCI, and its lauréats."""
    fill = epci_fill(summary, webgl=False)
    pins = pin_geo_traces(summary.laureats)
    legend_once(pins)
    figure = go.Figure([fill, *pins])
    figure.update_layout(
        geo=_svg_geo(summary.bounds),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={"x": 0.01, "xanchor": "left", "y": 0.01, "yanchor": "bottom"},
        paper_bgcolor="#ffffff",
        uirevision=f"ti-svg-{summary.id_ti}",
    )
    return figure
