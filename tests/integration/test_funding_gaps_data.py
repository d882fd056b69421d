"""Unfunded territories on real files: the ANCT TI list, URSSAF's Jura employment, and four
hand-placed lauréats whose verdicts are known; then on the demo data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.funding_gaps import GapState, funding_gaps, industrial_jobs, rule_sentence

GRAND_DOLE, HAUT_JURA, RUMILLY = "ti-2705", "ti-2706", "ti-8418"
BFC_DEPARTEMENTS = ("21", "25", "39", "58", "70", "71", "89", "90")


@pytest.fixture(scope="module")
def real_files(shared_dir):
    return shared_dir / "data"


@pytest.fixture(scope="module")
def store(jura_store):
    return jura_store


def raw_ti_shares(real_files) -> pd.DataFrame:
    """Per-TI industrial share straight from the two CSV files (independent of the app)."""
    tis = pd.read_csv(real_files / "territoires_industrie_communes.csv", dtype=str)
    jura = pd.read_csv(real_files / "emploi_industriel_jura_2025.csv", dtype={"code_commune": str})
    joined = tis.merge(jura, left_on="insee_com", right_on="code_commune")
    sums = joined.groupby("id_ti")[["effectif_salarie_industrie", "effectif_salarie_prive"]].sum()
    sums["part"] = 100 * sums["effectif_salarie_industrie"] / sums["effectif_salarie_prive"]
    return sums


def test_jura_industrial_jobs_per_ti_from_the_real_list(store, real_files):
    jobs = industrial_jobs(store, "id_ti")
    assert (jobs.year, jobs.source) == (2025, "URSSAF, effectifs salariés par commune")
    expected = raw_ti_shares(real_files)
    assert sorted(jobs.table.dropna(subset=["emplois_industriels"]).index) == [
        GRAND_DOLE,
        HAUT_JURA,
    ]
    for id_ti in (GRAND_DOLE, HAUT_JURA):
        row = jobs.table.loc[id_ti]
        assert row["emplois_industriels"] == expected.loc[id_ti, "effectif_salarie_industrie"]
        assert row["part_emploi_industriel"] == pytest.approx(expected.loc[id_ti, "part"])
    # Hand-checked: 4 500 of 15 985 jobs in Grand Dole, 6 559 of 16 114 in Haut-Jura.
    assert jobs.table.loc[GRAND_DOLE, "emplois_industriels"] == 4_500
    assert round(jobs.table.loc[GRAND_DOLE, "part_emploi_industriel"], 1) == 28.2
    assert jobs.table.loc[HAUT_JURA, "emplois_industriels"] == 6_559
    assert round(jobs.table.loc[HAUT_JURA, "part_emploi_industriel"], 1) == 40.7
    # Every commune of both TIs carries a value: the totals are complete, not partial.
    assert jobs.table.loc[GRAND_DOLE, "n_communes_renseignees"] == 47
    assert jobs.table.loc[HAUT_JURA, "n_communes_renseignees"] == 192


def test_per_industrial_job_rule_on_hand_placed_laureats(store):
    result = funding_gaps(store, GapState(basis="emploi_industriel"))
    table = result.table.set_index("code")
    # Grand Dole 450 000 € / 4 500 jobs = 100 €; Haut-Jura 65 590 € / 6 559 = 10 €.
    assert table.loc[GRAND_DOLE, "aide_par_emploi_industriel"] == pytest.approx(100.0)
    assert table.loc[HAUT_JURA, "aide_par_emploi_industriel"] == pytest.approx(10.0)
    assert result.threshold == pytest.approx(10 + 0.2 * 90)  # 20th percentile of 10 and 100
    assert table.loc[HAUT_JURA, "verdict"] == "sous_finance"
    assert table.loc[GRAND_DOLE, "verdict"] == "finance"
    assert table.loc[RUMILLY, "verdict"] == "non_evaluable"  # funded, no employment loaded
    assert result.counts()["non_finance"] == 183 - 3
    sentence = rule_sentence(result, GapState(basis="emploi_industriel"))
    assert "par emploi industriel est inférieure à 28,00\u00a0€ par emploi industriel" in sentence
    assert "premier quintile des 2 Territoires d'industrie financés" in sentence


def test_tis_of_a_region_that_received_nothing_since_2021(store, real_files):
    """The analyst's question: which TIs of Bourgogne-Franche-Comté got nothing since 2021?"""
    state = GapState(regions=("27",), date_from="2021-01-01")
    listed = funding_gaps(store, state).listed(state.regions)
    tis = pd.read_csv(real_files / "territoires_industrie_communes.csv", dtype=str)
    in_bfc = set(tis.loc[tis["insee_com"].str[:2].isin(BFC_DEPARTEMENTS), "id_ti"])
    unfunded = listed[listed["verdict"] == "non_finance"]
    # Grand Dole's lauréat is of 2021; Haut-Jura's of 2020, so it counts as unfunded.
    assert set(unfunded["code"]) == in_bfc - {GRAND_DOLE}
    assert HAUT_JURA in set(unfunded["code"])
    assert unfunded["population"].is_monotonic_decreasing  # heaviest first
    assert listed["rang_liste"].tolist() == list(range(1, len(listed) + 1))
    haut_jura = listed.set_index("code").loc[HAUT_JURA]
    assert haut_jura["emplois_industriels"] == 6_559


