"""Territorial hierarchy: commune -> EPCI -> département -> région, and point location.

Built on the reference geography of ``geodata`` (built once, then read from
GeoParquet). Codes are strings everywhere ("2A004", "01053").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import paths

LEVELS = ("commune", "epci", "dep", "reg")
# Overseas régions (INSEE codes) grouped in the report's "Outre-mer" panel.
OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")
REGION_GROUPS = {"outre-mer": OVERSEAS_REGIONS}
# Overseas régions open the report's grouped panel ("outre-mer").
PANEL_OF_REGION = {code: group for group, codes in REGION_GROUPS.items() for code in codes}


@dataclass
class Geography:
    """Reference communes and the layers they dissolve into."""

    communes_gdf: gpd.GeoDataFrame
    points: gpd.GeoDataFrame
    epci: pd.DataFrame
    departements: pd.DataFrame
    regions: pd.DataFrame
    vintage: str
    _layers: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls) -> Geography:
        """Read the built layers, building them first if they are missing (the build
        module, heavy, is imported only then)."""
        if not paths.is_built():
            from geodata.build import build

            build(force=False)
        report = json.loads(paths.report_path().read_text(encoding="utf-8"))
        out = paths.build_dir()
        communes = gpd.read_parquet(out / "communes.parquet")
        points = gpd.read_parquet(out / "commune_points.parquet")
        tables = {
            level: gpd.read_parquet(out / f"{level}.parquet").drop(columns="geometry")
            for level in ("epci", "departements", "regions")
        }
        return cls(
            communes,
            points,
            tables["epci"],
            tables["departements"],
            tables["regions"],
            report["vintage"],
        )

    @cached_property
    def communes(self) -> pd.DataFrame:
        """Communes without geometry, indexed 0..n-1, with their centre point."""
        frame = pd.DataFrame(self.communes_gdf.drop(columns="geometry"))
        centre = self.points.set_index("code").geometry.reindex(frame["code"])
        frame["lon"] = centre.x.to_numpy()
        frame["lat"] = centre.y.to_numpy()
        return frame

    @cached_property
    def _code_index(self) -> pd.Index:
        return pd.Index(self.communes["code"])

    def is_known_commune(self, codes: pd.Series) -> np.ndarray:
        return self._code_index.get_indexer(pd.Series(codes, dtype=object)) >= 0

    def commune_rows(self, codes: pd.Series) -> pd.DataFrame:
        """Hierarchy and centre of each code (NaN rows for unknown codes), in the input order."""
        positions = self._code_index.get_indexer(pd.Series(codes, dtype=object))
        rows = self.communes.reindex(positions).reset_index(drop=True)
        rows.index = codes.index if isinstance(codes, pd.Series) else rows.index
        return rows

    @cached_property
    def _locator(self) -> tuple[shapely.STRtree, np.ndarray]:
        # Communes that only borrow another commune's polygon (see geodata.build) are
        # left out, so a point there resolves to the commune the source draws.
        usable = ~self.communes_gdf["polygone_partage"].to_numpy()
        geoms = self.communes_gdf.geometry.to_numpy()[usable]
        shapely.prepare(geoms)
        return shapely.STRtree(geoms), self.communes_gdf["code"].to_numpy()[usable]

    def locate(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Commune code of each point (None outside every commune), via the spatial index."""
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        result = np.full(len(lon), None, dtype=object)
        valid = np.isfinite(lon) & np.isfinite(lat)
        tree, codes = self._locator
        pts = shapely.points(lon[valid], lat[valid])
        hit_point, hit_commune = tree.query(pts, predicate="intersects")
        # A point on a shared border touches two communes: keep the first hit.
        first = np.unique(hit_point, return_index=True)[1]
        result[np.flatnonzero(valid)[hit_point[first]]] = codes[hit_commune[first]]
        return result

    def names(self, level: str) -> pd.Series:
        """Code -> name for 'commune', 'epci', 'dep' or 'reg'."""
        table = {
            "commune": self.communes,
            "epci": self.epci,
            "dep": self.departements,
            "reg": self.regions,
        }[level]
        return table.set_index("code")["nom"]

    def layer(self, level: str) -> gpd.GeoDataFrame:
        """Analysis polygons of 'epci', 'dep' or 'reg' (EPSG:4326), read once."""
        if level not in self._layers:
            name = {"epci": "epci", "dep": "departements", "reg": "regions"}[level]
            self._layers[level] = gpd.read_parquet(paths.build_dir() / f"{name}.parquet")
        return self._layers[level]

    @property
    def places_path(self):
        """Town names of the offline map style (layouts.figures.map_style)."""
        return paths.web_dir() / "lieux.geojson"

    def web_layer_path(self, level: str):
        """Simplified GeoJSON of 'epci', 'dep' or 'reg' served to the browser."""
        name = {"epci": "epci", "dep": "departements", "reg": "regions"}[level]
        return paths.web_dir() / f"{name}.geojson"
