"""Indicators: the real Jura employment file, melted and summed upwards (../shared)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.ingest import aggregate_indicator, load_file
from tests.conftest_ingest import COMMUNES, fake_geography, shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def jura_file():
    return shared_path() / "data" / "emploi_industriel_jura_2025.csv"


@pytest.fixture(scope="module")
def jura_geography(jura_file):
    """The fake communes plus the 492 Jura communes of the file, in two made-up EPCI."""
    codes = pd.read_csv(jura_file, dtype=str)["code_commune"]
    jura = pd.DataFrame(
        {
            "code": codes,
            "nom": codes,
            "epci": ["E1", "E2"] * (len(codes) // 2),
            "dep": "39",
            "reg": "27",
            "population": 1,
        }
    )
    return fake_geography(pd.concat([COMMUNES[~COMMUNES["code"].isin(codes)], jura]))


@pytest.fixture(scope="module")
def jura(jura_file, jura_geography):
    return load_file("indicateurs", jura_file, jura_geography)


def test_wide_commune_file_is_melted_with_empty_cells_kept_as_no_value(jura):
    assert (jura.report.rows_read, jura.report.rows_kept, jura.report.rejections) == (492, 492, [])
    frame = jura.frame
    assert set(frame["indicateur"]) == {
        "effectif_salarie_prive",
        "effectif_salarie_industrie",
        "etablissements_employeurs_industrie",
    }
    assert len(frame) == 3 * 492
    private = frame[frame["indicateur"] == "effectif_salarie_prive"]
    assert private["valeur"].isna().sum() == 28  # no declaration, not zero
    assert set(frame["niveau"]) == {"commune"} and set(frame["annee"]) == {2025}


def test_jura_totals_are_sums_and_the_industry_share_is_recomputed(jura, jura_geography):
    by_dep = aggregate_indicator(jura.frame, jura_geography, "dep").set_index("indicateur")
    assert by_dep["code_territoire"].unique().tolist() == ["39"]
    assert by_dep.loc["effectif_salarie_prive", "valeur"] == 60_179
    assert by_dep.loc["effectif_salarie_industrie", "valeur"] == 17_904
    share = by_dep.loc["part_emploi_industriel", "valeur"]
    assert round(share, 1) == 29.8
    assert share == pytest.approx(100 * 17_904 / 60_179)
    assert by_dep.loc["part_emploi_industriel", "unite"] == "%"
    assert by_dep.loc["effectif_salarie_prive", "n_communes"] == 492 - 28
    # Averaging the communes' shares would give another (wrong) figure.
    wide = jura.frame.pivot(index="code_territoire", columns="indicateur", values="valeur")
    averaged = (100 * wide["effectif_salarie_industrie"] / wide["effectif_salarie_prive"]).mean()
    assert round(averaged, 1) != 29.8


def test_epci_and_region_levels_add_up_to_the_department(jura, jura_geography):
    by_epci = aggregate_indicator(jura.frame, jura_geography, "epci")
    jobs = by_epci[by_epci["indicateur"] == "effectif_salarie_industrie"]
    assert sorted(jobs["code_territoire"]) == ["E1", "E2"]
    assert jobs["valeur"].sum() == 17_904
    by_region = aggregate_indicator(jura.frame, jura_geography, "region")
    assert set(by_region["niveau"]) == {"region"}


def test_ti_level_needs_the_ti_list(jura, jura_geography):
    with pytest.raises(ValueError, match="Territoires d'industrie"):
        aggregate_indicator(jura.frame, jura_geography, "ti")
    members = pd.DataFrame({"insee_com": ["39001", "39002"], "id_ti": ["ti-x", "ti-x"]})
    by_ti = aggregate_indicator(jura.frame, jura_geography, "ti", territoires=members)
    assert by_ti.set_index("indicateur").loc["effectif_salarie_industrie", "valeur"] == 9


def test_real_files_load_whole_against_the_reference_geography(geography):
    """The ANCT list and the Jura file name only current communes (built geography)."""
    data = shared_path() / "data"
    tis = load_file("territoires_industrie", data / "territoires_industrie_communes.csv", geography)
    assert (tis.report.rows_kept, tis.report.rejections, tis.report.warnings) == (18_640, [], [])
    assert tis.frame["id_ti"].nunique() == 183
    jura = load_file("indicateurs", data / "emploi_industriel_jura_2025.csv", geography)
    assert jura.report.rejections == []
    by_dep = aggregate_indicator(jura.frame, geography, "dep").set_index("indicateur")
    assert by_dep.loc["effectif_salarie_industrie", "valeur"] == 17_904
