"""Clusters placed on the map and linked to the territories they collaborate with."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.territory.geography import Geography
from dashboard.territory.territoires_industrie import TerritoiresIndustrie

LINK_COLUMNS = ["id_cluster", "territoire", "nom_territoire", "lon0", "lat0", "lon1", "lat1"]
TIE_COLUMNS = ["id_cluster", "territoire", "relation"]
CLUSTER_COLUMNS = [
    "id_cluster",
    "nom",
    "type",
    "filieres",
    "themes",
    "description",
    "source",
    "code_commune",
    "territoire_code",
    "lon",
    "lat",
    "approchee",
    "liens_texte",
]
# Where a cluster without a position is, written for people.
OUTSIDE_LABELS = {"national": "réseau national", "etranger": "à l'étranger"}


@dataclass(frozen=True)
class ClusterNetwork:
    """Clusters and networks, the territories each works with, and the sources' collaborations.

    ``clusters`` holds every row kept (placed or not); ``ties`` one row per cluster and
    territory token (``ti:…``, ``epci:…``, ``commune:…``, ``dep:…``, ``reg:…``) with the
    relation (« lien » from the clusters file, « collaboration » from the collaborations
    file); ``ti_clusters`` the TIs each cluster works with, directly or through one of the
    TI's EPCI or communes, or by sitting in it.
    """

    clusters: pd.DataFrame
    ties: pd.DataFrame
    collaborations: pd.DataFrame
    ti_clusters: pd.DataFrame
    epci_clusters: pd.DataFrame
    region_clusters: pd.DataFrame  # (reg, id_cluster): where it sits or whom it works with
    anchors: pd.DataFrame = field(repr=False)

    @cached_property
    def points(self) -> pd.DataFrame:
        """The clusters that have a place on a map."""
        return self.clusters.dropna(subset=["lon", "lat"]).reset_index(drop=True)

    @cached_property
    def links(self) -> pd.DataFrame:
        """One segment per placed cluster and territory it works with (both ends known)."""
        placed = self.points.set_index("id_cluster")[["lon", "lat"]]
        ties = self.ties.drop_duplicates(["id_cluster", "territoire"])
        ties = ties[
            ties["id_cluster"].isin(placed.index) & ties["territoire"].isin(self.anchors.index)
        ]
        segments = ties.join(placed, on="id_cluster").join(
            self.anchors, on="territoire", rsuffix="1"
        )
        segments = segments.rename(columns={"lon": "lon0", "lat": "lat0", "nom": "nom_territoire"})
        return segments[LINK_COLUMNS].reset_index(drop=True)

    def clusters_per_territory(self, level: str) -> pd.Series:
        """Clusters and networks working with each TI (``id_ti``) or EPCI (``epci``)."""
        if level == "id_ti":
            return self.ti_clusters.groupby("id_ti")["id_cluster"].nunique()
        return self.epci_clusters.groupby("epci")["id_cluster"].nunique()

    def territory_name(self, value: str) -> str:
        if value in OUTSIDE_LABELS:
            return OUTSIDE_LABELS[value]
        return str(self.anchors["nom"].get(value, value))


def prefixed(kind: str, codes: pd.Series) -> pd.Series:
    """``kind:code`` tokens, NA where the code is missing, whatever the column's dtype."""
    return (kind + ":" + codes.astype("string")).astype(object).where(codes.notna())


def territory_anchors(geography: Geography, tis: TerritoiresIndustrie) -> pd.DataFrame:
    """One point and name per territory token: its most populous commune's centre."""
    communes = geography.communes.sort_values("population", ascending=False)
    parts = []
    for kind, column in (("epci", "epci"), ("dep", "dep"), ("reg", "reg")):
        first = communes.dropna(subset=[column]).drop_duplicates(column).set_index(column)
        frame = first[["lon", "lat"]].copy()
        frame["nom"] = geography.names(kind).reindex(frame.index)
        frame.index = kind + ":" + frame.index.astype(str)
        parts.append(frame)
    members = tis.members.merge(
        communes[["code", "lon", "lat"]], left_on="insee_com", right_on="code"
    )
    by_ti = members.sort_values("population", ascending=False).drop_duplicates("id_ti")
    by_ti = by_ti.set_index("id_ti")[["lon", "lat", "lib_ti"]].rename(columns={"lib_ti": "nom"})
    by_ti.index = "ti:" + by_ti.index.astype(str)
    by_commune = communes.set_index("code")[["lon", "lat", "nom"]]
    by_commune.index = "commune:" + by_commune.index.astype(str)
    return pd.concat([by_ti, *parts, by_commune])


