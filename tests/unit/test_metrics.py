"""Aggregations by territory and class breaks, on small tables summed by hand."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis.classify import class_breaks, classify, readable
from dashboard.analysis.metrics import aggregate, totals

LAUREATS = pd.DataFrame(
    {
        "epci": ["200000001", "200000001", "200000002", None],
        "montant_aide": [100_000.0, None, 50_000.0, 7.0],
        "investissement": [1_000_000.0, 250_000.0, 400_000.0, 0.0],
        "emplois_prevus": [10.0, 5.0, 0.0, 1.0],
    }
)


def test_aggregate_counts_and_sums_per_territory():
    frame = aggregate(LAUREATS, "epci")
    assert frame.loc["200000001"].to_dict() == {
        "n_laureats": 2,
        "montant_aide": 100_000.0,  # the unknown amount sums as zero
        "investissement": 1_250_000.0,
        "emplois_prevus": 15.0,
    }
    assert frame.loc["200000002", "n_laureats"] == 1
    assert list(frame.index) == ["200000001", "200000002"]  # no territory: not a row


def test_totals_count_every_row_even_without_territory():
    assert totals(LAUREATS) == {
        "n_laureats": 4,
        "montant_aide": 150_007.0,
        "investissement": 1_650_000.0,
        "emplois_prevus": 16.0,
    }


def test_few_distinct_values_are_their_own_classes():
    counts = pd.Series([0, 1, 1, 2, 3, 3, 3])
    assert class_breaks(counts) == [1.0, 2.0, 3.0]
    assert classify(counts, [1.0, 2.0, 3.0]).tolist() == [0, 1, 1, 2, 3, 3, 3]


def test_no_positive_value_means_no_class():
    assert class_breaks(pd.Series([0.0, 0.0, None])) == []


def test_bounds_read_as_two_significant_figures_rounded_up():
    assert readable(0.1234, integer=False) == 0.13
    assert readable(1234.0, integer=True) == 1300.0
    assert readable(7.2, integer=True) == 8.0
