"""The middle layer (dashboard.analysis.queries) on a store of six lauréats in four
communes, two EPCI, two départements, two régions and one TI: every expected value is
counted by hand in the comments."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis import queries
from dashboard.analysis.filters import FilterState

COMMUNES = pd.DataFrame(
    {
        "code": ["01001", "01002", "35001", "35002"],
        "nom": ["Ain-Un", "Ain-Deux", "Rennes-Un", "Rennes-Deux"],
        "population": [1_000, 3_000, 20_000, 0],
        "epci": ["E1", "E1", "E2", "E2"],
        "dep": ["01", "01", "35", "35"],
        "reg": ["84", "84", "53", "53"],
    }
)
LAUREATS = pd.DataFrame(
    {
        "id_laureat": ["a", "b", "c", "d", "e", "f"],
        "beneficiaire": ["A", "B", "C", "D", "E", "F"],
        "code_commune": ["01001", "01001", "01002", "35001", "35001", "35002"],
        "commune": ["Ain-Un", "Ain-Un", "Ain-Deux", "Rennes-Un", "Rennes-Un", "Rennes-Deux"],
        "epci": ["E1", "E1", "E1", "E2", "E2", "E2"],
        "dep": ["01", "01", "01", "35", "35", "35"],
        "reg": ["84", "84", "84", "53", "53", "53"],
        "id_ti": ["T1", "T1", None, None, None, None],
        "dans_ti": [True, True, False, False, False, False],
        "programme": ["P", "P", "Q", "P", "Q", "Q"],
        "taille_entreprise": ["PME", "ETI", "PME", "PME", "PME", "GE"],
        "enjeux": ["innovation", "numérique; innovation", "", "innovation", None, "numérique"],
        "montant_aide": [100_000.0, 200_000.0, np.nan, 1_000_000.0, 50_000.0, 0.0],
        "investissement": [1e6, 2e6, 3e6, 4e6, 5e6, 6e6],
        "emplois_prevus": [10.0, 20.0, np.nan, 5.0, 0.0, 1.0],
        "date_decision": pd.to_datetime(
            ["2021-01-10", "2021-06-01", "2022-02-02", "2020-12-31", "2021-03-03", "2022-01-01"]
        ),
    }
)


def table(codes, names, population=None) -> pd.DataFrame:
    frame = pd.DataFrame({"code": codes, "nom": names})
    if population is not None:
        frame["population"] = population
    return frame


class Geography:
    communes = COMMUNES
    epci = table(["E1", "E2", "E3"], ["CC de l'Ain", "Rennes Métropole", "CC sans projet"])
    departements = table(["01", "35"], ["Ain", "Ille-et-Vilaine"])
    regions = table(["84", "53"], ["Auvergne-Rhône-Alpes", "Bretagne"])

    def names(self, level: str) -> pd.Series:
        frame = {"commune": self.communes, "epci": self.epci, "dep": self.departements}.get(
            level, self.regions
        )
        return frame.set_index("code")["nom"]


@pytest.fixture
def store():
    tis = SimpleNamespace(
        table=pd.DataFrame(
            {"lib_ti": ["Ain industriel"], "population": [1_000]},
            index=pd.Index(["T1"], name="id_ti"),
        ),
        members=pd.DataFrame({"insee_com": ["01001"], "id_ti": ["T1"]}),
    )
    # Two clusters work with E1, none with E2 or E3 (counted per level by ClusterNetwork).
    clusters = SimpleNamespace(
        clusters_per_territory=lambda level: pd.Series({"E1": 2} if level == "epci" else {})
    )
    return SimpleNamespace(
        laureats=LAUREATS,
        geography=Geography(),
        tis=tis,
        clusters=clusters,
        cache_token=object(),  # a store of its own in the shared cache
    )


def test_epci_counts_and_totals(store):
    data = queries.map_data(store, FilterState())
    # E1: a, b, c; E2: d, e, f; E3: none (listed with 0, not left out).
    assert data.values.to_dict() == {"E1": 3.0, "E2": 3.0, "E3": 0.0}
    assert data.totals["n_laureats"] == 6
    assert data.totals["montant_aide"] == 1_350_000  # the unknown aid of c sums as 0
    assert data.totals["emplois_prevus"] == 36


def test_aid_per_10000_inhabitants_at_the_commune_level(store):
    state = FilterState.from_query("?niveau=commune&indicateur=montant_aide&par_habitant=1")
    values = queries.map_data(store, state).values
    # 01001: 300,000 € for 1,000 inhabitants -> 3,000,000 per 10,000.
    assert values["01001"] == pytest.approx(3_000_000)
    assert values["35001"] == pytest.approx(1_050_000 * 10_000 / 20_000)
    assert values["35002"] == 0  # no inhabitant: 0, never an infinite ratio


def test_filters_combine_region_size_enjeu_and_dates(store):
    state = FilterState.from_query("?region=84&taille=PME")
    assert queries.map_data(store, state).laureats["id_laureat"].tolist() == ["a", "c"]
    state = FilterState.from_query("?enjeu=innovation&du=2021-01-01")
    # a (innovation, 10/01/2021) and b (numérique; innovation, 01/06/2021); d is 2020.
    assert queries.map_data(store, state).laureats["id_laureat"].tolist() == ["a", "b"]
    state = FilterState.from_query("?ti_statut=hors")
    assert queries.map_data(store, state).totals["n_laureats"] == 4


def test_the_table_lists_territories_touching_the_places_ranked(store):
    state = FilterState.from_query("?region=53&indicateur=investissement")
    rows = queries.territory_table(store, state, [])
    # Only E2 touches Bretagne: d + e + f = 15 M€ of investment, rank 1.
    assert rows[["code", "nom", "valeur", "rang"]].values.tolist() == [
        ["E2", "Rennes Métropole", 15e6, 1]
    ]
    everything = queries.territory_table(store, FilterState(), [])
    assert everything["code"].tolist() == ["E1", "E2", "E3"]  # ties by name
    assert everything["rang"].tolist() == [1, 1, 3]
    assert everything["n_clusters"].tolist() == [2, 0, 0]  # a territory without one says 0


def test_a_sort_by_value_descending_puts_the_largest_first(store):
    state = FilterState.from_query("?indicateur=montant_aide")
    sort = [{"column_id": "valeur_texte", "direction": "desc"}]
    rows = queries.territory_table(store, state, sort)
    assert rows["code"].tolist() == ["E2", "E1", "E3"]  # 1,050,000 ; 300,000 ; 0


def test_ti_level_counts_the_laureats_of_the_ti(store):
    values = queries.map_data(store, FilterState.from_query("?niveau=ti")).values
    assert values.to_dict() == {"T1": 2.0}  # a and b, in 01001, T1's only commune


def test_describe_filters_names_the_places_in_french(store):
    state = FilterState.from_query("?region=53,84&taille=PME")
    # Names in the order of their codes (53, 84), as the URL writes them.
    assert queries.describe_filters(store, state) == "Bretagne, Auvergne-Rhône-Alpes, PME"
    assert queries.describe_filters(store, FilterState()) == ""


def test_a_laureat_is_found_by_id_whatever_its_type(store):
    assert queries.laureat(store, "d")["beneficiaire"] == "D"
    assert queries.laureat(store, "zz") is None