def cluster_network(
    clusters: pd.DataFrame | None,
    collaborations: pd.DataFrame | None,
    geography: Geography,
    tis: TerritoiresIndustrie,
) -> ClusterNetwork:
    """Place each cluster, gather the territories it works with, and the TIs among them."""
    anchors = territory_anchors(geography, tis)
    frame = _placed(clusters, geography, anchors)
    collaborations = _collaborations(collaborations, anchors)
    ties = pd.concat(
        [
            _listed(frame, "territoires_lies").assign(relation="lien"),
            collaborations.dropna(subset=["id_cluster", "territoire_code"])[
                ["id_cluster", "territoire_code"]
            ]
            .rename(columns={"territoire_code": "territoire"})
            .assign(relation="collaboration"),
        ],
        ignore_index=True,
    )
    ties = ties[ties["territoire"].str.contains(":", regex=False)].reset_index(drop=True)
    names = ties.join(anchors["nom"], on="territoire").dropna(subset=["nom"])
    summary = names.groupby("id_cluster")["nom"].agg(lambda s: ", ".join(sorted(set(s))))
    linked = frame["id_cluster"].map(summary).astype(object)
    frame["liens_texte"] = [
        f"Collabore avec : {names}" if isinstance(names, str) else "Aucun lien documenté"
        for names in linked
    ]
    return ClusterNetwork(
        frame[CLUSTER_COLUMNS],
        ties[TIE_COLUMNS],
        collaborations,
        _ti_clusters(frame, ties, geography, tis),
        _epci_clusters(frame, ties, geography),
        _region_clusters(frame, ties, geography, tis),
        anchors,
    )


def _placed(
    clusters: pd.DataFrame | None, geography: Geography, anchors: pd.DataFrame
) -> pd.DataFrame:
    """Position from the commune or coordinates; else the territory's main commune, approximate."""
    if clusters is None or clusters.empty:
        return pd.DataFrame(columns=[*CLUSTER_COLUMNS, "territoires_lies"])
    frame = clusters.copy()
    for column in (*CLUSTER_COLUMNS, "territoires_lies", "longitude", "latitude"):
        if column not in frame:
            frame[column] = pd.NA
    rows = geography.commune_rows(frame["code_commune"])
    frame["lon"] = pd.to_numeric(frame["longitude"], errors="coerce").fillna(rows["lon"])
    frame["lat"] = pd.to_numeric(frame["latitude"], errors="coerce").fillna(rows["lat"])
    exact = frame["lon"].notna() & frame["lat"].notna()
    anchor = anchors.reindex(frame["territoire_code"].fillna(""))
    frame["lon"] = frame["lon"].where(exact, anchor["lon"].to_numpy())
    frame["lat"] = frame["lat"].where(exact, anchor["lat"].to_numpy())
    frame["approchee"] = ~exact & frame["lon"].notna()
    return frame.reset_index(drop=True)


