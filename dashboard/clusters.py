"""Clusters placed on the map and linked to the territories they collaborate with."""

from __future__ import annotations

import pandas as pd

from dashboard.territoires_industrie import TerritoiresIndustrie
from dashboard.territory import Geography

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
    frame["liens_texte"] = ("Collabore avec : " + frame["id_cluster"].map(names)).fillna(
        "Aucun lien documenté"
    )
    return frame.reset_index(drop=True), links.reset_index(drop=True)
