"""The MapLibre map driven by ``assets/map/ti_map.mjs``: its style, and the data it applies.

The contract between Dash and the map is one ``dcc.Store`` per map (id ``<map id>-data``)
holding a dict, applied by the module's clientside function ``tiMap.apply``:

- ``style``: a whole MapLibre style, sent once with the page: territories from the
  app's vector tiles, the TIs and town names from its GeoJSON, glyphs from its assets;
- ``choropleth``: the level shown and, per territory code, its class number, value text
  and rank (only the codes that differ from ``default``: a national commune map sends
  the few hundred communes with lauréats, not 34,875). The browser recolours by
  feature state: geometry never travels after the tiles;
- ``pins``: the lauréats inside and outside a TI, as columns (clustered in the browser);
- ``poles``: clusters and pôles, and their links to territories;
- ``view``: where to look (``bounds`` or ``center`` and ``zoom``), with a number that
  changes when the map must move again;
- ``layers``: the switchable layers shown (``pins``, ``ti``, ``clusters``).

Callbacks send a ``Patch`` of this dict: only the parts that changed. Back from the map,
clicks and the view go to the stores ``<map id>-click`` and ``<map id>-view``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.classify import class_breaks, classify
from dashboard.text import labels
from dashboard.text.formatting import HOVER_LIMIT, shorten, shorten_one
from layouts.figures.choropleth import (
    CLASS_COLOURS,
    MAX_CLASSES,
    NO_DATA_COLOUR,
    class_labels,
    format_values,
    legend_title,
)
from layouts.figures.clusters import (
    APPROXIMATE_KEY_COLOUR,
    KIND_COLOURS,
    LINK_COLOUR,
    OTHER_COLOUR,
)
from layouts.figures.map_style import (
    BACKGROUND,
    PLACES_SOURCE,
    PLACES_URL,
    glyphs_url,
    place_name_layers,
)
from layouts.figures.national_map import DEPARTEMENT_BORDER, GEOJSON_URLS, REGION_BORDER
from layouts.figures.pins import PIN_DETAIL_LIMIT, PIN_STYLES, commune_pins

TILES_SOURCE = "territoires"
TILES_URL = "/tuiles/territoires.pmtiles"
COMMUNES_SOURCE = "communes"  # a file of their own: see geodata/tiles.py
COMMUNES_URL = "/tuiles/communes.pmtiles"
TI_SOURCE = "ti"
# Map level -> (source, layer inside the vector tiles); TIs come from the version's GeoJSON.
LEVEL_SOURCES = {
    "commune": (COMMUNES_SOURCE, "communes"),
    "epci": (TILES_SOURCE, "epci"),
    "dep": (TILES_SOURCE, "departements"),
    "reg": (TILES_SOURCE, "regions"),
    "id_ti": (TI_SOURCE, None),
}
METROPOLE_BOUNDS = (-5.2, 41.3, 9.6, 51.1)
PIN_SOURCES = {True: "pins-in", False: "pins-out"}
CLUSTER_MAX_ZOOM = 9
TI_OUTLINE = ("#222222", 1.2)


def class_colour() -> list:
    """Fill colour from the feature state ``c`` (class number; no state: no lauréat)."""
    expression: list = ["match", ["to-number", ["coalesce", ["feature-state", "c"], 0]]]
    for number, colour in enumerate(CLASS_COLOURS, start=1):
        expression += [number, colour]
    return [*expression, NO_DATA_COLOUR]


def hovered(on, off) -> list:
    return ["case", ["boolean", ["feature-state", "hover"], False], on, off]


def source_of(level: str) -> dict:
    source, layer = LEVEL_SOURCES[level]
    return {"source": source, **({"source-layer": layer} if layer else {})}


def outline_width(level: str) -> list:
    """Thick under the pointer; commune outlines appear as one zooms in (at the national
    view they would grey the map). A zoom expression must be the outermost one."""
    if level != "commune":
        return hovered(2.2, 0.4)
    steps = ((6, 0), (8, 0.3), (10, 0.6))
    return [
        "interpolate",
        ["linear"],
        ["zoom"],
        *[v for z, w in steps for v in (z, hovered(2.2, w))],
    ]


def territory_layers(level: str) -> list[dict]:
    """Fill and outline of one level, hidden unless it is the level shown."""
    visibility = {"visibility": "none"}
    return [
        {
            "id": f"fill-{level}",
            "type": "fill",
            **source_of(level),
            "layout": visibility,
            "paint": {"fill-color": class_colour(), "fill-opacity": 0.92},
        },
        {
            "id": f"outline-{level}",
            "type": "line",
            **source_of(level),
            "layout": visibility,
            "paint": {
                "line-color": hovered("#111111", "#ffffff"),
                "line-width": outline_width(level),
            },
        },
    ]


def border_layer(level: str, colour: str, width: float) -> dict:
    return {
        "id": f"border-{level}",
        "type": "line",
        **source_of(level),
        "paint": {"line-color": colour, "line-width": width},
    }


def pin_layers(inside: bool) -> list[dict]:
    """Clusters and pins of one style: a filled disc inside a TI, a ring outside."""
    colour = PIN_STYLES[inside]["color"]
    source = PIN_SOURCES[inside]
    centre = colour if inside else "#ffffff"
    return [
        {
            "id": f"{source}-clusters",
            "type": "circle",
            "source": source,
            "filter": ["has", "point_count"],
            "paint": {
                "circle-color": centre,
                "circle-opacity": 0.85,
                "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 50, 22],
                "circle-stroke-color": colour if not inside else "#ffffff",
                "circle-stroke-width": 1 if inside else 3.5,
            },
        },
        {
            "id": f"{source}-counts",
            "type": "symbol",
            "source": source,
            "filter": ["has", "point_count"],
            "layout": {
                "text-field": ["get", "point_count_abbreviated"],
                "text-font": ["Open Sans Semibold"],
                "text-size": 11,
                "text-allow-overlap": True,
            },
            "paint": {"text-color": "#ffffff" if inside else "#7a4a00"},
        },
        {
            "id": source,
            "type": "circle",
            "source": source,
            "filter": ["!", ["has", "point_count"]],
            "paint": {
                "circle-color": centre,
                "circle-radius": 5 if inside else 4,
                "circle-stroke-color": "#ffffff" if inside else colour,
                "circle-stroke-width": 1 if inside else 2.5,
            },
        },
    ]


def empty_geojson(**options) -> dict:
    return {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}, **options}


def map_style() -> dict:
    """The whole style: every layer of every level, shown or hidden by ``tiMap.apply``."""
    pins = {"cluster": True, "clusterMaxZoom": CLUSTER_MAX_ZOOM, "clusterRadius": 40}
    return {
        "version": 8,
        "name": "Territoires d'industrie, hors ligne",
        # ti_map.mjs loads these itself (the feature id becomes the ``code`` property).
        "metadata": {"ti:geojson": {TI_SOURCE: GEOJSON_URLS["id_ti"]}},
        "glyphs": glyphs_url(),
        "sources": {
            TILES_SOURCE: {"type": "vector", "url": TILES_URL, "promoteId": "code"},
            COMMUNES_SOURCE: {"type": "vector", "url": COMMUNES_URL, "promoteId": "code"},
            TI_SOURCE: empty_geojson(promoteId="code"),
            PLACES_SOURCE: {"type": "geojson", "data": PLACES_URL},
            "poles-links": empty_geojson(),
            "poles": empty_geojson(),
            **{name: empty_geojson(**pins) for name in PIN_SOURCES.values()},
        },
        "layers": [
            {"id": "background", "type": "background", "paint": {"background-color": BACKGROUND}},
            *[layer for level in LEVEL_SOURCES for layer in territory_layers(level)],
            border_layer("dep", *DEPARTEMENT_BORDER),
            border_layer("reg", *REGION_BORDER),
            {
                "id": "ti-outline",
                "type": "line",
                "source": TI_SOURCE,
                "paint": {"line-color": TI_OUTLINE[0], "line-width": TI_OUTLINE[1]},
            },
            *place_name_layers(),
            {
                "id": "poles-links",
                "type": "line",
                "source": "poles-links",
                "paint": {"line-color": LINK_COLOUR, "line-width": 1.5},
            },
            {
                "id": "poles",
                "type": "circle",
                "source": "poles",
                # A colour per kind; a cluster placed on its territory (no commune in the
                # source) is paler with a thick rim: « localisation approchée ».
                "paint": {
                    "circle-color": [
                        "match",
                        ["get", "k"],
                        *[item for pair in KIND_COLOURS.items() for item in pair],
                        OTHER_COLOUR,
                    ],
                    "circle-opacity": ["case", ["get", "a"], 0.45, 0.9],
                    "circle-radius": 6.5,
                    "circle-stroke-color": ["case", ["get", "a"], "#333333", "#ffffff"],
                    "circle-stroke-width": ["case", ["get", "a"], 1.5, 1],
                },
            },
            *pin_layers(True),
            *pin_layers(False),
        ],
    }


def legend(breaks: list[float], metric: str, per_capita: bool) -> dict:
    return {
        "title": legend_title(metric, per_capita).replace("<br>", " "),
        "labels": class_labels(breaks, metric, per_capita),
        "colours": [NO_DATA_COLOUR, *CLASS_COLOURS[: len(breaks)]],
    }


def choropleth_payload(values: pd.Series, level: str, metric: str, per_capita: bool) -> dict:
    """Class, value text and rank of every territory that differs from the usual one."""
    breaks = class_breaks(values, MAX_CLASSES)
    classes = classify(values, breaks).astype(int)
    texts = format_values(values, metric, per_capita)
    rank = values.rank(ascending=False, method="min")
    ranks = pd.Series(
        np.where(values > 0, rank.fillna(0).astype(int).astype(str) + f" / {len(values)}", "–"),
        index=values.index,
    )
    table = pd.DataFrame({"c": classes, "t": texts, "r": ranks})
    default = table[table["c"] == 0][["t", "r"]].value_counts().idxmax() if len(table) else None
    if default is None:
        default = (labels.NOT_GIVEN, "–")
    shown = table[(table["c"] != 0) | (table["t"] != default[0]) | (table["r"] != default[1])]
    return {
        "level": level,
        "codes": shown.index.astype(str).tolist(),
        "classes": shown["c"].tolist(),
        "texts": shown["t"].tolist(),
        "ranks": shown["r"].tolist(),
        "default": list(default),
        "legend": legend(breaks, metric, per_capita),
    }


def rounded(column: pd.Series) -> list[float]:
    return column.astype(float).round(4).tolist()


def pin_card(row: dict) -> list[str]:
    """What a pin shows on hover, as plain text lines (the browser writes them as text)."""
    title = str(row.get("beneficiaire") or "")
    if row.get("fictif") is True:
        title += f" ({labels.SYNTHETIC})"
    ti = row.get("lib_ti") if isinstance(row.get("lib_ti"), str) else labels.OUT_TI_SHORT

    def shown(column: str) -> str:
        return format_values(pd.Series([row.get(column)], dtype=float), column).iloc[0]

    jobs = row.get("emplois_prevus")
    jobs_text = (
        f"{shown('emplois_prevus')} prévus"
        if jobs is not None and not pd.isna(jobs)
        else f"emplois prévus : {labels.NOT_GIVEN}"
    )
    lines = [
        title,
        f"{row.get('commune') or ''} – {ti}",
        str(row.get("programme") or ""),
        f"Aide : {shown('montant_aide')} · Investissement : {shown('investissement')}",
        jobs_text,
    ]
    return [shorten_one(line, HOVER_LIMIT) for line in lines]


def pin_columns(rows: pd.DataFrame, grouped: bool) -> dict:
    """Positions and ids; a pin's card is fetched when it is hovered (/carte/laureat/<id>).
    Grouped pins (one per commune) carry their number of lauréats instead of an id."""
    columns = {"lon": rounded(rows["lon"]), "lat": rounded(rows["lat"])}
    if grouped:
        columns["n"] = rows["n"].astype(int).tolist()
    else:
        columns["id"] = rows["id_laureat"].astype(str).tolist()
    return columns


def pins_payload(laureats: pd.DataFrame) -> dict:
    """Pins inside and outside a TI; above ``PIN_DETAIL_LIMIT`` rows, one per commune."""
    located = laureats[laureats["lon"].notna() & laureats["lat"].notna()]
    grouped = len(laureats) > PIN_DETAIL_LIMIT
    payload = {}
    for inside, key in ((True, "in"), (False, "out")):
        rows = located[located["dans_ti"].to_numpy(dtype=bool) == inside]
        payload[key] = pin_columns(commune_pins(rows) if grouped else rows, grouped)
    return payload


def poles_payload(clusters: pd.DataFrame, links: pd.DataFrame) -> dict:
    """Clusters and pôles, and their documented links to territories (static per version)."""

    def text(name: str) -> list[str]:
        if name not in clusters:
            return [""] * len(clusters)
        return shorten(clusters[name].fillna(""), HOVER_LIMIT).tolist()

    kinds = clusters["type"].fillna("autre").astype(str)
    approximate = clusters.get("approchee", pd.Series(False, index=clusters.index))
    place = (
        approximate.fillna(False)
        .astype(bool)
        .map({True: f" ({labels.CLUSTER_APPROXIMATE})", False: ""})
    )
    owner = {code: i for i, code in enumerate(clusters["id_cluster"].astype(str))}
    present = [kind for kind in KIND_COLOURS if kind in set(kinds)]
    return {
        "id": clusters["id_cluster"].astype(str).tolist(),
        "lon": rounded(clusters["lon"]),
        "lat": rounded(clusters["lat"]),
        "name": text("nom"),
        "type": (kinds + place).tolist(),
        "kind": kinds.tolist(),
        "approx": approximate.fillna(False).astype(bool).tolist(),
        "filieres": text("filieres"),
        "links_text": text("liens_texte"),
        "links": links[["lon0", "lat0", "lon1", "lat1"]].astype(float).round(4).values.tolist(),
        "link_owner": [owner.get(str(code), -1) for code in links["id_cluster"]],
        "legend": [
            {"label": labels.CLUSTER_KINDS_PLURAL[kind].capitalize(), "colour": KIND_COLOURS[kind]}
            for kind in present
        ]
        + (
            [{"label": labels.CLUSTER_APPROXIMATE_KEY, "colour": APPROXIMATE_KEY_COLOUR}]
            if approximate.fillna(False).any()
            else []
        ),
    }


def view_payload(
    view: tuple[float, float, float] | None, bounds: tuple | None, number: int = 0
) -> dict:
    """A view from the URL (lat, lon, zoom) first; else the chosen places; else France."""
    if view is not None:
        lat, lon, zoom = view
        return {"center": [lon, lat], "zoom": zoom, "n": number}
    box = bounds if bounds is not None else METROPOLE_BOUNDS
    return {"bounds": [float(v) for v in box], "n": number}
