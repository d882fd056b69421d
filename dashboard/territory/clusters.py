"""Clusters placed on the map and linked to the territories they collaborate with."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.territory.geography import Geography
from dashboard.territory.territoires_industrie import TerritoiresIndustrie

LINK_COLUMNS = ["id_cluster", "territoire", "nom_territoire", "lon0", "lat0", "lon1", "lat1"]


def territory_anchors(geography: Geography, tis: TerritoiresIndustrie) -> pd.DataFrame:
    """One point and name per TI, EPCI and commune code: its most populous commune's centre."""
    communes = geography.communes.sort_values("population", ascending=False)
    by_epci = communes.drop_duplicates("epci").set_index("epci")[["lon", "lat"]]
    by_epci["nom"] = geography.names("epci").reindex(by_epci.index)
    members = tis.members.merge(
        communes[["code", "lon", "lat"]], left_on="insee_com", right_on="code"
    )
    by_ti = members.sort_values("population", ascending=False).drop_duplicates("id_ti")
    by_ti = by_ti.set_index("id_ti")[["lon", "lat", "lib_ti"]].rename(columns={"lib_ti": "nom"})
    by_commune = communes.set_index("code")[["lon", "lat", "nom"]]
    return pd.concat([by_ti, by_epci, by_commune[~by_commune.index.isin(by_epci.index)]])


def enrich_clusters(
    clusters: pd.DataFrame | None, geography: Geography, tis: TerritoiresIndustrie
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clusters with a map position and a link summary, and their links as line segments."""
    if clusters is None or clusters.empty:
        return pd.DataFrame(
            columns=["id_cluster", "nom", "type", "lon", "lat", "liens_texte"]
        ), pd.DataFrame(columns=LINK_COLUMNS)
    frame = clusters.copy()
    rows = geography.commune_rows(frame["code_commune"]) if "code_commune" in frame else None
    lon = frame["longitude"] if "longitude" in frame else pd.Series(float("nan"), frame.index)
    lat = frame["latitude"] if "latitude" in frame else pd.Series(float("nan"), frame.index)
    frame["lon"] = lon.astype(float).fillna(rows["lon"] if rows is not None else float("nan"))
    frame["lat"] = lat.astype(float).fillna(rows["lat"] if rows is not None else float("nan"))
    frame = frame.dropna(subset=["lon", "lat"])
    anchors = territory_anchors(geography, tis)
    linked = (
        frame[["id_cluster", "lon", "lat"]]
        .assign(
            territoire=frame.get("territoires_lies", pd.Series("", frame.index))
            .fillna("")
            .str.split(r"\s*;\s*", regex=True)
        )
        .explode("territoire")
    )
    linked = linked[linked["territoire"].isin(anchors.index)]
    links = linked.join(anchors, on="territoire", rsuffix="1").rename(
        columns={"lon": "lon0", "lat": "lat0", "nom": "nom_territoire"}
    )[LINK_COLUMNS]
    names = links.groupby("id_cluster")["nom_territoire"].agg(lambda s: ", ".join(sorted(set(s))))
    linked_names = frame["id_cluster"].map(names).astype("str")  # str even when no link
    frame["liens_texte"] = ("Collabore avec : " + linked_names).fillna("Aucun lien documenté")
    return frame.reset_index(drop=True), links.reset_index(drop=True)


# Where distances are measured: Lambert-93 for metropolitan France and Corsica, the
# local UTM projection of each overseas département; (EPSG, lon/lat box).
DISTANCE_ZONES = {
    "metropole": (2154, (-5.8, 41.2, 10.0, 51.2)),
    "971": (5490, (-61.9, 15.8, -60.9, 16.6)),
    "972": (5490, (-61.3, 14.3, -60.7, 14.95)),
    "973": (2972, (-54.7, 2.0, -51.5, 6.0)),
    "974": (2975, (55.1, -21.5, 55.9, -20.8)),
    "976": (4471, (44.9, -13.1, 45.4, -12.5)),
}
NEAREST_COLUMNS = ["cluster_proche", "type_cluster_proche", "distance_cluster_km"]


def distance_zone(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Zone key of each point (None outside them all)."""
    zone = np.full(len(lon), None, dtype=object)
    for key, (_epsg, (west, south, east, north)) in DISTANCE_ZONES.items():
        inside = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        zone[inside & (zone == None)] = key  # noqa: E711 (element-wise)
    return zone


def nearest_clusters(territories: gpd.GeoDataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """Nearest cluster or pôle of each territory and its distance in km (0 when inside).

    Searched within the territory's own zone only: a Guyane EPCI has no meaningful
    "nearest" cluster in Lyon. No cluster in the zone gives no distance.
    """
    result = pd.DataFrame(index=territories.index, columns=NEAREST_COLUMNS, dtype=object)
    result["distance_cluster_km"] = np.nan
    if clusters.empty or territories.empty:
        return result
    points = gpd.GeoDataFrame(
        clusters[["nom", "type"]],
        geometry=gpd.points_from_xy(clusters["lon"], clusters["lat"]),
        crs="EPSG:4326",
    )
    points["zone"] = distance_zone(clusters["lon"].to_numpy(float), clusters["lat"].to_numpy(float))
    anchor = territories.geometry.representative_point()
    zones = distance_zone(anchor.x.to_numpy(), anchor.y.to_numpy())
    for key, (epsg, _box) in DISTANCE_ZONES.items():
        here = territories[zones == key]
        candidates = points[points["zone"] == key]
        if here.empty or candidates.empty:
            continue
        joined = gpd.sjoin_nearest(
            here[["geometry"]].to_crs(epsg),
            candidates.to_crs(epsg),
            how="left",
            distance_col="distance_m",
        )
        joined = joined[~joined.index.duplicated(keep="first")]  # ties at equal distance
        result.loc[joined.index, "cluster_proche"] = joined["nom"]
        result.loc[joined.index, "type_cluster_proche"] = joined["type"]
        result.loc[joined.index, "distance_cluster_km"] = joined["distance_m"] / 1000
    result["distance_cluster_km"] = result["distance_cluster_km"].astype(float)
    return result
