"""Territory API: hierarchy, point location and Territoires d'industrie."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.territory.territoires_industrie import TerritoiresIndustrie


def test_commune_rows_give_the_hierarchy(geography):
    rows = geography.commune_rows(pd.Series(["39281", "2A004", "99999"]))
    assert rows.loc[0, ["dep", "reg"]].tolist() == ["39", "27"]
    assert rows.loc[1, "reg"] == "94"
    assert pd.isna(rows.loc[2, "nom"])


def test_locate_finds_the_commune_of_100000_points(geography):
    communes = geography.communes[~geography.communes["polygone_partage"]]
    picks = np.random.default_rng(1).integers(0, len(communes), 100_000)
    found = geography.locate(communes["lon"].to_numpy()[picks], communes["lat"].to_numpy()[picks])
    assert (found == communes["code"].to_numpy()[picks]).all()


def test_locate_returns_none_outside_france(geography):
    found = geography.locate(np.array([12.5, 2.3522, np.nan]), np.array([60.1, 48.8566, 45.0]))
    assert found.tolist() == [None, "75056", None]


@pytest.fixture(scope="module")
def anct(shared_dir, geography):
    communes_list = pd.read_csv(
        shared_dir / "data" / "territoires_industrie_communes.csv", dtype=str
    )
    return TerritoiresIndustrie.from_list(communes_list, geography, "ANCT 2024")


def test_anct_list_gives_published_counts(anct):
    assert len(anct.table) == 183
    assert anct.members["insee_com"].nunique() == 18_640
    assert anct.members["epci"].nunique() == 628


def test_anct_list_partly_covered_epci(anct):
    partial = anct.partly_covered_epci()
    facts = {row.nom: (row.n_in_ti, row.n_communes_epci) for row in partial.itertuples()}
    assert facts == {
        "Communauté de communes Haute-Corrèze Communauté": (11, 70),
        "Communauté de communes Bazois Loire Morvan": (1, 46),
        "Métropole du Grand Paris": (39, 130),
    }
    assert partial.loc[partial["n_in_ti"] == 39, "n_ti"].item() == 3


def test_anct_list_spans(anct):
    assert (anct.table["n_dep"] > 1).sum() == 65
    assert (anct.table["n_reg"] > 1).sum() == 15


def test_anct_list_counts_a_ti_in_every_region_it_touches(anct, geography):
    """Occitanie: 14 TIs have most of their communes there, 16 touch it (Vaucluse and
    Lacq – Pau – Tarbes cross in); Auvergne-Rhône-Alpes: 24 and 28 (issue figures)."""
    counts = anct.count_by_region().rename(geography.names("reg"))
    assert counts["Occitanie"] == 16
    assert counts["Auvergne-Rhône-Alpes"] == 28
    # 15 TIs span two régions: 183 TIs, 198 (TI, région) pairs, none counted twice.
    assert counts.sum() == 183 + 15
    occitanie = anct.touching("reg", ["76"])
    assert {"Vaucluse", "Lacq – Pau – Tarbes"} <= set(occitanie["lib_ti"])
    vaucluse = occitanie.loc[occitanie["lib_ti"] == "Vaucluse", "part"].item()
    communes = anct.members[anct.members["lib_ti"] == "Vaucluse"]
    assert vaucluse == pytest.approx((communes["reg"] == "76").mean())
    assert 0 < vaucluse < 0.5


def test_ti_perimeter_is_union_of_its_communes(anct, geography):
    perimeters = anct.perimeters().set_index("id_ti")
    assert len(perimeters) == 183
    some_ti = anct.table.index[0]
    codes = anct.members.loc[anct.members["id_ti"] == some_ti, "insee_com"]
    communes = geography.communes_gdf.set_index("code").geometry.reindex(codes)
    difference = perimeters.geometry[some_ti].symmetric_difference(communes.union_all())
    assert difference.area < 1e-9


def test_ti_vintage_is_kept(anct):
    assert anct.vintage == "ANCT 2024"
