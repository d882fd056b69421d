"""Territoires sans financement: repaint callback time and response size (printed only)."""

from __future__ import annotations

import statistics
import time

import numpy as np

from app import create_app
from dashboard.analysis.funding_gaps import GapState
from dashboard.data.store import DataStore
from pages.funding_gaps import drawn_key
from tests.benchmarks.map_bench import callback_request, scaled_store

QUERIES = [
    "",
    "?du=2021-01-01",
    "?seuil=20",
    "?region=27",
    "?niveau=epci",
    "?niveau=epci&region=53",
    "?niveau=epci&du=2021-01-01&seuil=5",
]


def _body(app, query: str) -> dict:
    """The request the browser sends when the screen's state changes to ``query``; what it
    shows before is the default screen at the same level."""
    drawn = drawn_key(GapState(level=GapState.from_query(query).level))
    return callback_request(
        app,
        "gaps-rule.children",
        [{"id": "gaps-state", "property": "data", "value": query}],
        [
            {"id": "gaps-drawn", "property": "data", "value": drawn},
            {"id": "gaps-map-webgl", "property": "data", "value": True},
        ],
    )


def callback_figures(store: DataStore, repeats: int = 5) -> dict[str, float]:
    app = create_app(store.settings, store=store)
    client = app.server.test_client()
    client.get("/territoires-sans-financement")
    timings, sizes = [], []
    for _ in range(repeats):
        for query in QUERIES:
            start = time.perf_counter()
            response = client.post("/_dash-update-component", json=_body(app, query))
            timings.append((time.perf_counter() - start) * 1000)
            sizes.append(len(response.data))
            assert response.status_code == 200, response.data[:300]
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": float(np.percentile(timings, 95)),
        "bytes_median": statistics.median(sizes),
        "bytes_max": max(sizes),
    }


def run(store: DataStore) -> None:
    for n_rows in (2_000, 100_000):
        figures = callback_figures(scaled_store(store, n_rows))
        print(
            f"{n_rows:>7,} lauréats — territoires sans financement : changement de critère "
            f"p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms ; réponse médiane "
            f"{figures['bytes_median'] / 1024:.0f} Ko, max {figures['bytes_max'] / 1024:.0f} Ko"
        )
