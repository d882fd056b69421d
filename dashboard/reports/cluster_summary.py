"""The sheet of one cluster or network: where it is, whom it works with, what the sources say,
and the lauréats of its territories in its filières."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.reports.region_summary import UnknownTerritory
from dashboard.territory.clusters import OUTSIDE_LABELS
from dashboard.territory.names import normalised, parse_token
from dashboard.text import labels

if TYPE_CHECKING:
    from dashboard.data.store import DataStore

# The lauréats' filière of each word a cluster's filières start with: a cluster of
# « mécanique; aéronautique » is compared with the lauréats of both filières.
FILIERE_WORDS = {
    "mecani": "Mécanique et métallurgie",
    "metallurg": "Mécanique et métallurgie",
    "agroali": "Agroalimentaire",
    "nutrition": "Agroalimentaire",
    "fruits": "Agroalimentaire",
    "boulanger": "Agroalimentaire",
    "agroressource": "Agroalimentaire",
    "sante": "Santé, cosmétique et parfumerie",
    "machinisme": "Équipements et machines",
    "plasturg": "Plasturgie et emballages",
    "composite": "Plasturgie et emballages",
    "chimi": "Chimie et matériaux",
    "electroni": "Électronique et équipements électriques",
    "numerique": "Télécommunications et numérique",
    "bois": "Bois et ameublement",
    "textile": "Textile, habillement et luxe",
    "horloger": "Textile, habillement et luxe",
    "bijouter": "Textile, habillement et luxe",
    "economie circulaire": "Recyclage et économie circulaire",
    "recyclage": "Recyclage et économie circulaire",
    "ecologie industrielle": "Recyclage et économie circulaire",
    "automobile": "Automobile et mobilités",
    "mobilite": "Automobile et mobilités",
    "aeronauti": "Aéronautique",
    "energie": "Énergie",
    "hydrogene": "Énergie",
    "photovolta": "Énergie",
    "nucleaire": "Énergie",
    "batterie": "Énergie",
    "nautis": "Naval et nautisme",
    "naval": "Naval et nautisme",
    "formation": "Formation industrielle",
    "ecoles de production": "Formation industrielle",
    "logistique": "Services à l'industrie",
}
TERRITORY_COLUMNS = {
    "ti": "id_ti",
    "epci": "epci",
    "commune": "code_commune",
    "dep": "dep",
    "reg": "reg",
}


@dataclass(frozen=True)
class ClusterSummary:
    id_cluster: str
    name: str
    kind: str
    filieres: tuple[str, ...]
    themes: tuple[str, ...]
    description: str
    source: str
    place: str  # « Dieppe (76) », « Lot-et-Garonne », « réseau national »
    approximate: bool
    lon: float | None
    lat: float | None
    # token, nom, niveau, relation, lon, lat: one row per territory it works with
    territories: pd.DataFrame = field(compare=False, repr=False)
    collaborations: pd.DataFrame = field(compare=False, repr=False)
    # The lauréats of those territories in the lauréats' filières matching its own
    laureats: pd.DataFrame = field(compare=False, repr=False)
    laureat_filieres: tuple[str, ...] = ()


def cluster_choices(store: DataStore) -> list[dict[str, str]]:
    clusters = store.clusters.clusters.sort_values("nom", key=lambda s: s.map(normalised))
    return [
        {"label": f"{name} ({kind})" if isinstance(kind, str) else name, "value": code}
        for code, name, kind in zip(
            clusters["id_cluster"], clusters["nom"], clusters["type"], strict=True
        )
    ]


def cluster_list(store: DataStore) -> pd.DataFrame:
    """Every cluster and network with its kind, filières, themes, place and territory count."""
    network = store.clusters
    clusters = network.clusters
    counts = network.ties.groupby("id_cluster")["territoire"].nunique()
    place = [_place(store, row) for _, row in clusters.iterrows()]
    approximate = clusters["approchee"].fillna(False).astype(bool)
    return pd.DataFrame(
        {
            "id_cluster": clusters["id_cluster"],
            "nom": clusters["nom"],
            "type": clusters["type"].fillna(""),
            "filieres": clusters["filieres"].fillna(""),
            "themes": clusters["themes"].fillna(""),
            "localisation": [
                f"{text} ({labels.CLUSTER_APPROXIMATE})" if approx else text
                for text, approx in zip(place, approximate, strict=True)
            ],
            "n_territoires": clusters["id_cluster"].map(counts).fillna(0).astype(int),
        }
    ).sort_values("nom", key=lambda s: s.map(normalised), ignore_index=True)


def laureat_filieres(cluster_filieres: str | float, known: list[str]) -> tuple[str, ...]:
    """The lauréats' filières (among ``known``) a cluster's own filières point to."""
    text = f" {normalised(cluster_filieres) if isinstance(cluster_filieres, str) else ''} "
    found = [
        filiere
        for word, filiere in FILIERE_WORDS.items()
        if re.search(rf" {re.escape(word)}", text) and filiere in known
    ]
    found += [filiere for filiere in known if f" {normalised(filiere)} " in text]
    return tuple(dict.fromkeys(sorted(found)))


def in_territories(laureats: pd.DataFrame, tokens: list[str]) -> np.ndarray:
    """Lauréats inside any of the territories ``tokens`` (``ti:…``, ``epci:…``, …)."""
    inside = np.zeros(len(laureats), dtype=bool)
    for value in tokens:
        parsed = parse_token(value)
        if parsed is None:
            continue
        kind, code = parsed
        inside |= (
            (laureats[TERRITORY_COLUMNS[kind]].astype("string") == code).fillna(False).to_numpy()
        )
    return inside


def cluster_summary(store: DataStore, id_cluster: str) -> ClusterSummary:
    """Raises UnknownTerritory for an identifier the loaded data does not have."""
    network = store.clusters
    rows = network.clusters[network.clusters["id_cluster"] == id_cluster]
    if rows.empty:
        raise UnknownTerritory(id_cluster)
    row = rows.iloc[0]
    territories = _territories(network, id_cluster)
    tokens = territories["territoire"].tolist()
    laureats = store.laureats
    known = sorted(laureats["filiere"].dropna().unique())
    filieres = laureat_filieres(row["filieres"], known)
    chosen = laureats[
        in_territories(laureats, tokens) & laureats["filiere"].isin(filieres).to_numpy()
    ]
    collaborations = network.collaborations[network.collaborations["id_cluster"] == id_cluster]
    return ClusterSummary(
        id_cluster,
        str(row["nom"]),
        _text(row["type"]),
        _items(row["filieres"]),
        _items(row["themes"]),
        _text(row["description"]),
        _text(row["source"]),
        _place(store, row),
        bool(row["approchee"]),
        None if pd.isna(row["lon"]) else float(row["lon"]),
        None if pd.isna(row["lat"]) else float(row["lat"]),
        territories,
        collaborations.reset_index(drop=True),
        chosen.sort_values("montant_aide", ascending=False).reset_index(drop=True),
        filieres,
    )


def _territories(network, id_cluster: str) -> pd.DataFrame:
    ties = network.ties[network.ties["id_cluster"] == id_cluster]
    relation = ties.groupby("territoire", sort=False)["relation"].agg(
        lambda r: ", ".join(sorted(set(r)))
    )
    frame = relation.reset_index().join(network.anchors, on="territoire")
    frame["niveau"] = [labels.SEARCH_KINDS[parse_token(value)[0]] for value in frame["territoire"]]
    return frame[["territoire", "nom", "niveau", "relation", "lon", "lat"]].dropna(subset=["nom"])


def _place(store: DataStore, row: pd.Series) -> str:
    if isinstance(row["code_commune"], str):
        code = row["code_commune"]
        name = store.geography.names("commune").get(code, code)
        return f"{name} ({code[:3] if code.startswith('97') else code[:2]})"
    code = row["territoire_code"]
    if isinstance(code, str):
        return OUTSIDE_LABELS.get(code) or store.clusters.territory_name(code)
    if not pd.isna(row["lon"]):
        return labels.CLUSTER_COORDINATES
    return labels.CLUSTER_UNPLACED


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _items(value) -> tuple[str, ...]:
    return tuple(item for item in _text(value).split("; ") if item)
