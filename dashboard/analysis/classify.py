"""Class breaks for choropleths: territories with no lauréat get their own class."""

from __future__ import annotations

import math

import jenkspy
import numpy as np
import pandas as pd


def class_breaks(values: pd.Series, n_classes: int = 5) -> list[float]:
    """Natural breaks (Fisher-Jenks) over the positive values, rounded to readable bounds.

    Why Jenks rather than quantiles: funded territories are skewed (many with one or two
    lauréats, a few with dozens), and quantiles then put the whole spread in the top
    class (« 4 à 45 lauréats »). Bounds are rounded to two significant figures (integers
    when large) and kept distinct, so two classes never read alike. Returns upper bounds,
    ascending; empty when no value is positive.
    """
    positive = values[values > 0].dropna().to_numpy(dtype=float)
    if positive.size == 0:
        return []
    distinct = np.unique(positive)
    if distinct.size <= n_classes:
        return [float(v) for v in distinct]
    uppers = jenkspy.jenks_breaks(positive, n_classes=n_classes)[1:]
    top = float(positive.max())
    rounded = [readable(float(b), integer=top >= 10) for b in uppers[:-1]]
    return sorted({b for b in rounded if 0 < b < top} | {top})


def readable(value: float, integer: bool) -> float:
    """Two significant figures (``0.1234`` -> ``0.12``; ``1234`` -> ``1200``), up."""
    if integer and value < 100:
        return float(math.ceil(value))
    digits = 1 - math.floor(math.log10(abs(value)))
    step = 10.0**-digits
    return round(math.ceil(round(value / step, 6)) * step, max(digits, 0))


def classify(values: pd.Series, breaks: list[float]) -> pd.Series:
    """Class 0 for zero/missing, then 1..len(breaks) by upper bound."""
    filled = values.fillna(0)
    classes = np.searchsorted(np.asarray(breaks), filled.to_numpy(), side="left") + 1
    return pd.Series(np.where(filled > 0, classes, 0), index=values.index)
