"""The "non financé / sous-financé" rule on small frames whose answer is known by hand."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from dashboard.analysis.funding_gaps import (
    GapState,
    classify_funding,
    parse_threshold,
    rank_territories,
)
from dashboard.territory.clusters import nearest_clusters


def territories(**columns) -> pd.DataFrame:
    """Six TIs of 100 inhabitants: A got nothing, F's lauréat has no aid amount."""
    frame = pd.DataFrame(
        {
            "nom": ["A", "B", "C", "D", "E", "F"],
            "population": [500, 100, 100, 100, 100, 100],
            "n_laureats": [0, 1, 3, 2, 4, 1],
            "n_aide_connue": [0, 1, 3, 2, 4, 0],
            "aide": [0.0, 100.0, 1_000.0, 500.0, 2_000.0, 0.0],
        },
        index=pd.Index(["ti-a", "ti-b", "ti-c", "ti-d", "ti-e", "ti-f"], name="code"),
    )
    return frame.assign(**columns)


def test_default_threshold_is_the_lowest_quintile_of_funded_territories():
    # Funded and evaluable: B 1 €, D 5 €, C 10 €, E 20 € per inhabitant.
    # 20th percentile (linear): 1 + 0.6 × (5 − 1) = 3.4 €.
    frame, threshold, n_reference = classify_funding(territories(), "habitant", None)
    assert threshold == pytest.approx(3.4)
    assert n_reference == 4
    assert frame["verdict"].to_dict() == {
        "ti-a": "non_finance",
        "ti-b": "sous_finance",
        "ti-c": "finance",
        "ti-d": "finance",
        "ti-e": "finance",
        "ti-f": "non_evaluable",  # aid unknown: not made to look poor
    }
    assert frame.loc["ti-b", "aide_par_habitant"] == pytest.approx(1.0)
    assert frame.loc["ti-a", "aide_par_habitant"] == 0.0
    assert np.isnan(frame.loc["ti-f", "aide_par_habitant"])


def test_a_threshold_set_by_the_user_replaces_the_quintile():
    frame, threshold, _n = classify_funding(territories(), "habitant", 6.0)
    assert threshold == 6.0
    assert frame.index[frame["verdict"] == "sous_finance"].tolist() == ["ti-b", "ti-d"]


def test_per_industrial_job_leaves_territories_without_the_indicator_unranked():
    jobs = [1_000, 10, np.nan, 100, 50, 20]
    frame, threshold, n_reference = classify_funding(
        territories(emplois_industriels=jobs), "emploi_industriel", None
    )
    # Per job: B 10 €, D 5 €, E 40 €; C has no industrial employment loaded.
    assert n_reference == 3
    assert threshold == pytest.approx(5 + 0.4 * (10 - 5))  # 20th percentile of 5, 10, 40
    assert frame.loc["ti-c", "verdict"] == "non_evaluable"
    assert frame.loc["ti-d", "verdict"] == "sous_finance"
    assert frame.loc["ti-a", "verdict"] == "non_finance"  # nothing received, jobs or not


def test_ranking_puts_the_heaviest_unfunded_first_then_the_lowest_ratio():
    frame = territories(
        population=[500, 100, 100, 100, 100, 100],
        n_laureats=[0, 1, 0, 1, 4, 1],
        n_aide_connue=[0, 1, 0, 1, 4, 1],
        aide=[0.0, 300.0, 0.0, 100.0, 2_000.0, 900.0],
    )
    classified, _threshold, _n = classify_funding(frame, "habitant", 5.0)
    ranked = rank_territories(classified.reset_index(), "habitant")
    assert ranked["code"].tolist()[:4] == ["ti-a", "ti-c", "ti-d", "ti-b"]
    assert ranked["verdict"].tolist()[:4] == ["non_finance"] * 2 + ["sous_finance"] * 2
    assert ranked["rang"].tolist() == [1, 2, 3, 4, 0, 0]


def test_state_round_trips_through_the_url():
    state = GapState(
        level="epci",
        basis="emploi_industriel",
        threshold=12.5,
        date_from="2021-01-01",
        regions=("27", "53"),
        programmes=("Fonds vert",),
        layers=("pins",),
    )
    query = state.to_query()
    assert "seuil=12.5" in query and "region=27,53" in query
    restored = GapState.from_query(query)
    assert restored == state and restored.layers == ("pins",)
    assert GapState.from_query("?niveau=region&base=x&du=hier") == GapState()


@pytest.mark.parametrize(
    ("text", "value"),
    [("12,5", 12.5), ("1 234,5", 1234.5), ("0", 0.0), ("-3", None), ("douze", None), ("", None)],
)
def test_threshold_typed_the_french_way(text, value):
    assert parse_threshold(text) == value


def test_nearest_cluster_distance_is_measured_in_lambert_93():
    # Two 10 km squares near Dijon (Lambert-93), a cluster inside the first, 10 km from the
    # second; a Guyane territory with no cluster in Guyane gets no distance.
    square = shapely.box(850_000, 6_680_000, 860_000, 6_690_000)
    second = shapely.box(870_000, 6_680_000, 880_000, 6_690_000)
    metro = gpd.GeoSeries([square, second], crs=2154).to_crs(4326)
    guyane = shapely.box(-52.4, 4.8, -52.2, 5.0)
    areas = gpd.GeoDataFrame(
        geometry=[*metro, guyane], index=pd.Index(["a", "b", "g"], name="code"), crs=4326
    )
    point = gpd.GeoSeries([shapely.Point(855_000, 6_685_000)], crs=2154).to_crs(4326)
    clusters = pd.DataFrame(
        {"nom": ["Pôle X"], "type": ["pôle de compétitivité"], "lon": point.x, "lat": point.y}
    )
    nearest = nearest_clusters(areas, clusters)
    assert nearest.loc["a", "distance_cluster_km"] == 0
    assert nearest.loc["b", "distance_cluster_km"] == pytest.approx(15.0, abs=0.05)
    assert nearest.loc["b", "cluster_proche"] == "Pôle X"
    assert np.isnan(nearest.loc["g", "distance_cluster_km"])
