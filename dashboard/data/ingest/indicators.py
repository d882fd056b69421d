"""Commune-level indicators summed to EPCI, département, région or TI.

Counts are summed; ratios are recomputed from the summed numerator and
denominator, never averaged over communes (an average of commune shares
weighs a hamlet like a city). An empty value is "no value": it is left out
of the sum, and a territory whose communes all lack it stays without value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.schemas import INDICATEURS

if TYPE_CHECKING:
    from dashboard.territory.geography import Geography

# Ratio indicator -> (numerator, denominator), expressed in %.
DEFAULT_RATIOS: dict[str, tuple[str, str]] = {
    "part_emploi_industriel": ("effectif_salarie_industrie", "effectif_salarie_prive"),
}
# Units of values that cannot be added across communes.
NON_ADDITIVE_UNITS = {"%", "pourcentage", "ratio", "taux", "part", "indice", "€/hab", "eur/hab"}
LEVEL_ALIASES = {
    "epci": "epci",
    "dep": "departement",
    "departement": "departement",
    "reg": "region",
    "region": "region",
    "ti": "ti",
}
GEOGRAPHY_COLUMNS = {"epci": "epci", "departement": "dep", "region": "reg"}


def aggregate_indicator(
    frame: pd.DataFrame,
    geography: Geography,
    level: str,
    *,
    ratios: dict[str, tuple[str, str]] | None = None,
    territoires: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Long indicator rows per territory of ``level`` ("epci", "dep", "reg" or "ti").

    ``frame`` is a clean ``indicateurs`` frame; only its commune rows are used.
    For "ti", ``territoires`` (a clean ``territoires_industrie`` frame) gives
    membership, and a commune in two TIs counts in both. The result has the
    columns of the ``indicateurs`` schema plus ``n_communes`` (communes with a
    value), so a partial total can be told from a complete one.
    """
    level = LEVEL_ALIASES[level]
    ratios = DEFAULT_RATIOS if ratios is None else ratios
    communes = frame[frame["niveau"] == "commune"]
    unit = communes["unite"].fillna("").str.strip().str.lower()
    communes = communes[~unit.isin(NON_ADDITIVE_UNITS) & ~communes["indicateur"].isin(ratios)]
    communes = _with_territory(communes, geography, level, territoires)

    grouped = communes.groupby(["territoire", "indicateur", "annee"], dropna=False, sort=True)
    sums = grouped.agg(
        valeur=("valeur", lambda values: values.sum(min_count=1)),
        n_communes=("valeur", "count"),
        unite=("unite", "first"),
        source=("source", "first"),
    ).reset_index()
    result = pd.concat([sums, _ratios(sums, ratios)], ignore_index=True)
    result = result.rename(columns={"territoire": "code_territoire"}).assign(niveau=level)
    result = result.astype({name: dtype for name, dtype in INDICATEURS.dtypes.items()})
    return result[[*INDICATEURS.names, "n_communes"]].reset_index(drop=True)


def _with_territory(
    communes: pd.DataFrame, geography: Geography, level: str, territoires: pd.DataFrame | None
) -> pd.DataFrame:
    if level == "ti":
        if territoires is None:
            raise ValueError("le niveau « ti » demande la liste des Territoires d'industrie")
        members = territoires[["insee_com", "id_ti"]].drop_duplicates()
        joined = communes.merge(members, left_on="code_territoire", right_on="insee_com")
        return joined.assign(territoire=joined["id_ti"])
    parent = geography.communes.set_index("code")[GEOGRAPHY_COLUMNS[level]]
    located = communes.assign(territoire=communes["code_territoire"].map(parent))
    return located[located["territoire"].notna()]


def _ratios(sums: pd.DataFrame, ratios: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Each ratio as 100 × Σ numerator / Σ denominator, per territory and year."""
    if sums.empty or not ratios:
        return pd.DataFrame(columns=sums.columns)
    keys = ["territoire", "annee"]
    wide = sums.pivot_table(
        index=keys, columns="indicateur", values="valeur", dropna=False, aggfunc="first"
    )
    counts = sums.pivot_table(
        index=keys, columns="indicateur", values="n_communes", dropna=False, aggfunc="first"
    )
    parts = []
    for name, (numerator, denominator) in ratios.items():
        if numerator not in wide or denominator not in wide:
            continue
        denominators = wide[denominator].where(wide[denominator] > 0)
        part = (100 * wide[numerator] / denominators).rename("valeur").reset_index()
        part["n_communes"] = counts[[numerator, denominator]].min(axis=1).to_numpy()
        parts.append(part.assign(indicateur=name, unite="%", source=None))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=sums.columns)