def test_threshold_of_the_demo_is_the_quintile_of_funded_tis(demo_store):
    state = GapState(date_from="2021-01-01")
    result = funding_gaps(demo_store, state)
    laureats = demo_store.laureats
    recent = laureats[laureats["date_decision"] >= "2021-01-01"]
    funded = recent.dropna(subset=["id_ti"]).groupby("id_ti")
    known = funded["montant_aide"].count()
    population = demo_store.tis.table["population"].reindex(known.index)
    ratios = (funded["montant_aide"].sum() / population)[known > 0]
    assert result.threshold == pytest.approx(np.quantile(ratios.dropna(), 0.2))
    expected_unfunded = set(demo_store.tis.table.index) - set(funded.groups)
    table = result.table
    assert set(table.loc[table["verdict"] == "non_finance", "code"]) == expected_unfunded
    under = table[table["verdict"] == "sous_finance"]
    assert (under["aide_par_habitant"] < result.threshold).all()
    assert len(under) == int((ratios < result.threshold).sum())


def test_epci_level_covers_every_epci_and_counts_add_up(demo_store):
    result = funding_gaps(demo_store, GapState(level="epci"))
    assert len(result.table) == 1_253
    counts = result.counts()
    funded_epci = demo_store.laureats["epci"].nunique()
    assert counts["non_finance"] == 1_253 - funded_epci
    bfc = result.counts(("27",))
    assert sum(bfc.values()) == len(result.shown(("27",)))


def test_the_industrial_job_basis_says_how_much_of_france_it_covers(demo_store):
    """The demo ships URSSAF industrial employment for Jura only: 1 département of 101."""
    from layouts.funding_gaps import jobs_basis_label, table_columns

    result = funding_gaps(demo_store, GapState())
    assert result.jobs_departements == (1, 101)
    assert (
        jobs_basis_label(result)
        == "par emploi industriel (renseigné pour 1\u00a0département sur 101)"
    )
    # A list of Bretagne territories has no industrial employment: its columns are hidden.
    shown = {column["id"] for column in table_columns(result, ("53",))}
    assert "emplois_industriels" not in shown and "aide_par_emploi_industriel" not in shown
    # The TIs of Bourgogne-Franche-Comté without a cluster include Haut-Jura and Grand Dole.
    networks = funding_gaps(demo_store, GapState(criterion="sans_reseau"))
    assert "emplois_industriels" in {c["id"] for c in table_columns(networks, ("27",))}
