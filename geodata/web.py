"""Web GeoJSON layers: simplified as a coverage, in two ring orientations, pre-compressed.

MapLibre (WebGL) takes RFC 7946 rings (exterior counter-clockwise); plotly's SVG
``geo`` maps use d3, which reads the same rings as "everything but this polygon"
and needs exterior rings clockwise. The ``.cw`` variant is only fetched by
browsers without WebGL. Each file also gets ``.gz`` and ``.br`` twins served as they are
(Brotli at quality 11: the EPCI layer is 0.30 MB against 0.49 MB gzipped).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import geopandas as gpd
import shapely

# 3 decimals (~100 m) is finer than a pixel up to the zoom of a région panel.
LAYER_OPTIONS = {"COORDINATE_PRECISION": 3, "ID_FIELD": "code"}
GRID_SIZE = 0.001


def clockwise_path(path: Path) -> Path:
    return path.with_name(path.name.replace(".geojson", ".cw.geojson"))


def polygons_only(geometries):
    """Valid (multi)polygons: repairing a simplified coverage may leave stray lines that
    plotly cannot fill, so collapsed parts are dropped."""
    return shapely.make_valid(geometries, method="structure", keep_collapsed=False)


def write_web_geojson(frame: gpd.GeoDataFrame, path: Path, tolerance: float) -> int:
    """Write ``frame`` (code, nom, geometry) simplified; return the main file's size in bytes."""
    simplified = shapely.coverage_simplify(frame.geometry.to_numpy(), tolerance)
    # Snap to the written precision here, where validity is kept: GDAL's own rounding
    # would leave self-touching rings that it then "repairs" into polygons plus lines.
    simplified = shapely.set_precision(simplified, GRID_SIZE)
    web = gpd.GeoDataFrame(
        frame[["code", "nom"]].copy(), geometry=polygons_only(simplified), crs=frame.crs
    )
    web.to_file(path, driver="GeoJSON", layer_options={**LAYER_OPTIONS, "RFC7946": "YES"})
    clockwise = web.set_geometry(shapely.orient_polygons(web.geometry.to_numpy(), exterior_cw=True))
    clockwise.to_file(
        clockwise_path(path), driver="GeoJSON", layer_options={**LAYER_OPTIONS, "RFC7946": "NO"}
    )
    write_twins(path, clockwise_path(path))
    return path.stat().st_size


def write_twins(*paths: Path) -> None:
    """The ``.gz`` and ``.br`` twins served as they are (routes.static_files)."""
    for written in paths:
        data = written.read_bytes()
        written.with_name(written.name + ".gz").write_bytes(
            gzip.compress(data, compresslevel=9, mtime=0)
        )
        written.with_name(written.name + ".br").write_bytes(brotli.compress(data, quality=11))


def write_place_names(places: gpd.GeoDataFrame, path: Path) -> int:
    """Points (nom, rang) the offline map style labels, lighter ranks first at low zoom."""
    places[["nom", "rang", "geometry"]].to_file(
        path, driver="GeoJSON", layer_options={"COORDINATE_PRECISION": 4, "RFC7946": "YES"}
    )
    write_twins(path)
    return path.stat().st_size
