"""Choropleth classes: the spread of skewed counts shows, and no two bounds read alike."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis.classify import class_breaks, classify
from dashboard.text import labels
from layouts.figures.choropleth import class_labels, format_values, legend_title


def test_a_few_large_counts_get_their_own_classes():
    # Many territories with 1 or 2 lauréats, a few with dozens (like the demo's EPCI).
    counts = pd.Series([0] * 20 + [1] * 40 + [2] * 20 + [3] * 10 + [4, 5, 6, 8, 12, 20, 33, 45.0])
    breaks = class_breaks(counts)
    classes = classify(counts, breaks)
    assert classes[counts == 45].iloc[0] != classes[counts == 4].iloc[0]  # not « 4 à 45 »
    assert breaks[-1] == 45 and len(breaks) == 5
    texts = class_labels(breaks, "n_laureats", False)
    assert texts[0] == "Aucun lauréat" and len(set(texts)) == len(texts)


def test_small_amounts_never_show_two_equal_bounds():
    aid = pd.Series([0.0, 90_000, 100_000, 104_000, 110_000, 120_000, 140_000, 600_000])
    texts = class_labels(class_breaks(aid), "montant_aide", False)
    bounds = [t.replace("plus de ", "").replace("jusqu'à ", "") for t in texts[1:]]
    for text in bounds:
        low, _, high = text.partition(" à ")
        assert low != high.removesuffix("\u00a0M€"), texts
    assert len(set(texts)) == len(texts)


def test_aid_per_inhabitant_reads_in_euros_per_inhabitant():
    # Queries give aid per 10,000 inhabitants: 2,800 € for 10,000 people is 0.28 € each.
    per_10000 = pd.Series([2_800.0, 61_000.0, 140_000.0])
    texts = format_values(per_10000, "montant_aide", per_capita=True).tolist()
    assert texts == [
        "0,28\u00a0€ par habitant",
        "6,10\u00a0€ par habitant",
        "14,00\u00a0€ par habitant",
    ]
    assert legend_title("montant_aide", True) == "Aide publique<br>(€ par habitant)"
    assert "M€" not in "".join(class_labels(class_breaks(per_10000), "montant_aide", True))
    assert legend_title("montant_aide", False) == "Aide publique (M€)"
    assert labels.METRICS["montant_aide"] == "Aide publique"  # the unit is the legend's
