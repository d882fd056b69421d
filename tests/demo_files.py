"""Expected values read straight from the demo's files and the reference communes, with
pandas only: never through the filters, queries or formatting under test."""

from __future__ import annotations

from urllib.parse import parse_qs

import pandas as pd

from dashboard.settings import DEMO_DATA_DIR
from geodata import paths

NNBSP, NBSP = "\u202f", "\u00a0"
COMMUNE_COLUMNS = ["code", "reg", "dep"]
LIST_PARAMS = (("region", "reg"), ("departement", "dep"), ("taille", "taille_entreprise"))


def demo_rows(query: str = "") -> pd.DataFrame:
    """The demo lauréats an address keeps (région, département, TI, size, in/out TI, dates)."""
    rows = pd.read_csv(DEMO_DATA_DIR / "laureats.csv", dtype={"code_commune": str})
    communes = pd.read_parquet(
        paths.build_dir() / "communes.parquet", columns=["code", "reg", "dep"]
    )
    communes = communes.set_index("code")
    rows["reg"] = rows["code_commune"].map(communes["reg"])
    rows["dep"] = rows["code_commune"].map(communes["dep"])
    tis = pd.read_csv(DEMO_DATA_DIR / "territoires_industrie.csv", dtype={"insee_com": str})
    keep = pd.Series(True, index=rows.index)
    params = {key: values[-1] for key, values in parse_qs(query.lstrip("?")).items()}
    for param, column in (
        ("region", "reg"),
        ("departement", "dep"),
        ("taille", "taille_entreprise"),
    ):
        if param in params:
            keep &= rows[column].isin(params[param].split(","))
    if "ti" in params:
        members = tis.loc[tis["id_ti"].isin(params["ti"].split(",")), "insee_com"]
        keep &= rows["code_commune"].isin(members)
    if "ti_statut" in params:
        inside = rows["code_commune"].isin(tis["insee_com"])
        keep &= inside if params["ti_statut"] == "dans" else ~inside
    dates = pd.to_datetime(rows["date_decision"])
    if "du" in params:
        keep &= dates >= params["du"]
    if "au" in params:
        keep &= dates <= params["au"]
    return rows[keep]


def french(value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    return text


def summary_from_files(query: str, filters: str) -> str:
    """The national map's summary line for ``query``, written here by hand."""
    rows = demo_rows(query)
    n = len(rows)
    parts = [
        f"{french(n)}{NBSP}lauréat{'s' if n > 1 else ''}",
        f"{french(rows['investissement'].sum() / 1e6, 1)}{NBSP}M€ d'investissement",
        f"{french(rows['montant_aide'].sum() / 1e6, 1)}{NBSP}M€ d'aide publique",
        f"{french(rows['emplois_prevus'].sum())}{NBSP}emplois prévus",
        f"filtres : {filters}" if filters else "aucun filtre",
    ]
    return " · ".join(parts)