def _listed(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    items = frame[["id_cluster", column]].dropna()
    items = items.assign(territoire=items[column].str.split("; ")).explode("territoire")
    return items[["id_cluster", "territoire"]]


def _collaborations(collaborations: pd.DataFrame | None, anchors: pd.DataFrame) -> pd.DataFrame:
    columns = [
        "id_cluster",
        "cluster",
        "territoire",
        "territoire_code",
        "nom_territoire",
        "themes",
        "description",
        "chiffres_cles",
        "source",
        "lignes",
    ]
    if collaborations is None or collaborations.empty:
        return pd.DataFrame(columns=columns)
    frame = collaborations.copy()
    for column in columns:
        if column not in frame:
            frame[column] = pd.NA
    codes = frame["territoire_code"].fillna("")
    frame["nom_territoire"] = anchors["nom"].reindex(codes).to_numpy()
    outside = codes.map(OUTSIDE_LABELS)
    frame["nom_territoire"] = frame["nom_territoire"].fillna(outside).fillna(frame["territoire"])
    return frame[columns].reset_index(drop=True)


def _region_clusters(
    clusters: pd.DataFrame, ties: pd.DataFrame, geography: Geography, tis: TerritoiresIndustrie
) -> pd.DataFrame:
    """(reg, id_cluster) for every région a cluster sits in (even approximately) or works in."""
    communes = geography.communes[["code", "epci", "dep", "reg"]].dropna(subset=["reg"])
    members = tis.members[["id_ti", "insee_com"]].merge(
        communes[["code", "reg"]], left_on="insee_com", right_on="code"
    )
    by_token = (
        pd.concat(
            [
                pd.DataFrame(
                    {"token": prefixed("commune", communes["code"]), "reg": communes["reg"]}
                ),
                pd.DataFrame({"token": prefixed("epci", communes["epci"]), "reg": communes["reg"]}),
                pd.DataFrame({"token": prefixed("dep", communes["dep"]), "reg": communes["reg"]}),
                pd.DataFrame({"token": prefixed("reg", communes["reg"]), "reg": communes["reg"]}),
                pd.DataFrame({"token": prefixed("ti", members["id_ti"]), "reg": members["reg"]}),
            ]
        )
        .dropna()
        .drop_duplicates()
    )
    placed = pd.DataFrame(
        {
            "id_cluster": clusters["id_cluster"],
            "territoire": prefixed("commune", clusters["code_commune"]).fillna(
                clusters["territoire_code"]
            ),
        }
    ).dropna()
    every = pd.concat([ties[["id_cluster", "territoire"]], placed], ignore_index=True)
    joined = every.merge(by_token, left_on="territoire", right_on="token")
    return joined[["reg", "id_cluster"]].drop_duplicates().reset_index(drop=True)


def _epci_clusters(
    clusters: pd.DataFrame, ties: pd.DataFrame, geography: Geography
) -> pd.DataFrame:
    """(epci, id_cluster) for a tie to the EPCI or one of its communes, or a cluster at one
    of its communes (an approximate place says nothing of an EPCI)."""
    commune_epci = geography.communes.set_index("code")["epci"].dropna()
    by_token = pd.concat(
        [
            pd.Series(
                commune_epci.unique(), index=prefixed("epci", pd.Series(commune_epci.unique()))
            ),
            pd.Series(
                commune_epci.to_numpy(), index=prefixed("commune", commune_epci.index.to_series())
            ),
        ]
    )
    by_token = by_token[~by_token.index.duplicated()]
    every = pd.concat(
        [
            ties[["id_cluster", "territoire"]],
            pd.DataFrame(
                {
                    "id_cluster": clusters["id_cluster"],
                    "territoire": prefixed("commune", clusters["code_commune"]),
                }
            ).dropna(),
        ],
        ignore_index=True,
    )
    every["epci"] = every["territoire"].map(by_token)
    return (
        every.dropna(subset=["epci"])[["epci", "id_cluster"]]
        .drop_duplicates()
        .reset_index(drop=True)
    )


def _ti_clusters(
    clusters: pd.DataFrame, ties: pd.DataFrame, geography: Geography, tis: TerritoiresIndustrie
) -> pd.DataFrame:
    """(id_ti, id_cluster) for a tie to the TI, to an EPCI or commune of the TI, or a cluster
    placed in it (at its own commune, or on the TI itself). An approximate place on a
    département or région says nothing of a TI, so it does not count."""
    members = tis.members[["id_ti", "insee_com"]]
    commune_epci = geography.communes.set_index("code")["epci"]
    by_token = pd.concat(
        [
            pd.DataFrame({"token": prefixed("ti", members["id_ti"]), "id_ti": members["id_ti"]}),
            pd.DataFrame(
                {"token": prefixed("commune", members["insee_com"]), "id_ti": members["id_ti"]}
            ),
            pd.DataFrame(
                {
                    "token": prefixed("epci", members["insee_com"].map(commune_epci)),
                    "id_ti": members["id_ti"],
                }
            ),
        ]
    ).drop_duplicates()
    placed_at = pd.DataFrame(
        {
            "id_cluster": clusters["id_cluster"],
            "territoire": prefixed("commune", clusters["code_commune"]).fillna(
                clusters["territoire_code"].where(
                    clusters["territoire_code"].str.startswith("ti:", na=False)
                )
            ),
        }
    ).dropna()
    every = pd.concat([ties[["id_cluster", "territoire"]], placed_at], ignore_index=True)
    joined = every.merge(by_token, left_on="territoire", right_on="token")
    return joined[["id_ti", "id_cluster"]].drop_duplicates().reset_index(drop=True)


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
