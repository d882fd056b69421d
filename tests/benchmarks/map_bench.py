"""National map figures at 2,000 and 100,000 lauréats: server time, response size, browser timing.

Synthetic rows are drawn from the demo lauréats (new ids, same communes) so the
distribution of territories stays realistic. Figures are printed, never asserted.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import statistics
import threading
import time
from pathlib import Path

import numpy as np
from werkzeug.serving import make_server

from app import create_app
from dashboard.store import DataStore

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


def _repaint_body(app, query: str, drawn_rows: str = "?previous") -> dict:
    return callback_request(
        app,
        "summary-line.children",
        [{"id": "map-state", "property": "data", "value": query}],
        [
            {"id": "drawn-level", "property": "data", "value": "epci"},
            {"id": "drawn-rows", "property": "data", "value": drawn_rows},
            {"id": "webgl-support", "property": "data", "value": True},
        ],
    )


def callback_figures(store: DataStore, repeats: int = 5) -> dict[str, float]:
    """p50/p95 of the repaint callback through Flask, and the EPCI recolour response size."""
    app = create_app(store.settings, store=store)
    client = app.server.test_client()
    client.get("/")
    timings, sizes = [], {}
    for _ in range(repeats):
        for query in FILTER_QUERIES:
            start = time.perf_counter()
            response = client.post("/_dash-update-component", json=_repaint_body(app, query))
            timings.append((time.perf_counter() - start) * 1000)
            sizes[query] = len(response.data)
            assert response.status_code == 200, response.data[:300]
    # A metric change: same rows as drawn, so the pins are not re-sent.
    recolour = _repaint_body(app, "?indicateur=montant_aide", drawn_rows="")
    client_response = client.post("/_dash-update-component", json=recolour)
    patch = json.loads(client_response.data)["response"]["national-map"]["figure"]
    choropleth_only = [op for op in patch["operations"] if op["location"][:2] == ["data", 0]]
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": float(np.percentile(timings, 95)),
        "response_bytes_median": statistics.median(sizes.values()),
        "response_bytes_max": max(sizes.values()),
        "recolour_choropleth_bytes": len(json.dumps(choropleth_only)),
        "recolour_response_bytes": len(client_response.data),
    }


class _Server:
    """The app served by werkzeug in a thread, for the browser measurements."""

    def __init__(self, store: DataStore):
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.server = make_server(
            "127.0.0.1", 0, create_app(store.settings, store=store).server, threaded=True
        )
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


def _chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options)


MAP_DRAWN_JS = """
const gd = document.querySelector('#national-map .js-plotly-plot');
if (!gd || !gd._fullLayout || !gd._fullLayout.map) return false;
const map = gd._fullLayout.map._subplot.map;
return map.loaded() && map.getStyle().layers.some(l => l.type === 'fill')
  && map.querySourceFeatures(Object.keys(map.getStyle().sources)[0] || '').length >= 0;
"""
REPAINT_JS = """
const done = arguments[arguments.length - 1];
const gd = document.querySelector('#national-map .js-plotly-plot');
const summary = document.querySelector('#summary-line');
const before = summary.textContent;
const start = performance.now();
document.querySelector("#f-ti-scope input[value='%s']").click();
const poll = setInterval(() => {
  if (summary.textContent === before) return;
  clearInterval(poll);
  // The new figure is in the DOM once the summary changed: wait for MapLibre to finish drawing.
  const finish = () => done(performance.now() - start);
  requestAnimationFrame(() => {
    const map = gd._fullLayout.map._subplot.map;
    if (map.loaded() && !map.isMoving()) { map.once('idle', finish); map.triggerRepaint(); }
    else map.once('idle', finish);
  });
}, 5);
"""


def browser_figures(store: DataStore) -> dict[str, float]:
    """First load (bytes, seconds to the drawn map) and filter change → repainted map (ms)."""
    driver = _chromium()
    try:
        with _Server(store) as server:
            start = time.perf_counter()
            driver.get(server.url + "/")
            deadline = start + 60
            while time.perf_counter() < deadline and not driver.execute_script(MAP_DRAWN_JS):
                time.sleep(0.05)
            visible = time.perf_counter() - start
            time.sleep(1.0)
            transferred = sum(
                json.loads(e["message"])["message"]["params"].get("encodedDataLength", 0)
                for e in driver.get_log("performance")
                if json.loads(e["message"])["message"]["method"] == "Network.loadingFinished"
            )
            driver.set_script_timeout(30)
            repaints = [
                driver.execute_async_script(REPAINT_JS % scope)
                for scope in ("dans", "hors", "tous", "dans", "hors", "tous")
            ]
    finally:
        driver.quit()
    return {
        "first_load_bytes": transferred,
        "map_visible_s": visible,
        "repaint_ms_median": statistics.median(repaints),
        "repaint_ms_max": max(repaints),
    }


def run(store: DataStore) -> None:
    for n_rows in (2_000, 100_000):
        scaled = scaled_store(store, n_rows)
        cb = callback_figures(scaled)
        kb = {key: value / 1024 for key, value in cb.items() if "bytes" in key}
        print(
            f"{n_rows:>7,} lauréats — callback de filtre p50 {cb['p50_ms']:.0f} ms, "
            f"p95 {cb['p95_ms']:.0f} ms ; réponse médiane {kb['response_bytes_median']:.0f} Ko, "
            f"max {kb['response_bytes_max']:.0f} Ko ; recoloration EPCI "
            f"{kb['recolour_choropleth_bytes']:.0f} Ko (choroplèthe), "
            f"{kb['recolour_response_bytes']:.0f} Ko (réponse entière)"
        )
        br = browser_figures(scaled)
        print(
            f"{n_rows:>7,} lauréats — Chromium : premier chargement "
            f"{br['first_load_bytes'] / 1e6:.2f} Mo transférés, carte visible en "
            f"{br['map_visible_s']:.1f} s ; changement de filtre → carte repeinte "
            f"{br['repaint_ms_median']:.0f} ms (médiane), {br['repaint_ms_max']:.0f} ms (max)"
        )


if __name__ == "__main__":
    import tempfile

    from dashboard.settings import Settings

    with tempfile.TemporaryDirectory() as cache:
        run(DataStore.load(Settings(cache_dir=Path(cache))))
