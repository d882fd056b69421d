"""Commune codes as real extracts write them, resolved against the reference communes.

Extracts from INSEE or from business registers often carry a municipal
arrondissement (75108, 69383, 13201) where the reference has the commune
(Paris, Lyon, Marseille): the row is kept, attached to its commune, with a
warning. Overseas collectivities (975, 977, 978, 98x) are outside the
reference geography and get their own message, not the one for a typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from dashboard.data.ingest.validate import Issues
    from dashboard.territory.geography import Geography

# (first arrondissement, last arrondissement, commune code, commune name)
ARRONDISSEMENTS = (
    (75101, 75120, "75056", "Paris"),
    (69381, 69389, "69123", "Lyon"),
    (13201, 13216, "13055", "Marseille"),
)
OVERSEAS_COLLECTIVITIES = {
    "975": "Saint-Pierre-et-Miquelon",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "984": "Terres australes et antarctiques françaises",
    "986": "Wallis-et-Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
    "989": "île de Clipperton",
}


def arrondissement_commune(codes: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(commune code, commune name) of each arrondissement code; NaN for other codes."""
    numbers = pd.to_numeric(codes.where(codes.str.fullmatch(r"\d{5}", na=False)), errors="coerce")
    commune = pd.Series(pd.NA, index=codes.index, dtype="str")
    name = pd.Series(pd.NA, index=codes.index, dtype="str")
    for first, last, code, label in ARRONDISSEMENTS:
        inside = numbers.between(first, last).fillna(False).astype(bool)
        commune[inside] = code
        name[inside] = label
    return commune, name


def overseas_collectivity(codes: pd.Series) -> pd.Series:
    """Name of the overseas collectivity a code belongs to (NaN otherwise)."""
    return codes.str[:3].map(OVERSEAS_COLLECTIVITIES)


def resolve_communes(
    codes: pd.Series, header: str, geography: Geography, issues: Issues
) -> pd.Series:
    """Codes attached to reference communes; unknown ones rejected with the right reason."""
    present = codes.notna()
    commune, city = arrondissement_commune(codes.fillna(""))
    attached = present & commune.notna()
    issues.warn(
        attached,
        header,
        codes.fillna(""),
        "arrondissement municipal "
        + codes.fillna("")
        + " rattaché à sa commune : "
        + city.fillna("")
        + " ("
        + commune.fillna("")
        + ")",
    )
    resolved = codes.where(~attached, commune)
    known = pd.Series(True, index=codes.index)
    known[present] = geography.is_known_commune(resolved[present])
    unknown = present & ~known
    overseas = overseas_collectivity(codes.fillna(""))
    abroad = unknown & overseas.notna()
    issues.reject(
        abroad,
        header,
        codes.fillna(""),
        "code d'une collectivité d'outre-mer hors du référentiel géographique ("
        + overseas.fillna("")
        + ") : "
        + codes.fillna("")
        + ", ligne non cartographiable",
    )
    issues.reject(
        unknown & ~abroad, header, codes.fillna(""), "code INSEE inconnu : " + codes.fillna("")
    )
    return resolved
