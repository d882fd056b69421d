"""Territoires d'industrie (TI) built from a commune-level list in ANCT's layout.

A TI's perimeter is the union of its communes: it may cross EPCI, département
and région borders, and an EPCI may be only partly inside a TI (Métropole du
Grand Paris is split across three). The list's vintage is kept with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.territory.geography import Geography


@dataclass
class TerritoiresIndustrie:
    """One vintage of the TI list joined to the reference communes."""

    members: pd.DataFrame  # one row per (commune, TI): insee_com, id_ti, lib_ti, epci, dep, reg
    geography: Geography
    vintage: str

    @classmethod
    def from_list(
        cls, communes_list: pd.DataFrame, geography: Geography, vintage: str = ""
    ) -> TerritoiresIndustrie:
        """Join a validated list (insee_com, id_ti, lib_ti) to the communes it names."""
        members = communes_list[["insee_com", "id_ti", "lib_ti"]].drop_duplicates(
            ["insee_com", "id_ti"]
        )
        hierarchy = geography.commune_rows(members["insee_com"])
        members = members.reset_index(drop=True).assign(
            epci=hierarchy["epci"].to_numpy(),
            dep=hierarchy["dep"].to_numpy(),
            reg=hierarchy["reg"].to_numpy(),
            population=hierarchy["population"].to_numpy(),
        )
        if not vintage and "millesime" in communes_list:
            vintage = ", ".join(sorted(communes_list["millesime"].dropna().astype(str).unique()))
        return cls(members, geography, vintage or "millésime non précisé")

    @classmethod
    def empty(cls, geography: Geography) -> TerritoiresIndustrie:
        columns = ["insee_com", "id_ti", "lib_ti", "epci", "dep", "reg", "population"]
        return cls(pd.DataFrame(columns=columns, dtype=object), geography, "aucune liste chargée")

    @cached_property
    def table(self) -> pd.DataFrame:
        """One row per TI: name, commune count, population, spans and main région."""
        grouped = self.members.groupby("id_ti", sort=True)
        table = pd.DataFrame(
            {
                "lib_ti": grouped["lib_ti"].first(),
                "n_communes": grouped.size(),
                "population": grouped["population"].sum(min_count=1),
                "n_epci": grouped["epci"].nunique(),
                "n_dep": grouped["dep"].nunique(),
                "n_reg": grouped["reg"].nunique(),
                "reg": self._majority("reg"),
                "dep": self._majority("dep"),
            }
        )
        table.index.name = "id_ti"
        return table

    def _majority(self, level: str) -> pd.Series:
        """The territory of ``level`` holding most of each TI's communes."""
        counts = self.members.groupby(["id_ti", level]).size().rename("n").reset_index()
        counts = counts.sort_values(["id_ti", "n", level], ascending=[True, False, True])
        return counts.drop_duplicates("id_ti").set_index("id_ti")[level]

    @cached_property
    def commune_to_ti(self) -> pd.Series:
        """Commune code -> id of its TI (the first one when a commune is listed in two)."""
        return self.members.drop_duplicates("insee_com").set_index("insee_com")["id_ti"]

    def ti_of(self, commune_codes: pd.Series) -> pd.Series:
        """TI id per commune code, NaN outside every TI."""
        return pd.Series(commune_codes, dtype=object).map(self.commune_to_ti)

    def partly_covered_epci(self) -> pd.DataFrame:
        """EPCI of which only some communes belong to a TI."""
        totals = self.geography.communes.groupby("epci").size().rename("n_communes_epci")
        inside = self.members.drop_duplicates("insee_com").groupby("epci").size().rename("n_in_ti")
        frame = pd.concat([inside, totals], axis=1, join="inner")
        partial = frame[frame["n_in_ti"] < frame["n_communes_epci"]].copy()
        partial["nom"] = self.geography.names("epci").reindex(partial.index).to_numpy()
        partial["n_ti"] = self.members.groupby("epci")["id_ti"].nunique().reindex(partial.index)
        return partial

    def touching(self, level: str, codes) -> pd.DataFrame:
        """The TIs with at least one commune in ``codes`` of ``level`` ("reg", "dep"), with
        ``part``, the share of their communes there: a TI across two régions belongs to
        both (each lists and counts it; a national total counts the table, once)."""
        inside = self.members[self.members[level].isin(list(codes))]
        counts = inside.drop_duplicates(["id_ti", "insee_com"]).groupby("id_ti").size()
        table = self.table.loc[counts.index]
        return table.assign(part=counts / table["n_communes"])

    def count_by_region(self) -> pd.Series:
        """TIs touching each région (a TI across two régions counts in both)."""
        pairs = self.members.drop_duplicates(["id_ti", "reg"])
        return pairs.groupby("reg").size().sort_values(ascending=False)

    def perimeters(self) -> gpd.GeoDataFrame:
        """Union of each TI's communes (EPSG:4326)."""
        gdf = self.geography.communes_gdf
        geom_by_code = pd.Series(gdf.geometry.to_numpy(), index=gdf["code"].to_numpy())
        members = self.members.assign(
            geometry=geom_by_code.reindex(self.members["insee_com"]).to_numpy()
        )
        unions = members.groupby("id_ti")["geometry"].agg(lambda s: shapely.union_all(s.to_numpy()))
        return gpd.GeoDataFrame(
            {
                "id_ti": unions.index,
                "lib_ti": self.table["lib_ti"].reindex(unions.index).to_numpy(),
            },
            geometry=shapely.make_valid(unions.to_numpy()),
            crs=gdf.crs,
        )
