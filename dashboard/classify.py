"""Class breaks for choropleths: territories with no lauréat get their own class."""

from __future__ import annotations

import numpy as np
import pandas as pd


def class_breaks(values: pd.Series, n_classes: int = 5) -> list[float]:
    """Quantile breaks over the positive values, rounded to readable integers when large.

    Returns upper bounds, ascending, deduplicated; empty when no value is positive.
    """
    positive = values[values > 0].dropna()
    if positive.empty:
        return []
    quantiles = np.quantile(positive, np.linspace(0, 1, n_classes + 1)[1:])
    if positive.max() >= 10:
        quantiles = np.ceil(quantiles)
    return sorted(set(float(q) for q in quantiles))


def classify(values: pd.Series, breaks: list[float]) -> pd.Series:
    """Class 0 for zero/missing, then 1..len(breaks) by upper bound."""
    filled = values.fillna(0)
    classes = np.searchsorted(np.asarray(breaks), filled.to_numpy(), side="left") + 1
    return pd.Series(np.where(filled > 0, classes, 0), index=values.index)
