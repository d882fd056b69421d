"""Helpers for the import tests: a small fake of ``dashboard.territory.geography.Geography``.

The importer only needs ``communes``, ``is_known_commune`` and ``locate``; a
fake with a handful of communes keeps these tests fast and independent of the
reference-geography build, which has its own tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"

COMMUNES = pd.DataFrame(
    [
        ("39300", "Lons-le-Saunier", "243900479", "39", "27", 17_000),
        ("39198", "Dole", "243900560", "39", "27", 23_000),
        ("01053", "Bourg-en-Bresse", "200071751", "01", "84", 41_000),
        ("2A004", "Ajaccio", "242010056", "2A", "94", 71_000),
        ("59581", "Steenvoorde", "200040947", "59", "32", 4_300),
        ("45004", "Le Malesherbois", "200005932", "45", "24", 8_200),
        ("75056", "Paris", "200054781", "75", "11", 2_100_000),
    ],
    columns=["code", "nom", "epci", "dep", "reg", "population"],
)
NAMES = {
    "epci": {
        "243900479": "CA Espace Communautaire Lons Agglomération",
        "200071751": "CA du Bassin de Bourg-en-Bresse",
    },
    "dep": {"39": "Jura", "01": "Ain", "2A": "Corse-du-Sud", "75": "Paris"},
    "reg": {"27": "Bourgogne-Franche-Comté", "84": "Auvergne-Rhône-Alpes", "94": "Corse"},
}
# Metropolitan France and Corsica as a box: enough to tell "in France" from "far away".
FRANCE_BOX = (-5.2, 41.3, 9.6, 51.1)


@dataclass
class FakeGeography:
    communes: pd.DataFrame

    def is_known_commune(self, codes: pd.Series) -> np.ndarray:
        return pd.Series(codes, dtype=object).isin(set(self.communes["code"])).to_numpy()

    def locate(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        west, south, east, north = FRANCE_BOX
        inside = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        return np.where(inside, self.communes["code"].iloc[0], None).astype(object)

    def names(self, level: str) -> pd.Series:
        """Code -> name: the communes' own, and a few higher territories named by hand."""
        if level == "commune":
            return self.communes.set_index("code")["nom"]
        return pd.Series(NAMES[level])


def fake_geography(communes: pd.DataFrame = COMMUNES) -> FakeGeography:
    return FakeGeography(communes.copy())


def shared_path() -> Path:
    """``<repo>/../shared``, or skip: the real open-data files are not copied into the repo."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared absent ({SHARED}) : données réelles de test indisponibles")
    return SHARED
