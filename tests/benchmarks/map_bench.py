"""National map figures at 2,000 and 100,000 lauréats: server time, response size, browser timing.

Synthetic rows are drawn from the demo lauréats (new ids, same communes) so the
distribution of territories stays realistic. Figures are printed, never asserted.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import time
from pathlib import Path

import numpy as np

from app import create_app
from dashboard.data.store import DataStore

FILTER_QUERIES = [
    "",
    "?region=53",
    "?region=27",
    "?region=84&taille=PME",
    "?ti_statut=dans",
    "?ti_statut=hors",
    "?enjeu=innovation",
    "?region=11,32",
    "?taille=ETI",
    "?du=2021-01-01",
    "?indicateur=investissement",
    "?indicateur=emplois_prevus&par_habitant=1",
]


BROWSER_ENCODINGS = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def scaled_store(store: DataStore, n_rows: int) -> DataStore:
    """The demo store with ``n_rows`` lauréats sampled (with replacement) from the demo's."""
    rng = np.random.default_rng(42)
    picks = rng.integers(0, len(store.laureats), n_rows)
    laureats = store.laureats.iloc[picks].reset_index(drop=True)
    laureats["id_laureat"] = [f"bench-{i:06d}" for i in range(n_rows)]
    return dataclasses.replace(store, laureats=laureats)


def callback_request(app, output_part: str, inputs: list[dict], state: list[dict]) -> dict:
    """The request body the browser sends for the callback whose outputs include
    ``output_part`` (read from the app's own callback map, so it follows the code)."""
    key = next(k for k in app.callback_map if output_part in k)
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in key.strip(".").split("...")
    ]
    return {
        "output": key,
        "outputs": outputs,
        "inputs": inputs,
        "state": state,
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"],
    }


def filter_body(dependencies: list[dict], query: str) -> dict:
    """The body the browser sends when the filters become ``query`` (région, size...)."""
    from dashboard.analysis.filters import FilterState

    callback = next(c for c in dependencies if "summary-line.children" in c["output"])
    state = FilterState.from_query(query)
    values = {
        "f-level": "epci",
        "f-metric": state.metric,
        "f-per-capita": ["1"] if state.per_capita else [],
        "f-date-from": state.date_from,
        "f-date-to": state.date_to,
        "f-ti-scope": state.ti_scope,
        "f-region": list(state.regions),
        "f-departement": list(state.departements),
        "f-ti": list(state.tis),
        "f-programme": list(state.programmes),
        "f-filiere": list(state.filieres),
        "f-enjeu": list(state.enjeux),
        "f-taille": list(state.tailles),
        "territory-table": None,
        "drawn-rows": "",
    }
    inputs = [
        {**i, "value": values.get(i["id"], 0 if i["property"] == "page_current" else None)}
        for i in callback["inputs"]
    ]
    state_values = [{**s, "value": values.get(s["id"])} for s in callback["state"]]
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in callback["output"].strip(".").split("...")
    ]
    return {
        "output": callback["output"],
        "outputs": outputs,
        "inputs": inputs,
        "state": state_values,
        "changedPropIds": ["f-region.value"],
    }


def callback_figures(store: DataStore, repeats: int = 5) -> dict[str, float]:
    """p50/p95 of the repaint callback through Flask, and the EPCI recolour response size."""
    app = create_app(store.settings, store=store)
    client = app.server.test_client()
    client.get("/")
    dependencies = client.get("/_dash-dependencies").get_json()
    timings, sizes, wire = [], {}, {}
    for _ in range(repeats):
        for query in FILTER_QUERIES:
            start = time.perf_counter()
            response = client.post("/_dash-update-component", json=filter_body(dependencies, query))
            timings.append((time.perf_counter() - start) * 1000)
            sizes[query] = len(response.data)
            assert response.status_code == 200, response.data[:300]
    for query in FILTER_QUERIES:  # what a browser receives: it always accepts br
        body = filter_body(dependencies, query)
        sent = client.post("/_dash-update-component", json=body, headers=BROWSER_ENCODINGS)
        wire[query] = len(sent.data)
    # A metric change: same rows as drawn, so the pins are not re-sent.
    recolour = filter_body(dependencies, "?indicateur=montant_aide")
    client_response = client.post("/_dash-update-component", json=recolour)
    patch = json.loads(client_response.data)["response"]["national-map-data"]["data"]
    choropleth_only = [op for op in patch["operations"] if op["location"][:1] == ["choropleth"]]
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": float(np.percentile(timings, 95)),
        "response_bytes_median": statistics.median(sizes.values()),
        "response_bytes_max": max(sizes.values()),
        "wire_bytes_median": statistics.median(wire.values()),
        "wire_bytes_max": max(wire.values()),
        "recolour_choropleth_bytes": len(json.dumps(choropleth_only)),
        "recolour_response_bytes": len(client_response.data),
    }


def run(store: DataStore) -> None:
    for n_rows in (2_000, 100_000):
        scaled = scaled_store(store, n_rows)
        cb = callback_figures(scaled)
        kb = {key: value / 1024 for key, value in cb.items() if "bytes" in key}
        print(
            f"{n_rows:>7,} lauréats — callback de filtre p50 {cb['p50_ms']:.0f} ms, "
            f"p95 {cb['p95_ms']:.0f} ms ; réponse médiane {kb['response_bytes_median']:.0f} Ko, "
            f"max {kb['response_bytes_max']:.0f} Ko (transférée : médiane "
            f"{kb['wire_bytes_median']:.0f} Ko, max {kb['wire_bytes_max']:.0f} Ko) ; "
            "recoloration EPCI "
            f"{kb['recolour_choropleth_bytes']:.0f} Ko (choroplèthe), "
            f"{kb['recolour_response_bytes']:.0f} Ko (réponse entière)"
        )


if __name__ == "__main__":
    import tempfile

    from dashboard.settings import Settings

    with tempfile.TemporaryDirectory() as cache:
        run(DataStore.load(Settings(cache_dir=Path(cache))))
