"""Aggregations of lauréats by territory: one vectorised groupby per request."""

from __future__ import annotations

import pandas as pd

METRIC_COLUMNS = ("n_laureats", "montant_aide", "investissement", "emplois_prevus")


# Column of the lauréats holding a level's territory code, where it is not the level's name.
LEVEL_COLUMNS = {"commune": "code_commune"}


def aggregate(laureats: pd.DataFrame, level: str) -> pd.DataFrame:
    """Count, aid, investment and jobs per territory code of ``level``.

    Unknown amounts stay unknown in a row but sum as zero, as in the annex totals.
    """
    column = LEVEL_COLUMNS.get(level, level)
    grouped = laureats.dropna(subset=[column]).groupby(column)
    frame = pd.DataFrame({"n_laureats": grouped.size()})
    for column in METRIC_COLUMNS[1:]:
        frame[column] = grouped[column].sum(min_count=0) if column in laureats else 0.0
    frame.index.name = "code"
    return frame


def totals(laureats: pd.DataFrame) -> dict[str, float]:
    """National (or filtered) totals of each metric."""
    result = {"n_laureats": len(laureats)}
    for column in METRIC_COLUMNS[1:]:
        result[column] = float(laureats[column].sum()) if column in laureats else 0.0
    return result
